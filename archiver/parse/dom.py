"""Small helpers over lxml elements shared by the extraction modules.

The extractor works on lxml's tree (the parser bs4's ``"lxml"`` builder wraps) rather than on a
BeautifulSoup tree: building a soup of a whole page costs about 16 ms, more than the whole
extraction budget (see bench/README.md). Everything here is pure and never recursive, so
hostile nesting cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from archiver.parse.vocabulary import FURNITURE_WORDS

# The element type every extraction module works on: plain lxml elements. lxml.html's
# HtmlElement costs a Python class lookup for every element proxy created (about a tenth of
# the extraction time) and only its text_content() and drop_tree() were used (see below).
HtmlElement = etree._Element

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"strong", "b"})
# Elements that hold page furniture rather than article text.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu", "button", "select"})


# Zero-width and direction marks at the edges of a text are invisible but not whitespace to
# str.split ("\u200bNot a flagship"); inside a text they may join emoji, so only edges go.
_INVISIBLE_EDGES = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including NBSP) to one space and strip the ends.

    ``str.split()`` splits on the same Unicode whitespace as ``re``'s ``\\s`` and is several
    times faster; this runs for every text the extractor reads.

    >>> normalise_space("  1.\\xa0 The\\u2009 Bridge \\n")
    '1. The Bridge'
    """
    joined = " ".join(text.split())
    if joined[:1] in _INVISIBLE_EDGES or joined[-1:] in _INVISIBLE_EDGES:
        return joined.strip(_INVISIBLE_EDGES + " ")
    return joined


_STRING_VALUE = etree.XPath("string()")


def raw_text(element: HtmlElement) -> str:
    """All the text inside ``element`` (its XPath string value, as lxml.html's ``text_content()``).

    An element without children holds it in ``.text``, which is read without an XPath
    evaluation: most headings, paragraphs and links are such leaves.
    """
    if len(element) == 0:
        return element.text or ""
    return str(_STRING_VALUE(element))


def text_of(element: HtmlElement) -> str:
    return normalise_space(raw_text(element))


def tag_of(element: HtmlElement) -> str:
    """The element's tag name; "" for comments, processing instructions and entities.
    (libxml2's HTML parser lower-cases tag names, so no lower() here.)"""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def class_and_id(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


# Class tokens that describe the post, not the block: WordPress prints "tag-twitter",
# "category-popular", "has-sidebar" on the article itself.
_TAXONOMY_TOKEN = re.compile(
    r"^(?:tag|category|categories|post|postid|format|has|type|status|entry)[-_]", re.I
)
# Furniture is small: a block holding this much text is the article (or wraps it), whatever its
# class says ("l-sidebar-fixed" wraps Vox's article body, "widget__body" Raw Story's).
_MAX_FURNITURE_TEXT = 2500


_FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner"})


def is_furniture(element: HtmlElement) -> bool:
    """True for navigation, sidebars, share bars, ads, comment sections and the like."""
    tag = tag_of(element)
    if element.get("fallback") is not None:
        # AMP's (and players' copies of it) message for when a component fails to load ("This
        # video failed to load"): shown only instead of the component, never article text.
        return True
    if tag in FURNITURE_TAGS or element.get("role") in _FURNITURE_ROLES:
        # <form> wraps whole ASP.NET pages and <header> some article bodies: size decides.
        return tag not in {"form", "header"} or len(raw_text(element)) < _MAX_FURNITURE_TEXT
    classes = element.get("class") or ""
    names = f"{classes} {element.get('id') or ''}"
    # Words match inside one token, so a miss on all the names is a miss on the kept ones: most
    # elements stop here, before the taxonomy tokens are filtered out.
    if FURNITURE_WORDS.search(names) is None:
        return False
    kept = " ".join(token for token in classes.split() if not _TAXONOMY_TOKEN.match(token))
    if FURNITURE_WORDS.search(f"{kept} {element.get('id') or ''}") is None:
        return False
    return len(raw_text(element)) < _MAX_FURNITURE_TEXT


def furniture_ancestor(element: HtmlElement, stop: HtmlElement | None = None) -> HtmlElement | None:
    """The nearest ancestor (or the element itself) that is page furniture, below ``stop``."""
    node: HtmlElement | None = element
    while node is not None and node is not stop and tag_of(node) not in {"body", "html"}:
        if is_furniture(node):
            return node
        node = node.getparent()
    return None


def ancestors_and_self(element: HtmlElement) -> Iterator[HtmlElement]:
    node: HtmlElement | None = element
    while node is not None:
        yield node
        node = node.getparent()


def lowest_common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    """Deepest element containing all of ``elements`` (which must share a tree)."""
    first_chain = list(ancestors_and_self(elements[0]))
    depth_of = {id(node): depth for depth, node in enumerate(first_chain)}
    deepest = 0
    for element in elements[1:]:
        for node in ancestors_and_self(element):
            if id(node) in depth_of:
                deepest = max(deepest, depth_of[id(node)])
                break
    return first_chain[deepest]


def link_text_ratio(element: HtmlElement) -> float:
    """Share of the element's text that sits inside links (1.0 for a pure link list)."""
    total = len(text_of(element))
    if total == 0:
        return 0.0
    linked = sum(len(text_of(anchor)) for anchor in element.iter("a"))
    return min(1.0, linked / total)


def drop_tree(element: HtmlElement) -> None:
    """Remove ``element`` and its content, keeping its tail text where it was."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def parse_html_bytes(data: bytes, losses: list[str] | None = None) -> HtmlElement:
    """The root of an HTML document (UTF-8 bytes): comments and processing instructions
    dropped, no network access. Raises ``etree.ParserError`` for a document with no content.

    libxml2 stops building the tree at a resource limit (nesting deeper than 2,048 elements even
    with ``huge_tree``; 256 without it) and keeps what came before; each such stop is appended to
    ``losses`` as one sentence, so the record can say that content was lost.
    """
    parser = _parser()
    root = etree.fromstring(data, parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    if losses is not None:
        for entry in parser.error_log:
            if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or entry.level == etree.ErrorLevels.FATAL:
                losses.append(
                    f"the HTML parser stopped at line {entry.line}, column {entry.column} "
                    f"({entry.message.strip()}); content after that point is lost"
                )
                break
    return root


def _parser() -> etree.HTMLParser:
    # A new parser per document: lxml parsers are not thread-safe. ``huge_tree`` lifts libxml2's
    # limits of 256 nested elements and 10 MB per text node: real pages exceed both (page-builder
    # widgets nest hundreds deep; framework state ships as one multi-megabyte inline script).
    return etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
