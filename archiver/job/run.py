"""Run one crawl of a job in this process (what ``archiver job run`` calls): the listicle spider
with ``job_file=``, which does the job's part itself (archiver.job.spider), as under scrapyd."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from twisted.python.failure import Failure

from archiver.crawl.outcome import LOCKED, USAGE, CommandError
from archiver.crawl.runner import _CrawlerProcess, _raise_start_failure, _summary_of_run, crawl_settings
from archiver.job.config import Job, JobFileError, checked_settings
from archiver.job.lock import JobLocked


def run_job(job: Job, overrides: dict[str, Any] | None = None) -> tuple[Path, dict[str, Any]]:
    """Crawl one run of ``job``; returns its run folder and crawl.json (the job's counts in
    its run part). Raises :class:`CommandError` as :func:`archiver.crawl.runner.run_crawl`
    does, and USAGE for a job file the crawl refused (its ``[settings]``)."""
    from spiders.listicle import ListicleSpider

    run_id = uuid.uuid4().hex
    # The spider sets the job's settings on its crawler (archiver.job.spider); those the process
    # reads before any crawler exists (the DNS resolver's ARCHIVER_ALLOW_PRIVATE, the reactor)
    # are given to the process too. Under scrapyd, give those with -s.
    process_settings, _ = checked_settings(job)
    if job.file.allow_private:
        process_settings["ARCHIVER_ALLOW_PRIVATE"] = True
    process_settings.update(overrides or {})
    process_settings["ARCHIVER_RUN_ID"] = run_id
    process = _CrawlerProcess(crawl_settings(process_settings))
    crawler = process.create_crawler(ListicleSpider)
    crawl = process.crawl(crawler, job_file=str(job.path))
    failures: list[Failure] = []
    crawl.addErrback(failures.append)
    if not failures:
        process.start()
    spider = crawler.spider
    job_run = getattr(spider, "job_run", None)
    if failures:
        if isinstance(failures[0].value, JobFileError):
            raise CommandError(str(failures[0].value), USAGE)
        if isinstance(failures[0].value, JobLocked):
            raise CommandError(str(failures[0].value), LOCKED)
        _raise_start_failure(failures[0], job_run.folder.path if job_run else job.out_dir)
    if job_run is None:  # pragma: no cover - the spider always has one with job_file
        raise CommandError(f"the crawl of job {job.file.name} did not start", USAGE)
    run_dir: Path = job_run.folder.path
    return run_dir, _summary_of_run(run_dir, run_id, forced_by=process.forced_by)
