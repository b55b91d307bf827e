"""``archiver merge --out MERGED FOLDER...``: crawl folders (the workers of a distributed crawl,
or any ``archiver crawl --out`` folders) made into one ordinary crawl folder.

- ``MERGED/warc/`` holds every input WARC under its own name: a hard link when the file system
  allows, else a streamed copy; a killed crawl's ``NAME.warc.gz.open`` is copied cut back to
  its last whole record (:func:`archiver.warc.repair.whole_records_length`) as ``NAME.warc.gz``.
  Two inputs holding a file of the same name with different bytes is an error.
- ``articles.jsonl`` is re-extracted over all of those files with the re-extraction code
  (:func:`archiver.cli.extract.index_and_articles`, parallel as ``archiver extract --jobs``):
  an article whose pages or photos were fetched by different workers appears once, whole, each
  capture naming the WARC file that holds it.
- ``pages.jsonl`` and ``rejects.jsonl``: the inputs' whole lines, each once, sorted;
  ``crawl.json``: the inputs' counts summed, the merged folders and workers listed; the WACZ.

Inputs are only read. A merge writes each file beside its target and renames it into place, so
a failure leaves MERGED's earlier files as they were; running it again with the same inputs
gives the same files. Every file of MERGED but the WACZ is the same bytes whatever the order
of the inputs given.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.article_file import sort_articles_file
from archiver.crawl.outcome import DATA_ERROR, NO_INPUT, USAGE, CommandError
from archiver.crawl.summary import RUN_ENTRY_COUNTS, SUMMARY_FILE, build_summary, read_summary, this_run
from archiver.outputs import ARTICLES_FILE, WARC_FOLDER
from archiver.warc.repair import whole_records_length
from archiver.warc.source import FileSource

OPEN_SUFFIX = ".open"
PAGES_FILE = "pages.jsonl"
REJECTS_FILE = "rejects.jsonl"
MERGE_REASON = "merged"
WORKER_ID_FILE = "worker-id"  # archiver.distributed.worker_id's file in a worker's --out folder
MARKER_FILE = ".archiver-merge.json"  # the input folders, as a JSON list of absolute paths
_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputWarc:
    """A WARC file of an input folder: ``path`` as it is there, ``name`` it gets in MERGED/warc
    (``.open`` dropped), ``open``: left open by a killed crawl (repaired in the copy)."""

    path: Path
    name: str
    open: bool


@dataclass
class MergeResult:
    out: Path
    warc_files: list[str]
    repaired: dict[str, int]  # WARC name -> bytes cut from a killed crawl's .open file
    linked: int  # how many WARC files are hard links (the others are copies)
    articles: int
    warnings: list[str] = field(default_factory=list)
    wacz: str | None = None


def input_warcs(folder: Path) -> list[InputWarc]:
    """The WARC files of a crawl folder, closed and ``.open``, by name; raises
    :class:`CommandError` (66) when there is none."""
    warc_dir = folder / WARC_FOLDER
    found = [
        InputWarc(path, path.name.removesuffix(OPEN_SUFFIX), path.name.endswith(OPEN_SUFFIX))
        for path in sorted(warc_dir.glob("*.warc.gz*"))
        if path.is_file() and path.name.endswith((".warc.gz", ".warc.gz" + OPEN_SUFFIX))
    ]
    if not found:
        raise CommandError(
            f"{folder} holds no WARC files (warc/*.warc.gz); give the --out folders of crawls or workers",
            NO_INPUT,
        )
    return found


def split_idle_workers(folders: list[Path]) -> tuple[list[Path], list[Path]]:
    """``folders`` without, and then only, the worker folders that fetched nothing (crawl.json
    written, a worker id, no WARC file: a worker that found no work left), each said on
    stderr. Raises :class:`CommandError` (66) when no folder is left."""
    idle = [
        folder
        for folder in folders
        if read_summary(folder) is not None
        and worker_of(folder) is not None
        and not any((folder / WARC_FOLDER).glob("*.warc.gz*"))
    ]
    for folder in idle:
        print(f"archiver: skipping {folder}: a worker that fetched nothing (no WARC files)", file=sys.stderr)
    kept = [folder for folder in folders if folder not in idle]
    if not kept:
        raise CommandError("no input folder holds WARC files: no worker fetched anything", NO_INPUT)
    return kept, idle


def check_inputs(out: Path, folders: list[Path]) -> list[Path]:
    """The input folders resolved, checked against each other and MERGED; raises
    :class:`CommandError` for a folder that is missing or given twice, and a MERGED that is an
    input, inside one, or holds one."""
    resolved: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise CommandError(
                f"{folder} is not a folder; give the --out folders of crawls or workers", NO_INPUT
            )
        path = folder.resolve()
        if path in resolved:
            raise CommandError(f"{folder} is given twice; give each folder once", USAGE)
        resolved.append(path)
    target = out.resolve()
    for path in resolved:
        if target == path or target.is_relative_to(path):
            raise CommandError(
                f"--out {out} is inside the input folder {path}: a merge never writes into its inputs; "
                "choose a folder outside them",
                USAGE,
            )
        if path.is_relative_to(target):
            raise CommandError(f"the input folder {path} is inside --out {out}; choose another --out", USAGE)
    return resolved


def check_target(out: Path, folders: list[Path]) -> None:
    """MERGED must be new, empty, or an earlier merge of exactly ``folders`` (run again);
    raises :class:`CommandError` (73) otherwise, before anything is written."""
    if not out.exists():
        return
    if not out.is_dir():
        raise CommandError(f"--out {out} is a file; give a new or empty folder", 73)
    if not any(out.iterdir()):
        return
    merged = merged_folders(out)
    if merged is None:
        raise CommandError(f"--out {out} is not empty and is not a merge; give a new or empty folder", 73)
    if sorted(merged) != sorted(str(folder) for folder in folders):
        raise CommandError(
            f"--out {out} is a merge of other folders ({', '.join(merged)}); give a new or empty folder, "
            "or the same folders again",
            73,
        )


def merged_folders(out: Path) -> list[str] | None:
    """The input folders of the merge ``out`` is (its marker, written before anything else, so
    that a merge that failed half-way can be run again), or None if it is none."""
    try:
        folders = json.loads((out / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [str(folder) for folder in folders] if isinstance(folders, list) else None


def plan_warcs(folders: list[Path]) -> list[InputWarc]:
    """Every input WARC once, by name; raises :class:`CommandError` (65) for two files of the
    same name with different bytes (the same bytes twice are taken once)."""
    by_name: dict[str, InputWarc] = {}
    for folder in folders:
        for warc in input_warcs(folder):
            seen = by_name.get(warc.name)
            if seen is None:
                by_name[warc.name] = warc
            elif not _same_bytes(seen, warc):
                raise CommandError(
                    f"{seen.path} and {warc.path} share the name {warc.name} but hold different bytes; "
                    "nothing merged (were two workers given the same worker id?)",
                    DATA_ERROR,
                )
    return [by_name[name] for name in sorted(by_name)]


def _same_bytes(first: InputWarc, second: InputWarc) -> bool:
    if first.open or second.open:
        return first.open == second.open and filecmp.cmp(first.path, second.path, shallow=False)
    return filecmp.cmp(first.path, second.path, shallow=False)


def place_warc(warc: InputWarc, warc_dir: Path) -> tuple[bool, int]:
    """Put ``warc`` in ``warc_dir`` under its name, replacing a file of that name that differs;
    returns (hard linked, bytes cut from an ``.open`` file). The input is only read."""
    target = warc_dir / warc.name
    temp = warc_dir / f".{warc.name}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    if warc.open:
        length = whole_records_length(warc.path)
        cut = warc.path.stat().st_size - length
        if target.is_file() and target.stat().st_size == length and _prefix_equal(warc.path, target, length):
            return False, cut
        _copy_prefix(warc.path, temp, length)
        os.replace(temp, target)
        return False, cut
    if target.is_file() and (
        os.path.samefile(target, warc.path) or filecmp.cmp(target, warc.path, shallow=False)
    ):
        return target.stat().st_ino == warc.path.stat().st_ino, 0
    try:
        os.link(warc.path, temp)
        linked = True
    except OSError:  # another file system, or links not allowed: a streamed copy
        shutil.copyfile(warc.path, temp)
        linked = False
    os.replace(temp, target)
    return linked, 0


def _copy_prefix(source: Path, target: Path, length: int) -> None:
    with source.open("rb") as reader, target.open("wb") as writer:
        left = length
        while left:
            chunk = reader.read(min(_COPY_CHUNK, left))
            if not chunk:
                break
            writer.write(chunk)
            left -= len(chunk)
        writer.flush()
        os.fsync(writer.fileno())


def _prefix_equal(source: Path, other: Path, length: int) -> bool:
    with source.open("rb") as first, other.open("rb") as second:
        left = length
        while left:
            size = min(_COPY_CHUNK, left)
            if first.read(size) != second.read(size):
                return False
            left -= size
    return True


def whole_lines(path: Path) -> Iterator[str]:
    """The whole JSON lines of a JSONL file (a killed crawl's cut last line, or a line that is
    not JSON, left out); none if the file is missing."""
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if not line.endswith("\n") or not line.strip():
                continue
            try:
                json.loads(line)
            except ValueError:
                continue
            yield line


def _page_order(line: str) -> tuple[str, int, str]:
    entry = json.loads(line)
    offset = entry.get("warc_offset")
    return (str(entry.get("warc_filename") or ""), offset if isinstance(offset, int) else -1, line)


def merge_lines(folders: list[Path], name: str, target: Path) -> int:
    """``name`` of every folder, each whole line once, in WARC order, written to ``target``
    atomically; returns the line count."""
    from archiver.jsonl import write_jsonl_atomically

    lines = sorted({line for folder in folders for line in whole_lines(folder / name)}, key=_page_order)
    return write_jsonl_atomically(target, lines)


def worker_of(folder: Path) -> str | None:
    """The worker id of a distributed crawl's worker folder: its ``worker-id`` file (kept there
    by ``archiver worker``), else crawl.json's ``worker_id``; None for a plain crawl folder."""
    try:
        kept = (folder / WORKER_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        kept = ""
    if kept:
        return kept
    summary = read_summary(folder)
    found = (this_run(summary).get("worker_id") or summary.get("worker_id")) if summary else None
    return str(found) if found else None


def merged_run(folders: list[Path], result: MergeResult, out: Path) -> tuple[dict[str, Any], str | None]:
    """crawl.json's run fields of the merge and the job name the inputs share (None if they
    differ or say none): counts of the inputs' runs summed, the article counts of the
    re-extraction, the folders and workers merged."""
    runs = [this_run(summary) for summary in map(read_summary, folders) if summary is not None]
    jobs = {summary.get("job") for summary in map(read_summary, folders) if summary is not None}
    run: dict[str, Any] = {"finish_reason": MERGE_REASON, "run_id": None}
    for name in (*RUN_ENTRY_COUNTS, "bytes"):
        values = [entry[name] for entry in runs if isinstance(entry.get(name), int)]
        run[name] = sum(values)
    status_counts: dict[str, int] = {}
    for entry in runs:
        for status, count in (entry.get("status_counts") or {}).items():
            status_counts[status] = status_counts.get(status, 0) + int(count)
    run["status_counts"] = dict(sorted(status_counts.items()))
    from archiver.crawl.summary import article_totals, parsed_pages

    totals = article_totals(out / ARTICLES_FILE)
    run.update(articles=totals["articles"], items=totals["items"], photos=totals["photos"])
    run["pages"] = parsed_pages(out / PAGES_FILE)
    run["rejects"] = sum(1 for _ in whole_lines(out / REJECTS_FILE))
    starts = sorted(str(entry["started_at"]) for entry in runs if entry.get("started_at"))
    ends = sorted(str(entry["finished_at"]) for entry in runs if entry.get("finished_at"))
    run["started_at"] = starts[0] if starts else None
    run["finished_at"] = ends[-1] if ends else None
    run["errors"] = [error for entry in runs for error in entry.get("errors") or []]
    run["warc_files"] = result.warc_files
    run["recovered_warc_files"] = sorted(result.repaired)
    run["merged_folders"] = [str(folder) for folder in sorted(folders)]
    run["workers"] = sorted({worker for folder in folders if (worker := worker_of(folder))})
    run["wacz"] = result.wacz
    run["outcome"] = "done"
    run["exit_code"] = 0
    job = jobs.pop() if len(jobs) == 1 else None
    return run, job if isinstance(job, str) else None


def merge(out: Path, folders: list[Path], *, jobs: int, wacz: bool = True) -> MergeResult:
    """Merge the crawl folders ``folders`` into ``out`` (see the module's docstring); raises
    :class:`CommandError` before anything is written for inputs that cannot be merged."""
    from archiver.cli.extract import index_and_articles

    folders, idle = split_idle_workers(sorted(check_inputs(out, folders)))
    check_target(out, folders)
    warcs = plan_warcs(folders)
    warc_dir = out / WARC_FOLDER
    warc_dir.mkdir(parents=True, exist_ok=True)
    (out / MARKER_FILE).write_text(json.dumps([str(folder) for folder in folders]) + "\n", encoding="utf-8")
    linked, repaired = 0, {}
    for warc in warcs:
        hard_link, cut = place_warc(warc, warc_dir)
        linked += hard_link
        if warc.open:
            repaired[warc.name] = cut
    names = [warc.name for warc in warcs if (warc_dir / warc.name).is_file()]
    for stale in warc_dir.glob("*.warc.gz"):  # a file an earlier merge of these folders had, gone since
        if stale.name not in names:
            stale.unlink()
    scratch = out / f".{ARTICLES_FILE}.{os.getpid()}.unsorted"
    try:
        sources = [FileSource(warc_dir / name) for name in names]
        warnings, count = index_and_articles(list(sources), [], scratch, jobs)
        sort_articles_file(scratch, out / ARTICLES_FILE)
    finally:
        scratch.unlink(missing_ok=True)
    merge_lines(folders, PAGES_FILE, out / PAGES_FILE)
    merge_lines(folders, REJECTS_FILE, out / REJECTS_FILE)
    result = MergeResult(out, names, repaired, linked, count, warnings)
    run, job = merged_run(folders, result, out)
    run["skipped_folders"] = [str(folder) for folder in idle]
    if wacz:
        from archiver.wacz import write_wacz

        result.wacz = write_wacz(out, job=job or "merge").path.name
        run["wacz"] = result.wacz
    _write_summary(out, build_summary(run, out, job, previous=None))
    return result


def _write_summary(out: Path, summary: dict[str, Any]) -> None:
    from archiver.jsonl import write_jsonl_atomically

    # One "line" holding the whole document: written beside crawl.json and renamed into place.
    write_jsonl_atomically(out / SUMMARY_FILE, [json.dumps(summary, indent=2, ensure_ascii=False) + "\n"])
