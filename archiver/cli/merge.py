"""`archiver merge --out MERGED FOLDER...`: the workers' folders of a distributed crawl (or any
crawl folders) as one crawl folder (:mod:`archiver.merge`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

MERGE_HELP = "merge crawl folders (the workers of a distributed crawl) into one, articles re-extracted"
MERGE_DESCRIPTION = """\
Make one ordinary crawl folder of several: MERGED/warc/ holds every input WARC file under its own
name (hard links when possible; a killed crawl's .open file repaired in the copy), articles.jsonl is
re-extracted over all of them (an article whose pages or photos were fetched by different workers
appears once, whole, each capture naming the WARC file that holds it), pages.jsonl, rejects.jsonl,
crawl.json and the WACZ. The input folders are only read. Running it again with the same folders
gives the same files.

exit codes: 0 merged, every input crawl done; 2 merged, but an input crawl was partial or a WARC
was damaged (its records left out); 3 merged, but an input crawl was stopped or killed (run it
again, then merge again); 65 merged but no WACZ (a damaged WARC), or two files of one name with
different records; 64 bad arguments; 66 a folder without WARC files; 73 --out not empty and not a
merge of these folders; 75 a crawl is writing into an input, or another merge into --out."""


def add_merge_arguments(
    parser: argparse.ArgumentParser, folder: Callable[[str], Path], jobs: Callable[[str], int]
) -> None:
    """The merge command's arguments; ``folder`` and ``jobs`` convert --out and --jobs."""
    parser.add_argument(
        "folders", nargs="+", type=Path, metavar="FOLDER", help="crawl or worker --out folders"
    )
    parser.add_argument(
        "--out", required=True, type=folder, metavar="MERGED", help="new (or empty) folder for the merge"
    )
    parser.add_argument(
        "--jobs", type=jobs, default=None, metavar="N", help="processes parsing pages (default: every core)"
    )
    parser.add_argument("--no-wacz", action="store_true", help="do not write MERGED/<job>.wacz")
    parser.set_defaults(handler=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from archiver.cli.extract import default_jobs
    from archiver.merge import merge

    result = merge(args.out, args.folders, jobs=args.jobs or default_jobs(), wacz=not args.no_wacz)
    from archiver.crawl.outcome import DATA_ERROR

    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for name, cut in result.repaired.items():
        print(
            f"repaired {name} (left open by a killed crawl): {cut} bytes of a cut record left out",
            file=sys.stderr,
        )
    print(
        f"merged {len(args.folders)} folders into {args.out}: {len(result.warc_files)} WARC files "
        f"({result.linked} hard links), {result.articles} articles"
        + (f", {result.wacz}" if result.wacz else ""),
        file=sys.stderr,
    )
    if result.wacz_error is not None:
        print(f"archiver: error: no WACZ written: {result.wacz_error}", file=sys.stderr)
        return DATA_ERROR
    return result.exit_code
