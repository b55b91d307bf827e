"""Extraction quality on the real-page corpus must never fall below the pinned floors.

Raise a floor in ``eval_floors.json`` when a change improves it (``python -m archiver.eval
../shared/corpus --json``); a change that lowers one fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

from archiver.eval import evaluate
from tests.conftest import TESTS


def test_corpus_scores_do_not_fall_below_the_floors(corpus: Path) -> None:
    floors = json.loads((TESTS / "eval_floors.json").read_text(encoding="utf-8"))
    _, totals = evaluate(corpus)
    lowered = {key: (totals.get(key), floor) for key, floor in floors.items() if totals.get(key, -1) < floor}
    assert lowered == {}, f"scores below their floors (got, floor): {lowered}"


def test_issue_bar_non_listicles_empty_and_16_of_18_listicles_exact(corpus: Path) -> None:
    _, totals = evaluate(corpus)
    assert totals["non_listicles_with_zero_items"] == 5
    assert totals["listicles_count_and_boundaries_exact"] >= 16
