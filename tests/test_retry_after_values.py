"""A Retry-After value that is no HTTP delay (a Unicode digit such as "²", sent as the latin-1
byte 0xB2, or Arabic-Indic digits) is ignored: the retry waits its ordinary backoff, and the
crawl retries and gets the page instead of failing on the header."""

from __future__ import annotations

import json
import subprocess
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.crawl_command import loopback_crawl
from tests.fault_server import listicle_html, robots_allow_all, send, serve


@pytest.mark.parametrize("value", ["\u00b2", "\u00b3\u00b9", " \u00b2 "])
def test_a_retry_after_of_non_ascii_digits_still_retries(tmp_path: Path, value: str) -> None:
    tries: list[str] = []

    def busy_once(handler: BaseHTTPRequestHandler) -> None:
        tries.append(handler.path)
        if len(tries) == 1:
            handler.send_response(503)
            handler.send_header("Content-Length", "4")
            handler.send_header("Retry-After", value)  # latin-1 on the wire: byte 0xB2...
            handler.end_headers()
            handler.wfile.write(b"busy")
        else:
            send(handler, 200, listicle_html("3 Patient Things", range(1, 4)))

    out = tmp_path / "out"
    with serve({"/robots.txt": robots_allow_all(), "/wait/": busy_once}) as base:
        result = subprocess.run(
            loopback_crawl(out, base + "/wait/", "--depth", "0", "--set", "RETRY_TIMES=2"),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ValueError" not in result.stderr
    assert len(tries) == 2
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert [article["title"] for article in articles] == ["3 Patient Things"]
