"""The listicle spider under a real scrapyd: ``scrapyd-deploy`` builds the project's egg (the
``scrapy`` settings entry point of pyproject.toml names archiver.settings) and uploads it to a
scrapyd on 127.0.0.1; schedule.json runs the spider with job arguments; its outputs pass the
checks of an ``archiver crawl`` of the same loopback site (WARCs warcio accepts, the same
articles item by item, a valid crawl.json with a verdict); a job file (``job_file=``) run twice
passes the checks of two ``archiver job run`` (issue 13's "done when")."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from archiver.crawl.summary import CrawlSummary
from tests.listicle_site import ARTICLE_COUNT, crawl_listicle_site, listicle_site, serve_listicle_site
from tests.scrapyd_server import PROJECT, deploy, running_scrapyd, schedule, wait_for_job
from tests.test_job_done_when import check_second_edition_run, job_file_text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What scrapyd-deploy builds the egg from (setup.py, pyproject.toml and the packages they name).
PROJECT_FILES = ("archiver", "spiders", "pyproject.toml", "setup.py", "scrapy.cfg", "README.md")
# Per capture, not per content: where and when the records were written.
CAPTURE_FIELDS = {"warc_filename", "warc_offset", "warc_record_id", "fetched_at"}


def _copy_project(into: Path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, into / name)
    return into


def _content(value: Any) -> Any:
    """An article's JSON without what differs between two captures of the same bytes."""
    if isinstance(value, dict):
        return {key: _content(item) for key, item in value.items() if key not in CAPTURE_FIELDS}
    if isinstance(value, list):
        return [_content(item) for item in value]
    return value


def _articles(out: Path) -> dict[str, Any]:
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {article["url"]: _content(article) for article in map(json.loads, lines)}


def test_the_deployed_egg_names_the_settings_module(tmp_path: Path) -> None:
    """The egg scrapyd-deploy builds carries the ``scrapy`` entry point scrapyd's runner reads
    (without it, the spider runs with Scrapy's defaults, or not at all)."""
    project = _copy_project(tmp_path / "project")
    egg = tmp_path / "listicle.egg"
    result = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(egg) as archive:
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
        names = archive.namelist()
    assert "[scrapy]\nsettings = archiver.settings" in entry_points
    assert "spiders/listicle.py" in names and "archiver/settings.py" in names


def test_scrapyd_runs_the_spider_and_writes_what_archiver_crawl_writes(tmp_path: Path) -> None:
    project = _copy_project(tmp_path / "project")
    scrapyd_out, crawl_out = tmp_path / "scrapyd-out", tmp_path / "crawl-out"
    with serve_listicle_site() as site, running_scrapyd(tmp_path / "scrapyd") as scrapyd:
        answer = deploy(project, scrapyd)
        assert answer["status"] == "ok" and answer["project"] == PROJECT and answer["spiders"] == 1, answer
        arguments = {
            "sitemap": f"{site}/sitemap.xml.gz",
            "out": str(scrapyd_out),
            "depth": "0",
            "job": "weekly",
        }
        settings = {"ARCHIVER_ALLOW_PRIVATE": "True", "AUTOTHROTTLE_ENABLED": "False"}
        job = schedule(scrapyd, "listicle", arguments, settings)
        finished = wait_for_job(scrapyd, job)
        log = tmp_path / "scrapyd" / "logs" / PROJECT / "listicle" / f"{job}.log"
        assert finished["spider"] == "listicle"
        crawl_listicle_site(site, crawl_out, "--job", "weekly")

    log_text = log.read_text(encoding="utf-8")
    # The project's settings were in effect (the egg's entry point), not Scrapy's defaults.
    assert "'BOT_NAME': 'listicle-archiver'" in log_text, log_text[-3000:]
    summary = json.loads((scrapyd_out / "crawl.json").read_text(encoding="utf-8"))
    CrawlSummary.model_validate(summary)
    run = summary["run"]
    assert (run["outcome"], run["exit_code"], run["health"]["status"]) == ("done", 0, "ok"), log_text[-3000:]
    assert summary["job"] == "weekly" and run["articles"] == ARTICLE_COUNT
    warcs = sorted((scrapyd_out / "warc").glob("weekly-*.warc.gz"))
    assert warcs
    check = subprocess.run(
        [str(BIN / "warcio"), "check", *map(str, warcs)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert (scrapyd_out / "weekly.wacz").is_file()
    under_scrapyd, from_command = _articles(scrapyd_out), _articles(crawl_out)
    assert len(under_scrapyd) == ARTICLE_COUNT
    assert under_scrapyd == from_command


def test_scrapyd_runs_a_job_file_twice_as_archiver_job_run_does(tmp_path: Path) -> None:
    """The job of tests/test_job_done_when.py, scheduled twice through schedule.json with
    ``job_file=``: run 2 on the site's second edition passes the same checks."""
    project = _copy_project(tmp_path / "project")
    with listicle_site(edition=1) as site, running_scrapyd(tmp_path / "scrapyd") as scrapyd:
        job_file = tmp_path / "daily.toml"
        job_file.write_text(job_file_text(site.base, tmp_path / "job"))
        deploy(project, scrapyd)
        # Scrapy sets up its resolver before the spider reads the job file (README).
        settings = {"ARCHIVER_ALLOW_PRIVATE": "True"}
        for edition in (1, 2):
            site.set_edition(edition)  # clears the request log
            job = schedule(scrapyd, "listicle", {"job_file": str(job_file)}, settings)
            wait_for_job(scrapyd, job)
        log = site.requests()
        crawl_listicle_site(site.base, tmp_path / "fresh", "--no-wacz")
    summary = json.loads(sorted((tmp_path / "job" / "runs").glob("*/crawl.json"))[-1].read_text())
    assert (summary["run"]["outcome"], summary["run"]["exit_code"]) == ("done", 0)
    check_second_edition_run(tmp_path / "job", site.base, log, tmp_path / "fresh")
