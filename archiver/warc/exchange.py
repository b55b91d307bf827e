"""One HTTP request and its response, as the crawler saw them: the unit a WARC pair records.

Nothing here knows Scrapy or warcio; the crawl adapter fills it, the writer serialises it.

The response head is stored as received when the crawl saw it (``raw_head``). One edit is
unavoidable: the body is stored de-chunked (Twisted removes the chunking before anyone sees
it), so a ``Transfer-Encoding: chunked`` line is renamed ``X-Orig-Transfer-Encoding``, else a
replayer would de-chunk again and cut the body. Without a received head, one is rebuilt from
the parsed status and headers. :meth:`HttpExchange.stored_response_head` says which happened.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urlsplit

Headers = list[tuple[str, str]]

# Values of HEAD_NOTE_FIELD, the WARC named field saying how the stored HTTP head differs from the
# bytes received. No field: the head is byte for byte as received.
HEAD_NOTE_FIELD = "X-Archiver-Http-Head"
HEAD_REBUILT = "rebuilt"  # not seen as sent: reason phrase, connection headers, header bytes may differ
HEAD_TRANSFER_ENCODING_RENAMED = "transfer-encoding-renamed"  # as received but that one header name
_ORIGINAL_PREFIX = b"X-Orig-"

# Values of these request headers are secrets of the crawler's user; WARCs are shared.
SENSITIVE_REQUEST_HEADERS = frozenset({"cookie", "authorization", "proxy-authorization"})
REDACTED = "[redacted]"


def payload_digest(payload: bytes) -> str:
    """WARC-Payload-Digest form: ``sha1:`` + base32 of the SHA-1 of the payload."""
    return "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode("ascii")


def reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def warc_date(moment: datetime) -> str:
    """WARC/1.1 date with microseconds, always UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class HttpExchange:
    url: str
    status: int
    response_headers: Headers
    body: bytes  # as received: still content-encoded; transfer chunking already removed
    method: str = "GET"
    request_headers: Headers = field(default_factory=list)
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    reason: str | None = None
    ip_address: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    truncated: str | None = None  # WARC-Truncated reason: "length", "time", "disconnect", "unspecified"
    # Status line and header lines exactly as received, ending with the empty line; None when
    # the crawl could not see them (the head is then rebuilt from the fields above).
    raw_head: bytes | None = None

    def status_line(self) -> str:
        reason = self.reason if self.reason is not None else reason_phrase(self.status)
        return f"{self.status} {reason}".rstrip()

    def request_target(self) -> str:
        """Path plus query, as the request line carries it."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def request_protocol(self) -> str:
        """The version the request line carried: Twisted sends every HTTP/1.x request as HTTP/1.1,
        whatever version the server answers with (an HTTP/1.0 server's answer says HTTP/1.0)."""
        return "HTTP/1.1" if self.protocol.startswith("HTTP/1.") else self.protocol

    def stored_response_headers(self) -> Headers:
        """Response headers as stored: the body is de-chunked, so the header must not claim chunking
        (a replayer would de-chunk again and cut the body)."""
        stored: Headers = []
        for name, value in self.response_headers:
            if name.lower() == "transfer-encoding" and "chunked" in value.lower():
                stored.append(("X-Orig-Transfer-Encoding", value))
            else:
                stored.append((name, value))
        return stored

    def stored_response_head(self) -> tuple[bytes, str | None]:
        """(HTTP head as stored: status line, header lines, empty line; note for HEAD_NOTE_FIELD or
        None when the bytes are exactly those received)."""
        if self.raw_head is None:
            return self._rebuilt_head(), HEAD_REBUILT
        lines = self.raw_head.splitlines(keepends=True)
        renamed = False
        for index, line in enumerate(lines[1:], start=1):
            if _claims_chunking(line):
                lines[index] = _ORIGINAL_PREFIX + line
                renamed = True
        return b"".join(lines), HEAD_TRANSFER_ENCODING_RENAMED if renamed else None

    def _rebuilt_head(self) -> bytes:
        # Scrapy decoded header bytes as latin-1 (crawl adapter), so encoding them back as latin-1
        # gives the bytes received: a raw UTF-8 Location stays raw UTF-8, not percent-encoded twice.
        lines = [f"{self.protocol} {self.status_line()}"]
        lines += [f"{name}: {value}" for name, value in self.stored_response_headers()]
        return "".join(f"{line}\r\n" for line in lines).encode("latin-1", "replace") + b"\r\n"

    def stored_request_headers(self, record_secrets: bool = False) -> Headers:
        """Request headers with ``Host`` (added by Twisted after the middlewares) and secrets redacted."""
        stored: Headers = []
        if not any(name.lower() == "host" for name, _ in self.request_headers):
            stored.append(("Host", urlsplit(self.url).netloc))
        for name, value in self.request_headers:
            if not record_secrets and name.lower() in SENSITIVE_REQUEST_HEADERS:
                value = REDACTED
            stored.append((name, value))
        return stored


def _claims_chunking(line: bytes) -> bool:
    name, colon, value = line.partition(b":")
    return bool(colon) and name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower()
