"""Resolving the URLs a page names against the page's base URL.

``urllib.parse.urljoin`` is correct and slow: a listicle page resolves ~20 image and link
URLs, and urljoin was a tenth of the extraction time on the bench pages. Most of them are
root-relative paths ("/img/a.jpg") that resolve to the base's origin plus the path, so those
take a fast path; anything urljoin would rewrite (dot segments, doubled slashes, queries,
fragments, parameters, unusual characters) goes through urljoin. ``tests/test_urls.py``
checks the two agree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

# A root-relative path urljoin returns unchanged: only unreserved and sub-delimiter characters
# (no "?", "#", ";", spaces or controls), and neither a dot segment ("/.") nor an empty one ("//").
_PLAIN_PATH_CHARACTERS = re.compile(r"/[A-Za-z0-9\-._~%!$&'()*+,=:@/]*")


def _is_plain_root_path(url: str) -> bool:
    return "//" not in url and "/." not in url and _PLAIN_PATH_CHARACTERS.fullmatch(url) is not None


@lru_cache(maxsize=256)
def _origin(base_url: str) -> str | None:
    """The "scheme://netloc" of an http(s) base URL, or None when urljoin must decide."""
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(url: str, base_url: str) -> str:
    """``url`` resolved against ``base_url``, as ``urljoin`` does (after stripping spaces).

    >>> absolute_url(" /img/a.jpg ", "https://example.com/list/2/")
    'https://example.com/img/a.jpg'
    >>> absolute_url("//cdn.example.com/a.jpg", "https://example.com/")
    'https://cdn.example.com/a.jpg'
    >>> absolute_url("../a.jpg", "https://example.com/list/2/")
    'https://example.com/list/a.jpg'
    """
    url = url.strip()
    if url.startswith("//"):
        scheme = base_url.split(":", 1)[0] if ":" in base_url else "https"
        return f"{scheme}:{url}"
    if url.startswith("/") and _is_plain_root_path(url):
        origin = _origin(base_url)
        if origin is not None:
            return origin + url
    return urljoin(base_url, url)
