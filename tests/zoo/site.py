"""The zoo as a web site on 127.0.0.1:0: every case's pages (query-string URLs included), their
images, an index page linking every article, robots.txt and a sitemap; and the end-to-end crawl
of it with the real ``archiver crawl`` command."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape, unescape
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from archiver.crawl.summary import this_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import send, serve
from tests.zoo import build_zoo
from tests.zoo.score import ArticleScore, score_crawl
from tests.zoo.truth import Case, PageTruth

INDEX_KEY = "site/index"
_JPEG_HEAD = bytes.fromhex("ffd8ffe000104a46494600010100000100010000")


def jpeg(path: str) -> bytes:
    """A small JPEG-framed payload unique to ``path``."""
    return _JPEG_HEAD + random.Random(path).randbytes(600) + b"\xff\xd9"


def _headline(case: Case) -> str:
    page = case.pages[0]
    charset = "shift_jis" if "charset=utf-8" not in page.content_type else "utf-8"
    found = re.search(r'<meta property="og:title" content="([^"]*)"', page.html.decode(charset, "replace"))
    return unescape(found.group(1)) if found else case.key


def index_page(cases: list[Case]) -> bytes:
    """The home page: a teaser for every case (a non-listicle itself)."""
    teasers = "".join(
        f'<li class="teaser"><a href="{case.first_path}">{escape(_headline(case))}</a></li>' for case in cases
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>The Zoo Daily</title>'
        '<meta property="og:title" content="The Zoo Daily">'
        '<meta property="og:site_name" content="The Zoo Daily">'
        '</head><body><header class="site-header"><a class="logo" href="/">The Zoo Daily</a></header>'
        f'<main><h1>Latest stories</h1><ul class="teasers">{teasers}</ul></main>'
        "<footer><p>© The Zoo Daily</p></footer></body></html>\n"
    ).encode()


@dataclass
class ZooSite:
    base: str
    cases: list[Case]
    pages: dict[str, PageTruth]
    hits: dict[str, int]

    @property
    def sitemap_url(self) -> str:
        return f"{self.base}/sitemap.xml"


def _sitemap(base: str, cases: list[Case]) -> bytes:
    urls = [f"{base}/"] + [base + case.first_path for case in cases]
    body = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>\n'
    ).encode()


@contextmanager
def serve_zoo() -> Iterator[ZooSite]:
    """The zoo site on 127.0.0.1:0 for the duration of the block."""
    files: dict[str, tuple[bytes, str]] = {}
    site = ZooSite("", [], {}, {})

    def route(handler: BaseHTTPRequestHandler) -> None:
        path = handler.path  # with the query string: /a/?page=2 is its own page
        site.hits[path] = site.hits.get(path, 0) + 1
        found = files.get(path)
        if found is not None:
            send(handler, 200, found[0], found[1])
        elif path.startswith("/media/") and path.endswith((".jpg", ".webp")):
            send(handler, 200, jpeg(path), "image/jpeg")
        else:
            send(handler, 404, b"<!DOCTYPE html><html><body><h1>Not found</h1></body></html>")

    with serve({"/*": route}) as base:
        cases = build_zoo(base)
        site.base, site.cases = base, cases
        for case in cases:
            for page in case.pages:
                assert page.path not in files, f"two pages at {page.path}"
                files[page.path] = (page.html, page.content_type)
                site.pages[page.path] = page
        files["/"] = (index_page(cases), "text/html; charset=utf-8")
        files["/sitemap.xml"] = (_sitemap(base, cases), "application/xml")
        files["/robots.txt"] = (
            f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode(),
            "text/plain",
        )
        yield site


@dataclass
class CrawlResult:
    site: ZooSite
    articles: list[dict[str, Any]]
    crawl_summary: dict[str, Any]
    seconds: float


def crawl_zoo(out: Path, timeout: float = 300) -> CrawlResult:
    """Serve the zoo and run ``archiver crawl --sitemap ... --depth 0`` over it (a subprocess)."""
    import time

    with serve_zoo() as site:
        command = loopback_crawl(out, "--sitemap", site.sitemap_url, "--depth", "0")
        started = time.monotonic()
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        seconds = time.monotonic() - started
    if completed.returncode != 0:
        raise RuntimeError(f"crawl failed ({completed.returncode}):\n{completed.stderr[-4000:]}")
    articles_file = out / "articles.jsonl"
    lines = articles_file.read_text(encoding="utf-8").splitlines() if articles_file.exists() else []
    summary_file = out / "crawl.json"
    summary = this_run(json.loads(summary_file.read_text(encoding="utf-8"))) if summary_file.exists() else {}
    return CrawlResult(site, [json.loads(line) for line in lines if line.strip()], summary, seconds)


def crawl_scores(result: CrawlResult) -> list[ArticleScore]:
    """Every case's article, and the index page (which must give none)."""
    scores = score_crawl(result.site.cases, result.site.base, result.articles)
    index_found = any(article["url"] == f"{result.site.base}/" for article in result.articles)
    scores.append(ArticleScore(INDEX_KEY, False, index_found, 0, 0, 0, 0))
    return scores
