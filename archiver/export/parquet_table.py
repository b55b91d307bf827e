"""The item table as Parquet, with an explicit schema: the types are in the file.

Needs pyarrow (the ``parquet`` extra: ``pip install 'listicle-archiver[parquet]'``); without it
``ParquetUnavailable`` says so. Rows are written in row groups of ``ROW_GROUP_ROWS``, so memory
stays flat however many articles the crawl holds.

Column types: ``string`` -> UTF-8 string, ``integer`` -> int64, ``boolean`` -> bool, all
nullable. The file also carries pandas' own metadata naming pandas' nullable dtypes (``Int64``,
``boolean``), so ``pandas.read_parquet`` gives integers with nulls as integers, not floats.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from archiver.export.table import COLUMNS, Column, ColumnType, Row

if TYPE_CHECKING:
    import pyarrow

ROW_GROUP_ROWS = 8_192
PARQUET_INSTALL = "pip install 'listicle-archiver[parquet]'"  # or: pip install pyarrow
# pandas' dtype for each column type when it reads the file (its "pandas" schema metadata).
_PANDAS_DTYPES: dict[ColumnType, tuple[str, str]] = {
    "string": ("unicode", "string"),
    "integer": ("int64", "Int64"),
    "boolean": ("bool", "boolean"),
}


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ParquetUnavailable(f"parquet output needs pyarrow: {PARQUET_INSTALL}") from error
    return pyarrow


def _pandas_metadata(table_columns: tuple[Column, ...]) -> bytes:
    columns = [
        {
            "name": column.name,
            "field_name": column.name,
            "pandas_type": _PANDAS_DTYPES[column.type][0],
            "numpy_type": _PANDAS_DTYPES[column.type][1],
            "metadata": None,
        }
        for column in table_columns
    ]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns}).encode()


def arrow_schema(columns: tuple[Column, ...] = COLUMNS) -> pyarrow.Schema:
    """The table's Arrow schema. Raises ``ParquetUnavailable`` without pyarrow."""
    pa = _pyarrow()
    types = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_()}
    fields = [
        pa.field(column.name, types[column.type], nullable=True, metadata={"description": column.description})
        for column in columns
    ]
    return pa.schema(fields, metadata={b"pandas": _pandas_metadata(columns)})


class ParquetTableWriter:
    """Writes rows to a binary file object, a row group each ``ROW_GROUP_ROWS`` rows.

    ``write_rows()`` any number of times, then ``close()`` (writes the last group and the
    footer; ``file`` stays open for its owner). Raises ``ParquetUnavailable`` without pyarrow,
    ``OSError`` for write errors."""

    def __init__(self, file: IO[bytes], columns: tuple[Column, ...] = COLUMNS) -> None:
        pa = _pyarrow()
        self._pa = pa
        self._schema = arrow_schema(columns)
        self._writer = pa.parquet.ParquetWriter(file, self._schema, compression="zstd")
        self._pending: list[Row] = []
        self.rows = 0

    def write_rows(self, rows: list[Row] | tuple[Row, ...]) -> None:
        self._pending.extend(rows)
        self.rows += len(rows)
        if len(self._pending) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        columns = list(zip(*self._pending, strict=True))
        arrays = [
            self._pa.array(values, type=field.type)
            for values, field in zip(columns, self._schema, strict=True)
        ]
        self._writer.write_table(
            self._pa.Table.from_arrays(arrays, schema=self._schema), row_group_size=ROW_GROUP_ROWS
        )
        self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
