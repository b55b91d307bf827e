"""A page of the independent set and its truth, as the tester wrote it (``truth.json`` in their
red-team folder): for a listicle the item count, first and last heading, every item's number,
images per item and, on paginated lists, the next page; for anything else, zero items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Required, TypedDict, Unpack


class Alt(TypedDict, total=False):
    """A second answer also accepted (M25: the bonus item may or may not count)."""

    count: int
    last: str
    numbers: Sequence[int | None]


class Extra(TypedDict, total=False):
    imgs: int | Sequence[int]  # images (and embeds) per item: one number for every item, or a list
    numbers_alt: Sequence[int | None]  # another numbering also accepted (None where unprinted)
    heading_lenient: bool  # a heading may be a prefix of the truth's, or the truth of it
    heading_any: bool  # items have no heading: any first/last heading will do
    next: str | None  # the page's next_page_url (checked only when present, None included)
    alt: Alt


class Truth(Extra, total=False):
    kind: Required[Literal["listicle", "non"]]
    url: Required[str]
    count: Required[int]
    shape: Required[str]  # what the page is, in the tester's words
    first: str | None
    last: str | None
    numbers: Sequence[int | None]


@dataclass(frozen=True)
class Page:
    name: str  # "L01_wp_gutenberg_h2": L/M listicles, N/R not listicles
    html: str
    truth: Truth

    @property
    def data(self) -> bytes:
        return self.html.encode("utf-8")

    @property
    def listicle(self) -> bool:
        return self.truth["kind"] == "listicle"


def L(
    url: str,
    count: int,
    first: str | None,
    last: str | None,
    numbers: Sequence[int | None],
    shape: str,
    **extra: Unpack[Extra],
) -> Truth:
    return Truth(
        kind="listicle", url=url, count=count, first=first, last=last, numbers=numbers, shape=shape, **extra
    )


def N(url: str, shape: str) -> Truth:
    return Truth(kind="non", url=url, count=0, shape=shape)
