"""Downloader middleware: a redirect that leads a page request to a page the crawl has asked for
already is not followed.

The crawl deduplicates pages by URL (``CrawlState.pages_seen``) when it asks for them; a
redirect's target is a URL too. Without this, a recommendation ``/moved/`` that answers ``301 ->
/a/`` next to a direct link to ``/a/`` fetched ``/a/`` twice and began its article twice (its
pages and items doubled, a stray article for its second page). The first request to reach a URL,
directly or through a redirect, takes it; a later redirect to it is dropped (:class:`AlreadyRequested`,
which the spider's errback passes over without recording an error), as ``archiver extract``,
reading one capture per URL, sees it.

Only requests that may begin an article are concerned: an article's next page (``article_key``
set) that redirects to a page already seen is a chain question (:mod:`archiver.chain`).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from archiver.urls import canonical_url

PAGE_META_KEY = "hops"  # request meta every page request carries (images and seed lists do not)
# Request meta: the redirect target this request took in pages_seen. A retry of it (a copy,
# meta and all) is the same request, not a second one to the same URL.
CLAIMED_META_KEY = "archiver_redirect_target"


class AlreadyRequested(IgnoreRequest):
    """A redirect led to a page the crawl asked for (or reached) already: nothing to record."""


def is_redirect_to_a_new_page(request: Request) -> bool:
    """True for a page request that a redirect (or meta refresh) made and that may begin an
    article: the requests whose target URL is deduplicated here."""
    return (
        bool(request.meta.get("redirect_urls"))
        and PAGE_META_KEY in request.meta
        and request.meta.get("article_key") is None
    )


class RedirectTargetDedupMiddleware:
    """Drops a redirected page request whose URL is in ``spider.session.state.pages_seen``;
    otherwise adds the URL there, so a later direct link to it is not asked for again."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectTargetDedupMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        session = getattr(self.crawler.spider, "session", None)
        if session is None or not is_redirect_to_a_new_page(request):
            return
        seen: set[str] = session.state.pages_seen
        url = canonical_url(request.url)
        if request.meta.get(CLAIMED_META_KEY) == url:
            return  # a retry of the request that took it
        if url in {canonical_url(hop) for hop in request.meta["redirect_urls"]}:
            return  # a loop: the redirect middleware ends it with a recorded error
        if url in seen:
            raise AlreadyRequested(f"redirect to {url}: asked for already")
        seen.add(url)
        request.meta[CLAIMED_META_KEY] = url
