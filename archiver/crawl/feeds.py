"""Scrapy feed exporters for the item table (``scrapy crawl listicle -O items.csv`` or
``-O items.parquet``): the same rows as ``archiver export``, flattened by the same code
(``archiver.export.table``), one row per item of each article the crawl yields.

A CSV feed written to a local file gets its CSVW metadata beside it, as ``archiver export``
writes it. Items other than articles are not rows of this table and are skipped.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import IO, Any

from scrapy.exporters import BaseItemExporter

from archiver.crawl.items import article_of
from archiver.export.csv_table import CsvTableWriter, csvw_metadata
from archiver.export.parquet_table import ParquetTableWriter
from archiver.export.table import rows_of
from archiver.export.writing import metadata_path


class _ItemTableExporter(BaseItemExporter):
    """One row per item of each article item (other items are skipped), into ``table``."""

    table: CsvTableWriter | ParquetTableWriter

    def __init__(self, file: IO[bytes], **kwargs: Any) -> None:
        # Scrapy's feed options (fields, encoding, indent) do not apply: the columns are fixed.
        super().__init__(dont_fail=True, **kwargs)
        self.file = file

    def export_item(self, item: Any) -> None:
        article = article_of(item)
        if article is not None:
            self.table.write_rows(list(rows_of(article)))

    def finish_exporting(self) -> None:
        self.table.close()


class ItemsCsvExporter(_ItemTableExporter):
    """Feed format ``csv``: the item table as CSV (see ``archiver.export.csv_table``)."""

    def __init__(self, file: IO[bytes], **kwargs: Any) -> None:
        super().__init__(file, **kwargs)
        self.csv = CsvTableWriter(file)
        self.table = self.csv

    def start_exporting(self) -> None:
        self.csv.write_header()

    def finish_exporting(self) -> None:
        super().finish_exporting()
        # A local file (Scrapy's file storage opens the path itself; remote storages stage the
        # feed in a NamedTemporaryFile, standard output is no file, postprocessing wraps it).
        name = getattr(self.file, "name", None)
        if isinstance(self.file, io.BufferedWriter) and isinstance(name, str) and Path(name).is_file():
            text = json.dumps(csvw_metadata(Path(name).name), indent=2, ensure_ascii=False) + "\n"
            metadata_path(Path(name)).write_text(text, encoding="utf-8")


class ItemsParquetExporter(_ItemTableExporter):
    """Feed format ``parquet``: the item table as Parquet (needs pyarrow, the ``parquet``
    extra; see ``archiver.export.parquet_table``)."""

    def __init__(self, file: IO[bytes], **kwargs: Any) -> None:
        super().__init__(file, **kwargs)
        self.table = ParquetTableWriter(file)
