"""A loopback static server with HTTP Range support, for ReplayWeb.page: it reads a WACZ by
byte ranges (the zip's directory, then each index block and record it needs), and its service
worker must come with a JavaScript type. ``http.server``'s own handler answers every Range
request with the whole file, so this one cuts the bytes itself.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class Served:
    """A file (``path``) or bytes (``body``) and the Content-Type to send them with."""

    content_type: str
    path: Path | None = None
    body: bytes | None = None

    def read(self) -> bytes:
        if self.body is not None:
            return self.body
        assert self.path is not None
        return self.path.read_bytes()


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive ``(first, last)`` of a single ``Range: bytes=...`` within ``size`` bytes;
    None for no (or an unparsable) range, which gets the whole file."""
    match = _RANGE.match(header or "")
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # a suffix: the last N bytes
        return max(0, size - int(last)), size - 1
    return int(first), min(int(last), size - 1) if last else size - 1


@contextmanager
def serve_files(files: Mapping[str, Served]) -> Iterator[str]:
    """``files`` (by URL path) on ``127.0.0.1:0``, GET and HEAD with Range; yields the base URL.
    Always shut down."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: pytest shows failures, not access logs

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def _answer(self, send_body: bool) -> None:
            served = files.get(self.path.split("?", 1)[0])
            if served is None:
                self.send_error(404)
                return
            body = served.read()
            wanted = _byte_range(self.headers.get("Range"), len(body))
            if wanted is not None and wanted[0] >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if wanted is None:
                self.send_response(200)
                part = body
            else:
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {wanted[0]}-{wanted[1]}/{len(body)}")
                part = body[wanted[0] : wanted[1] + 1]
            self.send_header("Content-Type", served.content_type)
            self.send_header("Content-Length", str(len(part)))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if send_body:
                self.wfile.write(part)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
