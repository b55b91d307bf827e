"""The pure parts of what a run reports: report_lines, crawl.json's history and totals, and the
terminal's one-line log format."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archiver.crawl.logs import OneLineFormatter, configure_logging
from archiver.crawl.report import MAX_ERROR_KINDS, report_lines
from archiver.crawl.summary import MAX_RUNS, CrawlSummary, build_summary, this_run

SEED = "https://site.example/list/"


def _run(**fields: Any) -> dict[str, Any]:
    run: dict[str, Any] = {
        "finish_reason": "finished",
        "duration_seconds": 75.2,
        "seeds": [SEED],
        "pages": 12,
        "listicle_pages": 10,
        "articles": 2,
        "items": 30,
        "photos": 28,
        "image_responses": 40,
        "rejects": 1,
        "non_listicles": 2,
        "responses": 60,
        "bytes": 2_500_000,
        "errors": [],
        "warc_files": ["crawl-1.warc.gz"],
    }
    run.update(fields)
    return run


def _summary(run: dict[str, Any], **totals: int) -> dict[str, Any]:
    return {"schema_version": "2.0", "run": run, "totals": {"articles": 5, **totals}, "runs": []}


def test_the_report_counts_errors_by_kind_with_one_example_each(tmp_path: Path) -> None:
    errors = [
        {"url": "https://site.example/a/", "kind": "page", "error": "TimeoutError: took longer than 30 s"},
        {"url": "https://site.example/b/", "kind": "page", "error": "TimeoutError: took longer than 30 s"},
        {"url": "https://site.example/c.jpg", "kind": "image", "error": "HTTP 500"},
        {"url": "https://site.example/gone/", "kind": "http", "error": "HTTP 404"},
        {"url": "https://site.example/old/", "kind": "http", "error": "HTTP 410"},
    ]
    lines = report_lines(_summary(_run(errors=errors, exit_code=2, outcome="partial")), tmp_path)
    assert lines[0] == "partial in 1 min 15 s: 2 articles, 30 items, 28 photos from 12 pages (exit 2)"
    assert "3 errors:" in lines
    assert "  2 x TimeoutError (page), e.g. https://site.example/a/: took longer than 30 s" in lines
    assert "  1 x HTTP 500 (image), e.g. https://site.example/c.jpg: HTTP 500" in lines
    dead = [line for line in lines if "dead links" in line]
    assert len(dead) == 1 and dead[0].startswith("2 dead links") and "not failures" in dead[0]
    pages_line = lines[1]
    assert "2 pages not listicles" in pages_line and "1 page rejected (rejects.jsonl)" in pages_line
    assert lines[-1].startswith(f"output: {tmp_path}/articles.jsonl (5 articles in all)")


def test_a_seed_that_answers_404_is_a_failure_not_a_dead_link(tmp_path: Path) -> None:
    errors = [{"url": SEED, "kind": "http", "error": "HTTP 404"}]
    lines = report_lines(_summary(_run(errors=errors)), tmp_path)
    assert "1 error:" in lines and not any("dead links" in line for line in lines)


def test_many_kinds_of_errors_end_in_one_line_for_the_rest(tmp_path: Path) -> None:
    errors = [
        {"url": f"https://site.example/{n}/", "kind": "page", "error": f"Error{n}: x"}
        for n in range(MAX_ERROR_KINDS + 3)
    ]
    lines = report_lines(_summary(_run(errors=errors)), tmp_path)
    assert lines[-2] == "  3 more of 3 other kinds: crawl.json run.errors"


def _idle_run(**fields: Any) -> dict[str, Any]:
    counts = dict.fromkeys(("pages", "articles", "items", "photos", "image_responses", "rejects"), 0)
    return _run(**{**counts, "non_listicles": 0, "responses": 0, "bytes": 0, **fields})


def test_a_run_that_found_nothing_to_do_says_so_and_how_to_take_a_fresh_snapshot(tmp_path: Path) -> None:
    lines = report_lines(_summary(_idle_run(), articles=7, pages=9), tmp_path)
    assert "nothing was left to fetch" in lines[1] and "(7 articles in all)" in lines[1]
    assert "new --out" in lines[1]
    # robots.txt and a sitemap fetched again: still nothing left.
    lines = report_lines(_summary(_idle_run(responses=2, bytes=900), articles=7, pages=9), tmp_path)
    assert "nothing was left to fetch" in lines[1] and "(7 articles in all)" in lines[1]
    # A folder whose pages were none of them listicles.
    lines = report_lines(_summary(_idle_run(responses=1), articles=0, pages=4), tmp_path)
    assert "nothing was left to fetch" in lines[1] and "(4 pages, no listicle among them)" in lines[1]


def test_a_run_that_did_something_or_failed_is_not_nothing_left(tmp_path: Path) -> None:
    error = {"url": SEED, "kind": "seed-list", "error": "HTTP 500"}
    for run in (_idle_run(pages=1), _idle_run(image_responses=3), _idle_run(errors=[error])):
        assert not any("nothing was left" in line for line in report_lines(_summary(run, pages=9), tmp_path))
    # A first run that parsed nothing (an empty sitemap): no earlier run fetched anything.
    lines = report_lines(_summary(_idle_run(responses=1), articles=0, pages=0), tmp_path)
    assert not any("nothing was left" in line for line in lines)


def test_a_stopped_run_says_why_and_a_1x_crawl_json_still_reads(tmp_path: Path) -> None:
    old = {**_run(finish_reason="shutdown", duration_seconds=3.0), "images": 9}
    del old["photos"]
    lines = report_lines(old, tmp_path)  # crawl.json 1.x: the run's fields at the top
    assert lines[0] == "stopped (shutdown) in 3.0 s: 2 articles, 30 items, 9 photos from 12 pages"


def _article(url: str, photos: int, without_capture: int) -> str:
    capture = {"status": 200}
    images: list[dict[str, Any]] = [{"url": f"{url}{n}.jpg", "capture": capture} for n in range(photos)]
    images += [{"url": f"{url}x{n}.jpg", "capture": None} for n in range(without_capture)]
    return json.dumps({"url": url, "pages": [{"url": url}], "items": [{"images": images}, {"images": []}]})


def test_history_is_appended_and_bounded_and_totals_are_the_folders(tmp_path: Path) -> None:
    lines = [_article("https://a.example/1/", 3, 1), _article("https://a.example/2/", 1, 0)]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "warc").mkdir()
    (tmp_path / "warc" / "crawl-1.warc.gz").write_bytes(b"x" * 10)
    pages = [
        {"url": "https://a.example/1/", "status": 200, "listicle": True},
        {"url": "https://a.example/2/", "status": 200, "listicle": True},
        {"url": "https://a.example/x/", "status": 200, "listicle": False},
        {"url": "https://a.example/gone/", "status": 404, "listicle": False},  # not parsed
        {"url": "https://a.example/2/", "status": 200, "listicle": True},  # listed again
    ]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(page) + "\n" for page in pages))
    previous = {
        "schema_version": "2.0",
        "run": _run(),
        "totals": {"pages": 100, "runs": MAX_RUNS + 5},
        "runs": [{"started_at": str(n), "errors": 0} for n in range(MAX_RUNS)],
    }
    summary = build_summary(_run(started_at="now"), tmp_path, "job", previous)
    CrawlSummary.model_validate(summary)
    assert len(summary["runs"]) == MAX_RUNS
    assert summary["runs"][0]["started_at"] == "1" and summary["runs"][-1]["started_at"] == "now"
    assert summary["totals"] == {
        "articles": 2,
        "items": 4,
        "photos": 4,
        "article_pages": 2,
        "pages": 3,  # from pages.jsonl: not the 100 + 12 the runs say
        "warc_files": 1,
        "warc_bytes": 10,
        "runs": MAX_RUNS + 6,
    }
    assert this_run(summary)["started_at"] == "now"


def test_a_1x_crawl_json_becomes_the_first_entry_of_the_history(tmp_path: Path) -> None:
    previous = _run(finish_reason="shutdown", errors=[{"url": "", "kind": "warc", "error": "x"}])
    summary = build_summary(_run(), tmp_path, None, previous)
    assert [entry["finish_reason"] for entry in summary["runs"]] == ["shutdown", "finished"]
    assert summary["runs"][0]["errors"] == 1
    assert summary["totals"]["runs"] == 2 and summary["totals"]["pages"] == 0  # no pages.jsonl


def test_a_run_that_left_no_summary_gets_a_killed_entry_once(tmp_path: Path) -> None:
    previous = build_summary(_run(run_id="r1"), tmp_path, None, None)
    killed = {"pid": "42", "since": "2026-01-01T00:00:00+00:00", "run_id": "r2"}
    summary = build_summary(_run(run_id="r3"), tmp_path, None, previous, unrecorded=[killed])
    CrawlSummary.model_validate(summary)
    assert [entry.get("run_id") for entry in summary["runs"]] == ["r1", "r2", "r3"]
    assert summary["runs"][1] == {
        "run_id": "r2",
        "started_at": "2026-01-01T00:00:00+00:00",
        "finish_reason": "killed",
        "outcome": "unknown",
        "errors": None,
    }
    assert summary["totals"]["runs"] == 3
    # Killed after its crawl.json was written (before it let go of the lock): on record already.
    again = build_summary(_run(run_id="r4"), tmp_path, None, summary, unrecorded=[{**killed, "run_id": "r3"}])
    assert [entry.get("run_id") for entry in again["runs"]] == ["r1", "r2", "r3", "r4"]


def _record(message: str, exc_info: Any = None, name: str = "scrapy.core.scraper") -> logging.LogRecord:
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, None, exc_info)


def test_a_traceback_on_the_terminal_is_one_line_naming_the_exception() -> None:
    try:
        raise ConnectionRefusedError("port 9 closed")
    except ConnectionRefusedError:
        attached = _record("Error downloading <GET http://x.example/robots.txt>", sys.exc_info())
    embedded = _record(
        "Unhandled error in Deferred:\nTraceback (most recent call last):\n  File 'x', line 1\n"
        "twisted.internet.error.DNSLookupError: DNS lookup failed: no.example\n",
        name="twisted",
    )
    formatter = OneLineFormatter()
    assert formatter.format(attached) == (
        "error [scrapy.core.scraper]: Error downloading <GET http://x.example/robots.txt>: "
        "ConnectionRefusedError: port 9 closed"
    )
    assert formatter.format(embedded) == (
        "error [twisted]: Unhandled error in Deferred: "
        "twisted.internet.error.DNSLookupError: DNS lookup failed: no.example"
    )
    own = logging.LogRecord("archiver.crawl.x", logging.INFO, __file__, 1, "progress: 3 pages", None, None)
    assert formatter.format(own) == "progress: 3 pages"


@pytest.fixture
def root_logging() -> Iterator[None]:
    handlers, level = list(logging.root.handlers), logging.root.level
    yield
    for handler in logging.root.handlers:
        if handler not in handlers:
            logging.root.removeHandler(handler)
            handler.close()
    logging.root.setLevel(level)


def _log_a_failure() -> None:
    try:
        raise TimeoutError("took longer than 30 s")
    except TimeoutError:
        logging.getLogger("scrapy.core.scraper").exception("Error downloading <GET http://x.example/>")
    logging.getLogger("scrapy.core.engine").info("Spider opened")
    logging.getLogger("archiver.crawl.progress").info("progress: 1 pages")


def test_the_terminal_shows_a_whole_traceback_only_with_debug(
    root_logging: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    configure_logging()
    _log_a_failure()
    default = capsys.readouterr().err.splitlines()
    assert default == [
        "error [scrapy.core.scraper]: Error downloading <GET http://x.example/>: "
        "TimeoutError: took longer than 30 s",
        "progress: 1 pages",
    ]
    configure_logging(debug=True)
    _log_a_failure()
    debug = capsys.readouterr().err
    assert "Traceback (most recent call last)" in debug and "Spider opened" not in debug
    log = tmp_path / "crawl.log"
    configure_logging(log_file=log)
    _log_a_failure()
    assert capsys.readouterr().err.splitlines() == [default[0]]
    text = log.read_text()
    assert "Traceback (most recent call last)" in text and "Spider opened" in text and "progress: 1" in text
