"""Conditional requests in a job run, and the earlier capture a ``304`` stands for.

Active only in a job run (``ARCHIVER_JOB_ROOT`` set, ``ARCHIVER_CONDITIONAL`` true). For a GET
whose URL has a 2xx capture in an earlier run (the job capture index,
:mod:`archiver.job.captures`), ``process_request`` adds ``If-None-Match`` (its ETag) and
``If-Modified-Since`` (its Last-Modified, else the capture's date, as RFC 9110 §13.1.3 allows a
client that kept no Last-Modified), and puts the capture in the request's meta.

On the way back the order matters (priority 700): the WARC capture middleware (750) sees the
``304`` first and archives it as a server-not-modified revisit of that capture; then this one
replaces it by the response rebuilt from the earlier capture (its archived status, headers and
body, still content-encoded) before content decoding (590) undoes the coding, so the spider
parses the page as run 1 did. The rebuilt response passes no capture middleware again, and the
request's WARC record (its meta) stays the revisit: the page's provenance is this run's record.

A ``304`` to a request that was not conditional (a server bug) goes on as it came: archived as
a plain response, an error for the spider. If the earlier record cannot be read any more, the
page is asked for again without conditions.
"""

from __future__ import annotations

import logging
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from archiver.crawl.middleware import NOT_MODIFIED_META_KEY
from archiver.job.captures import INDEX_NAME, CaptureIndex, PriorCapture
from archiver.warc import RevisitTarget
from archiver.warc.reader import archived_response

logger = logging.getLogger(__name__)
PRIOR_META_KEY = "archiver_prior"  # request meta: the PriorCapture the request is conditional on
REBUILT_FLAG = "earlier-capture"  # response flag: rebuilt from an earlier run's record
_CONDITIONAL_HEADERS = (b"If-None-Match", b"If-Modified-Since")


def revisit_target(prior: PriorCapture) -> RevisitTarget:
    return RevisitTarget(
        prior.record_id, prior.target_uri, prior.date, prior.payload_digest, prior.payload_length
    )


def http_date(warc_date: str) -> str:
    """An IMF-fixdate (RFC 9110 §5.6.7) of a WARC date (``2026-12-01T01:02:03.456789Z``).

    >>> http_date("2026-12-01T01:02:03.456789Z")
    'Tue, 01 Dec 2026 01:02:03 GMT'
    """
    moment = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    return format_datetime(moment.replace(microsecond=0), usegmt=True)


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler, index: CaptureIndex) -> None:
        self.crawler = crawler
        self.index = index

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        root = crawler.settings.get("ARCHIVER_JOB_ROOT")
        if not root or not crawler.settings.getbool("ARCHIVER_CONDITIONAL", True):
            raise NotConfigured
        return cls(crawler, CaptureIndex(Path(root) / INDEX_NAME))

    def _count(self, name: str) -> None:
        """Counted in Scrapy's stats and in crawl.json's run (``conditional_requests``,
        ``not_modified``)."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"archiver/{name}")
        session = getattr(self.crawler.spider, "session", None)
        if session is not None:
            session.counts[name] = session.counts.get(name, 0) + 1

    def process_request(self, request: Request) -> None:
        prior: PriorCapture | None = request.meta.get(PRIOR_META_KEY)
        if prior is not None and request.meta.get("archiver_conditional_url") == request.url:
            return  # a retry of the same conditional request
        if prior is not None:
            # A redirect copied the meta and headers of the request for another URL.
            for name in _CONDITIONAL_HEADERS:
                request.headers.pop(name, None)
            request.meta.pop(PRIOR_META_KEY, None)
            request.meta.pop(NOT_MODIFIED_META_KEY, None)
        if request.method != "GET" or any(name in request.headers for name in _CONDITIONAL_HEADERS):
            return  # not ours to make conditional (a caller's own validators stay as they are)
        if request.meta.get("archiver_unconditional"):
            return
        prior = self.index.last_capture(request.url)
        if prior is None:
            return
        if prior.etag:
            request.headers[b"If-None-Match"] = prior.etag
        request.headers[b"If-Modified-Since"] = prior.last_modified or http_date(prior.captured_at)
        request.meta[PRIOR_META_KEY] = prior
        request.meta[NOT_MODIFIED_META_KEY] = revisit_target(prior)
        request.meta["archiver_conditional_url"] = request.url
        self._count("conditional_requests")

    def process_response(self, request: Request, response: Response) -> Request | Response:
        prior: PriorCapture | None = request.meta.get(PRIOR_META_KEY)
        if response.status != 304 or prior is None or REBUILT_FLAG in response.flags:
            return response
        earlier = archived_response(self.index.root / prior.warc_path, prior.offset)
        if earlier is None:
            # The revisit is archived already; the page itself is asked for again in full.
            logger.warning(
                "%s: the earlier capture %s is not readable any more: asking again without conditions",
                request.url,
                prior.record_id,
            )
            retry = request.replace(dont_filter=True)
            for name in _CONDITIONAL_HEADERS:
                retry.headers.pop(name, None)
            for key in (PRIOR_META_KEY, NOT_MODIFIED_META_KEY, "archiver_conditional_url"):
                retry.meta.pop(key, None)
            retry.meta["archiver_unconditional"] = True
            return retry
        self._count("not_modified")
        headers = Headers(encoding="latin-1")  # as the head was read (bytes as received)
        for header, value in earlier.headers:
            headers.appendlist(header, value)
        cls = responsetypes.from_args(headers=headers, url=response.url, body=earlier.payload)
        return cls(
            url=response.url,
            status=earlier.status,
            headers=headers,
            body=earlier.payload,
            flags=[*response.flags, REBUILT_FLAG],
            request=request,
            certificate=response.certificate,
            ip_address=response.ip_address,
            protocol=response.protocol,
        )
