"""Re-extraction: the articles of a crawl, rebuilt from its WARC files alone.

The same parser and the same stitching as the live crawl run over the archived responses, with
times taken from ``WARC-Date``, so ``archiver extract`` reproduces the crawl's articles.jsonl
byte for byte. WARCs written by other tools (``wget --warc-file``) read the same way.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType
from w3lib.url import safe_url_string
from warcio.bufferedreaders import ChunkedDataReader

from archiver.articles import ArticleDraft, chain_stop_reason, starts_article, stitch_article
from archiver.captures import image_capture_of, page_capture_of
from archiver.errors import ParseError
from archiver.models import Article, ImageCapture, ListiclePage, PageFailure
from archiver.parse.page import parse_page
from archiver.warc import payload_digest

_MAX_REDIRECTS = 10


@dataclass
class _Capture:
    url: str
    status: int
    headers: dict[str, str]  # lower-cased names, last value wins (only a few are read)
    path: Path
    offset: int
    record_id: str
    date: str
    warc_type: str
    payload_digest: str
    payload_length: int
    is_page: bool  # an HTML response worth parsing; its body is read again from the WARC when parsed
    truncated: str | None = None

    @property
    def filename(self) -> str:
        return self.path.name.removesuffix(".open")


# Same bound as the crawl's DOWNLOAD_MAXSIZE: a gzip bomb in a WARC never allocates gigabytes.
MAX_DECODED_BYTES = 64 * 1024 * 1024


def _inflate(raw: bytes, wbits: int) -> bytes:
    decompressor = zlib.decompressobj(wbits)
    data = decompressor.decompress(raw, MAX_DECODED_BYTES)
    return data  # anything past the bound is left undecoded, as the crawl would have refused it


def _unbrotli(raw: bytes) -> bytes:
    """Brotli, decoded in bounded chunks: a brotli bomb stops at MAX_DECODED_BYTES."""
    import brotli  # a dependency of Scrapy's br support; imported only when a WARC needs it

    decompressor = brotli.Decompressor()
    chunks = [decompressor.process(raw, output_buffer_limit=1 << 20)]
    size = len(chunks[0])
    while not decompressor.is_finished() and size < MAX_DECODED_BYTES:
        chunk = decompressor.process(b"", output_buffer_limit=1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[:MAX_DECODED_BYTES]


def decode_body(raw: bytes, headers: dict[str, str]) -> bytes:
    """Undo transfer chunking (wget keeps it) and content encoding (our WARCs keep it)."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raw = ChunkedDataReader(BytesIO(raw)).read()
    encoding = headers.get("content-encoding", "").lower().strip()
    try:
        if encoding in {"gzip", "x-gzip"}:
            return _inflate(raw, 16 + zlib.MAX_WBITS)
        if encoding == "deflate":
            try:
                return _inflate(raw, zlib.MAX_WBITS)
            except zlib.error:
                return _inflate(raw, -zlib.MAX_WBITS)
        if encoding == "br":
            return _unbrotli(raw)
    except (OSError, EOFError, zlib.error):
        return raw
    return raw


def _is_html(headers: dict[str, str], raw: bytes) -> bool:
    """HTML by its header, or by its bytes: the live crawl parses whatever a page URL returns,
    including HTML mislabelled as an image."""
    content_type = headers.get("content-type", "").lower()
    if "html" in content_type or not content_type:
        return True
    start = decode_body(raw, headers)[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


_KINDS = (WarcRecordType.response, WarcRecordType.revisit, WarcRecordType.metadata)
_WANTED = _KINDS[0] | _KINDS[1] | _KINDS[2]
_TYPE_NAMES = {int(kind): str(kind) for kind in _KINDS}  # FastWARC's flags are not hashable
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"\x00\x00\x00")


def _split_http_response(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    """(status, lower-cased headers with the last value of each, payload) of an HTTP response block."""
    end = block.find(b"\r\n\r\n")
    separator = 4
    if end < 0:
        end, separator = block.find(b"\n\n"), 2
        if end < 0:
            return None
    lines = block[:end].decode("latin-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        return None
    parts = lines[0].split(None, 2)
    try:
        status = int(parts[1])
    except (IndexError, ValueError):
        return None
    names: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            names[name.strip().lower()] = value.strip()
    return status, names, block[end + separator :]


def _looks_like_page(headers: dict[str, str], raw: bytes) -> bool:
    """Cheap pre-check before decoding: images (by type and magic bytes) are never pages."""
    content_type = headers.get("content-type", "").lower()
    if content_type.startswith("image/") and raw.startswith(_IMAGE_MAGIC):
        return False
    return not content_type.startswith(("image/", "video/", "audio/", "font/")) or raw[:1] in (
        b"<",
        b" ",
        b"\n",
    )


class DamagedWarcError(Exception):
    """Bytes that are not a WARC record, somewhere after ``position`` (where the last good
    record started, or where reading started)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


def _read_records(stream: BinaryIO) -> Iterator[tuple[WarcRecord, bytes]]:
    """(record, block) of each whole response, revisit and metadata record of a WARC stream,
    from the stream's current position.

    FastWARC reads the records (warcio's pure-Python header parser was a quarter of
    ``archiver extract``'s time). A record cut short (a WARC copied while being written) is
    skipped; bytes that are not a WARC record raise ``DamagedWarcError``.
    """
    position = stream.tell()
    records = iter(ArchiveIterator(stream, record_types=_WANTED, parse_http=False))
    while True:
        try:
            record = next(records)
            block = record.reader.read()
        except StopIteration:
            return
        except OSError as error:  # FastWARC's word for a header or gzip member it cannot read
            raise DamagedWarcError(str(error), position) from error
        position = record.stream_pos
        if len(block) == record.content_length:
            yield record, block


# Where a record can start: a gzip member (each record of a .warc.gz is one) or a plain header.
_RECORD_START = re.compile(rb"\x1f\x8b\x08|WARC/1\.")
_SCAN_CHUNK = 1 << 20


def _is_record_start(stream: BinaryIO, offset: int) -> bool:
    """Whether a WARC record (plain, or a gzip member holding one) starts at ``offset``."""
    stream.seek(offset)
    head = stream.read(4096)
    if head.startswith(b"WARC/1."):
        return True
    try:
        return zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/1.")
    except zlib.error:
        return False


def next_record_start(stream: BinaryIO, after: int) -> int | None:
    """Offset of the first WARC record that starts after ``after``: where reading resumes past
    damage. Every record of a gzipped WARC is its own gzip member, so one bad member costs only
    the record in it."""
    offset = after + 1
    while True:
        stream.seek(offset)
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        for match in _RECORD_START.finditer(chunk):
            if _is_record_start(stream, offset + match.start()):
                return offset + match.start()
        offset += max(1, len(chunk) - 7)  # overlap: a marker may straddle the chunk's end


def _target_uri(value: str) -> str:
    """WARC-Target-URI without the angle brackets some writers (wget) put around it, as the
    WARC 1.0 grammar showed them; warcio strips them the same way."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    return value


class WarcIndex:
    """What a set of WARC files captured, by URL (the last capture of a URL wins, as in a crawl
    where a retry's response is the one the spider saw).

    Only record metadata stays in memory; a page's body is read again from its WARC (one gzip
    member) when it is parsed, so an index of a large crawl stays small.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.captures: dict[str, _Capture] = {}
        self.fetch_errors: dict[str, str] = {}
        self.order: list[str] = []
        self.damaged: list[str] = []  # "file: what could not be read", for the user to see
        originals: dict[str, int] = {}
        for path in sorted(paths, key=lambda p: p.name):
            with path.open("rb") as stream:
                self._read_file(path, stream, originals)

    def _read_file(self, path: Path, stream: BinaryIO, originals: dict[str, int]) -> None:
        """Every record of one file; past damage, reading resumes at the next record that can be
        read, and one warning says which bytes were skipped."""
        damage: tuple[int, str] | None = None  # (where it starts, first error) while skipping
        resume = 0
        while True:
            try:
                for record, block in _read_records(stream):
                    if damage is not None:
                        self._note_damage(path, *damage, f"up to byte {resume}")
                        damage = None
                    self._add(record, block, path, originals)
                if damage is not None:
                    self._note_damage(path, *damage, f"up to byte {resume}")
                return
            except DamagedWarcError as error:
                damage = damage or (error.position, str(error))
                found = next_record_start(stream, error.position)
                if found is None:
                    self._note_damage(path, *damage, "to the end")
                    return
                resume = found
                stream.seek(resume)

    def _note_damage(self, path: Path, start: int, error: str, skipped: str) -> None:
        self.damaged.append(f"{path.name}: damaged data after byte {start} ({error}), skipped {skipped}")

    def _add(self, record: WarcRecord, block: bytes, path: Path, originals: dict[str, int]) -> None:
        rec_type = _TYPE_NAMES[int(record.record_type)]
        # One dict of the WARC headers: FastWARC's HeaderMap.get() costs more than reading them all.
        headers: dict[str, str] = {}
        for name, value in record.headers.items():
            headers.setdefault(name.lower(), value)
        url = _target_uri(headers.get("warc-target-uri") or "")
        if not url:
            return
        if rec_type == "metadata":
            for line in block.decode("utf-8", "replace").splitlines():
                if line.startswith("fetch-error: "):
                    self.fetch_errors[url] = line[len("fetch-error: ") :]
            return
        parsed = _split_http_response(block)
        if parsed is None:
            return
        status, names, raw = parsed
        digest = headers.get("warc-payload-digest") or payload_digest(raw)
        if rec_type == "response":
            originals.setdefault(digest, len(raw))
            length = len(raw)
        else:
            length = originals.get(digest, len(raw))
        is_page = (
            rec_type == "response"
            and 200 <= status < 300
            and _looks_like_page(names, raw)
            and _is_html(names, raw)
        )
        capture = _Capture(
            url=url,
            status=status,
            headers=names,
            path=path,
            offset=record.stream_pos,
            record_id=headers.get("warc-record-id") or "",
            date=headers.get("warc-date") or "",
            warc_type=rec_type,
            payload_digest=digest,
            payload_length=length,
            is_page=is_page,
            truncated=headers.get("warc-truncated"),
        )
        if url not in self.captures:
            self.order.append(url)
        self.captures[url] = capture

    def body(self, capture: _Capture) -> bytes:
        """The decoded payload of a captured page, read again from its WARC record."""
        with capture.path.open("rb") as stream:
            stream.seek(capture.offset)
            for _, block in _read_records(stream):
                parsed = _split_http_response(block)
                return decode_body(parsed[2], capture.headers) if parsed else b""
        return b""

    def resolve(self, url: str) -> tuple[str, _Capture | None]:
        """Follow archived redirects from ``url``: (last URL, its capture or None)."""
        for _ in range(_MAX_REDIRECTS):
            capture = self.captures.get(url)
            location = capture.headers.get("location") if capture else None
            if capture is None or not (300 <= capture.status < 400 and location):
                return url, capture
            # As Scrapy's redirect middleware: the header's bytes (latin-1 round trip) made a safe URL.
            url = urljoin(url, safe_url_string(location.encode("latin-1", "replace")))
        return url, self.captures.get(url)


def image_capture(index: WarcIndex, url: str) -> ImageCapture | None:
    """The archived response for an image URL (after redirects), as the crawl records it."""
    _, capture = index.resolve(url)
    if capture is None:
        return None
    return image_capture_of(capture.status, capture.headers.get("content-type"), capture)


@dataclass
class DraftFromWarc:
    draft: ArticleDraft
    next_url: str | None  # the next page the chain needs but the WARCs do not hold (a cut crawl)


def drafts_from_index(index: WarcIndex) -> Iterator[DraftFromWarc]:
    """Every article the WARCs hold, as the crawl would have chained its pages, one at a time;
    a chain whose pages hold no item (a story over several pages) is among them, as the crawl
    follows it too, and :func:`stitch_article` makes no article of it.

    A parsed page is kept only until an article takes it, so memory does not grow with the
    number of pages.
    """
    parsed: dict[str, ListiclePage | ParseError] = {}

    def parse(capture: _Capture) -> ListiclePage | ParseError:
        if capture.url not in parsed:
            try:
                body = index.body(capture) if capture.is_page else b""
                parsed[capture.url] = parse_page(
                    body, capture.url, content_type=capture.headers.get("content-type")
                )
            except ParseError as error:
                parsed[capture.url] = error
        return parsed[capture.url]

    consumed: set[str] = set()
    for url in index.order:
        capture = index.captures[url]
        if url in consumed or not capture.is_page:
            continue
        record = parse(capture)
        if not isinstance(record, ListiclePage) or not starts_article(record):
            parsed.pop(url)  # not kept: in the rare case a later chain reaches it, it is parsed again
            continue
        draft = ArticleDraft()
        next_url = _follow_chain(index, draft, capture, record, parse, consumed)
        for _, page in draft.pages:
            parsed.pop(page.url, None)
        yield DraftFromWarc(draft, next_url)


def articles_from_index(index: WarcIndex) -> Iterator[Article]:
    """The articles of the WARCs in the order their first pages are found (not sorted)."""
    for found in drafts_from_index(index):
        draft = found.draft
        captures = {url: image_capture(index, url) for url in draft.image_urls()}
        article = stitch_article(draft, captures)
        if article is not None:
            yield article


def capture_order(article: Article) -> tuple[str, int, str]:
    """Where the article's first page is archived: the order of an articles.jsonl file."""
    return (article.pages[0].warc_filename, article.pages[0].warc_offset, article.url)


@dataclass
class Reextraction:
    articles: list[Article]
    damaged: list[str]  # WARC files read only in part, and why


def articles_from_warcs(paths: Iterable[Path]) -> Reextraction:
    """All articles of a set of WARC files, in capture order (in memory: for small sets and
    tests; ``archiver extract`` streams them to a file and sorts the file)."""
    index = WarcIndex(paths)
    articles = sorted(articles_from_index(index), key=capture_order)
    return Reextraction(articles, index.damaged)


def _follow_chain(  # type: ignore[no-untyped-def]
    index: WarcIndex, draft: ArticleDraft, capture: _Capture, record: ListiclePage, parse, consumed: set[str]
) -> str | None:
    """Append the chain's pages to ``draft``; returns the next URL if the WARCs stop short of it."""
    while True:
        consumed.add(capture.url)
        draft.pages.append((record, page_capture_of(capture.url, capture.status, capture)))
        next_url = record.next_page_url
        if not next_url:
            return None
        stop = chain_stop_reason(draft, next_url)
        if stop is not None:
            draft.stopped_reason = stop
            return None
        last_url, next_capture = index.resolve(next_url)
        if next_capture is None:
            reason = index.fetch_errors.get(last_url)
            if reason is None:
                return next_url
            draft.failures.append(PageFailure(url=last_url, reason=reason))
            return None
        if next_capture.status >= 400:
            draft.failures.append(PageFailure(url=next_capture.url, reason=f"HTTP {next_capture.status}"))
            return None
        next_record = parse(next_capture)
        if isinstance(next_record, ParseError):
            draft.failures.append(PageFailure(url=next_capture.url, reason=f"rejected: {next_record}"))
            return None
        capture, record = next_capture, next_record
