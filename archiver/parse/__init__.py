"""The pure extraction pipeline: ``bytes, url -> ListiclePage``. No I/O, no Scrapy.

Flow, one module a step: ``document`` (sniff, decode via ``decoding``, parse, prune) →
``metadata`` (title, headline, dates; ``counting`` reads the count a title promises) →
``heads`` (where each item starts) → ``item_content`` (what belongs to each item: text,
``images``, ``credits``, embeds) → ``links`` (next page, recommendations) → ``page`` assembles
the record. ``embedded`` finds article HTML inside scripts. The crawl, ``archiver parse`` and
re-extraction from WARCs all call :func:`parse_page`, so their records agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archiver.parse.page import parse_page

__all__ = ["parse_page"]


def __getattr__(name: str) -> Any:
    """``parse_page``, imported on first use (PEP 562): a module of this package (the WARC
    reader uses ``refresh`` and ``response_type``) loads without the whole parser."""
    if name != "parse_page":
        raise AttributeError(f"module 'archiver.parse' has no attribute {name!r}")
    from archiver.parse.page import parse_page

    globals()["parse_page"] = parse_page
    return parse_page
