"""A page of the field set and its truth, as the tester wrote them (``common.py`` and
``truth.json`` of their red-team folder): for every item its heading, image URLs in order, each
image's credit, the item's credit, the start of its own text, its embeds, the words its text must
not hold and, where given, each image's largest URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NotRequired, TypedDict

__all__ = ["Item", "Page", "T"]


class Item(TypedDict):
    """One item's truth, the tester's ``T(...)`` dict, as stored in their ``truth.json``."""

    heading: str
    images: list[str]  # image URLs in order; "a|b": either is right
    icredits: list[str | None]  # each image's credit: None = no credit, "*" = not checked
    credit: str | None  # the item's credit: None = none, "*" = not checked
    caption: str | None  # the first 60 characters of the item's own text (None: no text)
    embeds: list[str]  # a part of each embed's URL, in order
    excl: list[str]  # text the item's caption must not hold
    largest: NotRequired[list[str | None]]  # each image's largest_url ("a|b": either; None: none)


def T(
    heading: str,
    images: Sequence[str] = (),
    icredits: Sequence[str | None] | None = None,
    credit: str | None = None,
    caption: str | None = None,
    embeds: Sequence[str] = (),
    excl: Sequence[str] = (),
    largest: Sequence[str | None] | None = None,
) -> Item:
    """One truth item. images: URLs in order ('a|b' = alternatives). icredits: per-image credit
    text (None = no credit, '*' = not checked). credit: item credit ('*' = not checked).
    caption: the start of the item's own text (None = no text)."""
    urls = list(images)
    if icredits is None:
        icredits = [None] * len(urls)
    d: Item = {
        "heading": heading,
        "images": urls,
        "icredits": list(icredits),
        "credit": credit,
        "caption": caption[:60] if caption else None,
        "embeds": list(embeds),
        "excl": list(excl),
    }
    if largest is not None:
        d["largest"] = list(largest)
    return d


@dataclass(frozen=True)
class Page:
    name: str  # "p01_wp_gutenberg"
    url: str
    html: str
    items: list[Item]
    note: str = ""  # what the page tests, in the tester's words

    @property
    def data(self) -> bytes:
        return self.html.encode("utf-8")
