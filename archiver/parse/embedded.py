"""Articles that exist only as data inside a script (JS-rendered pages).

An app shell such as AngularJS renders nothing server-side; the post travels as a JSON string
(WordPress REST ``"content": "<h2>1. ...</h2>..."``). The extractor decodes JSON string values
that carry HTML and looks for items there when the rendered DOM has none.

Gallery apps ship their slides as a JSON array of objects instead (``"slides": [{"headline":
..., "caption": ..., "image": {...}}]``), and pages describe their list in schema.org
``ItemList`` JSON-LD. :func:`item_arrays_in_scripts` renders such an array as plain HTML (one
heading, image, caption and credit per entry) so the same detection and item code read it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import escape
from typing import Any

from archiver.parse.dom import HtmlElement, parse_html_bytes

# A JSON string literal long enough to be an article body and containing a heading tag.
_JSON_HTML_STRING = re.compile(r'"((?:[^"\\]|\\.){400,}?)"')
_MAX_SCRIPT_CHARS = 5_000_000


def html_fragments_in_scripts(scripts: list[str]) -> Iterator[HtmlElement]:
    """Parsed HTML bodies found in JSON string values of inline scripts, longest first."""
    found: list[str] = []
    for script in scripts:
        for match in _JSON_HTML_STRING.finditer(script[:_MAX_SCRIPT_CHARS]):
            raw = match.group(1)
            if "<h" not in raw and "\\u003ch" not in raw.lower():
                continue
            try:
                value = json.loads(f'"{raw}"')
            except ValueError:
                continue
            if isinstance(value, str) and re.search(r"<h[1-6][\s>]", value):
                found.append(value)
    for value in sorted(found, key=len, reverse=True)[:3]:
        yield parse_html_bytes(f"<html><body>{value}</body></html>".encode("utf-8", "replace"))


_MAX_JSON_NODES = 200_000
_MAX_ASSIGNMENTS = 20  # "x = {...}" values tried per script
_NESTED_VALUE_KEYS = ("url", "src", "contentUrl", "text", "name")  # {"image": {"url": ...}}
# Keys that name an entry of a slide or item array, its text, its image and its credit.
_TITLE_KEYS = ("headline", "title", "name", "heading", "label")
_TEXT_KEYS = ("caption", "description", "text", "body", "summary", "dek")
_IMAGE_KEYS = ("image", "img", "photo", "picture", "thumbnail", "src", "url")
_CREDIT_KEYS = ("credit", "credits", "copyright", "source", "attribution")
# An array needs this many titled entries, and this share of them with a text or an image.
MIN_ARRAY_ENTRIES = 2
MIN_ENTRIES_WITH_CONTENT = 0.8


def _json_values(script: str) -> Iterator[Any]:
    """Every JSON value that starts a script or follows ``=`` in it (``window.STATE = {...}``)."""
    decoder = json.JSONDecoder()
    text = script[:_MAX_SCRIPT_CHARS]
    assignments = [match.end() for match in re.finditer(r"=\s*(?=[\[{])", text)]
    starts = [0, *assignments[:_MAX_ASSIGNMENTS]]
    for start in starts:
        start = len(text) - len(text[start:].lstrip())
        if start >= len(text) or text[start] not in "[{":
            continue
        try:
            value, _ = decoder.raw_decode(text, start)
        except ValueError:
            continue
        yield value


def _first_string(entry: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, dict):
            value = next(
                (value.get(k) for k in ("url", "src", "contentUrl", "text", "name") if value.get(k)), None
            )
        elif isinstance(value, list) and value:
            value = value[0] if isinstance(value[0], str) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _entry(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    item = value.get("item")  # schema.org ListItem wraps the thing it lists
    return item if isinstance(item, dict) and _first_string(item, _TITLE_KEYS) else value


def _item_arrays(value: Any) -> Iterator[list[dict[str, Any]]]:
    """Arrays of objects that each have a title and mostly a text or an image (an iterative walk)."""
    stack = [value]
    seen = 0
    while stack and seen < _MAX_JSON_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            entries = [entry for entry in (_entry(v) for v in node) if entry is not None]
            titled = [entry for entry in entries if _first_string(entry, _TITLE_KEYS)]
            if len(titled) >= MIN_ARRAY_ENTRIES and len(titled) == len(node):
                with_content = sum(
                    1 for entry in titled if _first_string(entry, _TEXT_KEYS) or _image_of(entry)
                )
                if with_content >= MIN_ENTRIES_WITH_CONTENT * len(titled):
                    yield titled
            stack.extend(node)


def _image_of(entry: dict[str, Any]) -> str | None:
    for key in _IMAGE_KEYS:
        value = entry.get(key)
        url = _first_string({key: value}, (key,)) if value is not None else None
        if url and (url.startswith(("http://", "https://", "/")) or "." in url.rsplit("/", 1)[-1]):
            return url
    return None


def _credit_of(entry: dict[str, Any]) -> str | None:
    credit = _first_string(entry, _CREDIT_KEYS)
    image = entry.get("image")
    if credit is None and isinstance(image, dict):
        credit = _first_string(image, _CREDIT_KEYS)
    return credit


def _render(entries: list[dict[str, Any]]) -> str:
    parts = []
    for entry in entries:
        title = _first_string(entry, _TITLE_KEYS) or ""
        text = _first_string(entry, _TEXT_KEYS)
        image = _image_of(entry)
        credit = _credit_of(entry)
        parts.append(f"<h2>{escape(title)}</h2>")
        if image:
            caption = f"<figcaption>{escape(credit)}</figcaption>" if credit else ""
            parts.append(f'<figure><img src="{escape(image)}" alt="{escape(title)}">{caption}</figure>')
        if text:
            # A text may itself be HTML (a CMS field): keep its markup, it is parsed below.
            parts.append(text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>")
    return "<html><body><article>" + "".join(parts) + "</article></body></html>"


def item_arrays_in_scripts(scripts: list[str]) -> Iterator[tuple[int, HtmlElement]]:
    """Item arrays found in inline scripts and JSON-LD, each as (entries, a parsed HTML rendering),
    longest first. Callers decide whether an array is the article's list (its count against the
    title's)."""
    arrays: list[list[dict[str, Any]]] = []
    for script in scripts:
        for value in _json_values(script):
            arrays.extend(_item_arrays(value))
    for entries in sorted(arrays, key=len, reverse=True)[:3]:
        yield len(entries), parse_html_bytes(_render(entries).encode("utf-8", "replace"))
