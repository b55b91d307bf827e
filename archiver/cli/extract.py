"""`archiver extract`: articles re-extracted from WARC files, or from the WARCs inside WACZ files
(read in place from the ZIP, not extracted), or both mixed."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from archiver.article_file import lines_in_capture_order, sort_articles_file
from archiver.crawl.outcome import DATA_ERROR, NO_INPUT, CommandError
from archiver.jsonl import write_jsonl_atomically
from archiver.outputs import is_zip, output_folder
from archiver.warc.source import WarcSource, as_source

_is_zip = is_zip


def warc_inputs(paths: list[Path]) -> list[WarcSource]:
    """Each WARC file as it is; each WACZ (a ZIP file, whatever its name, or a ``.wacz``) as its
    ``archive/`` WARC members. Raises :class:`CommandError` (65) for a ZIP or ``.wacz`` that is
    not a WACZ."""
    from archiver.wacz import WaczReadError, warc_sources

    sources: list[WarcSource] = []
    for path in paths:
        if not (_is_zip(path) or path.suffix.lower() == ".wacz"):
            sources.append(as_source(path))
            continue
        try:
            sources.extend(warc_sources(path))
        except WaczReadError as error:
            raise CommandError(f"{error}; give WARC files or a WACZ", DATA_ERROR) from None
    return sources


def reference_inputs(warcs: list[Path], refer_to: list[Path]) -> list[WarcSource]:
    """The reference-only WARCs: those given with ``--refer-to``, and, when every WARC given is
    in the ``warc`` folder of a job's run (``OUT/runs/<ts>/warc``), the other runs' WARCs."""
    found: list[Path] = list(refer_to)
    run_dirs = {path.resolve().parent.parent for path in warcs if path.resolve().parent.name == "warc"}
    if len(run_dirs) == 1 and all(path.resolve().parent.name == "warc" for path in warcs):
        given = {path.resolve() for path in [*warcs, *refer_to]}
        found += [path for path in output_folder(run_dirs.pop()).references if path.resolve() not in given]
    return warc_inputs(found)


def expand_folders(paths: list[Path]) -> list[Path]:
    """Each folder given as the WARC files it stands for (:func:`archiver.outputs.output_folder`):
    a crawl's or a job run's ``warc/*.warc.gz``; a job folder's latest run (whose revisits
    resolve in the other runs, found as references by :func:`reference_inputs`). Files are
    kept as given. Raises :class:`CommandError` (66) for a folder without WARC files."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        folder = output_folder(path)
        latest = folder.latest_run() if folder.kind == "job" else folder
        if latest is None or not latest.warcs:
            raise CommandError(
                f"{path} holds no WARC files (warc/*.warc.gz, or runs/<ts>/warc/ of a job); "
                "give a crawl's --out folder, a job's folder, or WARC/WACZ files",
                NO_INPUT,
            )
        if folder.kind == "job":
            print(f"extracting the latest run of job folder {path}: {latest.path.name}", file=sys.stderr)
        found += latest.warcs
    return found


def index_and_articles(
    sources: list[WarcSource],
    references: list[WarcSource],
    scratch: Path,
    jobs: int,
    range_bytes: int | None = None,
) -> tuple[list[str], int]:
    """Re-extract the articles of ``sources`` into the file ``scratch`` (unsorted JSON lines,
    written atomically) with ``jobs`` processes (1: this one only; more: records read and
    articles made by worker processes, :mod:`archiver.parallel_extract`, the same bytes).
    Returns the index's warnings and the number of articles written."""
    if jobs <= 1:
        from archiver.reextract import WarcIndex, articles_from_index

        index = WarcIndex(sources, references=references)
        lines: Iterator[str] = (article.to_json() for article in articles_from_index(index))
    else:
        from archiver.parallel_extract import RANGE_BYTES, article_lines, read_index

        index = read_index(sources, references, jobs, range_bytes or RANGE_BYTES, _load_the_parser)
        lines = article_lines(index, jobs)
    # The index is only read from here on: frozen, the garbage collector stops walking it
    # again and again while the pages' parse trees come and go (7% of one process's time on
    # the bench crawl), and worker processes forked with it leave its memory shared.
    gc.freeze()
    try:
        return index.warnings, write_jsonl_atomically(scratch, lines)
    finally:
        gc.unfreeze()


def _load_the_parser() -> None:
    """Import what making articles needs (the parser, pydantic's models, the stitching: ~0.35 s),
    while the reading's workers, forked before, read the first ranges."""
    import archiver.reextract  # noqa: F401 - imported for its import time, used in phase 2


def cmd_extract(args: argparse.Namespace) -> int:
    warcs = expand_folders(args.warcs)
    to_stdout = args.output == Path("-")
    if to_stdout:
        scratch = Path(tempfile.gettempdir()) / f".archiver-extract.{os.getpid()}.unsorted"
    else:  # beside the output: as large as the output, so on the disk the user chose for it
        scratch = args.output.parent / f".{args.output.name}.{os.getpid()}.unsorted"
    jobs = args.jobs or default_jobs()
    try:
        # Articles are written as they are stitched, then the file is sorted into capture order:
        # memory stays flat however many articles the WARCs hold.
        warnings, count = index_and_articles(
            warc_inputs(warcs), reference_inputs(warcs, args.refer_to), scratch, jobs
        )
        for warning in warnings:  # damage, unresolvable revisits, bodies that do not decode
            print(f"warning: {warning}", file=sys.stderr)
        if to_stdout:
            for line in lines_in_capture_order(scratch):
                sys.stdout.write(line)
        else:
            sort_articles_file(scratch, args.output)
            print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    finally:
        scratch.unlink(missing_ok=True)
    return 0


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity; where the system has none, such as
    macOS, every core), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
