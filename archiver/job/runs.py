"""The run folders of a job, ``OUT/runs/<UTC YYYYMMDDTHHMMSSZ>/``, and which one a run crawls into.

A run folder is created with a marker, ``.job-run-unfinished``, removed only once the run is
over and merged into the job's current state (archiver.job.finish). A folder that still has it
was left by a run that was killed (or stopped early, or whose merge did not end): the next run
crawls into that same folder, where ``archiver crawl``'s resume machinery (the WARCs rebuild the
frontier) takes up what it left, and then merges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

RUNS_FOLDER = "runs"
UNFINISHED_MARKER = ".job-run-unfinished"
RUN_NAME = re.compile(r"^\d{8}T\d{6}Z$")
_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class RunFolder:
    """``path``: the run folder; ``resumed``: it was left unfinished by an earlier run."""

    path: Path
    resumed: bool

    @property
    def run_id(self) -> str:
        """The run's id: its folder's name (the UTC time it began)."""
        return self.path.name


def run_folders(job_dir: Path) -> list[Path]:
    """The job's run folders, oldest first (their names are UTC times)."""
    runs = job_dir / RUNS_FOLDER
    if not runs.is_dir():
        return []
    return sorted(path for path in runs.iterdir() if path.is_dir() and RUN_NAME.match(path.name))


def is_unfinished(run_dir: Path) -> bool:
    return (run_dir / UNFINISHED_MARKER).exists()


def choose_run_folder(job_dir: Path, now: datetime | None = None) -> RunFolder:
    """The latest run folder if it is unfinished, else a new one named after ``now`` (UTC; a
    second later while that name is taken). Creates it, with its marker."""
    folders = run_folders(job_dir)
    if folders and is_unfinished(folders[-1]):
        return RunFolder(folders[-1], resumed=True)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    while True:
        path = job_dir / RUNS_FOLDER / moment.strftime(_FORMAT)
        # Never before the latest folder: names order the runs.
        if not path.exists() and (not folders or path.name > folders[-1].name):
            break
        moment += timedelta(seconds=1)
    path.mkdir(parents=True)
    (path / UNFINISHED_MARKER).write_text("this run has not been merged into the job's state yet\n")
    return RunFolder(path, resumed=False)


def mark_finished(run_dir: Path) -> None:
    (run_dir / UNFINISHED_MARKER).unlink(missing_ok=True)
