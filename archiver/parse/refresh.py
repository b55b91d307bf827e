"""The one rule for following ``<meta http-equiv="refresh">``: used by the crawl's downloader
middleware (``archiver.crawl.compression.MetaRefreshFollower``, in place of Scrapy's
MetaRefreshMiddleware) and by the WARC reader, so a next page reached through a meta refresh
is reached the same way in both flows.

Scrapy's rule, kept: only HTML responses to GET; the first 4096 characters of the decoded text
are read with w3lib's ``get_meta_refresh``, relative to the page's ``<base href>``; tags in
``METAREFRESH_IGNORE_TAGS`` (Scrapy's default: ``noscript``) are skipped; the refresh is
followed when its delay is under ``METAREFRESH_MAXDELAY`` seconds (default 100) and it leads to
http(s). Pure: no Scrapy import.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

from w3lib.encoding import html_to_unicode
from w3lib.html import get_base_url, get_meta_refresh

from archiver.urls import canonical_url, comparable_url

#: Scrapy's defaults (settings METAREFRESH_MAXDELAY and METAREFRESH_IGNORE_TAGS).
MAX_DELAY = 100
IGNORE_TAGS = ("noscript",)
_HEAD_CHARS = 4096  # how much text Scrapy reads for the refresh tag


def meta_refresh_target(
    body: bytes,
    url: str,
    content_type: str | None,
    *,
    max_delay: float = MAX_DELAY,
    ignore_tags: Sequence[str] = IGNORE_TAGS,
) -> str | None:
    """The absolute URL an HTML page refreshes to, when the refresh is followed; else None.

    ``body`` is the decoded HTML; ``content_type`` its header (for the charset).

    >>> meta_refresh_target(b'<meta http-equiv="refresh" content="0; url=/p2">', "http://a.test/p1", None)
    'http://a.test/p2'
    >>> meta_refresh_target(b'<meta http-equiv="refresh" content="300; url=/p2">', "http://a.test/", None)
    >>> meta_refresh_target(b'<meta http-equiv="refresh" content="5; url=/p1">', "http://a.test/p1", None)
    """
    encoding, text = html_to_unicode(content_type or "", body[: _HEAD_CHARS * 4])
    text = text[:_HEAD_CHARS]
    base = get_base_url(text, url, encoding)
    interval, target = get_meta_refresh(text, base, encoding, ignore_tags=ignore_tags)
    if target is None or interval is None or interval >= max_delay:
        return None
    if urlparse(target).scheme not in {"http", "https"}:
        return None
    target = canonical_url(target)  # the form requests and WARC lookups use
    if comparable_url(target) == comparable_url(url):
        # A page that refreshes itself (a news page reloading every minute) is that page, not
        # a redirect: Scrapy would fetch it again until "max redirections reached".
        return None
    return target
