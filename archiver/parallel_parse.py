"""Parsing a WARC set's pages on every core, for ``archiver extract --jobs N`` and ``archiver merge``.

Where re-extraction spends its time (cProfile of the bench crawl's 757 pages, 9,486 records):
``parse_page`` ~75%, reading and decompressing records into the index ~15%, stitching and
writing the rest. So the pages are parsed in worker processes, and the parsing starts while the
main process is still reading the files: :class:`PageParsePool.offer` is the index's
``on_capture`` hook, which hands each capture that looks like a page to the pool at once.

The chain-following and stitching stay in the main process, exactly as with one process; the
pool only answers ``parse(capture)`` with the same :class:`ListiclePage` a local parse gives
(parsing is a pure function of the body, the URL and the Content-Type), so the output is byte
for byte the one of ``--jobs 1``. A parse whose inputs changed after it was offered (a revisit
resolved later, a later capture of the URL) is not used: the key is every input of the parse.
A page the workers could not parse (any exception) is parsed again in the main process, which
then raises or rejects exactly as a single process does.

Memory stays bounded: workers receive a capture's metadata (a few hundred bytes) and read the
record themselves; at most ``4 * jobs`` parses are in flight; finished parses are spilled,
pickled, to an unnamed temporary file and read back when the chain needs them.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import IO

from archiver.models import ListiclePage
from archiver.parse.page import parse_page
from archiver.reextract import parse_capture
from archiver.warc.reader import Capture, WarcIndex, capture_body

# Everything the parse of a capture depends on: URL, where the payload is, how it is decoded.
_Key = tuple[str, str, int, bool, str | None, str | None, str | None]


def _parse_pickled(capture: Capture) -> bytes | None:
    """In a worker: the pickled page record, or None when parsing raised (anything: the main
    process parses it again to raise or reject exactly as one process would)."""
    try:
        body = capture_body(capture)
        return pickle.dumps(parse_page(body, capture.url, content_type=capture.headers.get("content-type")))
    except Exception:  # redone in the main process, which reports it
        return None


def _key(capture: Capture) -> _Key | None:
    if capture.payload_source is None:
        return None
    headers = capture.headers
    return (
        capture.url,
        capture.payload_source.name,
        capture.payload_offset,
        capture.payload_is_http,
        headers.get("content-type"),
        headers.get("content-encoding"),
        headers.get("transfer-encoding"),
    )


class PageParsePool:
    """``jobs`` worker processes parsing pages ahead of the chain-following; use as a context
    manager (the workers and the spill file end with it). ``scratch``: the folder of the spill
    file (None: the system's temporary folder)."""

    def __init__(self, jobs: int, scratch: Path | None = None) -> None:
        self._limit = 4 * jobs
        # fork: the workers start with every module already imported (spawn re-imports them);
        # the main process has no threads at this point.
        self._executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
        self._pending: deque[tuple[_Key, Future[bytes | None]]] = deque()
        self._spill: IO[bytes] = tempfile.TemporaryFile(dir=scratch)  # noqa: SIM115 - closed in __exit__
        self._done: dict[_Key, tuple[int, int] | None] = {}  # key -> (offset, length) in the spill
        self.from_workers = 0  # parses answered with a worker's record (the others were done here)

    def __enter__(self) -> PageParsePool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._spill.close()

    def offer(self, capture: Capture) -> None:
        """Start parsing ``capture`` if it looks like a page (WarcIndex's ``on_capture``)."""
        if not capture.is_page:
            return
        key = _key(capture)
        if key is None or key in self._done or any(key == waiting for waiting, _ in self._pending):
            return
        while len(self._pending) >= self._limit:
            self._collect_oldest()
        self._pending.append((key, self._executor.submit(_parse_pickled, capture)))

    def offer_pages(self, index: WarcIndex) -> None:
        """Once the index is complete: parse the pages not parsed yet (revisits resolved at the
        end, pages the crawl's notes name), then wait for every parse."""
        for url in index.order:
            self.offer(index.captures[url])
        while self._pending:
            self._collect_oldest()

    def _collect_oldest(self) -> None:
        key, future = self._pending.popleft()
        data = future.result()
        if data is None:
            self._done[key] = None
            return
        self._spill.seek(0, os.SEEK_END)
        self._done[key] = (self._spill.tell(), len(data))
        self._spill.write(data)

    def parse(self, capture: Capture) -> ListiclePage | Exception:
        """The page record of ``capture`` (from the workers when they parsed these very inputs,
        else parsed here), or its :data:`PAGE_ERRORS` exception: what :func:`parse_capture` gives."""
        key = _key(capture)
        place = self._done.get(key) if key is not None else None
        if place is None:
            return parse_capture(capture)
        offset, length = place
        self._spill.seek(offset)
        page = pickle.loads(self._spill.read(length))
        assert isinstance(page, ListiclePage)
        self.from_workers += 1
        return page
