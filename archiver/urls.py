"""The one URL form of the whole tool, and resolving the URLs a page names against its base.

Every URL the crawler requests, records, writes as a WARC target URI or looks up goes through
:func:`canonical_url`: w3lib's ``safe_url_string``, which Scrapy's ``Request`` applies to every
URL it is given, so a URL in a record is the URL that was requested and the URL in the WARC. A
link printed with raw characters (``/größte-brücken/2/``, ``/a b.jpg``) and the percent-encoded
URL a server saw (``/gr%C3%B6%C3%9Fte-br%C3%BCcken/2/``) become one string. The path is encoded
in UTF-8 and the query in the page's encoding, as browsers (and Scrapy's ``response.follow``) do.

Credentials in a URL (``http://user:pw@host/``) are not part of its canonical form: they are
split off for an ``Authorization`` header (:func:`split_credentials`) and never written
(:func:`redacted_url`).

``urllib.parse.urljoin`` and ``safe_url_string`` are correct and slow: a listicle page resolves
~20 image and link URLs. Most are root-relative paths ("/img/a.jpg") of plain characters, which
both functions return unchanged, so those take fast paths that ``tests/test_urls.py`` checks
against the slow ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import unquote, urldefrag, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

# A root-relative path urljoin returns unchanged: only unreserved and sub-delimiter characters
# (no "?", "#", ";", spaces or controls), and neither a dot segment ("/.") nor an empty one ("//").
_PLAIN_PATH_CHARACTERS = re.compile(r"/[A-Za-z0-9\-._~%!$&'()*+,=:@/]*")
# A URL safe_url_string returns unchanged: lowercase ASCII host (it lowercases and IDNA-encodes
# hosts), a port without leading zeros, no userinfo, query or fragment, and a path of characters
# it never quotes.
# The query may hold the same characters and "?", but not "'" (quoted in http(s) queries). A
# port of five digits must be checked against 65535 (safe_url_string refuses larger ones).
_CANONICAL_ALREADY = re.compile(
    r"https?://[a-z0-9][a-z0-9.\-]*(?::(?P<port>[1-9][0-9]{0,4}))?"
    r"(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~%!$&()*+,;=:@/?]+)?)?"
)
# The encoding of the page whose links are being resolved; see :func:`page_encoding`.
_PAGE_ENCODING: ContextVar[str] = ContextVar("page_encoding", default="utf-8")


@contextmanager
def page_encoding(encoding: str) -> Iterator[None]:
    """Resolve URLs inside the block as links of a page in ``encoding``: their query strings
    are percent-encoded in it, as a browser encodes them.

    The parser sets it once per page instead of handing the encoding to each of the dozens of
    functions between the page and a link.
    """
    token = _PAGE_ENCODING.set(encoding)
    try:
        yield
    finally:
        _PAGE_ENCODING.reset(token)


def _without_userinfo(url: str) -> str:
    if "@" not in url:
        return url
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def canonical_url(url: str, encoding: str = "utf-8") -> str:
    """The canonical form of ``url``: what Scrapy's ``Request`` makes of it, without userinfo.

    ``encoding`` is the encoding of the page the URL comes from (its query string is encoded in
    it; characters it cannot encode fall back to UTF-8). A URL that cannot be parsed (a port
    out of range) is returned stripped, as it is: its request fails and is recorded as failed.

    >>> canonical_url("https://Example.COM/größte brücken/2/?q=ä")
    'https://example.com/gr%C3%B6%C3%9Fte%20br%C3%BCcken/2/?q=%C3%A4'
    >>> canonical_url("https://example.com/gr%C3%B6%C3%9Fte/?q=%E4")  # already canonical
    'https://example.com/gr%C3%B6%C3%9Fte/?q=%E4'
    >>> canonical_url("https://example.com/größte/?q=ä", "latin-1")
    'https://example.com/gr%C3%B6%C3%9Fte/?q=%E4'
    >>> canonical_url("http://user:secret@example.com/a")
    'http://example.com/a'
    """
    url = url.strip()
    already = _CANONICAL_ALREADY.fullmatch(url)
    if already and (already["port"] is None or int(already["port"]) <= 65535):
        return url
    url = _without_userinfo(url)
    try:
        return safe_url_string(url, encoding)
    except (UnicodeError, LookupError):
        # The page's encoding cannot spell a character of the query, or is unknown to Python.
        pass
    except ValueError:
        return url
    try:
        return safe_url_string(url)
    except ValueError:
        return url


def fetched_url(url: str) -> str:
    """The URL a request for ``url`` fetches, and the crawl archives it under: without its
    ``#fragment``, which no client sends (Scrapy's download handler drops it from the request,
    and the response's URL is without it; a record may still name the URL with it, as a
    ``Location`` or ``<img src>`` gave it). The key of every capture lookup in the WARCs.

    >>> fetched_url("https://example.com/list/page-2/#top")
    'https://example.com/list/page-2/'
    """
    return urldefrag(url)[0] if "#" in url else url


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``url`` without its userinfo, and the (user, password) it held, percent-decoded.

    >>> split_credentials("http://me:p%40ss@example.com/x")
    ('http://example.com/x', ('me', 'p@ss'))
    >>> split_credentials("http://example.com/x")
    ('http://example.com/x', None)
    """
    parts = urlsplit(url.strip())
    if parts.username is None and parts.password is None:
        return url, None
    credentials = (unquote(parts.username or ""), unquote(parts.password or ""))
    return _without_userinfo(url.strip()), credentials


def redacted_url(url: str) -> str:
    """``url`` fit to be written anywhere: userinfo (a user name and password) removed.

    >>> redacted_url("https://user:pw@example.com/a?b=1")
    'https://example.com/a?b=1'
    """
    try:
        return _without_userinfo(url)
    except ValueError:  # unparseable (an unbalanced "[" in the host): keep nothing after "//"
        scheme = url.split(":", 1)[0]
        return f"{scheme}://(unparseable URL)"


def redacted_text(text: str, urls: list[str]) -> str:
    """``text`` (an error message) with each of ``urls`` replaced by its redacted form."""
    for url in urls:
        redacted = redacted_url(url)
        if redacted != url:
            text = text.replace(url, redacted)
    return text


@lru_cache(maxsize=256)
def _origin(base_url: str) -> str | None:
    """The "scheme://netloc" of an http(s) base URL, or None when urljoin must decide."""
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _is_plain_root_path(url: str) -> bool:
    return "//" not in url and "/." not in url and _PLAIN_PATH_CHARACTERS.fullmatch(url) is not None


def joined_url(url: str, base_url: str) -> str:
    """``url`` resolved against ``base_url`` exactly as ``urljoin`` does (after stripping
    spaces), not canonicalised.

    >>> joined_url(" /img/a.jpg ", "https://example.com/list/2/")
    'https://example.com/img/a.jpg'
    >>> joined_url("//cdn.example.com/a.jpg", "https://example.com/")
    'https://cdn.example.com/a.jpg'
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


def absolute_url(url: str, base_url: str) -> str:
    """``url`` resolved against ``base_url``, in canonical form (see :func:`canonical_url`),
    its query encoded in the encoding set by :func:`page_encoding` (UTF-8 outside one).

    >>> absolute_url(" /img/a b.jpg ", "https://example.com/list/2/")
    'https://example.com/img/a%20b.jpg'
    >>> absolute_url("/größte-brücken/2/", "https://example.com/gr%C3%B6%C3%9Fte-br%C3%BCcken/")
    'https://example.com/gr%C3%B6%C3%9Fte-br%C3%BCcken/2/'
    >>> absolute_url("../a.jpg", "https://example.com/list/2/")
    'https://example.com/list/a.jpg'
    """
    joined = joined_url(url, base_url)
    if not joined.startswith(("http://", "https://")):
        return joined  # mailto:, data:, javascript: and the like: not ours to rewrite
    return canonical_url(joined, _PAGE_ENCODING.get())


def redirect_url(url: str, location: bytes | str) -> str:
    """Where a redirect from ``url`` with this ``Location`` header leads, as Scrapy's redirect
    middleware computes it (raw UTF-8 bytes in the header are percent-encoded once).

    ``location`` as ``str`` holds the header's bytes decoded as latin-1 (how HTTP header
    values are read here).

    >>> redirect_url("https://example.com/a/", "/größte/".encode())
    'https://example.com/gr%C3%B6%C3%9Fte/'
    >>> redirect_url("https://example.com/a/", "//cdn.example.com/x")
    'https://cdn.example.com/x'
    """
    raw = location.encode("latin-1", "replace") if isinstance(location, str) else location
    target = safe_url_string(raw.strip())
    if raw.strip().startswith(b"//"):
        target = url.split(":", 1)[0] + "://" + target.lstrip("/")
    return canonical_url(urljoin(url, target))


def comparable_url(url: str) -> str:
    """``url`` in a form for telling whether two URLs name the same resource, never for a
    request: RFC 3986 §6.2.2 normalisation (percent-escapes in upper case, escapes of unreserved
    characters such as ``%7E`` decoded, dot segments removed, scheme and host in lower case),
    without the fragment, query arguments sorted (w3lib's ``canonicalize_url``).

    :func:`canonical_url` stays what Scrapy's ``Request`` makes of a URL (the URL requested
    and archived); two canonical URLs may still differ in spelling only, which this removes.

    >>> comparable_url("https://Example.com/caf%c3%a9/./%7Euser/a/../2/#top")
    'https://example.com/caf%C3%A9/~user/2/'
    >>> comparable_url("https://example.com/list/?") == comparable_url("https://example.com/list/")
    True
    """
    try:
        return canonicalize_url(url, keep_fragments=False)
    except ValueError:  # unparseable (a port out of range): compared as it is
        return url.split("#", 1)[0]
