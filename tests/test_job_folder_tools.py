"""The tools read a job's folder (``archiver job run``): ``export``, ``extract``, ``view`` and
``replay`` of the job folder, ``replay`` of one run (its revisits resolve in the earlier run),
with a relative path from another working folder, and the job's WACZ in ReplayWeb.page.

One job, run twice (the loopback site's editions 1 then 2, real ``archiver job run``
subprocesses), shared by the module; the site is stopped before any test reads the archive."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.replay.links import replay_link
from tests.browser import browser  # noqa: F401
from tests.crawl_command import BIN
from tests.listicle_site import listicle_site
from tests.pywb import PYWB_BIN
from tests.replay_support import archived_pages, chromium, skip_or_fail  # noqa: F401
from tests.test_job_run import read_lines, run_job, runs_of
from tests.test_replay_pywb import _body_as_labelled, _first_line, _get
from tests.test_replay_webpage import REPLAYWEBPAGE, assert_pages_render_in_replaywebpage

if TYPE_CHECKING:
    from playwright.sync_api import Browser

NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The job folder after run 1 (edition 1) and run 2 (edition 2: one caption edited, one new
    article, the rest answered 304)."""
    folder = tmp_path_factory.mktemp("jobtools")
    with listicle_site(edition=1) as site:
        job_file = folder / "daily.toml"
        job_file.write_text(
            f'name = "daily"\nsitemaps = ["{site.base}/sitemap.xml.gz"]\ndepth = 0\nallow_private = true\n'
            'out = "job"\n[settings]\nAUTOTHROTTLE_ENABLED = false\n'
        )
        run_job(job_file)
        site.set_edition(2)
        run_job(job_file)
    return folder / "job"


def _archiver(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "archiver"), *args], capture_output=True, text=True, timeout=300, check=False, cwd=cwd
    )


def _not_modified_pages(run: Path) -> set[str]:
    """Target URIs of the run's server-not-modified revisits."""
    found = set()
    for path in sorted((run / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_headers.get_header("WARC-Profile") == NOT_MODIFIED:
                    found.add(record.rec_headers.get_header("WARC-Target-URI"))
    return found


def _headings(article: dict[str, Any]) -> list[str]:
    """The item headings of the article's first page."""
    return [item["heading"] for item in article["items"] if item["page_url"] == article["pages"][0]["url"]]


def test_export_of_a_job_folder_is_its_current_state_with_a_run_column(job: Path, tmp_path: Path) -> None:
    result = _archiver("export", str(job), "-o", str(tmp_path / "state.csv"))
    assert result.returncode == 0, result.stderr
    with (tmp_path / "state.csv").open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    state = {line["url"]: line["run"] for line in read_lines(job / "articles.jsonl")}
    assert len(state) == 6
    assert {row["article_url"]: row["run"] for row in rows} == state
    assert {run for run in state.values()} <= {run.name for run in runs_of(job)}
    metadata = json.loads((tmp_path / "state.csv-metadata.json").read_text())
    names = [column["name"] for column in metadata["tableSchema"]["columns"]]
    assert names[-3:] == ["run", "gone_since_run", "gone_reason"]
    # A crawl folder (a run) exports as before: no run column.
    result = _archiver("export", str(runs_of(job)[-1]), "-o", str(tmp_path / "run.csv"))
    assert result.returncode == 0, result.stderr
    header = (tmp_path / "run.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "run" not in header and header[0] == "article_url"


def test_extract_of_a_job_folder_gives_its_latest_run_and_a_folder_without_warcs_one_line(
    job: Path, tmp_path: Path
) -> None:
    run2 = runs_of(job)[-1]
    result = _archiver("extract", str(job), "-o", str(tmp_path / "latest.jsonl"))
    assert result.returncode == 0, result.stderr
    extracted = {line["url"]: _headings(line) for line in read_lines(tmp_path / "latest.jsonl")}
    crawled = {line["url"]: _headings(line) for line in read_lines(run2 / "articles.jsonl")}
    assert extracted == crawled and len(extracted) == 6  # 304 pages parsed from run 1's payload
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _archiver("extract", str(empty))
    assert result.returncode == 66
    assert len(result.stderr.strip().splitlines()) == 1 and "holds no WARC files" in result.stderr


def test_view_export_of_a_job_folder_shows_every_current_article_with_photos_from_all_runs(
    job: Path, tmp_path: Path
) -> None:
    target = tmp_path / "view"
    result = _archiver("view", str(job), "--export", str(target), "--no-replay")
    assert result.returncode == 0, result.stderr
    assert "skipped" not in result.stderr and "not shown" not in result.stderr, result.stderr
    index = (target / "index.html").read_text(encoding="utf-8")
    state = read_lines(job / "articles.jsonl")
    assert all(line["title"] in index for line in state)
    # Run 2's photos are 304 revisits: their bytes come from run 1's WARCs ("not shown" above
    # would count those the view could not read).
    assert "0 photos" not in result.stderr and "photos to" in result.stderr, result.stderr


def test_replay_of_a_wacz_says_in_one_line_what_to_do(job: Path) -> None:
    result = _archiver("replay", str(job / "daily.wacz"))
    assert result.returncode == 64
    assert len(result.stderr.strip().splitlines()) == 1 and "ReplayWeb.page" in result.stderr


def _require_pywb() -> None:
    if not (PYWB_BIN / "wayback").exists():
        skip_or_fail(f"pywb is not installed at {PYWB_BIN} (.ci/run creates it)")


def _replays_with_body(url: str, headings: list[str]) -> None:
    headers, body = _get(url)  # Accept-Encoding: gzip
    text = _body_as_labelled(headers, body).decode("utf-8")
    assert headings and [heading for heading in headings if heading not in text] == [], url


def test_replay_of_run_2_by_a_relative_path_replays_its_304_pages_with_bodies(job: Path) -> None:
    _require_pywb()
    run2 = runs_of(job)[-1]
    elsewhere = job.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    relative = Path(os.path.relpath(run2, elsewhere))
    process = subprocess.Popen(
        [str(BIN / "archiver"), "replay", str(relative), "--pywb", str(PYWB_BIN)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=elsewhere,
    )
    try:
        prefix = _first_line(process)
        assert process.stdout is not None  # the link follows at once (maybe read with the URL already)
        link = process.stdout.readline().strip().removeprefix("first article: ")
        config = json.loads((run2 / ".replay" / "config.yaml").read_text())
        [collection] = config["collections"].values()
        assert Path(collection["index"]).is_absolute() and Path(collection["archive_paths"]).is_absolute()
        not_modified = _not_modified_pages(run2)
        articles = read_lines(run2 / "articles.jsonl")
        links = {replay_link(prefix, line["pages"][0]["fetched_at"], line["url"]): line for line in articles}
        first = links[link]
        assert first["url"] in not_modified  # the printed link is a page answered 304 in run 2
        for article in articles:  # every page at run 2's time, 304 or not, with its body
            page = article["pages"][0]
            _replays_with_body(replay_link(prefix, page["fetched_at"], page["url"]), _headings(article))
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_replay_of_a_job_folder_serves_every_run(job: Path) -> None:
    _require_pywb()
    process = subprocess.Popen(
        [str(BIN / "archiver"), "replay", str(job), "--pywb", str(PYWB_BIN)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        prefix = _first_line(process)
        run1, run2 = runs_of(job)
        for run in (run1, run2):  # each run's pages at their own time
            for article in read_lines(run / "articles.jsonl"):
                page = article["pages"][0]
                _replays_with_body(replay_link(prefix, page["fetched_at"], page["url"]), _headings(article))
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_the_job_wacz_replays_run_2_pages_in_replaywebpage(
    job: Path,
    chromium: Browser,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    if not (REPLAYWEBPAGE / "ui.js").is_file():
        skip_or_fail(f"ReplayWeb.page is not unpacked at {REPLAYWEBPAGE} (.ci/run does it)")
    pages = archived_pages(runs_of(job)[-1])
    assert len(pages) >= 6
    assert_pages_render_in_replaywebpage(chromium, job / "daily.wacz", pages, tmp_path, "job-wacz")
