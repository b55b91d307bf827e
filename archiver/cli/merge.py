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
gives the same files."""


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
    return 0
