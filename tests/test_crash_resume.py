"""SIGKILL a crawl after the test server has seen N requests (N drawn from a seeded RNG each
time, the Nth request held unanswered so the kill lands mid-crawl), then run it again: the
final articles equal an uninterrupted crawl's, none is written twice, every file stays whole,
and re-extraction from the WARCs agrees with the crawl byte for byte.

Runs are synchronised on events (the server having seen N requests, the process having ended),
never on time.
"""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from archiver.crawl.summary import read_run
from bench.sitegen import site_files
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import send, serve
from tests.generated_site import site_routes, sitemap_crawl_command
from tests.layered_site import article_path, layer_of, layered_site, listicles_within

TIMEOUT = 600
# Fields that say where and when a response was archived: they differ between two crawls of the
# same site (and which of two identical payloads becomes the revisit depends on download order).
VOLATILE_PAGE_FIELDS = ("warc_filename", "warc_offset", "warc_record_id", "fetched_at")
VOLATILE_CAPTURE_FIELDS = ("warc_filename", "warc_record_id", "warc_type")


class KillSwitch:
    """Counts the requests the server sees. Once armed with N, the Nth request is held
    unanswered (the crawl is killed while waiting for it) and ``reached`` is set."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.reached = threading.Event()
        self._release = threading.Event()
        self._lock = threading.Lock()
        self._seen = 0
        self._limit: int | None = None

    def arm(self, limit: int | None) -> None:
        with self._lock:
            self._seen, self._limit = 0, limit
        self.reached.clear()
        self._release.clear()

    def release(self) -> None:
        self._release.set()

    def around(self, path: str, answer: Callable[[], None]) -> None:
        with self._lock:
            self._seen += 1
            self.hits[path] += 1
            held = self._seen == self._limit
        if held:
            self.reached.set()
            self._release.wait(timeout=TIMEOUT)
            return
        answer()


@contextmanager
def served(files: dict[str, bytes], switch: KillSwitch) -> Iterator[str]:
    # A few milliseconds an answer, so that requests overlap and a kill finds several in flight.
    with serve(site_routes(files, latency=0.005, around=switch.around)) as base:
        yield base


def run_once(command: list[str], switch: KillSwitch, kill_at: int | None) -> bool:
    """Run a crawl; with ``kill_at``, SIGKILL it once the server has seen that many requests.
    Returns whether it was killed (False: it ended first)."""
    switch.arm(kill_at)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr: list[bytes] = []

    def wait_for_exit() -> None:
        stderr.append(process.communicate()[1])
        switch.reached.set()

    watcher = threading.Thread(target=wait_for_exit, daemon=True)
    watcher.start()
    try:
        settled = switch.reached.wait(timeout=TIMEOUT)
        killed = process.poll() is None
        if killed:
            process.send_signal(signal.SIGKILL)
    finally:
        watcher.join(timeout=60)
        switch.release()
    assert settled, "the crawl neither ended nor reached the kill"
    if not killed:
        assert process.returncode == 0, b"".join(stderr).decode(errors="replace")[-3000:]
    return killed


def stable_articles(out: Path) -> dict[str, dict[str, Any]]:
    """The articles of a crawl by URL, without where and when their responses were archived;
    asserts that none is written twice and that every line is whole."""
    text = (out / "articles.jsonl").read_bytes()
    assert not text or text.endswith(b"\n"), "partial last line"
    articles = [json.loads(line) for line in text.splitlines()]
    urls = ["/" + article["url"].split("/", 3)[3] for article in articles]
    assert len(urls) == len(set(urls)), "an article was written twice"
    stable = {}
    for url, article in zip(urls, articles, strict=True):
        for page in article["pages"]:
            for name in VOLATILE_PAGE_FIELDS:
                page.pop(name)
        for item in article["items"]:
            for image in item["images"]:
                for name in VOLATILE_CAPTURE_FIELDS if image["capture"] else ():
                    image["capture"].pop(name)
        # The server's port differs between runs of the test, not between runs of a crawl.
        stable[url] = json.loads(re.sub(r"http://127\.0\.0\.1:\d+", "http://site", json.dumps(article)))
    return stable


def check_files_are_whole(out: Path) -> None:
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        subprocess.run(["gzip", "-t", str(warc)], check=True)
        subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)
    for name in ("articles.jsonl", "rejects.jsonl"):
        path = out / name
        text = path.read_bytes() if path.exists() else b""
        assert not text or text.endswith(b"\n"), f"partial last line in {name}"
        for line in text.splitlines():
            json.loads(line)


def check_extract_agrees(out: Path, tmp_path: Path) -> None:
    extracted = tmp_path / f"extracted-{out.name}.jsonl"
    warcs = sorted(str(path) for path in (out / "warc").glob("*.warc.gz"))
    subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs, "-o", str(extracted)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert extracted.read_bytes() == (out / "articles.jsonl").read_bytes()


def kill_and_resume(
    command: list[str], switch: KillSwitch, rng: random.Random, kills: int, most: int, fewest: int = 1
) -> list[int]:
    """Kill the crawl ``kills`` times, each after ``fewest``..``most`` requests (drawn anew each
    time), then let it finish. Returns how many articles were written after each kill that
    landed mid-crawl."""
    out = Path(command[command.index("--out") + 1])
    written_after_kill = []
    for _ in range(kills):
        if run_once(command, switch, kill_at=rng.randint(fewest, most)):
            check_files_are_whole(out)
            articles = out / "articles.jsonl"
            written_after_kill.append(len(articles.read_bytes().splitlines()) if articles.exists() else 0)
    assert not run_once(command, switch, kill_at=None)
    return written_after_kill


def test_a_recommendation_crawl_killed_several_times_ends_with_the_uninterrupted_articles(
    tmp_path: Path,
) -> None:
    """Seed -> articles -> their recommendations, three hops deep (the site's fourth layer is
    beyond the depth), with multi-page articles, stories and photos: each kill loses requests
    in flight and the queue; the WARCs bring them all back."""
    rng = random.Random(20261130)
    switch = KillSwitch()
    depth = 3
    with served(layered_site(), switch) as base:
        seed = base + article_path(0, 0)

        def command(out: Path) -> list[str]:
            return loopback_crawl(out, seed, "--depth", str(depth), "--set", "CONCURRENT_REQUESTS=4")

        whole, killed = tmp_path / "whole", tmp_path / "killed"
        assert not run_once(command(whole), switch, kill_at=None)
        expected = stable_articles(whole)
        requests = sum(switch.hits.values())
        switch.hits.clear()
        job = ["--job-dir", str(tmp_path / "job")]
        written = kill_and_resume(command(killed) + job, switch, rng, kills=4, most=requests // 3)

    assert set(expected) == listicles_within(depth)
    assert written and min(written) < len(expected), f"no kill landed mid-crawl: {written}"
    assert stable_articles(killed) == expected
    check_files_are_whole(killed)
    assert not list((killed / "warc").glob("*.open")), "the last run recovers every .open file"
    check_extract_agrees(killed, tmp_path)
    # The depth holds after every kill: the layer beyond it is never asked for.
    layers = {layer_of(path) for path in switch.hits} - {None}
    assert layers == set(range(depth + 1)), layers
    summary = read_run(killed)
    assert summary["finish_reason"] == "finished"


def test_one_kill_mid_recommendations_on_a_200_article_site_loses_nothing_without_a_job_dir(
    tmp_path: Path,
) -> None:
    """The bench's generated site (every article recommends the next eight), one seed, depth
    enough to reach every article: killed once while following recommendations, then run
    again into the same --out without --job-dir, it ends with every article. (Photos are not
    fetched here, to keep the test short: the other kill tests fetch them.)"""
    articles = 200
    rng = random.Random(200)
    switch = KillSwitch()
    files: dict[str, bytes] = {}
    with served(files, switch) as base:
        files.update(site_files(articles, base, page_kb=4))

        def command(out: Path) -> list[str]:
            no_photos = ["--set", "ARCHIVER_FETCH_IMAGES=False"]
            return loopback_crawl(out, base + "/a/00000-things/", "--depth", str(articles), *no_photos)

        assert not run_once(command(tmp_path / "whole"), switch, kill_at=None)
        expected = stable_articles(tmp_path / "whole")
        requests = sum(switch.hits.values())
        # Past the seed article and its photos, with recommendations queued and in flight.
        killed = tmp_path / "killed"
        written = kill_and_resume(
            command(killed), switch, rng, kills=1, most=requests // 3, fewest=requests // 10
        )

    assert len(expected) == articles
    assert len(written) == 1 and written[0] < articles, f"the kill did not land mid-crawl: {written}"
    assert stable_articles(tmp_path / "killed") == expected
    check_files_are_whole(tmp_path / "killed")
    check_extract_agrees(tmp_path / "killed", tmp_path)


def test_a_sitemap_crawl_killed_several_times_ends_with_the_uninterrupted_articles(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    switch = KillSwitch()
    files: dict[str, bytes] = {}
    articles = 24
    with served(files, switch) as base:
        files.update(site_files(articles, base, page_kb=12))

        def command(out: Path) -> list[str]:
            return sitemap_crawl_command(base, out, "--set", "CONCURRENT_REQUESTS=4")

        assert not run_once(command(tmp_path / "whole"), switch, kill_at=None)
        expected = stable_articles(tmp_path / "whole")
        requests = sum(switch.hits.values())
        job = ["--job-dir", str(tmp_path / "job")]
        killed = tmp_path / "killed"
        written = kill_and_resume(command(killed) + job, switch, rng, kills=3, most=requests // 3)

    assert len(expected) == articles
    assert written and min(written) < articles, f"no kill landed mid-crawl: {written}"
    assert stable_articles(killed) == expected
    check_files_are_whole(killed)
    assert not list((killed / "warc").glob("*.open"))
    serials = [path.name.split("-")[2] for path in sorted((killed / "warc").glob("*.warc.gz"))]
    assert len(serials) == len(set(serials)) >= 2
    assert read_run(killed)["finish_reason"] == "finished"


def test_a_finished_crawl_run_again_into_the_same_out_fetches_no_page_again(tmp_path: Path) -> None:
    """Without --job-dir, the --out folder is the job: a second run finds everything the first
    archived, asks for none of it again and writes no article twice."""
    switch = KillSwitch()
    with served(layered_site(), switch) as base:
        command = loopback_crawl(tmp_path / "out", base + article_path(0, 0), "--depth", "2")
        assert not run_once(command, switch, kill_at=None)
        before = (tmp_path / "out" / "articles.jsonl").read_bytes()
        switch.hits.clear()
        assert not run_once(command, switch, kill_at=None)
    assert set(switch.hits) <= {"/robots.txt"}
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == before
    assert len(before.splitlines()) == len(listicles_within(2))


def test_a_page_limit_holds_across_a_kill(tmp_path: Path) -> None:
    """--max-pages counts the pages the killed run asked for: the runs together start no more
    articles than one run would, and finish every article they start."""
    rng = random.Random(7)
    switch = KillSwitch()
    limit = 8
    with served(layered_site(), switch) as base:
        command = loopback_crawl(
            tmp_path / "out", base + article_path(0, 0), "--depth", "3", "--max-pages", str(limit)
        )
        kill_and_resume(command, switch, rng, kills=2, most=10)
    started = {path for path in switch.hits if re.fullmatch(r"/views-\d-\d\d/", path)}
    assert 1 <= len(started) <= limit
    articles = stable_articles(tmp_path / "out")
    assert all(article["complete"] for article in articles.values())


def test_a_page_last_answered_with_a_retryable_error_is_asked_for_again_by_the_next_run(
    tmp_path: Path,
) -> None:
    """A 503 may be the last answer, or the one a retry was waiting to replace when the crawl
    was killed: the next run into the same --out asks again (and gets the article, the server
    having recovered); pages answered for good are not asked for again."""
    files = layered_site()
    failing = article_path(1, 0)
    hits: Counter[str] = Counter()
    healthy = threading.Event()

    def route(handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        hits[path] += 1
        if path == failing and not healthy.is_set():
            send(handler, 503, b"<html><body>busy</body></html>", headers=[("Retry-After", "0")])
        elif path in files:
            send(handler, 200, files[path], "image/jpeg" if path.endswith(".jpg") else "text/html")
        else:
            send(handler, 404, b"<html><body>not found</body></html>")

    out = tmp_path / "out"
    with serve({"/*": route}) as base:
        command = loopback_crawl(out, base + article_path(0, 0), "--depth", "1", "--set", "RETRY_TIMES=1")
        first = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        assert first.returncode == 2  # partial: a recommended page answered 503 to the end
        assert hits[failing] == 2  # the first try and one retry
        assert failing not in stable_articles(out)
        healthy.set()
        hits.clear()
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
    assert hits[failing] == 1
    assert {path for path in hits if not path.startswith("/img/")} == {"/robots.txt", failing}
    assert set(stable_articles(out)) == listicles_within(1)
    check_extract_agrees(out, tmp_path)
