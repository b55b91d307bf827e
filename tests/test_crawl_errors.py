"""Errors during a crawl (HTTP 500, timeouts, 404) are recorded and never stop it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import listicle_html, page, robots_allow_all, serve, stall, status

BIN = Path(sys.executable).parent


def test_failed_pages_are_recorded_and_healthy_articles_still_archived(tmp_path: Path) -> None:
    routes = {
        "/robots.txt": robots_allow_all(),
        "/broken/": page(listicle_html("5 Things That Break", range(1, 4), "/broken/2/")),
        "/broken/2/": status(500),
        "/stall/": page(listicle_html("5 Slow Things", range(1, 4), "/stall/2/")),
        "/stall/2/": stall(5.0),
        "/healthy/": page(listicle_html("3 Healthy Things", range(1, 4))),
    }
    out = tmp_path / "out"
    with serve(routes) as base:
        result = subprocess.run(
            loopback_crawl(
                out,
                *[f"{base}{path}" for path in ("/broken/", "/stall/", "/healthy/", "/missing/")],
                *["--set", "DOWNLOAD_TIMEOUT=1", "--set", "RETRY_TIMES=1"],
            ),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert result.returncode == 2, result.stderr  # partial: some seeds failed
    summary = read_run(out)
    assert summary["finish_reason"] == "finished"
    errors = {error["url"].removeprefix(base): error["error"] for error in summary["errors"]}
    assert errors["/broken/2/"] == "HTTP 500"
    assert errors["/missing/"] == "HTTP 404"
    assert "Timeout" in errors["/stall/2/"]
    articles = {
        json.loads(line)["url"].removeprefix(base): json.loads(line)
        for line in (out / "articles.jsonl").read_text().splitlines()
    }
    assert articles["/healthy/"]["complete"] is True
    broken = articles["/broken/"]
    assert broken["complete"] is False
    assert broken["failed_pages"] == [{"url": f"{base}/broken/2/", "reason": "HTTP 500"}]
    assert f"page 2 failed: HTTP 500 ({base}/broken/2/)" in broken["warnings"]
    assert "Timeout" in articles["/stall/"]["failed_pages"][0]["reason"]
    # Both 500 responses (the first try and the retry) are in the WARC: they are what happened.
    listing = subprocess.run(
        [
            str(BIN / "warcio"),
            "index",
            "-f",
            "warc-type,warc-target-uri,http:status",
            *map(str, (out / "warc").glob("*.warc.gz")),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert listing.count(f'"warc-target-uri": "{base}/broken/2/", "http:status": "500"') == 2
    # The round trip holds with failures too: the timeout is a fetch-error metadata record.
    extracted = subprocess.run(
        [str(BIN / "archiver"), "extract", *map(str, sorted((out / "warc").glob("*.warc.gz")))],
        capture_output=True,
        check=True,
    ).stdout
    assert extracted == (out / "articles.jsonl").read_bytes()
