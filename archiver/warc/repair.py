"""Recovering WARC files a killed crawl left behind as ``.open``.

A kill can cut the last record of the open file. Every record is its own gzip member, so the
file is cut back to the end of its last complete member whose WARC record is whole, and
renamed to its final name. The scan streams the file; memory stays flat for a 1 GB WARC.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

_CHUNK = 1 << 20
_HEADER_KEEP = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:\s*(\d+)\r\n", re.IGNORECASE)


def _record_is_whole(head: bytes, total: int) -> bool:
    end = head.find(b"\r\n\r\n")
    if not head.startswith(b"WARC/") or end < 0:
        return False
    match = _CONTENT_LENGTH.search(head[: end + 2])
    return match is not None and total == end + 4 + int(match.group(1)) + 4


def whole_records_length(path: Path) -> int:
    """Byte length of the file's prefix made of complete gzip members holding whole records."""
    good = 0
    position = 0
    decompressor = zlib.decompressobj(31)
    head = b""
    produced = 0
    with path.open("rb") as stream:
        pending = b""
        while True:
            if not pending:
                pending = stream.read(_CHUNK)
                if not pending:
                    return good
            try:
                out = decompressor.decompress(pending)
            except zlib.error:
                return good
            produced += len(out)
            if len(head) < _HEADER_KEEP:
                head += out[: _HEADER_KEEP - len(head)]
            if decompressor.eof:
                used = len(pending) - len(decompressor.unused_data)
                position += used
                if not _record_is_whole(head, produced):
                    return good
                good = position
                pending = decompressor.unused_data
                decompressor = zlib.decompressobj(31)
                head, produced = b"", 0
            else:
                position += len(pending)
                pending = b""


def recover_open_file(path: Path) -> tuple[Path, int]:
    """Cut ``NAME.warc.gz.open`` back to its last whole record and rename it ``NAME.warc.gz``.

    Returns the final path and the number of bytes cut. An empty result is removed instead.
    """
    length = whole_records_length(path)
    size = path.stat().st_size
    final = path.with_name(path.name.removesuffix(".open"))
    if length == 0:
        path.unlink()
        return final, size
    with path.open("r+b") as stream:
        stream.truncate(length)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(path, final)
    return final, size - length
