"""Crawl and re-extraction agree byte for byte on what servers send: every content coding
(alone, stacked, over two header lines, multi-member), a coding label on a plain body (both
fail it), a page stored as a revisit, and a next page reached through a meta refresh. A real
loopback server, a real ``archiver crawl``, then ``archiver extract`` over its WARCs.

The shared cases (../shared/cases 06, 08, 09, 18b, 19) run the same way when present."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import Route, listicle_html, robots_allow_all, send, serve

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd


def _coded(body: bytes, *codings: str, lines: bool = False) -> Route:
    """``body`` with ``codings`` applied in order, labelled in one header value or one line each."""
    for coding in codings:
        if coding == "gzip":
            body = gzip.compress(body)
        elif coding == "gzip-members":
            body = gzip.compress(body[:300]) + gzip.compress(body[300:])
        elif coding == "deflate":
            body = zlib.compress(body)
        elif coding == "raw-deflate":
            compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
            body = compressor.compress(body) + compressor.flush()
        elif coding == "br":
            body = brotli.compress(body)
        elif coding == "zstd":
            body = zstd.compress(body[:400]) + zstd.compress(body[400:])  # two frames
    labels = [{"gzip-members": "x-gzip", "raw-deflate": "deflate"}.get(c, c) for c in codings]
    headers = [("Content-Encoding", label) for label in labels] if lines else []
    if not lines and labels:
        headers = [("Content-Encoding", ", ".join(labels))]
    return lambda handler: send(handler, 200, body, headers=headers)


def _page(title: str, count: int, next_path: str | None = None, start: int = 1) -> bytes:
    return listicle_html(title, range(start, start + count), next_path)


SAME = _page("6 Beaches Nobody Knows", 6)
REFRESH = b'<html><head><meta http-equiv="refresh" content="1; url=/chain/page-2/"></head></html>'
ROUTES: dict[str, Route] = {
    "/robots.txt": robots_allow_all(),
    "/zstd/": _coded(_page("5 Zstd Wonders", 5), "zstd"),
    "/x-gzip/": _coded(_page("5 Gzip Members", 5), "gzip-members"),
    "/twice/": _coded(_page("5 Gzipped Twice", 5), "gzip", "gzip"),
    "/lines/": _coded(_page("5 Two Header Lines", 5), "deflate", "gzip", lines=True),
    "/br-gzip/": _coded(_page("5 Brotli Then Gzip", 5), "br", "gzip"),
    "/raw-deflate/": _coded(_page("5 Raw Deflates", 5), "raw-deflate"),
    "/plain-labelled/": lambda handler: send(
        handler, 200, _page("5 Plain Pages", 5), headers=[("Content-Encoding", "gzip")]
    ),
    "/same/": _coded(SAME),
    "/chain/": _coded(_page("8 Chained Things", 4, next_path="/chain/2/")),
    "/chain/2/": _coded(REFRESH, "gzip"),
    "/chain/page-2/": _coded(_page("8 Chained Things", 4, start=5), "br"),
}
SEEDS = ["/zstd/", "/x-gzip/", "/twice/", "/lines/", "/br-gzip/", "/raw-deflate/", "/plain-labelled/"]
SEEDS += ["/same/", "/same/?utm_source=newsletter", "/chain/"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _extract(out: Path, target: Path) -> subprocess.CompletedProcess[str]:
    warcs = sorted(str(p) for p in (out / "warc").glob("*.warc.gz"))
    result = _run(str(BIN / "archiver"), "extract", *warcs, "-o", str(target))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def coded_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("coded") / "out"
    with serve(ROUTES) as base:
        result = _run(*loopback_crawl(out, *(base + seed for seed in SEEDS), "--depth", "0"))
        assert result.returncode == 2, result.stderr  # partial: some codings fail by design
    extracted = out.parent / "extracted.jsonl"
    extract = _extract(out, extracted)
    yield {"out": out, "base": base, "extracted": extracted, "stderr": extract.stderr}


def test_extract_reproduces_the_crawl_byte_for_byte(coded_crawl: dict[str, Any]) -> None:
    out: Path = coded_crawl["out"]
    assert coded_crawl["extracted"].read_bytes() == (out / "articles.jsonl").read_bytes()


def test_every_coding_gives_its_article(coded_crawl: dict[str, Any]) -> None:
    base = coded_crawl["base"]
    lines = (coded_crawl["out"] / "articles.jsonl").read_text().splitlines()
    articles = {a["url"].removeprefix(base): a for a in map(json.loads, lines)}
    expected = {"/zstd/", "/x-gzip/", "/twice/", "/lines/", "/br-gzip/", "/raw-deflate/"}
    expected |= {"/same/", "/same/?utm_source=newsletter", "/chain/"}
    assert set(articles) == expected
    coded = expected - {"/same/", "/same/?utm_source=newsletter", "/chain/"}
    assert {url: len(articles[url]["items"]) for url in coded} == dict.fromkeys(coded, 5)
    assert len(articles["/same/"]["items"]) == len(articles["/same/?utm_source=newsletter"]["items"]) == 6


def test_a_next_page_behind_a_meta_refresh_is_chained_in_both_flows(coded_crawl: dict[str, Any]) -> None:
    base = coded_crawl["base"]
    lines = (coded_crawl["out"] / "articles.jsonl").read_text().splitlines()
    (chain,) = [a for a in map(json.loads, lines) if a["url"] == base + "/chain/"]
    assert [p["url"] for p in chain["pages"]] == [base + "/chain/", base + "/chain/page-2/"]
    assert len(chain["items"]) == 8


def test_the_same_page_under_two_urls_is_archived_once_and_read_twice(coded_crawl: dict[str, Any]) -> None:
    from archiver.reextract import WarcIndex

    index = WarcIndex(sorted((coded_crawl["out"] / "warc").glob("*.warc.gz")))
    # Which of the two is fetched first depends on the scheduler; one is stored, the other refers to it.
    both = [index.captures[coded_crawl["base"] + path] for path in ("/same/", "/same/?utm_source=newsletter")]
    assert sorted(capture.warc_type for capture in both) == ["response", "revisit"]
    assert all(capture.is_page for capture in both)


def test_a_coding_label_on_a_plain_body_fails_in_both_flows(coded_crawl: dict[str, Any]) -> None:
    url = coded_crawl["base"] + "/plain-labelled/"
    summary = read_run(coded_crawl["out"])
    errors = [e for e in summary["errors"] if e["url"] == url]
    assert errors and errors[0]["error"].startswith("IgnoreRequest: undecodable body: gzip: not gzip data")
    assert f"warning: {url}: undecodable body: gzip: not gzip data" in coded_crawl["stderr"]


def test_requests_ask_only_for_codings_the_replay_tools_decode(coded_crawl: dict[str, Any]) -> None:
    from warcio.archiveiterator import ArchiveIterator

    accepted = set()
    for warc in (coded_crawl["out"] / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "request":
                    accepted.add(record.http_headers.get_header("Accept-Encoding"))
    assert accepted == {"gzip"}


# -- the shared cases ---------------------------------------------------------------------------
CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"
needs_cases = pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")


def _case_urls(case: str) -> tuple[subprocess.Popen[str], list[str]]:
    server = subprocess.Popen(
        [sys.executable, str(CASES / case / "server.py")], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    for line in server.stdout:  # the server prints the URLs to crawl once it listens
        if line.startswith("crawl:"):
            return server, re.findall(r"http://\S+", line)
    server.kill()
    raise AssertionError(f"{case}: the server printed no URL")


@needs_cases
@pytest.mark.parametrize(
    ("case", "articles"),
    [("06-zstd", 1), ("08-stacked-encodings", 2), ("09-revisit-page", 2), ("19-gzip-label-plain-body", 0)],
)
def test_shared_crawl_cases_agree_byte_for_byte(case: str, articles: int, tmp_path: Path) -> None:
    server, urls = _case_urls(case)
    try:
        result = _run(*loopback_crawl(tmp_path / "out", *urls, "--depth", "0"))
        # Case 19's only page fails (a gzip label on a plain body): a partial crawl.
        assert result.returncode == (2 if articles == 0 else 0), result.stderr
    finally:
        server.kill()
        server.wait()
    crawled = (tmp_path / "out" / "articles.jsonl").read_bytes()
    extract = _extract(tmp_path / "out", tmp_path / "extracted.jsonl")
    assert (tmp_path / "extracted.jsonl").read_bytes() == crawled
    assert [len(json.loads(line)["items"]) for line in crawled.splitlines()] == [6] * articles
    if articles == 0:  # the plain body labelled gzip: failed by both, said by both
        summary = read_run(tmp_path / "out")
        assert [e["url"] for e in summary["errors"]] == urls
        assert f"warning: {urls[0]}: undecodable body" in extract.stderr


@needs_cases
def test_shared_case_resource_record_gives_its_article(tmp_path: Path) -> None:
    script = tmp_path / "make_warc.py"
    shutil.copy(CASES / "18b-resource-record" / "make_warc.py", script)  # it writes beside itself
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=60)
    result = _run(str(BIN / "archiver"), "extract", str(tmp_path / "resource.warc.gz"), "-o", "-")
    assert result.returncode == 0, result.stderr
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["url"] == "https://harbours.example/detours/"
    assert article["title"] == "6 Harbours Worth a Detour" and len(article["items"]) == 6


def test_a_revisit_in_a_later_file_than_its_original_is_read_given_in_any_order(tmp_path: Path) -> None:
    """WARC files rotated after every record: the revisit and its original are in different files,
    and extract is handed the files newest first."""
    out = tmp_path / "out"
    routes: dict[str, Route] = {"/robots.txt": robots_allow_all(), "/same/": _coded(SAME, "gzip")}
    with serve(routes) as base:
        seeds = [base + "/same/", base + "/same/?utm_source=newsletter"]
        command = loopback_crawl(out, *seeds, "--depth", "0", "--set", "ARCHIVER_WARC_MAX_SIZE=1")
        result = _run(*command)
        assert result.returncode == 0, result.stderr
    warcs = sorted(str(p) for p in (out / "warc").glob("*.warc.gz"))
    assert len(warcs) > 2
    extracted = tmp_path / "extracted.jsonl"
    result = _run(str(BIN / "archiver"), "extract", *reversed(warcs), "-o", str(extracted))
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    crawled = (out / "articles.jsonl").read_bytes()
    assert extracted.read_bytes() == crawled
    pages = [json.loads(line)["pages"][0] for line in crawled.splitlines()]
    assert sorted(page["url"] for page in pages) == seeds  # in whichever order they were fetched
    assert pages[0]["warc_filename"] != pages[1]["warc_filename"]
    from archiver.reextract import WarcIndex

    kinds = {WarcIndex([Path(w) for w in warcs]).captures[url].warc_type for url in seeds}
    assert kinds == {"response", "revisit"}
