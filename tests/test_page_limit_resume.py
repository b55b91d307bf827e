"""``--max-pages`` counts the pages that may start an article (seeds, sitemap entries,
recommendations), not the next pages of started articles: a crawl killed while articles are
half-fetched, then run again, starts the same articles as an uninterrupted one. (Counting next
pages, the rebuilt run, which asks for the next pages of unfinished articles first, spent the
limit on them and started fewer articles, one fewer per kill.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import listicle_html
from tests.test_crash_resume import (
    KillSwitch,
    check_extract_agrees,
    check_files_are_whole,
    run_once,
    served,
    stable_articles,
)

RECOMMENDED = 9
PAGES_EACH = 3
LIMIT = 6  # the seed and the first five recommendations


def _site() -> dict[str, bytes]:
    related = "".join(f'<li><a href="/r{n}/">Things {n}</a></li>' for n in range(RECOMMENDED))
    seed = listicle_html("3 Seed Things", range(1, 4)).replace(
        b"</body>",
        f'<section class="related"><h3>Related posts</h3><ul>{related}</ul></section></body>'.encode(),
    )
    files = {"/robots.txt": b"User-agent: *\nAllow: /\n", "/seed/": seed}
    for n in range(RECOMMENDED):
        for page in range(PAGES_EACH):
            path = f"/r{n}/" if page == 0 else f"/r{n}/{page + 1}/"
            next_path = f"/r{n}/{page + 2}/" if page + 1 < PAGES_EACH else None
            numbers = range(2 * page + 1, 2 * page + 3)
            files[path] = listicle_html(f"{2 * PAGES_EACH} Things {n}", numbers, next_path)
    return files


def _command(base: str, out: Path) -> list[str]:
    limit = ["--max-pages", str(LIMIT), "--set", "CONCURRENT_REQUESTS=2"]
    return loopback_crawl(out, base + "/seed/", "--depth", "1", *limit)


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The uninterrupted crawl every killed-and-resumed one must end like, done once per module
    and only read (``stable_articles`` leaves out the server's port)."""
    whole = tmp_path_factory.mktemp("whole") / "whole"
    switch = KillSwitch()
    with served(_site(), switch) as base:
        assert not run_once(_command(base, whole), switch, kill_at=None)
    return whole


@pytest.mark.parametrize(
    "kills", [[5], [4, 9], [7, 3, 12]], ids=lambda kills: "kill-at-" + "-".join(map(str, kills))
)
def test_a_page_limit_starts_the_same_articles_after_kills(
    tmp_path: Path, kills: list[int], whole: Path
) -> None:
    switch = KillSwitch()
    with served(_site(), switch) as base:

        def command(out: Path) -> list[str]:
            return _command(base, out)

        expected = stable_articles(whole)
        killed = tmp_path / "killed"
        landed = [run_once(command(killed), switch, kill_at=kill) for kill in kills]
        assert not run_once(command(killed), switch, kill_at=None)

    assert set(expected) == {"/seed/", *(f"/r{n}/" for n in range(LIMIT - 1))}
    assert all(landed), "a kill did not land mid-crawl"
    assert stable_articles(killed) == expected
    assert all(article["complete"] for article in expected.values())
    check_files_are_whole(killed)
    check_extract_agrees(killed, tmp_path)
    assert read_run(killed)["finish_reason"] == "finished"
