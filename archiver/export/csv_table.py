"""The item table as CSV (RFC 4180: UTF-8, a header line, CRLF, fields quoted when needed) and
its CSVW metadata (W3C "Metadata Vocabulary for Tabular Data"), which says each column's type.

CSV itself carries no types, and readers guess them from the values: pandas and DuckDB read
``schema_version`` "1.0" as a float, a column empty in every row as float (pandas) or text
(DuckDB), headings such as "1994" as numbers and "NA" as null. The metadata file
(``FILE-metadata.json``, the name CSVW readers look for) lists the types, and the README's
loaders pass them, so the same columns read with the same types from every crawl.

Cells: null is an empty field (so is an empty text), booleans are ``true``/``false``.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from archiver import __version__
from archiver.export.table import COLUMNS, Cell, Column, Row

CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):  # before int: bool is an int
        return "true" if cell else "false"
    return str(cell)


class CsvTableWriter:
    """Writes rows to a binary file object as they come (nothing held back).

    ``write_header()`` once, then ``write_rows()`` any number of times; ``close()`` flushes and
    detaches, leaving ``file`` open for its owner to close. Write errors are the file's
    ``OSError``."""

    def __init__(self, file: IO[bytes], columns: tuple[Column, ...] = COLUMNS) -> None:
        self.columns = columns
        # newline="": the csv module writes its own CRLF line ends.
        self._text = io.TextIOWrapper(file, encoding="utf-8", newline="", write_through=False)
        self._writer = csv.writer(self._text, lineterminator="\r\n")
        self.rows = 0

    def write_header(self) -> None:
        self._writer.writerow([column.name for column in self.columns])

    def write_rows(self, rows: list[Row] | tuple[Row, ...]) -> None:
        self._writer.writerows([_text(cell) for cell in row] for row in rows)
        self.rows += len(rows)

    def close(self) -> None:
        self._text.flush()
        self._text.detach()


def csvw_metadata(csv_name: str, columns: tuple[Column, ...] = COLUMNS) -> dict[str, Any]:
    """The CSVW metadata of a table written to ``csv_name`` (a URL relative to the metadata
    file, normally the CSV's file name): columns in order with their datatypes ("string",
    "integer", "boolean") and what each holds; empty fields are null."""
    return {
        "@context": CSVW_CONTEXT,
        "url": csv_name,
        "dc:title": "listicle-archiver items: one row per item of an article",
        "dc:creator": f"listicle-archiver {__version__}",
        "dialect": {"encoding": "utf-8", "header": True, "lineTerminators": ["\r\n", "\n"]},
        "tableSchema": {
            "columns": [
                {
                    "name": column.name,
                    "titles": column.name,
                    "datatype": column.type,
                    "null": "",
                    "dc:description": column.description,
                }
                for column in columns
            ]
        },
    }
