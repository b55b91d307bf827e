"""What an article says of the pages and photos it lacks (archiver.articles, shared by the crawl
and re-extraction), and articles.jsonl keeping one line per article, the last written
(archiver.article_file). End to end: tests/test_stopped_crawl_completes.py."""

from __future__ import annotations

import json
from pathlib import Path

from archiver.article_file import dedupe_articles_file, lines_in_capture_order, sort_articles_file
from archiver.articles import ArticleDraft, stitch_article, waits_for_a_page
from archiver.chain import add_page
from archiver.models import Image, ImageCapture, Item, ListiclePage, PageCapture

BASE = "https://photos.example"


def _photo_page(path: str, first: int, next_path: str | None) -> tuple[ListiclePage, PageCapture]:
    url = BASE + path
    items = [
        Item(
            position=n,
            number=n,
            heading=f"Sight {n}",
            page_url=url,
            images=[Image(url=f"{BASE}/{n}.jpg", source_attr="src")],
        )
        for n in range(first, first + 2)
    ]
    record = ListiclePage(
        url=url,
        title="4 Sights",
        declared_count=4,
        is_listicle=True,
        numbering="printed",
        items=items,
        next_page_url=BASE + next_path if next_path else None,
    )
    capture = PageCapture(
        url=url,
        status=200,
        fetched_at="2026-11-30T00:00:00Z",
        warc_filename="t.warc.gz",
        warc_offset=first,
        warc_record_id=f"<urn:uuid:{first}>",
    )
    return record, capture


def _captured(n: int, status: int = 200) -> ImageCapture:
    return ImageCapture(
        status=status,
        length=10,
        payload_digest=f"sha1:{n}",
        warc_filename="t.warc.gz",
        warc_record_id=f"<urn:uuid:i{n}>",
        warc_type="response",
    )


def _whole_draft() -> ArticleDraft:
    draft = ArticleDraft()
    add_page(draft, *_photo_page("/s/", 1, "/s/2/"))
    add_page(draft, *_photo_page("/s/2/", 3, None))
    return draft


def test_an_article_with_every_photo_captured_is_media_complete() -> None:
    captures = {f"{BASE}/{n}.jpg": _captured(n) for n in range(1, 5)}
    article = stitch_article(_whole_draft(), captures)
    assert article is not None
    assert article.complete and article.media_complete and not article.crawl_stopped
    assert article.warnings == []


def test_photos_that_failed_or_never_came_are_counted_with_why() -> None:
    captures = {f"{BASE}/1.jpg": _captured(1), f"{BASE}/2.jpg": None}
    failures = {f"{BASE}/2.jpg": "HTTP 503"}
    article = stitch_article(_whole_draft(), captures, failures)
    assert article is not None
    assert not article.media_complete and article.crawl_stopped  # 3 and 4 were never asked for
    assert article.complete  # every page is there and the count matches
    assert "3 of 4 photos not captured: 2 not fetched, 1 failed (HTTP 503)" in article.warnings


def test_photos_that_only_failed_leave_the_article_not_stopped() -> None:
    captures = {f"{BASE}/{n}.jpg": _captured(n) for n in range(1, 4)}
    article = stitch_article(_whole_draft(), captures, {f"{BASE}/4.jpg": "DNSLookupError: no such host"})
    assert article is not None
    assert not article.media_complete and not article.crawl_stopped
    assert "1 of 4 photos not captured: 1 failed (DNSLookupError: no such host)" in article.warnings


def test_photos_answered_with_an_error_keep_it_but_are_not_captured() -> None:
    """A 404 or a 500 archived for a photo is provenance, not the photo: the article says so
    with the status, whatever failure the caller passes (the crawl and extract pass different ones)."""
    captures = {f"{BASE}/{n}.jpg": _captured(n) for n in (1, 2)}
    captures |= {f"{BASE}/3.jpg": _captured(3, 404), f"{BASE}/4.jpg": _captured(4, 500)}
    for failures in ({}, {f"{BASE}/4.jpg": "HTTP 500"}):
        article = stitch_article(_whole_draft(), captures, failures)
        assert article is not None
        assert not article.media_complete and not article.crawl_stopped and article.complete
        assert "2 of 4 photos not captured: 2 failed (HTTP 404; HTTP 500)" in article.warnings
        statuses = [image.capture.status for item in article.items for image in item.images if image.capture]
        assert statuses == [200, 200, 404, 500]


def test_an_article_whose_next_page_never_came_is_stopped_and_not_complete() -> None:
    draft = ArticleDraft()
    add_page(draft, *_photo_page("/s/", 1, "/s/2/"))
    article = stitch_article(draft, {f"{BASE}/{n}.jpg": _captured(n) for n in (1, 2)})
    assert article is not None
    assert article.crawl_stopped and not article.complete and article.media_complete
    assert f"page 2 not fetched ({BASE}/s/2/)" in article.warnings
    assert waits_for_a_page(article.warnings)


def test_the_last_line_of_an_article_wins_when_sorting_and_deduplicating(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    draft = _whole_draft()
    unfinished = stitch_article(draft, {})
    later = stitch_article(ArticleDraft(pages=list(_whole_draft().pages[:1])), {})  # another article
    finished = stitch_article(draft, {f"{BASE}/{n}.jpg": _captured(n) for n in range(1, 5)})
    assert unfinished and later and finished
    moved = later.pages[0].model_copy(update={"warc_offset": 100})  # archived after /s/
    later = later.model_copy(update={"url": BASE + "/other/", "pages": [moved]})
    path.write_text(
        "\n".join(article.to_json() for article in (unfinished, later, finished)) + "\n", encoding="utf-8"
    )
    assert [json.loads(line)["media_complete"] for line in lines_in_capture_order(path)] == [True, False]
    assert dedupe_articles_file(path) == 1
    assert [json.loads(line)["url"] for line in path.read_text().splitlines()] == [
        BASE + "/other/",
        BASE + "/s/",
    ]
    before = path.read_bytes()
    assert dedupe_articles_file(path) == 0 and path.read_bytes() == before
    sort_articles_file(path)
    assert [json.loads(line)["url"] for line in path.read_text().splitlines()] == [
        BASE + "/s/",
        BASE + "/other/",
    ]
