"""Run one crawl of a job in this process (what ``archiver job run`` calls): the listicle spider
with ``job_file=``, which does the job's part itself (archiver.job.spider), as under scrapyd."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from twisted.python.failure import Failure

from archiver.crawl.outcome import CANT_CREATE, LOCKED, USAGE, CommandError
from archiver.crawl.runner import _CrawlerProcess, _raise_start_failure, _summary_of_run, crawl_settings
from archiver.job.config import Job, JobFileError, checked_settings
from archiver.job.lock import JobLocked
from archiver.job.runs import run_folders


def run_job(job: Job, overrides: dict[str, Any] | None = None) -> tuple[Path, dict[str, Any]]:
    """Crawl one run of ``job``; returns its run folder and crawl.json (the job's counts in
    its run part). Raises :class:`CommandError` as :func:`archiver.crawl.runner.run_crawl`
    does, and USAGE for a job file the crawl refused (its ``[settings]``)."""
    from spiders.listicle import ListicleSpider

    if job.file.redis:
        # Checked, not run yet: a job run's folders (runs/<ts>, conditional requests against
        # the earlier runs) are not made for several workers.
        raise CommandError(
            f"{job.path}: key redis: archiver job run does not run distributed jobs yet; run "
            f"archiver crawl --redis URL --job {job.file.name} (and archiver worker) instead",
            USAGE,
        )
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
    crawl = process.crawl(ListicleSpider, job_file=str(job.path))
    failures: list[Failure] = []
    crawl.addErrback(failures.append)
    if not failures:
        process.start()
    # This process holds the job's lock: the latest run folder is the one the spider chose.
    folders = run_folders(job.out_dir)
    if failures:
        if isinstance(failures[0].value, JobFileError):
            raise CommandError(str(failures[0].value), USAGE)
        if isinstance(failures[0].value, JobLocked):
            raise CommandError(str(failures[0].value), LOCKED)
        _raise_start_failure(failures[0], folders[-1] if folders else job.out_dir)
    if not folders:
        raise CommandError(
            f"the crawl of job {job.file.name} made no run folder in {job.out_dir}", CANT_CREATE
        )
    return folders[-1], _summary_of_run(folders[-1], run_id, forced_by=process.forced_by)
