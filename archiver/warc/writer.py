"""Rotating, crash-aware WARC/1.1 files: one gzip member per record, ``.open`` until closed.

Files are named ``PREFIX-TIMESTAMP-SERIAL-HOST.warc.gz`` (Heritrix's scheme), start with a
``warcinfo`` record, and rotate once they pass ``max_size``. Serials continue from the files
already in the folder, so a resumed crawl never overwrites one. Identical payloads (the same
image under two URLs) are written once; later copies become ``revisit`` records, and only
records whose write succeeded are in the index: a revisit never points at nothing.

The HTTP response head goes into the record byte for byte as the exchange stores it
(:meth:`HttpExchange.stored_response_head`), not re-serialised by warcio, which would
percent-encode non-ASCII header values.
"""

from __future__ import annotations

import io
import os
import re
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.appending import NO_SPACE, DiskFullError, append_whole
from archiver.lru import LruDict
from archiver.names import safe_name_part as safe_name_part  # re-exported: tests use it here
from archiver.urls import redacted_url
from archiver.warc.exchange import HEAD_NOTE_FIELD, HttpExchange, payload_digest, warc_date
from archiver.warc.repair import recover_open_file

DEFAULT_MAX_SIZE = 1_000_000_000
_SERIAL = re.compile(r"-(\d{5})-[^-]*\.warc\.gz(?:\.open)?$")


class _VerbatimHead(StatusAndHeaders):  # type: ignore[misc]
    """An HTTP head whose bytes are given: warcio writes ``headers_buff`` and digests it, and
    would otherwise rebuild it from the parsed fields (re-encoding them)."""

    def __init__(self, exchange: HttpExchange, head: bytes) -> None:
        super().__init__(exchange.status_line(), exchange.stored_response_headers(), exchange.protocol)
        self.headers_buff = head

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        pass  # keep the bytes as received


@dataclass(frozen=True)
class WrittenRecord:
    filename: str
    offset: int
    length: int
    record_id: str
    warc_type: str  # "response" or "revisit"
    payload_digest: str
    payload_length: int
    date: str
    refers_to: str | None = None
    truncated: str | None = None


@dataclass(frozen=True, slots=True)
class _Original:
    record_id: str
    uri: str
    date: str
    payload_length: int


@dataclass(frozen=True)
class RevisitTarget:
    """A response record of an earlier run that a revisit of this run refers to: its
    ``record_id``, target ``uri``, WARC ``date``, payload digest and payload length (bytes)."""

    record_id: str
    uri: str
    date: str
    payload_digest: str
    payload_length: int


NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


class WarcWriter:
    def __init__(
        self,
        directory: Path,
        *,
        prefix: str = "archiver",
        info: Mapping[str, str] | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
        record_secrets: bool = False,
        dedup: bool = True,
        dedup_index_size: int = 20_000,
        earlier_original: Callable[[str], RevisitTarget | None] | None = None,
    ) -> None:
        self.directory = directory
        self.prefix = safe_name_part(prefix, "archiver")
        self.host = safe_name_part(socket.gethostname(), "host")
        self.info = dict(info or {})
        self.max_size = max_size
        self.record_secrets = record_secrets
        self.dedup = dedup
        # Payload digest -> first capture, for revisits. Bounded: identical payloads come close
        # together in a crawl (one image under several size names), and an unbounded index grows
        # with every image ever fetched.
        self._originals: LruDict[str, _Original] = LruDict(dedup_index_size)
        # Payload digest -> a response record of an earlier run of the job (the job capture
        # index), asked on a miss of the in-memory index; None outside a job.
        self.earlier_original = earlier_original
        self._file: io.FileIO | None = None
        # Each record is built here, then written to the file whole: an unbuffered file keeps
        # no bytes of a failed write around to be flushed later, and a short write is retried.
        self._pending = io.BytesIO()
        self._writer: WARCWriter | None = None
        self._name = ""
        self._unsynced = False  # records written since the last fsync
        self.closed_files: list[str] = []
        self.bytes_written = 0  # by this writer (this run), warcinfo records included: --size-limit
        self.recovered: list[tuple[str, int]] = []  # (file, bytes cut) of .open files found
        self._recover_open_files()
        self._serial = self._next_serial()

    def _recover_open_files(self) -> None:
        """Files a killed run left open are cut to their last whole record and closed."""
        for path in sorted(self.directory.glob(f"{self.prefix}-*.warc.gz.open")):
            final, cut = recover_open_file(path)
            self.recovered.append((final.name, cut))

    def _next_serial(self) -> int:
        serials = [
            int(match.group(1))
            for path in self.directory.glob(f"{self.prefix}-*.warc.gz*")
            if (match := _SERIAL.search(path.name))
        ]
        return max(serials, default=-1) + 1

    @property
    def current_filename(self) -> str:
        return self._name

    def _open(self) -> WARCWriter:
        if self._writer is not None:
            return self._writer
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        self._name = f"{self.prefix}-{stamp}-{self._serial:05d}-{self.host}.warc.gz"
        self._serial += 1
        self._file = open(self.directory / f"{self._name}.open", "xb", buffering=0)  # noqa: SIM115 - closed in close()
        self._writer = WARCWriter(self._pending, gzip=True, warc_version="1.1")
        info_record = self._writer.create_warcinfo_record(self._name, self.info)
        try:
            self._write(info_record)
        except OSError:
            # A WARC file begins with its warcinfo record: without it, no file (the next
            # attempt opens one afresh, under the same serial).
            self._discard_current_file()
            self._serial -= 1
            raise
        return self._writer

    def _discard_current_file(self) -> None:
        assert self._file is not None
        self._file.close()
        (self.directory / f"{self._name}.open").unlink(missing_ok=True)
        self._file = None
        self._writer = None
        self._unsynced = False

    def _write(self, record: Any) -> tuple[int, int]:
        assert self._writer is not None and self._file is not None
        self._pending.seek(0)
        self._pending.truncate()
        self._writer.write_record(record)
        data = self._pending.getvalue()
        # Never half a record: a failed write leaves the file as it was before this record.
        offset = append_whole(self._file.fileno(), data, name=self._name)
        self._unsynced = True
        self.bytes_written += len(data)
        return offset, len(data)

    def _rotate_if_full(self) -> None:
        if self._file is not None and self._file.tell() >= self.max_size:
            self.close()

    def _original_of(self, digest: str) -> _Original | None:
        """Where a payload was written first: in this run (the LRU), else in an earlier run."""
        original = self._originals.get(digest)
        if original is None and self.earlier_original is not None:
            earlier = self.earlier_original(digest)
            if earlier is not None:
                original = _Original(earlier.record_id, earlier.uri, earlier.date, earlier.payload_length)
                self._originals[digest] = original
        return original

    def write_exchange(
        self, exchange: HttpExchange, not_modified: RevisitTarget | None = None
    ) -> WrittenRecord:
        """Write the response (or a revisit) and its request, linked by WARC-Concurrent-To.

        ``not_modified``: the exchange is a 304 to a conditional request made from that earlier
        capture; it is written as a ``revisit`` of profile server-not-modified referring to it,
        with the 304's own head (WARC 1.1 §6.7.3)."""
        writer = self._open()
        date = warc_date(exchange.fetched_at)
        digest = payload_digest(exchange.body)
        head, head_note = exchange.stored_response_head()
        http_headers = _VerbatimHead(exchange, head)
        warc_headers: dict[str, str] = {"WARC-Date": date}
        if exchange.ip_address:
            warc_headers["WARC-IP-Address"] = exchange.ip_address
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = exchange.truncated
        if head_note:
            warc_headers[HEAD_NOTE_FIELD] = head_note
        original = (
            self._original_of(digest) if self.dedup and exchange.body and not exchange.truncated else None
        )
        if not_modified is not None:
            record = writer.create_revisit_record(
                exchange.url,
                not_modified.payload_digest,
                not_modified.uri,
                not_modified.date,
                http_headers=http_headers,
                warc_headers_dict={**warc_headers, "WARC-Refers-To": not_modified.record_id},
            )
            # warcio names only the identical-payload-digest profile.
            record.rec_headers.replace_header("WARC-Profile", NOT_MODIFIED_PROFILE)
            warc_type, refers_to = "revisit", not_modified.record_id
            digest, payload_length = not_modified.payload_digest, not_modified.payload_length
        elif original is not None:
            record = writer.create_revisit_record(
                exchange.url,
                digest,
                original.uri,
                original.date,
                http_headers=http_headers,
                warc_headers_dict={**warc_headers, "WARC-Refers-To": original.record_id},
            )
            warc_type, payload_length, refers_to = "revisit", original.payload_length, original.record_id
        else:
            warc_headers["WARC-Payload-Digest"] = digest
            record = writer.create_warc_record(
                exchange.url,
                "response",
                payload=io.BytesIO(exchange.body),
                length=len(exchange.body),
                http_headers=http_headers,
                warc_headers_dict=warc_headers,
            )
            warc_type, payload_length, refers_to = "response", len(exchange.body), None
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        filename = self._name
        offset, length = self._write(record)
        # Indexed only once written: after a failed write (full disk) a later copy of the payload
        # must be written in full, not as a revisit of a record that is not there.
        if (
            warc_type == "response"
            and exchange.body
            and 200 <= exchange.status < 300
            and not exchange.truncated
            and digest not in self._originals
        ):
            self._originals[digest] = _Original(record_id, exchange.url, date, len(exchange.body))
        request_line_headers = StatusAndHeaders(
            f"{exchange.method} {exchange.request_target()} {exchange.request_protocol()}",
            exchange.stored_request_headers(self.record_secrets),
            is_http_request=True,
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(exchange.request_body),
            length=len(exchange.request_body),
            http_headers=request_line_headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
        )
        self._write(request)
        self._rotate_if_full()
        return WrittenRecord(
            filename,
            offset,
            length,
            record_id,
            warc_type,
            digest,
            payload_length,
            date,
            refers_to,
            exchange.truncated,
        )

    def write_metadata(self, url: str, concurrent_to: str, date: str, fields: list[tuple[str, str]]) -> None:
        """A ``metadata`` record (application/warc-fields) about a captured page, e.g. its outlinks."""
        writer = self._open()
        body = "".join(f"{name}: {value}\r\n" for name, value in fields).encode("utf-8")
        record = writer.create_warc_record(
            redacted_url(url),  # no userinfo (a password) in what the archive says
            "metadata",
            payload=io.BytesIO(body),
            length=len(body),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Date": date,
                **({"WARC-Concurrent-To": concurrent_to} if concurrent_to else {}),
            },
        )
        self._write(record)
        self._rotate_if_full()

    def write_fetch_error(self, url: str, reason: str) -> None:
        """A failed fetch (DNS, timeout, reset, robots.txt) never produced a response; a metadata
        record keeps "not captured" apart from "did not exist"."""
        self.write_metadata(url, "", warc_date(datetime.now(UTC)), [("fetch-error", reason)])

    def sync(self) -> None:
        """Make every record written so far durable (flush + fsync), so that a line citing one
        is never on disk before the record. Nothing to do, no system call, when nothing was
        written since the last sync.

        :raises DiskFullError: the disk refused the data (ENOSPC, EFBIG, EDQUOT).
        """
        if self._file is None or not self._unsynced:
            return
        try:
            os.fsync(self._file.fileno())
        except OSError as error:
            if error.errno in NO_SPACE:
                raise DiskFullError(f"no space left to sync {self._name}: {error.strerror}") from error
            raise
        self._unsynced = False

    def close(self) -> None:
        """Finish the current file: flush, fsync and drop the ``.open`` suffix."""
        if self._file is None:
            return
        os.fsync(self._file.fileno())
        self._unsynced = False
        self._file.close()
        os.replace(self.directory / f"{self._name}.open", self.directory / self._name)
        self.closed_files.append(self._name)
        self._file = None
        self._writer = None
