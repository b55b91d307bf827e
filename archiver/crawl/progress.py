"""Progress of a long crawl in the log: pages, articles, items, images and the page rate."""

from __future__ import annotations

import logging
import time

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)


class ProgressLog:
    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLog:
        interval = crawler.settings.getfloat("ARCHIVER_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.log, spider)
        self.loop.start(self.interval, now=False)

    def log(self, spider: Spider) -> None:
        session = getattr(spider, "session", None)
        if session is None:
            return
        counts = session.counts
        minutes = max((time.monotonic() - self.started) / 60, 1e-9)
        logger.info(
            "progress: %d pages (%.0f/min), %d articles, %d items, %d images, %d errors, %d in progress",
            counts["pages"],
            counts["pages"] / minutes,
            counts["articles"],
            counts["items"],
            counts["images"],
            len(session.errors),
            len(session.state.drafts),
        )

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.log(spider)
