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
