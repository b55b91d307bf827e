"""One HTTP request and its response, as the crawler saw them: the unit a WARC pair records.

Nothing here knows Scrapy or warcio; the crawl adapter fills it, the writer serialises it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urlsplit

Headers = list[tuple[str, str]]

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

    def status_line(self) -> str:
        reason = self.reason if self.reason is not None else reason_phrase(self.status)
        return f"{self.status} {reason}".rstrip()

    def request_target(self) -> str:
        """Path plus query, as the request line carries it."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

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
