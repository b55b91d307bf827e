"""Item photos inside ``<picture>`` with a WebP (or AVIF-less, media-chosen) ``<source>``: the crawl
archives the file a browser shows, so replay in pywb shows every photo with the site stopped; and
the demo's slideshow (``<source type="image/webp">``) is captured whole."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image
from warcio.archiveiterator import ArchiveIterator

from archiver.replay.links import replay_link
from archiver.replay.pywb import serve_collection
from tests.browser import browser, rendered_images, screenshot  # noqa: F401
from tests.crawl_command import loopback_crawl
from tests.fault_server import send, serve
from tests.pywb import PYWB_BIN
from tests.replay_support import chromium, skip_or_fail  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import Browser

BIN = Path(sys.executable).parent
ITEMS = 6


def _photo(path: str) -> bytes:
    """A decodable photo unique to ``path``, in the format its extension names."""
    digest = hashlib.sha256(path.encode()).digest()
    picture = Image.new("RGB", (40 + digest[0] % 40, 30 + digest[1] % 30), (digest[2], digest[3], digest[4]))
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP" if path.endswith(".webp") else "JPEG")
    return buffer.getvalue()


def _item(number: int) -> str:
    """Item photos in the forms sites use: a plain WebP source with 1x/2x, widths with sizes,
    a phone-only source before the desktop one, an unshown HEIC source first, a lazy loader's
    data-srcset."""
    stem = f"/photos/{number}"
    forms = [
        f'<source type="image/webp" srcset="{stem}.webp 1x, {stem}@2x.webp 2x">'
        f'<img src="{stem}.jpg" srcset="{stem}.jpg 1x, {stem}@2x.jpg 2x" alt="Photo {number}">',
        f'<source type="image/webp" sizes="(max-width: 800px) 100vw, 700px" '
        f'srcset="{stem}-400.webp 400w, {stem}-800.webp 800w, {stem}-1600.webp 1600w">'
        f'<img src="{stem}.jpg" alt="Photo {number}">',
        f'<source media="(max-width: 640px)" type="image/webp" srcset="{stem}-phone.webp">'
        f'<source media="(min-width: 641px)" type="image/webp" srcset="{stem}-desk.webp">'
        f'<img src="{stem}.jpg" alt="Photo {number}">',
        f'<source type="image/heic" srcset="{stem}.heic"><source type="image/webp" srcset="{stem}.webp">'
        f'<img src="{stem}.jpg" alt="Photo {number}">',
        f'<source type="image/webp" data-srcset="{stem}.webp"><img src="{stem}.jpg" alt="Photo {number}">',
    ]
    picture = forms[number % len(forms)]
    return (
        f"<h2>{number}. Bridge number {number}</h2><figure><picture>{picture}</picture></figure>"
        f"<p>Bridge {number} spans a river and carries a road across it in {1900 + number}.</p>"
    )


def _page() -> bytes:
    items = "".join(_item(number) for number in range(1, ITEMS + 1))
    title = f"{ITEMS} Bridges Worth Crossing"
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{items}</article>"
        # The lazy loader's job: data-srcset becomes srcset once the page runs.
        "<script>for (const s of document.querySelectorAll('source[data-srcset]'))"
        " s.srcset = s.dataset.srcset;</script></body></html>"
    ).encode()


class _Site:
    """The loopback site: one listicle page and its photos; counts the requests per path."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.requests[path] += 1
        if path == "/bridges/":
            send(handler, 200, _page())
        elif path.endswith(".webp"):
            send(handler, 200, _photo(path), "image/webp")
        elif path.endswith(".jpg"):
            send(handler, 200, _photo(path), "image/jpeg")
        else:
            send(handler, 404, b"<html><body>not found</body></html>")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Counter[str]]]:
    """The site crawled into a fresh folder; the site is stopped before the folder is yielded."""
    out = tmp_path_factory.mktemp("picture") / "out"
    site = _Site()
    with serve({"/*": site.route}) as base:
        command = loopback_crawl(out, f"{base}/bridges/", "--depth", "0")
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, f"crawl failed:\n{result.stdout}\n{result.stderr}"
    yield out, site.requests


def _articles(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]


def _archived(out: Path) -> dict[str, tuple[int, str]]:
    """Each archived response's (status, content type), by URL."""
    found = {}
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit") and record.http_headers is not None:
                    status = int(record.http_headers.get_statuscode())
                    kind = record.http_headers.get_header("Content-Type") or ""
                    found[str(record.rec_headers.get_header("WARC-Target-URI"))] = (status, kind)
    return found


def test_the_file_a_browser_shows_is_crawled_and_archived(crawled: tuple[Path, Counter[str]]) -> None:
    out, requests = crawled
    (article,) = _articles(out)
    images = [image for item in article["items"] for image in item["images"]]
    assert len(images) == ITEMS
    displayed = [str(image["displayed_url"]).split("/", 3)[3] for image in images]
    assert displayed == [
        "photos/1-800.webp",  # sizes 700px: the smallest width at least that
        "photos/2-desk.webp",  # the phone-only source does not match a 1280-px screen
        "photos/3.webp",  # the HEIC source is skipped: Chromium shows no HEIC
        "photos/4.webp",  # data-srcset, filled in by the page's loader
        "photos/5.webp",  # 1x of 1x/2x
        "photos/6-800.webp",
    ]
    # The page's own URL is unchanged: still the <img>'s.
    assert [str(image["url"]).rsplit("/", 1)[1] for image in images] == [
        f"{n}.jpg" for n in range(1, ITEMS + 1)
    ]
    archived = _archived(out)
    for image in images:
        assert archived[image["displayed_url"]] == (200, "image/webp"), image
        assert image["capture"]["status"] == 200
        assert requests["/" + str(image["displayed_url"]).split("/", 3)[3]] == 1
    assert "/photos/2-phone.webp" not in requests and "/photos/3.heic" not in requests
    assert article["media_complete"] is True


def test_extract_writes_the_same_record_as_the_crawl(
    crawled: tuple[Path, Counter[str]], tmp_path: Path
) -> None:
    out, _ = crawled
    again = tmp_path / "again.jsonl"
    result = subprocess.run(
        [
            str(BIN / "archiver"),
            "extract",
            *map(str, sorted((out / "warc").glob("*.warc.gz"))),
            "-o",
            str(again),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == (out / "articles.jsonl").read_bytes()


def test_every_item_photo_shows_in_pywb_replay_with_the_site_stopped(
    crawled: tuple[Path, Counter[str]],
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    if not (PYWB_BIN / "wayback").exists():
        skip_or_fail(f"pywb is not installed at {PYWB_BIN} (.ci/run creates it)")
    out, _ = crawled
    (article,) = _articles(out)
    page = article["pages"][0]
    with serve_collection(out, pywb=PYWB_BIN) as prefix:
        context = chromium.new_context(viewport={"width": 1280, "height": 720}, device_scale_factor=1)
        try:
            tab = context.new_page()
            tab.goto(replay_link(prefix, page["fetched_at"], page["url"]), wait_until="load")
            images = rendered_images(tab)
            screenshot(tab, tmp_path, "picture-replay")
        finally:
            context.close()
    assert len(images) == ITEMS, images
    assert all(image.src.startswith(prefix + "/") for image in images), images
    assert [image.src for image in images if image.natural_width == 0] == []
    # What Chromium chose is the WebP the crawl archived, not the <img>'s JPEG.
    # "{prefix}/{timestamp}[modifier_]/{archived URL}"
    shown = [image.src[len(prefix) + 1 :].split("/", 1)[1] for image in images]
    displayed = [image["displayed_url"] for item in article["items"] for image in item["images"]]
    assert shown == displayed


def test_every_slideshow_photo_of_the_demo_has_a_capture(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = subprocess.run(
        [str(BIN / "archiver"), "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    slideshow = next(article for article in _articles(out) if "slideshow-7-bridges" in article["url"])
    images = [image for item in slideshow["items"] for image in item["images"]]
    archived = _archived(out)
    assert images and all(image["capture"]["status"] == 200 for image in images)
    webps = [image["displayed_url"] for image in images if image["displayed_url"]]
    assert webps and all(url.endswith(".webp") for url in webps)
    for url in webps:
        assert archived[url] == (200, "image/webp"), url
        with Image.open(io.BytesIO(_payload(out, url))) as decoded:
            assert decoded.format == "WEBP" and decoded.width > 0
    assert len({_payload(out, url) for url in webps}) == len(set(webps))  # unique per file


def _payload(out: Path, url: str) -> bytes:
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == url:
                    return bytes(record.content_stream().read())
    raise AssertionError(f"no response for {url}")
