"""A photo is captured only when its archived answer is a success (2xx after redirects). A photo
that answers an error status keeps that answer as its ``capture`` (provenance), but the article
is not ``media_complete``, the run records a failed photo (partial, exit 2), crawl.json counts
only captured photos, and the next run into the same --out asks again for a photo whose last
answer was a retryable status, not for one that answered 404 or 410."""

from __future__ import annotations

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from archiver.crawl.summary import read_summary
from bench.sitegen import jpeg
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, send, serve
from tests.test_crash_resume import TIMEOUT, check_extract_agrees

PHOTOS = ("/img/kept.jpg", "/img/gone.jpg", "/img/moved.jpg", "/img/busy.jpg", "/img/unavailable.jpg")
# Retries give up at once (no backoff to wait for); 500 and 503 stay retryable statuses.
NO_RETRY_WAIT = ["--set", "RETRY_TIMES=0", "--depth", "0"]


def _listicle() -> bytes:
    items = "".join(
        f"<h2>{n}. A view worth a photo, number {n}</h2>"
        f'<figure><img src="{path}" alt="view {n}" width="800" height="533"></figure>'
        f"<p>Why view {n} matters to anyone who walks past it on a grey morning.</p>"
        for n, path in enumerate(PHOTOS, start=1)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>5 Views You Should See</title></head><body><main><article>"
        f"<h1>5 Views You Should See</h1><div class='entry-content'>{items}</div>"
        "</article></main></body></html>"
    ).encode()


class PhotoServer:
    """The article and its photos. ``answers``: photo path -> status it answers now (changed
    between runs); /img/moved.jpg redirects to /img/gone-for-good.jpg, which answers 410.
    ``hits``: photo path -> requests seen."""

    def __init__(self) -> None:
        self.answers = {"/img/kept.jpg": 200, "/img/gone.jpg": 404, "/img/busy.jpg": 500}
        self.answers |= {"/img/unavailable.jpg": 503, "/img/gone-for-good.jpg": 410}
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()

    def routes(self) -> dict[str, Route]:
        return {
            "/robots.txt": lambda h: send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain"),
            "/views/": lambda h: send(h, 200, _listicle()),
            "/img/*": self._photo,
        }

    def _photo(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
        if path == "/img/moved.jpg":
            send(handler, 301, b"", headers=[("Location", "/img/gone-for-good.jpg")])
            return
        code = self.answers[path]
        body = jpeg(path, 300) if code == 200 else b"<html><body>no photo</body></html>"
        send(handler, code, body, "image/jpeg" if code == 200 else "text/html")


def _crawl(base: str, out: Path) -> subprocess.CompletedProcess[str]:
    command = loopback_crawl(out, f"{base}/views/", *NO_RETRY_WAIT)
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _article(out: Path) -> dict[str, Any]:
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert len(lines) == 1
    article: dict[str, Any] = json.loads(lines[0])
    return article


def _status_of(article: dict[str, Any]) -> dict[str, int | None]:
    return {
        "/" + image["url"].split("/", 3)[3]: (image["capture"] or {}).get("status")
        for item in article["items"]
        for image in item["images"]
    }


def test_photos_answering_errors_are_failed_kept_as_provenance_and_retried_if_retryable(
    tmp_path: Path,
) -> None:
    server = PhotoServer()
    out = tmp_path / "out"
    with serve(server.routes()) as base:
        first = _crawl(base, out)
        assert first.returncode == 2, first.stderr
        assert "partial crawl: 4 photos failed" in first.stderr
        article = _article(out)
        # Every answer is kept, error pages included (the redirect's target is what it ends in).
        assert _status_of(article) == {
            "/img/kept.jpg": 200,
            "/img/gone.jpg": 404,
            "/img/moved.jpg": 410,
            "/img/busy.jpg": 500,
            "/img/unavailable.jpg": 503,
        }
        assert article["media_complete"] is False
        assert article["crawl_stopped"] is False
        assert (
            "4 of 5 photos not captured: 4 failed (HTTP 404; HTTP 410; HTTP 500; 1 more reason)"
            in (article["warnings"])
        )
        summary = read_summary(out)
        assert summary is not None
        run = summary["run"]
        assert run["photos"] == 1 and summary["totals"]["photos"] == 1
        failed_photos = {e["url"].removeprefix(base) for e in run["errors"] if e["role"] == "image"}
        assert failed_photos == {
            "/img/gone.jpg",
            "/img/gone-for-good.jpg",
            "/img/busy.jpg",
            "/img/unavailable.jpg",
        }
        assert run["exit_code"] == 2
        check_extract_agrees(out, tmp_path)

        # The next run asks again for the photos whose answer was retryable (500, 503), not for
        # those that answered 404 or 410. The 500 one answers now; the 503 one still does not.
        before = dict(server.hits)
        server.answers["/img/busy.jpg"] = 200
        second = _crawl(base, out)
        assert second.returncode == 2, second.stderr  # the 503 photo failed again
        asked = {path: server.hits.get(path, 0) - before.get(path, 0) for path in server.hits}
        assert asked == {
            "/img/kept.jpg": 0,
            "/img/gone.jpg": 0,
            "/img/moved.jpg": 0,
            "/img/gone-for-good.jpg": 0,
            "/img/busy.jpg": 1,
            "/img/unavailable.jpg": 1,
        }
        article = _article(out)
        assert _status_of(article)["/img/busy.jpg"] == 200
        assert article["media_complete"] is False
        assert "3 of 5 photos not captured: 3 failed (HTTP 404; HTTP 410; HTTP 503)" in article["warnings"]
        summary = read_summary(out)
        assert summary is not None
        assert summary["run"]["photos"] == 2 and summary["totals"]["photos"] == 2
        check_extract_agrees(out, tmp_path)

        # Once no photo is left to retry, a run asks for nothing and writes nothing again.
        server.answers["/img/unavailable.jpg"] = 200
        assert _crawl(base, out).returncode == 0
        before = dict(server.hits)
        third = _crawl(base, out)
        assert third.returncode == 0, third.stderr
        assert server.hits == before
        summary = read_summary(out)
        assert summary is not None
        assert summary["run"]["articles"] == 0 and summary["totals"]["photos"] == 3
        check_extract_agrees(out, tmp_path)
