"""A crawl stopped early without --job-dir (SIGTERM, a time limit) writes the articles it had
not finished flagged (``crawl_stopped``, ``media_complete``), and the same command run again
finishes them: every photo captured, one line per article, the articles of an uninterrupted
crawl, and ``archiver extract`` agreeing byte for byte.

The stop lands mid-crawl by construction, not by timing: from the Nth photo on, the server
holds every photo request unanswered until the stopped crawl has exited, so the first run can
never capture those photos.
"""

from __future__ import annotations

import json
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.crawl_command import loopback_crawl
from tests.fault_server import serve
from tests.generated_site import site_routes
from tests.layered_site import article_path, layered_site, listicles_within
from tests.test_crash_resume import TIMEOUT, check_extract_agrees, check_files_are_whole, stable_articles

DEPTH = 2
# Held photos fail at this timeout while the stopped crawl drains its downloads (Scrapy's
# graceful stop waits for requests in flight); short, so the test does not wait long.
HELD_TIMEOUT = ["--set", "DOWNLOAD_TIMEOUT=3", "--set", "RETRY_ENABLED=False"]


class PhotoHold:
    """Answers the first ``free`` photo requests; holds every later one until :meth:`release`
    (``held`` is set once ``stop_at`` are held). Pages are always answered."""

    def __init__(self, free: int | None, stop_at: int = 1) -> None:
        self.free = free
        self.stop_at = stop_at
        self.photos = 0
        self.holding = 0
        self.held = threading.Event()
        self.requests: list[str] = []
        self._release = threading.Event()
        self._lock = threading.Lock()

    def release(self) -> None:
        self._release.set()

    def around(self, path: str, answer: Callable[[], None]) -> None:
        with self._lock:
            self.requests.append(path)
            hold = False
            if path.startswith("/img/") and self.free is not None:
                self.photos += 1
                hold = self.photos > self.free
                self.holding += hold
                if self.holding >= self.stop_at:
                    self.held.set()
        if hold:
            self._release.wait(timeout=TIMEOUT)
            return  # the connection is closed unanswered
        answer()


@contextmanager
def served(hold: PhotoHold) -> Iterator[str]:
    with serve(site_routes(layered_site(), latency=0.002, around=hold.around)) as base:
        try:
            yield base
        finally:
            hold.release()


def lines_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]


def run_to_end(command: list[str]) -> None:
    finished = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert finished.returncode == 0, finished.stderr[-3000:]


def stop_when_photos_are_held(
    command: list[str], hold: PhotoHold, stop: Callable[[subprocess.Popen[bytes]], None]
) -> None:
    """Run the crawl; once the server holds a photo, ``stop`` it; wait for it to end."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr: list[bytes] = []

    def wait_for_exit() -> None:
        stderr.append(process.communicate()[1])
        hold.held.set()  # wakes the wait below if the crawl ended before any photo was held

    watcher = threading.Thread(target=wait_for_exit, daemon=True)
    watcher.start()
    try:
        assert hold.held.wait(timeout=TIMEOUT)
        assert process.poll() is None, (
            "the crawl ended before the server held a photo: "
            + (b"".join(stderr).decode(errors="replace")[-2000:])
        )
        stop(process)
        watcher.join(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
        watcher.join(timeout=60)
    hold.release()


def sigterm(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)


def let_the_time_limit_stop_it(process: subprocess.Popen[bytes]) -> None:
    """Nothing to send: the crawl waits for held photos until CLOSESPIDER_TIMEOUT ends it (the
    limit only has to outlast the start, up to the first held photo: the crawl cannot end
    before it otherwise)."""


# SIGTERM: every photo is held and only 4 requests are out at a time, so when 4 photos are held
# the seed article's fifth photo (it has five) waits in the scheduler, never to be asked for
# by this run: the article then lacks photos that failed (the held ones time out while the
# stop drains the downloads) and one never fetched. The time limit: 4 photos are answered,
# later ones held, and the crawl runs on (other pages, photos failing) until the limit.
STOPS = [
    (sigterm, ["--set", "CONCURRENT_REQUESTS=4"], PhotoHold(free=0, stop_at=4), True),
    (let_the_time_limit_stop_it, ["--set", "CLOSESPIDER_TIMEOUT=10"], PhotoHold(free=4), False),
]


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted crawl (nothing held) every stopped-then-rerun one must end like, done
    once per module and only read (``stable_articles`` leaves out the server's port)."""
    whole = tmp_path_factory.mktemp("whole") / "whole"
    with served(PhotoHold(free=None)) as base:
        run_to_end(loopback_crawl(whole, base + article_path(0, 0), "--depth", str(DEPTH), *HELD_TIMEOUT))
    return whole


@pytest.mark.parametrize(("stop", "options", "hold", "never_fetched"), STOPS, ids=["sigterm", "time-limit"])
def test_a_stopped_crawl_run_again_captures_every_photo_and_writes_each_article_once(
    tmp_path: Path,
    whole: Path,
    stop: Callable[[subprocess.Popen[bytes]], None],
    options: list[str],
    hold: PhotoHold,
    never_fetched: bool,
) -> None:
    stopped = tmp_path / "stopped"
    expected = stable_articles(whole)
    assert set(expected) == listicles_within(DEPTH)

    with served(hold) as base:
        command = loopback_crawl(
            stopped, base + article_path(0, 0), "--depth", str(DEPTH), *HELD_TIMEOUT, *options
        )
        stop_when_photos_are_held(command, hold, stop)
        first = lines_of(stopped)
        check_files_are_whole(stopped)
        # Extract reads the same from the WARCs: which photos never came, which failed and why.
        check_extract_agrees(stopped, tmp_path / "first")
        # Held photos were never captured: their articles say so, none passes for finished.
        unfinished = [a for a in first if a["crawl_stopped"] or not a["media_complete"]]
        assert unfinished, [a["url"] for a in first]
        for article in unfinished:
            missing = [i for item in article["items"] for i in item["images"] if i["capture"] is None]
            assert missing or article["crawl_stopped"]
            if missing:
                assert not article["media_complete"]
                assert any("photos not captured: " in w for w in article["warnings"]), article["warnings"]
        # Held photos failed (timed out); with SIGTERM, a queued one was never asked for.
        said = " ".join(w for a in unfinished for w in a["warnings"])
        assert " failed (DownloadTimeoutError" in said, said
        if never_fetched:
            assert "photos not captured: 1 not fetched, 4 failed (" in said, said
            assert any(a["crawl_stopped"] for a in unfinished)
        asked_first = len(hold.requests)

        hold.free = None  # the second run gets every answer
        run_to_end(command)
        asked_again = hold.requests[asked_first:]

    final = lines_of(stopped)
    urls = [article["url"] for article in final]
    assert len(urls) == len(set(urls)), "an article line is written twice"
    for article in final:
        assert article["media_complete"] and not article["crawl_stopped"], article["warnings"]
        assert all(image["capture"] for item in article["items"] for image in item["images"])
    assert stable_articles(stopped) == expected
    # pages.jsonl: one line per page, those of every article among them, listed as listicles.
    pages = [json.loads(line) for line in (stopped / "pages.jsonl").read_text().splitlines()]
    listed = [page["url"] for page in pages]
    assert len(listed) == len(set(listed)), "a page is listed twice"
    listicle_pages = {page["url"] for page in pages if page["listicle"]}
    assert listicle_pages == {page["url"] for article in final for page in article["pages"]}

    def paths(urls: set[str]) -> set[str]:  # the two servers' ports differ
        return {"/" + url.split("/", 3)[3] for url in urls}

    # The same pages as an uninterrupted crawl lists, listicles and others alike.
    whole_pages = [json.loads(line) for line in (whole / "pages.jsonl").read_text().splitlines()]
    assert paths(listicle_pages) == paths({page["url"] for page in whole_pages if page["listicle"]})
    assert paths(set(listed)) == paths({page["url"] for page in whole_pages})
    check_files_are_whole(stopped)
    check_extract_agrees(stopped, tmp_path)
    assert asked_again, "the second run fetched nothing"
