"""After a crawl stopped by a full disk, every revisit record points at a record that is there.

A record that does not fit fails; a copy of its payload under another URL, in flight at the
same time, would be a small revisit that still fits, pointing at nothing.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.summary import read_run
from tests.crawl_command import crawl_on_a_full_disk, loopback_crawl
from tests.fault_server import Route, page, raw, robots_allow_all, send, serve

BIN = Path(sys.executable).parent
PAGES = 30
PAYLOADS = [b"\xff\xd8\xff\xe0" + random.Random(n).randbytes(12_000) for n in range(6)]  # incompressible


def _page(n: int) -> bytes:
    items = "".join(
        f'<h2>{k}. Harbour view {k}</h2><img src="/img/{n}-{k}.jpg" alt="view {k}"><p>Seen from pier {k}.</p>'
        for k in range(1, 4)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>3 Harbour Views Part {n}</title></head>"
        f"<body><article><h1>3 Harbour Views Part {n}</h1>{items}</article></body></html>"
    ).encode()


def test_after_a_full_disk_every_revisit_points_at_an_existing_record(tmp_path: Path) -> None:
    routes: dict[str, Route] = {"/robots.txt": robots_allow_all()}
    for n in range(1, PAGES + 1):
        routes[f"/list-{n}/"] = page(_page(n))
        for k in range(1, 4):
            routes[f"/img/{n}-{k}.jpg"] = raw(PAYLOADS[(3 * n + k) % len(PAYLOADS)], "image/jpeg")

    out = tmp_path / "out"
    with serve(routes) as base:
        result = crawl_on_a_full_disk(
            loopback_crawl(out, *[f"{base}/list-{n}/" for n in range(1, PAGES + 1)], "--depth", "0"),
            120_000,
        )
    assert result.returncode == 3, result.stderr[-2000:]  # stopped early: disk full
    assert read_run(out)["finish_reason"] == "disk_full"
    originals: set[str] = set()
    refers_to: list[str] = []
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    originals.add(record.rec_headers.get_header("WARC-Record-ID"))
                elif record.rec_type == "revisit":
                    refers_to.append(record.rec_headers.get_header("WARC-Refers-To"))
    assert originals, "nothing was archived before the disk filled"
    assert set(refers_to) <= originals


BIG = b"\xff\xd8\xff\xe0" + random.Random(99).randbytes(80_000)  # cannot fit under the limit


def _together(barrier: threading.Barrier) -> Route:
    """The big image, answered once both of its URLs were requested: both are in flight."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        barrier.wait(timeout=60)
        send(handler, 200, BIG, "image/jpeg")

    return route


def test_a_copy_of_a_payload_that_did_not_fit_is_not_a_revisit(tmp_path: Path) -> None:
    barrier = threading.Barrier(2)
    body = (
        b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>2 Big Views</title></head><body><article>"
        b"<h1>2 Big Views</h1><h2>1. The first view</h2><img src='/img/a.jpg' alt='a'><p>Wide.</p>"
        b"<h2>2. The second view</h2><img src='/img/b.jpg' alt='b'><p>Wider.</p></article></body></html>"
    )
    routes = {
        "/robots.txt": robots_allow_all(),
        "/list/": page(body),
        "/img/a.jpg": _together(barrier),
        "/img/b.jpg": _together(barrier),
    }

    out = tmp_path / "out"
    with serve(routes) as base:
        result = crawl_on_a_full_disk(
            loopback_crawl(out, f"{base}/list/", "--depth", "0"),
            60_000,
        )
    assert result.returncode == 3, result.stderr[-2000:]  # stopped early: disk full
    assert read_run(out)["finish_reason"] == "disk_full"
    (warc,) = (out / "warc").glob("*.warc.gz")
    with warc.open("rb") as stream:
        kinds = {
            record.rec_headers.get_header("WARC-Target-URI"): record.rec_type
            for record in ArchiveIterator(stream)
            if record.rec_type in ("response", "revisit")
        }
    assert kinds == {f"{base}/robots.txt": "response", f"{base}/list/": "response"}
