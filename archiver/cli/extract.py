"""`archiver extract`: articles re-extracted from WARC files."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from archiver.article_file import lines_in_capture_order, sort_articles_file
from archiver.jsonl import write_jsonl_atomically


def cmd_extract(args: argparse.Namespace) -> int:
    from archiver.reextract import WarcIndex, articles_from_index

    index = WarcIndex(args.warcs)
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
