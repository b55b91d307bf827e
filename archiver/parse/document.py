"""From decoded text to a pruned lxml tree, with the limits that keep hostile input bounded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from archiver.errors import ParseError
from archiver.parse.dom import HtmlElement, drop_tree, parse_html_bytes, tag_of
from archiver.parse.limits import DEFAULT_MAX_BYTES

# Inline scripts shorter than this carry no article (tracking snippets, config).
MIN_DATA_SCRIPT_CHARS = 2000
# Sniffed from the first bytes so that an image or archive is refused with its name, not parsed.
_BINARY_SIGNATURES = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"WARC/", "a WARC file (use `archiver extract`)"),
)
# Elements whose content is never article text. Scripts are harvested before removal.
_DROPPED_TAGS = (
    "script", "style", "template", "svg", "math", "canvas", "video", "audio", "object",
    # AMP's ad and analytics slots: their placeholder text ("Loading ad…") is never content.
    "amp-ad", "amp-sticky-ad", "amp-auto-ads", "amp-analytics", "amp-pixel",
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# XHTML-style "<html ... />": browsers ignore the slash on a non-void element, but libxml2 closes
# the root there and drops the whole document. Only the three document elements are rewritten
# (a self-closed <div/> costs libxml2 one empty element, not the page).
_SELF_CLOSED_DOCUMENT_ELEMENT = re.compile(r"<((?:html|head|body)\b[^<>]*?)\s*/>", re.IGNORECASE)
_HIDING_ATTRIBUTES = etree.XPath("//@hidden | //@style")


@dataclass
class Document:
    root: HtmlElement
    json_ld: list[str] = field(default_factory=list)
    # Text of inline scripts large enough to carry an embedded article (JS-rendered pages).
    data_scripts: list[str] = field(default_factory=list)
    base_href: str | None = None
    # What the parse could not keep (a resource limit of the parser), as record warnings.
    warnings: list[str] = field(default_factory=list)


def check_is_html(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise ParseError for input that is empty, binary or over the size limit."""
    if not data.strip():
        raise ParseError("empty document: no HTML to parse")
    if len(data) > max_bytes:
        raise ParseError(
            f"document too large: {len(data) / 1e6:.1f} MB exceeds the {max_bytes / 1e6:.1f} MB limit"
        )
    head = data[:16]
    for signature, name in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise ParseError(f"not HTML: the data is {name}")
    sample = data[:4096]
    # UTF-16 text has NULs too, but it starts with a BOM, which decoding handles first.
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
        if controls > len(sample) // 20:
            raise ParseError("not HTML: the data is binary (control bytes in the first 4 KB)")


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def load_document(text: str) -> Document:
    """Parse text into a tree without scripts, styles, comments and hidden copies of the body."""
    text = _XML_DECLARATION.sub("", text, count=1)
    text = _SELF_CLOSED_DOCUMENT_ELEMENT.sub(r"<\1>", text)
    losses: list[str] = []
    try:
        root = parse_html_bytes(text.encode("utf-8", "replace"), losses)
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"unparseable HTML: {error}") from error
    if root is None or not isinstance(root.tag, str):
        raise ParseError("unparseable HTML: no root element")
    document = Document(root=root, warnings=losses)
    for script in root.iter("script"):
        body = script.text or ""
        kind = (script.get("type") or "").lower()
        if kind == "application/ld+json":
            document.json_ld.append(body)
        elif len(body) > MIN_DATA_SCRIPT_CHARS and ("<h" in body or "{" in body):
            # Article HTML in a JSON string, or slides as a JSON array (JS-rendered pages).
            document.data_scripts.append(body)
    document.base_href = next((b.get("href") for b in root.iter("base") if b.get("href") is not None), None)
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    # The attribute filter runs in libxml2 (selecting attribute nodes is twice as fast as
    # selecting elements by attribute); Python only looks at elements that have one.
    hidden: list[HtmlElement] = []
    for attribute in cast(list[etree._ElementUnicodeResult], _HIDING_ATTRIBUTES(root)):
        element = attribute.getparent()
        if element is not None and (not hidden or hidden[-1] is not element) and _is_hidden(element):
            hidden.append(element)
    for element in hidden:
        if tag_of(element) not in {"html", "body"} and element.getparent() is not None:
            drop_tree(element)  # keeps the tail text, which belongs to the parent
    return document
