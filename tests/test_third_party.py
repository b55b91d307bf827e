"""The archive as other tools see it: cdxj-indexer, pywb replay, and WARCs written by wget.

pywb lives in its own virtualenv (it pins old dependencies); ``.ci/run`` creates it at
``.venv-pywb``. Set ``ARCHIVER_PYWB_BIN`` to use another one.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.articles import CRAWL_STOPPED_WARNING
from archiver.demo.server import serve_demo_site
from archiver.reextract import decode_body
from tests.crawl_command import loopback_crawl
from tests.pywb import pywb_collection

BIN = Path(sys.executable).parent
ROOT = Path(__file__).parent.parent


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=600, check=False, cwd=cwd)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def crawl_with_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A demo crawl, with the demo server kept running for tools that crawl it too."""
    out = tmp_path_factory.mktemp("crawl") / "out"
    with serve_demo_site() as base_url:
        _run(*loopback_crawl(out, f"{base_url}/nk", f"{base_url}/slideshow-7-bridges/"))
        yield out, base_url


def _warcs(out: Path) -> list[str]:
    return [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))]


def _articles(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_sorted_cdxj_index_lists_every_page_and_image(
    crawl_with_server: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = crawl_with_server
    index = tmp_path / "index.cdxj"
    index.write_text(_run(str(BIN / "cdxj-indexer"), "--sort", *_warcs(out)).stdout)
    subprocess.run(["sort", "-c", str(index)], env={**os.environ, "LC_ALL": "C"}, check=True)
    entries = [json.loads(line.split(" ", 2)[2]) for line in index.read_text().splitlines()]
    indexed = {(entry["url"], entry.get("status")) for entry in entries}
    for article in _articles(out / "articles.jsonl"):
        for page in article["pages"]:
            assert (page["url"], "200") in indexed
        for item in article["items"]:
            for image in item["images"]:
                assert (image["url"], "200") in indexed


@pytest.fixture(scope="module")
def pywb(crawl_with_server: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out, _ = crawl_with_server
    with pywb_collection(tmp_path_factory.mktemp("pywb"), "demo", _warcs(out)) as base:
        yield base


def _replay(url: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def _archived_payloads(out: Path) -> dict[str, tuple[dict[str, str], bytes]]:
    found = {}
    for warc in _warcs(out):
        with open(warc, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    headers = {k.lower(): v for k, v in record.http_headers.headers}
                    found[record.rec_headers.get_header("WARC-Target-URI")] = (
                        headers,
                        record.raw_stream.read(),
                    )
    return found


def test_pywb_replays_a_page_with_a_body_that_matches_its_headers(
    crawl_with_server: tuple[Path, str], pywb: str
) -> None:
    out, base_url = crawl_with_server
    page = f"{base_url}/25-pictures-north-korea/2/"
    headers, body = _replay(f"{pywb}/2026id_/{page}")
    assert headers["content-type"].startswith("text/html")
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)  # the header promised gzip: it must be gzip
    archived_headers, archived_raw = _archived_payloads(out)[page]
    assert body == decode_body(archived_raw, archived_headers)
    assert b"Military parade rehearsal" in body


def test_pywb_replays_images_including_deduplicated_revisits(
    crawl_with_server: tuple[Path, str], pywb: str
) -> None:
    out, _ = crawl_with_server
    payloads = _archived_payloads(out)
    captures = [
        image
        for article in _articles(out / "articles.jsonl")
        for item in article["items"]
        for image in item["images"]
    ]
    revisit = next(image for image in captures if image["capture"]["warc_type"] == "revisit")
    response = next(image for image in captures if image["capture"]["warc_type"] == "response")
    for image in (response, revisit):
        headers, body = _replay(f"{pywb}/2026id_/{image['url']}")
        assert headers["content-type"] == "image/jpeg"
        assert int(headers.get("content-length", len(body))) == len(body) == image["capture"]["length"]
        assert body[:2] == b"\xff\xd8"
    assert revisit["url"] not in payloads  # archived only as a revisit, still replayable


@pytest.mark.skipif(shutil.which("wget") is None, reason="wget is not installed")
def test_a_wget_warc_of_the_demo_site_gives_the_same_articles(
    crawl_with_server: tuple[Path, str], tmp_path: Path
) -> None:
    out, base_url = crawl_with_server
    subprocess.run(
        [
            "wget",
            "--recursive",
            "--level=inf",
            "--page-requisites",
            "--no-verbose",
            "--tries=1",
            "--warc-file",
            str(tmp_path / "wget"),
            "--directory-prefix",
            str(tmp_path / "files"),
            f"{base_url}/nk",
            f"{base_url}/slideshow-7-bridges/",
        ],
        capture_output=True,
        timeout=300,
        check=False,  # wget exits 8 because of the demo's 404s
    )
    result = tmp_path / "from-wget.jsonl"
    _run(str(BIN / "archiver"), "extract", str(tmp_path / "wget.warc.gz"), "-o", str(result))

    def without_provenance(articles: list[dict[str, Any]]) -> dict[str, Any]:
        for article in articles:
            for page in article["pages"]:
                for key in ("warc_filename", "warc_offset", "warc_record_id", "fetched_at"):
                    page.pop(key)
            for item in article["items"]:
                for image in item["images"]:
                    image.pop("capture")
            # What a capture holds: wget does not fetch every photo the crawl does (lazy-loaded
            # ones), and the article says so.
            article.pop("media_complete")
            article.pop("crawl_stopped")
            article["warnings"] = [
                warning
                for warning in article["warnings"]
                if " photos not captured: " not in warning and warning != CRAWL_STOPPED_WARNING
            ]
        return {article["url"]: article for article in articles}

    ours = without_provenance(_articles(out / "articles.jsonl"))
    theirs = without_provenance(_articles(result))
    assert sorted(theirs) == sorted(ours)
    for url, article in ours.items():
        assert theirs[url] == article, url
