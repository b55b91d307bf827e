"""`archiver extract`: articles re-extracted from WARC files, or from the WARCs inside WACZ files
(read in place from the ZIP, not extracted), or both mixed."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from archiver.article_file import lines_in_capture_order, sort_articles_file
from archiver.crawl.outcome import DATA_ERROR, CommandError
from archiver.jsonl import write_jsonl_atomically
from archiver.warc.source import WarcSource, as_source

# A ZIP file starts with a local file header, or (empty) the end of its central directory.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def _is_zip(path: Path) -> bool:
    """Whether ``path`` starts as a ZIP file does (a WARC starts with ``WARC/`` or a gzip
    header): what it holds decides, not its name. False when it cannot be read (the WARC
    reader then says why)."""
    try:
        with path.open("rb") as file:
            return file.read(4) in _ZIP_MAGIC
    except OSError:
        return False


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
    from archiver.job.run_context import earlier_run_warcs

    found: list[Path] = list(refer_to)
    run_dirs = {path.resolve().parent.parent for path in warcs if path.resolve().parent.name == "warc"}
    if len(run_dirs) == 1 and all(path.resolve().parent.name == "warc" for path in warcs):
        given = {path.resolve() for path in [*warcs, *refer_to]}
        found += [path for path in earlier_run_warcs(run_dirs.pop()) if path.resolve() not in given]
    return warc_inputs(found)


def cmd_extract(args: argparse.Namespace) -> int:
    from archiver.reextract import WarcIndex, articles_from_index

    index = WarcIndex(warc_inputs(args.warcs), references=reference_inputs(args.warcs, args.refer_to))
    for warning in index.warnings:  # damage, unresolvable revisits, bodies that do not decode
        print(f"warning: {warning}", file=sys.stderr)
    # Articles are written as they are stitched, then the file is sorted into capture order:
    # memory stays flat however many articles the WARCs hold.
    lines = (article.to_json() for article in articles_from_index(index))
    to_stdout = args.output == Path("-")
    if to_stdout:
        scratch = Path(tempfile.gettempdir()) / f".archiver-extract.{os.getpid()}.unsorted"
    else:  # beside the output: as large as the output, so on the disk the user chose for it
        scratch = args.output.parent / f".{args.output.name}.{os.getpid()}.unsorted"
    try:
        count = write_jsonl_atomically(scratch, lines)
        if to_stdout:
            for line in lines_in_capture_order(scratch):
                sys.stdout.write(line)
        else:
            sort_articles_file(scratch, args.output)
            print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    finally:
        scratch.unlink(missing_ok=True)
    return 0
