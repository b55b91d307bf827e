"""What kind of folder the tools were given, and where its WARC files and articles are.

Three kinds, each read by ``archiver export``, ``view``, ``extract`` and ``replay`` through
:func:`output_folder` (one place, not four):

- ``crawl``: an ``archiver crawl --out`` folder: ``warc/*.warc.gz`` and ``articles.jsonl``;
- ``job``: a scheduled job's folder (``archiver job run``): ``runs/<ts>/`` run folders and the
  current state ``articles.jsonl`` (:class:`archiver.models.StateArticle` lines). Its WARCs are
  every kept run's (what pruning kept of older runs too): revisits of a run resolve in them;
- ``run``: one run folder ``OUT/runs/<ts>/`` of a job: a crawl folder whose revisits (304s,
  payloads seen in earlier runs) refer into the job's other runs, its ``references``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from archiver.job.runs import RUN_NAME, RUNS_FOLDER, run_folders

ARTICLES_FILE = "articles.jsonl"
WARC_FOLDER = "warc"

Kind = Literal["crawl", "job", "run"]


def _warcs_in(folder: Path) -> list[Path]:
    """The closed WARC files of a crawl folder, sorted by name (``.open`` files left out)."""
    return sorted((folder / WARC_FOLDER).glob("*.warc.gz"))


@dataclass(frozen=True)
class OutputFolder:
    """``path`` (absolute) of the given ``kind``. ``warcs``: the WARC files that are its own
    (a job: every run's); ``references``: WARC files its revisits may refer to that are not its
    own (a run: the job's other runs; otherwise none); ``root``: the folder every WARC path is
    under (a run's: the job folder)."""

    path: Path
    kind: Kind
    warcs: list[Path] = field(default_factory=list)
    references: list[Path] = field(default_factory=list)

    @property
    def articles_file(self) -> Path:
        return self.path / ARTICLES_FILE

    @property
    def root(self) -> Path:
        return self.path.parent.parent if self.kind == "run" else self.path

    @property
    def all_warcs(self) -> list[Path]:
        """Own WARCs and references, in run order (what a replay collection indexes)."""
        return sorted({*self.warcs, *self.references}, key=lambda path: path.relative_to(self.root).parts)

    def latest_run(self) -> OutputFolder | None:
        """A job's newest run folder holding WARC files (None: not a job, or no such run)."""
        if self.kind != "job":
            return None
        for run in reversed(run_folders(self.path)):
            if _warcs_in(run):
                return output_folder(run)
        return None


# A ZIP file starts with a local file header, or (empty) the end of its central directory.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def is_zip(path: Path) -> bool:
    """Whether ``path`` starts as a ZIP file (a WACZ) does (a WARC starts with ``WARC/`` or a
    gzip header): what it holds decides, not its name. False when it cannot be read."""
    try:
        with path.open("rb") as file:
            return file.read(4) in _ZIP_MAGIC
    except OSError:
        return False


def is_job_folder(path: Path) -> bool:
    """A job folder holds ``runs/`` with at least one run folder, and no ``warc/`` of its own."""
    return not (path / WARC_FOLDER).is_dir() and bool(run_folders(path))


def is_run_folder(path: Path) -> bool:
    return bool(RUN_NAME.match(path.name)) and path.parent.name == RUNS_FOLDER


def output_folder(path: Path) -> OutputFolder:
    """The kind of folder ``path`` is and its WARC files (a folder without any is a ``crawl``
    with no WARCs: the caller says what is missing)."""
    path = path.resolve()
    if is_job_folder(path):
        warcs = [warc for run in run_folders(path) for warc in _warcs_in(run)]
        return OutputFolder(path, "job", warcs)
    if is_run_folder(path):
        own = _warcs_in(path)
        others = [warc for run in run_folders(path.parent.parent) if run != path for warc in _warcs_in(run)]
        return OutputFolder(path, "run", own, others)
    return OutputFolder(path, "crawl", _warcs_in(path))
