"""Where the article body is: the element holding the page's main text, found by text density.

One pass over the pruned tree in document order gives every text node to the block element that
owns it (inline tags such as ``<a>`` or ``<strong>`` are transparent) and notes whether it sits
inside a link or inside page furniture (:func:`archiver.parse.dom.is_furniture`). A block whose
own text is long enough and mostly not linked is a *paragraph*; its unlinked characters are the
*content*. A second pass, in reverse document order, sums content, all text and paragraphs up to
every ancestor. The winner maximises

    content * (content / all text) ** DENSITY_EXPONENT

so an ancestor that adds link lists, furniture or short labels to the same content loses to the
tighter container, while a descendant that drops part of the content loses to the whole. Both
passes are loops over a list, never recursion: hostile nesting cannot exhaust the stack.

No site names, no CMS class names: the only class words used are the furniture words of
``archiver.parse.dom`` (through ``is_furniture``).
"""

from __future__ import annotations

from dataclasses import dataclass

from archiver.parse.dom import HtmlElement, ancestors_and_self, is_furniture, tag_of

# Tags that do not start a text block of their own: their text belongs to the nearest block
# ancestor ("a <strong>bold</strong> word" is one paragraph, not three).
_INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "img", "ins", "kbd", "label", "mark", "noscript", "picture", "q", "s", "samp", "small",
        "source", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)  # fmt: skip
# Never a main-content candidate: the document element and inline tags (a lone <strong> is not
# an article container). <body> is, for pages that hold their text directly in it.
_NOT_CANDIDATES = _INLINE_TAGS | {"html", "head", "title", "meta", "link"}

# A block counts as a paragraph when it holds this many characters of its own, unlinked text...
MIN_PARAGRAPH_CHARS = 40
# ...and at most this share of its own text is inside links (a teaser or link list is not).
MAX_PARAGRAPH_LINK_SHARE = 0.5
# Text in blocks that are not paragraphs (captions, labels, item headings) counts this much of
# its unlinked length as content: it belongs to articles too, but to menus and footers as well.
SHORT_BLOCK_WEIGHT = 0.25
# How hard the density (content / all text) weighs against the amount of content. 0 would always
# pick <body> (it holds all the content); large values pick one dense paragraph. 1.0 is the
# largest value that keeps every item on the corpus (1.5 splits a body spread over several
# sections); see bench/README.md, `main_content.py`.
DENSITY_EXPONENT = 1.0
# A candidate must hold at least this many paragraphs, when the page has that many at all.
MIN_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class MainContent:
    """The chosen article container and the numbers it was chosen by."""

    element: HtmlElement
    score: float  # content * density ** DENSITY_EXPONENT; 0.0 when nothing scored (fallback)
    content_chars: int  # unlinked characters of its paragraphs (plus weighted short blocks)
    text_chars: int  # all its text, links and furniture included
    paragraphs: int

    def contains(self, element: HtmlElement) -> bool:
        """True if ``element`` is the main-content element or inside it (a walk up its ancestors:
        cost is the element's depth, no precomputed set whose ids lxml could recycle)."""
        main = self.element
        return any(node is main for node in ancestors_and_self(element))

    def share_inside(self, elements: list[HtmlElement]) -> float:
        """Share of ``elements`` (e.g. candidate item heads) that lie inside the main content."""
        if not elements:
            return 0.0
        return sum(1 for element in elements if self.contains(element)) / len(elements)


def _text_chars(text: str | None) -> int:
    if not text:
        return 0
    # strip() rather than normalise_space(): inner whitespace runs are rare in real text and
    # this runs for every text node of the page.
    return len(text.strip())


def find_main_content(root: HtmlElement) -> MainContent:
    """The element that holds the article body of the pruned tree ``root``.

    Falls back to ``<body>`` (or ``root`` when there is no body) with score 0.0 when no block of
    the page holds a paragraph.
    """
    nodes: list[HtmlElement] = list(root.iter())  # keeps every proxy alive: ids stay unique
    count = len(nodes)
    index_of = {id(node): position for position, node in enumerate(nodes)}
    parent = [-1] * count
    owner = [0] * count  # the block element whose text this element's own text is
    in_link = [False] * count
    in_furniture = [False] * count
    own_chars = [0] * count  # text owned by this block (its own and its inline descendants')
    own_linked = [0] * count
    candidate = [False] * count
    body = -1
    for position, node in enumerate(nodes):
        up = node.getparent()
        above = -1 if up is None else index_of.get(id(up), -1)
        parent[position] = above
        tag = tag_of(node)
        if above >= 0:
            linked = in_link[above] or tag == "a"
            furniture = in_furniture[above]
        else:
            linked, furniture = tag == "a", False
        if not furniture and tag and tag not in _INLINE_TAGS and is_furniture(node):
            furniture = True
        in_link[position] = linked
        in_furniture[position] = furniture
        block = position if (above < 0 or (tag and tag not in _INLINE_TAGS)) else owner[above]
        owner[position] = block
        candidate[position] = bool(tag) and tag not in _NOT_CANDIDATES and not furniture
        if tag == "body" and body < 0:
            body = position
        if tag:  # comments and processing instructions have no text of their own
            chars = _text_chars(node.text)
            own_chars[block] += chars
            if linked:
                own_linked[block] += chars
        if above >= 0:  # the tail is text of the parent's block, outside this element
            chars = _text_chars(node.tail)
            if chars:
                parent_block = owner[above]
                own_chars[parent_block] += chars
                if in_link[above]:
                    own_linked[parent_block] += chars

    content = [0.0] * count
    text = [0] * count
    paragraphs = [0] * count
    for position in range(count):
        chars = own_chars[position]
        if not chars:
            continue
        text[position] = chars
        if in_furniture[position]:
            continue
        unlinked = chars - own_linked[position]
        if unlinked >= MIN_PARAGRAPH_CHARS and own_linked[position] <= MAX_PARAGRAPH_LINK_SHARE * chars:
            content[position] = unlinked
            paragraphs[position] = 1
        else:
            content[position] = SHORT_BLOCK_WEIGHT * unlinked
    for position in range(count - 1, 0, -1):
        above = parent[position]
        if above >= 0:
            content[above] += content[position]
            text[above] += text[position]
            paragraphs[above] += paragraphs[position]

    most_paragraphs = max(paragraphs, default=0)
    needed = min(MIN_PARAGRAPHS, most_paragraphs)
    best, best_score = -1, 0.0
    if needed > 0:
        for position in range(count):
            if not candidate[position] or paragraphs[position] < needed or not text[position]:
                continue
            score = content[position] * (content[position] / text[position]) ** DENSITY_EXPONENT
            if score > best_score:
                best, best_score = position, score
    if best < 0:
        best, best_score = (body if body >= 0 else 0), 0.0
    return MainContent(
        element=nodes[best],  # nodes[0] is root: iter() starts with it
        score=best_score,
        content_chars=round(content[best]),
        text_chars=text[best],
        paragraphs=paragraphs[best],
    )


__all__ = ["MainContent", "find_main_content"]
