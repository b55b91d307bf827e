"""Stitching the pages of one listicle into one article record. Pure: the live crawl and the
re-extraction from WARC files both call :func:`stitch_article`, so their output is identical."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from archiver.models import Article, Image, ImageCapture, Item, Link, ListiclePage, PageCapture, PageFailure
from archiver.parse.numbering import numbering_warnings

# An article longer than this is a crawler trap ("/page/2/", "/page/3/", ... forever).
MAX_ARTICLE_PAGES = 50

_PER_PAGE_WARNINGS = (
    "declared ",
    "this page holds ",
    "numbering gap",
    "numbers printed twice",
    "printed numbers are out of order",
)


def chain_stop_reason(seen_urls: set[str], next_url: str, pages_so_far: int) -> str | None:
    """Why an article's chain of pages must stop before ``next_url``, or None to follow it."""
    if next_url in seen_urls:
        return f"next page links back to an earlier page ({next_url})"
    if pages_so_far >= MAX_ARTICLE_PAGES:
        return f"stopped after {MAX_ARTICLE_PAGES} pages (possible crawler trap)"
    return None


@dataclass
class ArticleDraft:
    """The pages of one article as they arrive, in order."""

    pages: list[tuple[ListiclePage, PageCapture]] = field(default_factory=list)
    failures: list[PageFailure] = field(default_factory=list)
    stopped_reason: str | None = None
    # What the crawl received for each image of the article, gathered as outcomes arrive.
    captures: dict[str, ImageCapture | None] = field(default_factory=dict)

    @property
    def first_url(self) -> str:
        return self.pages[0][1].url

    def image_urls(self) -> list[str]:
        """Every item image to archive: the URL the page names and, when the srcset offers a
        larger file, that one too (a researcher wants the best copy)."""
        urls: dict[str, None] = {}
        for record, _ in self.pages:
            for item in record.items:
                for image in item.images:
                    urls[image.url] = None
                    if image.largest_url:
                        urls[image.largest_url] = None
        return list(urls)


def _with_captures(image: Image, captures: Mapping[str, ImageCapture | None]) -> Image:
    capture = captures.get(image.url)
    return image.model_copy(update={"capture": capture}) if capture is not None else image


def stitch_article(draft: ArticleDraft, captures: Mapping[str, ImageCapture | None]) -> Article:
    """One article record from its pages (in order), failed pages and image captures."""
    first, _ = draft.pages[0]
    items: list[Item] = []
    recommendations: list[Link] = []
    seen_links: set[str] = {capture.url for _, capture in draft.pages}
    warnings: list[str] = []
    for record, _ in draft.pages:
        for item in record.items:
            images = [_with_captures(image, captures) for image in item.images]
            items.append(item.model_copy(update={"position": len(items) + 1, "images": images}))
        for link in record.recommendations:
            if link.url not in seen_links:
                seen_links.add(link.url)
                recommendations.append(link)
        warnings.extend(
            w for w in record.warnings if not w.startswith(_PER_PAGE_WARNINGS) and w not in warnings
        )
    for number, (_, capture) in enumerate(draft.pages, start=1):
        if capture.truncated:
            warnings.append(f"page {number} arrived truncated ({capture.truncated}): items may be missing")
    for number, failure in enumerate(draft.failures, start=len(draft.pages) + 1):
        warnings.append(f"page {number} failed: {failure.reason} ({failure.url})")
    if draft.stopped_reason:
        warnings.append(draft.stopped_reason)
    warnings.extend(numbering_warnings(items, first.declared_count, paginated=False))
    counts_match = first.declared_count is None or first.declared_count == len(items)
    return Article(
        url=draft.first_url,
        canonical_url=first.canonical_url,
        title=first.title,
        declared_count=first.declared_count,
        numbering=first.numbering,
        complete=counts_match
        and not draft.failures
        and draft.stopped_reason is None
        and not any(capture.truncated for _, capture in draft.pages),
        pages=[capture for _, capture in draft.pages],
        failed_pages=draft.failures,
        items=items,
        recommendations=recommendations,
        author=first.author,
        published=first.published,
        site_name=first.site_name,
        language=first.language,
        warnings=warnings,
    )
