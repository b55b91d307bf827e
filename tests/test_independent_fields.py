"""The field set (``tests/independent_fields``) judges the extractor's item fields on 50 listicle
pages (302 items) a tester wrote without reading it: images, photo credits, item credit, the
start of the item's text, embeds and largest image URLs.

The items whose fields are all right today are pinned, as ``page#item``, in
``tests/independent_fields_floors.json``: a pinned item that goes wrong fails the test, by name;
an item that becomes right without being listed fails it too, so that whoever improved the
extractor raises the floors (``python -m tests.independent_fields --write-floors``).
"""

from __future__ import annotations

import hashlib

import pytest

from tests.independent_fields import Page, build_pages, truth_json
from tests.independent_fields.score import REGENERATE, ItemScore, PageScore, load_floors, score_pages

# sha256 of the tester's truth.json and every page, as they wrote them: the set is theirs, keep it.
DIGEST = "6090c70036614718fb11e98bebf21609fff84ea336c5f67e38967eb71b572d3b"


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return build_pages()


@pytest.fixture(scope="module")
def scores(pages: list[Page]) -> list[PageScore]:
    return score_pages(pages)


def _digest(pages: list[Page]) -> str:
    digest = hashlib.sha256(truth_json(pages).encode("utf-8"))
    for page in pages:
        digest.update(page.data)
    return digest.hexdigest()


def _describe(item: ItemScore) -> str:
    why = "; ".join(f"{name}: {detail}" for name, (ok, detail) in item.fields.items() if not ok)
    return f"{item.id} {item.truth['heading']!r} ({why[:300]})"


def test_the_set_is_whole_reproducible_and_as_written(pages: list[Page]) -> None:
    assert len(pages) == 50
    assert sum(len(p.items) for p in pages) == 302
    assert len({p.name for p in pages}) == len(pages)
    assert [(p.name, p.html, p.items) for p in build_pages()] == [(p.name, p.html, p.items) for p in pages]
    for page in pages:
        for index, item in enumerate(page.items, 1):
            where = f"{page.name}#{index}"
            assert len(item["icredits"]) == len(item["images"]), where
            assert len(item.get("largest", item["images"])) == len(item["images"]), where
    assert _digest(pages) == DIGEST, "the pages or their truth changed: they are the tester's, keep them"


def test_no_pinned_item_regresses(scores: list[PageScore]) -> None:
    floors = load_floors()
    by_id = {item.id: item for s in scores for item in s.items}
    unknown = [name for name in floors if name not in by_id]
    assert not unknown, (
        f"independent_fields_floors.json names items the set does not have: {unknown}; run {REGENERATE}"
    )
    regressed = [_describe(by_id[name]) for name in floors if not by_id[name].right]
    assert not regressed, "items whose fields were all right are not any more:\n  " + "\n  ".join(regressed)


def test_items_now_right_are_in_the_floors(scores: list[PageScore]) -> None:
    floors = set(load_floors())
    improved = [item.id for s in scores for item in s.items if item.right and item.id not in floors]
    assert not improved, f"these items have every field right now: {improved}. Raise the floors: {REGENERATE}"
