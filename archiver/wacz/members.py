"""Reading a WACZ's WARC files in place: each ``archive/*.warc(.gz)`` member as a
:class:`archiver.warc.source.WarcSource`, without extracting anything to disk.

A WACZ stores its WARCs uncompressed in the ZIP (``ZIP_STORED``, WACZ 1.1.1 §"archive/"), so a
member's bytes are one contiguous range of the file: :class:`MemberSource` opens a seekable
window over that range, and offsets inside it are the WARC file's own (what articles.jsonl
cites). A member stored deflated (not a valid WACZ, but seen) is read through
:mod:`zipfile`, whose member streams can seek, slowly.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

ARCHIVE_FOLDER = "archive/"
WARC_SUFFIXES = (".warc.gz", ".warc")

# ZIP local file header (APPNOTE 4.3.7): 30 fixed bytes, then the name and the extra field,
# whose lengths are at bytes 26 and 28. The local extra field may differ from the central one.
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"


class WaczReadError(Exception):
    """A file that is not a readable WACZ (not a ZIP, no WARC member, a broken header)."""


class _Window(io.RawIOBase):
    """Bytes ``start`` to ``start + size`` of ``file`` as a stream of their own."""

    def __init__(self, file: io.BufferedReader, start: int, size: int) -> None:
        self._file = file
        self._start = start
        self._size = size
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = max(0, min(len(buffer), self._size - self._position))
        if count == 0:
            return 0
        self._file.seek(self._start + self._position)
        got = self._file.readinto(memoryview(buffer)[:count])
        self._position += got
        return got

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()


@dataclass(frozen=True)
class MemberSource:
    """One WARC member of a WACZ: ``name`` is the WARC file name (``archive/`` dropped)."""

    wacz: Path
    member: str  # the member's path in the ZIP, e.g. archive/crawl-...-00000.warc.gz
    data_start: int  # where its bytes start in the WACZ; -1: compressed, read through zipfile
    size: int

    @property
    def name(self) -> str:
        return self.member.rsplit("/", 1)[-1]

    def open(self) -> BinaryIO:
        if self.data_start < 0:
            archive = zipfile.ZipFile(self.wacz)
            stream = archive.open(self.member)
            # The member stream keeps the ZIP's file open; closing it is enough once the
            # ZipFile object has let go of it.
            archive.close()
            return cast(BinaryIO, stream)
        window = _Window(self.wacz.open("rb"), self.data_start, self.size)
        return cast(BinaryIO, io.BufferedReader(window, buffer_size=1 << 16))


def _data_start(file: BinaryIO, info: zipfile.ZipInfo) -> int:
    file.seek(info.header_offset)
    head = file.read(_LOCAL_HEADER.size)
    if len(head) != _LOCAL_HEADER.size:
        raise WaczReadError(f"{info.filename}: its local header is cut short")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(head)
    if signature != _LOCAL_SIGNATURE:
        raise WaczReadError(f"{info.filename}: no local header where the directory says")
    return int(info.header_offset) + _LOCAL_HEADER.size + int(name_length) + int(extra_length)


def warc_sources(wacz: Path) -> list[MemberSource]:
    """The WARC members of ``wacz`` (``archive/*.warc.gz`` and ``*.warc``), in name order.

    Raises ``OSError`` when the file cannot be read, :class:`WaczReadError` when it is not a
    ZIP, has no WARC member or a broken member header.
    """
    try:
        with wacz.open("rb") as file, zipfile.ZipFile(file) as archive:
            sources = []
            for info in archive.infolist():
                if not info.filename.startswith(ARCHIVE_FOLDER) or not info.filename.endswith(WARC_SUFFIXES):
                    continue
                stored = info.compress_type == zipfile.ZIP_STORED
                start = _data_start(file, info) if stored else -1
                sources.append(MemberSource(wacz, info.filename, start, info.file_size))
    except zipfile.BadZipFile as error:
        raise WaczReadError(f"{wacz} is not a WACZ (not a ZIP file: {error})") from None
    if not sources:
        raise WaczReadError(f"{wacz} is a ZIP file but not a WACZ (nothing under archive/)")
    return sorted(sources, key=lambda source: source.name)
