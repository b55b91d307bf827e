"""Response heads as large as browsers accept are read, archived and parsed (a 100 KB
``Content-Security-Policy`` line, two hundred headers); a head past the limit fails once, with a
reason that says so, instead of a dropped connection retried four times."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.handler import MAX_HEAD_BYTES
from archiver.crawl.summary import read_run
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import listicle_html
from tests.raw_server import Reply, serve_raw

PAGE = listicle_html("5 Headers Worth Reading", range(1, 6))


def _page_with(header_lines: bytes) -> Reply:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + header_lines
    return Reply(head + b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE)


POLICY = b"Content-Security-Policy: " + b"script-src 'self' https://static.example; " * 2400 + b"\r\n"
MANY = b"".join(b"X-Trace-%d: %s\r\n" % (n, b"t" * 500) for n in range(200))
ROUTES = {
    "/policy/": _page_with(POLICY),
    "/many/": _page_with(MANY),
    "/huge/": _page_with(b"Link: " + b"</a.css>; rel=preload, " * (MAX_HEAD_BYTES // 20) + b"\r\n"),
    "/huge-many/": _page_with(MANY * 3),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("heads") / "out"
    with serve_raw(ROUTES) as server:
        seeds = [server.base + path for path in ROUTES]
        result = subprocess.run(
            loopback_crawl(out, *seeds, "--depth", "0"),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 2, result.stderr  # partial: a head past the limit fails
    yield {"out": out, "base": server.base, "requested": server.requested}


def test_heads_browsers_accept_are_archived_and_parsed(crawled: dict[str, Any]) -> None:
    out, base = crawled["out"], crawled["base"]
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["url"] for line in lines) == [base + "/many/", base + "/policy/"]
    heads = {}
    for warc in (out / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit"):  # the same page twice: one revisit
                    heads[record.rec_headers.get_header("WARC-Target-URI")] = record.http_headers
    policy = heads[base + "/policy/"].get_header("Content-Security-Policy")
    assert policy is not None and len(policy) > 100_000
    assert heads[base + "/many/"].get_header("X-Trace-199") == "t" * 500
    check = subprocess.run(
        [str(BIN / "warcio"), "check", *map(str, (out / "warc").glob("*.warc.gz"))], check=False
    )
    assert check.returncode == 0


def test_a_head_past_the_limit_fails_once_with_its_reason(crawled: dict[str, Any]) -> None:
    base = crawled["base"]
    summary = read_run(crawled["out"])
    errors = {error["url"]: error["error"] for error in summary["errors"]}
    reason = f"ResponseHeadTooLarge: response head over {MAX_HEAD_BYTES} bytes, more than browsers accept"
    assert errors == {base + "/huge/": reason, base + "/huge-many/": reason}
    assert crawled["requested"].count("/huge/") == crawled["requested"].count("/huge-many/") == 1
