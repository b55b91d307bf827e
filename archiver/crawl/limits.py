"""``--size-limit``: stop the crawl once this run has written so many bytes of WARC.

Checked after each response (the capture middleware has written it to WARC by then); the crawl
closes with the finish reason ``size_limit``, cleanly, so the next run over the same --out goes
on where this one stopped. The WARC record being written is finished, so a run may pass the
limit by up to one record.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from archiver.crawl.quantities import parse_duration, parse_size

SIZE_LIMIT_REASON = "size_limit"
# Re-exported: the parsers moved to archiver.crawl.quantities (no Scrapy import for the CLI).
__all__ = ["SIZE_LIMIT_REASON", "WarcSizeLimit", "parse_duration", "parse_size"]
logger = logging.getLogger(__name__)


class WarcSizeLimit:
    """Closes the spider once ``spider.session.warc.bytes_written`` reaches
    ``ARCHIVER_SIZE_LIMIT`` (bytes; 0: no limit)."""

    def __init__(self, crawler: Crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcSizeLimit:
        limit = crawler.settings.getint("ARCHIVER_SIZE_LIMIT")
        if limit <= 0:
            raise NotConfigured
        extension = cls(crawler, limit)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        return extension

    def response_received(self, spider: Spider, **_: Any) -> None:
        session = getattr(spider, "session", None)
        if self.closing or session is None or session.warc.bytes_written < self.limit:
            return
        self.closing = True
        logger.info(
            "stopping the crawl: %d bytes of WARC written, the size limit", session.warc.bytes_written
        )
        if self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=SIZE_LIMIT_REASON))
