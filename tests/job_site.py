"""A loopback listicle site for the job tests, with editions and a hold: tests/listicle_site.py's
five articles (edition 1); edition 2 = one article's item 4 caption edited and a sixth article
in the sitemap, everything else byte-identical. ``hold`` makes requests whose path starts with
a prefix wait until released, and says when the first arrives (``seen``)."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from bench.sitegen import _article_pages, article_paths
from tests.fault_server import send, serve
from tests.listicle_site import PAGE_KB, _content_type, photo_jpeg, site_pages

EDITED_ARTICLE = "/a/00001-things/"
NEW_ARTICLE = "/a/00005-things/"
NEW_CAPTION = "This caption was rewritten for the second edition of the site."


def _sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
    return gzip.compress(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(), mtime=0
    )


def edition_two(base: str) -> dict[str, bytes]:
    files = site_pages(base)
    html = files[EDITED_ARTICLE].decode()
    start = html.index("<p>", html.index("<h2>4. ")) + len("<p>")
    end = html.index("</p>", start)
    files[EDITED_ARTICLE] = (html[:start] + NEW_CAPTION + html[end:]).encode()
    for path, body in _article_pages(5, 6, PAGE_KB):
        files[path] = body
        for image in {part.split('"', 1)[0] for part in body.decode().split('<img src="')[1:]}:
            files[image] = photo_jpeg(image)
    files["/sitemap.xml.gz"] = _sitemap(base, article_paths(6))
    return files


class JobSite:
    """The served files (``files``, replaceable between runs), the paths asked for, the hold."""

    def __init__(self) -> None:
        self.base = ""
        self.files: dict[str, bytes] = {}
        self.statuses: dict[str, int] = {}  # path -> an error status to answer instead
        self.redirects: dict[str, str] = {}  # path -> where a 301 sends it instead
        self.hold_prefix: str | None = None
        self.seen = threading.Event()
        self.release = threading.Event()

    def edition(self, number: int) -> None:
        self.files = site_pages(self.base) if number == 1 else edition_two(self.base)

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        if self.hold_prefix is not None and path.startswith(self.hold_prefix):
            self.seen.set()
            self.release.wait(120)  # released by the test (or given up on, never answered late)
        if path in self.redirects:
            handler.send_response(301)
            handler.send_header("Location", self.base + self.redirects[path])
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if path in self.statuses:
            send(handler, self.statuses[path], b"<html><body>error</body></html>")
            return
        body = self.files.get(path)
        if body is None:
            send(handler, 404, b"<html><body>not found</body></html>")
            return
        send(handler, 200, body, _content_type(path))


@contextmanager
def serve_job_site(edition: int = 1) -> Iterator[JobSite]:
    site = JobSite()
    with serve({"/*": site.route}) as base:
        site.base = base
        site.edition(edition)
        try:
            yield site
        finally:
            site.release.set()
