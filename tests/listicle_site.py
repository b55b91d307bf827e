"""The loopback listicle site the replay, WACZ, item-view and incremental-job tests crawl: 5 articles
(two of them spread over several pages) from the bench's site generator, each item photo a real
JPEG that a browser decodes (the generator's are random bytes), pages sent gzip-encoded to clients
that ask for it (as most servers do: a replay must undo or keep that encoding consistently).

Every answer carries an ``ETag`` and a ``Last-Modified``, and a conditional request whose
validator matches gets a ``304`` (RFC 9110 §13: ``If-None-Match`` wins over ``If-Modified-Since``).
The site has two editions: edition 2 (a week later) edits item 4's caption of one article
(``EDITED_ARTICLE``) and adds a 6th article (``NEW_ARTICLE``), in the sitemap and linked from the
edited page; every other file is byte-identical, with the same validators.

``serve_listicle_site()`` yields the base URL; ``listicle_site()`` yields a ``ListicleSite`` whose
``edition`` can be switched between crawls and whose ``log`` lists every request it answered;
``crawl_listicle_site(out)`` crawls it from its sitemap into ``out`` with a real ``archiver crawl``
subprocess.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import math
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from PIL import Image

from bench.sitegen import _article_pages, article_paths, site_files
from tests.crawl_command import loopback_crawl
from tests.fault_server import send, serve

ARTICLE_COUNT = 5
PAGE_KB = 6  # pages of a few KB: the tests look at them, they do not measure them


@cache
def photo_jpeg(path: str) -> bytes:
    """A small decodable JPEG unique to ``path``: its size and colour come from the path's hash,
    so every photo differs (no two items share a payload digest)."""
    digest = hashlib.sha256(path.encode()).digest()
    width, height = 64 + digest[0] % 64, 48 + digest[1] % 48
    image = Image.new("RGB", (width, height), (digest[2], digest[3], digest[4]))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def site_pages(base: str) -> dict[str, bytes]:
    """Every file of the site by path (sitemap locations are absolute, hence ``base``)."""
    files = dict(site_files(ARTICLE_COUNT, base, page_kb=PAGE_KB))
    return {path: photo_jpeg(path) if path.endswith(".jpg") else body for path, body in files.items()}


def _content_type(path: str) -> str:
    if path.endswith(".jpg"):
        return "image/jpeg"
    if path.endswith(".gz"):
        return "application/gzip"
    if path.endswith(".txt"):
        return "text/plain"
    return "text/html; charset=utf-8"


EDITED_ARTICLE = "/a/00001-things/"  # edition 2 rewrites item 4's caption (a one-page article)
NEW_ARTICLE = "/a/00005-things/"  # edition 2's 6th article
EDITED_SUFFIX = " Edited a week later: the caption was rewritten."
EDITION_1_MODIFIED = 1_790_000_000.0  # Last-Modified of every edition-1 file (2026-09-21, UTC)


def _edit_item_4(html: bytes) -> bytes:
    """Edition 2 of the edited article: item 4's caption (its paragraph) extended, and a link to
    the new article among the related posts."""
    text = html.decode()
    heading = text.index("<h2>4. ")
    paragraph_end = text.index("</p>", heading)
    text = text[:paragraph_end] + EDITED_SUFFIX + text[paragraph_end:]
    related = text.index("<section class='related'><h3>Related posts</h3><ul>") + len(
        "<section class='related'><h3>Related posts</h3><ul>"
    )
    text = text[:related] + f'<li><a href="{NEW_ARTICLE}">Just published</a></li>' + text[related:]
    return text.encode()


def site_edition(base: str, edition: int) -> dict[str, bytes]:
    """Every file of edition 1 or 2 by path (see the module docstring for what edition 2 changes)."""
    files = site_pages(base)
    if edition == 1:
        return files
    files[EDITED_ARTICLE] = _edit_item_4(files[EDITED_ARTICLE])
    # The 6th article from the same generator; the site's other pages keep their related links
    # (generated for 5 articles), so they stay byte-identical.
    for path, body in _article_pages(ARTICLE_COUNT, ARTICLE_COUNT + 1, PAGE_KB):
        files[path] = body
        for image in {part.split('"', 1)[0] for part in body.decode().split('<img src="')[1:]}:
            files[image] = photo_jpeg(image)
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in article_paths(ARTICLE_COUNT + 1))
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    files["/sitemap.xml.gz"] = gzip.compress(sitemap.encode(), mtime=0)
    return files


@dataclass(frozen=True)
class LoggedRequest:
    """One request the site answered: its conditional headers (None when absent), the status sent
    and the body bytes sent (0 for a 304)."""

    method: str
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int
    body_bytes: int

    @property
    def conditional(self) -> bool:
        return self.if_none_match is not None or self.if_modified_since is not None


@dataclass
class ListicleSite:
    """The running site: ``base`` URL, the ``edition`` served (switch it between crawls),
    ``validators`` (False: no ETag/Last-Modified and never a 304, like servers that send none),
    ``lastmod`` (True: the sitemap gives each URL's ``<lastmod>``), and the request ``log``."""

    base: str
    edition: int = 1
    validators: bool = True
    lastmod: bool = False
    log: list[LoggedRequest] = field(default_factory=list)
    edition_2_modified: float = 0.0  # Last-Modified of edition 2's new and edited files
    hold_at: int | None = None  # hold the Nth request from now unanswered (see hold_request)
    held: threading.Event = field(default_factory=threading.Event)  # set once it is held
    _release: threading.Event = field(default_factory=threading.Event)
    _seen: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def hold_request(self, number: int | None) -> None:
        """Hold the ``number``-th request from now unanswered until :meth:`release` (a test
        kills the crawl while it waits; ``held`` says when); None: hold none."""
        self.release()
        with self._lock:
            self._seen, self.hold_at = 0, number
        self.held.clear()
        self._release.clear()

    def release(self) -> None:
        self._release.set()

    def _holds(self) -> bool:
        with self._lock:
            self._seen += 1
            hold = self._seen == self.hold_at
        if hold:
            self.held.set()
            self._release.wait(timeout=600)
        return hold

    def set_edition(self, edition: int) -> None:
        """Serve ``edition`` from now on; edition 2's changed files are dated one second past the
        next whole second, so they are newer than any capture made before the switch."""
        with self._lock:
            self.edition = edition
            self.edition_2_modified = float(math.ceil(time.time()) + 1)
            self.log.clear()

    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self.log)

    def files(self) -> dict[str, bytes]:
        return _site_files(self.base, self.edition)

    def modified(self, path: str) -> float:
        """The file's modification time (seconds since the epoch)."""
        if self.edition == 2 and path in _changed_paths(self.base):
            return self.edition_2_modified
        return EDITION_1_MODIFIED

    def record(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.log.append(entry)


@cache
def _site_files(base: str, edition: int) -> dict[str, bytes]:
    return site_edition(base, edition)


@cache
def _changed_paths(base: str) -> frozenset[str]:
    one, two = _site_files(base, 1), _site_files(base, 2)
    return frozenset(path for path, body in two.items() if one.get(path) != body)


def _etag(body: bytes, gzipped: bool) -> str:
    # A strong validator of the representation: the gzip variant has its own (as Apache's "-gzip").
    return f'"{hashlib.sha256(body).hexdigest()[:16]}{"-gz" if gzipped else ""}"'


def _not_modified(handler: BaseHTTPRequestHandler, etag: str, modified: float) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = handler.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if_modified_since = handler.headers.get("If-Modified-Since")
    if if_modified_since is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError):
        return False
    return int(modified) <= since


def _sitemap_with_lastmod(site: ListicleSite, body: bytes) -> bytes:
    text = gzip.decompress(body).decode()
    for path in article_paths(ARTICLE_COUNT + 1):
        stamp = datetime.fromtimestamp(site.modified(path), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        loc = f"<loc>{site.base}{path}</loc>"
        text = text.replace(loc, f"{loc}<lastmod>{stamp}</lastmod>")
    return gzip.compress(text.encode(), mtime=0)


def _answer(site: ListicleSite, handler: BaseHTTPRequestHandler) -> None:
    if site._holds():
        return  # never answered: the crawl is killed meanwhile
    path = handler.path.split("?", 1)[0]
    body = site.files().get(path)
    conditional = (handler.headers.get("If-None-Match"), handler.headers.get("If-Modified-Since"))
    if body is None:
        send(handler, 404, b"<html><body>not found</body></html>")
        site.record(LoggedRequest(handler.command, path, *conditional, 404, 35))
        return
    if path == "/sitemap.xml.gz" and site.lastmod:
        body = _sitemap_with_lastmod(site, body)
    content_type = _content_type(path)
    headers: list[tuple[str, str]] = []
    gzipped = content_type.startswith("text/html") and "gzip" in handler.headers.get("Accept-Encoding", "")
    if gzipped:
        headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        body = gzip.compress(body, mtime=0)
    if site.validators:
        etag, modified = _etag(body, gzipped), site.modified(path)
        headers += [("ETag", etag), ("Last-Modified", formatdate(modified, usegmt=True))]
        if _not_modified(handler, etag, modified):
            handler.send_response(304)
            for name, value in headers:
                if name != "Content-Encoding":  # a 304 describes the selected representation
                    handler.send_header(name, value)
            handler.end_headers()
            site.record(LoggedRequest(handler.command, path, *conditional, 304, 0))
            return
    send(handler, 200, body, content_type, headers)
    site.record(LoggedRequest(handler.command, path, *conditional, 200, len(body)))


@contextmanager
def listicle_site(
    edition: int = 1, *, validators: bool = True, lastmod: bool = False
) -> Iterator[ListicleSite]:
    """The site on ``127.0.0.1:0``, always stopped: yields the running ``ListicleSite``."""
    holder: list[ListicleSite] = []

    def route(handler: BaseHTTPRequestHandler) -> None:
        _answer(holder[0], handler)

    with serve({"/*": route}) as base:
        site = ListicleSite(base, validators=validators, lastmod=lastmod)
        if edition != 1:
            site.set_edition(edition)
        holder.append(site)
        try:
            yield site
        finally:
            site.release()  # a held request's thread ends with the server


@contextmanager
def serve_listicle_site(edition: int = 1) -> Iterator[str]:
    """The site on ``127.0.0.1:0``, always stopped: yields its base URL (``http://127.0.0.1:PORT``)."""
    with listicle_site(edition) as site:
        yield site.base


def article_urls(base: str, edition: int = 1) -> list[str]:
    """The first page of each of the site's articles, in sitemap order."""
    count = ARTICLE_COUNT + (1 if edition == 2 else 0)
    return [f"{base}{path}" for path in article_paths(count)]


def crawl_listicle_site(base: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``archiver crawl --sitemap`` of the site into ``out`` (article pages only: depth 0),
    asserting it exits 0."""
    command = loopback_crawl(out, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0", *extra)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result
