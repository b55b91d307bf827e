"""The crawl's redirects by :mod:`archiver.redirects`, the rule the WARC reader follows too.

``RuleRedirectMiddleware`` is Scrapy's RedirectMiddleware with the decision where a 3xx leads
taken by :func:`archiver.redirects.redirect_target`. ``ChainAwareRedirects`` (a base of it and of
the meta refresh follower) checks every hop before it is fetched:

- a hop :func:`archiver.redirects.refused_hop` refuses (too many, a loop) drops the request
  with ``IgnoreRequest`` (the spider's errback records it as a failed fetch);
- a next page of an article whose redirect leads to an earlier page of the same article
  (:func:`archiver.chain.leads_back_reason`; the spider puts the article's page URLs in the
  request's meta, :data:`EARLIER_PAGES`) is not fetched again: :class:`LeadsBack` tells the
  spider to end the chain there.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import BaseRedirectMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from archiver.chain import leads_back_reason
from archiver.redirects import redirect_target, refused_hop

#: Request meta: URLs of the earlier pages of the article a next-page request continues.
EARLIER_PAGES = "archiver_earlier_pages"


class LeadsBack(IgnoreRequest):
    """A next page's redirect leads back to an earlier page of its article; ``reason`` is the
    chain's stop reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ChainAwareRedirects(BaseRedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        refusal = refused_hop(chain, redirected.url, self.max_redirect_times)
        if refusal is not None:
            raise IgnoreRequest(refusal)
        earlier: list[str] = request.meta.get(EARLIER_PAGES) or []
        stop = leads_back_reason(earlier, chain[0], redirected.url) if earlier else None
        if stop is not None:
            raise LeadsBack(stop)
        result: Request = super()._redirect(redirected, request, reason)
        return result


class RuleRedirectMiddleware(ChainAwareRedirects, RedirectMiddleware):
    """Scrapy's RedirectMiddleware, deciding by :func:`archiver.redirects.redirect_target`."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if (
            request.meta.get("dont_redirect", False)
            or response.status in getattr(self.crawler.spider, "handle_httpstatus_list", ())
            or response.status in request.meta.get("handle_httpstatus_list", ())
            or request.meta.get("handle_httpstatus_all", False)
        ):
            return response
        target = redirect_target(request.url, response.status, response.headers.get(b"Location"))
        if target is None:
            return response  # not a redirect the crawl follows: the status is the answer
        redirected = self._build_redirect_request(request, response, url=target)
        if (response.status in {301, 302} and request.method == "POST") or (
            response.status == 303 and request.method not in {"GET", "HEAD"}
        ):
            redirected = self._redirect_request_using_get(request, response, target)
        if urlparse_cached(redirected).scheme not in {"http", "https"}:
            return response
        return self._redirect(redirected, request, response.status)
