"""Extraction quality on the real-page corpus must never fall below the pinned floors.

The corpus is split by site (``archiver.eval.split_of``) into pages the rules may be tuned on and
pages only checked against; each side has its own floors in ``eval_floors.json``. Raise a floor
when a change improves it (``python -m archiver.eval ../shared/corpus --json``); a change that
lowers one fails here. Nothing pins the corpus size: pages may be added to ``../shared/corpus``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiver.eval import SPLITS, evaluate, split_of
from tests.conftest import TESTS


@pytest.fixture(scope="module")
def summary(corpus: Path) -> dict[str, dict[str, int]]:
    return evaluate(corpus)[1]


@pytest.mark.parametrize("split", SPLITS)
def test_scores_do_not_fall_below_the_floors(summary: dict[str, dict[str, int]], split: str) -> None:
    floors = json.loads((TESTS / "eval_floors.json").read_text(encoding="utf-8"))[split]
    totals = summary[split]
    lowered = {key: (totals.get(key), floor) for key, floor in floors.items() if totals.get(key, -1) < floor}
    assert lowered == {}, f"{split}: scores below their floors (got, floor): {lowered}"


def test_both_splits_hold_listicles_and_non_listicles(summary: dict[str, dict[str, int]]) -> None:
    # A split without non-listicles could not catch a detector that calls everything a list.
    for split in SPLITS:
        assert summary[split]["listicles"] >= 5, split
        assert summary[split]["non_listicles"] >= 2, split


def test_split_is_by_site_so_a_site_never_straddles_it() -> None:
    assert split_of("example.com") == split_of("example.com")
    sides = {split_of(f"site{n}.example") for n in range(30)}
    assert sides == {"tuned", "checked"}
