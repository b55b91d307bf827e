"""Progress of a crawl: pages, articles, items, photos, errors, the page rate, and a total and
ETA when the sitemaps or feeds give one.

On a terminal (stderr a TTY, ARCHIVER_PROGRESS_DISPLAY on) a live tqdm display, redrawn every
half second and left on screen at the end with the final counts; log lines are written above it
(archiver.crawl.logs writes through ``tqdm.write``). Otherwise a plain line in the log every
ARCHIVER_PROGRESS_INTERVAL seconds, and one at the end.

tqdm, not rich: bench/progress_cost.py measured tqdm's cost per update at about half of rich's
with each library's own throttle, and a ninth when every update redraws; tqdm is installed with
FastWARC already.

The total counts pages (not images): the article pages this run has asked for (first pages,
next pages, recommendations found so far) plus the sitemap and feed entries still waiting in
the seed backlog. It grows as pages lead to more pages, so the ETA is an estimate; without a
sitemap or feed no total is shown.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.log import get_scrapy_root_handler
from tqdm import tqdm
from twisted.internet import task

from archiver.crawl.report import is_dead_link

logger = logging.getLogger(__name__)
DISPLAY_INTERVAL = 0.5  # seconds between redraws of the live display
# The counts come first (tqdm prefixes the postfix with ", "): they are what a narrow terminal keeps.
COUNTER_FORMAT = "{n_fmt} pages{postfix} | {rate_fmt} | {elapsed}"
BAR_FORMAT = "{n_fmt}/{total_fmt} pages {bar:10} {percentage:3.0f}%{postfix} | {rate_fmt}, ETA {remaining}"


@dataclass(frozen=True)
class Snapshot:
    """The figures one progress update shows."""

    pages: int
    articles: int
    items: int
    photos: int
    errors: int
    in_progress: int
    pages_done: int  # page requests answered (parsed, rejected or failed)
    total: int | None  # page requests asked for + backlog, when a sitemap or feed gives one

    def counts_text(self) -> str:
        return f"{self.articles} articles, {self.items} items, {self.photos} photos, {self.errors} errors"


def _terminal_size() -> tuple[int, int]:
    try:
        columns, lines = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):
        return (0, 0)
    return (columns, lines) if columns and lines else (0, 0)


def _scrapy_logs_to_the_terminal() -> bool:
    """Whether Scrapy's own root handler writes to a stream (``scrapy crawl``): its lines would
    cut through a live display, so the plain lines are used instead. ``archiver crawl`` installs
    its own handler, which writes above the display (archiver.crawl.logs)."""
    handler = get_scrapy_root_handler()
    return isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)


def _is_page_request(request: Request) -> bool:
    # Page requests carry their hop count; images and sitemaps do not.
    return "hops" in request.meta


def _is_first_attempt(request: Request) -> bool:
    # A retry or a redirect is the same page asked for again.
    return "retry_times" not in request.meta and "redirect_times" not in request.meta


class ProgressLog:
    def __init__(self, crawler: Crawler, interval: float, display: bool) -> None:
        self.crawler = crawler
        self.interval = interval
        self.display = display
        self.loop: task.LoopingCall | None = None
        self.bar: tqdm[Any] | None = None
        self.started = time.monotonic()
        self.pages_asked = 0
        self.pages_answered = 0
        self.closed_spider: Spider | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLog:
        interval = crawler.settings.getfloat("ARCHIVER_PROGRESS_INTERVAL")
        display = (
            crawler.settings.getbool("ARCHIVER_PROGRESS_DISPLAY")
            and sys.stderr.isatty()
            and not _scrapy_logs_to_the_terminal()
        )
        if interval <= 0 and not display:
            raise NotConfigured
        extension = cls(crawler, interval, display)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        crawler.signals.connect(extension.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        return extension

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        if _is_page_request(request) and _is_first_attempt(request):
            self.pages_asked += 1

    def response_received(self, response: Response, request: Request, spider: Spider) -> None:
        if _is_page_request(request):
            self.pages_answered += 1

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        if self.display:
            # Redrawn to the terminal's size as it changes; a terminal that reports no size (a
            # fresh pseudo-terminal) gets 100 x 24, not an empty bar (tqdm draws nothing there).
            sized = _terminal_size() > (0, 0)
            self.bar = tqdm(
                unit="page",
                bar_format=COUNTER_FORMAT,
                file=sys.stderr,
                dynamic_ncols=sized,
                ncols=None if sized else 100,
                nrows=None if sized else 24,
                mininterval=0,
            )
        self.loop = task.LoopingCall(self.tick, spider)
        self.loop.start(DISPLAY_INTERVAL if self.display else self.interval, now=False)

    def snapshot(self, spider: Spider) -> Snapshot | None:
        session = getattr(spider, "session", None)
        if session is None:
            return None
        counts = session.counts
        errors = session.errors
        seeds = getattr(spider, "seeds", ())
        # A page that failed without an answer is done too (kind "page": no response came).
        failed = sum(1 for error in errors if error.get("kind") == "page")
        done = self.pages_answered + failed
        has_lists = bool(getattr(spider, "sitemaps", None) or getattr(spider, "feeds", None))
        total = max(self.pages_asked, done) + len(session.state.seed_backlog) if has_lists else None
        return Snapshot(
            pages=counts["pages"],
            articles=counts["articles"],
            items=counts["items"],
            photos=counts.get("photos", 0),
            # Dead recommended links (404, 410) are not failures of the crawl (archiver.crawl.report).
            errors=sum(1 for error in errors if not is_dead_link(error, seeds)),
            in_progress=len(session.state.drafts),
            pages_done=done,
            total=total,
        )

    def tick(self, spider: Spider) -> None:
        snapshot = self.snapshot(spider)
        if snapshot is None:
            return
        if self.bar is not None:
            self.draw(self.bar, snapshot)
        else:
            self.log(snapshot)

    def draw(self, bar: tqdm[Any], snapshot: Snapshot) -> None:
        bar.total = snapshot.total
        bar.bar_format = COUNTER_FORMAT if snapshot.total is None else BAR_FORMAT
        bar.update(snapshot.pages_done - bar.n)
        bar.set_postfix_str(snapshot.counts_text(), refresh=False)
        bar.refresh()

    def log(self, snapshot: Snapshot) -> None:
        minutes = max((time.monotonic() - self.started) / 60, 1e-9)
        rate = snapshot.pages_done / minutes
        total = ""
        if snapshot.total:
            left = max(snapshot.total - snapshot.pages_done, 0)
            eta = f", about {left / rate:.0f} min left" if rate > 0 and left else ""
            total = f" of {snapshot.total}{eta}"
        logger.info(
            "progress: %d pages%s (%.0f/min), %s, %d articles in progress",
            snapshot.pages_done,
            total,
            rate,
            snapshot.counts_text(),
            snapshot.in_progress,
        )

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.closed_spider = spider

    def engine_stopped(self) -> None:
        """The last update, once every spider_closed handler has run: the spider writes the
        articles still waiting at close in its own, which may run after ours."""
        spider = self.closed_spider
        if spider is None:
            return
        self.closed_spider = None
        snapshot = self.snapshot(spider)
        if self.bar is not None:
            if snapshot is not None:
                self.draw(self.bar, snapshot)
            self.bar.close()  # left on screen: the final counts
            self.bar = None
        elif snapshot is not None:
            self.log(snapshot)
