"""An article's own continuation is followed even when page 1 holds no item: a slideshow's cover
slide, an intro page before the list, a news story over several pages (followed, then not
written). Real ``archiver crawl`` subprocesses against a loopback server, and ``archiver
extract`` over their WARCs."""

from __future__ import annotations

import json
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from archiver import parse_page
from archiver.articles import ArticleDraft, stitch_article
from archiver.chain import MAX_PAGES_BEFORE_ITEMS, starts_article
from archiver.crawl.summary import read_run
from archiver.models import PageCapture
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import Route, send, serve

SLIDES = 6
SLIDESHOW_TITLE = f"{SLIDES} Lighthouses at the Edge of the World"
HUTS_TITLE = "12 Mountain Huts Worth the Climb"
# Enough of a JPEG for the capture to be an image (status, type, digest).
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(64) + b"\xff\xd9"


def _slide_path(number: int) -> str:
    """The cover is /lighthouses/, slide N is page N + 1 (/lighthouses/2/ is slide 1)."""
    return "/lighthouses/" if number == 0 else f"/lighthouses/{number + 1}/"


def slideshow_page(number: int, slides: int = SLIDES) -> bytes:
    """Page ``number`` of a slideshow: 0 is the cover (a picture and a dek, no item), then one
    numbered slide per page, as the demo's slideshow is built."""
    nav = []
    if number:
        nav.append(f'<a class="prev" href="{_slide_path(number - 1)}">&lsaquo; Previous</a>')
        nav.append(f"<span>{number} / {slides}</span>")
    if number < slides:
        label = "Start the slideshow" if number == 0 else "Next slide"
        nav.append(f'<a class="next" href="{_slide_path(number + 1)}">{label} &rsaquo;</a>')
    if number == 0:
        slide = (
            '<div class="slide cover"><img src="/img/lighthouses/cover.jpg" alt="A lighthouse at dusk">'
            '<p class="dek">From Patagonia to the Faroe Islands: keepers, storms and the light.</p>'
            '<p class="byline">By Mara Lindqvist</p></div>'
        )
    else:
        slide = (
            f'<div class="slide"><img src="/img/lighthouses/{number}.jpg" alt="Lighthouse {number}">'
            f'<h2 class="slide-title">{number} of {slides}: Lighthouse number {number}</h2>'
            f'<p class="slide-text">Lighthouse {number} stands on a rock the sea covers twice a day.</p>'
            '<p class="slide-credit">Credit: Sea Lights archive</p></div>'
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{SLIDESHOW_TITLE} - Slideshow - Sea Lights</title>
<meta property="og:title" content="{SLIDESHOW_TITLE}">
<meta property="og:site_name" content="Sea Lights">
</head><body>
<header><nav><a href="/">Sea Lights</a> <a href="/slideshows/">Slideshows</a></nav></header>
<main><div class="slideshow">
<h1>{SLIDESHOW_TITLE}</h1>
{slide}
<div class="slide-nav">{" ".join(nav)}</div>
</div></main>
<footer>&copy; Sea Lights</footer>
</body></html>""".encode()


def _huts_path(page: int) -> str:
    return "/mountain-huts/" if page == 1 else f"/mountain-huts/{page}/"


def huts_page(page: int) -> bytes:
    """A listicle over three pages whose page 1 is an introduction without items."""
    if page == 1:
        body = (
            "<p class='intro'>We spent a summer walking between huts in the Alps and the Tatras. "
            "Here are the ones we would climb to again, from the easiest to the hardest.</p>"
            "<p>Each hut is open from June to September; book ahead.</p>"
        )
    else:
        body = "".join(
            f"<h2>{n}. Hut number {n}</h2><p><img src='/img/huts/{n}.jpg' alt='Hut {n}'></p>"
            f"<p>What hut {n} is like after a long climb.</p><p class='credit'>Photo: Alpine Club</p>"
            for n in (range(1, 7) if page == 2 else range(7, 13))
        )
    next_link = f'<a class="next" href="{_huts_path(page + 1)}">Next page</a>' if page < 3 else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{HUTS_TITLE} - Trail Notes"
        f"</title></head><body><main><article><h1>{HUTS_TITLE}</h1>{body}</article>"
        f"<nav class='pages'>{next_link}</nav></main></body></html>"
    ).encode()


def _story_path(page: int) -> str:
    return "/harbour-bridge-vote/" if page == 1 else f"/harbour-bridge-vote/{page}/"


STORY_PAGES = 6  # more than a chain is followed without finding an item


def story_page(page: int) -> bytes:
    """A news story over six pages, with a subhead and numbered page links: no list."""
    numbers = " ".join(f'<a href="{_story_path(n)}">{n}</a>' for n in range(1, STORY_PAGES + 1))
    last = page == STORY_PAGES
    next_link = "" if last else f'<a class="next" href="{_story_path(page + 1)}">Next page &raquo;</a>'
    paragraphs = "".join(
        f"<p>Paragraph {n} of page {page}: the council met on Tuesday evening and argued about the "
        "harbour for a long time, as it does.</p>"
        for n in range(1, 5)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves the harbour bridge after a long night - Harbour Gazette</title>
<meta property="og:type" content="article"><meta name="author" content="Jo Brennan">
</head><body><header><nav><a href="/">Harbour Gazette</a> <a href="/news/">News</a></nav></header>
<main><article><h1>Council approves the harbour bridge after a long night</h1>
<p class="byline">By Jo Brennan</p><h2>What the council decided</h2>{paragraphs}</article>
<nav class="pagination">{numbers} {next_link}</nav></main>
<footer>&copy; Harbour Gazette</footer></body></html>""".encode()


ABOUT_PAGE = (
    b"<!DOCTYPE html><html><head><title>About the Harbour Gazette</title></head><body><main>"
    b"<h1>About us</h1><p>A local paper since 1911.</p></main></body></html>"
)


def site() -> dict[str, bytes]:
    pages = {_slide_path(n): slideshow_page(n) for n in range(SLIDES + 1)}
    pages.update({_huts_path(n): huts_page(n) for n in range(1, 4)})
    pages.update({_story_path(n): story_page(n) for n in range(1, STORY_PAGES + 1)})
    pages["/about/"] = ABOUT_PAGE
    return pages


class Site:
    """The pages above and their images, served with a count of requests per path."""

    def __init__(self) -> None:
        self.pages = site()
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, handler: BaseHTTPRequestHandler) -> str:
        """The path asked for, counted."""
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.hits[path] += 1
        return path

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        path = self.count(handler)
        if path.startswith("/img/") and path.endswith(".jpg"):
            send(handler, 200, JPEG, "image/jpeg")
        elif path in self.pages:
            send(handler, 200, self.pages[path])
        else:
            send(handler, 404, b"<html><body>not found</body></html>")


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _articles(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    return {article["url"].split("/", 3)[3]: article for article in map(json.loads, lines)}


def _extract(out: Path, tmp_path: Path) -> bytes:
    output = tmp_path / "extracted.jsonl"
    warcs = sorted(str(path) for path in (out / "warc").glob("*.warc.gz"))
    _run([str(BIN / "archiver"), "extract", *warcs, "-o", str(output)])
    return output.read_bytes()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    out = tmp_path_factory.mktemp("continuation") / "out"
    served = Site()
    with serve({"/*": served.route}) as base:
        seeds = [base + path for path in ("/lighthouses/", "/mountain-huts/", _story_path(1), "/about/")]
        _run(loopback_crawl(out, *seeds, "--depth", "0"))
    yield {"out": out, "hits": served.hits, "pages": served.pages}


def test_a_slideshow_with_a_cover_slide_is_one_article_of_all_its_slides(crawl: dict[str, Any]) -> None:
    article = _articles(crawl["out"])["lighthouses/"]
    assert [page["url"].split("/", 3)[3] for page in article["pages"]] == [
        _slide_path(n).lstrip("/") for n in range(SLIDES + 1)
    ]
    items = article["items"]
    assert [item["position"] for item in items] == list(range(1, SLIDES + 1))
    assert [item["number"] for item in items] == list(range(1, SLIDES + 1))
    assert [item["page_url"].split("/", 3)[3] for item in items] == [
        _slide_path(n).lstrip("/") for n in range(1, SLIDES + 1)
    ]
    assert items[0]["heading"] == "Lighthouse number 1"
    assert [image["url"].rsplit("/", 1)[1] for item in items for image in item["images"]] == [
        f"{n}.jpg" for n in range(1, SLIDES + 1)
    ]
    assert all(image["capture"]["status"] == 200 for item in items for image in item["images"])
    assert (article["title"], article["site_name"]) == (SLIDESHOW_TITLE, "Sea Lights")
    assert (article["declared_count"], article["numbering"]) == (SLIDES, "printed")
    assert article["complete"] is True
    assert article["warnings"] == []


def test_a_listicle_whose_first_page_is_an_intro_keeps_every_page(crawl: dict[str, Any]) -> None:
    article = _articles(crawl["out"])["mountain-huts/"]
    assert [page["url"].split("/", 3)[3] for page in article["pages"]] == [
        "mountain-huts/",
        "mountain-huts/2/",
        "mountain-huts/3/",
    ]
    assert [item["number"] for item in article["items"]] == list(range(1, 13))
    assert [item["position"] for item in article["items"]] == list(range(1, 13))
    assert article["items"][0]["page_url"].endswith("/mountain-huts/2/")
    assert article["items"][6]["page_url"].endswith("/mountain-huts/3/")
    assert (article["declared_count"], article["numbering"], article["complete"]) == (12, "printed", True)
    assert article["warnings"] == []  # the intro's "no list found" is not the article's


def test_a_story_over_several_pages_is_followed_once_and_not_written(crawl: dict[str, Any]) -> None:
    assert sorted(_articles(crawl["out"])) == ["lighthouses/", "mountain-huts/"]
    hits = crawl["hits"]
    # The story's chain stops after MAX_PAGES_BEFORE_ITEMS pages without an item.
    unread = {_story_path(n) for n in range(MAX_PAGES_BEFORE_ITEMS + 1, STORY_PAGES + 1)}
    expected = {path: 0 if path in unread else 1 for path in crawl["pages"]}
    assert {path: hits.get(path, 0) for path in crawl["pages"]} == expected
    summary = read_run(crawl["out"])
    assert summary["finish_reason"] == "finished"
    # 7 + 3 + 3 + 1 pages; the articles' 10 are listicle pages; the story and /about/ are the
    # two pages that began no article.
    assert (summary["pages"], summary["listicle_pages"], summary["non_listicles"]) == (14, 10, 2)
    assert (summary["articles"], summary["items"]) == (2, SLIDES + 12)
    assert summary["photos"] == summary["image_responses"] == SLIDES + 12  # one photo an item
    assert summary["errors"] == []


def test_extract_from_the_warcs_gives_the_same_articles(crawl: dict[str, Any], tmp_path: Path) -> None:
    assert _extract(crawl["out"], tmp_path) == (crawl["out"] / "articles.jsonl").read_bytes()


def test_a_crawl_killed_after_the_cover_slide_resumes_the_slideshow_from_its_warcs(tmp_path: Path) -> None:
    """The cover (no item) is archived, then the crawl is killed while slide 1 is requested: the
    next run rebuilds the chain from the WARCs and fetches the rest, the cover not again."""
    served = Site()
    slide_one = _slide_path(1)
    reached, released = threading.Event(), threading.Event()

    def held_once(handler: BaseHTTPRequestHandler) -> None:
        if handler.path == slide_one and not reached.is_set():
            served.count(handler)
            reached.set()
            released.wait(timeout=120)  # the crawl is killed meanwhile; nothing is answered
            return
        served.route(handler)

    routes: dict[str, Route] = {"/*": held_once}
    out = tmp_path / "out"
    with serve(routes) as base:
        command = loopback_crawl(out, base + "/lighthouses/", "--depth", "0")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert reached.wait(timeout=120), "the crawl never asked for slide 1"
        finally:
            process.kill()
            process.wait(timeout=60)
            released.set()
        assert not (out / "articles.jsonl").read_text()
        _run(command)
    [article] = _articles(out).values()
    assert len(article["pages"]) == SLIDES + 1 and article["complete"] is True
    assert [item["number"] for item in article["items"]] == list(range(1, SLIDES + 1))
    assert served.hits[_slide_path(0)] == 1 and served.hits[slide_one] == 2
    assert _extract(out, tmp_path) == (out / "articles.jsonl").read_bytes()


def _draft(urls_and_pages: list[tuple[str, bytes]]) -> ArticleDraft:
    draft = ArticleDraft()
    for number, (url, body) in enumerate(urls_and_pages):
        capture = PageCapture(
            url=url,
            status=200,
            fetched_at="2026-01-01T00:00:00Z",
            warc_filename="test.warc.gz",
            warc_offset=number,
            warc_record_id=f"<urn:uuid:{number}>",
        )
        draft.pages.append((parse_page(body, url), capture))
    return draft


def test_a_cover_and_fewer_slides_than_declared_is_incomplete() -> None:
    base = "https://sea-lights.example"
    cover = parse_page(slideshow_page(0), base + _slide_path(0))
    assert not cover.is_listicle and starts_article(cover)
    pages = [(base + _slide_path(n), slideshow_page(n)) for n in range(SLIDES)]  # the last slide missing
    article = stitch_article(_draft(pages), {})
    assert article is not None
    assert [item["number"] for item in article.model_dump()["items"]] == list(range(1, SLIDES))
    assert article.complete is False
    assert f"declared {SLIDES} items but found {SLIDES - 1}" in " ".join(article.warnings)


def test_pages_without_items_make_no_article_and_a_lone_page_begins_none() -> None:
    base = "https://gazette.example"
    story = _draft([(base + _story_path(n), story_page(n)) for n in range(1, 4)])
    assert starts_article(story.pages[0][0]) and not story.has_items
    assert stitch_article(story, {}) is None
    assert not starts_article(parse_page(ABOUT_PAGE, base + "/about/"))
