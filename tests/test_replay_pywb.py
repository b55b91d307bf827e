"""`archiver replay OUT`: the crawl's WARCs replayed by pywb, looked at in headless Chromium and
with a plain HTTP client that asks for gzip (pywb passes a page's archived Content-Encoding on:
the header must say what the body is)."""

from __future__ import annotations

import gzip
import io
import os
import select
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.reextract import decode_body
from archiver.replay.collection import INDEX_FILE, REPLAY_FOLDER, prepare
from archiver.replay.links import replay_link, wayback_timestamp
from archiver.replay.pywb import serve_collection
from tests.browser import browser, rendered_images, screenshot  # noqa: F401
from tests.pywb import PYWB_BIN
from tests.replay_support import archived_pages, chromium, crawled_site, skip_or_fail  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import Browser

BIN = Path(sys.executable).parent


def _require_pywb() -> None:
    if not (PYWB_BIN / "wayback").exists():
        skip_or_fail(f"pywb is not installed at {PYWB_BIN} (.ci/run creates it)")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    _require_pywb()
    yield from crawled_site(tmp_path_factory)


def _first_line(process: subprocess.Popen[str], seconds: float = 120) -> str:
    """The command's first stdout line, or a failure with its stderr when it gives none."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    line = process.stdout.readline() if ready else ""
    if not line:
        process.kill()
        _, errors = process.communicate()
        pytest.fail(f"archiver replay printed no URL (exit {process.returncode}): {errors}")
    return line.strip()


@contextmanager
def replay_command(folder: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A real ``archiver replay`` subprocess and the collection URL it printed first; SIGTERM
    at the end (the test may have stopped it already)."""
    process = subprocess.Popen(
        [str(BIN / "archiver"), "replay", str(folder), "--pywb", str(PYWB_BIN), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process, _first_line(process)
    finally:
        if process.poll() is None:
            process.terminate()
        process.communicate(timeout=60)


@pytest.fixture(scope="module")
def replay(out: Path) -> Iterator[str]:
    """The collection URL of ``archiver replay OUT``, served for the whole module."""
    with replay_command(out) as (_, prefix):
        yield prefix


def _get(url: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {name.lower(): value for name, value in response.headers.items()}, response.read()


def _body_as_labelled(headers: dict[str, str], body: bytes) -> bytes:
    """The body decoded as its Content-Encoding says: gunzip must succeed when it says gzip."""
    encoding = headers.get("content-encoding", "identity").lower()
    assert encoding in ("gzip", "identity"), encoding
    return gzip.decompress(body) if encoding == "gzip" else body


def _archived(out: Path) -> dict[str, tuple[dict[str, str], bytes]]:
    """Each response's HTTP headers and decoded payload, by URL."""
    found = {}
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    headers = {name.lower(): value for name, value in record.http_headers.headers}
                    body = decode_body(record.raw_stream.read(), headers)
                    found[record.rec_headers.get_header("WARC-Target-URI")] = (headers, body)
    return found


def test_every_item_photo_and_heading_of_every_article_page_renders_in_chromium(
    out: Path,
    replay: str,
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    pages = archived_pages(out)
    assert len(pages) == 8
    context = chromium.new_context()
    try:
        tab = context.new_page()
        for number, page in enumerate(pages):
            tab.goto(replay_link(replay, page.fetched_at, page.url), wait_until="load")
            images = rendered_images(tab)
            screenshot(tab, tmp_path, f"pywb-page-{number}")
            # Every image came through pywb (the site is stopped: a live fetch could not load).
            assert images and all(image.src.startswith(replay + "/") for image in images), images
            assert [image.src for image in images if image.natural_width == 0] == []
            rendered = {image.src.split("_/", 1)[1] for image in images}
            assert set(page.photos) <= rendered, page.url
            text = tab.inner_text("body")
            assert [heading for heading in page.headings if heading not in text] == []
    finally:
        context.close()


def test_pages_and_photos_asked_for_with_gzip_carry_a_content_encoding_that_tells_the_truth(
    out: Path, replay: str
) -> None:
    archived = _archived(out)
    pages = archived_pages(out)
    assert any(archived[page.url][0].get("content-encoding") == "gzip" for page in pages)
    for page in pages:
        stamp = wayback_timestamp(page.fetched_at)
        # As archived (id_): the body is the archived page's, decoded as labelled.
        headers, body = _get(f"{replay}/{stamp}id_/{page.url}")
        assert _body_as_labelled(headers, body) == archived[page.url][1], page.url
        # As a browser gets it (rewritten for replay): the labelled encoding still holds.
        headers, body = _get(replay_link(replay, page.fetched_at, page.url))
        text = _body_as_labelled(headers, body).decode("utf-8")
        assert all(heading in text for heading in page.headings), page.url
        for photo in page.photos:
            headers, body = _get(f"{replay}/{stamp}im_/{photo}")
            assert headers["content-type"] == "image/jpeg"
            assert _body_as_labelled(headers, body) == archived[photo][1], photo


def test_a_replay_link_to_an_item_lands_scrolled_to_that_item(
    out: Path,
    replay: str,
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    page = next(page for page in archived_pages(out) if len(page.headings) >= 12)
    heading = page.headings[11]  # item 12 when the page starts at item 1
    context = chromium.new_context()
    try:
        tab = context.new_page()
        tab.goto(replay_link(replay, page.fetched_at, page.url, heading), wait_until="load")
        # Chromium scrolls to a text fragment after load: wait for that, not for a time.
        tab.wait_for_function("() => window.scrollY > 0", timeout=30_000)
        screenshot(tab, tmp_path, "pywb-item-12")
        box = tab.evaluate(
            """(heading) => {
                const found = Array.from(document.querySelectorAll("h2"))
                    .find(element => element.textContent.includes(heading));
                const box = found.getBoundingClientRect();
                return {top: box.top, bottom: box.bottom, height: window.innerHeight};
            }""",
            heading,
        )
        assert box["top"] >= 0 and box["bottom"] <= box["height"], box
    finally:
        context.close()


def _add_warc(folder: Path, url: str, body: bytes) -> None:
    """A later run's WARC: one response for ``url``."""
    with (folder / "warc" / "crawl-20990101000000-00001-later.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2099-01-01T00:00:00Z"},
        )
        writer.write_record(record)


def test_the_index_is_kept_while_the_warcs_are_unchanged_and_rebuilt_when_a_run_adds_one(
    out: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    (folder / "warc").mkdir(parents=True)
    for warc in (out / "warc").glob("*.warc.gz"):
        (folder / "warc" / warc.name).write_bytes(warc.read_bytes())
    index = folder / REPLAY_FOLDER / INDEX_FILE
    prepare(folder / REPLAY_FOLDER, folder)
    first = index.stat()
    prepare(folder / REPLAY_FOLDER, folder)
    assert (index.stat().st_ino, index.stat().st_mtime_ns) == (first.st_ino, first.st_mtime_ns)

    added = "http://later.example/new-page"
    _add_warc(folder, added, b"added by a later run")
    with serve_collection(folder, pywb=PYWB_BIN) as prefix:
        _, body = _get(f"{prefix}/20990101000000id_/{added}")
    assert body == b"added by a later run"
    lines = index.read_text("utf-8").splitlines()
    assert lines == sorted(lines) and any(line.startswith("example,later)/new-page ") for line in lines)
    assert not list((folder / "warc").glob("*.cdxj")), "nothing is written among the WARCs"


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_replay_serves_until_stopped_then_exits_0_with_pywb_stopped(out: Path, stop: signal.Signals) -> None:
    with replay_command(out) as (process, prefix):
        port = int(prefix.split(":")[2].split("/")[0])
        _get(prefix.rsplit("/", 1)[0] + "/collinfo.json")  # serving
        process.send_signal(stop)
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert _refused(port)


def test_replay_without_pywb_is_one_line_saying_how_to_install_it(out: Path, tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "ARCHIVER_PYWB_BIN"}
    result = subprocess.run(
        [str(BIN / "archiver"), "replay", str(out), "--pywb", str(tmp_path / "no-pywb-here")],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )
    assert result.returncode == 69
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("archiver: error: pywb's wayback is not in ") and "pip install pywb" in line


def test_replay_of_a_folder_without_warcs_exits_66(tmp_path: Path) -> None:
    _require_pywb()
    result = subprocess.run(
        [str(BIN / "archiver"), "replay", str(tmp_path), "--pywb", str(PYWB_BIN)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 66, result.stderr
    [line] = result.stderr.splitlines()
    assert "no WARC files in" in line
