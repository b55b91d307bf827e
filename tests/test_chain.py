"""The article-chain rules the crawl and re-extraction share (archiver.chain): the next page to
follow or why the chain stops, and the texts a failed page is recorded with. End to end, the
two flows agree on failed chains in tests/test_crawl_errors.py and test_hostile_servers.py."""

from __future__ import annotations

from pydantic import ValidationError

from archiver.articles import ArticleDraft, stitch_article
from archiver.chain import (
    MAX_ARTICLE_PAGES,
    MAX_PAGES_BEFORE_ITEMS,
    PAGE_ERRORS,
    add_page,
    end_with_failure,
    error_status_failure,
    fetch_failure,
    rejected_failure,
)
from archiver.errors import ParseError
from archiver.models import ListiclePage, PageCapture
from archiver.parse.page import parse_page
from tests.fault_server import listicle_html

BASE = "https://chain.example"


def _page(path: str, numbers: range, next_path: str | None) -> tuple[ListiclePage, PageCapture]:
    url = BASE + path
    record = parse_page(listicle_html("10 Things", numbers, next_path), url)
    capture = PageCapture(
        url=url,
        status=200,
        fetched_at="2026-11-30T00:00:00Z",
        warc_filename="t.warc.gz",
        warc_offset=0,
        warc_record_id="<urn:uuid:0>",
    )
    return record, capture


def test_the_next_page_is_followed_and_the_last_page_ends_the_chain() -> None:
    draft = ArticleDraft()
    assert add_page(draft, *_page("/ten/", range(1, 6), "/ten/2/")) == BASE + "/ten/2/"
    assert add_page(draft, *_page("/ten/2/", range(6, 11), None)) is None
    assert draft.stopped_reason is None and len(draft.pages) == 2


def test_a_next_page_back_to_an_earlier_page_stops_the_chain_with_its_reason() -> None:
    draft = ArticleDraft()
    add_page(draft, *_page("/loop/", range(1, 6), "/loop/2/"))
    record, capture = _page("/loop/2/", range(6, 11), None)
    back = record.model_copy(update={"next_page_url": BASE + "/loop/"})  # as a site's loop would
    assert add_page(draft, back, capture) is None
    assert draft.stopped_reason == f"next page links back to an earlier page ({BASE}/loop/)"
    article = stitch_article(draft, {})
    assert article is not None and not article.complete and draft.stopped_reason in article.warnings


def test_an_endless_chain_stops_at_the_page_limit() -> None:
    draft = ArticleDraft()
    for number in range(1, MAX_ARTICLE_PAGES):
        path = f"/trap/{number}/"
        assert add_page(draft, *_page(path, range(number, number + 1), f"/trap/{number + 1}/")) is not None
    last = f"/trap/{MAX_ARTICLE_PAGES}/"
    assert add_page(draft, *_page(last, range(50, 51), "/trap/51/")) is None
    assert draft.stopped_reason == f"stopped after {MAX_ARTICLE_PAGES} pages (possible crawler trap)"


def test_a_chain_without_items_stops_after_a_few_pages() -> None:
    draft = ArticleDraft()
    for number in range(1, MAX_PAGES_BEFORE_ITEMS + 1):
        followed = add_page(draft, *_page(f"/story/{number}/", range(0), f"/story/{number + 1}/"))
    assert followed is None and draft.stopped_reason is not None
    assert "not a listicle" in draft.stopped_reason


def test_failed_pages_are_recorded_with_one_text_per_kind() -> None:
    assert error_status_failure(BASE + "/a/2/", 200) is None
    assert error_status_failure(BASE + "/a/2/", 204) is None
    # A 3xx reaches the chain only when the crawl does not follow it.
    unfollowed = error_status_failure(BASE + "/a/2/", 399, "/a/real/")
    assert unfollowed is not None and unfollowed.reason == "HTTP 399: redirect to /a/real/ not followed"
    failure = error_status_failure(BASE + "/a/2/", 503)
    assert failure is not None and failure.reason == "HTTP 503"
    assert rejected_failure(BASE + "/a/2/", ParseError("empty document")).reason == "rejected: empty document"
    assert fetch_failure(BASE + "/a/2/", "TimeoutError: 30 s").reason == "TimeoutError: 30 s"
    assert ParseError in PAGE_ERRORS and ValidationError in PAGE_ERRORS

    draft = ArticleDraft()
    assert add_page(draft, *_page("/a/", range(1, 6), "/a/2/")) == BASE + "/a/2/"
    end_with_failure(draft, failure)
    article = stitch_article(draft, {})
    assert article is not None and not article.complete
    assert f"page 2 failed: HTTP 503 ({BASE}/a/2/)" in article.warnings


def test_a_draft_pickled_without_newer_fields_gets_their_defaults() -> None:
    """JOBDIR state saved by an earlier version (no ``digests``) resumes after an upgrade."""
    import pickle

    from archiver.articles import ArticleDraft

    draft = ArticleDraft(stopped_reason="kept")
    old_state = {name: value for name, value in vars(draft).items() if name != "digests"}
    resumed = ArticleDraft.__new__(ArticleDraft)
    resumed.__setstate__(old_state)
    assert resumed.digests == {} and resumed.stopped_reason == "kept"
    assert pickle.loads(pickle.dumps(draft)) == draft
