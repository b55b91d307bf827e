"""Archived photos read back from a crawl's WARC files, never from the live web.

A photo is found by the ``WARC-Record-ID`` its article's ``capture`` names, in the WARC files of
the output folder, through :class:`archiver.warc.reader.WarcIndex`: a revisit is followed to the
record it repeats, and the body is decoded (de-chunked, Content-Encoding undone) as the crawl
decoded it. The index is built on first use, once, and shared by the threads of the server.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from archiver.view.catalog import PhotoView
from archiver.warc.reader import WarcIndex

_WARC_SUFFIXES = (".warc.gz", ".warc", ".warc.gz.open", ".warc.open")


@dataclass(frozen=True)
class ArchivedPhoto:
    """A photo's bytes as the server sent them, decoded; ``content_type`` as archived."""

    body: bytes
    content_type: str | None


class PhotoUnavailable(Exception):
    """The archive holds no readable body for a photo; the message says why, in a few words."""


class PhotoArchive:
    """Photos of one output folder's WARC files (``warc_dir``), by :class:`PhotoView`."""

    def __init__(self, warc_dir: Path) -> None:
        self.warc_dir = warc_dir
        self._index: WarcIndex | None = None
        self._lock = threading.Lock()

    def warc_files(self) -> list[Path]:
        if not self.warc_dir.is_dir():
            return []
        return sorted(path for path in self.warc_dir.iterdir() if path.name.endswith(_WARC_SUFFIXES))

    @property
    def index(self) -> WarcIndex:
        """The WARC index, built on first use (reading every file's record headers once)."""
        with self._lock:
            if self._index is None:
                self._index = WarcIndex(self.warc_files())
            return self._index

    def photo(self, photo: PhotoView) -> ArchivedPhoto:
        """The archived body of ``photo``. Raises :class:`PhotoUnavailable` when it was not
        captured, its record is in none of the WARC files, or its body cannot be read."""
        if photo.record_id is None:
            raise PhotoUnavailable("not captured")
        capture = self.index.capture_of_record(photo.record_id)
        if capture is None:
            raise PhotoUnavailable(f"record {photo.record_id} is in none of the WARC files")
        if capture.payload_source is None:
            raise PhotoUnavailable("a revisit whose original is not archived")
        body = self.index.body(capture)
        if not body:
            raise PhotoUnavailable("its archived body is empty or does not decode")
        return ArchivedPhoto(body=body, content_type=capture.headers.get("content-type"))
