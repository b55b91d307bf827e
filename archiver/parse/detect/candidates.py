"""The shapes detection works with: a *head* (the element that opens one item) and a *candidate*
(one proposed segmentation of the page into items: its heads, how it was found, its score)."""

from __future__ import annotations

from dataclasses import dataclass, field

from archiver.models import NumberingStyle
from archiver.parse.dom import HtmlElement

GroupKey = tuple[str, ...]


@dataclass
class Head:
    element: HtmlElement
    kind: str  # "heading", "paragraph", "list-item", "block", "line-lead"
    number: int | None
    heading: str | None
    rest: str  # the head element's own text after the heading (bold-led paragraphs, list items)
    rank: int  # 1-6 for h1-h6, 7 for everything else
    key: GroupKey  # the template the head was rendered by: kind, class path
    linked: bool = False  # all of its text is link text (teasers, tables of contents)
    style: str = ""  # how the number was printed (markers.Marker.style), "" when unnumbered
    label: str = ""  # label word(s) before the number ("tip", "übung")
    total: int | None = None  # the total a slide counter prints ("3 of 12" -> 12)
    # An element beside the head that holds its heading ("<div>#6.</div><div>Heading</div>"):
    # read into ``heading`` and skipped when the item's content is collected.
    absorbed: HtmlElement | None = None


@dataclass
class Selection:
    """The chosen segmentation, as item content collection needs it."""

    heads: list[Head]
    numbering: NumberingStyle
    # Unnumbered elements of the heads' own template ("The bottom line"): they end the last item.
    stop_elements: frozenset[HtmlElement]
    warnings: list[str] = field(default_factory=list)
    method: str = ""
    score: float = 0.0
    candidates_considered: int = 0

    @property
    def absorbed(self) -> frozenset[HtmlElement]:
        return frozenset(head.absorbed for head in self.heads if head.absorbed is not None)


@dataclass
class Candidate:
    """One generator's proposal. ``score`` and ``rejected`` are filled by the scorer."""

    # "printed-numbers", "printed-sequence", "ordered-list", "unordered-list", "unnumbered-headings",
    # "slide"
    method: str
    heads: list[Head]
    numbering: NumberingStyle
    stop_elements: frozenset[HtmlElement] = frozenset()
    warnings: list[str] = field(default_factory=list)
    score: float = 0.0
    rejected: str | None = None  # why the scorer turned it down

    def selection(self, considered: int) -> Selection:
        return Selection(
            heads=self.heads,
            numbering=self.numbering,
            stop_elements=self.stop_elements,
            warnings=list(self.warnings),
            method=self.method,
            score=round(self.score, 2),
            candidates_considered=considered,
        )
