"""A page's hops from a seed are the lowest of every way the crawl reaches it: a page a sitemap
lists is a seed (hops 0) even when an archived page recommends it too, in the first run and in
the run that rebuilds the frontier from the WARCs after a kill.

The layered site (:mod:`tests.layered_site`) makes the hops visible: layer L recommends layer
L+1 only. A sitemap lists layers 0, 1 and 2; at ``--depth 1`` the layer-2 pages are seeds, so the
layer-3 pages they recommend are crawled. Taken at hops 1 (as a recommendation of layer 1),
they would not be.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.layered_site import WIDTHS, article_path, layered_site, listicles_within
from tests.test_crash_resume import (
    KillSwitch,
    check_extract_agrees,
    check_files_are_whole,
    kill_and_resume,
    run_once,
    served,
    stable_articles,
)

# Layer 2 first: Scrapy's queue is last-in first-out, so the layer-1 pages are fetched first and
# a kill finds them archived with their recommendations, the layer-2 pages they recommend not.
LISTED = [*((2, n) for n in range(WIDTHS[2])), *((1, n) for n in range(WIDTHS[1])), (0, 0)]


def _sitemap(base: str) -> bytes:
    locations = "".join(
        f"<url><loc>{base}{article_path(layer, number)}</loc></url>" for layer, number in LISTED
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{locations}</urlset>"
    ).encode()


def _command(base: str, out: Path, *extra: str) -> list[str]:
    return loopback_crawl(
        out, "--sitemap", base + "/sitemap.xml", "--depth", "1", "--set", "CONCURRENT_REQUESTS=4", *extra
    )


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted crawl (no job dir) every killed-and-resumed one must end like, done once
    per module and only read (``stable_articles`` leaves out the server's port)."""
    whole = tmp_path_factory.mktemp("whole") / "whole"
    switch = KillSwitch()
    files = layered_site()
    with served(files, switch) as base:
        files["/sitemap.xml"] = _sitemap(base)
        assert not run_once(_command(base, whole), switch, kill_at=None)
    return whole


@pytest.mark.parametrize("job_dir", [False, True], ids=["without-job-dir", "with-job-dir"])
def test_sitemap_pages_keep_hops_zero_across_kills(tmp_path: Path, job_dir: bool, whole: Path) -> None:
    rng = random.Random(1126 + job_dir)
    switch = KillSwitch()
    files = layered_site()
    with served(files, switch) as base:
        files["/sitemap.xml"] = _sitemap(base)

        def command(out: Path) -> list[str]:
            return _command(base, out, *(["--job-dir", str(tmp_path / "job")] if job_dir else []))

        expected = stable_articles(whole)
        killed = tmp_path / "killed"
        # Early: layer-1 pages archived (their recommendations with them), listed layer-2 pages not yet.
        written = kill_and_resume(command(killed), switch, rng, kills=2, most=10, fewest=7)

    assert set(expected) == listicles_within(3)  # layer 0: a layer-1 page links back to it
    assert written and min(written) < len(expected), f"no kill landed mid-crawl: {written}"
    assert stable_articles(killed) == expected
    check_files_are_whole(killed)
    check_extract_agrees(killed, tmp_path)
    assert read_run(killed)["finish_reason"] == "finished"
