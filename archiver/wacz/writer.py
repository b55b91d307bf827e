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

import json
import os
import secrets
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from archiver.wacz.datapackage import DATAPACKAGE_PATH, DIGEST_PATH, datapackage_bytes, digest_bytes
from archiver.wacz.index import BLOCK_LINES, ZIPNUM_THRESHOLD, IndexKind, build_index
from archiver.wacz.pages import EXTRA_PAGES_PATH, PAGES_PATH, PagesError, write_page_lists
from archiver.wacz.wholeness import GzipMembers
from archiver.wacz.zipping import Resource, add_bytes, add_file

WARC_FOLDER = "warc"
PAGES_FILE = "pages.jsonl"
SUMMARY_FILE = "crawl.json"


class WaczError(Exception):
    """Why a WACZ could not be written. ``kind``: ``"input"`` (not an output folder, no WARC
    file), ``"damaged"`` (a WARC or pages.jsonl that cannot be read as such), ``"output"``
    (the target cannot be written: read-only, a folder, a full disk)."""

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
    """The crawl's job name: crawl.json's ``job``, else the folder's name."""
    try:
        job = json.loads((out_dir / SUMMARY_FILE).read_text(encoding="utf-8")).get("job")
    except (OSError, ValueError, AttributeError):
        job = None
    return str(job) if job else out_dir.resolve().name


def warc_files(out_dir: Path) -> list[Path]:
    """The finished WARC files of an output folder, in name (= serial) order; ``.open`` files
    (being written, or left by a kill until the next run repairs them) are not taken. Raises
    :class:`WaczError` (``input``) when there is none."""
    if not out_dir.is_dir():
        raise WaczError(f"{out_dir} is not a folder; give a crawl's --out folder", "input")
    found = sorted((out_dir / WARC_FOLDER).glob("*.warc.gz"))
    if not found:
        raise WaczError(
            f"{out_dir} holds no WARC file ({WARC_FOLDER}/*.warc.gz); give a crawl's --out folder", "input"
        )
    return found


def _create_beside(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: its files are 0600 whatever the umask; this one is renamed into
    # place and keeps the mode every other output gets.
    while True:
        temp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
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
) -> WaczSummary:
    """Package ``out_dir`` (a crawl's output folder) as a WACZ at ``target`` (default
    ``out_dir/<job>.wacz``; ``job``: :func:`job_name` by default, the datapackage's title too).
    The index is ZipNum past ``zipnum_threshold`` lines (blocks of ``block_lines``).

    Raises :class:`WaczError`; nothing is left behind (temporary file, scratch folder) and an
    existing target is untouched when it does.
    """
    warcs = warc_files(out_dir)
    job = job or job_name(out_dir)
    target = target or out_dir / f"{job}.wacz"
    if software is None:
        from archiver import __version__

        software = f"listicle-archiver {__version__}"
    try:
        descriptor, temp = _create_beside(target)
    except OSError as error:
        raise WaczError(f"cannot write {target}: {error.strerror or error}", "output") from None
    try:
        with (
            os.fdopen(descriptor, "w+b") as file,
            tempfile.TemporaryDirectory(prefix=".archiver-wacz-", dir=target.parent) as scratch_name,
        ):
            scratch = Path(scratch_name)
            summary = _write(file, scratch, out_dir, warcs, job, software, zipnum_threshold, block_lines)
            file.flush()
            os.fsync(file.fileno())
            size = file.tell()
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
