"""Every output file of a real crawl: pages.jsonl lists every page with why it is or is not a
listicle, rejects say when and with which status, crawl.json names the seeds that were no
listicle, the warcinfo names no operator nobody gave, every line validates against the schema
``archiver schema NAME`` prints, and every file gets the umask's mode."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from warcio.archiveiterator import ArchiveIterator

from bench.sitegen import jpeg
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import Route, robots_allow_all, send, serve

JPEG_AS_HTML = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(2000)


def _listicle(title: str, first: int, photos: list[str], next_path: str | None, related: list[str]) -> bytes:
    items = "".join(
        f"<h2>{n}. Sight number {n}</h2><figure><img src='{photo}' width='800' height='600'></figure>"
        f"<p>Why sight {n} is worth the trip, in a few words.</p>"
        for n, photo in enumerate(photos, start=first)
    )
    next_link = f'<a class="next" href="{next_path}">Next page</a>' if next_path else ""
    links = "".join(f'<li><a href="{path}">More reading about {path.strip("/")}</a></li>' for path in related)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{items}<nav class='pages'>{next_link}</nav></article>"
        f"<section class='related'><h3>Related posts</h3><ul>{links}</ul></section></body></html>"
    ).encode()


def _prose(title: str, next_path: str | None = None) -> bytes:
    text = "".join(
        f"<p>Paragraph {n} of a story that lists nothing at all, told at length.</p>" for n in range(6)
    )
    next_link = f'<a class="next" href="{next_path}">Next page</a>' if next_path else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{text}<nav class='pages'>{next_link}</nav></article></body></html>"
    ).encode()


def _routes() -> dict[str, Route]:
    related = ["/story/", "/news/", "/binary/", "/gone/"]

    def body(payload: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
        return lambda handler: send(handler, status, payload, content_type)

    routes: dict[str, Route] = {
        "/robots.txt": robots_allow_all(),
        "/sights/": body(
            _listicle(
                "6 Sights of the Old Town",
                1,
                ["/img/1.jpg", "/img/2.jpg", "/img/3.jpg"],
                "/sights/2/",
                related,
            )
        ),
        "/sights/2/": body(
            _listicle(
                "6 Sights of the Old Town", 4, ["/img/4.jpg", "/img/5.jpg", "/img/6.jpg"], None, related
            )
        ),
        "/story/": body(_prose("A long story, part one", "/story/2/")),
        "/story/2/": body(_prose("A long story, part two")),
        "/news/": body(_prose("Council meets on Tuesday")),
        "/binary/": body(JPEG_AS_HTML),
        "/gone/": body(b"<html><body>gone</body></html>", status=404),
    }
    for n in range(1, 7):
        routes[f"/img/{n}.jpg"] = body(jpeg(f"/img/{n}.jpg", 500), "image/jpeg")
    return routes


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(_routes()) as base:
        yield base


def _crawl(site: str, out: Path, umask: int = 0o022, *extra: str) -> subprocess.CompletedProcess[str]:
    command = loopback_crawl(out, f"{site}/sights/", f"{site}/news/", f"{site}/gone/", "--depth", "1", *extra)
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, preexec_fn=lambda: os.umask(umask)
    )


@pytest.fixture(scope="module")
def crawled(site: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("crawl") / "out"
    result = _crawl(site, out)
    assert (out / "crawl.json").exists(), result.stderr[-3000:]
    return out, result.stderr


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_pages_jsonl_lists_every_page_parsed_or_rejected_with_why_it_is_no_listicle(
    crawled: tuple[Path, str],
) -> None:
    out, _ = crawled
    pages = {_path(line["url"]): line for line in _lines(out / "pages.jsonl")}
    assert set(pages) == {"/sights/", "/sights/2/", "/story/", "/story/2/", "/news/", "/binary/", "/gone/"}
    first, second = pages["/sights/"], pages["/sights/2/"]
    assert first["listicle"] and second["listicle"] and first["reason"] is None
    assert (first["page_number"], second["page_number"]) == (1, 2)
    assert _path(first["article_url"]) == _path(second["article_url"]) == "/sights/"
    assert (first["items"], first["declared_count"], first["hops"]) == (3, 6, 0)
    assert _path(first["next_page_url"]) == "/sights/2/" and second["next_page_url"] is None
    assert pages["/story/"]["reason"] == pages["/story/2/"]["reason"] == "story of 2 pages without items"
    assert pages["/story/2/"]["page_number"] == 2 and pages["/story/"]["hops"] == 1
    assert pages["/news/"]["reason"] == "no items found" and pages["/news/"]["hops"] == 0
    assert pages["/binary/"]["reason"].startswith("rejected: ")
    assert (pages["/gone/"]["status"], pages["/gone/"]["reason"]) == (404, "HTTP 404")
    assert not any(line["listicle"] for path, line in pages.items() if not path.startswith("/sights/"))
    # Each line cites the response record it was parsed from.
    records = _warc_responses(out)
    for path, line in pages.items():
        assert records[line["warc_record_id"]] == (line["url"], line["warc_filename"], line["warc_offset"]), (
            path
        )


def _warc_responses(out: Path) -> dict[str, tuple[str, str, int]]:
    found = {}
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if record.rec_type == "response":
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    found[record.rec_headers.get_header("WARC-Record-ID")] = (uri, warc.name, iterator.offset)
    return found


def test_crawl_json_names_the_seeds_that_are_no_listicle_and_why(crawled: tuple[Path, str]) -> None:
    out, _ = crawled
    summary = json.loads((out / "crawl.json").read_text())
    run = summary.get("run", summary)
    seeds = {_path(entry["url"]): entry["reason"] for entry in run["non_listicle_seeds"]}
    assert seeds == {"/news/": "no items found", "/gone/": "HTTP 404"}


def test_rejects_say_when_and_with_which_status(crawled: tuple[Path, str]) -> None:
    out, _ = crawled
    (reject,) = _lines(out / "rejects.jsonl")
    assert _path(reject["url"]) == "/binary/" and reject["status"] == 200
    assert reject["time"].endswith("Z") and datetime.fromisoformat(reject["time"]).tzinfo is not None


def test_the_warcinfo_names_no_operator_when_no_contact_was_given_and_a_warning_says_so(
    crawled: tuple[Path, str],
) -> None:
    out, stderr = crawled
    warc = sorted((out / "warc").glob("*.warc.gz"))[0]
    with warc.open("rb") as stream:
        info = next(iter(ArchiveIterator(stream))).content_stream().read().decode()
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert "operator" not in fields
    assert "listicle-archiver/" in fields["http-header-user-agent"]  # the project's page
    assert fields["software"] == f"listicle-archiver/{version('listicle-archiver')}"
    assert fields["scrapy-version"] == version("scrapy")
    assert fields["warcio-version"] == version("warcio")
    assert sum("--contact" in line for line in stderr.splitlines()) == 1


def _schema(name: str) -> Draft202012Validator:
    printed = subprocess.run(
        [str(BIN / "archiver"), "schema", name], capture_output=True, text=True, check=True, timeout=60
    )
    return Draft202012Validator(json.loads(printed.stdout))


@pytest.mark.parametrize(
    ("name", "file"), [("article", "articles.jsonl"), ("pages", "pages.jsonl"), ("reject", "rejects.jsonl")]
)
def test_every_line_of_a_crawls_output_validates_against_its_schema(
    crawled: tuple[Path, str], name: str, file: str
) -> None:
    out, _ = crawled
    validator = _schema(name)
    lines = _lines(out / file)
    assert lines
    for line in lines:
        validator.validate(line)
    # The schemas are not interchangeable: each rejects the other files' lines.
    other = "pages.jsonl" if file != "pages.jsonl" else "articles.jsonl"
    assert not validator.is_valid(_lines(out / other)[0])


def test_what_parse_prints_validates_against_the_page_schema(site: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_listicle("6 Sights of the Old Town", 1, ["/img/1.jpg"], "/sights/2/", []))
    printed = subprocess.run(
        [str(BIN / "archiver"), "parse", str(page), "--url", f"{site}/sights/"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    _schema("page").validate(json.loads(printed.stdout))


def test_every_article_is_complete_with_its_photos_captured(crawled: tuple[Path, str]) -> None:
    out, _ = crawled
    (article,) = _lines(out / "articles.jsonl")
    assert article["complete"] and article["media_complete"] and not article["crawl_stopped"]
    assert len(article["items"]) == 6


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_every_output_file_gets_the_mode_the_umask_gives(site: str, tmp_path: Path, umask: int) -> None:
    out = tmp_path / "out"
    result = _crawl(site, out, umask)
    assert (out / "crawl.json").exists(), result.stderr[-3000:]
    extracted = tmp_path / "extracted.jsonl"
    warcs = [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))]
    subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs, "-o", str(extracted)],
        check=True,
        capture_output=True,
        timeout=300,
        preexec_fn=lambda: os.umask(umask),
    )
    files = [path for path in out.rglob("*") if path.is_file()] + [extracted]
    names = {path.name for path in files}
    assert {"articles.jsonl", "pages.jsonl", "rejects.jsonl", "crawl.json", "extracted.jsonl"} <= names
    modes = {path.relative_to(tmp_path).as_posix(): oct(path.stat().st_mode & 0o777) for path in files}
    assert set(modes.values()) == {oct(0o666 & ~umask)}, modes
