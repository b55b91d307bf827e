"""One crawl at a time per output folder: an ``fcntl.flock`` on ``OUT/.archiver.lock``.

Standard library only (outside archiver.crawl, whose package imports Scrapy): ``archiver job
run`` takes its job's lock (archiver.job.lock) before Scrapy is imported.

Two crawls appending to the same articles.jsonl and numbering WARC files from the same serial
would corrupt both. The lock is held for the whole run and released by the kernel when the
process ends, however it ends: a crawl killed with SIGKILL leaves no stale lock behind.

The file also says who holds it (``pid P, since T, run R``), and :meth:`OutputLock.release`
empties it. A crawl that finds it not empty when it takes the lock therefore knows the previous
crawl ended without releasing it (killed, or stopped by a second signal): that run wrote no
crawl.json entry, and :attr:`OutputLock.unreleased` is what it had written (crawl.json's history
then says so, archiver.crawl.summary).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".archiver.lock"
_HOLDER = re.compile(r"pid (?P<pid>\d+), since (?P<since>\S+?)(?:, run (?P<run>\w+))?$")


class OutputLocked(OSError):
    """Another process holds the lock; ``holder`` is what it wrote (pid and start time)."""

    def __init__(self, out_dir: Path, holder: str) -> None:
        self.out_dir = out_dir
        self.holder = holder
        super().__init__(
            f"another crawl ({holder or 'pid unknown'}) is writing into {out_dir}; "
            "wait for it or choose another --out"
        )


class OutputLock:
    """The lock of one output folder, held from :meth:`acquire` to :meth:`release`."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / LOCK_FILE
        self._fd: int | None = None
        # What the previous holder wrote, if it never released the lock (see the module's doc):
        # {"pid", "since", "run_id"} (run_id None if it did not say); None after a clean release.
        self.unreleased: dict[str, str | None] | None = None

    def acquire(self, run_id: str = "") -> None:
        """Take the lock without waiting, as the run ``run_id``. Raises :class:`OutputLocked`
        if a live process holds it, ``OSError`` if the folder cannot be created or written."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        # 0666 less the umask, as every other output file.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            os.close(fd)
            raise OutputLocked(self.out_dir, holder) from None
        except OSError:
            os.close(fd)
            raise
        try:
            left = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        except OSError:
            left = ""
        if match := _HOLDER.match(left):
            self.unreleased = {"pid": match["pid"], "since": match["since"], "run_id": match["run"]}
        since = datetime.now(UTC).isoformat(timespec="seconds")
        holder = f"pid {os.getpid()}, since {since}" + (f", run {run_id}" if run_id else "")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{holder}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Let go (idempotent). The file stays: removing it would race with a crawl that has
        just opened it and is about to lock it."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)


def lock_holder(out_dir: Path) -> str | None:
    """Who holds the lock of ``out_dir`` (``pid P, since T``, or "" if it wrote nothing), or
    None if no process does. Probed with a shared lock that is let go at once; the file is
    neither created nor written (what it says is the next crawl's evidence of a run that ended
    without releasing it)."""
    try:
        descriptor = os.open(out_dir / LOCK_FILE, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.read(descriptor, 200).decode("utf-8", "replace").strip()
    finally:
        os.close(descriptor)  # releases the probe's lock
    return None
