"""A crawl stopped by a full disk, then run again with room, ends with the articles of an
uninterrupted crawl: an outcome lost to the full disk (a page or photo not archived) is no
outcome, so its article is not written at the stop, with a missing photo or a "not archived"
failure, but left unfinished for the next run, which rebuilds it from the WARCs. And every file
is whole after the stop: no half line in articles.jsonl, no half record in a WARC.

The full disk is a file size limit (RLIMIT_FSIZE: writes past it fail with EFBIG), at several
sizes, so that it strikes the WARC, or articles.jsonl in the middle of a line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from bench.sitegen import jpeg
from tests.crawl_command import crawl_on_a_full_disk, loopback_crawl
from tests.fault_server import serve
from tests.generated_site import site_routes
from tests.layered_site import article_path, layered_site
from tests.test_crash_resume import check_extract_agrees, check_files_are_whole, stable_articles


def _site() -> dict[str, bytes]:
    """The layered site with photos of ~7 KB, three payloads shared by many (revisits)."""
    files = layered_site()
    photos = [jpeg(f"photo{n}", 7000) for n in range(3)]
    for n, path in enumerate(sorted(path for path in files if path.endswith(".jpg"))):
        files[path] = photos[n % len(photos)]
    return files


def _command(base: str, out: Path) -> list[str]:
    return loopback_crawl(out, base + article_path(0, 0), "--depth", "3", "--set", "CONCURRENT_REQUESTS=4")


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted crawl every stopped-then-rerun one must end like, done once per module:
    the site is the same for every size (``stable_articles`` leaves out the server's port)."""
    out = tmp_path_factory.mktemp("whole") / "whole"
    with serve(site_routes(_site(), latency=0.0)) as base:
        subprocess.run(_command(base, out), check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.parametrize("max_file_bytes", [2_500, 9_000, 30_000, 70_000])
def test_a_crawl_stopped_by_a_full_disk_is_completed_by_the_next_run(
    tmp_path: Path, max_file_bytes: int, whole: Path
) -> None:
    with serve(site_routes(_site(), latency=0.0)) as base:

        def command(out: Path) -> list[str]:
            return _command(base, out)

        out = tmp_path / "out"
        stopped = crawl_on_a_full_disk(command(out), max_file_bytes)
        assert stopped.returncode == 3, stopped.stderr[-3000:]  # stopped early: disk full
        assert read_run(out)["finish_reason"] == "disk_full"
        check_files_are_whole(out)
        assert not list((out / "warc").glob("*.open"))
        articles = (out / "articles.jsonl").read_text() if (out / "articles.jsonl").exists() else ""
        assert "not archived" not in articles
        for line in articles.splitlines():
            article = json.loads(line)
            assert article["failed_pages"] == []
            assert all(image["capture"] for item in article["items"] for image in item["images"])

        rerun = subprocess.run(command(out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert stable_articles(out) == stable_articles(whole)
    check_files_are_whole(out)
    check_extract_agrees(out, tmp_path)
