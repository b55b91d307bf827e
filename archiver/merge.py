"""``archiver merge --out MERGED FOLDER...``: crawl folders (the workers of a distributed crawl,
or any ``archiver crawl --out`` folders, or WACZ files) made into one ordinary crawl folder.

- ``MERGED/warc/`` holds every input WARC under its own name: a hard link when the file system
  allows, else a streamed copy (a WACZ's ``archive/`` members are copied); a killed crawl's
  ``NAME.warc.gz.open`` is copied cut back to its last whole record
  (:func:`archiver.warc.repair.whole_records_length`) as ``NAME.warc.gz``. Two files of one
  name whose whole records differ are an error; agreeing up to the shorter's end, the longer
  is taken.
- ``articles.jsonl`` is re-extracted over all of those files with the re-extraction code
  (:func:`archiver.cli.extract.index_and_articles`, parallel as ``archiver extract --jobs``):
  an article whose pages or photos were fetched by different workers appears once, whole, each
  capture naming the WARC file that holds it.
- ``pages.jsonl``: one line per URL, the capture that wins; ``rejects.jsonl``: the inputs'
  whole lines, each once, sorted; ``crawl.json``: counts re-derived from MERGED's files, the
  inputs' sums and outcomes under ``run.inputs``, the worst outcome as the merge's; the WACZ.

Inputs are only read, and refused while a crawl holds their lock; the merge holds MERGED's.
Each file is written beside its target and renamed into place, and the marker says
``finished`` only once crawl.json is written, so a failure leaves a merge marked unfinished
that a rerun completes; running it again with the same inputs gives the same files. Every
file of MERGED but the WACZ is the same bytes whatever the order of the inputs given.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import sys
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from archiver.article_file import sort_articles_file
from archiver.crawl.outcome import DATA_ERROR, DONE, LOCKED, NO_INPUT, PARTIAL, STOPPED, USAGE, CommandError
from archiver.crawl.summary import RUN_ENTRY_COUNTS, SUMMARY_FILE, build_summary, read_summary, this_run
from archiver.locking import LOCK_FILE, OutputLock, OutputLocked, lock_holder
from archiver.outputs import ARTICLES_FILE, WARC_FOLDER
from archiver.warc.repair import whole_records_length
from archiver.warc.source import FileSource, WarcSource

OPEN_SUFFIX = ".open"
PAGES_FILE = "pages.jsonl"
REJECTS_FILE = "rejects.jsonl"
MERGE_REASON = "merged"
WORKER_ID_FILE = "worker-id"  # archiver.distributed.worker_id's file in a worker's --out folder
# {"folders": [absolute paths], "finished": bool}: written first with finished false, rewritten
# true after crawl.json; a merge that failed half-way says so, and a rerun completes it.
MARKER_FILE = ".archiver-merge.json"
_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputWarc:
    """A WARC file of an input folder: ``path`` as it is there, ``name`` it gets in MERGED/warc
    (``.open`` dropped), ``open``: left open by a killed crawl (repaired in the copy);
    ``member``: a WACZ's ``archive/`` member (``path`` is then the WACZ), copied into MERGED."""

    path: Path
    name: str
    open: bool
    member: WarcSource | None = None
    member_size: int = 0

    def reader(self) -> BinaryIO:
        """A new binary stream over the file's bytes, which the caller closes."""
        return self.member.open() if self.member is not None else self.path.open("rb")


@dataclass
class MergeResult:
    out: Path
    warc_files: list[str]
    repaired: dict[str, int]  # WARC name -> bytes cut from a killed crawl's .open file
    linked: int  # how many WARC files are hard links (the others are copies)
    articles: int
    warnings: list[str] = field(default_factory=list)
    wacz: str | None = None
    wacz_error: str | None = None  # why the WACZ was not written (a damaged WARC), terminal-safe
    exit_code: int = DONE  # crawl.json's verdict over the inputs (archiver.merge.worst_exit)
    taken: set[Path] = field(default_factory=set)  # the input files MERGED/warc's files are of


def input_warcs(folder: Path) -> list[InputWarc]:
    """The WARC files of a crawl folder, closed and ``.open``, by name; of a WACZ file, or of a
    folder holding WACZ files and no ``warc/`` files, the WACZ's ``archive/`` WARC members.
    Raises :class:`CommandError`: 66 when there is none, 65 for a WACZ that cannot be read."""
    warc_dir = folder / WARC_FOLDER
    found = [
        InputWarc(path, path.name.removesuffix(OPEN_SUFFIX), path.name.endswith(OPEN_SUFFIX))
        for path in sorted(warc_dir.glob("*.warc.gz*"))
        if folder.is_dir() and path.is_file() and path.name.endswith((".warc.gz", ".warc.gz" + OPEN_SUFFIX))
    ]
    if not found:
        packages = [folder] if folder.is_file() else sorted(folder.glob("*.wacz"))
        found = [warc for wacz in packages for warc in _wacz_warcs(wacz)]
    if not found:
        raise CommandError(
            f"{folder} holds no WARC files (warc/*.warc.gz) nor a WACZ; give the --out folders of "
            "crawls or workers, or WACZ files",
            NO_INPUT,
        )
    return found


def _wacz_warcs(wacz: Path) -> list[InputWarc]:
    from archiver.wacz import WaczReadError, warc_sources

    try:
        members = warc_sources(wacz)
    except (WaczReadError, OSError) as error:
        raise CommandError(f"{printable(str(error))}; give crawl folders or WACZ files", DATA_ERROR) from None
    return [InputWarc(wacz, member.name, False, member, member.size) for member in members]


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
        if not folder.is_dir() and not folder.is_file():
            raise CommandError(
                f"{folder} is neither a folder nor a WACZ file; give the --out folders of crawls or "
                "workers, or WACZ files",
                NO_INPUT,
            )
        path = folder.resolve()
        holder = lock_holder(path)
        if holder is not None:
            raise CommandError(
                f"a crawl ({holder or 'pid unknown'}) is writing into {folder}; wait for it to end, "
                "then merge (nothing written)",
                LOCKED,
            )
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
    if not any(path.name != LOCK_FILE for path in out.iterdir()):
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
        marker = json.loads((out / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folders = marker.get("folders") if isinstance(marker, dict) else marker  # a list: the first format
    return [str(folder) for folder in folders] if isinstance(folders, list) else None


def _write_marker(out: Path, folders: list[Path], *, finished: bool) -> None:
    from archiver.jsonl import write_jsonl_atomically

    marker = {"folders": [str(folder) for folder in folders], "finished": finished}
    write_jsonl_atomically(out / MARKER_FILE, [json.dumps(marker) + "\n"])


def plan_warcs(folders: list[Path]) -> list[InputWarc]:
    """Every input WARC once, by name; raises :class:`CommandError` (65) for two files of the
    same name whose whole records differ. Two files of one name whose whole records agree up to
    the shorter one's end (the same bytes, or a killed crawl's ``.open`` file and the copy its
    resumed crawl closed) are taken once: the longer, a closed file over an open one."""
    by_name: dict[str, InputWarc] = {}
    for folder in folders:
        for warc in input_warcs(folder):
            seen = by_name.get(warc.name)
            if seen is None:
                by_name[warc.name] = warc
                continue
            kept = _same_records(seen, warc)
            if kept is None:
                raise CommandError(
                    f"{seen.path} and {warc.path} share the name {warc.name} but hold different records; "
                    "nothing merged (two crawls given the same --job, or none, that started in the same "
                    "second name their files alike: give each crawl its own --job)",
                    DATA_ERROR,
                )
            by_name[warc.name] = kept
    return [by_name[name] for name in sorted(by_name)]


def _whole_length(warc: InputWarc) -> int:
    if warc.member is not None:
        return warc.member_size
    return whole_records_length(warc.path) if warc.open else warc.path.stat().st_size


def _same_records(first: InputWarc, second: InputWarc) -> InputWarc | None:
    """The one of two same-named files to take, or None if their records differ (see
    :func:`plan_warcs`); ties go to the closed file, then to ``first``."""
    first_length, second_length = _whole_length(first), _whole_length(second)
    if not _prefix_equal(first.reader, second.reader, min(first_length, second_length)):
        return None
    if first_length != second_length:
        return first if first_length > second_length else second
    return second if first.open and not second.open else first


def place_warc(warc: InputWarc, warc_dir: Path) -> tuple[bool, int]:
    """Put ``warc`` in ``warc_dir`` under its name, replacing a file of that name that differs;
    returns (hard linked, bytes cut from an ``.open`` file). The input is only read."""
    target = warc_dir / warc.name
    temp = warc_dir / f".{warc.name}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    if warc.open:
        length = whole_records_length(warc.path)
        cut = warc.path.stat().st_size - length
        if target.is_file() and target.stat().st_size == length and _same_prefix(warc, target, length):
            return False, cut
        _copy_prefix(warc, temp, length)
        os.replace(temp, target)
        return False, cut
    if warc.member is not None:  # a WACZ's member: a streamed copy
        if not (target.is_file() and target.stat().st_size == warc.member_size) or not _same_prefix(
            warc, target, warc.member_size
        ):
            _copy_prefix(warc, temp, warc.member_size)
            os.replace(temp, target)
        return False, 0
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


def _copy_prefix(source: InputWarc, target: Path, length: int) -> None:
    with source.reader() as reader, target.open("wb") as writer:
        left = length
        while left:
            chunk = reader.read(min(_COPY_CHUNK, left))
            if not chunk:
                break
            writer.write(chunk)
            left -= len(chunk)
        writer.flush()
        os.fsync(writer.fileno())


def _same_prefix(warc: InputWarc, target: Path, length: int) -> bool:
    return _prefix_equal(warc.reader, lambda: target.open("rb"), length)


def _prefix_equal(source: Callable[[], BinaryIO], other: Callable[[], BinaryIO], length: int) -> bool:
    with source() as first, other() as second:
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
    except (FileNotFoundError, NotADirectoryError):  # none, or the input is a WACZ file
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


def _page_rank(line: str) -> tuple[bool, str, str]:
    """The capture of a URL that wins in pages.jsonl, as in the re-extraction: an answer that
    was parsed (2xx) over one that was not, then the latest, then the line (a fixed order)."""
    entry = json.loads(line)
    status = entry.get("status")
    parsed = isinstance(status, int) and 200 <= status < 300
    return (parsed, str(entry.get("fetched_at") or ""), line)


def merge_lines(folders: list[Path], name: str, target: Path, *, by_url: bool = False) -> int:
    """``name`` of every folder, each whole line once (``by_url``: one line per URL, the capture
    that wins, :func:`_page_rank`), in WARC order, written to ``target`` atomically; returns the
    line count."""
    from archiver.jsonl import write_jsonl_atomically

    lines = {line for folder in folders for line in whole_lines(folder / name)}
    if by_url:
        best: dict[str, str] = {}
        for line in lines:
            url = str(json.loads(line).get("url") or line)
            if url not in best or _page_rank(line) > _page_rank(best[url]):
                best[url] = line
        lines = set(best.values())
    return write_jsonl_atomically(target, sorted(lines, key=_page_order))


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


def printable(text: str, limit: int = 300) -> str:
    """``text`` safe for one terminal line: control and undecodable characters escaped
    (``\\x1b``), cut to ``limit`` characters."""
    escaped = "".join(
        char if char.isprintable() and char != "\ufffd" else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
    return escaped if len(escaped) <= limit else escaped[: limit - 3] + "..."


def finished_jobs(folders: list[Path]) -> set[str]:
    """The distributed jobs a worker among ``folders`` saw to their end (its crawl.json: a
    ``worker_id``, the ``job``, finish reason ``finished``): the job's frontier was empty and no
    live worker held work, so every request a killed worker of the job had taken was handed
    back and done by another."""
    jobs: set[str] = set()
    for folder in folders:
        summary = read_summary(folder) if folder.is_dir() else None
        run = this_run(summary) if summary is not None else {}
        if run.get("worker_id") and run.get("job") and run.get("finish_reason") == "finished":
            jobs.add(str(run["job"]))
    return jobs


def input_outcome(
    folder: Path, taken: set[Path] | None = None, finished: Collection[str] = ()
) -> dict[str, Any]:
    """How the crawl of an input folder ended: ``{"folder", "outcome", "exit_code"}`` from its
    crawl.json; ``killed`` (3) without one, or with a WARC file left ``.open`` (a run killed
    after an earlier one wrote crawl.json), unless none of its files is among ``taken`` (the
    input files the merge took): then another input (a copy of the folder, resumed) holds all
    it wrote, and it is ``resumed elsewhere`` (0). A worker of a job in ``finished``
    (:func:`finished_jobs`) that was killed or stopped is ``taken over`` (0, or 2 when its own
    run recorded errors): the job's other workers did its work."""
    summary = read_summary(folder) if folder.is_dir() else None
    warcs = input_warcs(folder)
    if summary is None and all(warc.member is not None for warc in warcs):
        return {"folder": str(folder), "outcome": "packaged", "exit_code": DONE}  # a WACZ's crawl
    if summary is None or any(warc.open for warc in warcs):
        if taken is not None and not any(warc.path in taken for warc in warcs):
            return {"folder": str(folder), "outcome": "resumed elsewhere", "exit_code": DONE}
        worker = worker_of(folder)
        # A worker's WARC names are "<job>-<worker id>-...": which job it was a worker of.
        if worker and any(warc.name.startswith(f"{job}-{worker}-") for job in finished for warc in warcs):
            return {"folder": str(folder), "outcome": "taken over", "exit_code": DONE}
        return {"folder": str(folder), "outcome": "killed", "exit_code": STOPPED}
    run = this_run(summary)
    code = run.get("exit_code")
    if code == STOPPED and run.get("worker_id") and str(run.get("job")) in finished:
        # A worker stopped (a signal, a limit) hands its work back; the job's other workers did it.
        taken_code = PARTIAL if run.get("errors") else DONE
        return {"folder": str(folder), "outcome": "taken over", "exit_code": taken_code}
    return {
        "folder": str(folder),
        "outcome": str(run.get("outcome") or "unknown"),
        "exit_code": code if isinstance(code, int) else PARTIAL,
    }


def worst_exit(codes: list[int]) -> int:
    """The merge's verdict over its inputs' exit codes: stopped or killed (3) over failures
    (2, and any other non-zero) over done (0)."""
    if STOPPED in codes:
        return STOPPED
    return PARTIAL if any(code != DONE for code in codes) else DONE


def merged_run(folders: list[Path], result: MergeResult, out: Path) -> tuple[dict[str, Any], str | None]:
    """crawl.json's run fields of the merge and the job name the inputs share (None if they
    differ or say none). Each count at the run's level is re-derived from MERGED's own files;
    the inputs' counts, summed, are under ``inputs.sums``, each input's outcome under
    ``inputs.folders``; the outcome is the worst of the inputs' and of the damage found."""
    summaries = [(folder, read_summary(folder)) for folder in folders]
    runs = [this_run(summary) for _, summary in summaries if summary is not None]
    jobs = {summary.get("job") for _, summary in summaries if summary is not None}
    run: dict[str, Any] = {"finish_reason": MERGE_REASON, "run_id": None}
    sums: dict[str, Any] = {}
    for name in (*RUN_ENTRY_COUNTS, "bytes"):
        values = [entry[name] for entry in runs if isinstance(entry.get(name), int)]
        sums[name] = sum(values)
    status_counts: dict[str, int] = {}
    for entry in runs:
        for status, count in (entry.get("status_counts") or {}).items():
            status_counts[status] = status_counts.get(status, 0) + int(count)
    sums["status_counts"] = dict(sorted(status_counts.items()))
    from archiver.crawl.summary import article_totals, parsed_pages

    totals = article_totals(out / ARTICLES_FILE)
    run.update(articles=totals["articles"], items=totals["items"], photos=totals["photos"])
    run["pages"] = parsed_pages(out / PAGES_FILE)
    run["rejects"] = sum(1 for _ in whole_lines(out / REJECTS_FILE))
    starts = sorted(str(entry["started_at"]) for entry in runs if entry.get("started_at"))
    ends = sorted(str(entry["finished_at"]) for entry in runs if entry.get("finished_at"))
    run["started_at"] = starts[0] if starts else None
    run["finished_at"] = ends[-1] if ends else None
    finished = finished_jobs(folders)
    outcomes = [input_outcome(folder, result.taken, finished) for folder in folders]
    errors: list[Any] = [error for entry in runs for error in entry.get("errors") or []]
    errors += [
        f"{item['folder']}: its crawl ended {item['outcome']}" for item in outcomes if item["exit_code"]
    ]
    errors += [f"damaged: {warning}" for warning in result.warnings]
    run["errors"] = errors
    run["warc_files"] = result.warc_files
    run["recovered_warc_files"] = sorted(result.repaired)
    # A merge of merges lists the folders and workers its inputs merged, not the merges.
    merged: set[str] = set()
    workers: set[str] = set()
    for folder, summary in summaries:
        earlier = this_run(summary) if summary is not None else {}
        merged.update(earlier.get("merged_folders") or [str(folder)])
        workers.update(earlier.get("workers") or [])
        if worker := worker_of(folder):
            workers.add(worker)
    run["merged_folders"] = sorted(merged)
    run["workers"] = sorted(workers)
    run["inputs"] = {"folders": outcomes, "sums": sums}
    run["wacz"] = result.wacz
    code = worst_exit([item["exit_code"] for item in outcomes] + [PARTIAL] * bool(result.warnings))
    run["exit_code"] = code
    run["outcome"] = {DONE: "done", PARTIAL: "partial", STOPPED: "stopped"}[code]
    job = jobs.pop() if len(jobs) == 1 else None
    return run, job if isinstance(job, str) else None


def merge(out: Path, folders: list[Path], *, jobs: int, wacz: bool = True) -> MergeResult:
    """Merge the crawl folders ``folders`` into ``out`` (see the module's docstring); raises
    :class:`CommandError` before anything is written for inputs that cannot be merged (75
    for an input a crawl is writing into, or a MERGED another merge is writing)."""
    folders, idle = split_idle_workers(sorted(check_inputs(out, folders)))
    check_target(out, folders)
    warcs = plan_warcs(folders)
    lock = OutputLock(out)
    try:
        lock.acquire("merge")
    except OutputLocked as error:
        raise CommandError(
            f"another merge or crawl ({error.holder or 'pid unknown'}) is writing into {out}; "
            "wait for it to end",
            LOCKED,
        ) from None
    try:
        check_target(out, folders)  # again, under the lock: another merge may have ended meanwhile
        return _merge_locked(out, folders, warcs, idle, jobs=jobs, wacz=wacz)
    finally:
        lock.release()


def _merge_locked(
    out: Path, folders: list[Path], warcs: list[InputWarc], idle: list[Path], *, jobs: int, wacz: bool
) -> MergeResult:
    from archiver.cli.extract import index_and_articles

    warc_dir = out / WARC_FOLDER
    warc_dir.mkdir(parents=True, exist_ok=True)
    _write_marker(out, folders, finished=False)
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
    merge_lines(folders, PAGES_FILE, out / PAGES_FILE, by_url=True)
    merge_lines(folders, REJECTS_FILE, out / REJECTS_FILE)
    result = MergeResult(out, names, repaired, linked, count, [printable(warning) for warning in warnings])
    result.taken = {warc.path for warc in warcs}
    run, job = merged_run(folders, result, out)
    run["skipped_folders"] = [str(folder) for folder in idle]
    if wacz:
        from archiver.wacz import WaczError, write_wacz

        try:
            result.wacz = write_wacz(out, job=job or "merge").path.name
        except WaczError as error:
            result.wacz_error = printable(str(error))
            run["errors"].append(f"no WACZ: {result.wacz_error}")
        run["wacz"] = result.wacz
    _write_summary(out, build_summary(run, out, job, previous=None))
    _write_marker(out, folders, finished=True)
    result.exit_code = run["exit_code"]
    return result


def _write_summary(out: Path, summary: dict[str, Any]) -> None:
    from archiver.jsonl import write_jsonl_atomically

    # One "line" holding the whole document: written beside crawl.json and renamed into place.
    write_jsonl_atomically(out / SUMMARY_FILE, [json.dumps(summary, indent=2, ensure_ascii=False) + "\n"])
