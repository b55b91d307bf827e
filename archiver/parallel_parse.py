"""Reading a WARC set and parsing its pages on every core, for ``archiver extract --jobs N`` and
``archiver merge``.

Where re-extraction spends its time (cProfile of the bench crawl's 757 pages, 9,486 records):
``parse_page`` ~75%, reading and decompressing records into the index ~15-20%, stitching and
writing the rest. So both are done in worker processes: each file is cut into byte ranges
(:func:`archiver.warc.reader.summarise_range` moves the cuts to record starts), a worker reads
its range and answers each record's plain-data summary, with the page already parsed when it
looks like one; the index applies the summaries in file order (:class:`PageParsePool.ranges` is
its ``ranges`` hook) and hands each parsed page back through ``on_capture`` (:meth:`offer`).

The chain-following and stitching stay in the main process, exactly as with one process; the
pool only answers ``parse(capture)`` with the same :class:`ListiclePage` a local parse gives
(parsing is a pure function of the body, the URL and the Content-Type), so the output is byte
for byte the one of ``--jobs 1``. A parse whose inputs changed after it was offered (a revisit
resolved later, a later capture of the URL) is not used: the key is every input of the parse.
A page the workers could not parse (any exception) is parsed again in the main process, which
then raises or rejects exactly as a single process does.

Memory stays bounded: workers receive a file's name and a byte range (or a capture's metadata)
and read the records themselves; at most ``2 * jobs`` ranges and ``4 * jobs`` single parses are
in flight; finished parses are spilled, pickled, to an unnamed temporary file and read back when
the chain needs them.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import IO

from archiver.models import ListiclePage
from archiver.parse.page import parse_page
from archiver.reextract import parse_capture
from archiver.warc.reader import Capture, RangeSummary, WarcIndex, capture_body, range_bounds, summarise_range
from archiver.warc.source import WarcSource

# Bytes of a WARC file per worker task: small enough to keep both cores busy to the end of a
# file and the answers small, large enough that a task's overhead (opening the file, finding
# the first record start) does not count.
RANGE_BYTES = 2 << 20

# Everything the parse of a capture depends on: URL, where the payload is, how it is decoded.
_Key = tuple[str, str, int, bool, str | None, str | None, str | None]


def _parse_pickled(capture: Capture) -> bytes | None:
    """In a worker: the pickled page record, or None when parsing raised (anything: the main
    process parses it again to raise or reject exactly as one process would)."""
    try:
        body = capture_body(capture)
        return pickle.dumps(
            parse_page(body, capture.url, content_type=capture.headers.get("content-type")),
            pickle.HIGHEST_PROTOCOL,
        )
    except Exception:  # redone in the main process, which reports it
        return None


def _parse_body(body: bytes, url: str, content_type: str | None) -> bytes:
    """In a worker: the pickled page record parsed from ``body``, b"" when parsing raised."""
    try:
        return pickle.dumps(parse_page(body, url, content_type=content_type), pickle.HIGHEST_PROTOCOL)
    except Exception:  # redone in the main process, which reports it
        return b""


def _summarise(source: WarcSource, start: int, end: int) -> RangeSummary:
    return summarise_range(source, start, end, parse=_parse_body)


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

    def __init__(self, jobs: int, scratch: Path | None = None, range_bytes: int = RANGE_BYTES) -> None:
        self._limit = 4 * jobs
        self._ranges_ahead = 2 * jobs
        self._range_bytes = range_bytes
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

    def ranges(self, source: WarcSource) -> Iterator[RangeSummary]:
        """The summaries of ``source``'s byte ranges, in file order, read by the workers with at
        most ``2 * jobs`` ranges in flight (WarcIndex's ``ranges``)."""
        with source.open() as stream:
            size = stream.seek(0, os.SEEK_END)
        bounds = iter(range_bounds(size, self._range_bytes))
        waiting: deque[Future[RangeSummary]] = deque()
        try:
            for start, end in bounds:
                waiting.append(self._executor.submit(_summarise, source, start, end))
                if len(waiting) >= self._ranges_ahead:
                    yield waiting.popleft().result()
            while waiting:
                yield waiting.popleft().result()
        finally:  # the index stopped early (damage): the ranges not needed are dropped
            for future in waiting:
                future.cancel()

    def offer(self, capture: Capture, page: bytes | None = None) -> None:
        """Keep ``page``, the pickled record a worker parsed for ``capture`` (b"": parsing it
        raised), or start parsing ``capture`` if it looks like a page (WarcIndex's
        ``on_capture``)."""
        key = _key(capture)
        if key is None:
            return
        if page is not None:
            self._store(key, page or None)
            return
        if not capture.is_page or key in self._done or any(key == waiting for waiting, _ in self._pending):
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
        self._store(key, future.result())

    def _store(self, key: _Key, data: bytes | None) -> None:
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
