"""Which elements could open an item: every heading, and every paragraph, figcaption, list item,
table cell, heading-styled block or line-start bold that begins with a printed number, a bold
or capitalised lead-in; and a number alone in its element, with the heading printed beside it.

Each head carries the key of the template that rendered it (tag, class, parent), because the
items of one list come from one template while tables of contents, "most read" boxes and teaser
grids come from others. Grouping and choosing happen in ``generators`` and ``scoring``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from archiver.parse.detect.candidates import GroupKey, Head
from archiver.parse.detect.markers import Marker, read_bare_number, read_marker
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
from archiver.parse.vocabulary import HEADING_CLASS, is_non_item_container

MAX_HEADING_CHARS = 300
MAX_BOLD_HEADING_CHARS = 200
# A bold run this far into its paragraph's text still leads it ("1. <b>Heading</b>").
MAX_LEAD_OFFSET = 4
# An ALL-CAPS lead paragraph ("WHO IS THE FRONT-RUNNER?") must have this many letters.
MIN_CAPS_LETTERS = 8
# A head whose text is more link than this is a link (a teaser, a table-of-contents entry).
LINKED_HEAD_RATIO = 0.9
MAX_CANDIDATES = 20_000  # bounds the work on pages with thousands of "items"
# A number alone in its element ("<span>12</span>") has at most this many digits.
MAX_BARE_NUMBER_DIGITS = 3
# How deep into the next element a heading beside a bare number is looked for.
MAX_BESIDE_DEPTH = 3
# How many ancestors are searched for a references/TOC/comments container.
MAX_CONTAINER_DEPTH = 12

_DIGITS_IN_CLASS = re.compile(r"\d+")
# A first sentence ending in ". ", ": " or "? ", before a sentence that starts normally. (Not a
# dash: "WASHINGTON (AP) —" is a wire story's dateline, not a heading.)
_CAPS_SENTENCE = re.compile(r"^(.{8,200}?[.:?!])\s+(?=\S*[^\W\d_][^\W\d_A-Z])")
_ONLY_PUNCTUATION = re.compile(r"^[\s.,:;!?)\]]+$")
# Blocks that make a div, li or cell a container rather than a heading-like line.
_CONTENT_TAGS = ("p", "ul", "ol", "table", "img", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
_HEAD_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "figcaption", "div", "li", "dt", "td", "th", "span")
_BLOCK_HEAD_TAGS = frozenset({"div", "li", "dt", "td", "th", "span"})


def _class_signature(element: HtmlElement | None) -> str:
    if element is None:
        return ""
    classes = sorted(_DIGITS_IN_CLASS.sub("", c) for c in (element.get("class") or "").split())
    return f"{tag_of(element)}.{'.'.join(classes)}"


def group_key(element: HtmlElement, kind: str) -> GroupKey:
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


def _with_marker(
    element: HtmlElement, kind: str, marker: Marker | None, heading: str | None, rest: str, rank: int
) -> Head:
    return Head(
        element=element,
        kind=kind,
        number=marker.number if marker else None,
        heading=heading or None,
        rest=rest,
        rank=rank,
        key=group_key(element, kind),
        style=marker.style if marker else "",
        label=marker.label if marker else "",
        total=marker.total if marker else None,
    )


def _heading_beside(element: HtmlElement) -> tuple[str, HtmlElement] | None:
    """The heading printed after a bare number: in the next element ("<p>1.</p><h3>Heading</h3>")
    or as the first thing in it ("<div>3 of 12</div><div class=slide><h2>Heading</h2>...")."""
    following = element.getnext()
    if following is None:
        return None
    for _ in range(MAX_BESIDE_DEPTH):
        tag = tag_of(following)
        text = text_of(following) if tag in HEADING_TAGS or len(following) == 0 else ""
        if tag in HEADING_TAGS:
            return (text, following) if text and len(text) <= MAX_HEADING_CHARS else None
        styled = HEADING_CLASS.search(following.get("class") or "") is not None
        if tag in {"div", "span", "p"} and len(following) <= 1:
            text = text_of(following)
            if text and len(text) <= MAX_HEADING_CHARS and (styled or _is_all_bold(following)):
                return text, following
        if len(following) == 0 or (following.text or "").strip():
            return None
        following = following[0]  # a wrapper: look at what it opens with
    return None


def _is_all_bold(element: HtmlElement) -> bool:
    text = text_of(element)
    bold = sum(len(text_of(b)) for b in element.iter("b", "strong"))
    return bool(text) and bold >= len(text) * 0.9


def _heading_head(element: HtmlElement) -> Head | None:
    text = text_of(element)
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    chunks = _text_chunks(element, limit=2)
    # "<div class='number'>12</div> Heading": a bare number in its own element is a printed number.
    if len(chunks) == 2 and chunks[0][0].strip().isdigit():
        marker = read_bare_number(text)
    else:
        marker = read_marker(text)
    heading = marker.rest if marker else text
    head = _with_marker(element, "heading", marker, heading, "", int(tag_of(element)[1]))
    if marker is not None and not heading:
        beside = _heading_beside(element)
        if beside is not None:
            head.heading, head.absorbed = beside
    return head


def _lead_head(element: HtmlElement, kind: str) -> Head | None:
    """A paragraph, list item or cell led by bold text and/or a printed number."""
    chunks = _text_chunks(element, limit=2)
    if not chunks:
        return None
    full = text_of(element)
    marker = read_marker(full)
    after_number = marker.rest if marker else full
    first_text, first_owner = chunks[0]
    bold = _bold_ancestor(first_owner, element)
    # "1. <strong>Heading</strong> commentary": the number alone, then the bold lead.
    if (
        bold is None
        and marker is not None
        and len(chunks) == 2
        and not ((first_marker := read_marker(first_text)) and first_marker.rest)
    ):
        bold = _bold_ancestor(chunks[1][1], element)
    heading: str | None = None
    rest = after_number
    if bold is not None:
        bold_text = text_of(bold)
        bold_marker = read_marker(bold_text)
        if marker is not None and bold_marker is not None and bold_marker.number == marker.number:
            bold_text = bold_marker.rest
        start = after_number.find(bold_text)
        if bold_text and len(bold_text) <= MAX_BOLD_HEADING_CHARS and start != -1 and start < MAX_LEAD_OFFSET:
            heading = bold_text
            rest = after_number[start + len(bold_text) :].strip()
            if _ONLY_PUNCTUATION.match(rest):  # "<strong>Heading</strong>." keeps its period
                heading, rest = heading + rest, ""
    if heading is None and marker is None:
        caps = _caps_lead(full)
        if caps is None:
            return None
        heading, rest = caps
    head = _with_marker(element, kind, marker, heading, normalise_space(rest), 7)
    if marker is not None and not heading and not rest:
        beside = _heading_beside(element)
        if beside is not None:
            head.heading, head.absorbed = beside
    return head


def lead_of_list_item(item: HtmlElement) -> tuple[str | None, str]:
    """The bold lead (heading) of a list item and the text after it; the whole text without one."""
    first = item[0] if len(item) else None
    if first is not None and tag_of(first) in HEADING_TAGS and not (item.text or "").strip():
        # "<li><h2>Heading</h2><p>text</p></li>": a heading element opens the item.
        heading = text_of(first)
        if heading and len(heading) <= MAX_HEADING_CHARS:
            return heading, text_of(item)[len(heading) :].strip()
    head = _lead_head(item, "list-item")
    if head is None or (head.number is not None and not head.heading):
        return None, text_of(item)
    if head.number is not None:  # a printed number inside an <ol> item belongs to the text
        return None, text_of(item)
    return head.heading, head.rest


def list_item_lead_element(item: HtmlElement) -> HtmlElement | None:
    """The element that prints a list item's heading: a heading child, or the bold run it opens
    with (directly or in its first paragraph). None when the heading is not in its own element."""
    first = item[0] if len(item) else None
    if first is None or (item.text or "").strip():
        return None
    if tag_of(first) in HEADING_TAGS or tag_of(first) in BOLD_TAGS:
        return first
    if (
        tag_of(first) == "p"
        and len(first)
        and tag_of(first[0]) in BOLD_TAGS
        and not (first.text or "").strip()
    ):
        return first[0]
    return None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_CAPS_LETTERS and not any(c.islower() for c in letters)


def _caps_lead(text: str) -> tuple[str, str] | None:
    """A heading written in capitals: the whole short paragraph ("WHO IS THE FRONT-RUNNER?"), or
    its first sentence ("THE VANISHING PASS. The picture was taken..."), as wire copy prints them.
    Gives (heading, the text after it)."""
    opening = text[:MIN_CAPS_LETTERS]
    if any(c.islower() for c in opening) or sum(c.isalpha() for c in opening) < MIN_CAPS_LETTERS // 2:
        return None  # most paragraphs: a lower-case letter at once
    if len(text) <= MAX_BOLD_HEADING_CHARS and _is_caps(text):
        return text, ""
    match = _CAPS_SENTENCE.match(text[: MAX_BOLD_HEADING_CHARS + 2])
    if match is None or not _is_caps(match.group(1)):
        return None
    return match.group(1).rstrip(" .:"), text[match.end() :].strip()


def _first_text(element: HtmlElement) -> str:
    """The first text in ``element`` (a bounded descent along first children): a cheap look at how
    a block starts before its whole text is built."""
    node: HtmlElement | None = element
    for _ in range(MAX_CONTAINER_DEPTH):
        if node is None:
            return ""
        if node.text and node.text.strip():
            return node.text.lstrip()
        node = node[0] if len(node) else None
    return ""


def _block_head(element: HtmlElement) -> Head | None:
    """A div, list item or cell that is one line of text: a number or a heading-styled block."""
    styled = HEADING_CLASS.search(element.get("class") or "") is not None
    if not styled:
        first = _first_text(element)
        if not first or not (
            first[0].isdigit() or first[0] in "#" or first[0].isnumeric() or read_marker(first) is not None
        ):
            return None
    text = text_of(element)
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    if any(True for _ in element.iter(*_CONTENT_TAGS)):
        return None
    chunks = _text_chunks(element, limit=2)
    if text.isdigit() and len(text) <= MAX_BARE_NUMBER_DIGITS:
        # "<span class=num>3</span><h3>Heading</h3>": a number alone in its element, the heading
        # beside it (a number with nothing beside it is dropped below: a rank or track index).
        marker: Marker | None = Marker(int(text), "", "bare")
    elif len(chunks) == 2 and chunks[0][0].strip().isdigit():
        marker = read_bare_number(text)
    else:
        marker = read_marker(text)
    if marker is None and not styled:
        return None
    heading = marker.rest if marker else text
    head = _with_marker(element, "block", marker, heading, "", 7)
    if marker is not None and not heading:
        beside = _heading_beside(element)
        if beside is not None:
            head.heading, head.absorbed = beside
        elif marker.style != "marked":
            # A plain "3." alone in a block is a track or rank index; "#3" alone is an item
            # badge over a photo (image posts without headings).
            return None
    return head


def _line_leads(block: HtmlElement) -> Iterator[Head]:
    """Bold runs that start a line in a block broken by <br>: items run together in one paragraph."""
    if block.find("br") is None:
        return
    line_start = not (block.text or "").strip()
    for child in block:
        tag = tag_of(child)
        if tag == "br":
            line_start = True
        elif tag in BOLD_TAGS and line_start:
            text = text_of(child)
            if text and len(text) <= MAX_BOLD_HEADING_CHARS:
                marker = read_marker(text)
                heading = marker.rest if marker else text
                yield _with_marker(child, "line-lead", marker, heading.rstrip(":").strip() or heading, "", 7)
            line_start = False
        elif text_of(child) or (child.tail or "").strip():
            line_start = False
        if (child.tail or "").strip():
            line_start = False


def _inside_non_item_container(element: HtmlElement) -> bool:
    node = element.getparent()
    depth = 0
    while node is not None and depth < MAX_CONTAINER_DEPTH and tag_of(node) not in {"body", "html"}:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip() and is_non_item_container(names):
            return True
        node = node.getparent()
        depth += 1
    return False


def collect_heads(root: HtmlElement) -> list[Head]:
    """Every element of the page that could open an item, in document order."""
    body = root.find("body")
    scope = body if body is not None else root
    heads: list[Head] = []
    seen = 0
    for element in scope.iter(*_HEAD_TAGS):
        seen += 1
        if seen > MAX_CANDIDATES:
            break
        tag = tag_of(element)
        found: list[Head] = []
        if tag in HEADING_TAGS:
            head = _heading_head(element)
        elif tag in {"p", "figcaption"}:
            # A numbered figcaption is the item's only text in galleries ("1. Pitsunda. ...").
            head = _lead_head(element, "paragraph")
        elif tag in _BLOCK_HEAD_TAGS:
            head = _block_head(element)
            if head is None and tag in {"li", "td", "dt"}:
                head = _lead_head(element, "list-item")
        else:
            head = None
        if head is not None:
            found.append(head)
        if tag in {"p", "div", "td", "li"}:
            found.extend(_line_leads(element))
        for head in found:
            # A paragraph that is all link text is a teaser or a table-of-contents entry, unless
            # it is numbered (then the scorer weighs it down rather than dropping it).
            head.linked = link_text_ratio(head.element) > LINKED_HEAD_RATIO
            if head.kind == "paragraph" and head.linked and not head.rest and head.number is None:
                continue
            if furniture_ancestor(head.element) is not None or _inside_non_item_container(head.element):
                continue
            heads.append(head)
    return heads
