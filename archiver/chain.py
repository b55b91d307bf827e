"""The rules of an article's chain of pages, shared by the live crawl and by re-extraction:
which page begins an article, which page comes next or why the chain stops there, and how a page
that failed is recorded. Pure (no I/O, no Scrapy): the spider feeds it responses as they arrive,
re-extraction feeds it records found in WARC files, and both get the same decisions and the same
failure texts in the article's ``failed_pages`` and ``warnings``.
"""

from __future__ import annotations

from pydantic import ValidationError

from archiver.articles import ArticleDraft
from archiver.errors import ParseError
from archiver.models import ListiclePage, PageCapture, PageFailure

# An article longer than this is a crawler trap ("/page/2/", "/page/3/", ... forever).
MAX_ARTICLE_PAGES = 50
# A chain is followed this many pages without finding an item (cover slide, intro page) at most.
MAX_PAGES_BEFORE_ITEMS = 3

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
    if any(capture.url == next_url for _, capture in draft.pages):
        return f"next page links back to an earlier page ({next_url})"
    if len(draft.pages) >= MAX_ARTICLE_PAGES:
        return f"stopped after {MAX_ARTICLE_PAGES} pages (possible crawler trap)"
    if not draft.has_items and len(draft.pages) >= MAX_PAGES_BEFORE_ITEMS:
        # A cover slide or an intro page comes before the items; a paginated news story or a
        # category listing never reaches any.
        return f"no items in the first {MAX_PAGES_BEFORE_ITEMS} pages: not a listicle"
    return None


def add_page(draft: ArticleDraft, record: ListiclePage, capture: PageCapture) -> str | None:
    """Append a parsed page (archived as ``capture``) to its article's draft.

    Returns the URL of the next page to fetch, or None when the chain ends with this page: the
    page names no next page, or the chain must stop (a loop, a trap, no items so far), in which
    case ``draft.stopped_reason`` says why.
    """
    draft.pages.append((record, capture))
    next_url = record.next_page_url
    if not next_url:
        return None
    draft.stopped_reason = chain_stop_reason(draft, next_url)
    return next_url if draft.stopped_reason is None else None


def error_status_failure(url: str, status: int) -> PageFailure | None:
    """The failure an answered page ends its chain with (``HTTP 404``), or None for a status
    whose body is parsed (below 400; redirects are followed before a page gets here)."""
    return PageFailure(url=url, reason=f"HTTP {status}") if status >= 400 else None


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
