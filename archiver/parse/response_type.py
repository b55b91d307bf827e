"""Whether a response is HTML by Scrapy's choice of response class: the one test the crawl's meta
refresh middleware (``archiver.crawl.compression.MetaRefreshFollower``) and the WARC reader ask
before following a ``<meta http-equiv="refresh">``, so a refresh is followed in both flows or in
neither.

Scrapy builds an ``HtmlResponse`` (``scrapy.responsetypes.ResponseTypes.from_args``) by the first
of these that names a class: the ``Content-Type`` header (none while a ``Content-Encoding`` is
left on the body), the file name of ``Content-Disposition``, the URL's file extension (Python's
``mimetypes`` table with Scrapy's ``mime.types`` over it), then the first 5000 bytes of the body:
no control characters and ``<html>`` or ``<!doctype html>`` in them (before ``<?xml``). So a
refresh stub served without a type, as ``application/octet-stream`` or as ``image/gif`` is HTML
when its bytes say ``<html>``. ``tests/test_response_type.py`` checks this against Scrapy.
Pure: Scrapy's table is read as a data file, Scrapy is not imported.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from mimetypes import MimeTypes
from pathlib import Path

__all__ = ["is_html_response"]

_HTML = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
# The other types Scrapy maps to a class of its own (text, XML, JSON): not HTML, and decided.
_OTHER = frozenset(
    {
        "application/atom+xml",
        "application/rdf+xml",
        "application/rss+xml",
        "application/xml",
        "application/json",
        "application/x-json",
        "application/json-amazonui-streaming",
        "application/javascript",
        "application/x-javascript",
        "text/xml",
    }
)
# Control characters that make Scrapy call a body binary (NUL, tab, LF and CR do not).
_BINARY = frozenset(set(range(32)) - {0, 9, 10, 13})
_SNIFF_BYTES = 5000


def _kind(mimetype: str) -> bool | None:
    """True: HTML; False: another class; None: Scrapy's plain ``Response`` (undecided)."""
    if mimetype in _HTML:
        return True
    if mimetype in _OTHER or mimetype.split("/", 1)[0] == "text":
        return False
    return None


@lru_cache(maxsize=1)
def _mime_types() -> MimeTypes:
    """Python's table with Scrapy's ``mime.types`` read over it, as Scrapy builds its own."""
    types = MimeTypes()
    spec = importlib.util.find_spec("scrapy")  # finds the package without importing it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        table = Path(folder) / "mime.types"
        if table.is_file():
            types.read(str(table))
    return types


def _from_filename(name: str) -> bool | None:
    mimetype, encoding = _mime_types().guess_type(name)
    return _kind(mimetype) if mimetype and not encoding else None


def _from_body(body: bytes) -> bool:
    chunk = body[:_SNIFF_BYTES]
    if not _BINARY.isdisjoint(chunk):
        return False  # application/octet-stream: a plain Response
    lowered = chunk.lower()
    if b"<html>" in lowered:
        return True
    return b"<?xml" not in lowered and b"<!doctype html>" in lowered


def is_html_response(
    url: str,
    body: bytes,
    *,
    content_type: str | None = None,
    content_encoding: str | None = None,
    content_disposition: str | None = None,
) -> bool:
    """Whether Scrapy makes an ``HtmlResponse`` of this response.

    ``url``: the response's URL; ``body``: its body as the middleware sees it (decoded);
    the headers: their last values as Scrapy's ``Headers.get`` gives them, latin-1 text, None
    when absent. ``content_encoding``: what is left of it after decoding (a coding nobody
    decoded, or an ``identity`` label).

    >>> is_html_response("http://a.test/p/", b"<html><meta http-equiv=refresh>", content_type="image/gif")
    True
    >>> is_html_response("http://a.test/p/", b"<html>", content_type="text/plain")
    False
    """
    kind: bool | None = None
    if content_type and not content_encoding:
        kind = _kind(content_type.split(";")[0].strip().lower())
    if kind is None and content_disposition:
        parts = content_disposition.split(";")
        if len(parts) > 1 and "=" in parts[1]:
            kind = _from_filename(parts[1].split("=")[1].strip("\"'"))
    if kind is None:
        kind = _from_filename(url)
    if kind is None:
        kind = _from_body(body)
    return kind
