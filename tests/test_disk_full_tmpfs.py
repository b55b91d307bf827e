"""A real full disk (ENOSPC): the crawl writes into a small tmpfs. It stops cleanly with
finish_reason disk_full and says so in one line, leaves every file whole and no WARC ``.open``;
when not even crawl.json fits, it says that in one line and exits non-zero. The next run, with
room, completes the crawl. Needs root (mount); skipped otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import serve
from tests.generated_site import site_routes
from tests.layered_site import article_path, layered_site
from tests.test_crash_resume import check_extract_agrees, check_files_are_whole, stable_articles

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None, reason="mounting a tmpfs needs root and mount(8)"
)


@contextmanager
def small_disk(path: Path, size: int) -> Iterator[Path]:
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def _crawl(base: str, out: Path) -> list[str]:
    return loopback_crawl(out, base + article_path(0, 0), "--depth", "2", "--set", "CONCURRENT_REQUESTS=4")


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted crawl every stopped-then-rerun one must end like, done once per module:
    the site is the same for every size (``stable_articles`` leaves out the server's port)."""
    out = tmp_path_factory.mktemp("whole") / "whole"
    with serve(site_routes(layered_site(), latency=0.0)) as base:
        subprocess.run(_crawl(base, out), check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.parametrize("size", [32_768, 65_536, 110_000])
def test_a_full_disk_stops_the_crawl_cleanly_and_the_next_run_completes_it(
    tmp_path: Path, size: int, whole: Path
) -> None:
    with serve(site_routes(layered_site(), latency=0.0)) as base:
        with small_disk(tmp_path / "disk", size) as disk:
            out = disk / "out"
            stopped = subprocess.run(_crawl(base, out), capture_output=True, text=True, timeout=300)
            assert stopped.returncode == 3, stopped.stderr[-3000:]  # stopped early: disk full
            assert "Traceback" not in stopped.stderr
            assert len([line for line in stopped.stderr.splitlines() if "stopping the crawl" in line]) == 1
            assert read_run(out)["finish_reason"] == "disk_full"
            check_files_are_whole(out)
            assert not list((out / "warc").glob("*.open"))
            kept = tmp_path / "kept"
            subprocess.run(["cp", "-a", str(out), str(kept)], check=True)
        rerun = subprocess.run(_crawl(base, kept), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert stable_articles(kept) == stable_articles(whole)
    check_extract_agrees(kept, tmp_path)


def test_when_not_even_the_summary_fits_the_crawl_says_so_and_exits_non_zero(tmp_path: Path) -> None:
    with serve(site_routes(layered_site(), latency=0.0)) as base, small_disk(tmp_path / "disk", 4096) as disk:
        out = disk / "out"
        result = subprocess.run(_crawl(base, out), capture_output=True, text=True, timeout=300)
        assert result.returncode == 3
        assert "Traceback" not in result.stderr
        assert "No such file or directory" not in result.stderr
        assert result.stderr.rstrip().splitlines()[-1] == (
            f"archiver: error: the crawl stopped before writing its summary {out / 'crawl.json'} "
            "(killed, or the disk is full); run the same command again to continue"
        )
        assert not (out / "crawl.json").exists()
        check_files_are_whole(out)
