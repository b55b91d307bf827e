"""Item detection as candidate generation plus scoring.

``heads`` finds every element that could open an item; ``generators`` propose segmentations
(printed numbers, lists, unnumbered heads, slides); ``scoring`` compares them on one scale and
keeps the best, or none. ``markers`` reads printed numbers in all their forms, ``vocabulary``
holds every word list. :func:`detect_items` is the entry point.
"""

from __future__ import annotations

from archiver.parse.detect.candidates import Head, Selection
from archiver.parse.detect.generators import generate
from archiver.parse.detect.heads import collect_heads
from archiver.parse.detect.scoring import Context, choose
from archiver.parse.dom import HtmlElement
from archiver.parse.main_content import find_main_content

__all__ = ["Context", "Head", "Selection", "detect_items"]


def detect_items(root: HtmlElement, context: Context) -> Selection | None:
    """The page's listicle items (as heads to collect content from), or None for a page that
    holds no list. The selection says which method found them, its score and how many
    candidates were compared."""
    heads = collect_heads(root)
    candidates = generate(root, heads)
    best = choose(candidates, context, find_main_content(root))
    return best.selection(len(candidates)) if best is not None else None
