"""The independent set (``tests/independent``) judges the extractor on 101 pages a tester wrote
without reading it: 72 listicle pages and 29 pages that must give no items.

The pages exact today are pinned in ``tests/independent_floors.json``: a pinned page that stops
being exact fails the test, by name; a page that becomes exact without being listed fails it too,
so that whoever improved the extractor raises the floors (``python -m tests.independent
--write-floors``).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.independent import Page, build_pages
from tests.independent.score import REGENERATE, PageScore, load_floors, score_pages


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return build_pages()


@pytest.fixture(scope="module")
def scores(pages: list[Page]) -> list[PageScore]:
    return score_pages(pages)


def _describe(score: PageScore) -> str:
    truth = score.page.truth
    what = score.error or f"items {score.got_items}/{truth['count']}, wrong: {', '.join(score.fails)}"
    return f"{score.name} ({what})"


def test_the_set_is_whole_and_reproducible(pages: list[Page]) -> None:
    assert Counter(p.listicle for p in pages) == {True: 72, False: 29}
    assert len({p.name for p in pages}) == len(pages)
    assert [(p.name, p.html) for p in build_pages()] == [(p.name, p.html) for p in pages]
    for page in pages:
        truth = page.truth
        assert page.name[0] in ("LM" if page.listicle else "NR"), page.name
        if page.listicle:
            assert len(truth["numbers"]) == truth["count"], page.name


def test_no_pinned_page_regresses(scores: list[PageScore]) -> None:
    floors = load_floors()
    by_name = {s.name: s for s in scores}
    unknown = [name for name in floors if name not in by_name]
    assert not unknown, (
        f"independent_floors.json names pages the set does not have: {unknown}; run {REGENERATE}"
    )
    regressed = [_describe(by_name[name]) for name in floors if not by_name[name].exact]
    assert not regressed, "independent pages that were exact are not any more:\n  " + "\n  ".join(regressed)


def test_pages_that_are_now_exact_are_in_the_floors(scores: list[PageScore]) -> None:
    floors = set(load_floors())
    improved = sorted(s.name for s in scores if s.exact and s.name not in floors)
    assert not improved, f"these independent pages are exact now: {improved}. Raise the floors: {REGENERATE}"
