"""HTML building blocks of the item view, with the standard library's :func:`html.escape`.

Every string from an archived page (titles, headings, captions, credits, URLs, warnings) is
untrusted: it enters the markup only through :func:`esc` (text and attribute values alike);
markup already built is an :class:`Html`, which :func:`esc` passes through unchanged. A link
to a URL of a page goes through :func:`safe_href`, which keeps only http(s) (no ``javascript:``).
No external asset: the style sheet is inline, small, and the pages read well without it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from urllib.parse import urlsplit


class Html(str):
    """Markup that is already safe to put in a page as it is."""

    __slots__ = ()


EMPTY = Html("")


def esc(value: object) -> Html:
    """``value`` as HTML text or attribute value (quotes escaped); :class:`Html` as it is.

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=True))


def join(parts: Iterable[Html], separator: str = "\n") -> Html:
    return Html(separator.join(esc(part) for part in parts))


def safe_href(url: str) -> str | None:
    """``url`` if it may be a link target (http or https), else None."""
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def readable_url(url: str) -> str:
    """``url`` as a person reads it (its IRI form): percent-escapes of non-ASCII UTF-8 text
    decoded; those of ASCII (``%20``, ``%2F``), of bytes that are not UTF-8 and of control
    characters kept, so the text still names the same resource. For display only: links keep
    the URL as it is.

    >>> readable_url("http://s.example/%E6%97%A5%20x.jpg?q=%2F")
    'http://s.example/日%20x.jpg?q=%2F'
    """

    def decoded(match: re.Match[str]) -> str:
        escapes = match.group(0)
        raw = bytes.fromhex(escapes.replace("%", ""))
        out: list[str] = []
        start = 0
        # Decode only the runs of non-ASCII bytes; ASCII escapes stay as written.
        for part in re.finditer(rb"[\x80-\xff]+", raw):
            out.append(escapes[start * 3 : part.start() * 3])
            try:
                text = part.group(0).decode("utf-8")
            except UnicodeDecodeError:
                text = escapes[part.start() * 3 : part.end() * 3]
            if not text.isprintable():
                text = escapes[part.start() * 3 : part.end() * 3]
            out.append(text)
            start = part.end()
        out.append(escapes[start * 3 :])
        return "".join(out)

    return _ESCAPES.sub(decoded, url)


def json_for_script(data: object) -> Html:
    """``data`` as JSON that cannot end the ``<script>`` element holding it (``<``, ``>``, ``&``
    and the line separators written as ``\\u`` escapes)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Html(text)


STYLE = Html(
    """
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem}
body{margin:0 auto;padding:0 1rem 2rem;max-width:48rem}
code,dd,p,h1,h2,a{overflow-wrap:anywhere}
img{max-width:100%;height:auto;display:block}
figure{margin:1rem 0}
.articles,.items,.recs{list-style:none;padding:0}
.articles>li,.items>li{border-top:1px solid #8884;padding:.75rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.25rem 0}
dt{font-weight:600}dd{margin:0}
.no{color:#b00}@media (prefers-color-scheme:dark){.no{color:#f88}}
.missing{border:2px dashed #b00;padding:1rem;max-width:30rem}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
form label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;max-width:100%}
.muted{opacity:.75;font-size:.9rem}
"""
)


def document(title: str, body: Html, *, lang: str = "en", tail: Html = EMPTY) -> Html:
    """A whole page: ``lang``, viewport for phones, the inline style, ``body``, then ``tail``
    (the static export's inline script)."""
    return Html(
        f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>{esc(title)}</title>
<style>{STYLE}</style>
</head>
<body>
{body}
{tail}
</body>
</html>
"""
    )
