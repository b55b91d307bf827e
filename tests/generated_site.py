"""The bench's generated listicle site served on loopback, and the sitemap crawl of it that
several tests run (crash and resume, the seed window)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, send


def _content_type(path: str) -> str:
    if path.endswith(".jpg"):
        return "image/jpeg"
    if path.endswith(".gz"):
        return "application/gzip"
    return "text/html"


def site_routes(
    files: dict[str, bytes],
    latency: float,
    around: Callable[[str, Callable[[], None]], None] | None = None,
) -> dict[str, Route]:
    """Serve ``files`` by path, each answer after ``latency`` seconds (so that requests overlap
    and kills land mid-crawl). ``around(path, answer)``, if given, runs each answer."""

    def route(handler: Any) -> None:
        path = handler.path.split("?", 1)[0]

        def answer() -> None:
            time.sleep(latency)
            body = files.get(path)
            if body is None:
                send(handler, 404, b"<html><body>404</body></html>")
            else:
                send(handler, 200, body, _content_type(path))

        if around is None:
            answer()
        else:
            around(path, answer)

    return {"/*": route}


def sitemap_crawl_command(base: str, out: Path, *extra: str) -> list[str]:
    """``archiver crawl`` of the site's sitemap, article pages only (depth 0), no throttling."""
    return loopback_crawl(out, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0", *extra)
