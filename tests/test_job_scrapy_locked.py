"""``scrapy crawl listicle -a job_file=PATH`` (what scrapyd runs) while another run of the job
holds its lock: one clear error line, exit 75, no asyncio traceback, nothing written."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.crawl_command import BIN
from tests.job_site import serve_job_site
from tests.test_job_run import job_command, listing, write_job

PROJECT = Path(__file__).resolve().parent.parent


def test_a_second_scrapy_crawl_of_a_locked_job_says_one_line_and_exits_75(tmp_path: Path) -> None:
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site)
        site.hold_prefix = "/a/"
        first = subprocess.Popen(
            job_command(job_file), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            assert site.seen.wait(120), "the first run never asked for an article page"
            before = listing(tmp_path)
            second = subprocess.run(
                [str(BIN / "scrapy"), "crawl", "listicle", "-a", f"job_file={job_file}"],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                cwd=PROJECT,
            )
            after = listing(tmp_path)
        finally:
            site.release.set()
            _, err = first.communicate(timeout=300)
    assert second.returncode == 75, second.stderr
    assert "Traceback" not in second.stderr and "Task exception" not in second.stderr, second.stderr
    [line] = [text for text in second.stderr.splitlines() if "another run of this job" in text]
    assert "ERROR" in line and f"pid {first.pid}," in line
    assert after == before
    assert first.returncode == 0, err
