"""``archiver view`` starts pywb over OUT when it finds it (the replay helper's
``serve_collection``): each item links into that replay, and the link lands on the archived page
scrolled to the item, in headless Chromium. Without pywb (or with ``--no-replay``), items cite
their WARC records; a ``--pywb`` folder without it is an error (69)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from archiver.models import Article
from archiver.replay.links import replay_link
from tests.browser import browser, screenshot  # noqa: F401
from tests.pywb import PYWB_BIN
from tests.replay_support import chromium, crawled_site, skip_or_fail  # noqa: F401
from tests.view_command import running_view, view_command


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not (PYWB_BIN / "wayback").exists():
        skip_or_fail(f"pywb is not installed at {PYWB_BIN} (.ci/run creates it)")
    yield from crawled_site(tmp_path_factory)


def test_the_view_starts_pywb_and_an_item_link_lands_on_its_page_scrolled_to_the_item(
    out: Path,
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    articles = [
        Article.model_validate_json(line) for line in (out / "articles.jsonl").read_text().splitlines()
    ]
    article = max(articles, key=lambda a: len(a.pages))  # an item on a later page than the first
    item = next(item for item in reversed(article.items) if item.page_url != article.url)
    context = chromium.new_context()
    try:
        tab = context.new_page()
        with running_view(out, "--pywb", str(PYWB_BIN), pywb=True) as view:
            assert view.process.stderr is not None
            tab.goto(view.url)
            tab.click(f"#articles h2 a:text-is('{article.title}')")
            link = tab.get_attribute(f"#item-{item.position} .replay a", "href")
            assert link is not None
            prefix = link.split("/", 4)[:4]  # http: '' 127.0.0.1:PORT JOB
            fetched = {page.url: page.fetched_at for page in article.pages}[item.page_url]
            assert link == replay_link("/".join(prefix), fetched, item.page_url, item.heading)
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", "/".join(prefix[:3]))
            assert not link.startswith(view.url)  # pywb's own server, not the view's
            tab.click(f"#item-{item.position} .replay a")
            tab.wait_for_load_state("load")
            tab.wait_for_function("() => window.scrollY > 0", timeout=30_000)  # the text fragment
            box = tab.evaluate(
                """(heading) => {
                    const found = Array.from(document.querySelectorAll("h2"))
                        .find(element => element.textContent.includes(heading));
                    const box = found.getBoundingClientRect();
                    return {top: box.top, bottom: box.bottom, height: window.innerHeight};
                }""",
                item.heading,
            )
            screenshot(tab, tmp_path, "view-to-pywb")
            assert box["top"] >= 0 and box["bottom"] <= box["height"], box
        assert view.stopped_output is not None and "items link to pywb at" in view.stopped_output[1]
    finally:
        context.close()


def test_a_pywb_folder_without_pywb_is_refused_with_69(out: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        view_command(out, "--pywb", str(tmp_path)), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 69, result.stderr
    assert result.stderr.count("\n") == 1 and "pywb" in result.stderr and result.stdout == ""
