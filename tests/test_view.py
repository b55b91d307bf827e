"""The item view (``archiver view``) of a real crawl of the 5-article loopback site, looked at in
headless Chromium: the static export opened from file://, and the live server. The site is
stopped before anything is viewed, so every photo that loads came from the archive."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from archiver.models import Article
from archiver.replay.links import replay_link
from tests.browser import browser, rendered_images, screenshot  # noqa: F401
from tests.listicle_site import ARTICLE_COUNT, crawl_listicle_site, serve_listicle_site
from tests.view_command import fetch, running_view, view_command

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view") / "out"
    with serve_listicle_site() as base:
        crawl_listicle_site(base, out)
    return out  # the site is stopped from here on


@pytest.fixture(scope="module")
def articles(crawled: Path) -> list[Article]:
    lines = (crawled / "articles.jsonl").read_text().splitlines()
    return [Article.model_validate_json(line) for line in lines]


@pytest.fixture(scope="module")
def exported(crawled: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "site"
    result = subprocess.run(
        view_command(crawled, "--export", str(target)), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (target / "index.html").resolve().as_uri()
    return target


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def _listed(page: Page) -> dict[str, int]:
    """Title -> item count of each article the index shows (visible entries only)."""
    pairs = page.eval_on_selector_all(
        "#articles > li:not([hidden])",
        "els => els.map(e => [e.querySelector('h2').innerText, e.querySelector('.items').dataset.items])",
    )
    return {str(title): int(count) for title, count in pairs}


def _expected_listing(articles: list[Article]) -> dict[str, int]:
    return {str(article.title): len(article.items) for article in articles}


def _shown_items(page: Page) -> list[str]:
    """Each item's heading line as shown, in page order."""
    return [
        str(text) for text in page.eval_on_selector_all(".items > li h2", "els => els.map(e => e.innerText)")
    ]


def _expected_items(article: Article) -> list[str]:
    return [f"{item.number or item.position}. {item.heading}" for item in article.items]


def _article_links(page: Page) -> dict[str, str]:
    """Title -> absolute URL of each listed article's page."""
    pairs = page.eval_on_selector_all("#articles > li h2 a", "els => els.map(e => [e.innerText, e.href])")
    return {str(title): str(href) for title, href in pairs}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _with_word(articles: list[Article], word: str) -> set[str]:
    """Titles of the articles whose title, headings or captions hold ``word``, as a whole word."""
    found = set()
    for article in articles:
        texts = [
            article.title or "",
            *(i.heading or "" for i in article.items),
            *(i.caption or "" for i in article.items),
        ]
        if word.lower() in _words(" ".join(texts)):
            found.add(str(article.title))
    return found


def _with_credit(articles: list[Article], credit: str) -> set[str]:
    found = set()
    for article in articles:
        lines = [c.text for i in article.items for c in [i.credit, *(im.credit for im in i.images)] if c]
        if any(credit.lower() in line.lower() for line in lines):
            found.add(str(article.title))
    return found


def _a_selective_word(articles: list[Article]) -> str:
    """A word of one article's title that some articles lack (the site's vocabulary is shared,
    so a title's count is what tells articles apart): the search must leave some out."""
    for article in articles:
        for word in sorted(_words(article.title or "")):
            if 0 < len(_with_word(articles, word)) < len(articles):
                return word
    raise AssertionError("no word tells the articles apart")


def _a_credit(articles: list[Article]) -> str:
    credit = articles[-1].items[0].credit
    assert credit is not None and credit.name
    assert 0 < len(_with_credit(articles, credit.name)) < len(articles)
    return credit.name


# -- the static export ----------------------------------------------------------------------------
def test_the_export_opened_from_file_lists_all_five_articles_with_their_item_counts(
    exported: Path, articles: list[Article], page: Page, tmp_path: Path
) -> None:
    page.goto((exported / "index.html").as_uri())
    assert len(articles) == ARTICLE_COUNT
    assert _listed(page) == _expected_listing(articles)
    assert page.inner_text("#result-count") == f"{ARTICLE_COUNT} of {ARTICLE_COUNT} articles"
    screenshot(page, tmp_path, "export-index")


def test_each_exported_article_shows_its_items_in_order_with_photos_loaded_from_files_in_the_export(
    exported: Path, articles: list[Article], page: Page, tmp_path: Path
) -> None:
    page.goto((exported / "index.html").as_uri())
    links = _article_links(page)
    root = exported.resolve()
    for number, article in enumerate(articles):
        page.goto(links[str(article.title)])
        assert _shown_items(page) == _expected_items(article)
        images = rendered_images(page)
        assert len(images) == sum(len(item.images) for item in article.items)
        for image in images:
            assert image.natural_width > 0, image
            assert image.src.startswith("file://"), image
            path = Path(unquote(urlsplit(image.src).path)).resolve()
            assert path.is_relative_to(root) and path.is_file(), image
        # The full photo each thumbnail links to is in the export too.
        hrefs = page.eval_on_selector_all("figure a", "els => els.map(e => e.href)")
        for href in hrefs:
            assert Path(unquote(urlsplit(str(href)).path)).resolve().is_relative_to(root)
        screenshot(page, tmp_path, f"export-article-{number}")


def test_the_exports_search_runs_in_the_browser_by_word_and_by_credit(
    exported: Path, articles: list[Article], page: Page
) -> None:
    page.goto((exported / "index.html").as_uri())
    word = _a_selective_word(articles)
    page.fill("#q", word)
    assert set(_listed(page)) == _with_word(articles, word)
    assert (
        page.inner_text("#result-count") == f"{len(_with_word(articles, word))} of {ARTICLE_COUNT} articles"
    )
    page.fill("#q", "")
    credit = _a_credit(articles)
    page.fill("#credit", credit.upper())
    assert set(_listed(page)) == _with_credit(articles, credit)
    # The form's GET to index.html?... filters the same way when the page loads.
    page.goto((exported / "index.html").as_uri() + f"?q={word}")
    assert set(_listed(page)) == _with_word(articles, word)


# -- the live server ------------------------------------------------------------------------------
def test_the_server_lists_the_articles_and_finds_them_by_word_and_by_credit(
    crawled: Path, articles: list[Article], page: Page, tmp_path: Path
) -> None:
    with running_view(crawled) as view:
        page.goto(view.url)
        assert _listed(page) == _expected_listing(articles)
        word = _a_selective_word(articles)
        page.fill("#q", word)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"\?"))
        assert set(_listed(page)) == _with_word(articles, word)
        assert (
            page.inner_text("#result-count")
            == f"{len(_with_word(articles, word))} of {ARTICLE_COUNT} articles"
        )
        screenshot(page, tmp_path, "server-search")
        credit = _a_credit(articles)
        page.goto(view.url)
        page.fill("#credit", credit.lower())
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"credit="))
        assert set(_listed(page)) == _with_credit(articles, credit)
        page.goto(urljoin(view.url, "?q=zeppelin"))
        assert _listed(page) == {}
        assert page.inner_text("#result-count") == f"0 of {ARTICLE_COUNT} articles"
        site = urlsplit(articles[0].url).netloc
        page.goto(urljoin(view.url, f"?site={site}"))
        assert _listed(page) == _expected_listing(articles)
        page.goto(urljoin(view.url, "?site=elsewhere.example"))
        assert _listed(page) == {}


def test_the_servers_article_pages_show_every_photo_from_the_view_server_the_site_being_stopped(
    crawled: Path, articles: list[Article], page: Page, tmp_path: Path
) -> None:
    with running_view(crawled) as view:
        page.goto(view.url)
        links = _article_links(page)
        for number, article in enumerate(articles):
            page.goto(links[str(article.title)])
            assert _shown_items(page) == _expected_items(article)
            images = rendered_images(page)
            assert len(images) == sum(len(item.images) for item in article.items)
            for image in images:
                assert image.natural_width > 0, image
                assert image.src.startswith(view.url), image
            # The photo's original URL is shown, as text, not loaded.
            originals = page.eval_on_selector_all("figcaption code", "els => els.map(e => e.innerText)")
            assert originals == [image.url for item in article.items for image in item.images]
            screenshot(page, tmp_path, f"server-article-{number}")
        full = page.eval_on_selector("figure a", "e => e.href")
        status, headers, body = fetch(str(full))
        assert status == 200 and headers["content-type"] == "image/jpeg" and body.startswith(b"\xff\xd8")


def test_on_a_phone_neither_the_index_nor_an_article_scrolls_sideways(
    crawled: Path,
    exported: Path,
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        with running_view(crawled) as view:
            page.goto(view.url)
            pages = [view.url, *_article_links(page).values()]
            for number, url in enumerate(pages):
                page.goto(url)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= PHONE["width"], (url, width)
                screenshot(page, tmp_path, f"phone-{number}")
        page.goto((exported / "index.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_with_a_replay_url_each_item_links_to_its_page_in_the_replay_scrolled_to_it(
    crawled: Path, articles: list[Article], page: Page
) -> None:
    prefix = "http://127.0.0.1:9/my-crawl"
    with running_view(crawled, "--replay-url", prefix) as view:
        page.goto(view.url)
        links = _article_links(page)
        for article in articles:
            page.goto(links[str(article.title)])
            shown = page.eval_on_selector_all(
                ".items > li .replay a", "els => els.map(e => e.getAttribute('href'))"
            )
            dates = {p.url: p.fetched_at for p in article.pages}
            expected = [
                replay_link(prefix, dates[item.page_url], item.page_url, item.heading)
                for item in article.items
            ]
            assert shown == expected
    # Multi-page articles link each item to its own page.
    assert any(len({item.page_url for item in article.items}) > 1 for article in articles)


def test_without_a_replay_each_item_cites_the_warc_record_of_its_page(
    crawled: Path, articles: list[Article]
) -> None:
    with running_view(crawled) as view:
        index = fetch(view.url)[2].decode()
        article = max(articles, key=lambda a: len(a.pages))
        href = dict(re.findall(r'<a href="(/articles/[^"]+)">([^<]+)</a>', index))
        path = {title: link for link, title in href.items()}[str(article.title)]
        html = fetch(urljoin(view.url, path))[2].decode()
    assert "#:~:text=" not in html
    cited = re.findall(r"record <code>&lt;(urn:uuid:[^&]+)&gt;</code>", html)
    pages = {p.url: p for p in article.pages}
    assert cited == [pages[item.page_url].warc_record_id.strip("<>") for item in article.items]


def test_the_server_serves_no_other_record_of_the_archive_than_the_articles_photos(crawled: Path) -> None:
    with running_view(crawled) as view:
        for path in (
            "/photos/" + "0" * 32,
            "/thumbs/" + "0" * 32 + ".jpg",
            "/articles/nope",
            "/../articles.jsonl",
        ):
            with pytest.raises(Exception) as raised:
                fetch(urljoin(view.url, path))
            assert getattr(raised.value, "code", None) == 404, path
        status, headers, _ = fetch(view.url)
        assert status == 200 and "script-src" not in headers["content-security-policy"]
        assert "default-src 'none'" in headers["content-security-policy"]


def test_the_export_holds_the_search_data_of_every_article(exported: Path, articles: list[Article]) -> None:
    html = (exported / "index.html").read_text()
    found = re.search(r'<script type="application/json" id="search-data">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found[1])
    assert len(data) == len(articles)
    assert {entry["site"] for entry in data} == {urlsplit(a.url).netloc for a in articles}
