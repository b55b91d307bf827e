"""Reading WARC files back: what a set of files captured, by URL, with the bodies decoded as the
crawl decoded them.

- ``response`` records are HTTP exchanges; ``resource`` records (WARC 1.1 §6.5, written by tools
  that package files) hold the document itself, typed by the record's ``Content-Type``, and are
  read as a 200 response of that type.
- ``revisit`` records are resolved to the payload of the record they repeat, across every file
  given, in any order: by ``WARC-Refers-To``, else by ``WARC-Refers-To-Target-URI`` and
  ``-Date``, else by payload digest. Resolution waits until all files are indexed. A page stored
  as a revisit is then parsed like a response; a revisit whose original is in none of the files
  is warned about, with its URL. Reference-only files (an incremental job's earlier runs) lend
  their payloads to revisits without their captures being read as this set's.
- HTTP heads are read as the crawl's client read them (:mod:`archiver.warc.http_head`), and
  captures are looked up without ``#fragment`` (:func:`archiver.urls.fetched_url`), as fetched.
- Bodies are decoded with :mod:`archiver.codings`, the crawl's decoder: a body that does not
  decode is a failed fetch here as it was in the crawl (same reason, a warning), and a
  ``<meta http-equiv=refresh>`` is followed by :mod:`archiver.parse.refresh`, the crawl's rule,
  on the responses :mod:`archiver.parse.response_type` calls HTML, the crawl's test.
- A ``revisit`` of profile server-not-modified (an HTTP 304, as Heritrix writes) is read with
  its original's status and headers; ``conversion`` records are not read, and warned about.
- Damage (a record cut short, a bad gzip member, bytes that are not WARC) costs only the
  records in it; each is reported in :attr:`WarcIndex.warnings` as one line.

Only record metadata stays in memory; a page's body is read again from its record when parsed.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType
from w3lib.encoding import read_bom
from warcio.bufferedreaders import ChunkedDataReader

from archiver.codings import (
    MAX_DECODED_BYTES,
    CodingError,
    DecodedBody,
    content_codings,
    decode_content,
)
from archiver.crawl.journal import HOPS_FIELD, PAGES_NOTED_FIELD
from archiver.parse.refresh import meta_refresh_target
from archiver.parse.response_type import is_html_response
from archiver.redirects import IGNORED, redirect_target, refused_hop
from archiver.urls import canonical_url, fetched_url
from archiver.warc import payload_digest
from archiver.warc.http_head import read_response_head
from archiver.warc.source import WarcSource, as_source

__all__ = [
    "MAX_DECODED_BYTES",
    "Capture",
    "DamagedWarcError",
    "RangeSummary",
    "RecordEntry",
    "Resolution",
    "WarcIndex",
    "capture_body",
    "decode_body",
    "examine_payload",
    "next_record_start",
    "range_bounds",
    "summarise_range",
]

# How the spider words a request its decoding middleware dropped (``IgnoreRequest: ...``), for
# WARCs whose crawl left no fetch-error record of it.
_UNDECODABLE = f"{IGNORED}undecodable body: "

# The warcinfo field by which a file of ours says it notes every page its crawl parsed.
_PAGES_NOTED = re.compile(rb"^" + PAGES_NOTED_FIELD.encode() + rb":", re.MULTILINE | re.IGNORECASE)


@dataclass
class Capture:
    """One archived response (or resource, or resolved revisit) of a URL."""

    url: str
    status: int
    headers: dict[str, str]  # HTTP headers: lower-cased names, last value (Content-Encoding: all)
    source: WarcSource  # the WARC file holding the record (a file, or a member of a WACZ)
    offset: int  # where this record starts in ``source`` (provenance)
    record_id: str
    date: str
    warc_type: str  # "response", "revisit" or "resource"
    payload_digest: str
    payload_length: int
    is_page: bool  # a page that may start an article (see WarcIndex); its body is read when parsed
    truncated: str | None = None
    # Where the payload is: this record, or the original a revisit refers to.
    payload_source: WarcSource | None = None
    payload_offset: int = -1
    payload_is_http: bool = True  # False: the record's block is the payload (resource)
    refresh_url: str | None = None  # a meta refresh the crawl follows like a redirect
    noted: bool = False  # in a file of ours: the crawl noted each page it parsed (metadata records)
    # A page-like answer in a file of ours that the crawl did not note as parsed: not a page of
    # the crawl (an image URL answering HTML), or one it was killed before parsing. Crash
    # recovery asks for it again if it is a page the frontier needs.
    unnoted_page: bool = False

    @property
    def filename(self) -> str:
        return self.source.name.removesuffix(".open")

    @property
    def redirect_url(self) -> str | None:
        """Where the crawl's redirect middleware went from this answer, if it redirects."""
        return redirect_target(self.url, self.status, self.headers.get("location"))


@dataclass(frozen=True)
class Resolution:
    """Where a URL led in the archive: ``path``, the URL asked for first and each URL a
    redirect or followed meta refresh led to after it; ``capture``, the answer at the last one
    (None if none is archived); ``failure``, why no answer is there: the crawl's recorded
    failure, or a hop the crawl refuses (``IgnoreRequest: redirect loop (...)``)."""

    path: list[str]
    capture: Capture | None
    failure: str | None = None


def decode_body(raw: bytes, headers: dict[str, str]) -> bytes:
    """Undo transfer chunking (wget keeps it) and content codings (our WARCs keep them);
    ``headers``: lower-cased HTTP header names.

    Raises :class:`archiver.codings.CodingError` for a body that does not decode or decodes
    past :data:`MAX_DECODED_BYTES`. Unknown codings are left in place.
    """
    return _decoded(raw, headers, headers).body


def _decoded(raw: bytes, headers: dict[str, str], holder: dict[str, str]) -> DecodedBody:
    """``raw`` de-chunked if the record holding it (``holder``'s headers) says so, then decoded
    by ``headers``' Content-Encoding (a revisit's own, or the response's)."""
    if "chunked" in holder.get("transfer-encoding", "").lower():
        raw = ChunkedDataReader(BytesIO(raw)).read()
    return decode_content(raw, content_codings([headers.get("content-encoding", "")]))


def _sniffs_as_html(url: str, headers: dict[str, str], body: bytes) -> bool:
    """For WARCs of other tools, which say nothing of what their crawler parsed: HTML by its
    header, or by its bytes (the live crawl parses whatever a page URL returns, HTML
    mislabelled as an image included); never a robots.txt."""
    if urlsplit(url).path == "/robots.txt":
        return False
    content_type = headers.get("content-type", "").lower()
    return "html" in content_type or not content_type or _starts_like_html(body)


_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body")
_SKIPPED = (("<!--", "-->"), ("<?", ">"))  # comments and an XML declaration before the markup


def _starts_like_html(body: bytes) -> bool:
    """Whether ``body`` begins with HTML markup: after a byte order mark (UTF-8, UTF-16, also
    UTF-16 without one), whitespace, comments and an XML declaration, in any letter case."""
    start = body[:2048]
    encoding, bom = read_bom(start)
    if encoding is None and len(start) > 1 and 0 in start[:2]:
        encoding = "utf-16-le" if start[1] == 0 else "utf-16-be"  # "<" then NUL, or NUL then "<"
    text = start[len(bom or b"") :].decode(encoding or "latin-1", "replace").lstrip().lower()
    while True:
        for opening, closing in _SKIPPED:
            if text.startswith(opening):
                end = text.find(closing, len(opening))
                if end < 0:
                    return False
                text = text[end + len(closing) :].lstrip()
                break
        else:
            return text.startswith(_HTML_STARTS)


_KINDS = (
    WarcRecordType.response,
    WarcRecordType.revisit,
    WarcRecordType.metadata,
    WarcRecordType.resource,
    WarcRecordType.warcinfo,
    WarcRecordType.conversion,
)
_WANTED = _KINDS[0] | _KINDS[1] | _KINDS[2] | _KINDS[3] | _KINDS[4] | _KINDS[5]
_TYPE_NAMES = {int(kind): str(kind) for kind in _KINDS}  # FastWARC's flags are not hashable


def _split_http_response(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    """(status, lower-cased headers with the last value of each, payload) of an HTTP response
    block, read as the crawl's client read it (:mod:`archiver.warc.http_head`);
    ``Content-Encoding`` lines are joined (codings stacked over several lines)."""
    head = read_response_head(block)
    if head is None:
        return None
    return head.status, head.as_dict(), block[head.body_start :]


# Our WARC names: <prefix>-<14-digit stamp>-<5-digit serial>-<host>.warc.gz; a distributed
# crawl's workers each have their own prefix (<job>-<worker id>).
_OUR_NAME = re.compile(r"^(?P<writer>.+)-\d{14}-\d{5}-[^/]*\.warc(\.gz)?(\.open)?$")


def warc_writer(name: str) -> str:
    """Who wrote a WARC file, by its name: the prefix of our names (a crawl's job name, a
    worker's ``<job>-<worker id>``); "" for names of other tools. A crawl and its resumed runs
    are one writer, whose files are in time order by name."""
    match = _OUR_NAME.match(name)
    return match.group("writer") if match else ""


class DamagedWarcError(Exception):
    """Bytes that are not a WARC record, somewhere after ``position`` (where the last good
    record started, or where reading started)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class _CutRecord(Exception):
    """A record whose block is shorter than its Content-Length: the file ends inside it."""

    def __init__(self, position: int, got: int, expected: int | None) -> None:
        length = f" ({got} of {expected} bytes)" if expected else " (in its header)"
        super().__init__(f"record at byte {position} is cut short{length}")
        self.position = position


def _cut_record_after(stream: BinaryIO, start: int) -> int | None:
    """Where a record cut short begins, among those from ``start`` (the last record read) to
    the end of the file; None if every one is whole. FastWARC stops silently at a record cut
    before its WARC header is complete (a gzip member that ends early, or a plain header)."""
    stream.seek(start)
    data = stream.read()
    offset = start
    while data.strip():
        if data.startswith(b"\x1f\x8b"):
            rest = _after_gzip_member(data)
        elif data.startswith(b"WARC/"):
            rest = _after_plain_record(data)
        else:
            return None  # bytes that are not WARC: reported by the reader already
        if rest is None:
            return offset
        offset += len(data) - len(rest)
        data = rest
    return None


def _after_gzip_member(data: bytes) -> bytes | None:
    """The bytes after the gzip member ``data`` starts with; None if it is cut short (or bad)."""
    decompressor = zlib.decompressobj(31)
    pending = data
    try:
        while not decompressor.eof:  # output discarded, 1 MiB at a time
            output = decompressor.decompress(pending, 1 << 20)
            pending = decompressor.unconsumed_tail
            if not output and not pending:
                return None
    except zlib.error:
        return None
    return decompressor.unused_data


_CONTENT_LENGTH = re.compile(rb"\r?\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)


def _after_plain_record(data: bytes) -> bytes | None:
    """The bytes after the uncompressed record ``data`` starts with; None if it is cut short."""
    end = data.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(data, 0, end) if end >= 0 else None
    if length is None:
        return None
    block_end = end + 4 + int(length.group(1))
    if len(data) < block_end:
        return None
    return data[block_end:].lstrip(b"\r\n")


def _read_records(stream: BinaryIO) -> Iterator[tuple[WarcRecord, bytes]]:
    """(record, block) of each whole response, revisit, resource and metadata record of a WARC
    stream, from the stream's current position.

    FastWARC reads the records (warcio's pure-Python header parser was a quarter of
    ``archiver extract``'s time). A record cut short raises ``_CutRecord``; bytes that are not a
    WARC record raise ``DamagedWarcError``.
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
        if len(block) != record.content_length or record.headers.get("Content-Length") is None:
            # FastWARC hands over what it got; a header cut before Content-Length reads as 0.
            raise _CutRecord(position, len(block), record.content_length)
        yield record, block


@dataclass(frozen=True)
class Examination:
    """What a response's payload is, decoded as the crawl decoded it: ``failure`` (the crawl's
    reason, for a 2xx body that does not decode: a failed fetch), ``refresh_url`` (a followed
    meta refresh), ``is_page`` (sniffed), and ``warnings`` for the user, in order."""

    refresh_url: str | None = None
    is_page: bool = False
    failure: str | None = None
    warnings: tuple[str, ...] = ()


def examine_payload(
    url: str, status: int, headers: dict[str, str], raw: bytes, holder: dict[str, str]
) -> tuple[Examination, bytes | None]:
    """(what the payload ``raw`` of a capture of ``url`` is, its decoded body or None when not
    decoded). ``headers``: the capture's HTTP headers; ``holder``: those of the record holding
    ``raw`` (its transfer chunking). Pure: worker processes examine records with it."""
    if redirect_target(url, status, headers.get("location")) is not None:
        return Examination(), None  # redirected before the crawl decodes anything
    try:
        decoded = _decoded(raw, headers, holder)
    except CodingError as error:
        if 200 <= status < 300:
            return Examination(failure=f"{_UNDECODABLE}{error}"), None
        # Else the crawl passes the answer on as it came (a 503 to retry, a 404 to record
        # as such): its status is what counts.
        return Examination(), None
    except (ValueError, OSError) as error:  # chunking that does not parse
        return Examination(warnings=(f"{url}: body not readable ({error})",)), None
    warnings: tuple[str, ...] = ()
    if decoded.undecoded:
        warnings = (f"{url}: unknown content coding {', '.join(decoded.undecoded)}: body read as it is",)
    body = decoded.body
    codings = content_codings([headers.get("content-encoding", "")])
    left_on = ", ".join(decoded.undecoded) if codings else headers.get("content-encoding")
    refresh_url = None
    if is_html_response(
        url,
        body,
        content_type=headers.get("content-type"),
        content_encoding=left_on,
        content_disposition=headers.get("content-disposition"),
    ):
        refresh_url = meta_refresh_target(body, url, headers.get("content-type"))
    is_page = 200 <= status < 300 and refresh_url is None and _sniffs_as_html(url, headers, body)
    return Examination(refresh_url, is_page, None, warnings), body


# The WARC headers WarcIndex reads from a RecordEntry (the others are read in summarise_record).
_INDEXED_HEADERS = (
    "warc-record-id",
    "warc-date",
    "warc-concurrent-to",
    "warc-truncated",
    "warc-refers-to",
    "warc-refers-to-date",
    "warc-profile",
)


@dataclass(frozen=True)
class RecordEntry:
    """All the index needs of one record, as plain data (made where the record is read, applied
    by the index in file order): its ``warc_type``, the WARC ``headers`` the index reads
    (lower-cased names, first value), ``offset``; ``target`` (WARC-Target-URI as records name it, "" if
    none) and ``url`` (as fetched); ``noting`` (a warcinfo of ours noting parsed pages);
    ``note`` (a metadata record's text); ``http`` (status, lower-cased HTTP headers; None: not
    an HTTP response); the payload's ``digest`` and ``length`` (bytes, as stored);
    ``refers_to_uri`` (a revisit's); ``exam`` (a response's or resource's :class:`Examination`,
    None for reference files)."""

    warc_type: str
    headers: dict[str, str]
    offset: int
    target: str = ""
    url: str = ""
    noting: bool = False
    note: str = ""
    http: tuple[int, dict[str, str]] | None = None
    digest: str = ""
    length: int = 0
    refers_to_uri: str = ""
    exam: Examination | None = None


def summarise_record(record: WarcRecord, block: bytes, examine: bool = True) -> RecordEntry:
    """The :class:`RecordEntry` of a record read whole (its ``block``); ``examine``: decode
    and examine a response's payload."""
    rec_type = _TYPE_NAMES[int(record.record_type)]
    # One dict of the WARC headers: FastWARC's HeaderMap.get() costs more than reading them all.
    headers: dict[str, str] = {}
    for name, value in record.headers.items():
        headers.setdefault(name.lower(), value)
    offset = record.stream_pos
    # The entry keeps only the headers the index reads: entries cross processes (--jobs N).
    kept = {name: headers[name] for name in _INDEXED_HEADERS if name in headers}
    if rec_type == "warcinfo":
        return RecordEntry(rec_type, kept, offset, noting=_PAGES_NOTED.search(block) is not None)
    target = _target_uri(headers.get("warc-target-uri") or "")
    if not target:
        return RecordEntry(rec_type, kept, offset)
    url = fetched_url(target)
    if rec_type == "metadata":
        return RecordEntry(rec_type, kept, offset, target, url, note=block.decode("utf-8", "replace"))
    if rec_type == "conversion":
        return RecordEntry(rec_type, kept, offset, target, url)
    if rec_type == "resource":
        status, names, raw = 200, {"content-type": headers.get("content-type", "")}, block
    else:
        parsed = _split_http_response(block)
        if parsed is None:
            if rec_type != "revisit":
                return RecordEntry(rec_type, kept, offset, target, url)
            parsed = (200, {}, b"")  # a revisit without HTTP headers: the original's apply
        status, names, raw = parsed
    digest = headers.get("warc-payload-digest") or payload_digest(raw)
    if rec_type == "revisit":
        refers_to_uri = fetched_url(_target_uri(headers.get("warc-refers-to-target-uri") or ""))
        return RecordEntry(
            rec_type, kept, offset, target, url, http=(status, names), digest=digest,
            length=len(raw), refers_to_uri=refers_to_uri,
        )  # fmt: skip
    exam: Examination | None = None
    if examine:
        exam, _ = examine_payload(url, status, names, raw, names)
    return RecordEntry(
        rec_type, kept, offset, target, url, http=(status, names), digest=digest, length=len(raw),
        exam=exam,
    )  # fmt: skip


@dataclass(frozen=True)
class RangeSummary:
    """The records of one byte range of a WARC file (see :func:`summarise_range`): ``entries``
    (those starting in the range, in file order); ``first``, the offset of the first record
    read from the range's start, and ``after``, that of the first record at or past its end
    (None: the end of the file), by which the index checks that ranges join up; ``damaged``:
    reading met damage (the index then reads on by itself); ``empty``: no record starts in it."""

    entries: list[RecordEntry]
    first: int | None = None
    after: int | None = None
    damaged: bool = False
    empty: bool = False


def range_bounds(size: int, step: int) -> list[tuple[int, int]]:
    """Nominal (start, end) byte ranges of ``step`` bytes (at least 1) covering a file of ``size``
    bytes (one range at least)."""
    step = max(1, step)
    return [(start, min(size, start + step)) for start in range(0, max(size, 1), step)]


def _boundary(stream: BinaryIO, nominal: int, size: int) -> int:
    """Where the range starting nominally at ``nominal`` really starts: the first record start at
    or after it (0 for the file's start; ``size`` if none). Every range of a file is cut the
    same way by whichever process reads it, so ranges neither overlap nor leave gaps."""
    if nominal <= 0:
        return 0
    if nominal >= size:
        return size
    found = next_record_start(stream, nominal - 1)
    return size if found is None else found


def summarise_range(source: WarcSource, start: int, end: int) -> RangeSummary:
    """The :class:`RangeSummary` of the records of ``source`` starting in the nominal byte range
    [``start``, ``end``) moved to record starts (so any split of a file into ranges works: by
    gzip member in a ``.warc.gz``, by record in a plain WARC). Reads the file itself: only
    plain data crosses processes. A range start that is not really a record (``WARC/1.`` inside
    a plain payload) is caught by the index, whose ``first``/``after`` check then fails."""
    with source.open() as stream:
        size = stream.seek(0, 2)
        begin, stop = _boundary(stream, start, size), _boundary(stream, end, size)
        if begin >= stop:
            return RangeSummary([], empty=True)
        stream.seek(begin)
        entries: list[RecordEntry] = []
        first: int | None = None
        try:
            for record, block in _read_records(stream):
                if first is None:
                    first = record.stream_pos
                if record.stream_pos >= stop:
                    return RangeSummary(entries, first, record.stream_pos)
                entries.append(summarise_record(record, block))
        except (DamagedWarcError, _CutRecord):
            return RangeSummary(entries, first, damaged=True)
        return RangeSummary(entries, first, None)


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
        value = value[1:-1]
    return canonical_url(value) if value else value  # looked up by the URLs records name


@dataclass(frozen=True)
class _Original:
    """Where a response's payload is, for the revisits that repeat it."""

    source: WarcSource
    offset: int
    is_http: bool
    status: int
    headers: dict[str, str]
    length: int


@dataclass
class _Revisit:
    capture: Capture
    refers_to: str
    refers_to_uri: str
    refers_to_date: str
    has_http: bool
    not_modified: bool = False  # WARC-Profile server-not-modified: an HTTP 304 of its own


@dataclass
class _Originals:
    by_id: dict[str, _Original] = field(default_factory=dict)
    by_uri_date: dict[tuple[str, str], _Original] = field(default_factory=dict)
    by_digest: dict[str, _Original] = field(default_factory=dict)

    def add(self, record_id: str, url: str, date: str, digest: str, original: _Original) -> None:
        self.by_id[record_id] = original
        self.by_uri_date[(url, date)] = original
        self.by_digest.setdefault(digest, original)

    def find(self, revisit: _Revisit) -> _Original | None:
        return (
            self.by_id.get(revisit.refers_to)
            or self.by_uri_date.get((revisit.refers_to_uri, revisit.refers_to_date))
            or self.by_digest.get(revisit.capture.payload_digest)
        )


class WarcIndex:
    """What a set of WARC files captured, by URL (the last capture of a URL wins, as in a crawl
    where a retry's response is the one the spider saw).

    ``captures``: URL (without ``#fragment``: see :func:`archiver.urls.fetched_url`) ->
    :class:`Capture`; ``fetch_errors``: URL as the request named it -> reason of a request that
    got no usable response (the crawl's fetch-error records, and bodies that do not decode);
    ``warnings``: one line per problem met, for the user (``damaged``: the damage among them).

    Which captures are pages (``Capture.is_page``, those that may start an article): in files
    our crawl wrote (their warcinfo has ``parsed-pages-noted``), exactly those it parsed, each
    noted by a ``metadata`` record with ``hops-from-seed`` (never a robots.txt, an image URL or
    a refresh stub, whatever they hold; a page-like answer without a note is
    ``unnoted_page``); in other tools' files, which say nothing of it (and ours of an older
    version), the 2xx responses that are HTML by their type or their first bytes. A page
    reached through a chain is parsed whatever it holds, as the crawl parses it.

    ``references``: WARC files (an incremental job's earlier runs) read only for the payloads
    their response and resource records hold, which resolve revisits of ``paths`` (either
    profile); their captures are not captures of this index (never extracted, nor counted as
    fetched), and their revisits, notes and fetch errors are not read.
    """

    def __init__(
        self,
        paths: Iterable[Path | WarcSource],
        references: Iterable[Path | WarcSource] = (),
        ranges: Callable[[WarcSource], Iterable[RangeSummary]] | None = None,
    ) -> None:
        # ``ranges(source)``: the summaries of a file's byte ranges, in file order, made by
        # :func:`summarise_range` (in other processes): only applying them is left here.
        self._ranges = ranges
        self.captures: dict[str, Capture] = {}
        self._by_record_id: dict[str, Capture] = {}  # every capture, by WARC-Record-ID
        self.fetch_errors: dict[str, str] = {}
        self.damaged: list[str] = []  # "file: what could not be read"
        self.warnings: list[str] = []
        # URLs in the order first captured, each with the writer and WARC-Date of that capture
        self._first_seen: dict[str, tuple[str, str]] = {}
        self._writer = ""  # the writer of the file being read (warc_writer)
        self._originals = _Originals()
        self._revisits: list[_Revisit] = []
        self._parsed_records: set[str] = set()  # record IDs of responses the crawl parsed
        self._parsed_urls: set[str] = set()  # ... of such notes that name no record
        self._noting = False  # whether the file being read is one of ours
        self._wanted: tuple[set[str], set[tuple[str, str]], set[str]] = (set(), set(), set())
        self._reference = False  # whether the file being read is a reference-only one
        for source in sorted(map(as_source, paths), key=lambda s: s.name):
            self._noting = False
            self._writer = warc_writer(source.name)
            self._read_source(source)
        # Reference files are read last, for the originals this set's revisits name only: memory
        # grows with this set, not with every earlier run of a job.
        self._wanted = (
            {revisit.refers_to for revisit in self._revisits},
            {(revisit.refers_to_uri, revisit.refers_to_date) for revisit in self._revisits},
            {revisit.capture.payload_digest for revisit in self._revisits},
        )
        self._reference = True
        for source in sorted(map(as_source, references), key=lambda s: s.name) if self._revisits else ():
            self._read_source(source)
        self._reference = False
        for revisit in self._revisits:
            self._resolve_revisit(revisit)
        self._revisits.clear()
        for capture in self.captures.values():
            if capture.noted:
                sniffed = capture.is_page
                capture.is_page = (
                    capture.record_id in self._parsed_records or capture.url in self._parsed_urls
                )
                capture.unnoted_page = sniffed and not capture.is_page

    @property
    def order(self) -> list[str]:
        """URLs with a capture, in the order first captured."""
        writers: dict[str, list[tuple[str, str]]] = {}
        for url, (writer, date) in self._first_seen.items():
            if url in self.captures:
                writers.setdefault(writer, []).append((date, url))
        if len(writers) <= 1:
            return [url for url in self._first_seen if url in self.captures]
        # Several writers (the workers of a distributed crawl, merged): each writer's captures
        # in its own order, the writers interleaved by WARC-Date, so that a page one worker
        # fetched after another worker's page that led to it comes after it, as in one crawl.
        merged = heapq.merge(*(writers[name] for name in sorted(writers)), key=lambda entry: entry[0])
        return [url for _, url in merged]

    # -- reading --------------------------------------------------------------------------------
    def _read_source(self, source: WarcSource) -> None:
        """One file: through ``ranges`` (summarised by other processes) when given and the file
        is not reference-only, else record by record here. Either way the summaries are applied
        in file order by :meth:`_apply`, and where the ranges do not join up (damage, a range
        start that was no record), reading goes on here from the last record applied."""
        with source.open() as stream:
            if self._ranges is None or self._reference:
                self._read_file(source, stream)
                return
            last, read_any = 0, False
            expected: int | None = 0  # where the next range's first record must be
            for index, summary in enumerate(self._ranges(source)):
                if summary.empty:
                    continue  # no record starts in it: the range before reached past it
                if summary.damaged or (index > 0 and summary.first != expected):
                    # Read on here from the last record applied: the same warnings as one pass.
                    self._read_file(source, stream, expected, last, read_any)
                    return
                for entry in summary.entries:
                    last, read_any = entry.offset, True
                    self._apply(entry, source)
                expected = summary.after
            # The tail, as the loop below ends a file: a last record cut short.
            self._read_file(source, stream, expected, last, read_any)

    def _read_file(
        self, path: WarcSource, stream: BinaryIO, start: int | None = 0, last: int = 0, read_any: bool = False
    ) -> None:
        """Every record of one file from ``start`` (a record's start; None: the end of the file,
        past the records ``last`` ended); past damage, reading resumes at the next record that
        can be read, and one warning says which bytes were skipped. ``last``, ``read_any``: the
        last record applied before ``start``, whether there was one."""
        damage: tuple[int, str] | None = None  # (where it starts, first error) while skipping
        resume = 0
        if start is None:
            stream.seek(0, 2)
        else:
            stream.seek(start)
        while True:
            try:
                for record, block in _read_records(stream):
                    if damage is not None:
                        self._note_damage(path, *damage, f"up to byte {resume}")
                        damage = None
                    last, read_any = record.stream_pos, True
                    self._apply(summarise_record(record, block, examine=not self._reference), path)
                if damage is not None:
                    self._note_damage(path, *damage, f"up to byte {resume}")
                cut = _cut_record_after(stream, last)
                if cut is not None:
                    # The last record read whole can still lack its gzip trailer (CRC, size).
                    read = "record read whole" if cut == last and read_any else "record skipped"
                    self._warn_damage(
                        f"{path.name}: record at byte {cut} is cut short: the file ends inside it, {read}"
                    )
                return
            except _CutRecord as cut:
                if damage is not None:
                    self._note_damage(path, *damage, f"up to byte {resume}")
                self._warn_damage(f"{path.name}: {cut}: the file ends inside it, record skipped")
                return
            except DamagedWarcError as error:
                damage = damage or (error.position, str(error))
                found = next_record_start(stream, error.position)
                if found is None:
                    self._note_damage(path, *damage, "to the end")
                    return
                resume = found
                stream.seek(resume)

    def _note_damage(self, path: WarcSource, start: int, error: str, skipped: str) -> None:
        self._warn_damage(f"{path.name}: damaged data after byte {start} ({error}), skipped {skipped}")

    def _warn_damage(self, message: str) -> None:
        self.damaged.append(message)
        self.warnings.append(message)

    def _apply(self, entry: RecordEntry, path: WarcSource) -> None:
        """One record's summary (:func:`summarise_record`), in file order."""
        rec_type, headers, offset = entry.warc_type, entry.headers, entry.offset
        if rec_type == "warcinfo":
            self._noting = entry.noting
            return
        if not entry.target:
            return
        if self._reference:
            self._add_reference(entry, path)
            return
        if rec_type == "metadata":
            self._read_note(entry.target, headers.get("warc-concurrent-to") or "", entry.note)
            return
        url = entry.url
        if rec_type == "conversion":
            self.warnings.append(
                f"{url}: a conversion record ({path.name} at byte {offset}) is not read: "
                "pages are read from the captured responses"
            )
            return
        if entry.http is None:
            return
        status, names = entry.http
        record_id = headers.get("warc-record-id") or ""
        date = headers.get("warc-date") or ""
        capture = Capture(
            url=url,
            status=status,
            headers=names,
            source=path,
            offset=offset,
            record_id=record_id,
            date=date,
            warc_type=rec_type,
            payload_digest=entry.digest,
            payload_length=entry.length,
            is_page=False,
            truncated=headers.get("warc-truncated"),
            payload_source=path,
            payload_offset=offset,
            payload_is_http=rec_type != "resource",
            noted=self._noting,
        )
        self._first_seen.setdefault(url, (self._writer, date))
        self._by_record_id[record_id] = capture
        if self._is_later(url, date):
            self.captures[url] = capture
            self.fetch_errors.pop(url, None)  # a later response replaces an earlier failure
        if rec_type == "revisit":
            capture.payload_source = None  # until resolved
            self._revisits.append(
                _Revisit(
                    capture,
                    refers_to=headers.get("warc-refers-to") or "",
                    refers_to_uri=entry.refers_to_uri,
                    refers_to_date=headers.get("warc-refers-to-date") or "",
                    has_http=bool(names),
                    not_modified=(headers.get("warc-profile") or "").endswith("/server-not-modified"),
                )
            )
            return
        original = _Original(path, offset, rec_type != "resource", status, names, entry.length)
        self._originals.add(record_id, url, date, entry.digest, original)
        if entry.exam is not None:
            self._apply_exam(capture, entry.exam)

    def _is_later(self, url: str, date: str) -> bool:
        """Whether a capture of ``url`` dated ``date`` in the file being read replaces the one
        held: the later one wins, files being read in name order; between two writers (workers
        of a distributed crawl), by WARC-Date."""
        held = self.captures.get(url)
        if held is None or warc_writer(held.source.name) == self._writer:
            return True
        return held.date <= date

    def _add_reference(self, entry: RecordEntry, path: WarcSource) -> None:
        """A record of a reference-only file: an original for revisits, nothing more."""
        if entry.warc_type not in ("resource", "response") or entry.http is None:
            return
        status, names = entry.http
        headers, url, digest = entry.headers, entry.url, entry.digest
        record_id, date = headers.get("warc-record-id") or "", headers.get("warc-date") or ""
        ids, uri_dates, digests = self._wanted
        if record_id in ids or (url, date) in uri_dates or digest in digests:
            original = _Original(
                path, entry.offset, entry.warc_type != "resource", status, names, entry.length
            )
            self._originals.add(record_id, url, date, digest, original)

    def _read_note(self, url: str, concurrent_to: str, block: str) -> None:
        """A metadata record: a failed fetch, or (``hops-from-seed``) a page the crawl parsed,
        named by its response's record ID (``WARC-Concurrent-To``) or else by its URL."""
        for line in block.splitlines():
            if line.startswith("fetch-error: "):
                self.fetch_errors[url] = line[len("fetch-error: ") :]
            elif line.startswith(f"{HOPS_FIELD}:"):
                if concurrent_to:
                    self._parsed_records.add(concurrent_to)
                else:
                    self._parsed_urls.add(fetched_url(url))

    def _resolve_revisit(self, revisit: _Revisit) -> None:
        capture = revisit.capture
        original = self._originals.find(revisit)
        if original is None:
            self.warnings.append(
                f"revisit of {capture.url} ({capture.filename} at byte {capture.offset}) refers to "
                f"{revisit.refers_to or revisit.refers_to_uri or capture.payload_digest}, which is in "
                "none of the files given: its payload is unknown"
            )
            return
        capture.payload_source, capture.payload_offset = original.source, original.offset
        capture.payload_is_http = original.is_http
        capture.payload_length = original.length
        if not revisit.has_http or revisit.not_modified:
            # A 304 to a conditional request (Heritrix's server-not-modified profile): the page
            # is the original's, read with its status and headers.
            capture.headers = dict(original.headers)
            capture.status = original.status
        if self.captures.get(capture.url) is capture:
            payload = capture_payload(capture)
            if payload is not None:
                exam, _ = examine_payload(capture.url, capture.status, capture.headers, *payload)
                self._apply_exam(capture, exam)

    def _apply_exam(self, capture: Capture, exam: Examination) -> None:
        """What :func:`examine_payload` found, applied to ``capture``: its warnings, a failed
        fetch, a followed meta refresh, whether it is a page."""
        self.warnings.extend(exam.warnings)
        if exam.failure is not None:
            self._fail(capture, exam.failure)
            return
        capture.refresh_url = exam.refresh_url
        capture.is_page = exam.is_page

    def _fail(self, capture: Capture, reason: str) -> None:
        what = reason.removeprefix("IgnoreRequest: ")
        self.warnings.append(f"{capture.url}: {what} (a failed fetch, as in the crawl)")
        if self.captures.get(capture.url) is capture:
            del self.captures[capture.url]
            self.fetch_errors.setdefault(capture.url, reason)

    # -- bodies ---------------------------------------------------------------------------------
    def body(self, capture: Capture) -> bytes:
        """The decoded payload of a captured page, read again from its WARC record (the
        original's, for a revisit). Empty when it cannot be read (:func:`capture_body`)."""
        return capture_body(capture)

    def capture_of_record(self, record_id: str) -> Capture | None:
        """The capture made from the record ``record_id`` (``<urn:uuid:...>``, as an article's
        ``capture.warc_record_id`` names it), a revisit resolved to its original's payload; also
        one a later capture of its URL replaced in :attr:`captures`, or whose body does not
        decode (:meth:`body` is then empty). None if no file given holds it."""
        return self._by_record_id.get(record_id)

    def resolve(self, url: str) -> tuple[str, Capture | None]:
        """Follow archived redirects and followed meta refreshes from ``url``: (last URL, its
        capture or None). See :meth:`resolve_path`."""
        resolution = self.resolve_path(url)
        return resolution.path[-1], resolution.capture

    def resolve_path(self, url: str) -> Resolution:
        """Follow archived redirects and followed meta refreshes from ``url`` by the crawl's
        rules (:mod:`archiver.redirects`: which answers redirect, where to, which hops are
        refused), to the answer the crawl's spider got or the failure it recorded."""
        path = [url]
        while True:
            capture = self.captures.get(fetched_url(url))  # no client sends the fragment
            if capture is None:
                return Resolution(path, None, self.fetch_errors.get(url))
            # The redirect middleware (600) sees an answer before the meta refresh one (580).
            target = capture.redirect_url or capture.refresh_url
            if target is None:
                return Resolution(path, capture)
            refusal = refused_hop(path, target)
            if refusal is not None:
                return Resolution(path, None, f"{IGNORED}{refusal}")
            path.append(target)
            url = target


def capture_payload(capture: Capture) -> tuple[bytes, dict[str, str]] | None:
    """(payload as stored, headers of the record holding it), read again from its WARC; None
    when the record cannot be read. Needs only ``capture`` (no index): worker processes of a
    parallel extraction read pages with it."""
    if capture.payload_source is None:
        return None
    with capture.payload_source.open() as stream:
        stream.seek(capture.payload_offset)
        try:
            for _, block in _read_records(stream):
                if not capture.payload_is_http:
                    return block, {}
                parsed = _split_http_response(block)
                return (parsed[2], parsed[1]) if parsed else None
        except (DamagedWarcError, _CutRecord):
            return None
    return None


def capture_body(capture: Capture) -> bytes:
    """The decoded payload of a captured page (a revisit: its original's), as the crawl decoded
    it; empty when it cannot be read or decoded."""
    payload = capture_payload(capture)
    if payload is None:
        return b""
    raw, holder = payload
    try:
        return _decoded(raw, capture.headers, holder).body
    except (CodingError, ValueError, OSError):
        return b""


# -- single records, for the job capture index and responses rebuilt from an earlier run -------
@dataclass(frozen=True)
class RecordSummary:
    """One response, revisit or resource record: ``warc_headers`` (lower-cased names, first
    value), where it starts (``offset``), the HTTP ``status`` and ``http_headers`` (lower-cased,
    last value; none for a resource or a revisit without HTTP head) and its payload's digest
    and length in bytes (as stored: still content-encoded)."""

    warc_type: str
    warc_headers: dict[str, str]
    offset: int
    status: int | None
    http_headers: dict[str, str]
    payload_digest: str
    payload_length: int


def record_summaries(source: Path | WarcSource) -> Iterator[RecordSummary]:
    """The response, revisit and resource records of one WARC file, in file order. Reading stops
    at the first damage (a cut or unreadable record): what came before it is whole on disk."""
    source = as_source(source)
    with source.open() as stream:
        try:
            for record, block in _read_records(stream):
                kind = _TYPE_NAMES[int(record.record_type)]
                if kind not in ("response", "revisit", "resource"):
                    continue
                headers: dict[str, str] = {}
                for name, value in record.headers.items():
                    headers.setdefault(name.lower(), value)
                status: int | None = None
                http: dict[str, str] = {}
                payload = block
                if kind != "resource":
                    parsed = _split_http_response(block)
                    if parsed is not None:
                        status, http, payload = parsed
                elif block:
                    status = 200
                digest = headers.get("warc-payload-digest") or payload_digest(payload)
                yield RecordSummary(kind, headers, record.stream_pos, status, http, digest, len(payload))
        except (DamagedWarcError, _CutRecord):
            return


@dataclass(frozen=True)
class ArchivedResponse:
    """An archived HTTP response as stored: ``status``, ``headers`` (lower-cased name, value)
    pairs in order, ``payload`` (still content-encoded)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    payload: bytes


def archived_response(source: Path | WarcSource, offset: int) -> ArchivedResponse | None:
    """The response record starting at ``offset`` of ``source``; None when no readable response
    record starts there (the file gone, cut or damaged, another record type)."""
    try:
        with as_source(source).open() as stream:
            stream.seek(offset)
            for record, block in _read_records(stream):
                if _TYPE_NAMES[int(record.record_type)] != "response":
                    return None
                head = read_response_head(block)
                if head is None:
                    return None
                return ArchivedResponse(head.status, head.headers, block[head.body_start :])
    except (OSError, DamagedWarcError, _CutRecord):
        return None
    return None
