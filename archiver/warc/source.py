"""Where a WARC file's bytes come from: a file on disk, or a member of a WACZ (a ZIP).

:class:`archiver.warc.reader.WarcIndex` reads each source once in order and opens it again
to read a page's payload at its offset, so a source is a name (the WARC file name, as
articles cite it) and a way to open a seekable binary stream positioned at the file's byte 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable


@runtime_checkable
class WarcSource(Protocol):
    """A WARC file to read: ``name`` (e.g. ``crawl-20261130-00000.warc.gz``), and ``open()``
    returning a new seekable binary stream over its bytes (offsets are the file's own), which
    the caller closes. ``open()`` raises ``OSError`` when the bytes cannot be reached."""

    @property
    def name(self) -> str: ...

    def open(self) -> BinaryIO: ...


@dataclass(frozen=True)
class FileSource:
    """A WARC file on disk."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    def open(self) -> BinaryIO:
        return self.path.open("rb")


def as_source(item: Path | WarcSource) -> WarcSource:
    """``item`` as a source: a path becomes a :class:`FileSource`."""
    return FileSource(item) if isinstance(item, Path) else item
