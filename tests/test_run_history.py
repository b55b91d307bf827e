"""crawl.json across runs into one folder, with real ``archiver crawl`` subprocesses against
loopback servers: "run" is each run's own doing however it resumed (a JOBDIR, a kill), "totals"
are the folder's files, a killed run is named in the next run's history, and a rerun that had
nothing left to do says so (after fetching robots.txt and a sitemap again, into a folder of no
listicle too)."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.summary import CrawlSummary, this_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, page, robots_allow_all, send, serve

TIMEOUT = 300
STORY = b"<html><head><title>A story</title></head><body><article><p>Just prose.</p></article></body></html>"


def _crawl(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, **options)


def _summary(out: Path) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    CrawlSummary.model_validate(summary)
    return summary


def _parsed_lines(out: Path) -> set[str]:
    """URLs of pages.jsonl whose answer was parsed (2xx)."""
    entries = [json.loads(line) for line in (out / "pages.jsonl").read_text().splitlines() if line]
    return {entry["url"] for entry in entries if 200 <= entry["status"] < 300}


def _last_progress(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("progress:")]
    assert lines, stderr
    return lines[-1]


def test_a_job_dir_rerun_reports_its_own_counts_and_errors_not_the_first_runs(tmp_path: Path) -> None:
    routes = {
        "/robots.txt": robots_allow_all(),
        "/top/": page(listicle_html("7 Best Lamps", range(1, 8))),
        "/more/": page(listicle_html("5 Odd Chairs", range(1, 6))),
    }  # /gone/ answers 404: a seed that fails, so the first run is partial
    out, job = tmp_path / "out", tmp_path / "job"
    with serve(routes) as base:
        command = loopback_crawl(out, f"{base}/top/", f"{base}/more/", f"{base}/gone/", "--job-dir", str(job))
        first = _crawl(command, umask=0o002)
        assert first.returncode == 2, first.stderr
        first_run = this_run(_summary(out))
        assert (first_run["pages"], first_run["articles"], len(first_run["errors"])) == (2, 2, 1)

        for number in (2, 3):
            again = _crawl(command)
            assert again.returncode == 0, (number, again.stdout, again.stderr)
            assert "nothing was left to fetch" in again.stdout and "(2 articles in all)" in again.stdout
            summary = _summary(out)
            run = this_run(summary)
            counts = {name: run[name] for name in ("pages", "articles", "items", "photos", "non_listicles")}
            assert counts == dict.fromkeys(counts, 0) and run["errors"] == [], run
            assert "0 articles, 0 items, 0 photos, 0 errors" in _last_progress(again.stderr)
            # The folder's totals do not grow with reruns that added nothing.
            totals = summary["totals"]
            assert (totals["pages"], totals["articles"], totals["items"]) == (2, 2, 12), totals
            assert totals["runs"] == number
            assert [entry["outcome"] for entry in summary["runs"]] == ["partial"] + ["done"] * (number - 1)
    # Created 0666 less the umask (the first run's), as every other output file.
    assert (out / ".archiver.lock").stat().st_mode & 0o777 == 0o664


class Hold:
    """A route that answers only once released, telling when it was asked."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.asked = threading.Event()
        self.released = threading.Event()

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        self.asked.set()
        self.released.wait(timeout=TIMEOUT)
        send(handler, 200, self.body)


@contextmanager
def _held_site() -> Iterator[tuple[str, Hold]]:
    """A listicle seed whose one recommendation is held until released."""
    hold = Hold(listicle_html("3 Held Things", range(1, 4)))
    seed = listicle_html("6 Fine Cups", range(1, 7)).replace(
        b"</article>",
        b"</article><section><h3>Related posts</h3>"
        b'<ul><li><a href="/held/">3 Held Things</a></li></ul></section>',
    )
    routes: dict[str, Route] = {"/robots.txt": robots_allow_all(), "/cups/": page(seed), "/held/": hold}
    try:
        with serve(routes) as base:
            yield base, hold
    finally:
        hold.released.set()


def _kill_when_held(command: list[str], hold: Hold) -> None:
    """SIGKILL the crawl once it waits for the held page (the seed parsed and listed by then:
    its recommendation is asked for after its pages.jsonl line is written)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert hold.asked.wait(timeout=TIMEOUT), "the crawl never asked for the held page"
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    hold.released.set()


def test_after_a_kill_totals_are_the_folders_and_the_history_names_the_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with _held_site() as (base, hold):
        command = loopback_crawl(out, f"{base}/cups/", "--depth", "1")
        _kill_when_held(command, hold)
        assert not (out / "crawl.json").exists()
        killed_lines = _parsed_lines(out)
        assert killed_lines == {f"{base}/cups/"}  # the killed run parsed the seed

        second = _crawl(command)
        assert second.returncode == 0, second.stderr
        summary = _summary(out)
        run = this_run(summary)
        assert (run["pages"], run["articles"]) == (1, 1)  # the held page only
        assert summary["totals"]["pages"] == len(_parsed_lines(out)) == 2
        assert summary["totals"]["articles"] == 2 and summary["totals"]["runs"] == 2
        killed, this = summary["runs"]
        assert (killed["finish_reason"], killed["outcome"], killed["errors"]) == ("killed", "unknown", None)
        assert killed["started_at"] <= run["started_at"] and killed["run_id"] != run["run_id"]
        assert this["run_id"] == run["run_id"]

        third = _crawl(command)  # released cleanly: no run is taken for killed
        assert third.returncode == 0, third.stderr
        reasons = [entry["finish_reason"] for entry in _summary(out)["runs"]]
        assert reasons == ["killed", "finished", "finished"]


def test_a_sitemap_rerun_into_a_folder_of_no_listicle_says_nothing_was_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    hits: dict[str, int] = {}

    def sitemap(handler: BaseHTTPRequestHandler) -> None:
        hits["sitemap"] = hits.get("sitemap", 0) + 1
        host = handler.headers["Host"]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>http://{host}/story/</loc></url></urlset>"
        )
        send(handler, 200, body.encode(), "application/xml")

    routes = {"/robots.txt": robots_allow_all(), "/sitemap.xml": sitemap, "/story/": page(STORY)}
    with serve(routes) as base:
        command = loopback_crawl(out, "--sitemap", f"{base}/sitemap.xml")
        first = _crawl(command)
        assert first.returncode == 0, first.stderr
        assert "nothing was left" not in first.stdout
        # No contact given: the warning says how, for archiver crawl and for scrapy crawl.
        assert "--contact" in first.stderr and "-s ARCHIVER_CONTACT=" in first.stderr, first.stderr
        second = _crawl(command)
        assert second.returncode == 0, second.stderr
        assert hits["sitemap"] == 2  # fetched again, and still nothing left
        assert "nothing was left to fetch" in second.stdout, second.stdout
        assert "(1 page, no listicle among them)" in second.stdout, second.stdout
        run = this_run(_summary(out))
        assert run["responses"] > 0 and run["pages"] == 0 and run["seed_lists"] == [f"{base}/sitemap.xml"]
    # The warcinfo names the sitemap the seeds came from.
    infos = []
    for path in sorted((out / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_type == "warcinfo"
            infos.append(record.content_stream().read().decode())
    assert infos and all(f"seed-lists: {base}/sitemap.xml" in info for info in infos), infos
