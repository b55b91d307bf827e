"""Retries that wait: exponential backoff, and the server's ``Retry-After`` when it sends one.

Scrapy's RetryMiddleware re-schedules a failed request at once, which hammers a server that
just said 503. This subclass stamps the retry with the earliest time it may go out, and the
scheduler (:class:`archiver.crawl.scheduler.DelayingScheduler`) keeps it until then, outside
the downloader: waiting here would hold one of the crawl's ``CONCURRENT_REQUESTS`` places.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.internet.error import ConnectionRefusedError, DNSLookupError

from archiver.crawl.scheduler import NOT_BEFORE

# Failures that say where the server is not (no address for the name, a refused port, an address
# the resolver will not connect to) rather than that it is busy: retried
# ARCHIVER_RETRY_UNREACHABLE_TIMES times (1), not RETRY_TIMES, as a 503 or a timeout is.
# Scrapy wraps Twisted's errors in its own (2.13+); both are listed, as RETRY_EXCEPTIONS does.
UNREACHABLE = (CannotResolveHostError, DownloadConnectionRefusedError, DNSLookupError, ConnectionRefusedError)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date), or None.

    >>> retry_after_seconds("3")
    3.0
    >>> retry_after_seconds("soon") is None
    True
    >>> retry_after_seconds("²") is None  # a digit to str.isdigit(), not to HTTP
    True
    """
    if not value:
        return None
    value = value.strip()
    # ASCII digits only: str.isdigit() is true for "²" or "٣", which float() refuses.
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting between attempts; unreachable hosts (:data:`UNREACHABLE`)
    retried fewer times; "Gave up retrying" logged at INFO for a request with an errback (the
    spider reports its failure itself: crawl.json, the report) or for robots.txt, instead of
    an ERROR line on the terminal before the report's."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base_delay = settings.getfloat("ARCHIVER_RETRY_BACKOFF_BASE")
        self.max_delay = settings.getfloat("ARCHIVER_RETRY_MAX_DELAY")
        self.unreachable_times = settings.getint("ARCHIVER_RETRY_UNREACHABLE_TIMES")

    def _retry(self, request: Request, reason: str | Exception | type[Exception]) -> Request | None:
        # As RetryMiddleware._retry, with the two differences above; a request's own meta
        # (max_retry_times, give_up_log_level) still wins.
        max_times = request.meta.get("max_retry_times")
        if max_times is None:
            max_times = self.max_retry_times
            if isinstance(reason, UNREACHABLE):
                max_times = min(max_times, self.unreachable_times)
        # A robots.txt request (Scrapy's robots middleware marks it dont_obey_robotstxt) fails
        # as its pages do, which the spider reports.
        reported = request.errback is not None or request.meta.get("dont_obey_robotstxt")
        quiet = logging.INFO if reported else self.give_up_log_level
        assert self.crawler.spider
        return get_retry_request(
            request,
            reason=reason,
            spider=self.crawler.spider,
            max_retry_times=max_times,
            priority_adjust=request.meta.get("priority_adjust", self.priority_adjust),
            give_up_log_level=request.meta.get("give_up_log_level", quiet),
        )

    def _delay(self, request: Request, response: Response | None) -> float:
        header = response.headers.get(b"Retry-After") if response is not None else None
        asked = retry_after_seconds(header.decode("latin-1") if header else None)
        attempt = int(request.meta.get("retry_times", 0))
        delay = asked if asked is not None else self.base_delay * (2**attempt)
        return min(delay, self.max_delay)

    def _stamp(self, retry: Request | Response | None, delay: float) -> Request | Response | None:
        if isinstance(retry, Request):
            retry.meta[NOT_BEFORE] = time.time() + delay  # wall clock: it survives a JOBDIR resume
        return retry

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        retried = super().process_response(request, response)
        if retried is response:
            return response
        stamped = self._stamp(retried, self._delay(request, response))
        assert stamped is not None
        return stamped

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        return self._stamp(super().process_exception(request, exception), self._delay(request, None))
