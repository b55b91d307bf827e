"""The job's lock, ``OUT/.job.lock``: one run of a job at a time (archiver.crawl.lock's flock).

Taken first thing by ``archiver job run`` (before Scrapy is imported, before anything is
created but the job folder and the lock file), and by the spider when it is started with
``job_file=`` by something else (scrapyd): :func:`hold_job_lock` takes it once per process, so the
spider of an ``archiver job run`` finds it held by its own process and goes on. The kernel lets
go of it when the process ends however it ends, so a killed run leaves no stale lock; its
holder line stays in the file, which tells the next run that the previous one was killed.
"""

from __future__ import annotations

from pathlib import Path

from archiver.locking import OutputLock, OutputLocked

JOB_LOCK_FILE = ".job.lock"
_held: dict[Path, JobLock] = {}


class JobLocked(Exception):
    """Another run of the job holds the lock; the message is the one line to print."""


class JobLock(OutputLock):
    """:class:`archiver.crawl.lock.OutputLock` on ``OUT/.job.lock``."""

    def __init__(self, job_dir: Path) -> None:
        super().__init__(job_dir)
        self.path = job_dir / JOB_LOCK_FILE
        # Whether "the previous run was killed" was logged: the command and the spider both
        # take the lock in one process, and it is said once.
        self.reported = False


def hold_job_lock(job_dir: Path, run_id: str = "") -> JobLock:
    """Take the job's lock for this process (the lock this process holds already, if it does).
    Raises :class:`JobLocked` when another process holds it; ``OSError`` when the folder cannot
    be created or written."""
    key = job_dir.resolve()
    if key in _held:
        return _held[key]
    lock = JobLock(job_dir)
    try:
        lock.acquire(run_id)
    except OutputLocked as error:
        holder = error.holder or "pid unknown"
        raise JobLocked(
            f"another run of this job ({holder}) is still running in {job_dir}; this run is skipped, "
            "the next scheduled one will run"
        ) from None
    _held[key] = lock
    return lock


def release_job_lock(job_dir: Path) -> None:
    """Let go of the job's lock if this process holds it."""
    lock = _held.pop(job_dir.resolve(), None)
    if lock is not None:
        lock.release()
