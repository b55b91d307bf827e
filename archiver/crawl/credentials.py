"""Credentials given in a seed URL (``http://user:pw@host/``): sent, never written.

Scrapy does not turn a URL's userinfo into an ``Authorization`` header (its HttpAuthMiddleware
reads settings only), and its HTTP/1.1 handler refuses such a URL ("invalid hostname"), naming
the password in the error. So the seed is split: the URL without userinfo is what the crawl
requests, records and writes as WARC-Target-URI; the user name and password become HTTP Basic
credentials for requests to the seed's origin (scheme, host and port), as a browser or curl
sends them; several seeds of one origin with different credentials each cover their own folder
(:class:`SeedCredentials` states the rule). The header is added here, after the scheduler, and
taken off a request queued again, so no queue (no JOBDIR on disk) holds it; the WARC writer
redacts it in request records unless ARCHIVER_RECORD_SECRETS.

A redirect whose ``Location`` carries userinfo is followed without it (the response record
keeps the header as the server sent it), and so is any other request whose URL carries some:
no URL with a password reaches the downloader or the log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from w3lib.http import basic_auth_header

from archiver.crawl.redirects import RuleRedirectMiddleware
from archiver.urls import canonical_url, redacted_url, split_credentials

SEED_CREDENTIALS_ATTRIBUTE = "seed_credentials"
logger = logging.getLogger(__name__)
# Request meta: the Authorization header was added here, from seed credentials. A request that
# goes back to the scheduler (a retry, a redirect) loses it there, so that no queue (and no
# JOBDIR on disk) holds a password; it is added again when the request is downloaded.
ADDED_AUTHORIZATION = "archiver_added_authorization"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


class SeedCredentials:
    """Basic credentials named in seed URLs, and which requests carry them.

    The rule: on the origin (scheme, host, port) of a seed that names credentials, a request
    whose path lies at or below that seed's directory (its path up to the last "/", the
    protection space RFC 7617 section 2.2 lets a client assume) gets that seed's credentials,
    the deepest such directory winning; any other request to the origin (a recommendation
    elsewhere on the site, a photo) gets the credentials of the origin's first seed that names
    some. Requests to other origins get none. Seeds of one origin naming different credentials
    are allowed (one per section of a site) and logged as a warning, as the rule decides then.
    """

    def __init__(self) -> None:
        self._by_origin: dict[str, list[tuple[str, bytes]]] = {}  # origin -> (directory, header)

    def add(self, seed: str, user: str, password: str) -> None:
        """Credentials named by ``seed`` (canonical, without userinfo)."""
        directory = urlsplit(seed).path.rpartition("/")[0] + "/"
        grants = self._by_origin.setdefault(_origin(seed), [])
        header = basic_auth_header(user, password)
        if any(known != header for _, known in grants):
            logger.warning(
                "seeds on %s name different credentials: each applies under its seed's folder, "
                "the first elsewhere on the site",
                _origin(seed),
            )
        grants.append((directory, header))

    def header_for(self, url: str) -> bytes | None:
        """The ``Authorization`` value for a request to ``url``, or None.

        >>> credentials = SeedCredentials()
        >>> credentials.add("http://a.example/club/list/", "ann", "1")
        >>> credentials.add("http://a.example/club/list/vip/x", "bob", "2")
        >>> paths = ("/club/list/2/", "/club/list/vip/y", "/")
        >>> [credentials.header_for(f"http://a.example{path}") for path in paths]
        [b'Basic YW5uOjE=', b'Basic Ym9iOjI=', b'Basic YW5uOjE=']
        >>> credentials.header_for("https://a.example/club/list/") is None
        True
        """
        grants = self._by_origin.get(_origin(url))
        if not grants:
            return None
        path = urlsplit(url).path or "/"
        best: tuple[str, bytes] | None = None
        for directory, header in grants:
            if path.startswith(directory) and (best is None or len(directory) > len(best[0])):
                best = (directory, header)
        return (best or grants[0])[1]

    def __bool__(self) -> bool:
        return bool(self._by_origin)


def seeds_and_credentials(urls: Iterable[str]) -> tuple[list[str], SeedCredentials]:
    """Seeds in canonical form without userinfo, and the credentials they name.

    >>> seeds, credentials = seeds_and_credentials(["http://me:pw@example.com/a b/", "https://example.org/"])
    >>> seeds, credentials.header_for("http://example.com/a%20b/2/")
    (['http://example.com/a%20b/', 'https://example.org/'], b'Basic bWU6cHc=')
    """
    seeds: list[str] = []
    credentials = SeedCredentials()
    for url in urls:
        bare, userinfo = split_credentials(url)
        seed = canonical_url(bare)
        if userinfo is not None:
            credentials.add(seed, *userinfo)
        seeds.append(seed)
    return seeds, credentials


class SeedCredentialsMiddleware:
    """Downloader middleware: seed credentials on requests to their origin, userinfo off every
    URL. The spider holds the credentials (``spider.seed_credentials``, :class:`SeedCredentials`)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeedCredentialsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> Request | None:
        bare = redacted_url(request.url)
        if bare != request.url:
            return request.replace(url=bare)  # scheduled again, without the userinfo
        credentials: SeedCredentials | None = getattr(self.crawler.spider, SEED_CREDENTIALS_ATTRIBUTE, None)
        header = credentials.header_for(request.url) if credentials else None
        if header is not None and b"Authorization" not in request.headers:
            request.headers[b"Authorization"] = header
            request.meta[ADDED_AUTHORIZATION] = True
        return None


def strip_added_credentials(request: Request) -> None:
    """Remove (in place) an Authorization header that :class:`SeedCredentialsMiddleware` added,
    before ``request`` is queued again; one the spider set itself stays."""
    if request.meta.pop(ADDED_AUTHORIZATION, False):
        request.headers.pop(b"Authorization", None)


class UserinfoFreeRedirectMiddleware(RuleRedirectMiddleware):
    """The crawl's redirects (:mod:`archiver.crawl.redirects`), minus userinfo in the target:
    Scrapy logs the redirect's URL before any later middleware could strip it."""

    def _build_redirect_request(
        self, source_request: Request, response: Response, *, url: str, **kwargs: Any
    ) -> Request:
        request: Request = super()._build_redirect_request(
            source_request, response, url=redacted_url(url), **kwargs
        )
        return request
