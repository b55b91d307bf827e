"""The codings the crawl asks for are codings pywb replays: pages crawled under each coding of
``Accept-Encoding`` (archiver.codings.REQUESTED_CODINGS) replay as HTML in pywb; deflate and
zstd pages (sent unasked, like br) are measured too: pywb shows deflate (ReplayWeb.page does not, which
is why it is not asked for either) and shows zstd undecoded.

pywb lives in its own virtualenv (``.venv-pywb``, made by ``.ci/run``); the test skips without it.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request
import zlib
from collections.abc import Iterator

import brotli
import pytest

from archiver.codings import REQUESTED_CODINGS
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, robots_allow_all, send, serve
from tests.pywb import pywb_collection

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

ENCODERS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
    "zstd": zstd.compress,
}


def _route(coding: str) -> Route:
    body = ENCODERS[coding](listicle_html(f"5 Pages Sent As {coding}", range(1, 6)))
    return lambda handler: send(handler, 200, body, headers=[("Content-Encoding", coding)])


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    """coding -> the body pywb serves for the page crawled under it (rewritten replay)."""
    root = tmp_path_factory.mktemp("replay")
    routes: dict[str, Route] = {"/robots.txt": robots_allow_all()}
    routes.update({f"/{coding}/": _route(coding) for coding in ENCODERS})
    with serve(routes) as base:
        command = loopback_crawl(root / "out", *(f"{base}/{c}/" for c in ENCODERS), "--depth", "0")
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    warcs = [str(p) for p in sorted((root / "out" / "warc").glob("*.warc.gz"))]
    with pywb_collection(root, "c", warcs) as replay:
        bodies = {}
        for coding in ENCODERS:
            url = f"{replay}/2026mp_/{base}/{coding}/"
            request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
            with urllib.request.urlopen(request, timeout=60) as response:
                bodies[coding] = response.read()
        yield bodies


def test_every_requested_coding_replays_as_html_in_pywb(replayed: dict[str, bytes]) -> None:
    for coding in REQUESTED_CODINGS:
        assert f"5 Pages Sent As {coding}".encode() in replayed[coding], coding


def test_zstd_is_not_requested_because_pywb_replays_it_undecoded(replayed: dict[str, bytes]) -> None:
    assert "zstd" not in REQUESTED_CODINGS
    assert b"5 Pages Sent As zstd" not in replayed["zstd"]
    assert b"5 Pages Sent As deflate" in replayed["deflate"]  # measured; unasked all the same
