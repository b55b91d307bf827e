"""`archiver export`: a crawl's items as one flat table (CSV or Parquet) for analyses.

Exit codes (sysexits, as the crawl's): 0 written; 64 usage (Parquet without pyarrow, Parquet
to standard output); 65 some lines of articles.jsonl are damaged: the table holds every other
line, and one line on standard error names the damaged ones (no line valid: nothing is
written, an earlier table is kept); 66 no articles.jsonl to read;
73 the table cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from archiver.crawl.outcome import CANT_CREATE, DATA_ERROR, NO_INPUT, USAGE

if TYPE_CHECKING:
    from archiver.export.source import Damage

ARTICLES_FILE = "articles.jsonl"
_LINES_NAMED = 10  # damaged line numbers named in the one line; the rest are counted


EXPORT_HELP = "write a crawl's items as one table (CSV or Parquet): one row per item"
EXPORT_DESCRIPTION = (
    "One row per item, the article's columns repeated; an article without items "
    "gets one row with empty item columns. CSV comes with FILE-metadata.json (CSVW) giving "
    "each column's type. Exit codes: 0 written, 64 usage, 65 damaged input lines (left "
    "out, the rest written), 66 no articles.jsonl, 73 output not writable."
)


def add_export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "out",
        type=Path,
        help="a crawl's --out folder, a job's folder (its current state, with a run column), or an "
        "articles.jsonl file",
        metavar="OUT",
    )
    export.add_argument("--format", choices=["csv", "parquet"], default="csv", help="the table's file format")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="table file (default: OUT/items.csv or OUT/items.parquet; - for standard output, CSV only)",
    )
    export.set_defaults(handler=cmd_export)


def _fail(message: str, code: int) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


def _damage_line(damage: Damage, name: str) -> str | None:
    """One line naming the damaged lines (the first ``_LINES_NAMED``) and the first one's fault."""
    if not damage.damaged:
        return None
    first_number, first_reason = damage.damaged[0]
    if len(damage.damaged) == 1:
        return f"left out 1 damaged line of {name} (line {first_number}: {first_reason})"
    numbers = [str(number) for number, _ in damage.damaged]
    named = ", ".join(numbers[:_LINES_NAMED])
    if len(numbers) > _LINES_NAMED:
        named += f" and {len(numbers) - _LINES_NAMED} more"
    return (
        f"left out {len(numbers)} damaged lines of {name} (lines {named}; "
        f"line {first_number}: {first_reason})"
    )


def cmd_export(args: argparse.Namespace) -> int:
    # Imported here: the command line starts without the export's modules (and pydantic).
    from archiver.export.parquet_table import ParquetUnavailable, arrow_schema
    from archiver.export.writing import STDOUT, InputError, NothingValid, OutputError, export_table
    from archiver.outputs import is_job_folder

    articles_file: Path = args.out if args.out.is_file() else args.out / ARTICLES_FILE
    output: Path = args.output or articles_file.parent / f"items.{args.format}"
    if args.format == "parquet":
        if output == STDOUT:
            return _fail("parquet cannot go to standard output: give -o FILE", USAGE)
        try:
            arrow_schema()
        except ParquetUnavailable as error:
            return _fail(str(error), USAGE)
    try:
        state = is_job_folder(articles_file.parent.resolve())  # current state: StateArticle lines
        result = export_table(articles_file, output, args.format, state=state)
    except NothingValid as error:
        return _fail(
            f"{error}; nothing written ({_damage_line(error.damage, articles_file.name)})", DATA_ERROR
        )
    except InputError as error:
        return _fail(str(error), NO_INPUT)
    except OutputError as error:
        return _fail(str(error), CANT_CREATE)
    if result.damage.cut_last_line is not None:
        print(
            f"archiver export: note: left out line {result.damage.cut_last_line} of {articles_file.name}, "
            "cut short (a crawl still writing it, or killed)",
            file=sys.stderr,
        )
    if output != STDOUT:
        where = " and ".join(str(path) for path in result.written)
        print(f"wrote {result.rows} rows ({result.articles} articles) to {where}", file=sys.stderr)
    damaged = _damage_line(result.damage, articles_file.name)
    return _fail(damaged, DATA_ERROR) if damaged else 0
