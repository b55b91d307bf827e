"""What a person sees of a crawl, run as a real ``archiver`` subprocess against the demo site on
loopback: the end-of-run report, the terminal log at each setting, the live progress display on
a real pseudo-terminal, and crawl.json's run / totals / runs across two runs into one folder."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archiver.crawl.summary import CrawlSummary, this_run
from archiver.demo.server import SEED_PATHS, serve_demo_site

BIN = Path(sys.executable).parent / "archiver"


def _archiver(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args], capture_output=True, text=True, encoding="utf-8", timeout=300, check=False
    )


def _crawl(base: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    seeds = [base + path for path in SEED_PATHS]
    return _archiver(
        "crawl", *seeds, "--out", str(out), "--allow-private", "--set", "AUTOTHROTTLE_ENABLED=False", *extra
    )


@pytest.fixture(scope="module")
def demo_base() -> Iterator[str]:
    with serve_demo_site() as base:
        yield base


def _not_progress(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("progress:")]


def test_the_demo_prints_a_short_report_that_explains_its_dead_links(tmp_path: Path) -> None:
    result = _archiver("demo", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    printed = _not_progress(result.stdout) + _not_progress(result.stderr)
    assert len(printed) < 15, printed
    for noise in ("Overridden settings", "Enabled extensions", "Scraped from", "Traceback", "Crawled ("):
        assert noise not in result.stderr
    # Not a terminal: plain progress lines, the last one with the final counts.
    progress = [line for line in result.stderr.splitlines() if line.startswith("progress:")]
    assert progress and "3 articles, 42 items" in progress[-1], result.stderr
    report = result.stdout
    assert re.search(r"in \d+\.\d s: 3 articles, 42 items, \d+ photos from \d+ pages", report), report
    assert re.search(r"5 dead links: .*answer HTTP 404.*not failures", report), report
    assert f"{tmp_path / 'out'}/articles.jsonl (3 articles in all)" in report


def test_quiet_prints_the_first_line_of_the_report_only(tmp_path: Path) -> None:
    result = _archiver("demo", "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "3 articles, 42 items" in lines[0], lines


def test_a_rerun_into_the_same_folder_says_nothing_was_left_and_keeps_the_history(
    demo_base: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = _crawl(demo_base, out)
    assert first.returncode == 0, first.stderr
    first_summary = json.loads((out / "crawl.json").read_text())
    second = _crawl(demo_base, out)
    assert second.returncode == 0, second.stderr
    assert "nothing was left to fetch" in second.stdout and "new --out" in second.stdout, second.stdout

    summary = json.loads((out / "crawl.json").read_text())
    CrawlSummary.model_validate(summary)
    assert summary["schema_version"] == "2.0"
    run = this_run(summary)
    assert (run["articles"], run["pages"], run["responses"]) == (0, 0, 0)
    assert [entry["articles"] for entry in summary["runs"]] == [3, 0]
    assert summary["runs"][0] == first_summary["runs"][-1]  # the first run's entry, kept as it was
    assert summary["runs"][1]["started_at"] == run["started_at"]
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    photos = sum(
        1 for article in articles for item in article["items"] for image in item["images"] if image["capture"]
    )
    totals = summary["totals"]
    assert (totals["articles"], totals["items"], totals["photos"]) == (3, 42, photos)
    assert totals["runs"] == 2 and totals["pages"] == this_run(first_summary)["pages"]
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    assert (totals["warc_files"], totals["warc_bytes"]) == (len(warcs), sum(p.stat().st_size for p in warcs))


def test_a_log_file_gets_the_whole_log_and_short_item_lines(demo_base: str, tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"
    result = _crawl(demo_base, tmp_path / "out", "--log-level", "DEBUG", "--log-file", str(log))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the terminal shows errors only; there are none
    text = log.read_text()
    assert "Overridden settings" in text and "Crawled (200)" in text
    assert f"scraped article {demo_base}/25-pictures-north-korea/ (25 items)" in text
    assert max(len(line) for line in text.splitlines()) < 2000  # no item dumped whole


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_failure_is_one_line_on_the_terminal_and_a_traceback_in_the_log_file(tmp_path: Path) -> None:
    seed = f"http://127.0.0.1:{_closed_port()}/list/"
    log = tmp_path / "crawl.log"
    args = ["crawl", seed, "--allow-private", "--set", "RETRY_TIMES=0"]
    terminal = _archiver(*args, "--out", str(tmp_path / "a"))
    assert "Traceback" not in terminal.stderr and "Traceback" not in terminal.stdout
    # The refused seed is said by the final line; Scrapy's own lines about it stay in the log file.
    errors = [line for line in terminal.stderr.splitlines() if line.startswith(("error", "archiver: error"))]
    assert errors and all("onnection" in line and "refused" in line for line in errors), terminal.stderr
    assert all(
        line.startswith(("error", "warning", "progress:", "archiver: error:"))
        for line in terminal.stderr.splitlines()
    )
    report = terminal.stdout
    assert re.search(r"1 x \w*ConnectionRefusedError \(page\), e\.g\. " + re.escape(seed), report), report

    _archiver(*args, "--out", str(tmp_path / "b"), "--log-file", str(log))
    assert "Traceback (most recent call last)" in log.read_text()


def _run_on_a_terminal(command: list[str]) -> str:
    """Run ``command`` with a pseudo-terminal as its stdin, stdout and stderr; all it drew."""
    master, slave = os.openpty()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert process.wait(timeout=300) == 0, drawn.decode(errors="replace")
    return drawn.decode("utf-8", errors="replace")


def test_a_terminal_gets_a_live_display_with_the_total_and_log_lines_above_it(
    demo_base: str, tmp_path: Path
) -> None:
    seeds = [demo_base + path for path in SEED_PATHS]
    out = str(tmp_path / "out")
    command = [str(BIN), "crawl", *seeds, "--sitemap", f"{demo_base}/sitemap.xml", "--out", out]
    drawn = _run_on_a_terminal(
        [*command, "--allow-private", "--set", "AUTOTHROTTLE_ENABLED=False", "--log-level", "INFO"]
    )
    # Each redraw starts with a carriage return; the display's last state is the final count,
    # the total being every page asked for once the sitemap's backlog is empty.
    draws = [part for part in re.split(r"[\r\n]+", drawn) if " pages " in part and "%" in part]
    assert draws, drawn
    final = re.fullmatch(
        r"(\d+)/(\d+) pages .*100%, 3 articles, 42 items, \d+ photos, 0 errors .*", draws[-1]
    )
    assert final is not None and final.group(1) == final.group(2), draws[-1]
    # A log line written while the display was up is whole on its own line, and the display
    # was drawn again after it.
    lines = drawn.replace("\r\n", "\n").split("\n")
    closing = next(index for index, line in enumerate(lines) if line.endswith("Closing spider (finished)"))
    assert any("pages" in line and "%" in line for line in lines[closing + 1 :])
    assert "3 articles, 42 items" in drawn.split("Closing spider (finished)")[-1]
