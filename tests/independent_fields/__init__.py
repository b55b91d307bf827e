"""An independent set of 50 listicle pages with 302 items, to judge the extractor's item FIELDS:
every item's image URLs in order, each image's credit, the item's credit, the start of its own
text (and what must not be in it), its embeds, each image's largest URL where given, and its
heading. The pages copy real templates (WordPress, Elementor, Drupal, Ghost, Squarespace, AMP,
BuzzFeed, Bored Panda, Wix, Blogger, Hatena, news galleries and slideshows) in five languages.

A tester wrote the pages and their truth without reading the extractor's code; they are kept as
written and built in memory (``--dump`` writes them out as the tester's ``pages/`` and
``truth.json``, byte for byte).

    python -m tests.independent_fields                 # per-page table and totals
    python -m tests.independent_fields -v p03          # one page's differences
    python -m tests.independent_fields --write-floors  # rewrite tests/independent_fields_floors.json

``tests/test_independent_fields.py`` pins the items whose fields are all right today.
"""

from __future__ import annotations

import json

from tests.independent_fields import pages_a, pages_b, pages_c, pages_d
from tests.independent_fields.truth import Item, Page

__all__ = ["Item", "Page", "build_pages", "truth_json"]


def build_pages() -> list[Page]:
    """Every page, sorted by name, the same on every run."""
    pages = [
        page
        for module in (pages_a, pages_b, pages_c, pages_d)
        for generate in module.GENERATORS
        for page in generate()
    ]
    return sorted(pages, key=lambda page: page.name)


def truth_json(pages: list[Page]) -> str:
    """The tester's ``truth.json`` for these pages, as their ``build.py`` wrote it."""
    truth = {
        page.name: {
            "file": f"pages/{page.name}.html",
            "url": page.url,
            "note": page.note,
            "items": page.items,
        }
        for page in sorted(pages, key=lambda page: page.name)
    }
    return json.dumps(truth, ensure_ascii=False, indent=1)
