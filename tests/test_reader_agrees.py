"""``archiver extract`` reads a crawl's WARCs as the crawl read the live responses.

One crawl against a raw-socket server (every reply byte for byte as written here), then
``archiver extract`` over its WARCs, compared byte for byte with the crawl's articles.jsonl:

- response heads: codings, a charset and a redirect target continued on obs-fold lines; heads
  ended by bare LFs or by LF CRLF, with CRLFCRLF inside the body;
- fragments: a next link, a redirect, a refresh and image sources naming a ``#fragment``;
- what is a page: HTML at an image URL and at /robots.txt (never parsed by the crawl), HTML
  served as an image or as bytes with a BOM, a comment or in UTF-16 (parsed by the crawl),
  refresh stubs the crawl follows (typed by their bytes) or does not (not ``<html>``).

WARCs of other tools are written with warcio: pages found by their bytes, a 304 revisit
(server-not-modified) resolved to its original in another file, a conversion record warned about.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.crawl_command import loopback_crawl
from tests.raw_server import Reply, serve_raw

BIN = Path(sys.executable).parent
HTML = b"Content-Type: text/html; charset=utf-8\r\n"
_PHOTOS: set[str] = set()  # the photo paths of the pages made so far
PLACES = [
    "Salt Marsh",
    "Cliff Path",
    "Old Quay",
    "Pine Dune",
    "Tidal Pool",
    "Chalk Arch",
    "Reed Bed",
    "Sea Cave",
]


def _items(numbers: range, image: str) -> str:
    return "".join(
        f'<h2>{n}. The {PLACES[(n - 1) % len(PLACES)]}</h2><img src="{image.format(n=n)}" alt="Place {n}">'
        f"<p>Why place {n} on this stretch of coast is worth the walk, in a line or two.</p>"
        for n in numbers
    )


def _page(title: str, numbers: range, image: str = "", next_href: str | None = None) -> str:
    """A listicle page; its photos are /i/TITLE-N.jpg unless ``image`` says otherwise (each
    article its own photos: one photo fetched for two articles is another matter)."""
    image = (
        image
        or "/i/" + ("".join(c for c in title.lower() if c.isascii() and c.isalpha()) or "x") + "-{n}.jpg"
    )
    _PHOTOS.update(image.format(n=n).split("#")[0] for n in numbers if image.startswith("/i/"))
    nxt = f'<a rel="next" href="{next_href}">Next</a>' if next_href else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><article><h1>{title}</h1><div class="entry-content">{_items(numbers, image)}</div>'
        f"{nxt}</article></body></html>"
    )


def _reply(body: bytes, headers: bytes = HTML, status: bytes = b"200 OK", end: bytes = b"\r\n") -> Reply:
    """A reply whose header lines are ``headers`` (each with its own line end) and whose head
    ends with the empty line ``end``."""
    return Reply(
        b"HTTP/1.1 " + status + b"\r\n" + headers + b"Content-Length: %d\r\n" % len(body) + end + body
    )


def _jpeg(tag: int) -> Reply:
    body = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes([tag]) * 40 + b"\xff\xd9"
    return _reply(body, b"Content-Type: image/jpeg\r\n")


def _refresh(target: str, opening: str = "<html>") -> bytes:
    meta = f'<meta http-equiv="refresh" content="0;url={target}">'
    return f"{opening}<head>{meta}</head><body>on</body></html>".encode()


def _site() -> dict[str, Reply]:
    site: dict[str, Reply] = {}
    # -- heads --------------------------------------------------------------------------------
    coded = gzip.compress(_page("5 Coves Coded Twice", range(1, 6)).encode())
    coded = gzip.compress(coded)
    site["/fold-codings/"] = _reply(coded, HTML + b"Content-Encoding: gzip\r\n\t, gzip\r\n")
    cyrillic = _page("5 Бухт на побережье", range(1, 6)).replace('<meta charset="utf-8">', "")
    site["/fold-charset/"] = _reply(
        cyrillic.encode("cp1251"), b"Content-Type: text/html;\r\n charset=windows-1251\r\n"
    )
    site["/fold-location/"] = _reply(
        _page("6 Folded Walks", range(1, 4), next_href="/fold-location/2/").encode()
    )
    site["/fold-location/2/"] = _reply(
        b"", b"Location: /fold-location/\r\n next/\r\n", b"301 Moved Permanently"
    )
    site["/fold-location/%20next/"] = _reply(_page("6 Folded Walks", range(4, 7)).encode())
    # "/fold-location/" then " next/" is "/fold-location/ next/": without the continuation it
    # would loop back to page 1.
    body_with_blank_lines = _page("5 Bare Line Ends", range(1, 6)).replace(
        "<body>", "<body>\r\n\r\n<!-- x -->"
    )
    site["/bare-lf/"] = _reply(
        body_with_blank_lines.encode(), b"Content-Type: text/html; charset=utf-8\n", end=b"\n"
    )
    site["/lf-crlf/"] = _reply(
        body_with_blank_lines.replace("Bare Line Ends", "Mixed Ends").encode(), HTML, end=b"\n\r\n"
    )
    # -- fragments ------------------------------------------------------------------------------
    site["/frag/"] = _reply(
        _page("8 Fragments Of Coast", range(1, 3), "/i/f{n}.jpg#photo", "/frag/2/#items").encode()
    )
    site["/frag/2/"] = _reply(_page("8 Fragments Of Coast", range(3, 5), next_href="/frag/3/").encode())
    site["/frag/3/"] = _reply(b"", b"Location: /frag/page-3/#x\r\n", b"302 Found")
    site["/frag/page-3/"] = _reply(
        _page("8 Fragments Of Coast", range(5, 7), "/r/{n}.jpg", "/frag/4/").encode()
    )
    site["/frag/4/"] = _reply(_refresh("/frag/page-4/#z"))
    site["/frag/page-4/"] = _reply(_page("8 Fragments Of Coast", range(7, 9)).encode())
    for n in (5, 6):
        site[f"/r/{n}.jpg"] = _reply(b"", f"Location: /i/r{n}.jpg#again\r\n".encode(), b"302 Found")
        site[f"/i/r{n}.jpg"] = _jpeg(n)
    # -- which responses are pages ----------------------------------------------------------------
    decoy = _page("6 Decoys At Image Addresses", range(1, 7)).encode()
    site["/decoys/"] = _reply(_page("4 Pages With Decoy Photos", range(1, 5), "/d/{n}.png").encode())
    site["/d/1.png"] = _reply(decoy, b"Content-Type: image/png\r\n")
    site["/d/2.png"] = _reply(decoy.replace(b"Decoys", b"More Decoys"), HTML)
    site["/d/3.png"] = _jpeg(3)
    site["/d/4.png"] = _jpeg(4)
    site["/robots.txt"] = _reply(_page("6 Rules For Robots", range(1, 7)).encode())
    bom = b"\xef\xbb\xbf" + _page("5 Marked Bytes", range(1, 6)).encode()
    site["/odd/bom/"] = _reply(bom, b"Content-Type: image/jpeg\r\n")
    commented = "<!-- built by hand -->\n<!doctype HTML>" + _page("5 Commented Coves", range(1, 6))[15:]
    site["/odd/comment/"] = _reply(commented.encode(), b"Content-Type: application/octet-stream\r\n")
    site["/odd/utf16/"] = _reply(
        _page("5 Wide Characters", range(1, 6)).replace("utf-8", "utf-16").encode("utf-16"),
        b"Content-Type: image/webp\r\n",
    )
    # Refresh stubs for page 2: HTML by their bytes (followed by the crawl), or not (parsed).
    for name, headers, opening in (
        ("untyped", b"", "<html>"),
        ("gif", b"Content-Type: image/gif\r\n", "<html>"),
        ("text", b"Content-Type: text/plain\r\n", "<html>"),
        ("lang", b"Content-Type: application/octet-stream\r\n", '<html lang="en">'),
    ):
        site[f"/stub-{name}/"] = _reply(
            _page(f"6 {name.title()} Stubs", range(1, 4), next_href=f"/stub-{name}/2/").encode()
        )
        site[f"/stub-{name}/2/"] = _reply(_refresh(f"/stub-{name}/two/", opening), headers)
        site[f"/stub-{name}/two/"] = _reply(_page(f"6 {name.title()} Stubs", range(4, 7)).encode())
    for n, photo in enumerate(sorted(_PHOTOS)):
        site[photo] = _jpeg(n % 256)
    return site


SEEDS = [
    "/fold-codings/",
    "/fold-charset/",
    "/fold-location/",
    "/bare-lf/",
    "/lf-crlf/",
    "/frag/",
    "/decoys/",
]
SEEDS += ["/odd/bom/", "/odd/comment/", "/odd/utf16/"] + [
    f"/stub-{n}/" for n in ("untyped", "gif", "text", "lang")
]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _extract(*warcs: Path | str) -> subprocess.CompletedProcess[str]:
    result = _run(str(BIN / "archiver"), "extract", *map(str, warcs), "-o", "-")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("agree") / "out"
    with serve_raw(_site()) as server:
        result = _run(*loopback_crawl(out, *(server.base + seed for seed in SEEDS), "--depth", "0"))
        assert result.returncode == 0, result.stderr
    crawled = (out / "articles.jsonl").read_text()
    extract = _extract(*sorted((out / "warc").glob("*.warc.gz")))
    articles = {a["url"].removeprefix(server.base): a for a in map(json.loads, crawled.splitlines())}
    yield {
        "crawled": crawled,
        "extracted": extract.stdout,
        "stderr": extract.stderr,
        "articles": articles,
        "base": server.base,
        "requested": server.requested,
        "out": out,
    }


def test_extract_reproduces_the_crawl_byte_for_byte(crawl: dict[str, Any]) -> None:
    assert crawl["extracted"] == crawl["crawled"]
    assert "failed fetch" not in crawl["stderr"], crawl["stderr"]


def test_heads_are_read_as_the_crawls_client_read_them(crawl: dict[str, Any]) -> None:
    articles = crawl["articles"]
    assert len(articles["/fold-codings/"]["items"]) == 5
    assert articles["/fold-charset/"]["title"] == "5 Бухт на побережье"
    walks = articles["/fold-location/"]
    assert [p["url"].removeprefix(crawl["base"]) for p in walks["pages"]] == [
        "/fold-location/",
        "/fold-location/%20next/",
    ]
    assert len(articles["/bare-lf/"]["items"]) == len(articles["/lf-crlf/"]["items"]) == 5


def test_fragments_name_the_urls_fetched(crawl: dict[str, Any]) -> None:
    article = crawl["articles"]["/frag/"]
    assert [p["url"].removeprefix(crawl["base"]) for p in article["pages"]] == [
        "/frag/",
        "/frag/2/",
        "/frag/page-3/",
        "/frag/page-4/",
    ]
    captures = [image["capture"] for item in article["items"] for image in item["images"]]
    assert len(captures) == 8 and all(c is not None and c["status"] == 200 for c in captures)
    assert not any("#" in target for target in crawl["requested"])


def test_only_what_the_crawl_parsed_starts_an_article(crawl: dict[str, Any]) -> None:
    articles = crawl["articles"]
    assert set(articles) == set(SEEDS)  # no article at a photo URL or at /robots.txt
    assert len(articles["/decoys/"]["items"]) == 4  # the HTML at its photo URLs is no article
    for seed in ("/odd/bom/", "/odd/comment/", "/odd/utf16/"):
        assert len(articles[seed]["items"]) == 5, seed


def test_a_refresh_stub_is_followed_when_its_bytes_make_it_html(crawl: dict[str, Any]) -> None:
    articles = crawl["articles"]
    for name in ("untyped", "gif"):
        assert len(articles[f"/stub-{name}/"]["items"]) == 6, name
    for name in ("text", "lang"):  # typed as text, or no "<html>": not HTML to Scrapy, parsed instead
        article = articles[f"/stub-{name}/"]
        assert len(article["items"]) == 3 and not article["complete"], name
        assert f"/stub-{name}/two/" not in crawl["requested"]


def _without_page_notes(crawl: dict[str, Any], target: Path, warcinfo: dict[str, str] | None = None) -> Path:
    """The crawl's WARCs copied into ``target`` without their metadata records (the page notes);
    with ``warcinfo``, each file's warcinfo replaced by one with these fields."""
    from warcio.archiveiterator import ArchiveIterator

    with target.open("wb") as stream_out:
        writer = WARCWriter(stream_out, gzip=True)
        for warc in sorted((crawl["out"] / "warc").glob("*.warc.gz")):
            with warc.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.rec_type == "warcinfo" and warcinfo is not None:
                        writer.write_record(writer.create_warcinfo_record(warc.name, warcinfo))
                    elif record.rec_type != "metadata":
                        writer.write_record(record)
    return target


def test_without_any_page_note_our_files_are_sniffed_like_other_tools(
    crawl: dict[str, Any], tmp_path: Path
) -> None:
    """An older version wrote no page notes (and no ``parsed-pages-noted`` in its warcinfo): its
    pages are then found by their bytes."""
    older = {"software": "listicle-archiver/0.1.0", "format": "WARC File Format 1.1"}
    stripped = _without_page_notes(crawl, tmp_path / "no-notes.warc.gz", warcinfo=older)
    found = {
        json.loads(line)["url"].removeprefix(crawl["base"]) for line in _extract(stripped).stdout.splitlines()
    }
    # Every article of the crawl, and the decoy photos' HTML, which only the notes tell apart.
    assert found == set(crawl["articles"]) | {"/d/1.png", "/d/2.png"}


# -- WARCs of other tools -----------------------------------------------------------------------
_Record = tuple[str, str, str, bytes, dict[str, str]]  # type, URL, HTTP head, body, WARC headers


def _warc(path: Path, records: list[_Record]) -> None:
    """A gzipped WARC (warcinfo of another tool) of (type, URL, HTTP head, body, WARC headers)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "Wget/1.21.4"}))
        for rec_type, url, head, body, warc_headers in records:
            status, _, rest = head.partition("\r\n")
            headers = [tuple(line.split(": ", 1)) for line in rest.split("\r\n") if line]
            http = StatusAndHeaders(status.split(" ", 1)[1], headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, rec_type, payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc_headers
            )
            writer.write_record(record)


def test_other_tools_pages_are_found_by_their_bytes(tmp_path: Path) -> None:
    site = "http://coast.example"
    pages = {
        "/bom/": ("image/jpeg", b"\xef\xbb\xbf" + _page("5 Marked Bytes", range(1, 6)).encode()),
        "/comment/": (
            "application/octet-stream",
            b"<!-- hand -->\n<?xml version='1.0'?>" + _page("5 Notes", range(1, 6)).encode(),
        ),
        "/wide/": (
            "image/gif",
            _page("5 Wide Ones", range(1, 6)).replace("utf-8", "utf-16").encode("utf-16"),
        ),
        "/upper/": (
            "application/octet-stream",
            _page("5 Loud Ones", range(1, 6)).upper().replace("<H2>", "<h2>").encode(),
        ),
    }
    records: list[_Record] = [
        ("response", site + path, f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n", body, {})
        for path, (kind, body) in pages.items()
    ]
    records.append(
        (
            "response",
            site + "/i/1.jpg",
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n",
            b"\xff\xd8\xff\xe0<html>",
            {},
        )
    )
    warc = tmp_path / "other.warc.gz"
    _warc(warc, records)
    found = [json.loads(line)["url"].removeprefix(site) for line in _extract(warc).stdout.splitlines()]
    assert sorted(found) == sorted(pages)


@pytest.mark.parametrize("by", ["record-id", "uri-and-date"])
def test_a_not_modified_revisit_reads_its_original_from_another_file(tmp_path: Path, by: str) -> None:
    url = "http://coast.example/list/"
    body = _page("6 Returning Tides", range(1, 7)).encode()
    first = tmp_path / "a-first.warc.gz"
    _warc(
        first,
        [
            (
                "response",
                url,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n",
                body,
                {
                    "WARC-Date": "2026-01-02T03:04:05Z",
                    "WARC-Record-ID": "<urn:uuid:0b5e9d3c-1111-4c5e-8000-000000000001>",
                },
            )
        ],
    )
    refers = {"WARC-Refers-To-Target-URI": url, "WARC-Refers-To-Date": "2026-01-02T03:04:05Z"}
    if by == "record-id":
        refers = {"WARC-Refers-To": "<urn:uuid:0b5e9d3c-1111-4c5e-8000-000000000001>"}
    second = tmp_path / "b-again.warc.gz"
    profile = "http://netpreserve.org/warc/1.0/revisit/server-not-modified"
    _warc(
        second,
        [
            (
                "revisit",
                url,
                'HTTP/1.1 304 Not Modified\r\nETag: "t1"\r\n',
                b"",
                {"WARC-Profile": profile, "WARC-Date": "2026-02-02T03:04:05Z", **refers},
            )
        ],
    )
    for order in ((first, second), (second, first)):
        result = _extract(*order)
        (article,) = [json.loads(line) for line in result.stdout.splitlines()]
        assert article["title"] == "6 Returning Tides" and len(article["items"]) == 6
        assert article["pages"][0]["status"] == 200
        assert "warning" not in result.stderr, result.stderr


def test_a_conversion_record_is_warned_about(tmp_path: Path) -> None:
    warc = tmp_path / "converted.warc.gz"
    url = "http://coast.example/list/"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(warc.name, {"software": "converter"}))
        record = writer.create_warc_record(
            url, "conversion", payload=io.BytesIO(b"plain text of it"), warc_content_type="text/plain"
        )
        writer.write_record(record)
    result = _extract(warc)
    assert f"warning: {url}: a conversion record" in result.stderr


def test_a_file_that_notes_pages_but_holds_no_note_has_no_page(crawl: dict[str, Any], tmp_path: Path) -> None:
    """A file cut short by a full disk or a kill may hold a page's response and not its note:
    the page was not parsed there (the next run fetches it again), whatever other files hold."""
    stripped = _without_page_notes(crawl, tmp_path / "notes-cut.warc.gz")
    assert _extract(stripped).stdout == ""
