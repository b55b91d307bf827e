"""SIGKILL a crawl at random moments, then resume it: nothing half-written, nothing twice."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

from bench.sitegen import site_files
from tests.crawl_command import BIN
from tests.fault_server import serve
from tests.generated_site import site_routes, sitemap_crawl_command

ARTICLES = 24


def _crawl_command(base: str, out: Path, job: Path | None) -> list[str]:
    command = sitemap_crawl_command(base, out, "--set", "CONCURRENT_REQUESTS=4")
    return command + (["--job-dir", str(job)] if job else [])


def _articles(out: Path) -> dict[str, list[int | None]]:
    lines = (out / "articles.jsonl").read_text().splitlines()
    articles = [json.loads(line) for line in lines]
    urls = [article["url"] for article in articles]
    assert len(urls) == len(set(urls)), "an article was written twice"
    return {article["url"]: [item["number"] for item in article["items"]] for article in articles}


def _check_outputs_are_whole(out: Path) -> None:
    for warc in sorted((out / "warc").glob("*.warc.gz")):
        subprocess.run(["gzip", "-t", str(warc)], check=True)
        subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)
    articles = out / "articles.jsonl"
    if articles.exists():
        text = articles.read_bytes()
        for line in text.splitlines():
            json.loads(line)  # a partial line would not parse, unless it is the unterminated last
        assert not text or text.endswith(b"\n") or b"\n" not in text[-1:], "partial last line"


def test_killed_crawls_leave_valid_files_and_resume_to_the_same_articles(tmp_path: Path) -> None:
    rng = random.Random(20261126)
    files: dict[str, bytes] = {}
    with serve(site_routes(files, latency=0.01)) as base:
        files.update(site_files(ARTICLES, base, page_kb=12))
        subprocess.run(
            _crawl_command(base, tmp_path / "whole", None), check=True, capture_output=True, timeout=600
        )
        expected = _articles(tmp_path / "whole")
        assert len(expected) == ARTICLES

        out, job = tmp_path / "killed", tmp_path / "job"
        done_after_kill = []
        for _ in range(3):
            process = subprocess.Popen(
                _crawl_command(base, out, job), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(rng.uniform(1.0, 3.0))
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=60)
            _check_outputs_are_whole(out)
            articles_file = out / "articles.jsonl"
            done_after_kill.append(
                len(articles_file.read_text().splitlines()) if articles_file.exists() else 0
            )
        finished = subprocess.run(
            _crawl_command(base, out, job), check=True, capture_output=True, timeout=600
        )
        assert finished.returncode == 0

    assert min(done_after_kill) < ARTICLES, f"no kill landed mid-crawl: {done_after_kill}"
    _check_outputs_are_whole(out)
    assert not list((out / "warc").glob("*.open")), "the last run recovers every .open file"
    assert _articles(out) == expected
    serials = [path.name.split("-")[2] for path in sorted((out / "warc").glob("*.warc.gz"))]
    assert len(serials) == len(set(serials)) >= 2
    summary = json.loads((out / "crawl.json").read_text())
    assert summary["finish_reason"] == "finished"
