"""Retries that wait: exponential backoff, and the server's ``Retry-After`` when it sends one.

Scrapy's RetryMiddleware re-schedules a failed request at once, which hammers a server that
just said 503. This subclass stamps the retry with the earliest time it may go out, and the
scheduler (:class:`archiver.crawl.scheduler.DelayingScheduler`) keeps it until then, outside
the downloader: waiting here would hold one of the crawl's ``CONCURRENT_REQUESTS`` places.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings

from archiver.crawl.scheduler import NOT_BEFORE


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
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base_delay = settings.getfloat("ARCHIVER_RETRY_BACKOFF_BASE")
        self.max_delay = settings.getfloat("ARCHIVER_RETRY_MAX_DELAY")

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
