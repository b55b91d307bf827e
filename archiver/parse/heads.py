"""Where the items start: finding the element that opens each listicle item.

A page offers many candidates: headings, paragraphs led by bold text or by a number, list items.
Candidates are grouped by their place in the template (tag, class, parent), because the items of
one list are rendered by one template while tables of contents, "most read" boxes and teaser
grids come from others. The group whose printed numbers form the best sequence wins; without
printed numbers, an ordered list or a group whose size matches the count the title promises.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from archiver.models import NumberingStyle
from archiver.parse.counting import split_bare_number, split_number_prefix
from archiver.parse.dom import (
    BOLD_TAGS,
    HEADING_TAGS,
    HtmlElement,
    furniture_ancestor,
    link_text_ratio,
    normalise_space,
    tag_of,
    text_of,
)

_MAX_HEADING_CHARS = 300
_MAX_BOLD_HEADING_CHARS = 200
_MAX_CANDIDATES = 20_000  # bounds the work on pages with thousands of "items"
_DIGITS_IN_CLASS = re.compile(r"\d+")

_ONLY_PUNCTUATION = re.compile(r"^[\s.,:;!?)\]]+$")

GroupKey = tuple[str, ...]


@dataclass
class Head:
    element: HtmlElement
    kind: str  # "heading", "paragraph", "list-item"
    number: int | None
    heading: str | None
    rest: str  # the head element's own text after the heading (bold-led paragraphs, list items)
    rank: int  # 1-6 for h1-h6, 7 for paragraphs and list items
    key: GroupKey
    linked: bool = False  # all of its text is link text (teasers, tables of contents)


@dataclass
class Selection:
    heads: list[Head]
    numbering: NumberingStyle
    # Unnumbered elements of the heads' own template ("The bottom line"): they end the last item.
    stop_elements: frozenset[HtmlElement]
    warnings: list[str] = field(default_factory=list)


def _class_signature(element: HtmlElement | None) -> str:
    if element is None:
        return ""
    classes = sorted(_DIGITS_IN_CLASS.sub("", c) for c in (element.get("class") or "").split())
    return f"{tag_of(element)}.{'.'.join(classes)}"


def _group_key(element: HtmlElement, kind: str) -> GroupKey:
    return (kind, _class_signature(element), _class_signature(element.getparent()))


def _text_chunks(element: HtmlElement, limit: int = 3) -> list[tuple[str, HtmlElement]]:
    """First non-blank text nodes in document order, each with the element that holds it."""
    chunks: list[tuple[str, HtmlElement]] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node.text and node.text.strip():
                chunks.append((node.text, node))
        elif node is not element and node.tail and node.tail.strip():
            parent = node.getparent()
            if parent is not None:
                chunks.append((node.tail, parent))
        if len(chunks) >= limit:
            break
    return chunks


def _bold_ancestor(node: HtmlElement, stop: HtmlElement) -> HtmlElement | None:
    """Outermost <strong>/<b> between ``node`` and ``stop`` (exclusive)."""
    found = None
    current: HtmlElement | None = node
    while current is not None and current is not stop:
        if tag_of(current) in BOLD_TAGS:
            found = current
        current = current.getparent()
    return found


def _heading_candidate(element: HtmlElement) -> Head | None:
    text = text_of(element)
    if not text or len(text) > _MAX_HEADING_CHARS:
        return None
    chunks = _text_chunks(element, limit=2)
    # "<div class='number'>12</div> Heading": a bare number in its own element is a printed number.
    if len(chunks) == 2 and chunks[0][0].strip().isdigit():
        number, heading = split_bare_number(text)
    else:
        number, heading = split_number_prefix(text)
    return Head(
        element=element,
        kind="heading",
        number=number,
        heading=heading or None,
        rest="",
        rank=int(tag_of(element)[1]),
        key=_group_key(element, "heading"),
    )


def _lead_split(element: HtmlElement, kind: str) -> Head | None:
    """A paragraph or list item led by bold text and/or a printed number."""
    chunks = _text_chunks(element, limit=2)
    if not chunks:
        return None
    full = text_of(element)
    number, after_number = split_number_prefix(full)
    first_text, first_owner = chunks[0]
    bold = _bold_ancestor(first_owner, element)
    # "1. <strong>Heading</strong> commentary": the number alone, then the bold lead.
    if bold is None and number is not None and len(chunks) == 2 and not split_number_prefix(first_text)[1]:
        bold = _bold_ancestor(chunks[1][1], element)
    heading: str | None = None
    rest = after_number
    if bold is not None:
        bold_text = text_of(bold)
        bold_number, bold_heading = split_number_prefix(bold_text)
        if number is not None and bold_number == number:
            bold_text = bold_heading
        start = after_number.find(bold_text)
        if bold_text and len(bold_text) <= _MAX_BOLD_HEADING_CHARS and start != -1 and start < 4:
            heading = bold_text
            rest = after_number[start + len(bold_text) :].strip()
            if _ONLY_PUNCTUATION.match(rest):  # "<strong>Heading</strong>." keeps its period
                heading, rest = heading + rest, ""
    if heading is None and number is None:
        return None
    if heading is None and kind == "paragraph":
        rest = after_number
    return Head(
        element=element,
        kind=kind,
        number=number,
        heading=heading,
        rest=normalise_space(rest),
        rank=7,
        key=_group_key(element, kind),
    )


def _candidates(root: HtmlElement) -> Iterator[Head]:
    body = root.find("body")
    scope = body if body is not None else root
    seen = 0
    for element in scope.iter("h1", "h2", "h3", "h4", "h5", "h6", "p"):
        seen += 1
        if seen > _MAX_CANDIDATES:
            return
        tag = tag_of(element)
        head = _heading_candidate(element) if tag in HEADING_TAGS else _lead_split(element, "paragraph")
        if head is None:
            continue
        # A paragraph that is all link text is a teaser or a table-of-contents entry, unless
        # it is numbered (then the sequence score weighs it down rather than dropping it).
        head.linked = link_text_ratio(element) > 0.9
        if head.kind == "paragraph" and head.linked and not head.rest and head.number is None:
            continue
        if furniture_ancestor(element) is not None:
            continue
        yield head


def _dedupe(heads: list[Head]) -> list[Head]:
    """Drop a second visible copy of the same numbered heading (mobile/desktop duplicates)."""
    seen: set[tuple[int | None, str | None]] = set()
    unique = []
    for head in heads:
        marker = (head.number, head.heading)
        if marker in seen:
            continue
        seen.add(marker)
        unique.append(head)
    return unique


def _sequence_score(numbers: list[int], declared: int | None) -> float:
    """How much a list of printed numbers looks like one listicle's numbering (0 = not at all)."""
    if len(numbers) < 2 or max(numbers) > 5000 or min(numbers) > 100:
        return 0.0
    pairs = list(itertools.pairwise(numbers))
    rising = sum(b > a for a, b in pairs)
    falling = sum(b < a for a, b in pairs)
    monotone = max(rising, falling) / len(pairs)
    unit_steps = sum(abs(b - a) == 1 for a, b in pairs) / len(pairs)
    if monotone < 0.7:
        return 0.0
    starts_low = min(numbers) <= 2
    if not starts_low and unit_steps < 0.8:
        return 0.0
    matches_declared = declared is not None and declared in (len(numbers), max(numbers))
    if len(numbers) < 3 and not matches_declared:
        return 0.0
    return len(numbers) * (0.5 + monotone / 2) + (5 if matches_declared else 0) + unit_steps


def _numbered_selection(candidates: list[Head], declared: int | None) -> Selection | None:
    groups: dict[GroupKey, list[Head]] = defaultdict(list)
    for head in candidates:
        groups[head.key].append(head)
    best: tuple[float, list[Head], GroupKey] | None = None
    for key, members in groups.items():
        numbered = _dedupe([head for head in members if head.number is not None])
        score = _sequence_score([head.number for head in numbered if head.number is not None], declared)
        if numbered:
            # Tables of contents and teaser lists repeat the items as links: prefer the items.
            score *= 1 - 0.5 * sum(head.linked for head in numbered) / len(numbered)
        if score > 0 and (best is None or score > best[0]):
            best = (score, numbered, key)
    if best is None:
        return None
    _, heads, key = best
    stops = frozenset(head.element for head in groups[key] if head.number is None)
    return Selection(heads=heads, numbering="printed", stop_elements=stops)


def _ordered_list_selection(root: HtmlElement, declared: int | None) -> Selection | None:
    if declared is None:
        return None
    for ordered_list in root.iter("ol"):
        items = [child for child in ordered_list if tag_of(child) == "li"]
        if len(items) != declared or furniture_ancestor(ordered_list) is not None:
            continue
        # A list of bare links is a table of contents or a "most read" box, not article items.
        if link_text_ratio(ordered_list) > 0.8:
            continue
        heads = []
        for position, item in enumerate(items, start=1):
            head = _lead_split(item, "list-item")
            heading = head.heading if head else None
            rest = head.rest if head else text_of(item)
            heads.append(Head(item, "list-item", position, heading, rest, 7, _group_key(item, "list-item")))
        return Selection(
            heads=heads,
            numbering="ordered-list",
            stop_elements=frozenset(),
            warnings=["item numbers come from an <ol> without printed numbers"],
        )
    return None


def _prose_length(members: list[Head]) -> float:
    """Mean length of the non-link text each member introduces (its own rest and the next few
    siblings). Item headings introduce prose; section titles in a sidebar introduce link lists."""
    total = 0.0
    member_elements = {head.element for head in members}
    for head in members:
        total += len(head.rest)
        node = head.element
        parent = node.getparent()
        if head.kind == "heading" and parent is not None and len(text_of(parent)) <= len(text_of(node)) + 5:
            node = parent  # <div class="paragraph"><h3>..</h3></div>: step out of the wrapper
        for count, sibling in enumerate(node.itersiblings()):
            if count >= 6 or tag_of(sibling) in HEADING_TAGS or sibling in member_elements:
                break
            text = len(text_of(sibling))
            total += text * (1 - link_text_ratio(sibling)) if text else 0
    return total / len(members)


def _unnumbered_selection(candidates: list[Head], declared: int | None, continues: bool) -> Selection | None:
    """A template group with as many members as the title promises (fewer if the article continues)."""
    if declared is None or declared < 2:
        return None
    groups: dict[GroupKey, list[Head]] = defaultdict(list)
    for head in candidates:
        if head.heading and head.number is None:
            groups[head.key].append(head)
    low = (declared + 1) // 2 if continues else declared
    fitting = [members for members in groups.values() if low <= len(members) <= declared]
    if not fitting:
        return None
    # The exact count first; then the group that sits in the most prose (an article body rather
    # than a sidebar of section titles).
    fitting.sort(key=lambda members: (len(members) != declared, -_prose_length(members)))
    heads = fitting[0]
    numbered = [Head(h.element, h.kind, None, h.heading, h.rest, h.rank, h.key) for h in heads]
    return Selection(
        heads=numbered,
        numbering="unnumbered",
        stop_elements=frozenset(
            head.element for head in candidates if head.key == heads[0].key and head not in heads
        ),
        warnings=[f"items have no printed numbers; matched {len(heads)} headings to the count in the title"],
    )


def _slide_selection(candidates: list[Head], declared: int | None, paginated: bool) -> Selection | None:
    """One numbered heading on one page of a paginated listicle: a slideshow slide."""
    if declared is None or not paginated:
        return None
    numbered = [
        head
        for head in candidates
        if head.kind == "heading" and head.rank <= 3 and head.number is not None and head.number <= declared
    ]
    if len(numbered) != 1:
        return None
    return Selection(heads=numbered, numbering="printed", stop_elements=frozenset())


def select_heads(
    root: HtmlElement, declared: int | None, continues: bool, paginated: bool = False
) -> Selection | None:
    """The heads of the page's listicle items, or None when the page is not a listicle.

    ``continues``: the article has a next page; ``paginated``: it has a next page or this page
    is a later page of it (a slideshow shows one item per page).
    """
    candidates = list(_candidates(root))
    return (
        _numbered_selection(candidates, declared)
        or _slide_selection(candidates, declared, paginated or continues)
        or _ordered_list_selection(root, declared)
        or _unnumbered_selection(candidates, declared, continues)
    )
