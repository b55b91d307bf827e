"""keep_runs: the run folders past the newest ``keep_runs`` are removed, except the WARC files
something kept still needs.

A WARC file of an old run stays when a kept run's revisit record refers to one of its records
(by WARC-Refers-To, or by target URI and date), when a file kept for that reason refers into it
in turn, or when the current state names it (an article last fetched by that run). Everything
else of the old run goes (its JSONL files, crawl.json, the other WARCs); the folder goes once
nothing in it is needed. A revisit therefore never points at a record that is not on disk.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from archiver.job.runs import run_folders

logger = logging.getLogger(__name__)


@dataclass
class _WarcRefs:
    """A WARC file's records (ids, (URI, date) pairs) and what its revisits refer to."""

    ids: set[str] = field(default_factory=set)
    uri_dates: set[tuple[str, str]] = field(default_factory=set)
    refers_ids: set[str] = field(default_factory=set)
    refers_uri_dates: set[tuple[str, str]] = field(default_factory=set)


def _refs(path: Path) -> _WarcRefs:
    refs = _WarcRefs()
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            headers = record.rec_headers
            record_id = headers.get_header("WARC-Record-ID")
            uri, date = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
            if record_id:
                refs.ids.add(record_id)
            if uri and date:
                refs.uri_dates.add((uri, date))
            if record.rec_type == "revisit":
                refers = headers.get_header("WARC-Refers-To")
                if refers:
                    refs.refers_ids.add(refers)
                target = headers.get_header("WARC-Refers-To-Target-URI")
                when = headers.get_header("WARC-Refers-To-Date")
                if target and when:
                    refs.refers_uri_dates.add((target, when))
    return refs


def state_files(state: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(run, WARC file name) of every page and photo capture the current state cites."""
    cited = set()
    for line in state:
        run = str(line.get("run", ""))
        for page in line.get("pages") or []:
            cited.add((run, str(page.get("warc_filename"))))
        for item in line.get("items") or []:
            for image in item.get("images") or []:
                capture = image.get("capture") or {}
                if capture.get("warc_filename"):
                    cited.add((run, str(capture["warc_filename"])))
    return cited


@dataclass
class Pruned:
    """One old run: ``kept`` the WARC file names left in it (needed), ``removed`` whether the
    whole folder went."""

    run: str
    kept: list[str]
    removed: bool


def prune_runs(job_dir: Path, keep_runs: int, state: Iterable[Mapping[str, Any]]) -> list[Pruned]:
    """Prune the job's run folders past the newest ``keep_runs``; returns what became of each
    one pruned now (folders pruned before and unchanged now are not listed)."""
    folders = run_folders(job_dir)
    kept, old = folders[-keep_runs:], folders[:-keep_runs]
    if not old:
        return []
    cited = state_files(state)
    refers_ids: set[str] = set()
    refers_uri_dates: set[tuple[str, str]] = set()
    for folder in kept:
        for path in sorted((folder / "warc").glob("*.warc.gz")):
            refs = _refs(path)
            refers_ids |= refs.refers_ids
            refers_uri_dates |= refs.refers_uri_dates
    candidates = {path: _refs(path) for folder in old for path in sorted((folder / "warc").glob("*.warc.gz"))}
    needed: set[Path] = {path for path in candidates if (path.parent.parent.name, path.name) in cited}
    changed = True
    while changed:  # a kept file's own revisits may refer further back
        changed = False
        for path, refs in candidates.items():
            if path in needed:
                continue
            if refs.ids & refers_ids or refs.uri_dates & refers_uri_dates:
                needed.add(path)
                changed = True
        for path in needed:
            refers_ids |= candidates[path].refers_ids
            refers_uri_dates |= candidates[path].refers_uri_dates
    report = []
    for folder in old:
        keep = sorted(path.name for path in needed if path.parent.parent == folder)
        before = sorted(entry.name for entry in folder.rglob("*"))
        for entry in list(folder.iterdir()):
            if entry.name == "warc" and keep:
                for path in entry.iterdir():
                    if path.name not in keep:
                        path.unlink()
            elif entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        if not keep:
            folder.rmdir()
        after = sorted(entry.name for entry in folder.rglob("*")) if keep else []
        if before != after:
            report.append(Pruned(folder.name, keep, removed=not keep))
            if keep:
                logger.info(
                    "run %s pruned (keep_runs %d); kept %d WARC file(s) that later runs' revisits or "
                    "the current state refer to: %s",
                    folder.name,
                    keep_runs,
                    len(keep),
                    ", ".join(keep),
                )
            else:
                logger.info("run %s removed (keep_runs %d)", folder.name, keep_runs)
    return report


def job_warcs(job_dir: Path) -> list[Path]:
    """Every WARC file of the job's run folders (kept runs, and what pruning kept of the others)."""
    return [path for folder in run_folders(job_dir) for path in sorted((folder / "warc").glob("*.warc.gz"))]
