"""Downloader middleware that writes every response the crawl receives to WARC, as received.

It sits at priority 750: after redirects (600) and decompression (590) in ``process_request``
order, so it sees the final request headers, and before them in ``process_response`` order, so
it sees each redirect, error page and retry, with the body still content-encoded. The status
line and header bytes come from the download handler (:mod:`archiver.crawl.handler`), as the
server sent them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.headers import Headers
from scrapy.utils.defer import deferred_from_coro

from archiver.crawl.handler import ReceivedHead, received_head
from archiver.warc import DiskFullError, HttpExchange, RevisitTarget

WARC_META_KEY = "warc_record"
# Request meta: the earlier capture (a RevisitTarget) a conditional request was made from
# (archiver.crawl.conditional); a 304 to it is archived as a revisit of that capture.
NOT_MODIFIED_META_KEY = "archiver_prior_capture"
logger = logging.getLogger(__name__)


class NotArchived(IgnoreRequest):
    """A response the full disk kept out of the WARC: no outcome (the crawl is stopping; the
    next run, rebuilding from the WARCs, asks for it again)."""


def stop_for_full_disk(crawler: Crawler, error: OSError) -> None:
    """Stop the crawl cleanly: what is written stays valid, nothing half-written is left."""
    if crawler.stats is not None:
        if crawler.stats.get_value("archiver/disk_full"):
            return  # already stopping: said once
        crawler.stats.set_value("archiver/disk_full", str(error))
    logger.error("stopping the crawl: %s", error)
    if crawler.engine is not None and crawler.spider is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason="disk_full"))


def _header_pairs(headers: Headers) -> list[tuple[str, str]]:
    pairs = []
    for name, values in headers.items():
        for value in values:  # every value of a repeated header (Set-Cookie, Link, Vary)
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs


def truncation(flags: list[str], head: ReceivedHead | None) -> str | None:
    """WARC-Truncated reason for a response, or None when its body arrived whole.

    Scrapy's ``dataloss`` means the announced framing (Content-Length, last chunk) was not met.
    ``partial`` (Twisted's PotentialDataLoss) only means the body had no framing and ended with
    the connection: complete by RFC 9112 §6.3 when the server closed it, cut when it was reset.

    >>> truncation(["partial"], ReceivedHead(b"", closed_cleanly=True)) is None
    True
    >>> truncation(["partial"], ReceivedHead(b"", closed_cleanly=False))
    'disconnect'
    >>> truncation(["dataloss"], None)
    'disconnect'
    """
    if "dataloss" in flags:
        return "disconnect"
    if "partial" in flags and head is not None and head.closed_cleanly is False:
        return "disconnect"
    if "download_stopped" in flags:
        return "length"
    return None


def exchange_from_scrapy(request: Request, response: Response) -> HttpExchange:
    head = received_head(response)
    return HttpExchange(
        url=response.url,
        status=response.status,
        response_headers=_header_pairs(response.headers),
        body=response.body,
        method=request.method,
        request_headers=_header_pairs(request.headers),
        request_body=request.body or b"",
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address is not None else None,
        fetched_at=datetime.now(UTC),
        truncated=truncation(response.flags, head),
        raw_head=head.raw if head is not None else None,
    )


class WarcCaptureMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        session = getattr(self.crawler.spider, "session", None)
        if session is None or "cached" in response.flags:
            return response  # cache hits were not downloaded now: not a fresh capture
        prior = request.meta.get(NOT_MODIFIED_META_KEY) if response.status == 304 else None
        try:
            written = session.warc.write_exchange(
                exchange_from_scrapy(request, response),
                not_modified=prior if isinstance(prior, RevisitTarget) else None,
            )
        except DiskFullError as error:
            stop_for_full_disk(self.crawler, error)
            raise NotArchived(f"not archived: {error}") from error
        request.meta[WARC_META_KEY] = written
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("archiver/warc_records")
        return response
