"""articles.jsonl in capture order: the order of each article's first page in the WARCs.

A crawl completes articles in whatever order their images come back, and re-extraction finds
them in WARC order; both sort the file the same way so that two runs over the same captures
write the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from archiver.jsonl import write_jsonl_atomically

# The first page's WARC position is the first "warc_filename"/"warc_offset" of an article line
# (pages come before items in the record), so the sort key is read without parsing the line.
_FIRST_POSITION = re.compile(r'"warc_filename":"((?:[^"\\]|\\.)*)","warc_offset":(\d+)')
_URL = re.compile(r'"url":"((?:[^"\\]|\\.)*)"')


def article_sort_key(line: str) -> tuple[str, int, str]:
    """Capture order of the article's first page: the order re-extraction reproduces."""
    position, url = _FIRST_POSITION.search(line), _URL.search(line)
    if position is None or url is None:
        return ("", 0, line)
    return (position.group(1), int(position.group(2)), url.group(1))


def _last_line_per_article(path: Path) -> Iterator[tuple[str, int]]:
    """(line, offset) of each article's last line in ``path``, in file order: an article a later
    run completed (one that was written unfinished) is written again, and the last line wins."""
    last: dict[str, int] = {}
    order: list[tuple[str, int]] = []
    with path.open("rb") as handle:
        offset = 0
        for raw in handle:
            if raw.strip():
                line = raw.decode("utf-8")
                found = _URL.search(line)
                url = found.group(1) if found else line
                last[url] = offset
                order.append((url, offset))
            offset += len(raw)
    for url, start in order:
        if last[url] == start:
            yield url, start


def duplicate_article_lines(path: Path) -> int:
    """How many lines of an articles file an article's later line supersedes."""
    if not path.exists():
        return 0
    lines = 0
    with path.open("rb") as handle:
        lines = sum(1 for raw in handle if raw.strip())
    return lines - sum(1 for _ in _last_line_per_article(path))


def lines_in_capture_order(path: Path) -> Iterator[str]:
    """The lines of an articles file sorted by :func:`article_sort_key`, one per article (its
    last line: see :func:`_last_line_per_article`).

    Only (key, offset) pairs are held in memory; lines are read from the file in the new order,
    so sorting a crawl of 100,000 articles does not load them all.
    """
    keys: list[tuple[tuple[str, int, str], int]] = []
    with path.open("rb") as source:
        for _, offset in _last_line_per_article(path):
            source.seek(offset)
            keys.append((article_sort_key(source.readline().decode("utf-8")), offset))
        keys.sort()
        for _, offset in keys:
            source.seek(offset)
            yield source.readline().decode("utf-8")


def sort_articles_file(path: Path, destination: Path | None = None) -> None:
    """Write the articles of ``path`` in capture order to ``destination`` (default: ``path``
    itself), one line per article (the last written), atomically: completion order varies from
    run to run, capture order does not."""
    if path.exists():
        write_jsonl_atomically(destination or path, lines_in_capture_order(path))


def dedupe_articles_file(path: Path) -> int:
    """Keep only each article's last line in ``path``, in file order, atomically (nothing is
    rewritten when no line is superseded). Returns how many lines were dropped. Also for any
    JSON Lines file whose first ``"url"`` field names what a line is about (pages.jsonl)."""
    dropped = duplicate_article_lines(path)
    if dropped:

        def lines() -> Iterator[str]:
            with path.open("rb") as source:
                for _, offset in _last_line_per_article(path):
                    source.seek(offset)
                    yield source.readline().decode("utf-8")

        write_jsonl_atomically(path, lines())
    return dropped
