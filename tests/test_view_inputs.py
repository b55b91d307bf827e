"""``archiver view`` on real crawls it used to show wrongly: the demo's recommendations (an
article of the crawl, a link that answered 404, one never fetched), the demo's folder with only
its WACZ, a WARC cut inside a photo's record, an unknown site in a shared link, a crawl with no
article; and a site of our own whose photos are an SVG, a 15000 x 13000 PNG and a file named
with a percent-encoded character."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from PIL import Image
from playwright.sync_api import Browser

from archiver.models import Article
from archiver.warc.reader import WarcIndex
from tests.browser import browser, rendered_images, screenshot  # noqa: F401
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import Route, send, serve
from tests.listicle_site import photo_jpeg
from tests.replay_support import chromium  # noqa: F401
from tests.view_command import fetch, running_view, view_command

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">'
    b'<script>document.title="ran"</script><rect width="300" height="200" fill="#36c"/></svg>'
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = subprocess.run(
        [str(BIN / "archiver"), "demo", "--out", str(out)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    yield out


def _export(out: Path, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        view_command(out, "--export", str(target), *extra), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result


def _articles(out: Path) -> list[Article]:
    return [Article.model_validate_json(line) for line in (out / "articles.jsonl").read_text().splitlines()]


def _page_of(target: Path, out: Path, title_start: str) -> str:
    """The exported page of the article whose title starts with ``title_start``."""
    for path in (target / "articles").iterdir():
        text = path.read_text("utf-8")
        if f"<h1>{title_start}" in text:
            return text
    raise AssertionError(f"no exported article {title_start!r}")


def _recommendations(page: str) -> dict[str, str]:
    """Recommended link's URL (as the page quotes it) -> its list entry's HTML."""
    section = page.split('<ul class="recs">', 1)[1].split("</ul>", 1)[0]
    entries = re.findall(r"<li>(.*?)</li>", section, re.S)
    return {re.findall(r"<code>([^<]*)</code>", entry)[-1]: entry for entry in entries}


def test_recommendations_link_crawled_articles_in_the_view_and_never_call_a_404_archived(
    demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    _export(demo, target, "--replay-url", "http://127.0.0.1:9/demo")
    articles = {article.url: article for article in _articles(demo)}
    gallery = next(a for a in articles.values() if (a.title or "").startswith("25 Pictures"))
    statuses = {
        line["url"]: line["status"]
        for line in (
            __import__("json").loads(text) for text in (demo / "pages.jsonl").read_text().splitlines()
        )
    }
    recs = _recommendations(_page_of(target, demo, "25 Pictures"))
    assert len(recs) == len(gallery.recommendations)
    seen = set()
    for link in gallery.recommendations:
        entry = recs[link.url]
        if link.url in articles:  # an article of this crawl: its page in the export
            assert "(archived article)" in entry and 'href="' in entry and ".html" in entry, entry
            assert "http://127.0.0.1:9/" not in entry
            seen.add("article")
        elif statuses.get(link.url) == 404:
            assert "(archive)" not in entry and "HTTP 404" in entry, entry
            seen.add("404")
    assert seen == {"article", "404"}
    hiking = next(a for a in articles.values() if (a.title or "").startswith("The 10 Best Hiking"))
    never = [link.url for link in hiking.recommendations if link.url not in statuses]
    assert never, "the demo's hiking article recommends a page the crawl never fetched"
    hiking_recs = _recommendations(_page_of(target, demo, "The 10 Best Hiking"))
    for url in never:
        assert "(live web, not archived)" in hiking_recs[url], hiking_recs[url]


def test_a_folder_with_only_its_wacz_shows_the_same_photos(demo: Path, tmp_path: Path) -> None:
    only_wacz = tmp_path / "out"
    shutil.copytree(demo, only_wacz)
    shutil.rmtree(only_wacz / "warc")
    assert list(only_wacz.glob("*.wacz"))
    with_warcs = _export(demo, tmp_path / "a").stderr
    from_wacz = _export(only_wacz, tmp_path / "b").stderr
    # "wrote N articles and M photos to FOLDER": the same counts
    assert with_warcs.splitlines()[-1].split(" to ")[0] == from_wacz.splitlines()[-1].split(" to ")[0]
    assert " 0 photos" not in from_wacz
    assert sorted(p.name for p in (tmp_path / "a" / "photos").iterdir()) == sorted(
        p.name for p in (tmp_path / "b" / "photos").iterdir()
    )
    for page in (tmp_path / "b" / "articles").iterdir():
        assert "is in none of" not in page.read_text("utf-8")


def test_a_warc_cut_inside_a_photo_is_warned_once_and_its_placeholder_says_damaged(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(demo, out)
    (out / "demo.wacz").unlink()
    captures = [
        image.capture
        for article in _articles(out)
        for item in article.items
        for image in item.images
        if image.capture is not None and image.capture.status == 200
    ]
    photo = captures[0]
    index = WarcIndex(sorted((out / "warc").iterdir()))
    offsets = {}
    for capture in captures:
        found = index.capture_of_record(capture.warc_record_id)
        if found is not None and capture.warc_filename == photo.warc_filename:
            offsets[found.offset] = capture
    last = max(offsets)
    warc = out / "warc" / photo.warc_filename
    data = warc.read_bytes()
    warc.write_bytes(data[: last + 300])  # the last photo's record header is there, its body cut
    result = _export(out, tmp_path / "site")
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert any("cut short" in line and photo.warc_filename in line for line in warnings), result.stderr
    assert len(warnings) == len(set(warnings))  # each once
    pages = "".join(page.read_text("utf-8") for page in (tmp_path / "site" / "articles").iterdir())
    assert "is damaged or cut" in pages
    assert "is in none of" not in pages


def test_an_unknown_site_in_a_shared_link_shows_no_article_in_the_server_and_the_export(
    demo: Path,
    chromium: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    target = tmp_path / "site"
    _export(demo, target)
    total = len(_articles(demo))
    context = chromium.new_context()
    try:
        tab = context.new_page()
        tab.goto((target / "index.html").as_uri() + "?site=nosuch.example")
        assert tab.inner_text("#result-count") == f"0 of {total} articles"
        assert tab.eval_on_selector("#site", "s => s.value") == "nosuch.example"
        with running_view(demo) as view:
            tab.goto(view.url + "?site=nosuch.example")
            assert tab.inner_text("#result-count") == f"0 of {total} articles"
            assert tab.eval_on_selector("#site", "s => s.value") == "nosuch.example"
            favicons: list[str] = []
            tab.on(
                "request", lambda request: favicons.append(request.url) if "favicon" in request.url else None
            )
            tab.goto(view.url)
            tab.wait_for_load_state("load")
            assert tab.eval_on_selector("link[rel=icon]", "l => l.href") == "data:,"
            assert not favicons
    finally:
        context.close()


def test_a_folder_without_articles_says_why(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.jsonl").write_text("")
    with running_view(out) as view:
        page = fetch(view.url)[2].decode()
    assert "No article in articles.jsonl" in page


def _big_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (15_000, 13_000), 200).save(buffer, "PNG")  # 195 megapixels, a few hundred KB
    return buffer.getvalue()


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    files = {
        "/odd/": (
            b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>3 Odd Photos</title></head><body>"
            b"<article><h1>3 Odd Photos</h1>"
            b'<h2>1. A drawing</h2><img src="/img/drawing.svg" alt="A drawing"><p>Drawn by hand.</p>'
            b'<h2>2. A panorama</h2><img src="/img/panorama.png" alt="A panorama"><p>Many frames.</p>'
            b'<h2>3. The sun</h2><img src="/img/%E6%97%A5.jpg" alt="The sun"><p>The character.</p>'
            b"</article></body></html>",
            "text/html; charset=utf-8",
        ),
        "/img/drawing.svg": (SVG, "image/svg+xml"),
        "/img/panorama.png": (_big_png(), "image/png"),
        "/img/%E6%97%A5.jpg": (photo_jpeg("/img/sun.jpg"), "image/jpeg"),
    }

    def route(handler: Any) -> None:
        found = files.get(handler.path.split("?", 1)[0])
        if found is None:
            send(handler, 404, b"<html><body>not found</body></html>")
        else:
            send(handler, 200, found[0], found[1])

    out = tmp_path_factory.mktemp("odd") / "out"
    routes: dict[str, Route] = {"/*": route}
    with serve(routes) as base:
        command = loopback_crawl(out, f"{base}/odd/", "--depth", "0", "--no-wacz")
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stderr
    yield out


def test_svg_huge_png_and_non_ascii_names_are_shown(
    odd: Path,
    chromium: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    (article,) = _articles(odd)
    assert [len(item.images) for item in article.items] == [1, 1, 1]
    context = chromium.new_context()
    try:
        tab = context.new_page()
        with running_view(odd) as view:
            tab.goto(view.url)
            tab.locator("#articles h2").get_by_role("link", name="3 Odd Photos").click()
            tab.wait_for_load_state("load")
            images = rendered_images(tab)
            screenshot(tab, tmp_path, "odd")
            assert len(images) == 3 and all(image.natural_width > 0 for image in images), images
            assert tab.title() == "3 Odd Photos"  # the SVG's script did not run
            originals = tab.eval_on_selector_all("figcaption code", "els => els.map(e => e.innerText)")
            assert originals[2].endswith("/img/日.jpg"), originals
            links = tab.eval_on_selector_all("figure a", "els => els.map(a => a.href)")
            svg = fetch(links[0])
            assert svg[1]["content-type"] == "image/svg+xml" and svg[2] == SVG
            assert "sandbox" in svg[1]["content-security-policy"]
            png = fetch(links[1])
            assert png[1]["content-type"] == "image/png"
            thumb = fetch(urljoin(view.url, images[1].src))[2]
            with Image.open(io.BytesIO(thumb)) as small:
                assert small.format == "JPEG" and small.width <= 480
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["notaurl", "javascript:alert(1)", "ftp://x/coll", "http://", "/crawl"])
def test_a_replay_url_that_is_no_http_url_is_a_usage_error(demo: Path, tmp_path: Path, prefix: str) -> None:
    for extra in ([], ["--export", str(tmp_path / "site")]):
        result = subprocess.run(
            view_command(demo, "--replay-url", prefix, *extra), capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 64, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "--replay-url" in lines[0] and result.stdout == "", result.stderr
        assert not (tmp_path / "site").exists()
