"""Recommendations are followed only within the seeds' sites and the --allow-domain hosts, by
Scrapy's OffsiteMiddleware rule (archiver.crawl.offsite), although page requests bypass that
middleware (dont_filter). The rebuild of a rerun's frontier from the WARCs uses the same rule.
Next pages and photos are not subject to it: a photo on another host is still archived."""

from __future__ import annotations

import subprocess
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from archiver.crawl.frontier import FrontierPlanner
from archiver.crawl.offsite import on_site_rule
from archiver.crawl.summary import read_run
from bench.sitegen import jpeg
from tests.crawl_command import loopback_crawl
from tests.dns_server import dns_server
from tests.fault_server import Route, send, serve
from tests.test_crash_resume import TIMEOUT

ELSEWHERE = ("localhost", "other.test", "nowhere.test")  # other.test resolves; nowhere.test not


def _listicle(title: str, related: list[str], photo: str) -> bytes:
    items = "".join(
        f"<h2>{n}. Thing number {n} of {title}</h2>"
        f'<figure><img src="{photo}?{n}" alt="thing {n}" width="800" height="533"></figure>'
        f"<p>What thing {n} is, told at the length a reader expects of a listicle.</p>"
        for n in range(1, 4)
    )
    links = "".join(f'<li><a href="{url}">Another read you will like</a></li>' for url in related)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>3 {title}</title></head>"
        f"<body><main><article><h1>3 {title}</h1><div class='entry-content'>{items}</div></article>"
        f"<section class='related'><h3>Related posts</h3><ul>{links}</ul></section></main></body></html>"
    ).encode()


class Site:
    """The seed on 127.0.0.1 recommends a page on its own host and one on each host of
    ELSEWHERE (same port); its photos are on localhost. ``requests``: (Host, path) seen."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.port = 0

    def routes(self) -> dict[str, Route]:
        return {"/*": self._answer}

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        host = (handler.headers.get("Host") or "").rsplit(":", 1)[0]
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.requests.append((host, path))
        if path == "/robots.txt":
            send(handler, 200, b"User-agent: *\nAllow: /\n", "text/plain")
        elif path.startswith("/img/"):
            send(handler, 200, jpeg(path, 200), "image/jpeg")
        elif path == "/seed/":
            related = ["/own/", *(f"http://{name}:{self.port}/from-{name}/" for name in ELSEWHERE)]
            send(handler, 200, _listicle("Seed Things", related, f"http://localhost:{self.port}/img/a.jpg"))
        else:
            send(handler, 200, _listicle(f"Things at {path.strip('/')}", [], "/img/b.jpg"))

    def pages(self) -> set[tuple[str, str]]:
        return {(host, path) for host, path in self.requests if path not in ("/robots.txt",)}


def _crawl(site: Site, base: str, dns: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = loopback_crawl(out, f"{base}/seed/", "--set", f"ARCHIVER_DNS_SERVERS={dns}", *extra)
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def test_recommendations_to_other_hosts_are_not_fetched_unless_allowed(tmp_path: Path) -> None:
    site = Site()
    # The crawl's resolver asks this server only (no hosts file): localhost is answered here too.
    answers = {"other.test": "127.0.0.1", "localhost": "127.0.0.1"}
    with serve(site.routes()) as base, dns_server(lambda name, asked: answers.get(name)) as (dns, log):
        site.port = int(base.rsplit(":", 1)[1])
        out = tmp_path / "out"
        first = _crawl(site, base, dns, out)
        assert first.returncode == 0, first.stderr[-3000:]
        # The seed, its own site's recommendation and the photos on localhost (any host).
        assert {path for host, path in site.pages() if not path.startswith("/img/")} == {"/seed/", "/own/"}
        assert ("localhost", "/img/a.jpg") in site.pages()
        # other.test and nowhere.test were not even looked up (localhost: for the photos).
        assert {name for name, _ in log.answers} == {"localhost"}
        run = read_run(out)
        assert run["articles"] == 2 and run["errors"] == []

        # Again into the same --out: the frontier rebuilt from the WARCs holds no offsite page.
        site.requests.clear()
        again = _crawl(site, base, dns, out)
        assert again.returncode == 0, again.stderr[-3000:]
        assert site.pages() == set()
        assert {name for name, _ in log.answers} == {"localhost"}

        # Allowed: localhost's page is followed (the port is not part of the rule), and the
        # names not allowed stay unfetched.
        site.requests.clear()
        allowed = _crawl(site, base, dns, tmp_path / "allowed", "--allow-domain", "localhost")
        assert allowed.returncode == 0, allowed.stderr[-3000:]
        pages = {path for host, path in site.pages() if not path.startswith("/img/")}
        assert pages == {"/seed/", "/own/", "/from-localhost/"}
        assert ("localhost", "/from-localhost/") in site.pages()
        assert {name for name, _ in log.answers} <= {"localhost"}


def test_the_frontier_rebuild_follows_the_same_rule() -> None:
    """A rerun's planner schedules, and counts for --max-pages, only the links the crawl follows."""
    follows = on_site_rule(["127.0.0.1", "allowed.test"])
    planner = FrontierPlanner(
        depth=1, hops={"http://127.0.0.1:8000/seed/": 0}, settle=lambda url: (url, False), follows=follows
    )
    links = [
        "http://127.0.0.1:8000/own/",
        "http://localhost:8000/x/",
        "http://cdn.allowed.test/y/",
        "http://allowed.test.evil.test/z/",
        "http://127.0.0.1.example/w/",
    ]
    planner.page_parsed("http://127.0.0.1:8000/seed/", links)
    assert planner.pages_to_fetch() == [("http://127.0.0.1:8000/own/", 1), ("http://cdn.allowed.test/y/", 1)]
