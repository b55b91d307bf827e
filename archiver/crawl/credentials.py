"""Credentials given in a seed URL (``http://user:pw@host/``): sent, never written.

Scrapy does not turn a URL's userinfo into an ``Authorization`` header (its HttpAuthMiddleware
reads settings only), and its HTTP/1.1 handler refuses such a URL ("invalid hostname"), naming
the password in the error. So the seed is split: the URL without userinfo is what the crawl
requests, records and writes as WARC-Target-URI; the user name and password become HTTP Basic
credentials for requests to the seed's origin (scheme, host and port), as a browser or curl
sends them. The header is added here, after the scheduler, so a JOBDIR queue on disk never
holds it, and the WARC writer redacts it in request records unless ARCHIVER_RECORD_SECRETS.

A redirect whose ``Location`` carries userinfo is followed without it (the response record
keeps the header as the server sent it), and so is any other request whose URL carries some:
no URL with a password reaches the downloader or the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.http import Response
from w3lib.http import basic_auth_header

from archiver.urls import canonical_url, redacted_url, split_credentials

SEED_CREDENTIALS_ATTRIBUTE = "seed_credentials"
# Request meta: the Authorization header was added here, from seed credentials. A request that
# goes back to the scheduler (a retry, a redirect) loses it there, so that no queue (and no
# JOBDIR on disk) holds a password; it is added again when the request is downloaded.
ADDED_AUTHORIZATION = "archiver_added_authorization"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def seeds_and_credentials(urls: Iterable[str]) -> tuple[list[str], dict[str, bytes]]:
    """Seeds in canonical form without userinfo, and the Basic ``Authorization`` header value
    for each origin whose seed named credentials.

    >>> seeds_and_credentials(["http://me:pw@example.com/a b/", "https://example.org/"])
    (['http://example.com/a%20b/', 'https://example.org/'], {'http://example.com:80': b'Basic bWU6cHc='})
    """
    seeds: list[str] = []
    credentials: dict[str, bytes] = {}
    for url in urls:
        bare, userinfo = split_credentials(url)
        seed = canonical_url(bare)
        if userinfo is not None:
            credentials[_origin(seed)] = basic_auth_header(*userinfo)
        seeds.append(seed)
    return seeds, credentials


class SeedCredentialsMiddleware:
    """Downloader middleware: seed credentials on requests to their origin, userinfo off every
    URL. The spider holds the credentials (``spider.seed_credentials``: origin -> header)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeedCredentialsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> Request | None:
        bare = redacted_url(request.url)
        if bare != request.url:
            return request.replace(url=bare)  # scheduled again, without the userinfo
        credentials: dict[str, bytes] = getattr(self.crawler.spider, SEED_CREDENTIALS_ATTRIBUTE, {})
        header = credentials.get(_origin(request.url)) if credentials else None
        if header is not None and b"Authorization" not in request.headers:
            request.headers[b"Authorization"] = header
            request.meta[ADDED_AUTHORIZATION] = True
        return None


def strip_added_credentials(request: Request) -> None:
    """Remove (in place) an Authorization header that :class:`SeedCredentialsMiddleware` added,
    before ``request`` is queued again; one the spider set itself stays."""
    if request.meta.pop(ADDED_AUTHORIZATION, False):
        request.headers.pop(b"Authorization", None)


class UserinfoFreeRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, minus userinfo in the target: Scrapy logs the redirect's URL before
    any later middleware could strip it."""

    def _build_redirect_request(
        self, source_request: Request, response: Response, *, url: str, **kwargs: Any
    ) -> Request:
        request: Request = super()._build_redirect_request(
            source_request, response, url=redacted_url(url), **kwargs
        )
        return request
