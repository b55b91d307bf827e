"""Each item's replay link lands on THAT item: the text it scrolls to is chosen from the archived
page itself. Two kinds of page where the heading alone does not do it: the demo's gallery, whose
headings come from the photos' ``alt``/``title`` (no visible text), and a page of our own whose
intro and table of contents name the items first and where two items are both "Paris". In
Chromium, following each item's link (pywb started by the view) shows that item's photo."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from archiver.models import Article
from archiver.view.catalog import read_catalog
from archiver.view.photos import PhotoArchive
from archiver.view.scroll import ScrollTexts, occurrences, visible_text
from tests.browser import browser, screenshot  # noqa: F401
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import Route, send, serve
from tests.listicle_site import photo_jpeg
from tests.pywb import PYWB_BIN
from tests.replay_support import chromium, skip_or_fail  # noqa: F401
from tests.view_command import running_view

CITIES = [
    ("Paris", "The morning market on the left bank sells bread before dawn."),
    ("Rome", "Ancient stones under a modern tram line."),
    ("Paris", "Back again for the lights along the river at night."),
    ("Lisbon", "Yellow trams climb the hills of the old town."),
    ("Oslo", "The fjord freezes at the edges in a cold winter."),
]
GAP = '<div style="height:1600px"></div>'  # taller than the window: one item in view at a time


def cities_page() -> bytes:
    """An intro naming the cities, a table of contents, two items headed "Paris"."""
    toc = " · ".join(f"{n}. {city}" for n, (city, _) in enumerate(CITIES, 1))
    items = "".join(
        f'<h2>{n}. {city}</h2><img src="/img/{n}.jpg" alt="{city} photo" width="400" height="300">'
        f"<p>{caption}</p>{GAP}"
        for n, (city, caption) in enumerate(CITIES, 1)
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>5 Cities Worth the Train Ride</title>"
        "</head><body><article><h1>5 Cities Worth the Train Ride</h1>"
        "<p>We rode from Paris to Rome, back to Paris, then on to Lisbon and Oslo.</p>"
        f"<div class='toc'><b>In this list:</b> {toc}</div>{GAP}{items}</article></body></html>"
    ).encode()


def _site_route(handler: Any) -> None:
    path = handler.path.split("?", 1)[0]
    if path == "/cities/":
        send(handler, 200, cities_page())
    elif path.startswith("/img/"):
        send(handler, 200, photo_jpeg(path), "image/jpeg")
    elif path == "/robots.txt":
        send(handler, 200, b"User-agent: *\nAllow: /\n", "text/plain")
    else:
        send(handler, 404, b"<html><body>not found</body></html>")


def _need_pywb() -> None:
    if not (PYWB_BIN / "wayback").exists():
        skip_or_fail(f"pywb is not installed at {PYWB_BIN} (.ci/run creates it)")


@pytest.fixture(scope="module")
def cities_out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("cities") / "out"
    routes: dict[str, Route] = {"/*": _site_route}
    with serve(routes) as base:
        command = loopback_crawl(out, f"{base}/cities/", "--depth", "0", "--no-wacz")
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stderr
    yield out


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("demo") / "out"
    result = subprocess.run(
        [str(BIN / "archiver"), "demo", "--out", str(out)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    yield out


def _articles(out: Path) -> list[Article]:
    return [Article.model_validate_json(line) for line in (out / "articles.jsonl").read_text().splitlines()]


def test_the_scroll_text_of_each_item_occurs_once_in_the_archived_page(cities_out: Path) -> None:
    catalog = read_catalog(cities_out)
    (article,) = catalog.articles
    assert [item.heading for item in article.items] == [city for city, _ in CITIES]
    archive = PhotoArchive(catalog.warc_dir)
    chosen = ScrollTexts(archive).of(article)
    page = article.items[0].page
    assert page is not None
    text = ScrollTexts(archive).page_text(page.warc_record_id)
    assert "paris photo" not in text and "we rode from paris" in text  # alt is no visible text
    for item in article.items:
        (phrase,) = chosen[item.position]
        assert len(occurrences(text, phrase.lower())) == 1, (item.heading, phrase)
    assert visible_text(b"<p>x</p><template><p>y</p></template><p hidden>z</p><noscript>w</noscript>") == "x"


_PHOTO_IN_VIEW = """(path) => {
    const named = (img) => [img.currentSrc, img.src, img.getAttribute("data-src") || ""].some(
        (url) => new URL(url, document.baseURI).pathname.includes(path));
    return Array.from(document.querySelectorAll("img")).some((img) => {
        const box = img.getBoundingClientRect();
        return named(img) && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
    });
}"""


def _lands_on_photo(tab: Page, link: str, photo_path: str) -> bool:
    """Open ``link``; whether the item's photo (an <img> naming ``photo_path``) comes into the
    window (the text fragment is applied after load: waited for, not slept on)."""
    tab.goto(link)
    tab.wait_for_load_state("load")
    try:
        tab.wait_for_function(_PHOTO_IN_VIEW, arg=photo_path, timeout=20_000)
    except PlaywrightTimeout:
        return False
    return True


def _replay_links(tab: Page, view_url: str, title: str) -> dict[int, str]:
    tab.goto(view_url)
    tab.locator("#articles h2").get_by_role("link", name=title, exact=True).click()
    links: dict[int, str] = tab.eval_on_selector_all(
        ".item",
        "els => Object.fromEntries(els.map(e => [e.dataset.position, e.querySelector('.replay a').href]))",
    )
    return {int(position): link for position, link in links.items()}


def test_each_cities_item_link_lands_on_its_own_photo_not_the_intro_or_the_first_paris(
    cities_out: Path,
    chromium: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    _need_pywb()
    (article,) = _articles(cities_out)
    context = chromium.new_context(viewport={"width": 1000, "height": 700})
    try:
        tab = context.new_page()
        with running_view(cities_out, "--pywb", str(PYWB_BIN), pywb=True) as view:
            links = _replay_links(tab, view.url, str(article.title))
            assert len(links) == len(CITIES)
            for item in article.items:
                landed = _lands_on_photo(tab, links[item.position], f"/img/{item.position}.jpg")
                screenshot(tab, tmp_path, f"cities-{item.position}")
                assert landed, (item.position, links[item.position])
    finally:
        context.close()


def test_each_demo_gallery_item_link_lands_on_its_photo(
    demo_out: Path,
    chromium: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    _need_pywb()
    article = next(a for a in _articles(demo_out) if "25 Pictures" in (a.title or ""))
    assert len(article.items) == 25
    context = chromium.new_context(viewport={"width": 1000, "height": 700})
    try:
        tab = context.new_page()
        with running_view(demo_out, "--pywb", str(PYWB_BIN), pywb=True) as view:
            links = _replay_links(tab, view.url, str(article.title))
            for item in article.items:
                path = "/" + item.images[0].url.split("/", 3)[3].split("?")[0]
                path = path.rsplit("-", 1)[0] if "-400" in path or "-1200" in path else path
                landed = _lands_on_photo(tab, links[item.position], path.removesuffix(".jpg"))
                if not landed:
                    screenshot(tab, tmp_path, f"demo-{item.position}")
                assert landed, (item.position, item.heading, links[item.position])
            screenshot(tab, tmp_path, "demo-last")
    finally:
        context.close()
