"""Exporting a crawl's ``articles.jsonl`` to a table file: the whole flow behind ``archiver
export``, with the errors a command reports told apart (input, output, missing pyarrow).

The table is written to a temporary file beside the output and renamed over it at the end:
an interrupted export leaves the earlier table (if any) as it was, never half a file. Files
are created with the umask's mode, like the crawl's own outputs.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from archiver.export.csv_table import CsvTableWriter, csvw_metadata
from archiver.export.parquet_table import ParquetTableWriter
from archiver.export.source import Damage, articles_in
from archiver.export.table import COLUMNS, STATE_COLUMNS, Column, rows_of
from archiver.models import Article, StateArticle

Format = Literal["csv", "parquet"]
STDOUT = Path("-")


class InputError(Exception):
    """``articles.jsonl`` cannot be found or read; the message names it."""


class OutputError(Exception):
    """The table cannot be written; the message names the file and why."""


class NothingValid(Exception):
    """``articles.jsonl`` has lines but none is an article record: nothing is written (an
    earlier table stays as it was); ``damage`` names the lines."""

    def __init__(self, message: str, damage: Damage) -> None:
        super().__init__(message)
        self.damage = damage


@dataclass
class ExportResult:
    articles: int = 0
    rows: int = 0
    written: list[Path] = field(default_factory=list)  # the table, then its CSVW metadata
    damage: Damage = field(default_factory=Damage)


def metadata_path(table: Path) -> Path:
    """Where CSVW readers look for a CSV's metadata: the file's name + ``-metadata.json``."""
    return table.with_name(table.name + "-metadata.json")


def _read(path: Path, damage: Damage, model: type[Article]) -> Iterator[Article]:
    try:
        yield from articles_in(path, damage, model)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error


def _create(path: Path) -> IO[bytes]:
    """A new file, with the umask's mode (``tempfile`` would make it 0600)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    return os.fdopen(descriptor, "wb")


def _write_table(
    articles: Iterator[Article],
    file: IO[bytes],
    fmt: Format,
    result: ExportResult,
    columns: tuple[Column, ...],
) -> None:
    writer: CsvTableWriter | ParquetTableWriter
    if fmt == "csv":
        writer = CsvTableWriter(file, columns)
        writer.write_header()
    else:
        writer = ParquetTableWriter(file, columns)
    for article in articles:
        writer.write_rows(list(rows_of(article)))
        result.articles += 1
    writer.close()
    result.rows = writer.rows


def _replace(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """``write`` into a new temporary file beside ``target``, then rename it over ``target``.
    Raises OutputError naming ``target`` (not the temporary file) when either fails."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with _create(temp) as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {target}: {error.strerror or error}") from error
        raise


def export_table(articles_file: Path, output: Path, fmt: Format, *, state: bool = False) -> ExportResult:
    """Write the item table of ``articles_file`` to ``output`` (``-``: standard output, CSV
    only), plus, for a CSV file, its CSVW metadata beside it. Returns the counts and what was
    left out. ``state``: the file is a job folder's current state (StateArticle lines; the
    table gets a ``run`` column). Raises ``InputError``, ``OutputError``, ``NothingValid`` or
    ``ParquetUnavailable``."""
    if not articles_file.is_file():
        raise InputError(f"no {articles_file.name} in {articles_file.parent} (is it a crawl's --out folder?)")
    result = ExportResult()
    model, columns = (StateArticle, STATE_COLUMNS) if state else (Article, COLUMNS)
    read = _read(articles_file, result.damage, model)
    first = next(read, None)  # read before any output is opened: see NothingValid
    if first is None and result.damage.damaged:
        raise NothingValid(f"no line of {articles_file} is an article record", result.damage)
    articles = read if first is None else itertools.chain([first], read)
    if output == STDOUT:
        _write_table(articles, sys.stdout.buffer, fmt, result, columns)
        sys.stdout.buffer.flush()
        return result
    try:
        _replace(output, lambda file: _write_table(articles, file, fmt, result, columns))
        result.written.append(output)
        if fmt == "csv":
            text = json.dumps(csvw_metadata(output.name, columns), indent=2, ensure_ascii=False) + "\n"
            _replace(metadata_path(output), lambda file: file.write(text.encode("utf-8")))
            result.written.append(metadata_path(output))
    except OSError as error:
        raise OutputError(f"cannot write {error.filename or output}: {error.strerror or error}") from error
    return result
