"""Which answers the crawl follows as redirects, where to, and when it stops following: one rule
for the crawl's redirect middlewares (``archiver.crawl.redirects``) and for the WARC reader
(``WarcIndex.resolve_path``), so a chain reached through redirects ends the same way in both.

Scrapy's RedirectMiddleware rules, kept: only 301, 302, 303, 307 and 308 redirect, to the
``Location`` resolved against the request URL (:func:`archiver.urls.redirect_url`), and only to
http(s); at most ``REDIRECT_MAX_TIMES`` hops (redirects and followed meta refreshes together),
the next one is refused with Scrapy's "max redirections reached". Changed:

- An empty ``Location`` is no redirect (Scrapy resolves it to the request URL and fetches that
  URL ten times before giving up); the answer fails as the status it is, like a 3xx without
  ``Location``: ``HTTP 302``.
- A hop to a URL the request already reached twice is a loop, refused at once ("redirect loop
  (URL)") instead of after ten fetches. Twice and not once: a server that sets a cookie and
  redirects to the same URL (a cookie check) answers the second request with the page.

Pure: no Scrapy import.
"""

from __future__ import annotations

from collections.abc import Sequence

from archiver.urls import comparable_url, redirect_url

#: The statuses Scrapy's RedirectMiddleware follows (with a ``Location``).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Scrapy's REDIRECT_MAX_TIMES as the crawl sets it (settings.py).
MAX_REDIRECTS = 10
#: How often one request's redirects may reach the same URL (see the module docstring).
MAX_VISITS = 2
#: How the spider words a request a downloader middleware dropped (``IgnoreRequest``).
IGNORED = "IgnoreRequest: "
TOO_MANY_REDIRECTS = "max redirections reached"  # Scrapy's words


def redirect_target(url: str, status: int, location: str | bytes | None) -> str | None:
    """The URL a response to ``url`` redirects to, or None when the crawl does not follow it
    (another status, no or an empty ``Location``, a target that is not http(s)).

    ``location``: the last ``Location`` header's value (``str``: its bytes read as latin-1).

    >>> redirect_target("http://a.test/x/", 301, "/y/")
    'http://a.test/y/'
    >>> redirect_target("http://a.test/x/", 300, "/y/") is None
    True
    >>> redirect_target("http://a.test/x/", 302, b" ") is None
    True
    """
    if status not in REDIRECT_STATUSES or location is None:
        return None
    if not location.strip():
        return None
    target = redirect_url(url, location)
    if not target.startswith(("http://", "https://")):
        return None
    return target


def status_failure_reason(status: int, location: str | bytes | None) -> str:
    """How a page whose answer is neither a success nor a followed redirect fails: ``HTTP 404``,
    ``HTTP 300: redirect to /x/ not followed``.

    >>> status_failure_reason(305, "/proxy/")
    'HTTP 305: redirect to /proxy/ not followed'
    >>> status_failure_reason(301, None)
    'HTTP 301'
    """
    reason = f"HTTP {status}"
    if isinstance(location, bytes):
        location = location.decode("latin-1")
    if 300 <= status < 400 and location:
        reason += f": redirect to {location} not followed"
    return reason


def refused_hop(chain: Sequence[str], target: str, max_redirects: int = MAX_REDIRECTS) -> str | None:
    """Why the crawl does not follow a redirect (or meta refresh) to ``target``, or None.

    ``chain``: the URLs the request went through so far, the first one asked for first and the
    one whose answer redirects last.

    >>> refused_hop(["http://a.test/x/"], "http://a.test/x/") is None  # a cookie check
    True
    >>> refused_hop(["http://a.test/x/", "http://a.test/x/"], "http://a.test/x/")
    'redirect loop (http://a.test/x/)'
    """
    if len(chain) > max_redirects:
        return TOO_MANY_REDIRECTS
    reached = comparable_url(target)
    if sum(comparable_url(url) == reached for url in chain) >= MAX_VISITS:
        return f"redirect loop ({target})"
    return None
