"""``archiver job run``'s first step, before the command's modules (and Scrapy) are imported: the
job's lock. A run started while another runs must answer within a moment and write nothing;
importing Scrapy alone takes about a second on a busy machine.

Standard library, pydantic and the job file's modules only. Whatever this step cannot settle
(an unreadable job file, an option it does not know) is left to the full command, which
reports it the usual way.
"""

from __future__ import annotations

import sys
from pathlib import Path

LOCKED = 75  # archiver.crawl.outcome.LOCKED (that package imports Scrapy)
# Options of `archiver job run` that take a value (archiver.cli.job).
_VALUED = ("--log-level", "--log-file")


def job_file_argument(argv: list[str]) -> Path | None:
    """The job file among ``job run``'s arguments (the first positional one)."""
    skip = False
    for argument in argv:
        if skip:
            skip = False
            continue
        if argument in _VALUED:
            skip = True
        elif not argument.startswith("-"):
            return Path(argument)
    return None


def lock_job_early(argv: list[str]) -> int | None:
    """Take the lock of the job ``argv`` (``job run``'s arguments) names, for this process.
    Returns LOCKED (after its one line on stderr) when another run holds it, else None (held,
    or left for the command to report why not)."""
    from archiver.job.config import JobFileError, read_job_file
    from archiver.job.lock import JobLocked, hold_job_lock

    path = job_file_argument(argv)
    if path is None:
        return None
    try:
        job = read_job_file(path)
        hold_job_lock(job.out_dir)
    except JobLocked as error:
        print(f"archiver: error: {error}", file=sys.stderr)
        return LOCKED
    except (JobFileError, OSError):
        return None
    return None
