"""The ``archiver`` console command's entry point. Importing the command (pydantic, lxml, Scrapy,
Twisted) takes a noticeable moment, and a Ctrl-C in that moment must end the command with one
line, not a KeyboardInterrupt traceback: only the standard library is imported before the
``try`` (the package's ``__init__`` loads its public names lazily for this reason)."""

from __future__ import annotations

import sys

# archiver.crawl.outcome.STOPPED, written out: that module cannot be imported before the try.
STOPPED = 3


def main() -> int:
    """Run ``archiver`` (archiver.cli.main); a Ctrl-C while it starts up exits STOPPED (3), as
    any other interrupted run does (the table in archiver.crawl.outcome)."""
    try:
        if sys.argv[1:3] == ["job", "run"]:
            # The job's lock before Scrapy is imported: a second run exits 75 at once.
            from archiver.job.early import lock_job_early

            locked = lock_job_early(sys.argv[3:])
            if locked is not None:
                return locked
        from archiver.cli import main as run

        return run()
    except KeyboardInterrupt:
        print(
            "archiver: error: interrupted while starting; nothing was done, run the same command again",
            file=sys.stderr,
        )
        return STOPPED


if __name__ == "__main__":
    raise SystemExit(main())
