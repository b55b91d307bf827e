"""``--size-limit``: stop the crawl once this run has written so many bytes of WARC.

Checked after each response (the capture middleware has written it to WARC by then); the crawl
closes with the finish reason ``size_limit``, cleanly, so the next run over the same --out goes
on where this one stopped. The WARC record being written is finished, so a run may pass the
limit by up to one record.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

SIZE_LIMIT_REASON = "size_limit"
logger = logging.getLogger(__name__)
_UNITS = {
    "": 1,
    "B": 1,
    "KB": 1000,
    "MB": 1000**2,
    "GB": 1000**3,
    "TB": 1000**4,
    "KIB": 1024,
    "MIB": 1024**2,
    "GIB": 1024**3,
    "TIB": 1024**4,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_size(text: str) -> int:
    """Bytes in ``text``: ``500MB`` (powers of 1000), ``2GiB`` (of 1024), ``1000`` (bytes).
    Raises ValueError for anything else, or for 0."""
    match = _SIZE.fullmatch(text)
    unit = match.group(2).upper() if match else ""
    if match is None or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size (e.g. 500MB, 2GiB, 1000000)")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size <= 0:
        raise ValueError(f"{text!r}: the size must be above 0")
    return size


def parse_duration(text: str) -> float:
    """Seconds in ``text``: ``90s``, ``30m``, ``2h``, ``1d`` or a number of seconds. Raises
    ValueError for anything else, or for 0."""
    match = _DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration (e.g. 90s, 30m, 2h)")
    seconds = float(match.group(1)) * _SECONDS[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"{text!r}: the duration must be above 0")
    return seconds


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
