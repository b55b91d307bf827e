"""What the zoo knows about each page it generates: the ground truth, written by the generator
alongside the HTML (never read back from the extractor)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemTruth:
    """One item as a reader sees it.

    ``number`` is the number shown before the item (printed, or rendered by an ``<ol>``), None
    when the page shows none. ``rendered`` marks a number that is not in the text (``<ol>``
    numbering, a JSON ``position``): a record may give it or leave ``number`` null.
    ``heading`` is the item's heading with its number and label ("Mistake #3:") removed, None
    when the item has none (a bare "1." before an embed).
    """

    number: int | None
    heading: str | None
    rendered: bool = False


@dataclass(frozen=True)
class PageTruth:
    path: str  # root-relative, with the query string if any
    html: bytes
    is_listicle: bool
    declared_count: int | None
    items: tuple[ItemTruth, ...]
    next_path: str | None
    content_type: str = "text/html; charset=utf-8"

    def url(self, base: str) -> str:
        return base + self.path

    def next_page_url(self, base: str) -> str | None:
        return base + self.next_path if self.next_path else None


@dataclass(frozen=True)
class Case:
    """One shape x variant: an article (one or more pages) or a non-listicle page."""

    shape: str
    variant: str
    is_listicle: bool
    pages: tuple[PageTruth, ...]
    notes: tuple[str, ...] = ()  # the noise mixed in, for the score table

    @property
    def key(self) -> str:
        return f"{self.shape}/{self.variant}"

    @property
    def items(self) -> tuple[ItemTruth, ...]:
        return tuple(item for page in self.pages for item in page.items)

    @property
    def first_path(self) -> str:
        return self.pages[0].path
