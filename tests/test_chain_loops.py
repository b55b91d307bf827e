"""Chains that loop and answers that redirect oddly end the same way in the crawl and in
``archiver extract``: a next page leading back to an earlier page of its article (by a
redirect, a chain of them, a meta refresh, another spelling of the URL, the same payload under
another URL) stops the chain with one reason; a redirect to itself is refused at its second
visit, not after ten fetches; a 3xx that is no usable redirect fails as its status; a page
refreshing itself is a page; an error answer whose body does not decode keeps its status (a 503
is retried). A raw loopback server, a real ``archiver crawl``, ``archiver extract`` over its
WARCs, and the two outputs compared byte for byte."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import listicle_html
from tests.raw_server import Answer, Reply, serve_raw

LOOP = "next page links back to an earlier page"


def _html(body: bytes, extra: bytes = b"") -> Reply:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra
    return Reply(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)


def _answer(status: bytes, *headers: bytes, body: bytes = b"") -> Reply:
    lines = b"".join(header + b"\r\n" for header in headers)
    return Reply(b"HTTP/1.1 " + status + b"\r\n" + lines + b"Content-Length: %d\r\n\r\n" % len(body) + body)


def _page(path: str, numbers: range, next_path: str | None = None) -> Reply:
    return _html(listicle_html(f"6 Things Along {path}", numbers, next_path))


def _refresh(target: str, delay: int = 0) -> bytes:
    return f'<html><head><meta http-equiv="refresh" content="{delay}; url={target}"></head></html>'.encode()


SAME = _page("/d/", range(1, 4), "/d/2/")
PLAIN_LABELLED_GZIP = (b"Content-Type: text/html", b"Content-Encoding: gzip")
ROUTES: dict[str, Answer] = {
    # A redirect straight back to page 1.
    "/a/": _page("/a/", range(1, 4), "/a/2/"),
    "/a/2/": _answer(b"301 Moved Permanently", b"Location: /a/"),
    # A meta refresh back to page 2, from page 3.
    "/b/": _page("/b/", range(1, 3), "/b/2/"),
    "/b/2/": _page("/b/", range(3, 5), "/b/3/"),
    "/b/3/": _html(_refresh("/b/2/")),
    # Two redirects, the second to page 1 spelt with an escaped "c".
    "/c/": _page("/c/", range(1, 4), "/c/2/"),
    "/c/2/": _answer(b"302 Found", b"Location: /c/2/x"),
    "/c/2/x": _answer(b"307 Temporary Redirect", b"Location: /%63/"),
    # Page 2 is page 1 again, byte for byte (a site ignoring the page number).
    "/d/": SAME,
    "/d/2/": SAME,
    # Next links differing from the page URL by escape case and an escaped "~".
    "/f%c3%bc/": _page("/fu/", range(1, 4), "/f%C3%BC/2/"),
    "/f%C3%BC/2/": _page("/fu/", range(4, 7)),
    "/%7Eann/": _page("/ann/", range(1, 4), "/~ann/2/"),
    "/~ann/2/": _page("/ann/", range(4, 7)),
    # A redirect to itself, and a page refreshing itself (a page, not a redirect).
    "/s/": _page("/s/", range(1, 4), "/s/2/"),
    "/s/2/": _answer(b"302 Found", b"Location: /s/2/"),
    "/t/": _page("/t/", range(1, 4), "/t/2/"),
    "/t/2/": _html(
        listicle_html("6 Things Along /t/", range(4, 7)).replace(b"<head>", b"<head>" + _refresh("/t/2/", 30))
    ),
    # A cookie check: a redirect to itself, then the page.
    "/k/": _page("/k/", range(1, 4), "/k/2/"),
    "/k/2/": [
        _answer(b"302 Found", b"Set-Cookie: seen=1; Path=/", b"Location: /k/2/"),
        _page("/k/", range(4, 7)),
    ],
    # 3xx answers that are no usable redirect.
    "/u/": _page("/u/", range(1, 4), "/u/2/"),
    "/u/2/": _answer(b"303 See Other", b"Location:   "),
    "/v/": _page("/v/", range(1, 4), "/v/2/"),
    "/v/2/": _answer(b"308 Permanent Redirect", b"Location: mailto:someone@example.com"),
    "/w/": _page("/w/", range(1, 4), "/w/2/"),
    "/w/2/": _answer(b"306 Switch Proxy", b"Location: /w/real/"),
    "/w/real/": _page("/w/", range(4, 7)),
    # Eleven distinct redirects: one too many.
    "/m/": _page("/m/", range(1, 4), "/m/2/"),
    "/m/2/": _answer(b"302 Found", b"Location: /m/r1/"),
    **{f"/m/r{n}/": _answer(b"302 Found", b"Location: /m/r%d/" % (n + 1)) for n in range(1, 12)},
    # An error answer whose body does not decode: retried (503), failed as its status (404).
    "/n/": [
        _answer(
            b"503 Service Unavailable", *PLAIN_LABELLED_GZIP, b"Retry-After: 0", body=b"<html>busy</html>"
        ),
        _page("/n/", range(1, 7)),
    ],
    "/o/": _page("/o/", range(1, 4), "/o/2/"),
    "/o/2/": _answer(b"404 Not Found", *PLAIN_LABELLED_GZIP, body=b"<html>gone</html>"),
}
SEEDS = ["/a/", "/b/", "/c/", "/d/", "/f%c3%bc/", "/%7Eann/", "/s/", "/t/", "/u/", "/v/", "/w/", "/m/"]
SEEDS += ["/n/", "/o/", "/k/"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def looped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("loops") / "out"
    with serve_raw(ROUTES) as server:
        seeds = [server.base + seed for seed in SEEDS]
        crawl = _run(*loopback_crawl(out, *seeds, "--depth", "0", "--set", "ARCHIVER_RETRY_BACKOFF_BASE=0"))
        assert crawl.returncode == 2, crawl.stderr  # partial: the failing chains are the point
    warcs = sorted(str(path) for path in (out / "warc").glob("*.warc.gz"))
    extracted = out.parent / "extracted.jsonl"
    extract = _run(str(BIN / "archiver"), "extract", *warcs, "-o", str(extracted))
    assert extract.returncode == 0, extract.stderr
    lines = (out / "articles.jsonl").read_text().splitlines()
    articles = {a["url"].removeprefix(server.base): a for a in map(json.loads, lines)}
    yield {"out": out, "base": server.base, "requested": server.requested, "articles": articles}


def test_extract_reproduces_the_crawl_byte_for_byte(looped: dict[str, Any]) -> None:
    out: Path = looped["out"]
    assert (out.parent / "extracted.jsonl").read_bytes() == (out / "articles.jsonl").read_bytes()
    # The page that repeats page 1 (/d/2/) was fetched as page 2: neither flow starts an article there.
    assert sorted(looped["articles"]) == sorted(SEEDS)


def test_a_next_page_leading_back_stops_the_chain_without_fetching_it_again(looped: dict[str, Any]) -> None:
    base, articles, requested = looped["base"], looped["articles"], looped["requested"]
    expected = {
        "/a/": f"{LOOP} ({base}/a/2/ leads to {base}/a/)",
        "/b/": f"{LOOP} ({base}/b/3/ leads to {base}/b/2/)",
        "/c/": f"{LOOP} ({base}/c/2/ leads to {base}/%63/)",
        "/d/": f"{LOOP} ({base}/d/2/ repeats {base}/d/)",
    }
    for seed, reason in expected.items():
        article = articles[seed]
        assert reason in article["warnings"], (seed, article["warnings"])
        assert not article["complete"] and not article["failed_pages"]
    assert [len(articles[seed]["pages"]) for seed in expected] == [1, 2, 1, 1]
    for earlier in ("/a/", "/b/2/", "/c/", "/%63/", "/d/"):
        assert requested.count(earlier) <= 1, earlier  # never fetched again by the loop


def test_next_links_spelt_otherwise_continue_the_article(looped: dict[str, Any]) -> None:
    for seed in ("/f%c3%bc/", "/%7Eann/"):
        article = looped["articles"][seed]
        assert len(article["pages"]) == 2 and len(article["items"]) == 6 and article["complete"]


def test_a_redirect_to_itself_is_refused_at_its_second_visit(looped: dict[str, Any]) -> None:
    base = looped["base"]
    assert looped["requested"].count("/s/2/") == 2
    reason = f"IgnoreRequest: redirect loop ({base}/s/2/)"
    assert f"page 2 failed: {reason} ({base}/s/2/)" in looped["articles"]["/s/"]["warnings"]
    # A redirect to itself that sets a cookie, then answers with the page, is followed once.
    assert looped["requested"].count("/k/2/") == 2 and looped["articles"]["/k/"]["complete"]
    # A page refreshing itself is a page.
    assert len(looped["articles"]["/t/"]["items"]) == 6 and looped["requested"].count("/t/2/") == 1


def test_unusable_redirects_fail_as_their_status(looped: dict[str, Any]) -> None:
    base, articles = looped["base"], looped["articles"]
    expected = {
        "/u/": "HTTP 303",
        "/v/": "HTTP 308: redirect to mailto:someone@example.com not followed",
        "/w/": "HTTP 306: redirect to /w/real/ not followed",
    }
    for seed, reason in expected.items():
        assert f"page 2 failed: {reason} ({base}{seed}2/)" in articles[seed]["warnings"]
        assert looped["requested"].count(f"{seed}2/") == 1
    assert "/w/real/" not in looped["requested"]
    last = f"{base}/m/r10/"
    assert f"page 2 failed: IgnoreRequest: max redirections reached ({last})" in articles["/m/"]["warnings"]
    assert "/m/r11/" not in looped["requested"]


def test_an_error_answer_that_does_not_decode_keeps_its_status(looped: dict[str, Any]) -> None:
    base, articles = looped["base"], looped["articles"]
    assert looped["requested"].count("/n/") == 2  # the 503 was retried
    assert articles["/n/"]["complete"] and len(articles["/n/"]["items"]) == 6
    assert f"page 2 failed: HTTP 404 ({base}/o/2/)" in articles["/o/"]["warnings"]
    summary = read_run(looped["out"])
    assert not [error for error in summary["errors"] if "undecodable" in error["error"]]
