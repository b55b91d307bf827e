"""`archiver wacz`: a crawl's output folder as one WACZ file, and `--check` of a WACZ.

Exit codes (sysexits, as the crawl's): 0 written (or checked sound); 64 usage; 65 damaged
input (a WARC or pages.jsonl that cannot be read; with --check: the problems found, one line
each); 66 not an output folder or no WARC file in it; 73 the WACZ cannot be written; 75 a crawl
is writing into the folder (it writes the WACZ itself when it ends), or wrote into it while it
was packaged (run again).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from archiver.crawl.outcome import CANT_CREATE, DATA_ERROR, LOCKED, NO_INPUT, USAGE

if TYPE_CHECKING:
    from archiver.wacz import WaczSummary

WACZ_HELP = "package a crawl's output folder as a WACZ file (ReplayWeb.page opens it)"
WACZ_DESCRIPTION = (
    "Writes OUT/<job>.wacz (WACZ 1.1.1: the WARCs as they are, a sorted index, the article pages "
    "in pages/pages.jsonl, sha256 digests); a crawl writes it at its end already unless --no-wacz. "
    "--check FILE checks a WACZ (digests, sorted index, pages in the index). Exit codes: 0 done, "
    "64 usage, 65 damaged input (or problems found by --check), 66 no output folder or no WARC "
    "file, 73 the WACZ cannot be written, 75 a crawl is writing (or wrote) into OUT meanwhile."
)

_EXIT_CODES = {"input": NO_INPUT, "damaged": DATA_ERROR, "output": CANT_CREATE, "changed": LOCKED}


def add_wacz_arguments(wacz: argparse.ArgumentParser) -> None:
    wacz.add_argument("out", type=Path, nargs="?", metavar="OUT", help="a crawl's --out folder")
    wacz.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="the WACZ file (default: OUT/<job>.wacz)"
    )
    wacz.add_argument("--check", type=Path, metavar="FILE", help="check this WACZ instead of writing one")
    wacz.set_defaults(handler=cmd_wacz)


def _crawl_writing(out: Path) -> str | None:
    """Who holds the crawl lock of ``out`` (:func:`archiver.locking.lock_holder`)."""
    from archiver.locking import lock_holder

    return lock_holder(out)


def _fail(message: str, code: int) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


def cmd_wacz(args: argparse.Namespace) -> int:
    if (args.check is None) == (args.out is None) or (args.check is not None and args.output):
        return _fail(
            "give OUT (and -o FILE) to write a WACZ, or --check FILE; see archiver wacz --help", USAGE
        )
    if args.check is not None:
        return _check(args.check)
    from archiver.wacz import WaczError, write_wacz

    holder = _crawl_writing(args.out)
    if holder is not None:
        return _fail(
            f"a crawl ({holder or 'pid unknown'}) is writing into {args.out}; wait for it to end "
            "(it writes the WACZ itself)",
            LOCKED,
        )
    try:
        summary = write_wacz(args.out, args.output)
    except WaczError as error:
        return _fail(str(error), _EXIT_CODES.get(error.kind, DATA_ERROR))
    print(f"wrote {summary.path} ({summary.bytes:,} bytes): {describe(summary)}")
    return 0


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def describe(summary: WaczSummary) -> str:
    """What a WACZ holds, in a few words: '2 WARC files, 91 index lines (cdxj), 8 article
    pages, 1 other page'."""
    return (
        f"{_n(len(summary.warc_files), 'WARC file')}, {_n(summary.index_lines, 'index line')} "
        f"({summary.index_kind}), {_n(summary.pages, 'article page')}, "
        f"{_n(summary.extra_pages, 'other page')}"
    )


def _check(path: Path) -> int:
    from archiver.wacz import check_wacz

    warnings: list[str] = []
    try:
        problems = check_wacz(path, warnings)
    except OSError as error:
        return _fail(f"cannot read {path}: {error.strerror or error}", NO_INPUT)
    for warning in warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return DATA_ERROR
    print(f"{path}: sound (digests, sorted index, pages in the index)")
    return 0
