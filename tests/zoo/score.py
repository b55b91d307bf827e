"""Scoring the extractor against the zoo's truth: per page, per case, and per crawled article.

A page is **exact** when the extractor finds as many items as the truth holds and the first and
last item each have the right number and heading, and the page's next-page URL is right. A
non-listicle page is exact when it gives zero items. A case is exact when all of its pages are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.models import Item, ListiclePage
from tests.zoo.truth import Case, ItemTruth, PageTruth

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
        return PageScore(truth, 0, False, False, False, False, False, False, False, error or "no record")
    got = record.items
    expected = truth.items
    count_ok = len(got) == len(expected)
    pairs = list(zip(expected, got, strict=False))
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
    return {"pages": list(data.get("pages", [])), "crawl": list(data.get("crawl", []))}


def write_floors(pages: list[str], crawl: list[str], path: Path = FLOORS) -> None:
    data = {
        "about": (
            "Zoo cases the extractor gets exactly right today: 'pages' from parse_page, 'crawl' from an "
            f"end-to-end crawl. tests/test_zoo.py fails if one stops passing or an unlisted one passes. "
            f"Regenerate with: {REGENERATE}"
        ),
        "pages": sorted(pages),
        "crawl": sorted(crawl),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
