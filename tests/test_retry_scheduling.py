"""Retries wait for their backoff outside the downloader: rate-limited pages do not stop the rest
of the crawl, and a clean stop keeps the waiting retries in the JOBDIR queue."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from archiver.crawl.scheduler import NOT_BEFORE, DelayingScheduler
from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, page, robots_allow_all, send, serve

BUSY = 6  # more rate-limited pages than the crawl's places in the downloader
ORDINARY = 12


class EventLog:
    """What the server did, in order: ("429" | "200", path)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)

    def add(self, kind: str, path: str) -> None:
        with self.changed:
            self.events.append((kind, path))
            self.changed.notify_all()

    def wait_for(self, kind: str, path: str, timeout: float = 120) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: (kind, path) in self.events, timeout), self.events

    def served(self, prefix: str) -> int:
        with self.lock:
            return sum(1 for kind, path in self.events if kind == "200" and path.startswith(prefix))


def busy_until(log: EventLog, ready: Callable[[], bool], body: bytes, retry_after: str) -> Route:
    """429 with Retry-After until ``ready()``, then ``body``."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        if not ready():
            log.add("429", handler.path)
            send(handler, 429, b"<html><body>slow down</body></html>", headers=[("Retry-After", retry_after)])
        else:
            log.add("200", handler.path)
            send(handler, 200, body)

    return route


def logged(log: EventLog, route: Route) -> Route:
    def wrapped(handler: BaseHTTPRequestHandler) -> None:
        log.add("200", handler.path)
        route(handler)

    return wrapped


def test_rate_limited_pages_do_not_stop_the_other_pages(tmp_path: Path) -> None:
    """Retries first (RETRY_PRIORITY_ADJUST=1) and seeds in order (FIFO): a retry that waited in
    the downloader would fill all 4 of its places, and no other page would be fetched before
    the first retry went out."""
    log = EventLog()

    def everything_else_served() -> bool:
        return log.served("/list-") == ORDINARY

    routes: dict[str, Route] = {"/robots.txt": robots_allow_all()}
    for n in range(BUSY):
        body = listicle_html(f"3 Busy Things {n}", range(1, 4))
        routes[f"/busy-{n}/"] = busy_until(log, everything_else_served, body, "2")
    for n in range(ORDINARY):
        routes[f"/list-{n}/"] = logged(log, page(listicle_html(f"3 Calm Things {n}", range(1, 4))))
    out = tmp_path / "out"
    settings = {
        "CONCURRENT_REQUESTS": "4",
        "RETRY_TIMES": "30",
        "RETRY_PRIORITY_ADJUST": "1",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    }
    with serve(routes) as base:
        seeds = [f"{base}/busy-{n}/" for n in range(BUSY)] + [f"{base}/list-{n}/" for n in range(ORDINARY)]
        options = [part for name, value in settings.items() for part in ("--set", f"{name}={value}")]
        subprocess.run(
            [*loopback_crawl(out, *seeds, "--depth", "0"), *options],
            check=True,
            capture_output=True,
            timeout=300,
        )
    paths = [path for _, path in log.events]
    first_retry = next(i for i, path in enumerate(paths) if path.startswith("/busy-") and path in paths[:i])
    assert any(path.startswith("/list-") for path in paths[:first_retry]), log.events
    # The busy pages answered 200 only once every other page had been served.
    summary = read_run(out)
    assert summary["articles"] == BUSY + ORDINARY, summary["errors"]
    assert summary["errors"] == []


def test_a_clean_stop_keeps_waiting_retries_in_the_job_queue(tmp_path: Path) -> None:
    log = EventLog()

    def asked_before() -> bool:  # the first request is told to wait, later ones are served
        return ("429", "/busy/") in log.events

    routes: dict[str, Route] = {
        "/robots.txt": robots_allow_all(),
        "/busy/": busy_until(log, asked_before, listicle_html("3 Late Things", range(1, 4)), "4"),
    }
    out, job = tmp_path / "out", tmp_path / "job"
    with serve(routes) as base:
        command = loopback_crawl(out, f"{base}/busy/", "--depth", "0", "--job-dir", str(job))
        first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            log.wait_for("429", "/busy/")
            first.send_signal(signal.SIGINT)  # a clean stop, while the retry waits
            first.communicate(timeout=120)
        finally:
            if first.poll() is None:
                first.kill()
        assert read_run(out)["finish_reason"] == "shutdown"
        assert ("200", "/busy/") not in log.events
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    assert ("200", "/busy/") in log.events
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert [article["url"] for article in articles] == [f"{base}/busy/"]
    assert articles[0]["complete"] is True


@pytest.fixture
def scheduler() -> Iterator[DelayingScheduler]:
    """The scheduler on its own: memory queues, a crawler that is not crawling (no engine)."""
    crawler = get_crawler(Spider, {"SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    instance = DelayingScheduler.from_crawler(crawler)
    instance.open(Spider("test"))
    yield instance
    instance.close("finished")


def test_a_request_stamped_for_later_is_held_and_others_pass_it(scheduler: DelayingScheduler) -> None:
    later = Request("https://example.com/later", meta={NOT_BEFORE: time.time() + 3600}, dont_filter=True)
    now = Request("https://example.com/now", dont_filter=True)
    scheduler.enqueue_request(later)
    scheduler.enqueue_request(now)
    assert scheduler.has_pending_requests() and len(scheduler) == 2
    assert scheduler.next_request() is now
    assert scheduler.next_request() is None  # still held, still pending
    assert scheduler.has_pending_requests()
    due = Request("https://example.com/due", meta={NOT_BEFORE: time.time() - 1}, dont_filter=True)
    scheduler.enqueue_request(due)
    assert scheduler.next_request() is due
