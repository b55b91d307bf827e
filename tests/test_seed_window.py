"""Sitemap URLs become requests a window at a time, so a huge sitemap never fills Scrapy's
in-memory queue; every URL is still crawled."""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from archiver.crawl.summary import read_run
from bench.sitegen import site_files
from tests.fault_server import Route, serve
from tests.generated_site import site_routes, sitemap_crawl_command

ARTICLES = 12
FIRST_PAGE = re.compile(r"^/a/\d{5}-things/$")


def _counting_first_pages(
    in_flight: dict[str, int], fetches: Counter[str] | None = None
) -> Callable[[str, Callable[[], None]], None]:
    lock = threading.Lock()

    def around(path: str, answer: Callable[[], None]) -> None:
        if fetches is not None:
            with lock:
                fetches[path] += 1
        if FIRST_PAGE.match(path) is None:
            answer()
            return
        with lock:
            in_flight["now"] += 1
            in_flight["max"] = max(in_flight["max"], in_flight["now"])
        try:
            answer()
        finally:
            with lock:
                in_flight["now"] -= 1

    return around


def _site(
    files: dict[str, bytes], in_flight: dict[str, int], fetches: Counter[str] | None = None
) -> dict[str, Route]:
    # 50 ms an answer: long enough for a concurrency of 8 to overlap requests.
    return site_routes(files, latency=0.05, around=_counting_first_pages(in_flight, fetches))


def _crawl(base: str, out: Path, *extra: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    window = ["--set", "CONCURRENT_REQUESTS=8", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]
    command = sitemap_crawl_command(base, out, *window, "--set", "ARCHIVER_SEED_WINDOW=3", *extra)
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == code, result.stderr[-3000:]
    return result


def _complete_articles(out: Path) -> list[str]:
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert all(article["complete"] for article in articles)
    return [article["url"] for article in articles]


def test_sitemap_pages_are_requested_a_window_at_a_time(tmp_path: Path) -> None:
    files: dict[str, bytes] = {}
    in_flight = {"now": 0, "max": 0}
    with serve(_site(files, in_flight)) as base:
        files.update(site_files(ARTICLES, base, page_kb=8))
        _crawl(base, tmp_path / "out")
    assert len(set(_complete_articles(tmp_path / "out"))) == ARTICLES
    # At most the window of first pages at the server at once, and the window was used.
    assert 2 <= in_flight["max"] <= 3, in_flight


def test_a_stopped_job_resumes_the_sitemap_backlog(tmp_path: Path) -> None:
    files: dict[str, bytes] = {}
    fetches: Counter[str] = Counter()
    job = ["--job-dir", str(tmp_path / "job")]
    with serve(_site(files, {"now": 0, "max": 0}, fetches)) as base:
        files.update(site_files(ARTICLES, base, page_kb=8))
        first = _crawl(base, tmp_path / "out", *job, "--set", "CLOSESPIDER_PAGECOUNT=10", code=3)
        assert "closespider_pagecount" in first.stdout
        assert len(_complete_articles(tmp_path / "out")) < ARTICLES
        _crawl(base, tmp_path / "out", *job)
    urls = _complete_articles(tmp_path / "out")
    assert len(urls) == len(set(urls)) == ARTICLES
    # Nothing fetched twice across the stop (robots.txt is asked for by each run).
    assert {path: n for path, n in fetches.items() if n > 1 and path != "/robots.txt"} == {}
    assert fetches["/sitemap.xml.gz"] == 1


def test_max_pages_stops_starting_articles_and_finishes_the_started_ones(tmp_path: Path) -> None:
    files: dict[str, bytes] = {}
    fetches: Counter[str] = Counter()
    with serve(_site(files, {"now": 0, "max": 0}, fetches)) as base:
        files.update(site_files(ARTICLES, base, page_kb=8))
        _crawl(base, tmp_path / "out", "--max-pages", "5")
    urls = _complete_articles(tmp_path / "out")  # every started article is finished
    first_pages = [path for path in fetches if FIRST_PAGE.match(path)]
    assert 1 <= len(urls) == len(first_pages) <= 5
    pages = sum(n for path, n in fetches.items() if path.startswith("/a/"))
    assert pages <= 5 + 2 * len(first_pages)  # next pages of started articles (at most 3 pages each)
    summary = read_run(tmp_path / "out")
    assert summary["finish_reason"] == "finished"
