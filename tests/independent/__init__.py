"""An independent set of 101 pages to judge the extractor: 72 listicle pages (67 shapes: WordPress,
Drupal, Ghost, Medium, AMP, BuzzFeed, Bored Panda, Elementor, Squarespace, slideshows, lists over
several pages, numbers in many languages and forms) and 29 pages that are not listicles and must
give no items (news, FAQ, docs, forum, shop, archives, search, schedules).

A tester wrote the pages and their truth before reading the extractor's code; they are kept as
written (one change: see ``chrome.stable_hash``) and built in memory.

    python -m tests.independent                 # per-page table and totals
    python -m tests.independent -v M05          # one page's differences
    python -m tests.independent --write-floors  # rewrite tests/independent_floors.json

``tests/test_independent_pages.py`` pins the pages that are exact today.
"""

from __future__ import annotations

from tests.independent import listicles_l, listicles_m, non_listicles_n, non_listicles_r
from tests.independent.truth import Page, Truth

__all__ = ["Page", "Truth", "build_pages"]


def build_pages() -> list[Page]:
    """Every page, sorted by name, the same on every run."""
    pages = [
        page
        for module in (listicles_l, listicles_m, non_listicles_n, non_listicles_r)
        for generate in module.GENERATORS
        for page in generate()
    ]
    for page in pages:  # the tester's gen.py: one image per item on the L pages unless stated
        if page.name.startswith("L"):
            page.truth.setdefault("imgs", 1)
    return sorted(pages, key=lambda page: page.name)
