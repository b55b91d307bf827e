"""The loopback listicle site the replay, WACZ and item-view tests crawl: 5 articles (two of them
spread over several pages) from the bench's site generator, each item photo a real JPEG that a
browser decodes (the generator's are random bytes), pages sent gzip-encoded to clients that ask
for it (as most servers do: a replay must undo or keep that encoding consistently).

``serve_listicle_site()`` yields the base URL; ``crawl_listicle_site(out)`` crawls it from its
sitemap into ``out`` with a real ``archiver crawl`` subprocess.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from PIL import Image

from bench.sitegen import site_files
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


@contextmanager
def serve_listicle_site() -> Iterator[str]:
    """The site on ``127.0.0.1:0``, always stopped: yields its base URL (``http://127.0.0.1:PORT``)."""
    files: dict[str, bytes] = {}

    def route(handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        body = files.get(path)
        if body is None:
            send(handler, 404, b"<html><body>not found</body></html>")
            return
        content_type = _content_type(path)
        accepts = handler.headers.get("Accept-Encoding", "")
        if content_type.startswith("text/html") and "gzip" in accepts:
            headers = [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
            send(handler, 200, gzip.compress(body, mtime=0), content_type, headers)
        else:
            send(handler, 200, body, content_type)

    with serve({"/*": route}) as base:
        files.update(site_pages(base))
        yield base


def article_urls(base: str) -> list[str]:
    """The first page of each of the site's articles, in sitemap order."""
    from bench.sitegen import article_paths

    return [f"{base}{path}" for path in article_paths(ARTICLE_COUNT)]


def crawl_listicle_site(base: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``archiver crawl --sitemap`` of the site into ``out`` (article pages only: depth 0),
    asserting it exits 0."""
    command = loopback_crawl(out, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0", *extra)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result
