"""Reading ``articles.jsonl`` for an export: one line at a time, damaged lines set aside.

A damaged line (not JSON, or not an article record) does not stop the export: the lines around
it are exported and the damage is reported, so one bad byte does not cost a table of
thousands of articles. A last line without its newline is a line still being written by a
running crawl, or cut by a kill (the next crawl drops it): it is left out and reported apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from archiver.models import Article


@dataclass
class Damage:
    """What an export left out of the input, line numbers 1-based."""

    damaged: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)
    cut_last_line: int | None = None  # line number of a last line without its newline


def articles_in(path: Path, damage: Damage, model: type[Article] = Article) -> Iterator[Article]:
    """The articles of an ``articles.jsonl`` file, in file order, read line by line (memory
    stays flat whatever the file's size); ``model``: the line's record (``StateArticle`` for a
    job folder's current state). Lines that are not article records are recorded in
    ``damage`` and skipped. Raises ``OSError`` when the file cannot be opened or read."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                damage.cut_last_line = number
                return
            if not line.strip():
                continue
            try:
                yield model.model_validate_json(line)
            except ValidationError as error:
                damage.damaged.append((number, _reason(error)))


def _reason(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
