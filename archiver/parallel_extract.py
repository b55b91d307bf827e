"""Re-extraction on every core, for ``archiver extract --jobs N`` and ``archiver merge``: the
bytes of one process, in two phases of forked worker processes.

1. **Reading** (:func:`read_index`): each WARC file is cut into byte ranges
   (:func:`archiver.warc.reader.summarise_range` moves the cuts to record starts); workers read
   and examine the records of a range and answer plain-data summaries, which the index applies
   in file order with the code one process uses (falling back to reading on by itself where
   ranges do not join up: damage).
2. **Articles** (:func:`article_lines`): once the index is complete, a second pool is forked,
   so every worker holds the whole index (copy-on-write, nothing pickled). The URLs in capture
   order are cut into chunks of pages; a worker does for its chunk what one process does for
   all (parse each page, follow the chains of those that begin an article, stitch, serialise)
   with only its own chunk's chains known, and answers, per page it looked at, the article's
   JSON line and the URLs its chain took. The main process walks the answers in order with the
   chains taken so far, as one process does: an article whose first page an earlier chunk's
   chain took is dropped, and a page the worker skipped because a dropped chain took it is
   looked at here. Later pages of a paginated article whose first page lies in an earlier
   chunk are left to the main process from the start (the chain begun there takes them).
   Whether a page begins an article, and its chain, depend on the index alone
   (:func:`archiver.reextract.begin_article`), so the result is one process's, byte for byte.

Where the time goes (cProfile of the bench crawl's 757 pages): ``parse_page`` ~75%, reading the
records ~15-20%, stitching and writing the rest; all of it but applying the summaries and
walking the answers is done in the workers, and no page record crosses processes.

Memory stays bounded: workers receive a file's name and a byte range, or a slice of the
capture order, and read the records themselves; at most ``2 * jobs`` tasks are in flight, and a
chunk holds at most ``CHUNK_PAGES`` pages.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

# Only the reading's modules at import: phase 1's workers fork from a process that has not
# loaded the parser yet (see read_index's while_reading); phase 2 imports the rest.
from archiver.warc.reader import Capture, RangeSummary, WarcIndex, range_bounds, summarise_range
from archiver.warc.source import WarcSource

if TYPE_CHECKING:
    from archiver.reextract import PageCache

# Bytes of a WARC file per reading task: small enough to keep every core busy to the end of a
# file, large enough that a task's overhead (opening the file, finding the first record start)
# does not count.
RANGE_BYTES = 2 << 20
# Pages per article task: at most CHUNK_PAGES, at least CHUNK_LEAST_PAGES. A page that a chain
# begun in an earlier chunk takes is looked at by its own chunk's worker too (and its article
# dropped in the main process), and a crawl interleaves articles' pages widely (its requests
# run concurrently), so every boundary costs a few pages parsed twice (3-4 on the bench
# crawl): chunks are large while much is left, and shrink towards the end so that no core
# idles while another finishes a large last chunk.
CHUNK_PAGES = 256
CHUNK_LEAST_PAGES = 16

_Result = TypeVar("_Result")


@contextmanager
def _forked_pool(
    jobs: int, initializer: Callable[..., None], *initargs: object
) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` worker processes, ended with the block (tasks not started are cancelled, so a
    Ctrl-C or an error ends the command without waiting for them)."""
    # fork: the workers start with every module imported and, for the articles, the complete
    # index in memory (passed as initargs, which fork does not pickle); spawn would re-import
    # and pickle the index. The main process has no other thread when a pool starts.
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("fork"), initializer=initializer, initargs=initargs
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """In a worker: a Ctrl-C is the main process's to handle (it stops the pool), so the workers
    print no traceback of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_order(
    pool: ProcessPoolExecutor,
    tasks: Iterable[Callable[[], _Result]],
    ahead: int,
    while_waiting: Callable[[], object] | None = None,
) -> Iterator[_Result]:
    """The results of ``tasks`` run in ``pool``, in task order, with at most ``ahead`` in flight;
    ``while_waiting`` is called once the first ones are submitted, before waiting for any;
    tasks not yet needed when the caller stops early are cancelled."""
    waiting: deque[Future[_Result]] = deque()
    try:
        for task in tasks:
            waiting.append(pool.submit(task))
            if len(waiting) >= ahead:
                if while_waiting is not None:
                    while_waiting()
                    while_waiting = None
                yield waiting.popleft().result()
        if while_waiting is not None:
            while_waiting()
        while waiting:
            yield waiting.popleft().result()
    finally:
        for future in waiting:
            future.cancel()


# -- phase 1: reading ---------------------------------------------------------------------------


class _RangeReader:
    """WarcIndex's ``ranges``: the summaries of a file's byte ranges, in file order, read by the
    pool's workers with at most ``ahead`` ranges in flight; ``while_reading`` is called once,
    when the first file's first ranges are submitted."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        ahead: int,
        range_bytes: int,
        while_reading: Callable[[], object] | None,
    ) -> None:
        self._pool, self._ahead, self._range_bytes = pool, ahead, range_bytes
        self._while_reading = while_reading

    def __call__(self, source: WarcSource) -> Iterator[RangeSummary]:
        with source.open() as stream:
            size = stream.seek(0, os.SEEK_END)
        bounds = range_bounds(size, self._range_bytes)
        tasks = (partial(summarise_range, source, start, end) for start, end in bounds)
        hook, self._while_reading = self._while_reading, None
        return _in_order(self._pool, tasks, self._ahead, hook)

    def call_unused_hook(self) -> None:
        """Call ``while_reading`` if no file was read by ranges (none given, references only)."""
        hook, self._while_reading = self._while_reading, None
        if hook is not None:
            hook()


def read_index(
    sources: list[WarcSource],
    references: list[WarcSource],
    jobs: int,
    range_bytes: int = RANGE_BYTES,
    while_reading: Callable[[], object] | None = None,
) -> WarcIndex:
    """The :class:`WarcIndex` of ``sources`` (``references`` read for revisits only), the
    records read by ``jobs`` worker processes: the index one process builds, warnings too.
    ``while_reading``: called once while the workers read the first ranges (the command loads
    the parser then, which the workers do not need: they fork before it is loaded)."""
    with _forked_pool(jobs, _ignore_interrupts) as pool:
        # 4 ranges a worker ahead: enough to keep them busy while while_reading runs.
        ranges = _RangeReader(pool, 4 * jobs, range_bytes, while_reading)
        index = WarcIndex(sources, references=references, ranges=ranges)
    ranges.call_unused_hook()
    return index


# -- phase 2: articles --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageOutcome:
    """What a worker found at one page of its chunk: ``skipped``, a chain of the same chunk took
    it, or it is a later page left to the main process (:func:`_later_pages`), not looked at;
    else it begins an article, whose chain took the URLs ``taken`` (itself
    first among them) and whose JSON line is ``line`` (None: the chain makes no article)."""

    url: str
    skipped: bool = False
    line: str | None = None
    taken: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class _Held:
    """What each worker of the articles pool holds (set by its initializer, inherited by fork)."""

    index: WarcIndex
    order: list[str]  # index.order, computed once
    later_pages: dict[int, int]  # see _later_pages


_held: _Held | None = None


def _hold(held: _Held) -> None:
    global _held
    _ignore_interrupts()
    _held = held


def _later_pages(order: list[str], positions: list[int]) -> dict[int, int]:
    """Position of a later page of a paginated article ("/story/3/") -> the position of the
    article's first page in the capture order, where that comes before it. A chain begun there
    most likely takes the page, so a worker whose chunk starts after that position leaves the
    page to the main process (which skips it if a chain took it, else looks at it) instead of
    following a chain of its own that would be dropped: the crawl interleaves the pages of
    articles fetched at once, so chunk boundaries otherwise cost several pages parsed twice."""
    from archiver.parse.links import paginated_article

    first_of: dict[str, int] = {}
    later: dict[int, int] = {}
    for position in positions:
        article, marked = paginated_article(order[position])
        first = first_of.setdefault(article, position)
        if marked and first < position:
            later[position] = first
    return later


def _outcomes_in(first: int, end: int) -> list[PageOutcome]:
    """In a worker: the pages among ``order[first:end]`` that were skipped or begin an article,
    in order, as one process would find them if no chain before ``first`` existed (pages left
    to the main process, see :func:`_later_pages`, count as skipped)."""
    from archiver.reextract import PageCache

    assert _held is not None, "the articles pool's initializer holds the index"
    index, order, later_pages = _held.index, _held.order, _held.later_pages
    pages = PageCache()
    taken_here: set[str] = set()
    outcomes: list[PageOutcome] = []
    for position in range(first, end):
        url = order[position]
        capture = index.captures[url]
        if not capture.is_page:
            continue
        if url in taken_here or later_pages.get(position, first) < first:
            outcomes.append(PageOutcome(url, skipped=True))
            continue
        begun = _article_at(index, capture, pages)
        if begun is not None:
            line, taken = begun
            taken_here |= taken
            outcomes.append(PageOutcome(url, line=line, taken=frozenset(taken)))
    return outcomes


def _article_at(index: WarcIndex, capture: Capture, pages: PageCache) -> tuple[str | None, set[str]] | None:
    """What one process does at a page no chain took: None when it begins no article, else the
    JSON line of its article (None: its chain makes none) and the URLs its chain took. The
    pages parsed are forgotten (``pages`` keeps none)."""
    from archiver.reextract import article_of, begin_article

    begun = begin_article(index, capture, pages)
    pages.forget(capture.url)
    if begun is None:
        return None
    found, taken = begun
    for _, page in found.draft.pages:
        pages.forget(page.url)
    article = article_of(index, found)
    return (None if article is None else article.to_json()), taken


def chunk_bounds(
    page_positions: list[int], size: int, jobs: int, most: int = CHUNK_PAGES, least: int = CHUNK_LEAST_PAGES
) -> list[tuple[int, int]]:
    """Slices ``(first, end)`` of a capture order of ``size`` URLs, covering it, each holding at
    most ``most`` of the pages at ``page_positions`` (ascending): a chunk takes a share of the
    pages left (``1 / (2 * jobs)``, at least ``least`` and at most ``most``), so chunks shrink
    towards the end."""
    bounds: list[tuple[int, int]] = []
    first, done = 0, 0
    while done < len(page_positions):
        left = len(page_positions) - done
        done += max(1, least, min(most, math.ceil(left / (2 * jobs))))
        end = page_positions[done] if done < len(page_positions) else size
        bounds.append((first, end))
        first = end
    return bounds or [(0, size)]


def article_lines(
    index: WarcIndex, jobs: int, most_pages: int = CHUNK_PAGES, least_pages: int = CHUNK_LEAST_PAGES
) -> Iterator[str]:
    """The JSON lines of the index's articles, in the order :func:`articles_from_index` gives
    them, made by ``jobs`` worker processes forked with the index (``most_pages``,
    ``least_pages``: the chunk sizes, see :func:`chunk_bounds`). Call it with the index
    frozen (:func:`gc.freeze`): a worker's garbage collector would otherwise walk the whole
    index and write to every page of it that the worker shares with this process."""
    from archiver.reextract import PageCache

    order = index.order
    positions = [position for position, url in enumerate(order) if index.captures[url].is_page]
    tasks = (
        partial(_outcomes_in, first, end)
        for first, end in chunk_bounds(positions, len(order), jobs, most_pages, least_pages)
    )
    taken: set[str] = set()  # as drafts_from_index's: URLs the chains so far took
    pages = PageCache()  # for the pages looked at here
    held = _Held(index, order, _later_pages(order, positions))
    with _forked_pool(jobs, _hold, held) as pool:
        for outcomes in _in_order(pool, tasks, 2 * jobs):
            for outcome in outcomes:
                if outcome.url in taken:
                    continue  # an earlier chunk's chain took it: it begins no article
                if not outcome.skipped:
                    taken |= outcome.taken
                    if outcome.line is not None:
                        yield outcome.line
                    continue
                # The worker skipped it for a chain that is dropped here, or left it to this
                # process: look at it as one process does.
                begun = _article_at(index, index.captures[outcome.url], pages)
                if begun is not None:
                    line, chain = begun
                    taken |= chain
                    if line is not None:
                        yield line
