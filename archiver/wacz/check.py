"""Checking a WACZ beyond what py-wacz's validator checks (it accepts a WACZ without pages and
with an unsorted index): one line per problem found, none for a sound file.

- every file but the two datapackage files is listed in datapackage.json, and each listed
  file is there with the listed sha256 and size; datapackage-digest.json holds the sha256 of
  datapackage.json;
- WARC members (``archive/``) and a ZipNum ``index.cdx.gz`` are stored uncompressed (a replay
  reads them by byte range);
- the index is sorted: ``indexes/index.cdxj`` line by line; a ZipNum index block by block,
  each ``index.idx`` line giving its block's first key, offset and length (and digest);
- ``pages/pages.jsonl`` (and ``pages/extraPages.jsonl`` when there) is there, starts with a
  ``json-pages-1.0`` header, and each page's URL is in the index. A crawl that found no
  article lists its pages in extraPages.jsonl alone: sound; no page in either is a warning.

Files are streamed; in memory: the page URLs (to look them up in the index).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from archiver.wacz.datapackage import DATAPACKAGE_PATH, DIGEST_PATH
from archiver.wacz.index import CDX_GZ_PATH, CDXJ_PATH, IDX_PATH
from archiver.wacz.pages import EXTRA_PAGES_PATH, FORMAT, PAGES_PATH
from archiver.wacz.zipping import CHUNK_BYTES


def _digest(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return f"sha256:{digest.hexdigest()}", size


def _text_lines(archive: zipfile.ZipFile, name: str) -> Iterator[str]:
    with archive.open(name) as stream:
        for raw in stream:
            yield raw.decode("utf-8")


def _check_package(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    problems: list[str] = []
    if DATAPACKAGE_PATH not in names:
        return [f"no {DATAPACKAGE_PATH}"]
    package_bytes = archive.read(DATAPACKAGE_PATH)
    try:
        package: dict[str, Any] = json.loads(package_bytes)
        resources = {str(entry["path"]): entry for entry in package["resources"]}
    except (ValueError, KeyError, TypeError) as error:
        return [f"{DATAPACKAGE_PATH} is not a data package ({error})"]
    if package.get("wacz_version") != "1.1.1":
        problems.append(f"{DATAPACKAGE_PATH}: wacz_version is {package.get('wacz_version')!r}, not '1.1.1'")
    for path, entry in resources.items():
        if path not in names:
            problems.append(f"{path}: listed in {DATAPACKAGE_PATH} but not in the file")
            continue
        try:
            digest, size = _digest(archive, path)
        except zipfile.BadZipFile as error:
            problems.append(_damaged(error))
            continue
        if digest != entry.get("hash"):
            problems.append(f"{path}: sha256 {digest} differs from the listed {entry.get('hash')}")
        if size != entry.get("bytes"):
            problems.append(f"{path}: {size} bytes, {entry.get('bytes')} listed")
    for name in sorted(names - set(resources) - {DATAPACKAGE_PATH, DIGEST_PATH}):
        if not name.endswith("/"):
            problems.append(f"{name}: not listed in {DATAPACKAGE_PATH}")
    if DIGEST_PATH not in names:
        problems.append(f"no {DIGEST_PATH}")
    else:
        try:
            listed = json.loads(archive.read(DIGEST_PATH)).get("hash")
        except (ValueError, AttributeError):
            listed = None
        actual = f"sha256:{hashlib.sha256(package_bytes).hexdigest()}"
        if listed != actual:
            problems.append(f"{DIGEST_PATH}: hash {listed} is not datapackage.json's ({actual})")
    return problems


def _check_storage(archive: zipfile.ZipFile) -> list[str]:
    return [
        f"{info.filename}: compressed in the ZIP; it must be stored for range reads"
        for info in archive.infolist()
        if (info.filename.startswith("archive/") or info.filename == CDX_GZ_PATH)
        and info.compress_type != zipfile.ZIP_STORED
    ]


class _IndexReader:
    """Index lines in order, noting where they are out of order and the URLs they name."""

    def __init__(self, wanted: set[str]) -> None:
        self.wanted = wanted  # page URLs not found yet
        self.previous = ""
        self.unsorted = False
        self.problems: list[str] = []
        self.lines = 0

    def add(self, line: str, where: str) -> None:
        self.lines += 1
        if line < self.previous and not self.unsorted:
            self.unsorted = True  # said once: one line out of place can put many after it
            self.problems.append(f"{where}: not sorted (line {self.lines} sorts before the line above it)")
        self.previous = line
        if self.wanted:
            try:
                url = json.loads(line.split(" ", 2)[2]).get("url")
            except (IndexError, ValueError, AttributeError):
                self.problems.append(f"{where}: line {self.lines} is not a CDXJ line")
                return
            self.wanted.discard(url)


def _check_zipnum(archive: zipfile.ZipFile, reader: _IndexReader) -> None:
    idx_lines = list(_text_lines(archive, IDX_PATH))  # one line per block of lines: small
    if not idx_lines or not idx_lines[0].startswith("!meta 0 "):
        reader.problems.append(f"{IDX_PATH}: does not start with a '!meta 0' line")
    blocks = [line for line in idx_lines if not line.startswith("!")]
    with archive.open(CDX_GZ_PATH) as data:
        expected_offset = 0
        previous_key = ""
        for number, line in enumerate(blocks, 1):
            key, _, fields = line.rpartition(" {")
            try:
                block = json.loads("{" + fields)
                offset, length = int(block["offset"]), int(block["length"])
            except (ValueError, KeyError):
                reader.problems.append(f"{IDX_PATH}: line {number} is not an index line")
                return
            if key < previous_key:
                reader.problems.append(f"{IDX_PATH}: not sorted (block {number})")
            previous_key = key
            if offset != expected_offset:
                reader.problems.append(
                    f"{IDX_PATH}: block {number} starts at {offset}, not {expected_offset}"
                )
                return
            data.seek(offset)
            compressed = data.read(length)
            expected_offset = offset + length
            if "digest" in block and block["digest"] != f"sha256:{hashlib.sha256(compressed).hexdigest()}":
                reader.problems.append(f"{IDX_PATH}: block {number}'s digest does not match")
            try:
                text = gzip.decompress(compressed).decode("utf-8")
            except (OSError, EOFError, UnicodeDecodeError) as error:
                reader.problems.append(f"{CDX_GZ_PATH}: block {number} is not gzip text ({error})")
                return
            lines = text.splitlines(keepends=True)
            if not lines or not lines[0].startswith(key + " "):
                reader.problems.append(f"{IDX_PATH}: block {number}'s key is not its first line's")
            for cdxj_line in lines:
                reader.add(cdxj_line, CDX_GZ_PATH)
        if data.read(1):
            reader.problems.append(f"{CDX_GZ_PATH}: bytes after the last block of {IDX_PATH}")


def _list_urls(archive: zipfile.ZipFile, name: str) -> tuple[set[str], list[str]]:
    lines = _text_lines(archive, name)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return set(), [f"{name}: the first line is not a {FORMAT!r} header"]
    urls: set[str] = set()
    problems: list[str] = []
    for number, line in enumerate(lines, 2):
        try:
            page = json.loads(line)
            urls.add(str(page["url"]))
            if not page.get("ts"):
                problems.append(f"{name}: line {number} has no ts")
        except (ValueError, KeyError, TypeError):
            problems.append(f"{name}: line {number} is not a page")
    return urls, problems


def _page_urls(archive: zipfile.ZipFile, names: set[str], warnings: list[str]) -> tuple[set[str], list[str]]:
    """The URLs of both page lists and their problems. pages.jsonl lists the article pages;
    a crawl that found no article writes it with its header alone (the writer's rule), which
    is sound: its other pages are in extraPages.jsonl, and with none there either the crawl
    archived no page at all, said as a warning (the WARCs hold what was fetched)."""
    if PAGES_PATH not in names:
        return set(), [f"no {PAGES_PATH}"]
    urls, problems = _list_urls(archive, PAGES_PATH)
    extra: set[str] = set()
    if EXTRA_PAGES_PATH in names:
        extra, extra_problems = _list_urls(archive, EXTRA_PAGES_PATH)
        problems += extra_problems
    if not urls and not extra and not problems:
        warnings.append("lists no page: the crawl archived no page with a 2xx answer")
    return urls | extra, problems


def check_wacz(path: Path, warnings: list[str] | None = None) -> list[str]:
    """The problems of the WACZ at ``path``, one line each (empty: none found); what is sound
    but worth saying (no page listed at all) is appended to ``warnings``. Raises ``OSError``
    when it cannot be read."""
    warnings = [] if warnings is None else warnings
    problems: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            problems += _check_package(archive, names) + _check_storage(archive)
            if not any(name.startswith("archive/") for name in names):
                problems.append("no WARC file under archive/")
            urls, page_problems = _page_urls(archive, names, warnings)
            problems += page_problems
            reader = _IndexReader(set(urls))
            if CDXJ_PATH in names:
                for line in _text_lines(archive, CDXJ_PATH):
                    reader.add(line, CDXJ_PATH)
            elif CDX_GZ_PATH in names and IDX_PATH in names:
                _check_zipnum(archive, reader)
            else:
                problems.append(f"no index ({CDXJ_PATH}, or {CDX_GZ_PATH} with {IDX_PATH})")
            problems += reader.problems
            if reader.lines and reader.wanted:
                missing = sorted(reader.wanted)
                more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
                problems.append(f"pages not in the index: {', '.join(missing[:3])}{more}")
    except zipfile.BadZipFile as error:
        if _BAD_CRC.match(str(error)):  # a member damaged inside a sound ZIP (index, pages)
            return [*problems, _damaged(error)]
        return [f"{path} is not a ZIP file ({error})"]
    return problems


# zipfile's words for a member whose bytes are not those it was written with.
_BAD_CRC = re.compile(r"Bad CRC-32 for file '(?P<name>.*)'$")


def _damaged(error: zipfile.BadZipFile) -> str:
    """The line for a member that cannot be read whole: named, and why (the ZIP is a ZIP)."""
    match = _BAD_CRC.match(str(error))
    if match is None:
        return f"a member cannot be read ({error})"
    return (
        f"{match.group('name')}: damaged: its bytes match neither the CRC-32 the ZIP lists for it "
        "nor (so) its sha256"
    )
