"""The crawl's WACZ (``archiver wacz``) opened in ReplayWeb.page, embedded in a local page the way
its embedding guide describes (``ui.js`` on the page, ``sw.js`` under ``replayBase``, the WACZ
read by HTTP Range), in headless Chromium: every item photo renders and every heading is there.
"""

from __future__ import annotations

import html
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from archiver.replay.links import wayback_timestamp
from tests.browser import browser, rendered_images, screenshot  # noqa: F401
from tests.range_server import Served, serve_files
from tests.replay_support import ArchivedPage, archived_pages, chromium, crawled_site, skip_or_fail  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

BIN = Path(sys.executable).parent
# ``.ci/run`` unpacks ``npm pack replaywebpage@2.4.6`` here (prebuilt ui.js and sw.js).
REPLAYWEBPAGE = Path(__file__).resolve().parents[1] / ".replaywebpage" / "package"
REPLAY_BASE = "/replay/"  # the service worker's folder: its scope covers the replay under it
LOAD_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not (REPLAYWEBPAGE / "ui.js").is_file() or not (REPLAYWEBPAGE / "sw.js").is_file():
        skip_or_fail(f"ReplayWeb.page is not unpacked at {REPLAYWEBPAGE} (.ci/run does it)")
    yield from crawled_site(tmp_path_factory)


@pytest.fixture(scope="module")
def wacz(out: Path) -> Path:
    """The WACZ of the crawl, written by ``archiver wacz OUT -o FILE``."""
    target = out.parent / "site.wacz"
    result = subprocess.run(
        [str(BIN / "archiver"), "wacz", str(out), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return target


def _embed_page(source: str, url: str, fetched_at: str) -> bytes:
    """A page embedding ReplayWeb.page on ``url`` of the WACZ at ``source`` as captured at
    ``fetched_at`` (ISO 8601; ``ts`` takes the 14-digit form, the nearest capture is shown),
    replay only (no ReplayWeb.page controls around it)."""
    ts = wayback_timestamp(fetched_at)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>replay</title>"
        "<script src='/ui.js'></script></head><body style='margin:0'>"
        f"<replay-web-page style='height:100vh' source='{html.escape(source)}' url='{html.escape(url)}' "
        f"ts='{ts}' "
        f"replayBase='{REPLAY_BASE}' embed='replayonly'></replay-web-page></body></html>"
    ).encode()


def _wait_for_service_worker(tab: Page, embed_url: str) -> None:
    """Open ``embed_url`` once and wait until ReplayWeb.page's service worker is active.

    On a fresh profile the embed registers ``sw.js`` and loads its replay frame at once; when
    the frame's request wins the race it reaches the embedding server (a 404) instead of the
    worker, and the embed does not always reload (webrecorder/replayweb.page#412). With the
    worker active first, every replay frame is served by it.
    """
    tab.goto(embed_url)
    tab.wait_for_function(
        """async (scope) => {
            const registration = await navigator.serviceWorker.getRegistration(scope);
            return Boolean(registration && registration.active
                           && registration.active.state === "activated");
        }""",
        arg=REPLAY_BASE,
        polling=100,
        timeout=LOAD_TIMEOUT_MS,
    )


def _replayed_frame(tab: Page, embed_url: str, page_url: str) -> Frame:
    """Open ``embed_url`` and return the frame in which ReplayWeb.page replays ``page_url``
    (``{replayBase}w/<collection>/<ts>mp_/<url>``, inside its own frames), once loaded.

    Raises ``AssertionError`` naming the frames that did load when the replay frame does not.
    One more load is allowed: ReplayWeb.page's embed can stay at its own frame on the first
    page after its service worker took control (replayweb.page#412; seen once in CI under the
    load of two test workers); a second load that does not replay fails the test.
    """
    for attempt in (1, 2):
        try:
            with tab.expect_event(
                "framenavigated",
                predicate=lambda frame: frame.url.endswith("mp_/" + page_url),
                timeout=LOAD_TIMEOUT_MS,
            ) as navigated:
                tab.goto(embed_url)
            frame: Frame = navigated.value
            break
        except PlaywrightTimeout:
            if attempt == 2:
                loaded = [frame.url for frame in tab.frames]
                raise AssertionError(f"no replay frame for {page_url}; frames: {loaded}") from None
    frame.wait_for_load_state("load", timeout=LOAD_TIMEOUT_MS)
    return frame


def assert_pages_render_in_replaywebpage(
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    wacz: Path,
    pages: list[ArchivedPage],
    tmp_path: Path,
    shot: str = "replaywebpage",
) -> None:
    """Open each of ``pages`` of ``wacz`` in ReplayWeb.page embedded in a local page (at the
    page's own capture time): every item photo renders from the WACZ and every heading is there.
    The site must be stopped: a photo can then only come from the WACZ."""
    files = {
        "/ui.js": Served("application/javascript", path=REPLAYWEBPAGE / "ui.js"),
        f"{REPLAY_BASE}sw.js": Served("application/javascript", path=REPLAYWEBPAGE / "sw.js"),
        "/site.wacz": Served("application/wacz", path=wacz),
    }
    for number, page in enumerate(pages):
        files[f"/page-{number}.html"] = Served(
            "text/html; charset=utf-8", body=_embed_page("/site.wacz", page.url, page.fetched_at)
        )
    with serve_files(files) as base:
        context = chromium.new_context()
        try:
            tab = context.new_page()
            _wait_for_service_worker(tab, f"{base}/page-0.html")
            for number, page in enumerate(pages):
                frame = _replayed_frame(tab, f"{base}/page-{number}.html", page.url)
                images = rendered_images(frame)
                # The replay is an iframe, which a full-page shot does not extend: show the first
                # item in the window instead.
                frame.locator("article img").first.scroll_into_view_if_needed()
                screenshot(tab, tmp_path, f"{shot}-page-{number}")
                assert images and all(image.src.startswith(base + REPLAY_BASE) for image in images), images
                assert [image.src for image in images if image.natural_width == 0] == [], page.url
                rendered = {image.src.split("im_/", 1)[1] for image in images}
                assert set(page.photos) <= rendered, page.url
                text = frame.inner_text("body")
                assert [heading for heading in page.headings if heading not in text] == [], page.url
        finally:
            context.close()


def test_every_item_photo_and_heading_of_every_article_page_renders_in_replaywebpage(
    out: Path,
    wacz: Path,
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    pages = archived_pages(out)
    assert len(pages) == 8
    # The site is stopped (crawled_site): a photo can only come from the WACZ.
    assert_pages_render_in_replaywebpage(chromium, wacz, pages, tmp_path)
