"""Content decoding and meta refresh in the crawl, by the rules ``archiver extract`` uses.

``ContentDecodingMiddleware`` replaces Scrapy's HttpCompressionMiddleware (same priority, 590):
it asks only for the codings the replay tools decode (:data:`archiver.codings.REQUESTED_CODINGS`)
and decodes every coding a server sends with :func:`archiver.codings.decode_content`, the decoder
the WARC reader uses. Scrapy's size rules stay: a body that decodes past ``DOWNLOAD_MAXSIZE``
(or the request's ``download_maxsize``) is dropped, one past ``DOWNLOAD_WARNSIZE`` is logged. A
body that does not decode under its label is dropped too (``IgnoreRequest``: the spider's
errback lists it in crawl.json's errors), unless the answer is not a success: then its status
is what counts, and the response goes on undecoded (a 503 is retried). The WARC capture
middleware (750) runs first on the way back, so the archive keeps the body as received.

``MetaRefreshFollower`` replaces Scrapy's MetaRefreshMiddleware (580) with one that asks
:func:`archiver.parse.refresh.meta_refresh_target`, the function the WARC reader asks, on the
responses :func:`archiver.parse.response_type.is_html_response` calls HTML (the reader's test).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.utils.httpobj import urlparse_cached

from archiver.codings import REQUESTED_CODINGS, CodingError, content_codings, decode_content
from archiver.crawl.redirects import ChainAwareRedirects
from archiver.parse.refresh import meta_refresh_target
from archiver.parse.response_type import is_html_response

logger = logging.getLogger(__name__)
ACCEPT_ENCODING = ", ".join(REQUESTED_CODINGS).encode("ascii")


class ContentDecodingMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        self.warn_size = crawler.settings.getint("DOWNLOAD_WARNSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentDecodingMiddleware:
        if not crawler.settings.getbool("COMPRESSION_ENABLED"):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        request.headers.setdefault("Accept-Encoding", ACCEPT_ENCODING)

    def process_response(self, request: Request, response: Response) -> Response:
        if request.method == "HEAD":
            return response
        codings = content_codings(response.headers.getlist("Content-Encoding"))
        if not codings:
            return response
        max_size = request.meta.get("download_maxsize", self.max_size)
        warn_size = request.meta.get("download_warnsize", self.warn_size)
        try:
            decoded = decode_content(response.body, codings, max_size=max_size)
        except CodingError as error:
            message = f"undecodable body: {error}"
            logger.warning("%s: %s", response.url, message)
            if not 200 <= response.status < 300:
                # An error page's body is not what the crawl keeps of it: its status is. Passed
                # on as it came, the retry middleware (550) sees a 503 and the spider a 404.
                return response
            raise IgnoreRequest(message) from error
        if len(response.body) < warn_size <= len(decoded.body):
            logger.warning(
                "%s: body size after decoding (%d B) is over DOWNLOAD_WARNSIZE (%d B)",
                response.url,
                len(decoded.body),
                warn_size,
            )
        if decoded.undecoded:
            logger.warning("%s: unknown content coding kept: %s", response.url, ", ".join(decoded.undecoded))
        if self.stats is not None:
            self.stats.inc_value("httpcompression/response_bytes", len(decoded.body))
            self.stats.inc_value("httpcompression/response_count")
        headers = response.headers.copy()
        if decoded.undecoded:
            headers["Content-Encoding"] = ", ".join(decoded.undecoded)
        else:
            del headers["Content-Encoding"]
        cls = responsetypes.from_args(headers=headers, url=response.url, body=decoded.body)
        kwargs: dict[str, Any] = {"body": decoded.body, "headers": headers}
        if issubclass(cls, TextResponse):
            kwargs["encoding"] = None  # detected again from the decoded bytes, as Scrapy does
        return response.replace(cls=cls, **kwargs)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value is not None else None


def _is_html(response: Response) -> bool:
    """Scrapy's HtmlResponse choice, made by the pure rule the WARC reader applies too."""
    return is_html_response(
        response.url,
        response.body,
        content_type=_header(response, b"Content-Type"),
        content_encoding=_header(response, b"Content-Encoding"),
        content_disposition=_header(response, b"Content-Disposition"),
    )


class MetaRefreshFollower(ChainAwareRedirects, MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware with the refresh found by the rule the reader uses."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if (
            request.meta.get("dont_redirect", False)
            or request.method == "HEAD"
            or urlparse_cached(request).scheme not in {"http", "https"}
            or not _is_html(response)
        ):
            return response
        content_type = response.headers.get(b"Content-Type")
        target = meta_refresh_target(
            response.body,
            response.url,
            content_type.decode("latin-1") if content_type else None,
            max_delay=self._maxdelay,
            ignore_tags=self._ignore_tags,
        )
        if target is None:
            return response
        redirected = self._redirect_request_using_get(request, response, target)
        result: Request | Response = self._redirect(redirected, request, "meta refresh")
        return result
