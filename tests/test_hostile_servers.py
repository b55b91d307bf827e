"""One crawl meets every kind of broken server at once, beside healthy listicles.

The healthy pages must all be archived and extracted; each fault must be visible to the user
in the WARC, crawl.json, rejects.jsonl or the article's warnings; memory stays bounded.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import (
    drip,
    fail_then_succeed,
    gzip_bomb,
    listicle_html,
    page,
    raw,
    redirect,
    reset_mid_body,
    robots_allow_all,
    serve,
    stall_after_headers,
)

BIN = Path(sys.executable).parent
BOMB_DECODED = 1 << 30  # 1 GiB of zeros, about 1 MB on the wire
HUGE_PAGE = (
    b"<html><body>" + b"<p>filler text of a huge page</p>" * (30 * 1024 * 1024 // 34) + b"</body></html>"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(2000)


def _trap(path: str) -> bytes:
    number = int(path.rstrip("/").rsplit("/", 1)[1]) if "/page/" in path else 1
    return listicle_html(
        "10 Endless Things", range(3 * number - 2, 3 * number + 1), f"/trap/page/{number + 1}/"
    )


def _links_page() -> bytes:
    bad = [
        "javascript:alert(1)",
        "mailto:editor@example.com",
        "data:text/html,<h1>x</h1>",
        "file:///etc/passwd",
        "http://other-host.invalid/12-things/",
        "ftp://example.com/x",
    ]
    links = "".join(f'<li><a href="{href}">Recommended story {n}</a></li>' for n, href in enumerate(bad))
    links += '<li><a href="/healthy-2/">Another healthy list</a></li>'
    body = listicle_html("3 Linked Things", range(1, 4)).replace(
        b"</article>", f"</article><section><h3>Related posts</h3><ul>{links}</ul></section>".encode()
    )
    return body


def _routes() -> dict[str, Any]:
    six = listicle_html("6 Things Cut Short", range(1, 7))
    return {
        "/robots.txt": robots_allow_all(),
        "/healthy-1/": page(listicle_html("3 Healthy Things", range(1, 4))),
        "/healthy-2/": page(listicle_html("4 Healthy Things", range(1, 5))),
        "/retry-after/": fail_then_succeed(1, 503, listicle_html("3 Patient Things", range(1, 4))),
        "/reset/": reset_mid_body(six, six.index(b"<h2>4.")),
        "/stall/": stall_after_headers(8),
        "/drip/": drip(0.5),
        "/loop-a/": redirect("/loop-b/"),
        "/loop-b/": redirect("/loop-a/"),
        "/to-file/": redirect("file:///etc/passwd"),
        "/huge/": raw(HUGE_PAGE, "text/html"),
        "/bomb/": gzip_bomb(BOMB_DECODED),
        "/jpeg-as-html/": raw(JPEG, "text/html; charset=utf-8"),
        "/html-as-jpeg/": raw(listicle_html("3 Disguised Things", range(1, 4)), "image/jpeg"),
        "/bad-utf8/": raw(
            listicle_html("3 Broken Things", range(1, 4)).replace(b"item 2", b"item \xff\xfe 2"),
            "text/html; charset=utf-8",
        ),
        "/trap/*": lambda handler: page(_trap(handler.path))(handler),
        "/cycle/": page(listicle_html("6 Circular Things", range(1, 4), "/cycle/2/")),
        "/cycle/2/": page(listicle_html("6 Circular Things", range(4, 7), "/cycle/")),
        "/links/": page(_links_page()),
    }


SEEDS = [
    "/healthy-1/",
    "/retry-after/",
    "/reset/",
    "/stall/",
    "/drip/",
    "/loop-a/",
    "/to-file/",
    "/huge/",
    "/bomb/",
    "/jpeg-as-html/",
    "/html-as-jpeg/",
    "/bad-utf8/",
    "/trap/",
    "/cycle/",
    "/links/",
]


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("hostile") / "out"
    with serve(_routes()) as base:
        result = subprocess.run(
            loopback_crawl(
                out,
                *[base + seed for seed in SEEDS],
                *["--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=1"],
                *["--set", "ARCHIVER_RETRY_BACKOFF_BASE=0.1"],
            ),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 2, result.stderr[-3000:]  # partial: the faults are the point
    records = []
    for path in sorted((out / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records.append(
                    (
                        record.rec_type,
                        record.rec_headers.get_header("WARC-Target-URI"),
                        record.http_headers.get_statuscode() if record.http_headers else None,
                        dict(record.rec_headers.headers),
                    )
                )
    articles = {
        json.loads(line)["url"].removeprefix(base): json.loads(line)
        for line in (out / "articles.jsonl").read_text().splitlines()
    }
    return {
        "out": out,
        "base": base,
        "records": records,
        "articles": articles,
        "peak_rss_mb": peak_rss_mb,
        "summary": read_run(out),
        "rejects": [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()],
        "log": result.stderr,
    }


def _errors(crawl: dict[str, Any]) -> dict[str, str]:
    return {e["url"].removeprefix(crawl["base"]): e["error"] for e in crawl["summary"]["errors"]}


def test_healthy_pages_are_all_archived_and_extracted(hostile_crawl: dict[str, Any]) -> None:
    articles = hostile_crawl["articles"]
    for path, count in (("/healthy-1/", 3), ("/healthy-2/", 4), ("/links/", 3), ("/html-as-jpeg/", 3)):
        assert articles[path]["complete"] is True, path
        assert len(articles[path]["items"]) == count


def test_503_with_retry_after_is_retried_and_both_responses_archived(hostile_crawl: dict[str, Any]) -> None:
    url = hostile_crawl["base"] + "/retry-after/"
    statuses = [
        status for kind, uri, status, _ in hostile_crawl["records"] if kind == "response" and uri == url
    ]
    assert statuses == ["503", "200"]
    assert hostile_crawl["articles"]["/retry-after/"]["complete"] is True
    assert "/retry-after/" not in _errors(hostile_crawl)


def test_a_body_cut_by_a_reset_is_archived_as_truncated_and_flagged(hostile_crawl: dict[str, Any]) -> None:
    url = hostile_crawl["base"] + "/reset/"
    [headers] = [h for kind, uri, _, h in hostile_crawl["records"] if kind == "response" and uri == url]
    assert headers["WARC-Truncated"] == "disconnect"
    article = hostile_crawl["articles"]["/reset/"]
    assert [item["number"] for item in article["items"]] == [1, 2, 3]
    assert article["complete"] is False
    assert any("truncated" in warning for warning in article["warnings"])


def test_stalled_and_dripping_servers_time_out_and_are_reported(hostile_crawl: dict[str, Any]) -> None:
    errors = _errors(hostile_crawl)
    assert "Timeout" in errors["/stall/"] and "Timeout" in errors["/drip/"]


def test_redirect_loops_and_non_http_redirects_end_without_fetching(hostile_crawl: dict[str, Any]) -> None:
    errors = _errors(hostile_crawl)
    loop_errors = [error for url, error in errors.items() if url.startswith("/loop-")]
    # /loop-a/ -> /loop-b/ -> /loop-a/ -> /loop-b/, then /loop-a/ a third time: refused (archiver.redirects).
    assert loop_errors == [f"IgnoreRequest: redirect loop ({hostile_crawl['base']}/loop-a/)"]
    assert errors["/to-file/"] == "HTTP 302: redirect to file:///etc/passwd not followed"
    uris = {uri for _, uri, _, _ in hostile_crawl["records"] if uri}
    assert not any(uri.startswith(("file:", "ftp:", "javascript:", "mailto:", "data:")) for uri in uris)


def test_a_30mb_page_is_archived_then_rejected_with_its_reason(hostile_crawl: dict[str, Any]) -> None:
    url = hostile_crawl["base"] + "/huge/"
    [reject] = [r for r in hostile_crawl["rejects"] if r["url"] == url]
    assert "too large" in reject["reason"]
    assert reject["warc_record_id"] and reject["warc_filename"]


def test_a_gzip_bomb_is_refused_without_inflating_it(hostile_crawl: dict[str, Any]) -> None:
    assert "/bomb/" in _errors(hostile_crawl)
    url = hostile_crawl["base"] + "/bomb/"
    assert any(kind == "response" and uri == url for kind, uri, _, _ in hostile_crawl["records"])
    # Memory stays far below the bomb's 1 GiB (the crawl also parsed a 30 MB page).
    assert hostile_crawl["peak_rss_mb"] < 700


def test_wrong_content_types_are_handled_by_what_the_bytes_are(hostile_crawl: dict[str, Any]) -> None:
    [reject] = [r for r in hostile_crawl["rejects"] if r["url"].endswith("/jpeg-as-html/")]
    assert "JPEG" in reject["reason"]
    assert hostile_crawl["articles"]["/html-as-jpeg/"]["complete"] is True


def test_invalid_utf8_under_a_utf8_header_is_replaced_and_warned(hostile_crawl: dict[str, Any]) -> None:
    article = hostile_crawl["articles"]["/bad-utf8/"]
    assert any("replaced" in warning for warning in article["warnings"])
    assert "\ufffd" in article["items"][1]["caption"]


def test_endless_and_circular_next_pages_are_cut_off_and_explained(hostile_crawl: dict[str, Any]) -> None:
    trap = hostile_crawl["articles"]["/trap/"]
    assert len(trap["pages"]) == 50
    assert any("possible crawler trap" in warning for warning in trap["warnings"])
    # A "next" link back to page 1 is not a continuation (page 3 would be): the chain ends.
    cycle = hostile_crawl["articles"]["/cycle/"]
    assert [page["url"].rsplit(":", 1)[1].split("/", 1)[1] for page in cycle["pages"]] == [
        "cycle/",
        "cycle/2/",
    ]


def test_links_to_other_schemes_and_hosts_are_never_fetched(hostile_crawl: dict[str, Any]) -> None:
    uris = [uri for kind, uri, _, _ in hostile_crawl["records"] if kind in {"request", "response"}]
    assert not any("other-host.invalid" in uri for uri in uris)
    assert any(uri.endswith("/healthy-2/") for uri in uris)


def test_every_warc_is_valid_and_the_round_trip_holds_despite_the_faults(
    hostile_crawl: dict[str, Any],
) -> None:
    out = hostile_crawl["out"]
    warcs = [str(p) for p in sorted((out / "warc").glob("*.warc.gz"))]
    for warc in warcs:
        subprocess.run(["gzip", "-t", warc], check=True)
        subprocess.run([str(BIN / "warcio"), "check", warc], check=True, capture_output=True)
    extracted = subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs], capture_output=True, check=True
    ).stdout
    assert extracted == (out / "articles.jsonl").read_bytes()
