"""What the replay tests (pywb, ReplayWeb.page) share: the crawl of the loopback listicle site
(the site stopped afterwards, so a replayed page can only get its photos from the archive), the
article pages that crawl archived, and skipping when a tool is absent (never in CI)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from tests.browser import chromium_binary
from tests.listicle_site import ARTICLE_COUNT, crawl_listicle_site, serve_listicle_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the test on a development machine without a tool; fail in CI, which installs every
    tool the replay tests use (``.ci/run``)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must have it")
    pytest.skip(reason)


@pytest.fixture
def chromium(request: pytest.FixtureRequest) -> Browser:
    """The module's ``browser`` (import it too), failing instead of skipping in CI when
    Chromium is absent."""
    if chromium_binary() is None:
        skip_or_fail("chromium is not installed (.ci/run installs Debian's chromium)")
    found: Browser = request.getfixturevalue("browser")
    return found


@dataclass(frozen=True)
class ArchivedPage:
    """One archived article page: its URL, capture time (ISO 8601), and the item headings and
    photo URLs the crawl extracted from it."""

    url: str
    fetched_at: str
    headings: list[str]
    photos: list[str]


def archived_pages(out: Path) -> list[ArchivedPage]:
    """Every article page of ``out/articles.jsonl``, in article then page order."""
    found = []
    for line in (out / "articles.jsonl").read_text("utf-8").splitlines():
        article: dict[str, Any] = json.loads(line)
        for page in article["pages"]:
            items = [item for item in article["items"] if item["page_url"] == page["url"]]
            found.append(
                ArchivedPage(
                    url=page["url"],
                    fetched_at=page["fetched_at"],
                    headings=[item["heading"] for item in items],
                    photos=[image["url"] for item in items for image in item["images"]],
                )
            )
    return found


def crawled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Body of a module-scoped fixture: the listicle site crawled into a fresh folder; the site
    is stopped before the folder is yielded."""
    out = tmp_path_factory.mktemp("replay") / "out"
    with serve_listicle_site() as base:
        crawl_listicle_site(base, out)
    articles = (out / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(articles) == ARTICLE_COUNT
    yield out
