"""Articles that exist only as data inside a script (JS-rendered pages).

An app shell such as AngularJS renders nothing server-side; the post travels as a JSON string
(WordPress REST ``"content": "<h2>1. ...</h2>..."``). The extractor decodes JSON string values
that carry HTML and looks for items there when the rendered DOM has none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

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
