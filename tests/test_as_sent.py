"""The WARC holds each response head as the server sent it, and a body is truncated only when its
framing broke.

One crawl against a raw-socket server (every reply byte for byte as written here): reason
phrases of its own, connection headers, raw UTF-8 and latin-1 header bytes, raw UTF-8 redirects
to a page and to an image, bodies ended by the server closing the connection (HTTP/1.0 and
HTTP/1.1), a chunked page, and three cut bodies (short Content-Length, chunks without the last
one, a reset). The WARCs are read back with warcio and compared with what was sent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.warc.exchange import HEAD_NOTE_FIELD, HEAD_TRANSFER_ENCODING_RENAMED
from tests.crawl_command import loopback_crawl
from tests.pywb import pywb_collection
from tests.raw_server import Reply, serve_raw

BIN = Path(sys.executable).parent
SHARED_CASES = Path(__file__).parent.parent.parent / "shared" / "cases"
HTML = b"Content-Type: text/html; charset=utf-8\r\n"


def _listicle(title: str, numbers: range, images: dict[int, str], next_href: str | None = None) -> bytes:
    items = "".join(
        f'<h2>{n}. Landmark number {n}</h2><img src="{images[n]}" alt="Landmark {n}">'
        f"<p>Why landmark {n} is worth the trip, in a sentence or two.</p>"
        for n in numbers
    )
    nxt = f'<a rel="next" href="{next_href}">Next</a>' if next_href else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><article><h1>{title}</h1><div class="entry-content">{items}</div>{nxt}</article>'
        "</body></html>"
    ).encode()


def _jpeg(tag: str) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + tag.encode() + bytes(64) + b"\xff\xd9"


def _framed(status: bytes, headers: bytes, body: bytes) -> bytes:
    return b"HTTP/1.1 " + status + b"\r\n" + headers + b"Content-Length: %d\r\n\r\n" % len(body) + body


def _chunked(body: bytes, *, last: bool = True) -> bytes:
    chunks = [body[i : i + 100] for i in range(0, len(body), 100)]
    out = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
    return out + (b"0\r\n\r\n" if last else b"")


@dataclass(frozen=True)
class Served:
    """What one path answers and what the archive must hold for it."""

    reply: Reply
    body: bytes  # the payload as it must be stored: as sent, without transfer chunking
    chunked: bool = False
    truncated: bool = False


def _image(tag: str, status: bytes = b"200 OK") -> Served:
    body = _jpeg(tag)
    return Served(Reply(_framed(status, b"Content-Type: image/jpeg\r\n", body)), body)


def _redirect(status: bytes, location: bytes) -> Served:
    return Served(
        Reply(b"HTTP/1.1 " + status + b"\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n"), b""
    )


def _site() -> dict[str, Served]:
    """Request target (as the crawler sends it) -> what is served there."""
    site: dict[str, Served] = {}
    # An article over three pages: a reason phrase of the server's own, connection headers and
    # raw non-ASCII header bytes; page 2 HTTP/1.0, ended by the close; a raw UTF-8 redirect to
    # page 3, chunked.
    first = _listicle(
        "9 Landmarks Worth a Detour",
        range(1, 4),
        {1: "/img/1.jpg", 2: "/img/2.jpg", 3: "/img/3.jpg"},
        "/list/2/",
    )
    head = (
        b"HTTP/1.1 200 OK Fine\r\n" + HTML + b"Content-Length: %d\r\n" % len(first)
        + b"Connection: keep-alive\r\nKeep-Alive: timeout=5, max=100\r\n"
        + b"X-Motto: caf\xc3\xa9 \xc3\xbcber alles\r\nX-Legacy: caf\xe9 cr\xe8me\r\n\r\n"
    )  # fmt: skip
    site["/list/"] = Served(Reply(head + first), first)
    second = _listicle(
        "9 Landmarks Worth a Detour", range(4, 7), {n: f"/img/{n}.jpg" for n in range(4, 7)}, "/list/3/"
    )
    site["/list/2/"] = Served(Reply(b"HTTP/1.0 200 OK\r\n" + HTML + b"\r\n" + second, "close"), second)
    site["/list/3/"] = _redirect(b"301 Moved Permanently", "/list/3-größe/".encode())
    third = _listicle("9 Landmarks Worth a Detour", range(7, 10), {n: f"/img/{n}.jpg" for n in range(7, 10)})
    chunked_head = b"HTTP/1.1 200 OK\r\n" + HTML + b"Transfer-Encoding: chunked\r\n\r\n"
    site["/list/3-gr%C3%B6%C3%9Fe/"] = Served(Reply(chunked_head + _chunked(third)), third, chunked=True)
    site["/img/1.jpg"] = _image("one", b"299 Custom Thing")
    site["/img/2.jpg"] = _redirect(b"302 Found", "/fotos/möwe-2.jpg".encode())
    site["/fotos/m%C3%B6we-2.jpg"] = _image("two")
    for n in (3, *range(4, 10)):
        site[f"/img/{n}.jpg"] = _image(str(n))
    # One page HTTP/1.1 without Content-Length or chunking, ended by the close; its first photo
    # redirects with a raw UTF-8 Location.
    closing = _listicle("6 Quiet Harbours", range(1, 7), {n: f"/h/{n}.jpg" for n in range(1, 7)})
    site["/close/"] = Served(
        Reply(b"HTTP/1.1 200 OK\r\n" + HTML + b"Connection: close\r\n\r\n" + closing, "close"), closing
    )
    site["/h/1.jpg"] = _redirect(b"302 Found", "/h/bild-ä.jpg".encode())
    site["/h/bild-%C3%A4.jpg"] = _image("h1")
    for n in range(2, 7):
        site[f"/h/{n}.jpg"] = _image(f"h{n}")
    # Cut bodies: the framing the server announced is not met, or the connection is reset.
    cut = _listicle("3 Broken Bridges", range(1, 4), {n: f"/c/{n}.jpg" for n in range(1, 4)})
    half = len(cut) // 2
    for n in range(1, 4):  # served: a photo answering 404 is a failed photo (the run would be partial)
        site[f"/c/{n}.jpg"] = _image(f"c{n}")
    site["/cut-length/"] = Served(
        Reply(_framed(b"200 OK", HTML, cut)[: -len(cut) + half], "close"), cut[:half], truncated=True
    )
    cut_chunks = (
        b"HTTP/1.1 200 OK\r\n"
        + HTML
        + b"Transfer-Encoding: chunked\r\n\r\n"
        + _chunked(cut[:300], last=False)
    )
    site["/cut-chunked/"] = Served(Reply(cut_chunks, "close"), cut[:300], chunked=True, truncated=True)
    reset = _listicle("3 Reset Towers", range(1, 4), {n: f"/c/{n}.jpg" for n in range(1, 4)})
    site["/reset/"] = Served(
        Reply(b"HTTP/1.1 200 OK\r\n" + HTML + b"Connection: close\r\n\r\n" + reset, "reset"),
        reset,
        truncated=True,
    )
    return site


SEEDS = ["/list/", "/close/", "/cut-length/", "/cut-chunked/", "/reset/"]


@dataclass(frozen=True)
class Record:
    warc_headers: dict[str, str]
    head: bytes
    payload: bytes


def _responses(warcs: list[Path]) -> dict[str, list[Record]]:
    """Target URI -> its response records, with the HTTP head and payload as stored."""
    found: dict[str, list[Record]] = {}
    for warc in warcs:
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream, no_record_parse=True):
                if record.rec_type != "response":
                    continue
                block = record.raw_stream.read()
                end = block.index(b"\r\n\r\n") + 4
                headers = dict(record.rec_headers.headers)
                found.setdefault(headers["WARC-Target-URI"], []).append(
                    Record(headers, block[:end], block[end:])
                )
    return found


@pytest.fixture(scope="module")
def as_sent_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("as-sent") / "out"
    site = _site()
    with serve_raw({target: served.reply for target, served in site.items()}) as server:
        result = subprocess.run(
            loopback_crawl(out, *[server.base + seed for seed in SEEDS], "--depth", "0"),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        requested = list(server.requested)
    assert result.returncode == 0, result.stderr[-3000:]
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    yield {
        "out": out,
        "base": server.base,
        "site": site,
        "requested": requested,
        "warcs": warcs,
        "records": _responses(warcs),
        "articles": {article["url"].removeprefix(server.base): article for article in articles},
    }


def test_every_response_head_is_stored_byte_for_byte_as_sent(as_sent_crawl: dict[str, Any]) -> None:
    records, site, base = as_sent_crawl["records"], as_sent_crawl["site"], as_sent_crawl["base"]
    checked = 0
    for target, served in site.items():
        if target.startswith("/c/"):
            continue  # photos of cut pages: fetched or not, as far as the cut got
        assert base + target in records, f"{target} was not archived"
        for record in records[base + target]:
            expected = served.reply.head
            if served.chunked:  # stored de-chunked: only the header name says so
                expected = expected.replace(b"\r\nTransfer-Encoding:", b"\r\nX-Orig-Transfer-Encoding:")
                assert record.warc_headers[HEAD_NOTE_FIELD] == HEAD_TRANSFER_ENCODING_RENAMED
            else:
                assert HEAD_NOTE_FIELD not in record.warc_headers, target
            assert record.head == expected, target
            checked += 1
    assert checked == len(site) - sum(1 for target in site if target.startswith("/c/"))


def test_bodies_are_stored_as_sent_and_only_broken_framing_is_truncated(
    as_sent_crawl: dict[str, Any],
) -> None:
    records, site, base = as_sent_crawl["records"], as_sent_crawl["site"], as_sent_crawl["base"]
    for target, served in site.items():
        for record in records.get(base + target, []):
            assert record.warc_headers.get("WARC-Truncated") == (
                "disconnect" if served.truncated else None
            ), target
            if not target.startswith("/reset/"):  # a reset may drop bytes still in flight
                assert record.payload == served.body, target


def test_close_delimited_pages_make_complete_articles(as_sent_crawl: dict[str, Any]) -> None:
    articles = as_sent_crawl["articles"]
    detour, harbours = articles["/list/"], articles["/close/"]
    assert detour["complete"] and detour["warnings"] == [] and len(detour["items"]) == 9
    assert [page["url"].removeprefix(as_sent_crawl["base"]) for page in detour["pages"]] == [
        "/list/", "/list/2/", "/list/3-gr%C3%B6%C3%9Fe/",
    ]  # fmt: skip
    assert all(page["truncated"] is None for page in detour["pages"] + harbours["pages"])
    assert harbours["complete"] and harbours["warnings"] == [] and len(harbours["items"]) == 6
    statuses = [item["images"][0]["capture"]["status"] for item in detour["items"] + harbours["items"]]
    assert statuses == [299] + [200] * 14


def test_cut_pages_are_reported_truncated(as_sent_crawl: dict[str, Any]) -> None:
    articles = as_sent_crawl["articles"]
    for seed in ("/cut-length/", "/cut-chunked/", "/reset/"):
        if seed in articles:  # a page cut before its first item begins no article
            assert articles[seed]["pages"][0]["truncated"] == "disconnect"
            assert not articles[seed]["complete"]


def test_raw_utf8_locations_are_followed_percent_encoded(as_sent_crawl: dict[str, Any]) -> None:
    requested = as_sent_crawl["requested"]
    assert {"/list/3-gr%C3%B6%C3%9Fe/", "/fotos/m%C3%B6we-2.jpg", "/h/bild-%C3%A4.jpg"} <= set(requested)


def test_the_archive_passes_warcio_check_and_extract_reproduces_the_crawl(
    as_sent_crawl: dict[str, Any], tmp_path: Path
) -> None:
    warcs = as_sent_crawl["warcs"]
    checked = subprocess.run(
        [str(BIN / "warcio"), "check", "-v", *map(str, warcs)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout[-2000:]
    extracted = tmp_path / "extracted.jsonl"
    subprocess.run(
        [str(BIN / "archiver"), "extract", *map(str, warcs), "-o", str(extracted)],
        check=True,
        capture_output=True,
    )
    assert extracted.read_bytes() == (as_sent_crawl["out"] / "articles.jsonl").read_bytes()


def test_warcinfo_names_the_real_warcio_version(as_sent_crawl: dict[str, Any]) -> None:
    from importlib.metadata import version

    with as_sent_crawl["warcs"][0].open("rb") as stream:
        info = next(iter(ArchiveIterator(stream))).content_stream().read().decode()
    assert f"warcio-version: {version('warcio')}\r\n" in info


def _run_case(name: str, tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    """Run a shared case as its README says: its server, ``archiver crawl``, ``archiver extract``
    (which must reproduce articles.jsonl byte for byte)."""
    case = SHARED_CASES / name
    if not (case / "server.py").is_file():
        pytest.skip(f"shared case {name} not present beside the clone")
    server = subprocess.Popen(
        [sys.executable, str(case / "server.py"), "300"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert server.stdout is not None
        url = next(line.split()[1] for line in server.stdout if line.startswith("crawl:"))
        out = tmp_path / "out"
        subprocess.run(loopback_crawl(out, url, "--depth", "0"), check=True, capture_output=True, timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=10)
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    extracted = tmp_path / "extracted.jsonl"
    subprocess.run(
        [str(BIN / "archiver"), "extract", *map(str, warcs), "-o", str(extracted)],
        check=True,
        capture_output=True,
    )
    assert extracted.read_bytes() == (out / "articles.jsonl").read_bytes()
    return out, [json.loads(line) for line in extracted.read_text().splitlines()]


def test_shared_case_05_keeps_raw_utf8_locations_and_extract_follows_them(tmp_path: Path) -> None:
    out, articles = _run_case("05-non-ascii-location", tmp_path)
    assert len(articles) == 1 and articles[0]["complete"] and len(articles[0]["items"]) == 6
    assert [page["url"].split("/", 3)[3] for page in articles[0]["pages"]] == [
        "list/",
        "list/2-br%C3%BCcken/",
    ]
    assert all(item["images"][0]["capture"]["status"] == 200 for item in articles[0]["items"])
    heads = b"".join(
        r.head for rs in _responses(sorted((out / "warc").glob("*.warc.gz"))).values() for r in rs
    )
    assert (
        b"Location: /list/2-br\xc3\xbccken/\r\n" in heads
        and b"Location: /bilder/stra\xc3\x9fe-b.jpg\r\n" in heads
    )


def test_shared_case_12_a_page_ended_by_the_close_is_complete(tmp_path: Path) -> None:
    out, articles = _run_case("12-no-content-length", tmp_path)
    assert len(articles) == 1 and articles[0]["complete"] and articles[0]["warnings"] == []
    assert articles[0]["pages"][0]["truncated"] is None
    records = _responses(sorted((out / "warc").glob("*.warc.gz")))
    assert not any("WARC-Truncated" in r.warc_headers for rs in records.values() for r in rs)


def test_a_request_answered_in_http_1_0_is_recorded_as_sent_in_http_1_1(
    as_sent_crawl: dict[str, Any],
) -> None:
    requests = {}
    for warc in as_sent_crawl["warcs"]:
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream, no_record_parse=True):
                if record.rec_type == "request":
                    requests[record.rec_headers.get_header("WARC-Target-URI")] = record.raw_stream.read()
    assert requests[as_sent_crawl["base"] + "/list/2/"].startswith(b"GET /list/2/ HTTP/1.1\r\n")


def test_pywb_replays_the_heads_as_sent_and_follows_the_raw_utf8_redirect(
    as_sent_crawl: dict[str, Any], tmp_path: Path
) -> None:
    with pywb_collection(tmp_path, "c", as_sent_crawl["warcs"]) as collection:
        replay = f"{collection}/2026"
        base = as_sent_crawl["base"]
        with urllib.request.urlopen(f"{replay}id_/{base}/list/", timeout=30) as response:
            assert (response.status, response.reason) == (200, "OK Fine")
        with urllib.request.urlopen(f"{replay}mp_/{base}/list/3/", timeout=30) as response:
            assert response.url.endswith("/list/3-gr%C3%B6%C3%9Fe/") and b"7. Landmark" in response.read()
