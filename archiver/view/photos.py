"""Archived photos read back from a crawl's WARC files, never from the live web.

A photo is found by the ``WARC-Record-ID`` its article's ``capture`` names, in the WARC files of
the output folder (``OUT/warc``; a job folder's every run's, a job run's with the other runs'
as references; when that holds none, the WARCs inside ``OUT/*.wacz``, read in
place), through :class:`archiver.warc.reader.WarcIndex`: a revisit is followed to the record it
repeats, and the body is decoded (de-chunked, Content-Encoding undone) as the crawl decoded it.
The index is built on first use, once, and shared by the threads of the server; its warnings
(damaged WARC data) are printed once then, to stderr.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archiver.outputs import output_folder
from archiver.view.catalog import PhotoView
from archiver.wacz.members import WaczReadError, warc_sources
from archiver.warc.reader import WarcIndex
from archiver.warc.source import FileSource, WarcSource

_WARC_SUFFIXES = (".warc.gz", ".warc", ".warc.gz.open", ".warc.open")
_WARNINGS_SHOWN = 20  # lines of the index's warnings printed; a count says how many more


@dataclass(frozen=True)
class ArchivedPhoto:
    """A photo's bytes as the server sent them, decoded; ``content_type`` as archived."""

    body: bytes
    content_type: str | None


class PhotoUnavailable(Exception):
    """The archive holds no readable body for a photo; the message says why, in a few words."""


def _print_warning(line: str) -> None:
    print(f"archiver view: warning: {line}", file=sys.stderr)


class PhotoArchive:
    """Photos of one output folder's WARC files (``warc_dir``, else the WACZ files beside it),
    by :class:`PhotoView`. ``warn``: called once per problem met while indexing (damaged WARC
    data, a WACZ that does not read), one line each."""

    def __init__(self, warc_dir: Path, warn: Callable[[str], None] = _print_warning) -> None:
        self.warc_dir = warc_dir
        self.warn = warn
        self.waczs: list[Path] = []  # the WACZ files read, when warc_dir holds no WARC
        self._index: WarcIndex | None = None
        self._lock = threading.Lock()

    def warc_files(self) -> list[Path]:
        if not self.warc_dir.is_dir():
            return []
        return sorted(path for path in self.warc_dir.iterdir() if path.name.endswith(_WARC_SUFFIXES))

    def sources(self) -> list[WarcSource]:
        """``warc_dir``'s WARC files (a job folder, whose ``warc`` is absent: every run's); when
        there are none, the WARC members of every ``*.wacz`` in the folder above (the crawl's
        output folder)."""
        given = output_folder(self.warc_dir.parent)
        warcs = given.warcs if given.kind == "job" else self.warc_files()
        files: list[WarcSource] = [FileSource(path) for path in warcs]
        if files:
            return files
        self.waczs = sorted(self.warc_dir.parent.glob("*.wacz"))
        members: list[WarcSource] = []
        for wacz in self.waczs:
            try:
                members += warc_sources(wacz)
            except (OSError, WaczReadError) as error:
                self.warn(f"{wacz.name} not read ({error})")
        return members

    @property
    def where(self) -> str:
        """Where the records are looked for, for messages."""
        if self.waczs:
            return "the WARC files of " + ", ".join(path.name for path in self.waczs)
        return "the WARC files"

    @property
    def index(self) -> WarcIndex:
        """The WARC index, built on first use (reading every file's record headers once); its
        warnings (damaged data among them) go to ``warn`` then, once."""
        with self._lock:
            if self._index is None:
                # A job run's revisits (304s, payloads seen before) resolve in the other runs.
                references = output_folder(self.warc_dir.parent).references
                self._index = WarcIndex(self.sources(), references=references)
                warnings = self._index.warnings
                for line in warnings[:_WARNINGS_SHOWN]:
                    self.warn(line)
                if len(warnings) > _WARNINGS_SHOWN:
                    self.warn(f"... and {len(warnings) - _WARNINGS_SHOWN} more problems in {self.where}")
            return self._index

    def status_of(self, url: str) -> int | None:
        """The HTTP status of what the archive holds for ``url`` (archived redirects followed);
        None when it was never archived."""
        capture = self.index.resolve(url)[1]
        return capture.status if capture is not None else None

    def damage_in(self, warc_filename: str) -> str | None:
        """The first damage met in the WARC file named ``warc_filename``, if any."""
        name = warc_filename.removesuffix(".open")
        for line in self.index.damaged:
            file = line.split(": ", 1)[0].removesuffix(".open")
            if file == name:
                return line.split(": ", 1)[1] if ": " in line else line
        return None

    def photo(self, photo: PhotoView) -> ArchivedPhoto:
        """The archived body of ``photo``. Raises :class:`PhotoUnavailable` when it was not
        captured, its record is in none of the WARC files, or its body cannot be read."""
        if photo.record_id is None:
            raise PhotoUnavailable("not captured")
        capture = self.index.capture_of_record(photo.record_id)
        if capture is None:
            damage = self.damage_in(photo.warc_filename or "")
            if damage is not None:
                where = f"{photo.warc_filename} is damaged or cut"
                raise PhotoUnavailable(f"record {photo.record_id} not readable: {where} ({damage})")
            raise PhotoUnavailable(f"record {photo.record_id} is in none of {self.where}")
        if capture.payload_source is None:
            raise PhotoUnavailable("a revisit whose original is not archived")
        body = self.index.body(capture)
        if not body:
            raise PhotoUnavailable("its archived body is empty or does not decode")
        return ArchivedPhoto(body=body, content_type=capture.headers.get("content-type"))
