"""The job capture index stays bounded on a site that does not change (issue 13, finding 16):
six ``archiver job run`` of an unchanged loopback site, the index's rows after each run are
those of run 1 (one per URL), and identical-payload lookups still
find the original in run 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archiver.crawl.summary import read_run
from archiver.job.captures import INDEX_NAME, CaptureIndex
from tests.job_site import serve_job_site
from tests.test_job_run import run_job, runs_of, write_job

RUNS = 6


def _rows(job_dir: Path) -> tuple[int, int]:
    """(rows, distinct URLs) of the job's capture index."""
    with sqlite3.connect(job_dir / INDEX_NAME) as db:
        rows, urls = db.execute("SELECT count(*), count(DISTINCT url) FROM records").fetchone()
    return int(rows), int(urls)


def test_six_runs_of_an_unchanged_site_keep_the_index_at_one_row_per_url(tmp_path: Path) -> None:
    job_dir = tmp_path / "job"
    counts: list[tuple[int, int]] = []
    sizes: list[int] = []
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site)
        for _ in range(RUNS):
            run_job(job_file)
            counts.append(_rows(job_dir))
            sizes.append(sum(path.stat().st_size for path in job_dir.glob(INDEX_NAME + "*")))
    first_run, *later = runs_of(job_dir)
    rows, urls = counts[0]
    assert rows == urls > 10
    assert counts == [(rows, urls)] * RUNS, counts
    # Freed pages are reused and the write-ahead log emptied: the file settles, it does not grow.
    assert max(sizes) <= 2 * sizes[0] and sizes[-1] == sizes[-2], sizes
    # The job site sends no validators: every run fetches in full, and each payload becomes an
    # identical-payload-digest revisit of run 1's record.
    assert read_run(later[-1])["responses"] >= rows
    with CaptureIndex(job_dir / INDEX_NAME) as index:
        prior = index.last_capture(f"{site.base}/a/00000-things/")
        assert prior is not None and prior.run_id == first_run.name
        original = index.original(prior.payload_digest)
        assert original is not None and original.record_id == prior.record_id
