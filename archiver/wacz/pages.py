"""The WACZ's page lists, from the crawl's ``pages.jsonl``, streamed line by line.

``pages/pages.jsonl``: the header ``{"format": "json-pages-1.0", "id": "pages", "title": ...}``
then one line per **article page** (each page of each article: a listicle page of the crawl),
``{"id", "url", "ts", "title", "declared_count", "items", "article_url", "page_number"}``:
``ts`` is the WARC-Date of the archived response (ISO 8601, as the WACZ spec asks), ``items``
the items on that page, ``article_url`` the article's first page. ReplayWeb.page lists these
as the archive's pages.

``pages/extraPages.jsonl`` (WACZ 1.1.1): the other pages the crawl parsed and archived with a
2xx answer (seeds and recommended pages that were not listicles, rejected pages), so a replay
lists them apart. Pages without an archived response (a failed fetch) are in neither.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from archiver.capture_time import capture_time_key

PAGES_PATH = "pages/pages.jsonl"
EXTRA_PAGES_PATH = "pages/extraPages.jsonl"
FORMAT = "json-pages-1.0"

_WARC_DATE = re.compile(rb"\r?\nWARC-Date:[ \t]*([^\r\n]+)", re.IGNORECASE)
_HEAD_BYTES = 16 * 1024  # a WARC record's header is well under this, even gzipped


class PagesError(Exception):
    """pages.jsonl names a WARC record that is not there (a damaged or foreign folder)."""


@dataclass
class PageLists:
    """What was written: counts, and the first article page (the datapackage's main page)."""

    pages: int = 0
    extra_pages: int = 0
    main_url: str | None = None
    main_ts: str | None = None


class _RecordDates:
    """WARC-Date of the record at an offset of a WARC file, files opened once each."""

    def __init__(self, warc_dir: Path, files: ExitStack) -> None:
        self.warc_dir = warc_dir
        self.files = files
        self.opened: dict[str, BinaryIO] = {}

    def date(self, filename: str, offset: int) -> str:
        stream = self.opened.get(filename)
        if stream is None:
            try:
                stream = self.files.enter_context((self.warc_dir / filename).open("rb"))
            except FileNotFoundError:
                if (self.warc_dir / f"{filename}.open").exists():
                    raise PagesError(
                        f"it cites {filename}, still {filename}.open: the crawl was interrupted; "
                        "run the same crawl again, which repairs and closes it, then package"
                    ) from None
                raise PagesError(f"it cites {filename}, which is not in {self.warc_dir}") from None
            self.opened[filename] = stream
        stream.seek(offset)
        head = stream.read(_HEAD_BYTES)
        if head.startswith(b"\x1f\x8b"):
            try:
                head = zlib.decompressobj(31).decompress(head, _HEAD_BYTES)
            except zlib.error as error:
                raise PagesError(f"{filename}: no WARC record at byte {offset} ({error})") from None
        match = _WARC_DATE.search(head.split(b"\r\n\r\n", 1)[0]) if head.startswith(b"WARC/") else None
        if match is None:
            raise PagesError(f"{filename}: no WARC record at byte {offset}")
        return match.group(1).decode("ascii", "replace").strip()


def _header(page_list_id: str, title: str) -> str:
    return json.dumps({"format": FORMAT, "id": page_list_id, "title": title}, ensure_ascii=False) + "\n"


def _page_id(entry: dict[str, Any]) -> str:
    # The response's record ID is unique in the crawl: its UUID, without the urn and dashes.
    record_id = str(entry["warc_record_id"])
    return re.sub(r"[^0-9a-fA-F]", "", record_id.removeprefix("<urn:uuid:")) or record_id


def _entries(pages_file: Path) -> Iterator[dict[str, Any]]:
    if not pages_file.exists():
        return
    with pages_file.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def write_page_lists(
    pages_file: Path, warc_dir: Path, pages_out: Path, extra_out: Path, title: str
) -> PageLists:
    """Write ``pages_out`` (article pages) and ``extra_out`` (other archived pages) from the
    crawl's ``pages_file``; ``warc_dir`` holds the WARCs its entries cite. Raises ``OSError``,
    ``ValueError`` (a line that is not JSON) and :class:`PagesError`."""
    result = PageLists()
    with (
        ExitStack() as files,
        pages_out.open("w", encoding="utf-8") as pages,
        extra_out.open("w", encoding="utf-8") as extra,
    ):
        dates = _RecordDates(warc_dir, files)
        pages.write(_header("pages", title))
        extra.write(_header("extra-pages", f"{title}: other pages"))
        for entry in _entries(pages_file):
            if entry.get("warc_filename") is None or entry.get("warc_offset") is None:
                continue  # no archived response
            ts = dates.date(str(entry["warc_filename"]), int(entry["warc_offset"]))
            line: dict[str, Any] = {"id": _page_id(entry), "url": entry["url"], "ts": ts}
            if entry.get("title"):
                line["title"] = entry["title"]
            if entry.get("listicle"):
                line.update(
                    declared_count=entry.get("declared_count"),
                    items=entry.get("items"),
                    article_url=entry.get("article_url"),
                    page_number=entry.get("page_number"),
                )
                pages.write(json.dumps(line, ensure_ascii=False) + "\n")
                result.pages += 1
                # The main page: the first page of the article captured first, by the rule
                # `archiver replay` names its first article by (full WARC-Date precision).
                first = entry.get("page_number") == 1
                if first and (
                    result.main_ts is None or capture_time_key(ts) < capture_time_key(result.main_ts)
                ):
                    result.main_url, result.main_ts = entry["url"], ts
            elif 200 <= int(entry.get("status") or 0) < 300:
                extra.write(json.dumps(line, ensure_ascii=False) + "\n")
                result.extra_pages += 1
    return result
