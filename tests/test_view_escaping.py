"""Every string of an archived page is untrusted: in the item view (server and export) a title,
heading, caption, credit, alt text, photo URL, warning or recommended link holding markup is
shown as text, runs nothing in Chromium, and a ``javascript:`` link is never a link."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from archiver.models import Link
from tests.browser import browser  # noqa: F401
from tests.view_command import running_view, view_command
from tests.view_folder import SITE, MadeFolder, picture

CAPTION = "<script>window.pwned = 'caption'</script> A caption with <b>tags</b> & an ampersand"
HEADING = "<img src=x onerror=\"window.pwned = 'heading'\">The heading"
TITLE = "<script>window.pwned = 'title'</script>7 Escaped Things"
CREDIT = "</script><script>window.pwned = 'credit'</script>"  # also inside the export's JSON
ALT = '" onload="window.pwned = \'alt\'" x="'
PHOTO_URL = f'{SITE}/p.jpg?"><script>window.pwned="url"</script>'
WARNING = "<iframe src=javascript:window.pwned='warning'></iframe>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = MadeFolder(tmp_path_factory.mktemp("hostile") / "out")
    photo = made.response(PHOTO_URL, picture(40, 30), "image/jpeg")
    made.item(HEADING, PHOTO_URL, made.capture(photo), caption=CAPTION, credit=CREDIT, alt=ALT)
    links = [
        Link(url="javascript:window.pwned='link'", title="<b>click</b>", section="<i>More</i>"),
        Link(url=f"{SITE}/next/", title="A fine next list", section="More"),
    ]
    return made.save(title=TITLE, warnings=[WARNING], recommendations=links)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def _assert_inert(page: Page) -> None:
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.eval_on_selector_all("a[href^='javascript' i]", "els => els.length") == 0
    assert page.eval_on_selector_all("iframe, b, i", "els => els.length") == 0


def _assert_both_pages_show_the_text(page: Page, index_url: str) -> None:
    page.goto(index_url)
    _assert_inert(page)
    assert page.inner_text("#articles h2") == TITLE
    assert WARNING in (page.text_content("#articles details") or "")  # closed: not rendered
    page.click("#articles h2 a")
    page.wait_for_selector(".items")
    _assert_inert(page)
    assert page.inner_text("h1") == TITLE
    assert page.inner_text(".items h2") == f"1. {HEADING}"
    assert page.inner_text(".caption") == CAPTION
    assert page.inner_text(".credit") == CREDIT
    assert page.get_attribute(".items img", "alt") == ALT
    assert page.inner_text("figcaption code") == PHOTO_URL
    assert "<b>click</b>" in page.inner_text(".recs")
    assert page.eval_on_selector_all(".recs a", "els => els.map(e => e.href)") == [f"{SITE}/next/"]


def test_the_server_shows_markup_from_pages_as_text(hostile: Path, page: Page) -> None:
    with running_view(hostile) as view:
        _assert_both_pages_show_the_text(page, view.url)


def test_the_export_shows_markup_from_pages_as_text_and_its_search_still_works(
    hostile: Path, page: Page, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    result = subprocess.run(view_command(hostile, "--export", str(target)), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    _assert_both_pages_show_the_text(page, (target / "index.html").as_uri())
    page.goto((target / "index.html").as_uri())
    page.fill("#credit", "window.pwned")  # the credit came through the embedded JSON intact
    assert page.inner_text("#result-count") == "1 of 1 articles"
    _assert_inert(page)
