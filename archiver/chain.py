"""The rules of an article's chain of pages, shared by the live crawl and by re-extraction:
which page begins an article, which page comes next or why the chain stops there, and how a page
that failed is recorded. Pure (no I/O, no Scrapy): the spider feeds it responses as they arrive,
re-extraction feeds it records found in WARC files, and both get the same decisions and the same
failure texts in the article's ``failed_pages`` and ``warnings``.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError

from archiver.articles import ArticleDraft
from archiver.errors import ParseError
from archiver.models import ListiclePage, PageCapture, PageFailure
from archiver.redirects import status_failure_reason
from archiver.urls import comparable_url

# An article longer than this is a crawler trap ("/page/2/", "/page/3/", ... forever).
MAX_ARTICLE_PAGES = 50
# A chain is followed this many pages without finding an item (cover slide, intro page) at most.
MAX_PAGES_BEFORE_ITEMS = 3

# The one stop reason of a chain whose next page is an earlier page of the article again.
LEADS_BACK = "next page links back to an earlier page"

# What parsing a page may raise for a body that makes no page record: the page is rejected.
PAGE_ERRORS: tuple[type[Exception], ...] = (ParseError, ValidationError)


def starts_article(record: ListiclePage) -> bool:
    """Whether a page reached from outside an article (a seed, a recommendation) begins one.

    A page with items does, and so does a page that continues (``next_page_url``): a
    slideshow's cover slide or an intro page holds no item, but the pages after it may. Whether
    such a chain is an article is known only when it ends (``stitch_article``).
    """
    return record.is_listicle or record.next_page_url is not None


def chain_stop_reason(draft: ArticleDraft, next_url: str) -> str | None:
    """Why an article's chain of pages must stop before ``next_url``, or None to follow it."""
    if leads_back_reason(draft_urls(draft), next_url, next_url) is not None:
        return f"{LEADS_BACK} ({next_url})"
    if len(draft.pages) >= MAX_ARTICLE_PAGES:
        return f"stopped after {MAX_ARTICLE_PAGES} pages (possible crawler trap)"
    if not draft.has_items and len(draft.pages) >= MAX_PAGES_BEFORE_ITEMS:
        # A cover slide or an intro page comes before the items; a paginated news story or a
        # category listing never reaches any.
        return f"no items in the first {MAX_PAGES_BEFORE_ITEMS} pages: not a listicle"
    return None


def draft_urls(draft: ArticleDraft) -> list[str]:
    """The URLs of the draft's pages so far, in order."""
    return [capture.url for _, capture in draft.pages]


def leads_back_reason(earlier_pages: Iterable[str], linked_url: str, reached_url: str) -> str | None:
    """Why the chain stops when its next page, linked as ``linked_url``, reaches ``reached_url``
    (the link itself, or where a redirect or meta refresh leads): ``reached_url`` is one of
    ``earlier_pages`` (URLs compared in :func:`archiver.urls.comparable_url` form). None when it
    is not.

    Asked before each redirect hop is fetched (the crawl's redirect middlewares) and of each hop
    of an archived redirect chain (re-extraction), so both stop at the same hop.
    """
    reached = comparable_url(reached_url)
    if not any(comparable_url(url) == reached for url in earlier_pages):
        return None
    if comparable_url(linked_url) == reached:
        return f"{LEADS_BACK} ({linked_url})"
    return f"{LEADS_BACK} ({linked_url} leads to {reached_url})"


def repeated_page_reason(draft: ArticleDraft, url: str, digest: str) -> str | None:
    """Why the chain stops at a next page (answered at ``url``) whose payload, by its digest,
    is an earlier page's again: the same page under another spelling of its URL ("/list" and
    "/list/"), or a site that ignores the page number. None when it is new."""
    earlier = draft.digests.get(digest) if digest else None
    if earlier is None:
        return None
    return f"{LEADS_BACK} ({url} repeats {earlier})"


def stop_chain(draft: ArticleDraft, reason: str) -> None:
    """The chain ends before a next page that was fetched (a loop): the article keeps its pages
    so far and says why."""
    draft.stopped_reason = reason


def add_page(draft: ArticleDraft, record: ListiclePage, capture: PageCapture, digest: str = "") -> str | None:
    """Append a parsed page (archived as ``capture``, its payload digest ``digest``) to its
    article's draft.

    Returns the URL of the next page to fetch, or None when the chain ends with this page: the
    page names no next page, or the chain must stop (a loop, a trap, no items so far), in which
    case ``draft.stopped_reason`` says why.
    """
    draft.pages.append((record, capture))
    if digest:
        draft.digests.setdefault(digest, capture.url)
    next_url = record.next_page_url
    if not next_url:
        return None
    draft.stopped_reason = chain_stop_reason(draft, next_url)
    return next_url if draft.stopped_reason is None else None


def error_status_failure(url: str, status: int, location: str | None = None) -> PageFailure | None:
    """The failure an answered page ends its chain with (``HTTP 404``; a 3xx the crawl does not
    follow: ``HTTP 300: redirect to /x/ not followed``), or None for a success, whose body is
    parsed. ``location``: the answer's ``Location`` header, if any."""
    if 200 <= status < 300:
        return None
    return PageFailure(url=url, reason=status_failure_reason(status, location))


def rejected_failure(url: str, error: Exception) -> PageFailure:
    """A page whose body made no page record (one of :data:`PAGE_ERRORS`)."""
    return PageFailure(url=url, reason=f"rejected: {error}")


def fetch_failure(url: str, reason: str) -> PageFailure:
    """A page that got no response at all (DNS, timeout, robots.txt): ``reason`` is what the
    crawl recorded, in crawl.json's errors and the WARC's ``fetch-error`` metadata."""
    return PageFailure(url=url, reason=reason)


def end_with_failure(draft: ArticleDraft, failure: PageFailure) -> None:
    """The chain ends at a page that failed: the article keeps its pages so far and says which
    page failed and why."""
    draft.failures.append(failure)
