"""The template zoo: synthetic listicle (and non-listicle) pages in many shapes, with the ground
truth generated alongside, to judge the extractor.

    python -m tests.zoo                  # score every case with parse_page, table per shape
    python -m tests.zoo --crawl          # also serve the zoo site and crawl it end to end
    python -m tests.zoo --write-floors   # rewrite tests/zoo_floors.json from both
    python -m tests.zoo --dump DIR       # write the pages (and truth.json) to DIR
    python -m tests.zoo --seed 7         # a held-out zoo: other draws of every case (not pinned)
    python -m tests.zoo --fields         # and every item whose fields are wrong, truth beside record

Each case is scored twice: its structure (count, first and last item, next page: "exact") and
every item's fields too (images, caption, credit, embeds: "fields exact"; see ``score.py``).
``tests/test_zoo.py`` pins the cases that pass today (``tests/zoo_floors.json``: "pages",
"fields", "crawl").
"""

from __future__ import annotations

from tests.zoo.shapes import SHAPES, build_cases
from tests.zoo.truth import Case, ItemTruth, PageTruth

# The host the pure test pretends the pages came from.
PURE_BASE = "https://www.zoo-daily.example"

__all__ = ["PURE_BASE", "SHAPES", "Case", "ItemTruth", "PageTruth", "build_zoo"]


def build_zoo(base: str = PURE_BASE, seed: str = "") -> list[Case]:
    """Every case, deterministic for a given ``base`` and ``seed``. The floors pin the zoo without
    a seed; another seed draws a held-out zoo (same shapes, other class names, tags, wrappers,
    noise, words) to check that a change generalises instead of fitting the pinned draw."""
    return build_cases(base, seed)
