"""Scoring the extractor against the zoo's truth: per page, per case, and per crawled article.

A page is **exact** when the extractor finds as many items as the truth holds and the first and
last item each have the right number and heading, and the page's next-page URL is right. A
non-listicle page is exact when it gives zero items. A case is exact when all of its pages are.
That is the structure; the floors under "pages" pin it.

A page is **fields exact** when it is exact, every item's number and heading is right, and every
item's fields are (items are paired in order, so only on a page whose count is right):

- images: the record's image URLs are the truth's ``image_urls``, in order, nothing more; and
  where the page offers a larger ``srcset`` candidate, the image's ``largest_url`` is it;
- caption: the record's caption starts as the truth's ``caption_start`` (the whole of it when the
  truth's text is short), compared without whitespace and without leading separators ("– ",
  ": "); None when the item has no text of its own; and it holds neither the item's heading,
  nor any of its credit lines, nor the words of its embeds (``not_caption``): the generator
  guarantees that the item's text holds none of them;
- credit: the record's credit line is the truth's ``credit`` as printed (whitespace collapsed);
  when the item has more than one credited photo, each image's own ``credit`` too;
- embeds: the record's ``(kind, url)`` pairs are the truth's ``embeds`` (URLs without query).

A case is fields exact when all its pages are; the floors under "fields" pin that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.models import Image, Item, ListiclePage
from tests.zoo.truth import MORE, Case, ItemTruth, PageTruth

FLOORS = Path(__file__).resolve().parent.parent / "zoo_floors.json"
REGENERATE = ".venv/bin/python -m tests.zoo --write-floors"

_SPACE = re.compile(r"\s+")
_TRIM = " .:;,–—-|：。．"


def norm_heading(text: str | None) -> str | None:
    """Headings compared without surrounding punctuation (the truth keeps "Heading", a page may
    print "Heading:" or "Heading."), with whitespace collapsed and curly apostrophes straightened."""
    if text is None:
        return None
    return _SPACE.sub(" ", text).strip(_TRIM).replace("’", "'") or None


def number_ok(truth: ItemTruth, got: Item) -> bool:
    if truth.number is None:
        return got.number is None
    if got.number is None:
        return truth.rendered and got.position == truth.number
    return got.number == truth.number


def heading_ok(truth: ItemTruth, got: Item) -> bool:
    return norm_heading(got.heading) == norm_heading(truth.heading)


def item_ok(truth: ItemTruth, got: Item | None) -> bool:
    return got is not None and number_ok(truth, got) and heading_ok(truth, got)


# -- fields ---------------------------------------------------------------------------------------------
def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _line(text: str | None) -> str | None:
    if text is None:
        return None
    return _SPACE.sub(" ", text).strip() or None


def images_ok(truth: ItemTruth, got: Item) -> bool:
    if [image.url for image in got.images] != list(truth.image_urls):
        return False
    return all(
        largest is None or image.largest_url == largest
        for largest, image in zip(truth.largest_urls, got.images, strict=True)
    )


def caption_ok(truth: ItemTruth, got: Item) -> bool:
    text = _squash(got.caption or "").lstrip(_TRIM)
    if truth.caption_start is None:
        return not text
    start = _squash(truth.caption_start.removesuffix(MORE)).lstrip(_TRIM)
    goes_on = truth.caption_start.endswith(MORE)
    if not (text.startswith(start) if goes_on else text == start):
        return False
    foreign = [truth.heading, *truth.credits, *truth.not_caption]
    return not any(other and _squash(other) in text for other in foreign)


def _image_credit(image: Image) -> str | None:
    credit = getattr(image, "credit", None)  # an Image's own credit, where the model has one
    return _line(getattr(credit, "text", credit))


def credit_ok(truth: ItemTruth, got: Item) -> bool:
    if _line(got.credit.text if got.credit else None) != _line(truth.credit):
        return False
    if len(truth.credits) < 2:
        return True
    # Several credited photos: each photo's credit is its own.
    return len(got.images) == len(truth.image_urls) and all(
        _image_credit(image) == _line(credit)
        for credit, image in zip(truth.image_credits, got.images, strict=True)
    )


def embeds_ok(truth: ItemTruth, got: Item) -> bool:
    """Kinds and URLs, the URLs without their query (``?feature=oembed``)."""
    return [(embed.kind, embed.url.split("?")[0].split("#")[0]) for embed in got.embeds] == list(truth.embeds)


FIELDS: dict[str, Callable[[ItemTruth, Item], bool]] = {
    "images": images_ok,
    "caption": caption_ok,
    "credit": credit_ok,
    "embeds": embeds_ok,
}


@dataclass(frozen=True)
class ItemFields:
    """Which of one item's fields are right (all wrong when the page's count is wrong)."""

    truth: ItemTruth
    got: Item | None
    images: bool
    caption: bool
    credit: bool
    embeds: bool

    @property
    def ok(self) -> bool:
        return self.images and self.caption and self.credit and self.embeds


def score_fields(truth: ItemTruth, got: Item | None) -> ItemFields:
    if got is None:
        return ItemFields(truth, None, False, False, False, False)
    return ItemFields(truth, got, **{name: check(truth, got) for name, check in FIELDS.items()})


@dataclass
class PageScore:
    truth: PageTruth
    got_items: int
    count_ok: bool
    first_ok: bool
    last_ok: bool
    numbers_ok: bool  # every item's number, not only the ends
    headings_ok: bool  # every item's heading
    next_ok: bool
    declared_ok: bool
    error: str | None = None
    fields: tuple[ItemFields, ...] = ()  # one per truth item

    @property
    def fields_exact(self) -> bool:
        """Exact, every item's number and heading right, and every item's fields."""
        if not self.truth.items:
            return self.exact
        return self.exact and self.numbers_ok and self.headings_ok and all(i.ok for i in self.fields)

    @property
    def exact(self) -> bool:
        if not self.truth.items:
            # A non-listicle, or a slideshow's cover: no items (and the cover's link to slide 1).
            return (
                self.error is None and self.got_items == 0 and (self.next_ok or self.truth.next_path is None)
            )
        return self.count_ok and self.first_ok and self.last_ok and self.next_ok


def score_page(
    truth: PageTruth, base: str, record: ListiclePage | None, error: str | None = None
) -> PageScore:
    if record is None:
        missing = tuple(score_fields(item, None) for item in truth.items)
        return PageScore(
            truth, 0, False, False, False, False, False, False, False, error or "no record", missing
        )
    got = record.items
    expected = truth.items
    count_ok = len(got) == len(expected)
    pairs = list(zip(expected, got, strict=False))
    # Items are paired in order, which means something only when the count is right.
    fields = tuple(score_fields(t, got[i] if count_ok else None) for i, t in enumerate(expected))
    return PageScore(
        truth=truth,
        got_items=len(got),
        count_ok=count_ok,
        first_ok=bool(expected) and item_ok(expected[0], got[0] if got else None),
        last_ok=bool(expected) and item_ok(expected[-1], got[-1] if got else None),
        numbers_ok=count_ok and all(number_ok(t, g) for t, g in pairs),
        headings_ok=count_ok and all(heading_ok(t, g) for t, g in pairs),
        next_ok=record.next_page_url == truth.next_page_url(base),
        declared_ok=record.declared_count == truth.declared_count,
        fields=fields,
    )


@dataclass
class CaseScore:
    case: Case
    pages: list[PageScore] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.case.key

    @property
    def exact(self) -> bool:
        return all(page.exact for page in self.pages)

    @property
    def fields_exact(self) -> bool:
        return all(page.fields_exact for page in self.pages)

    def fields_right(self, name: str) -> int:
        """Items whose ``name`` field is right."""
        return sum(getattr(item, name) for page in self.pages for item in page.fields)

    @property
    def expected_items(self) -> int:
        return len(self.case.items)

    @property
    def got_items(self) -> int:
        return sum(page.got_items for page in self.pages)

    def all_of(self, name: str) -> bool:
        return all(getattr(page, name) for page in self.pages if page.truth.items)

    @property
    def errors(self) -> list[str]:
        return [f"{page.truth.path}: {page.error}" for page in self.pages if page.error]


Parser = Callable[[bytes, str, str], ListiclePage]


def _parse_page(data: bytes, url: str, content_type: str) -> ListiclePage:
    from archiver.parse import parse_page

    return parse_page(data, url, content_type=content_type)


def score_cases(cases: Iterable[Case], base: str, parse: Parser = _parse_page) -> list[CaseScore]:
    """Parse every page of every case. A crash of the extractor scores the page as failed."""
    scores = []
    for case in cases:
        score = CaseScore(case)
        for page in case.pages:
            try:
                record = parse(page.html, page.url(base), page.content_type)
            except Exception as error:  # the zoo reports what the extractor does, crashes included
                score.pages.append(score_page(page, base, None, f"{type(error).__name__}: {error}"))
                continue
            score.pages.append(score_page(page, base, record))
        scores.append(score)
    return scores


# -- the crawl ------------------------------------------------------------------------------------------
@dataclass
class ArticleScore:
    key: str
    listicle: bool
    found: bool
    pages_expected: int
    pages_got: int
    items_expected: int
    items_got: int

    @property
    def ok(self) -> bool:
        if not self.listicle:
            return not self.found
        return self.found and self.pages_got == self.pages_expected and self.items_got == self.items_expected


def score_crawl(cases: Iterable[Case], base: str, articles: list[dict[str, Any]]) -> list[ArticleScore]:
    """Each case against the line of ``articles.jsonl`` whose URL is its first page's (a
    non-listicle must have none)."""
    by_url = {article["url"]: article for article in articles}
    scores = []
    for case in cases:
        article = by_url.get(base + case.first_path)
        scores.append(
            ArticleScore(
                key=case.key,
                listicle=case.is_listicle,
                found=article is not None,
                pages_expected=len(case.pages) if case.is_listicle else 0,
                pages_got=len(article["pages"]) if article else 0,
                items_expected=len(case.items),
                items_got=len(article["items"]) if article else 0,
            )
        )
    return scores


# -- floors ---------------------------------------------------------------------------------------------
def load_floors(path: Path = FLOORS) -> dict[str, list[str]]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {key: list(data.get(key, [])) for key in ("pages", "fields", "crawl")}


def write_floors(pages: list[str], crawl: list[str], fields: list[str], path: Path = FLOORS) -> None:
    data = {
        "about": (
            "Zoo cases the extractor gets exactly right today: 'pages' from parse_page (the structure: "
            "count, first and last item, next page), 'fields' from parse_page with every item's "
            "fields too (images, caption, credit, embeds), 'crawl' from an end-to-end crawl. "
            "tests/test_zoo.py fails if one stops passing or an unlisted one passes. "
            f"Regenerate with: {REGENERATE}"
        ),
        "pages": sorted(pages),
        "fields": sorted(fields),
        "crawl": sorted(crawl),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
