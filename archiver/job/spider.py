"""The job inside the Scrapy crawl: what the listicle spider does with ``job_file=PATH``.

``archiver job run JOB.toml`` and ``scrapy crawl listicle -a job_file=PATH`` (scrapyd) both go
through here, so a job gives the same outputs however it is started: :func:`prepare_job_run`
(the spider's from_crawler, before the spider exists) takes the job's lock, chooses the run
folder and sets the run's settings and spider arguments; :meth:`JobRun.finish` (spider_closed,
after the session closed its files) merges the run into the job (archiver.job.finish).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings

from archiver.job.config import Job, JobFileError, checked_settings, load_job
from archiver.job.lock import JobLocked, hold_job_lock, release_job_lock
from archiver.job.runs import RunFolder, choose_run_folder
from archiver.job.state import LISTED_FIELD, read_state

logger = logging.getLogger(__name__)
# Above the command line's priority (40): the job's folder layout is not for -s to change.
JOB_PRIORITY = 50
EX_TEMPFAIL = 75  # another run of the job holds its lock (sysexits.h; as archiver job run)


@dataclass
class JobRun:
    """A job's run under way: the job and its run folder."""

    job: Job
    folder: RunFolder

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Scrapy's spider_closed, connected after the spider's own handler (signals reach their
        receivers in the order connected), which closed the session's files: merge the run
        into the job, then let go of the job's lock."""
        from archiver.job.finish import finish_job_run

        try:
            finish_job_run(self.job, self.folder, str(spider.run_id), reason)
        finally:
            release_job_lock(self.job.out_dir)


def job_seeds(job: Job) -> list[str]:
    """The job's seeds, then every article URL of its current state not among them (each known
    article is checked again: changed, unchanged or gone). With ``lastmod_skip``, not those a
    sitemap listed: they come through the sitemap, which skips the ones not modified."""
    seeds = list(dict.fromkeys(job.file.seeds))
    known = set(seeds)
    skip_listed = job.file.lastmod_skip
    return seeds + [
        url
        for url, line in read_state(job.out_dir).items()
        if url not in known and not (skip_listed and line.get(LISTED_FIELD))
    ]


def _name_contact(settings: BaseSettings, contact: str) -> None:
    """The job's contact, and the user agent naming it unless one was chosen (the spider derived
    the user agent from the contact before the job file was read: archiver.crawl.identity)."""
    from scrapy.settings import SETTINGS_PRIORITIES

    from archiver.settings import user_agent

    derived = settings.get("USER_AGENT") == user_agent(str(settings.get("ARCHIVER_CONTACT")))
    settings.set("ARCHIVER_CONTACT", contact, priority=JOB_PRIORITY)
    if derived and (settings.getpriority("USER_AGENT") or 0) <= SETTINGS_PRIORITIES["spider"]:
        settings.set("USER_AGENT", user_agent(contact), priority="spider")


def prepare_job_run(settings: BaseSettings, job_file: Path, arguments: dict[str, Any]) -> JobRun:
    """Take the job's lock, choose the run folder, set ``settings`` (not frozen yet) and the
    spider's ``arguments`` for the run. Raises JobFileError, archiver.job.lock.JobLocked."""
    job = load_job(job_file)
    values, warnings = checked_settings(job)
    for warning in warnings:
        logger.warning("job file %s: %s", job.path, warning)
    lock = hold_job_lock(job.out_dir, settings.get("ARCHIVER_RUN_ID") or "")
    if lock.unreleased is not None and not lock.reported:
        previous = lock.unreleased
        logger.warning(
            "the previous run of job %s (pid %s, since %s) was killed: its lock is taken over, and "
            "an unfinished run folder is continued",
            job.file.name,
            previous.get("pid"),
            previous.get("since"),
        )
        lock.reported = True
    folder = choose_run_folder(job.out_dir)
    logger.info(
        "job %s: %s run folder %s", job.file.name, "resuming into" if folder.resumed else "new", folder.path
    )
    for name, value in values.items():
        settings.set(name, value, priority="spider")
    keys = job.file
    contract: dict[str, Any] = {
        "ARCHIVER_JOB_ROOT": str(job.out_dir),
        "ARCHIVER_OUTPUT_DIR": str(folder.path),
        "ARCHIVER_JOB_NAME": keys.name,
        # The run's revisits point into earlier runs: the job's WACZ (over every kept run) is
        # the one that replays; a WACZ of one run would not.
        "ARCHIVER_WACZ": False,
        "ARCHIVER_LASTMOD_SKIP": keys.lastmod_skip,
    }
    if keys.max_pages:
        contract["ARCHIVER_MAX_PAGES"] = keys.max_pages
    if keys.allow_private:
        contract["ARCHIVER_ALLOW_PRIVATE"] = True
    if keys.allow_domains:
        contract["ARCHIVER_ALLOWED_DOMAINS"] = keys.allow_domains
    if keys.contact:
        _name_contact(settings, keys.contact)
    for name, value in contract.items():
        settings.set(name, value, priority=JOB_PRIORITY)
    arguments.update(
        urls=job_seeds(job),
        sitemap=",".join(keys.sitemaps),
        feed=",".join(keys.feeds),
        out=str(folder.path),
        depth=keys.depth,
        job=keys.name,
    )
    arguments.pop("url", None)
    return JobRun(job, folder)


@contextmanager
def skip_locked_run() -> Iterator[None]:
    """Around :func:`prepare_job_run` in the spider's from_crawler: when another run of the job
    holds its lock, log the one line that says so and end the process with exit code 75
    (EX_TEMPFAIL, as ``archiver job run``), having written nothing.

    Why end the process here: an exception from from_crawler fails the crawl's Deferred, which
    under ``scrapy crawl`` with the asyncio reactor surfaces as an asyncio "Task exception was
    never retrieved" traceback (the JobLocked deep inside it) and exit code 1, where scrapyd's
    log should show one line and a scheduler a code it can act on. Nothing of this process
    needs closing yet: the crawl has not opened anything (the lock file is the other run's)."""
    try:
        yield
    except JobLocked as error:
        logger.error("%s", error)
        logging.shutdown()  # the line reaches the log file before the process ends
        os._exit(EX_TEMPFAIL)


__all__ = ["JobFileError", "JobRun", "job_seeds", "prepare_job_run", "skip_locked_run"]
