"""Run health in a job (``archiver job run``, keep_runs 1): a template change collapses the
run (exit 4), the current state is not overwritten by it, and the next broken run is still
judged against the healthy run whose folder keep_runs has removed (OUT/runs.jsonl)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.crawl_command import BIN
from tests.fault_server import page, serve
from tests.test_health_crawl import ARTICLES, DailySite, story_html


def _job(folder: Path, base: str) -> Path:
    path = folder / "daily.toml"
    path.write_text(
        "\n".join(
            [
                'name = "daily"',
                f'sitemaps = ["{base}/sitemap.xml"]',
                "depth = 0",
                "allow_private = true",
                'out = "job"',
                "keep_runs = 1",
                "wacz = false",
                "[settings]",
                "AUTOTHROTTLE_ENABLED = false",
                "RETRY_ENABLED = false",
            ]
        )
        + "\n"
    )
    return path


def _run(job_file: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "archiver"), "job", "run", str(job_file)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_a_collapsed_job_run_keeps_the_state_and_pruning_keeps_the_baseline(tmp_path: Path) -> None:
    site = DailySite()
    job = tmp_path / "job"
    with serve(site.routes) as base:
        site.publish("monday", "listicle")
        job_file = _job(tmp_path, base)
        first = _run(job_file)
        assert first.returncode == 0, first.stderr
        state = (job / "articles.jsonl").read_bytes()
        assert len(state.splitlines()) == ARTICLES
        for path in site.listed:  # the site's new template, on the same articles
            number = int(path.strip("/").split("/")[1])
            site.routes[path] = page(
                story_html(f"{8 + number} Things of monday {number}", range(1, 9 + number))
            )
        for _ in range(2):  # the second broken run: the healthy run's folder is pruned by now
            broken = _run(job_file)
            assert broken.returncode == 4, broken.stdout + broken.stderr
            assert (job / "articles.jsonl").read_bytes() == state
    runs = sorted((job / "runs").iterdir())
    # keep_runs 1: of the healthy run only the WARCs the state cites are left, no crawl.json.
    assert [path.name for path in runs[0].iterdir()] == ["warc"]
    run = json.loads((runs[-1] / "crawl.json").read_text())["run"]
    assert run["health"]["status"] == "collapsed" and run["health"]["compared_runs"] == 1
    assert run["state_merged"] is False and not (runs[-1] / "changes.jsonl").exists()
    history = [json.loads(line) for line in (job / "runs.jsonl").read_text().splitlines()]
    assert [entry["health"] for entry in history] == ["ok", "collapsed", "collapsed"]
