"""The template zoo (``tests/zoo``) judges the extractor: synthetic listicles in many shapes (and
non-listicles that must give no items), with the truth generated alongside the HTML.

The cases that pass today are pinned in ``tests/zoo_floors.json``: a case that stops passing
fails the test, by name; a case that starts passing without being listed fails it too, so that
whoever improved the extractor raises the floors (``python -m tests.zoo --write-floors``). Two
lists are pinned from ``parse_page``: "pages" (the structure: count, first and last item, next
page) and "fields" (that and every item's images, caption, credit and embeds); "crawl" pins the
end-to-end crawl.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import pytest

from tests.zoo import SHAPES, build_zoo
from tests.zoo.score import FIELDS, REGENERATE, ArticleScore, CaseScore, load_floors, score_cases
from tests.zoo.site import INDEX_KEY, crawl_scores, crawl_zoo
from tests.zoo.truth import Case

BASE = "https://www.zoo-daily.example"


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return build_zoo(BASE)


@pytest.fixture(scope="module")
def pure_scores(cases: list[Case]) -> list[CaseScore]:
    return score_cases(cases, BASE)


def _describe(score: CaseScore) -> str:
    parts = []
    for page in score.pages:
        if page.exact:
            continue
        what = page.error or (
            f"items {page.got_items}/{len(page.truth.items)}"
            + ("" if page.first_ok or not page.truth.items else ", first item wrong")
            + ("" if page.last_ok or not page.truth.items else ", last item wrong")
            + ("" if page.next_ok else ", next page wrong")
        )
        parts.append(f"{page.truth.path}: {what}")
    return f"{score.key} ({'; '.join(parts[:3])}{' ...' if len(parts) > 3 else ''})"


def _describe_fields(score: CaseScore) -> str:
    if not score.exact:
        return _describe(score)
    wrong = [
        f"not every item's {name[:-3]}" for name in ("numbers_ok", "headings_ok") if not score.all_of(name)
    ]
    for name in FIELDS:
        right = score.fields_right(name)
        if right < len(score.case.items):
            wrong.append(f"{name} right for {right}/{len(score.case.items)} items")
    return f"{score.key} ({', '.join(wrong)}; see: python -m tests.zoo --shape {score.case.shape} --fields)"


# -- the zoo itself --------------------------------------------------------------------------------------
def test_the_zoo_is_reproducible(cases: list[Case]) -> None:
    again = build_zoo(BASE)
    assert [(c.key, [p.html for p in c.pages]) for c in cases] == [
        (c.key, [p.html for p in c.pages]) for c in again
    ]
    listicle_shapes = {s.name for s in SHAPES if s.listicle}
    assert len(listicle_shapes) >= 15 and len({s.name for s in SHAPES} - listicle_shapes) >= 6


@pytest.mark.parametrize("seed", ["", "held-out"])
def test_the_zoo_truth_is_consistent(seed: str) -> None:
    cases = build_zoo(BASE, seed)
    keys = [c.key for c in cases]
    assert len(keys) == len(set(keys))
    paths = [p.path for c in cases for p in c.pages]
    assert len(paths) == len(set(paths)), "two pages share a URL"
    for case in cases:
        own = [p.path for p in case.pages]
        # The pages chain: each names the next, the last names none.
        assert [p.next_path for p in case.pages] == [*own[1:], None], case.key
        assert case.pages[0].html.lstrip().lower().startswith(b"<!doctype html>"), case.key
        if case.is_listicle:
            assert case.items, case.key
            declared = {p.declared_count for p in case.pages}
            assert len(declared) == 1, case.key
            promised = declared.pop()
            assert promised is None or promised == len(case.items), case.key
            for page in case.pages:  # every heading is in the page as printed (escaped or not)
                text = page.html.decode("utf-8" if "utf-8" in page.content_type else "shift_jis")
                for item in page.items:
                    assert item.heading is None or escape(item.heading) in text or item.heading in text
            for item in case.items:  # every item's fields are known (the generator recorded them)
                assert item.image_urls or item.embeds or item.caption_start, (case.key, item)
                assert len(item.image_urls) == len(item.largest_urls) == len(item.image_credits)
                assert all(url.startswith(f"{BASE}/") for url in item.image_urls), (case.key, item)
                assert item.credit == (item.credits[0] if item.credits else None), (case.key, item)
        else:
            assert not case.items and all(p.declared_count is None for p in case.pages), case.key


def test_the_zoo_has_every_field_form() -> None:
    """The forms of photos, credits and captions the zoo promises (issue 9) are all in it."""
    cases = build_zoo(BASE)
    keys = {c.key for c in cases}
    for key in [
        "image_first/figure-h2",
        "hero_image/item1-without-photo",
        "image_sources/noscript-only",
        "image_sources/picture-source",
        "image_sources/background-role-img",
        "image_sources/tracking-pixel",
        "image_sources/consent-placeholder",
        "amp/amp-heading-class",
        "furniture_words/file-names",
        "furniture_words/share-class",
        "figcaption_only/caption-credit",
        "photo_title/title-br-source",
        "embed_text/tweet-after-text",
        "embed_text/youtube-figcaption",
        "credit_placement/credit-before-image",
        "credit_placement/two-photos",
    ]:
        assert key in keys, key
    credits = {item.credit for c in cases for item in c.items if item.credit}
    for form in ["Image credit: ", "Credit: ", "Foto: ", "Bild: ", "© ", "(c) ", "via ", "Courtesy of "]:
        assert any(credit.startswith(form) for credit in credits), form
    assert any(len(item.credits) == 2 for c in cases for item in c.items)
    assert any(item.not_caption and item.caption_start for c in cases for item in c.items)


# -- parse_page over every page ----------------------------------------------------------------------------
def test_no_zoo_case_regresses(pure_scores: list[CaseScore]) -> None:
    floors = load_floors()["pages"]
    by_key = {s.key: s for s in pure_scores}
    unknown = [key for key in floors if key not in by_key]
    assert not unknown, f"zoo_floors.json names cases the zoo no longer has: {unknown}; run {REGENERATE}"
    regressed = [_describe(by_key[key]) for key in floors if not by_key[key].exact]
    assert not regressed, "zoo cases that passed before fail now:\n  " + "\n  ".join(regressed)


def test_zoo_cases_that_now_pass_are_in_the_floors(pure_scores: list[CaseScore]) -> None:
    floors = set(load_floors()["pages"])
    improved = sorted(s.key for s in pure_scores if s.exact and s.key not in floors)
    assert not improved, f"these zoo cases pass now: {improved}. Raise the floors: {REGENERATE}"


# -- every item's fields --------------------------------------------------------------------------------
def test_no_zoo_case_regresses_in_its_fields(pure_scores: list[CaseScore]) -> None:
    floors = load_floors()["fields"]
    by_key = {s.key: s for s in pure_scores}
    unknown = [key for key in floors if key not in by_key]
    assert not unknown, f"zoo_floors.json names cases the zoo no longer has: {unknown}; run {REGENERATE}"
    regressed = [_describe_fields(by_key[key]) for key in floors if not by_key[key].fields_exact]
    assert not regressed, "zoo cases whose fields were right before are wrong now:\n  " + "\n  ".join(
        regressed
    )


def test_zoo_cases_whose_fields_are_now_right_are_in_the_floors(pure_scores: list[CaseScore]) -> None:
    floors = set(load_floors()["fields"])
    improved = sorted(s.key for s in pure_scores if s.fields_exact and s.key not in floors)
    assert not improved, (
        f"these zoo cases have every field right now: {improved}. Raise the floors: {REGENERATE}"
    )


# -- the crawl, end to end ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleScore]:
    result = crawl_zoo(Path(tmp_path_factory.mktemp("zoo")) / "out", timeout=600)
    assert result.crawl_summary.get("finish_reason") == "finished", result.crawl_summary
    return crawl_scores(result)


def _describe_article(score: ArticleScore) -> str:
    if not score.listicle:
        return f"{score.key} (not a listicle, but an article was written)"
    if not score.found:
        return f"{score.key} (no article)"
    pages = f"{score.pages_got}/{score.pages_expected}"
    return f"{score.key} (pages {pages}, items {score.items_got}/{score.items_expected})"


def _keys(scores: Sequence[ArticleScore]) -> dict[str, ArticleScore]:
    return {s.key: s for s in scores}


def test_no_crawled_zoo_article_regresses(crawled: list[ArticleScore]) -> None:
    floors = load_floors()["crawl"]
    by_key = _keys(crawled)
    assert INDEX_KEY in by_key
    unknown = [key for key in floors if key not in by_key]
    assert not unknown, f"zoo_floors.json names articles the zoo no longer has: {unknown}; run {REGENERATE}"
    regressed = [_describe_article(by_key[key]) for key in floors if not by_key[key].ok]
    assert not regressed, "crawled zoo articles that were right before are wrong now:\n  " + "\n  ".join(
        regressed
    )


def test_crawled_zoo_articles_that_are_now_right_are_in_the_floors(crawled: list[ArticleScore]) -> None:
    floors = set(load_floors()["crawl"])
    improved = sorted(s.key for s in crawled if s.ok and s.key not in floors)
    assert not improved, (
        f"these crawled zoo articles are right now: {improved}. Raise the floors: {REGENERATE}"
    )
