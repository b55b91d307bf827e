"""Stitching the pages of one listicle into one article record. Pure: the live crawl and the
re-extraction from WARC files both chain pages with :mod:`archiver.chain` and call
:func:`stitch_article`, so their output is identical."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from archiver.captures import photo_captured
from archiver.models import Article, Image, ImageCapture, Item, Link, ListiclePage, PageCapture, PageFailure
from archiver.parse.numbering import numbering_warnings
from archiver.redirects import status_failure_reason

# What one page says of its own items; the article's items as a whole are checked instead.
_PER_PAGE_WARNINGS = (
    "declared ",
    "this page holds ",
    "title promises ",  # a page without a list: a cover slide, an intro page
    "numbering gap",
    "numbers printed twice",
    "printed numbers are out of order",
)


@dataclass
class ArticleDraft:
    """The pages of one article as they arrive, in order."""

    pages: list[tuple[ListiclePage, PageCapture]] = field(default_factory=list)
    failures: list[PageFailure] = field(default_factory=list)
    stopped_reason: str | None = None
    # What the crawl received for each image of the article, gathered as outcomes arrive.
    captures: dict[str, ImageCapture | None] = field(default_factory=dict)
    # Why an image got no response (the reason crawl.json and the WARC's fetch-error record
    # give), for the article's warning on photos not captured.
    image_failures: dict[str, str] = field(default_factory=dict)
    # Payload digest (WARC-Payload-Digest) of each page -> its URL: a next page that repeats
    # an earlier one under another URL ends the chain (archiver.chain.repeated_page_reason).
    digests: dict[str, str] = field(default_factory=dict)
    # Recommendation hops from a seed of the article's first page (its pages share them).
    hops: int = 0

    def __setstate__(self, state: dict[str, Any]) -> None:
        # A draft pickled in a JOBDIR by an earlier version lacks the newer fields: they get
        # their defaults, so a crawl paused before an upgrade resumes after it.
        fresh = ArticleDraft()
        self.__dict__.update({**fresh.__dict__, **state})

    @property
    def first_url(self) -> str:
        return self.pages[0][1].url

    @property
    def has_items(self) -> bool:
        """Whether any page so far held an item (a chain without any is not a listicle)."""
        return any(record.items for record, _ in self.pages)

    def image_urls(self) -> list[str]:
        """Every item image to archive: the URL the page names; when the srcset offers a larger
        file, that one too (a researcher wants the best copy); and when a <picture> makes a
        browser show another file (a WebP <source>), that one (replay asks the archive for it)."""
        urls: dict[str, None] = {}
        for record, _ in self.pages:
            for item in record.items:
                for image in item.images:
                    urls[image.url] = None
                    for variant in (image.largest_url, image.displayed_url):
                        if variant:
                            urls[variant] = None
        return list(urls)

    @property
    def next_page_pending(self) -> str | None:
        """The next page the chain asks for and has not got (a crawl that stopped first, WARCs
        that end before it), or None when the chain has ended (no next page, a loop, a failure)."""
        if not self.pages or self.stopped_reason is not None or self.failures:
            return None
        return self.pages[-1][0].next_page_url


def _with_captures(image: Image, captures: Mapping[str, ImageCapture | None]) -> Image:
    capture = captures.get(image.url)
    return image.model_copy(update={"capture": capture}) if capture is not None else image


# The "failure" of a photo a distributed crawl's other worker fetched (spiders/listicle.py).
CAPTURED_ELSEWHERE = "captured by another worker of the job"


def photos_warning(
    items: list[Item], captures: Mapping[str, ImageCapture | None], failures: Mapping[str, str]
) -> tuple[str | None, int]:
    """The warning on the photos of ``items`` not captured (:func:`archiver.captures.photo_captured`:
    no archived answer, or an error status), or None when every photo is; and how many photos
    were never asked for (neither an answer nor a recorded failure). A photo answered with an
    error fails with its status (``HTTP 404``), whatever ``failures`` says.

    >>> from archiver.models import Image, Item
    >>> photo = lambda url: Image(url=url, source_attr="src")
    >>> items = [Item(position=1, page_url="p", images=[photo("a"), photo("b"), photo("c")])]
    >>> photos_warning(items, {}, {"b": "HTTP 500"})
    ('3 of 3 photos not captured: 2 not fetched, 1 failed (HTTP 500)', 2)
    >>> text, _ = photos_warning(items, {}, {"a": CAPTURED_ELSEWHERE, "b": CAPTURED_ELSEWHERE})
    >>> text.startswith("3 of 3 photos not captured by this worker: 1 not fetched, 2 captured by another")
    True
    """
    photos = [image.url for item in items for image in item.images]
    missing = [url for url in photos if not photo_captured(captures.get(url))]
    if not missing:
        return None, 0
    failed = [reason for url in missing if (reason := _photo_failure(url, captures, failures)) is not None]
    not_fetched = len(missing) - len(failed)
    parts = [f"{not_fetched} not fetched"] if not_fetched else []
    # A distributed crawl's worker: a photo another worker fetched is in that worker's WARC
    # (archiver merge of the job's folders has it), not a failure.
    elsewhere = failed.count(CAPTURED_ELSEWHERE)
    if elsewhere:
        failed = [reason for reason in failed if reason != CAPTURED_ELSEWHERE]
        parts.append(f"{elsewhere} {CAPTURED_ELSEWHERE} (archiver merge of the job's folders has them)")
    if failed:
        reasons = list(dict.fromkeys(failed))
        more = len(reasons) - 3
        shown = "; ".join(reasons[:3])
        if more > 0:
            shown += f"; {more} more reason{'s' if more > 1 else ''}"
        parts.append(f"{len(failed)} failed ({shown})")
    where = " by this worker" if elsewhere else ""
    return f"{len(missing)} of {len(photos)} photos not captured{where}: {', '.join(parts)}", not_fetched


def _photo_failure(
    url: str, captures: Mapping[str, ImageCapture | None], failures: Mapping[str, str]
) -> str | None:
    capture = captures.get(url)
    if capture is not None:  # answered, with an error status
        return status_failure_reason(capture.status, None)
    return failures.get(url)


def page_not_fetched_warning(number: int, url: str) -> str:
    """The warning of an article whose chain stops before a page never fetched.

    >>> page_not_fetched_warning(3, "https://a.example/x/3/")
    'page 3 not fetched (https://a.example/x/3/)'
    """
    return f"page {number} not fetched ({url})"


def waits_for_a_page(warnings: list[str]) -> bool:
    """Whether an article's warnings say a page of it was never fetched (see
    :func:`page_not_fetched_warning`): photos aside, the article is unfinished."""
    return any(re.fullmatch(r"page \d+ not fetched \(.*\)", warning) for warning in warnings)


# The warning of an article written before the crawl asked for all of it (``crawl_stopped``).
CRAWL_STOPPED_WARNING = (
    "the crawl stopped before this article was finished: "
    "run the same command again (same --out) to fetch the rest"
)


def stitch_article(
    draft: ArticleDraft,
    captures: Mapping[str, ImageCapture | None],
    failures: Mapping[str, str] | None = None,
) -> Article | None:
    """One article record from its pages (in order), failed pages and image captures; None when
    no page held an item (a story over several pages, not a listicle: nothing to write).

    ``captures``: image URL -> its archived response (None or absent: none); ``failures``: image
    URL -> why its fetch failed (absent: never fetched; default ``draft.image_failures``). An
    article whose chain wants a page not fetched, or with photos never fetched, is
    ``crawl_stopped``; one with a photo without capture is not ``media_complete``; both warn.

    Pages without items (a cover slide, an intro page) stay in ``pages``; the items of the
    others are numbered 1..N across the article. The numbering style is that of the first page
    with items, and the declared count that of the first page, or else of the first page with
    items (a cover whose title gives no count).
    """
    if not draft.has_items:
        return None
    first, _ = draft.pages[0]
    listed = next(record for record, _ in draft.pages if record.items)
    declared = first.declared_count if first.declared_count is not None else listed.declared_count
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
    pending = draft.next_page_pending
    if pending is not None:
        warnings.append(page_not_fetched_warning(len(draft.pages) + 1, pending))
    photos, photos_not_fetched = photos_warning(
        items, captures, draft.image_failures if failures is None else failures
    )
    if photos is not None:
        warnings.append(photos)
    crawl_stopped = pending is not None or photos_not_fetched > 0
    if crawl_stopped:
        warnings.append(CRAWL_STOPPED_WARNING)
    warnings.extend(numbering_warnings(items, declared, paginated=False))
    counts_match = declared is None or declared == len(items)
    return Article(
        url=draft.first_url,
        canonical_url=first.canonical_url,
        title=first.title,
        declared_count=declared,
        numbering=listed.numbering,
        complete=counts_match
        and not draft.failures
        and draft.stopped_reason is None
        and pending is None
        and not any(capture.truncated for _, capture in draft.pages),
        media_complete=photos is None,
        crawl_stopped=crawl_stopped,
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
