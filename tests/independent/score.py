"""Scoring ``parse_page`` on the independent pages, by the tester's rules (their ``score.py``).

A listicle page is checked for its item count, first and last heading (compared after NFKC, case
folding and trimming punctuation; a prefix will do where the truth says ``heading_lenient``), every
item's number (or the accepted alternative numbering), images per item, and the next page where
the truth gives one. A page that is not a listicle must give zero items. A page is **exact** when
nothing fails; a crash of the extractor fails the page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from archiver.models import ListiclePage
from tests.independent.truth import Alt, Page, Truth

FLOORS = Path(__file__).resolve().parent.parent / "independent_floors.json"
REGENERATE = ".venv/bin/python -m tests.independent --write-floors"
CHECKS = ("count", "first", "last", "numbers")


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).lower()).strip(" .:;–—-/|")
    return text or None


def heading_ok(expected: str | None, got: str | None, lenient: bool) -> bool:
    e, g = norm(expected), norm(got)
    if e == g:
        return True
    return bool(lenient and e and g and (g.startswith(e) or e.startswith(g)))


def _check(truth: Truth, record: ListiclePage, alt: Alt | None = None) -> dict[str, bool]:
    """The four listicle checks, against the truth or against its accepted alternative."""
    alt = alt or Alt()
    items = record.items
    if truth.get("heading_any"):
        first = last = bool(items)
    else:
        lenient = truth.get("heading_lenient", False)
        first = bool(items) and heading_ok(truth.get("first"), items[0].heading, lenient)
        last = bool(items) and heading_ok(alt.get("last", truth.get("last")), items[-1].heading, lenient)
    numbers = [item.number for item in items]
    accepted = [alt.get("numbers", truth.get("numbers")), truth.get("numbers_alt")]
    return {
        "count": len(items) == alt.get("count", truth["count"]),
        "first": first,
        "last": last,
        "numbers": any(a is not None and numbers == list(a) for a in accepted),
    }


@dataclass
class PageScore:
    page: Page
    record: ListiclePage | None
    error: str | None = None
    checks: dict[str, bool] = field(default_factory=dict)  # listicles: count, first, last, numbers
    images_ok: bool | None = None  # None: not scored (no truth for it, or no items)
    next_ok: bool | None = None  # None: the truth gives no next page
    fails: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.page.name

    @property
    def exact(self) -> bool:
        return not self.fails

    @property
    def got_items(self) -> int:
        return len(self.record.items) if self.record else 0

    @property
    def method(self) -> str:
        detection = self.record.detection if self.record else None
        return detection.method if detection else "-"

    def images(self) -> list[int]:
        return [len(i.images) + len(i.embeds) for i in self.record.items] if self.record else []


def score_page(page: Page, record: ListiclePage | None, error: str | None = None) -> PageScore:
    truth = page.truth
    score = PageScore(page, record, error)
    if record is None:
        score.fails.append("error")
        if page.listicle:
            score.checks = dict.fromkeys(CHECKS, False)
            score.next_ok = False if "next" in truth else None
        return score
    items = record.items
    if not page.listicle:
        if items:
            score.fails.append("items")
        return score
    score.checks = _check(truth, record)
    alt = truth.get("alt")
    if alt and not all(score.checks.values()):
        other = _check(truth, record, alt)
        if sum(other.values()) > sum(score.checks.values()):
            score.checks = other
    score.fails += [name for name in CHECKS if not score.checks[name]]
    imgs = truth.get("imgs")
    if imgs is not None and items:
        expected = [imgs] * len(items) if isinstance(imgs, int) else list(imgs)
        score.images_ok = score.images() == expected
        if not score.images_ok and score.checks["count"]:
            score.fails.append("images")
    if "next" in truth:
        score.next_ok = record.next_page_url == truth["next"]
        if not score.next_ok:
            score.fails.append("next")
    return score


def score_pages(pages: Iterable[Page]) -> list[PageScore]:
    from archiver.parse import parse_page

    scores = []
    for page in pages:
        try:
            record = parse_page(page.data, page.truth["url"])
        except Exception as error:  # the set reports what the extractor does, crashes included
            scores.append(score_page(page, None, f"{type(error).__name__}: {error}"))
            continue
        scores.append(score_page(page, record))
    return scores


def totals(scores: Sequence[PageScore]) -> dict[str, str]:
    listicles = [s for s in scores if s.page.listicle]
    others = [s for s in scores if not s.page.listicle]
    imaged = [s for s in listicles if s.images_ok is not None]
    paged = [s for s in listicles if s.next_ok is not None]
    right = {name: sum(s.checks[name] for s in listicles) for name in CHECKS}
    all_four = sum(all(s.checks.values()) for s in listicles)
    return {
        "listicle pages": str(len(listicles)),
        "count right": f"{right['count']}/{len(listicles)}",
        "first heading right": f"{right['first']}/{len(listicles)}",
        "last heading right": f"{right['last']}/{len(listicles)}",
        "numbers right": f"{right['numbers']}/{len(listicles)}",
        "all four right (count..numbers)": f"{all_four}/{len(listicles)}",
        "listicle pages exact": f"{sum(s.exact for s in listicles)}/{len(listicles)} (images and next too)",
        "images per item right": f"{sum(bool(s.images_ok) for s in imaged)}/{len(imaged)} (pages with items)",
        "next_page_url right": f"{sum(bool(s.next_ok) for s in paged)}/{len(paged)}",
        "non-listicles with zero items": f"{sum(s.exact for s in others)}/{len(others)}",
        "pages exact (pinned)": f"{sum(s.exact for s in scores)}/{len(scores)}",
    }


def load_floors(path: Path = FLOORS) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8")).get("pages", []))


def write_floors(pages: Iterable[str], path: Path = FLOORS) -> None:
    data = {
        "about": (
            "Independent pages (tests/independent) the extractor gets exactly right today. "
            "tests/test_independent_pages.py fails if one stops being exact or an unlisted one becomes "
            f"exact. Regenerate with: {REGENERATE}"
        ),
        "pages": sorted(pages),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
