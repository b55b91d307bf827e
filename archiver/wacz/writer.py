"""Writing a crawl's output folder as one WACZ 1.1.1 file (``OUT/<job>.wacz`` by default).

Contents: ``archive/<name>`` for every ``OUT/warc/*.warc.gz`` (a resumed crawl has several),
stored as they are; the index (:mod:`archiver.wacz.index`); the page lists
(:mod:`archiver.wacz.pages`); ``datapackage.json`` and ``datapackage-digest.json``
(:mod:`archiver.wacz.datapackage`).

Streamed: WARCs are copied a chunk at a time, the index is sorted on disk, the page lists are
written line by line; scratch files live in a folder beside the target (the same disk) and are
removed. The WACZ is written to a temporary file beside the target and renamed over it once
complete and synced: a crash or a full disk never leaves a truncated ``.wacz``, and an earlier
one stays until the new one replaces it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from archiver.names import job_file_stem, job_of
from archiver.scratch import owner_tag, remove_stale
from archiver.wacz.datapackage import DATAPACKAGE_PATH, DIGEST_PATH, datapackage_bytes, digest_bytes
from archiver.wacz.index import BLOCK_LINES, ZIPNUM_THRESHOLD, IndexKind, build_index
from archiver.wacz.pages import EXTRA_PAGES_PATH, PAGES_PATH, PagesError, write_page_lists
from archiver.wacz.wholeness import GzipMembers
from archiver.wacz.zipping import Resource, add_bytes, add_file

WARC_FOLDER = "warc"
# A killed crawl leaves its WARC as .warc.gz.open; the next run into the folder repairs and
# closes it (archiver.warc.repair).
INTERRUPTED_HINT = (
    "the crawl was interrupted (its WARC files are still .warc.gz.open): run the same crawl "
    "again, which repairs and closes them, then package"
)
PAGES_FILE = "pages.jsonl"
SUMMARY_FILE = "crawl.json"


class WaczError(Exception):
    """Why a WACZ could not be written. ``kind``: ``"input"`` (not an output folder, no WARC
    file), ``"damaged"`` (a WARC or pages.jsonl that cannot be read as such), ``"output"``
    (the target cannot be written: read-only, a folder, a full disk), ``"changed"`` (a crawl
    wrote into the folder while it was packaged: the package would be older than the folder)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class WaczSummary:
    """What :func:`write_wacz` wrote: ``path``, its size in ``bytes``, the WARC file names it
    holds, the index's line count and kind (``"cdxj"`` or ``"zipnum"``), the article pages
    listed in pages/pages.jsonl and the other pages in pages/extraPages.jsonl."""

    path: Path
    bytes: int
    warc_files: list[str]
    index_lines: int
    index_kind: IndexKind
    pages: int
    extra_pages: int


def job_name(out_dir: Path) -> str:
    """The crawl's job name: crawl.json's ``job``, else the folder's name (a title: any text;
    the file name is :func:`archiver.names.job_file_stem` of it)."""
    return job_of(out_dir)


def warc_files(out_dir: Path) -> list[Path]:
    """The finished WARC files of an output folder, in name (= serial) order; ``.open`` files
    (being written, or left by a kill until the next run repairs them) are not taken. Raises
    :class:`WaczError` (``input``) when there is none."""
    if not out_dir.is_dir():
        raise WaczError(f"{out_dir} is not a folder; give a crawl's --out folder", "input")
    found = sorted((out_dir / WARC_FOLDER).glob("*.warc.gz"))
    if not found and any((out_dir / WARC_FOLDER).glob("*.warc.gz.open")):
        raise WaczError(f"{out_dir}: {INTERRUPTED_HINT}", "input")
    if not found:
        raise WaczError(
            f"{out_dir} holds no WARC file ({WARC_FOLDER}/*.warc.gz); give a crawl's --out folder", "input"
        )
    return found


def _warc_state(out_dir: Path) -> list[tuple[str, int]]:
    """Every WARC file of the folder, finished or ``.open``, by name and size."""
    state = []
    for path in sorted((out_dir / WARC_FOLDER).glob("*.warc.gz*")):
        with contextlib.suppress(FileNotFoundError):  # renamed from .open meanwhile: differs anyway
            state.append((path.name, path.stat().st_size))
    return state


def _create_beside(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: its files are 0600 whatever the umask; this one is renamed into
    # place and keeps the mode every other output gets.
    while True:
        # The owner's pid in the name: a later packaging removes it if this process is killed.
        temp = target.parent / f".{target.name}.{owner_tag()}{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:
            continue


def write_wacz(
    out_dir: Path,
    target: Path | None = None,
    *,
    job: str | None = None,
    software: str | None = None,
    zipnum_threshold: int = ZIPNUM_THRESHOLD,
    block_lines: int = BLOCK_LINES,
    before_replace: Callable[[], None] | None = None,
    warcs: list[Path] | None = None,
) -> WaczSummary:
    """Package ``out_dir`` (a crawl's output folder) as a WACZ at ``target`` (default
    ``out_dir/<job_file_stem(job)>.wacz``; ``job``: :func:`job_name` by default, the datapackage's title too).
    The index is ZipNum past ``zipnum_threshold`` lines (blocks of ``block_lines``).

    ``before_replace`` is called once the package is complete (its temporary file and scratch
    folder still there), just before it is checked against the folder and renamed into place
    (tests make a crawl write meanwhile there, or kill the process there). Scratch files of
    packagings whose process is gone are removed first (:mod:`archiver.scratch`).

    ``warcs``: the WARC files to package instead of ``out_dir``'s own (a scheduled job's WACZ
    holds every kept run's files, so that a revisit of one run resolves in an earlier run's
    record; archiver.job.finish); their names must differ. The page lists are ``out_dir``'s.

    Raises :class:`WaczError`; nothing is left behind (temporary file, scratch folder) and an
    existing target is untouched when it does.
    """
    state = _warc_state(out_dir)
    if warcs is None:
        warcs = warc_files(out_dir)
    elif len({path.name for path in warcs}) != len(warcs):
        raise WaczError(f"two WARC files of {out_dir}'s job share a name; nothing written", "input")
    job = job or job_name(out_dir)
    # The job is text from --job or crawl.json: only its safe part names the file (never a path).
    target = target or out_dir / f"{job_file_stem(job)}.wacz"
    if software is None:
        from archiver import __version__

        software = f"listicle-archiver {__version__}"
    remove_stale(target.parent)  # what a killed packaging left beside the target
    try:
        descriptor, temp = _create_beside(target)
    except OSError as error:
        raise WaczError(f"cannot write {target}: {error.strerror or error}", "output") from None
    try:
        scratch_prefix = f".archiver-wacz-{owner_tag()}"
        with (
            os.fdopen(descriptor, "w+b") as file,
            tempfile.TemporaryDirectory(prefix=scratch_prefix, dir=target.parent) as scratch_name,
        ):
            scratch = Path(scratch_name)
            summary = _write(file, scratch, out_dir, warcs, job, software, zipnum_threshold, block_lines)
            file.flush()
            os.fsync(file.fileno())
            size = file.tell()
            if before_replace is not None:
                before_replace()
        # No lock is held while packaging (a shared lock beside the crawl's exclusive one would
        # make a crawl started meanwhile fail, for a WACZ the user may not even wait for):
        # instead, a package of WARCs that are no longer exactly the folder's (a crawl ran and
        # wrote while it was made) is not put over what that crawl's own packaging wrote.
        if _warc_state(out_dir) != state:
            message = (
                f"a crawl wrote into {out_dir} while it was packaged; nothing written, run "
                "archiver wacz again"
            )
            raise WaczError(message, "changed")
        os.replace(temp, target)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WaczError(f"cannot write {target}: {error.strerror or error}", "output") from None
        raise
    return WaczSummary(target, size, *summary)


def _write(
    file: BinaryIO,
    scratch: Path,
    out_dir: Path,
    warcs: list[Path],
    job: str,
    software: str,
    zipnum_threshold: int,
    block_lines: int,
) -> tuple[list[str], int, IndexKind, int, int]:
    resources: list[Resource] = []
    try:
        index = build_index(
            [(path, path.name) for path in warcs],
            scratch,
            zipnum_threshold=zipnum_threshold,
            block_lines=block_lines,
        )
    except OSError:  # the scratch folder (the target's disk) full or unwritable: the caller's
        raise
    except Exception as error:  # warcio's ArchiveLoadFailed and what a cut gzip member raises
        message = f"a WARC file of {out_dir} cannot be read ({error}); nothing written"
        raise WaczError(message, "damaged") from None
    pages_out, extra_out = scratch / "pages.jsonl", scratch / "extraPages.jsonl"
    try:
        lists = write_page_lists(out_dir / PAGES_FILE, out_dir / WARC_FOLDER, pages_out, extra_out, job)
    except (PagesError, ValueError, KeyError) as error:
        message = f"{out_dir / PAGES_FILE} does not match the WARCs ({error}); nothing written"
        raise WaczError(message, "damaged") from None
    with zipfile.ZipFile(file, "w", allowZip64=True) as archive:
        for path in warcs:
            members = GzipMembers()
            resources.append(
                add_file(archive, path, f"archive/{path.name}", stored=True, inspect=members.feed)
            )
            problem = members.problem()
            if problem is not None:
                message = (
                    f"{path} is {problem}: repair it (run the crawl again) or remove it; nothing written"
                )
                raise WaczError(message, "damaged")
        for member, path, stored in index.files:
            resources.append(add_file(archive, path, member, stored=stored))
        resources.append(add_file(archive, pages_out, PAGES_PATH, stored=False))
        if lists.extra_pages:
            resources.append(add_file(archive, extra_out, EXTRA_PAGES_PATH, stored=False))
        package = datapackage_bytes(
            resources, title=job, software=software, main_url=lists.main_url, main_date=lists.main_ts
        )
        add_bytes(archive, package, DATAPACKAGE_PATH)
        add_bytes(archive, digest_bytes(package), DIGEST_PATH)
    return [path.name for path in warcs], index.lines, index.kind, lists.pages, lists.extra_pages
