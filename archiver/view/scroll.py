"""Which text a replay link scrolls to, chosen from the archived page itself.

A text fragment (``#:~:text=``) lands on the FIRST place of the page whose visible text
matches; an item's heading may not be visible text at all (taken from an image's ``alt`` or
``title``), or may occur earlier (an intro naming the items, a table of contents, two items
both called "Paris"). So each item's candidates (its heading, the heading with its printed
number, the start of its caption, its credit) are looked up in the page's visible text as a
browser matches them (whitespace collapsed, case-insensitive, whole words), and the first that
occurs exactly once is kept; failing that, the first whose first occurrence comes after the
previous item's chosen text. When none is known to land, every candidate is given as its own
directive (``text=a&text=b``): the browser scrolls to the first that matches.

The page's body is read from the WARCs (:class:`archiver.view.photos.PhotoArchive`) once per
page record and kept (a few KB of text per page).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import lxml.html
from lxml import etree

from archiver.lru import LruDict
from archiver.replay.links import directive_words
from archiver.view.catalog import ArticleView, ItemView
from archiver.view.photos import PhotoArchive

_CACHED_PAGES = 512  # pages' visible text kept
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title"})
# Elements a browser lays out as blocks: a text directive never matches across their edges, and
# their text is not glued to the next element's.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th"),
        *("tr", "ul", "img"),
    }
)
_SPACE = re.compile(r"\s+")
_EDGE = "\ufffc"  # marks a block edge while collecting text (one in the page only splits a line)
_CAPTION_WORDS = 8


def visible_text(html: bytes) -> str:
    """The text a browser shows of the page ``html``: the body's text without scripts, styles,
    ``<noscript>``, ``<template>``, ``hidden`` elements or any attribute (``alt``, ``title``),
    whitespace collapsed, lower-cased; one line per block, since a text directive never matches
    across a block's edge. Empty when it does not parse.

    >>> visible_text(b"<p>A <b>B</b></p><img alt='x'><p>C<script>no</script></p>").splitlines()
    ['a b', 'c']
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(_texts(root)).split(_EDGE))
    return "\n".join(line for line in lines if line).lower()


def _texts(element: lxml.html.HtmlElement) -> Iterator[str]:
    tag = element.tag if isinstance(element.tag, str) else ""
    hidden = tag in _INVISIBLE or element.get("hidden") is not None or not isinstance(element.tag, str)
    if not hidden:
        block = tag in _BLOCKS
        if block:
            yield _EDGE
        yield element.text or ""
        for child in element:
            yield from _texts(child)
        if block:
            yield _EDGE
    yield element.tail or ""  # the tail belongs to the parent, shown even after a hidden element


def occurrences(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` (lower-cased, whitespace collapsed) starts in ``text`` as whole words.

    >>> occurrences("paris is not parisian; paris", "paris")
    [0, 23]
    """
    if not phrase:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    return [match.start() for match in pattern.finditer(text)]


def candidates(item: ItemView) -> list[str]:
    """The texts that may mark ``item`` in its page, best first (each as a directive names it:
    its first words), each once (case ignored)."""
    found: list[str] = []
    if item.heading:
        found.append(item.heading)
        if item.number is not None:
            found += [f"{item.number}. {item.heading}", f"{item.number} {item.heading}"]
    if item.caption:
        words = item.caption.split()
        found.append(" ".join(words[:_CAPTION_WORDS]))
        if item.number is not None:
            found.append(f"{item.number}. " + " ".join(words[: _CAPTION_WORDS - 1]))
    found += item.credits
    kept: dict[str, str] = {}
    for text in found:
        phrase = directive_words(text)
        if phrase:
            kept.setdefault(phrase.lower(), phrase)
    return list(kept.values())


def choose(page_text: str, items: list[ItemView]) -> dict[int, list[str]]:
    """For each of ``items`` (one page's, in page order), by position: the texts its replay
    link names, one when it is known to land on the item, else every candidate (without
    ``page_text``, the visible text of the page: its heading, else its caption's start)."""
    chosen: dict[int, list[str]] = {}
    after = -1  # where the previous item's chosen text is
    for item in items:
        options = candidates(item)
        if not page_text:  # the page is not readable here: its heading or caption, as before
            chosen[item.position] = [item.scroll_text] if item.scroll_text else []
            continue
        found = {phrase: occurrences(page_text, phrase.lower()) for phrase in options}
        unique = [phrase for phrase in options if len(found[phrase]) == 1]
        later = [phrase for phrase in options if found[phrase] and found[phrase][0] > after]
        pick = unique[0] if unique else later[0] if later else None
        if pick is not None:
            after = found[pick][0]
            chosen[item.position] = [pick]
        else:
            chosen[item.position] = options  # the browser takes the first that matches
    return chosen


class ScrollTexts:
    """The scroll texts of an article's items (:meth:`of`), from its pages as archived in
    ``archive``; thread-safe (the server's threads share it)."""

    def __init__(self, archive: PhotoArchive) -> None:
        self.archive = archive
        self._pages = LruDict[str, str](max_size=_CACHED_PAGES)
        self._lock = threading.Lock()

    def page_text(self, record_id: str) -> str:
        """The visible text of the page archived in the record ``record_id``; empty when it is
        not in the WARCs or does not read."""
        with self._lock:
            cached = self._pages.get(record_id)
        if cached is None:
            capture = self.archive.index.capture_of_record(record_id)
            cached = visible_text(self.archive.index.body(capture)) if capture is not None else ""
            with self._lock:
                self._pages[record_id] = cached
        return cached

    def of(self, article: ArticleView) -> dict[int, list[str]]:
        """Item position -> the texts its replay link names (see :func:`choose`)."""
        chosen: dict[int, list[str]] = {}
        pages: dict[str, list[ItemView]] = {}
        for item in article.items:
            pages.setdefault(item.page_url, []).append(item)
        for items in pages.values():
            page = items[0].page
            text = self.page_text(page.warc_record_id) if page is not None else ""
            chosen.update(choose(text, items))
        return chosen
