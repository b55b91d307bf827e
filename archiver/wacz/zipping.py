"""Putting files into the WACZ's ZIP: copied in chunks (never read whole), with the sha256 and
byte count of what went in computed on the way (the datapackage's ``hash`` and ``bytes``).

WARCs and the ZipNum ``index.cdx.gz`` are stored (``ZIP_STORED``): a replay reads their records
by HTTP range, which only works on bytes kept as they are (WACZ 1.1.1). Text files (the plain
CDXJ, the ZipNum ``.idx``, the page lists, the datapackage) are deflated, as py-wacz does;
ReplayWeb.page inflates them whole. Sizes are known before a member starts, so
:mod:`zipfile` writes ZIP64 headers exactly for the members (and the archive) that need them.
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHUNK_BYTES = 1 << 20  # 1 MiB per read: memory stays flat whatever the WARC's size


@dataclass(frozen=True)
class Resource:
    """One file of the package as the datapackage lists it: ``path`` in the ZIP, ``hash``
    (``sha256:<hex>``), ``bytes`` (its size before any ZIP compression)."""

    path: str
    hash: str
    bytes: int

    @property
    def name(self) -> str:
        """The datapackage resource name: the file name, lower-cased, with only the characters
        the Data Package spec allows (``[-a-z0-9._/]``)."""
        base = self.path.rsplit("/", 1)[-1].lower()
        return "".join(char if char.isascii() and (char.isalnum() or char in "-._") else "-" for char in base)


def _zip_time(seconds: float) -> tuple[int, int, int, int, int, int]:
    # ZIP dates start in 1980; a file dated earlier (a clock reset) gets that first day.
    return max(time.gmtime(seconds)[:6], (1980, 1, 1, 0, 0, 0))


def add_file(
    archive: zipfile.ZipFile,
    source: Path,
    path: str,
    *,
    stored: bool,
    inspect: Callable[[bytes], None] | None = None,
) -> Resource:
    """Copy ``source`` into ``archive`` as ``path``, ``stored`` (as it is) or deflated;
    ``inspect`` sees each chunk copied. Raises ``OSError`` when it cannot be read or the
    archive cannot be written."""
    info = zipfile.ZipInfo(path, _zip_time(source.stat().st_mtime))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    digest = hashlib.sha256()
    count = 0
    with source.open("rb") as reader:
        info.file_size = source.stat().st_size  # decides whether the member needs ZIP64
        with archive.open(info, "w") as writer:
            while chunk := reader.read(CHUNK_BYTES):
                digest.update(chunk)
                if inspect is not None:
                    inspect(chunk)
                writer.write(chunk)
                count += len(chunk)
    return Resource(path, f"sha256:{digest.hexdigest()}", count)


def add_bytes(archive: zipfile.ZipFile, data: bytes, path: str) -> None:
    """A small text file (the datapackage and its digest), deflated; not a listed resource."""
    info = zipfile.ZipInfo(path, _zip_time(time.time()))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
