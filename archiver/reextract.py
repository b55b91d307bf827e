"""Re-extraction: the articles of a crawl, rebuilt from its WARC files alone.

The same parser and the same stitching as the live crawl run over the archived responses, with
times taken from ``WARC-Date``, so ``archiver extract`` reproduces the crawl's articles.jsonl
byte for byte. WARCs written by other tools (``wget --warc-file``) read the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archiver.articles import ArticleDraft, stitch_article
from archiver.captures import image_capture_of, page_capture_of
from archiver.chain import (
    PAGE_ERRORS,
    add_page,
    draft_urls,
    end_with_failure,
    error_status_failure,
    fetch_failure,
    leads_back_reason,
    rejected_failure,
    repeated_page_reason,
    starts_article,
    stop_chain,
)
from archiver.models import Article, ImageCapture, ListiclePage
from archiver.parse.page import parse_page
from archiver.warc.reader import (
    MAX_DECODED_BYTES,
    Capture,
    DamagedWarcError,
    WarcIndex,
    capture_body,
    decode_body,
    next_record_start,
)

# Re-exported: the WARC reading moved to archiver.warc.reader; these names stay importable here.
__all__ = [
    "MAX_DECODED_BYTES",
    "DamagedWarcError",
    "PageCache",
    "Reextraction",
    "WarcIndex",
    "article_of",
    "articles_from_index",
    "articles_from_warcs",
    "begin_article",
    "decode_body",
    "drafts_from_index",
    "image_capture",
    "image_failure",
    "image_outcomes",
    "next_record_start",
    "parse_capture",
]
_Capture = Capture  # the name the chain functions below use


def image_capture(index: WarcIndex, url: str) -> ImageCapture | None:
    """The archived response for an image URL (after redirects), as the crawl records it."""
    _, capture = index.resolve(url)
    if capture is None:
        return None
    return image_capture_of(capture.status, capture.headers.get("content-type"), capture)


def image_failure(index: WarcIndex, url: str) -> str | None:
    """Why an image URL (after redirects) got no response, as the crawl recorded it (its
    fetch-error, a refused redirect hop); None when it has a capture or was never asked for."""
    resolution = index.resolve_path(url)
    return None if resolution.capture is not None else resolution.failure


def image_outcomes(
    index: WarcIndex, urls: Iterable[str]
) -> tuple[dict[str, ImageCapture | None], dict[str, str]]:
    """The captures of ``urls`` and the failures of those without one, for :func:`stitch_article`."""
    captures: dict[str, ImageCapture | None] = {}
    failures: dict[str, str] = {}
    for url in urls:
        captures[url] = image_capture(index, url)
        failure = image_failure(index, url) if captures[url] is None else None
        if failure is not None:
            failures[url] = failure
    return captures, failures


def parse_capture(capture: Capture) -> ListiclePage | Exception:
    """The page record of a capture (whatever its type: the crawl parses what a page URL
    returns), or the :data:`PAGE_ERRORS` exception its body raises."""
    try:
        body = capture_body(capture)
        return parse_page(body, capture.url, content_type=capture.headers.get("content-type"))
    except PAGE_ERRORS as error:
        return error


@dataclass
class DraftFromWarc:
    draft: ArticleDraft
    next_url: str | None  # the next page the chain needs but the WARCs do not hold (a cut crawl)


class PageCache:
    """Page records by URL while chains need them (:func:`parse_capture` of each capture once);
    ``on_page(url, record)``, if given, sees every page that parses."""

    def __init__(self, on_page: Callable[[str, ListiclePage], None] | None = None) -> None:
        self._records: dict[str, ListiclePage | Exception] = {}
        self._on_page = on_page

    def parse(self, capture: _Capture) -> ListiclePage | Exception:
        if capture.url not in self._records:
            record = parse_capture(capture)
            self._records[capture.url] = record
            if self._on_page is not None and isinstance(record, ListiclePage):
                self._on_page(capture.url, record)
        return self._records[capture.url]

    def forget(self, url: str) -> None:
        """Drop a page no chain needs any more (parsed again if one reaches it after all)."""
        self._records.pop(url, None)


def begin_article(
    index: WarcIndex, capture: _Capture, pages: PageCache, unsettled: Collection[int] = ()
) -> tuple[DraftFromWarc, set[str]] | None:
    """The article a page begins when the crawl reaches it from outside an article, with the
    URLs its chain took (which then begin no article of their own); None when the page begins
    none (not a page record, or :func:`starts_article` says no). The result depends on the
    index alone, not on what other chains took: chains may be followed in any order or process.
    ``unsettled``: as for :func:`drafts_from_index`."""
    record = pages.parse(capture)
    if not isinstance(record, ListiclePage) or not starts_article(record):
        return None
    draft = ArticleDraft()
    taken: set[str] = set()
    next_url = _follow_chain(index, draft, capture, record, pages.parse, taken, unsettled)
    return DraftFromWarc(draft, next_url), taken


def drafts_from_index(
    index: WarcIndex,
    on_page: Callable[[str, ListiclePage], None] | None = None,
    unsettled: Collection[int] = (),
) -> Iterator[DraftFromWarc]:
    """Every article the WARCs hold, as the crawl would have chained its pages, one at a time;
    a chain whose pages hold no item (a story over several pages) is among them, as the crawl
    follows it too, and :func:`stitch_article` makes no article of it.

    ``on_page(url, record)``, if given, sees every page that parses (those that begin no
    article too; rarely one twice): crash recovery reads their recommendations from it, and
    gives ``unsettled``, statuses after which a retry may have been pending when the crawl was
    killed: a next page last answered with one is not the chain's end but its ``next_url``.
    A parsed page is kept only until an article takes it, so memory does not grow with the
    number of pages.
    """
    pages = PageCache(on_page)
    consumed: set[str] = set()
    for url in index.order:
        capture = index.captures[url]
        if url in consumed or not capture.is_page:
            continue
        begun = begin_article(index, capture, pages, unsettled)
        if begun is None:
            pages.forget(url)  # not kept: in the rare case a later chain reaches it, it is parsed again
            continue
        found, taken = begun
        consumed |= taken
        for _, page in found.draft.pages:
            pages.forget(page.url)
        yield found


def article_of(index: WarcIndex, found: DraftFromWarc) -> Article | None:
    """The article of a chain (its photos' captures and failures from the index), or None when
    the chain makes none (:func:`stitch_article`)."""
    draft = found.draft
    captures, failures = image_outcomes(index, draft.image_urls())
    return stitch_article(draft, captures, failures)


def articles_from_index(index: WarcIndex) -> Iterator[Article]:
    """The articles of the WARCs in the order their first pages are found (not sorted)."""
    for found in drafts_from_index(index):
        article = article_of(index, found)
        if article is not None:
            yield article


def capture_order(article: Article) -> tuple[str, int, str]:
    """Where the article's first page is archived: the order of an articles.jsonl file."""
    return (article.pages[0].warc_filename, article.pages[0].warc_offset, article.url)


@dataclass
class Reextraction:
    articles: list[Article]
    damaged: list[str]  # what could not be read as the crawl read it (damage, revisits...), and why


def articles_from_warcs(paths: Iterable[Path], references: Iterable[Path] = ()) -> Reextraction:
    """All articles of a set of WARC files, in capture order (in memory: for small sets and
    tests; ``archiver extract`` streams them to a file and sorts the file). ``references``:
    WARC files that only resolve revisits (an incremental job's earlier runs)."""
    index = WarcIndex(paths, references=references)
    articles = sorted(articles_from_index(index), key=capture_order)
    return Reextraction(articles, index.warnings)


def _follow_chain(
    index: WarcIndex,
    draft: ArticleDraft,
    capture: _Capture,
    record: ListiclePage,
    parse: Callable[[_Capture], ListiclePage | Exception],
    consumed: set[str],
    unsettled: Collection[int] = (),
) -> str | None:
    """Append the chain's pages to ``draft`` by the crawl's rules (:mod:`archiver.chain`);
    returns the next URL if the WARCs stop short of it."""
    while True:
        consumed.add(capture.url)
        page = page_capture_of(capture.url, capture.status, capture)
        next_url = add_page(draft, record, page, capture.payload_digest)
        if next_url is None:
            return None
        resolution = index.resolve_path(next_url)
        # Each hop as the crawl's redirect middlewares check it before fetching it.
        earlier = draft_urls(draft)
        for reached in resolution.path[1:]:
            stop = leads_back_reason(earlier, next_url, reached)
            if stop is not None:
                stop_chain(draft, stop)
                return None
        next_capture = resolution.capture
        if next_capture is None:
            if resolution.failure is None:
                return next_url
            end_with_failure(draft, fetch_failure(resolution.path[-1], resolution.failure))
            return None
        if next_capture.status in unsettled:
            return next_url
        location = next_capture.headers.get("location")
        failure = error_status_failure(next_capture.url, next_capture.status, location)
        if failure is not None:
            end_with_failure(draft, failure)
            return None
        if 200 <= next_capture.status < 300:
            stop = repeated_page_reason(draft, next_capture.url, next_capture.payload_digest)
            if stop is not None:
                consumed.add(next_capture.url)  # fetched as this chain's page: begins no article
                stop_chain(draft, stop)
                return None
        next_record = parse(next_capture)
        if not isinstance(next_record, ListiclePage):
            end_with_failure(draft, rejected_failure(next_capture.url, next_record))
            return None
        capture, record = next_capture, next_record
