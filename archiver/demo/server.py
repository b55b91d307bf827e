"""A real HTTP/1.1 server for the bundled demo site, on 127.0.0.1 and a free port.

It behaves like the sites the crawler meets: gzip-encoded HTML when the client accepts it,
chunked transfer on article continuation pages, a redirect (``/nk``), 404 pages, a robots.txt,
JPEG images (one of them served under two URLs, to exercise WARC deduplication), and the WebP
files the slideshow's ``<picture><source type="image/webp">`` names (what a browser shows).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from importlib.abc import Traversable

from PIL import Image as PillowImage

# An 8x8 baseline JPEG; each image path gets its own COM segment so payloads differ by URL.
_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300140e0f120f0d14121012171514181e32211e1c1c1e3d"
    "2c2e243249404c4b47404645505a736250556d5645466488656d777b8182814e608d978c7d96737e817cffdb0043011517"
    "171e1a1e3b21213b7c5346537c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c"
    "7c7c7c7c7c7c7c7c7c7c7c7c7c7cffc00011080008000803012200021101031101ffc4001500010100000000000000000000"
    "000000000004ffc40014100100000000000000000000000000000000ffc40014010100000000000000000000000000000004"
    "ffc40014110100000000000000000000000000000000ffda000c03010002110311003f008403447fffd9"
)
ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"
REDIRECTS = {"/nk": "/25-pictures-north-korea/"}
SEED_PATHS = ("/nk", "/slideshow-7-bridges/")
ARTICLE_PATHS = ("/25-pictures-north-korea/", "/slideshow-7-bridges/", "/10-hiking-trails-ranked/")


def _sitemap_index(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-posts.xml.gz</loc></sitemap></sitemapindex>"
    ).encode()


def _sitemap_posts(base: str) -> bytes:
    entries = "".join(f"<url><loc>{base}{path}</loc></url>" for path in ARTICLE_PATHS)
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return gzip.compress(xml.encode(), mtime=0)


def _feed(base: str) -> bytes:
    items = "".join(f"<item><title>{path}</title><link>{base}{path}</link></item>" for path in ARTICLE_PATHS)
    channel = f"<channel><title>Demo</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


_SIZE_NAME = re.compile(r"(?:-\d+|@\dx)(?=\.(?:jpg|webp)$)")
# Side of the demo WebP images, in pixels.
_WEBP_SIDE = 8


def jpeg_for(path: str) -> bytes:
    """The demo image for a path. Size variants ("-400", "-1200", "@2x") are the same file, as
    on CDNs that serve one small upload under several size names: the crawl meets identical
    payloads under different URLs."""
    key = _SIZE_NAME.sub("", path).encode("utf-8")[:200]
    comment = b"\xff\xfe" + (len(key) + 2).to_bytes(2, "big") + key
    return _JPEG[:2] + comment + _JPEG[2:]


@lru_cache(maxsize=256)
def webp_for(path: str) -> bytes:
    """The demo WebP image for a path (lossless, ``_WEBP_SIDE`` pixels square, decodable by a
    browser). Its pixels come from the path's digest, so each path has its own payload; size
    variants share one, as with :func:`jpeg_for`."""
    key = _SIZE_NAME.sub("", path).encode("utf-8")
    pixels = hashlib.shake_256(key).digest(_WEBP_SIDE * _WEBP_SIDE * 3)
    picture = PillowImage.frombytes("RGB", (_WEBP_SIDE, _WEBP_SIDE), pixels)
    buffer = io.BytesIO()
    picture.save(buffer, format="WEBP", lossless=True)
    return buffer.getvalue()


def _site_root() -> Traversable:
    return resources.files("archiver") / "demo" / "site"


def _find_page(path: str) -> bytes | None:
    node = _site_root()
    parts = [part for part in path.split("/") if part]
    if any(part in {"..", "."} for part in parts):
        return None
    for part in parts:
        node = node / part
    if node.is_dir():
        node = node / "index.html"
        if not path.endswith("/"):
            return None
    return node.read_bytes() if node.is_file() else None


class DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ListicleDemo/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: tests and the demo print their own summary

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        base = f"http://{self.headers.get('Host', '127.0.0.1')}"
        if path == "/robots.txt":
            self._send(200, "text/plain", ROBOTS_TXT)
        elif path == "/sitemap.xml":
            self._send(200, "application/xml", _sitemap_index(base))
        elif path == "/sitemap-posts.xml.gz":
            self._send(200, "application/gzip", _sitemap_posts(base))
        elif path == "/feed.xml":
            self._send(200, "application/rss+xml", _feed(base))
        elif path in REDIRECTS:
            self._send(
                301,
                "text/html",
                b"<a href='%s'>moved</a>" % REDIRECTS[path].encode(),
                extra=[("Location", REDIRECTS[path])],
            )
        elif path.startswith(("/images/", "/img/")) and path.endswith(".jpg"):
            self._send(200, "image/jpeg", jpeg_for(path), extra=[("Cache-Control", "max-age=3600")])
        elif path.startswith(("/images/", "/img/")) and path.endswith(".webp"):
            self._send(200, "image/webp", webp_for(path), extra=[("Cache-Control", "max-age=3600")])
        else:
            page = _find_page(path)
            if page is None:
                body = b"<html><head><title>Not found</title></head><body><h1>404</h1></body></html>"
                self._send(404, "text/html; charset=utf-8", body)
            else:
                # Continuation pages arrive chunked, as from a streaming CMS.
                self._send(200, "text/html; charset=utf-8", page, chunked=path.rstrip("/").endswith("/2"))

    def _send(
        self,
        status: int,
        content_type: str,
        body: bytes,
        *,
        chunked: bool = False,
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        headers = [("Content-Type", content_type), *(extra or [])]
        if content_type.startswith("text/html") and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Set-Cookie", "demo_session=1; Path=/")
        self.send_header("Set-Cookie", "demo_consent=0; Path=/")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 4096):
                piece = body[start : start + 4096]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@contextmanager
def serve_demo_site() -> Iterator[str]:
    """Serve the demo site on 127.0.0.1:<free port>; yields the base URL; always stops the server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), DemoHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main() -> None:
    """``python -m archiver.demo.server``: serve until interrupted and print the address."""
    with serve_demo_site() as base_url:
        print(base_url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
