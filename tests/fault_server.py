"""A loopback HTTP server with broken behaviours, for crawl tests. Routes map a path to a handler;
the server runs in a thread on 127.0.0.1:0 and is always shut down by its context manager."""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def listicle_html(title: str, numbers: range, next_path: str | None = None) -> bytes:
    items = "".join(f"<h2>{n}. Item number {n}</h2><p>What item {n} is about.</p>" for n in numbers)
    next_link = f'<a class="next" href="{next_path}">Next page</a>' if next_path else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{items}</article><nav class='pages'>{next_link}</nav></body></html>"
    ).encode()


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    headers: list[tuple[str, str]] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers or []:
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes) -> Route:
    return lambda handler: send(handler, 200, body)


def status(code: int) -> Route:
    return lambda handler: send(handler, code, b"<html><body>error</body></html>")


def robots_allow_all() -> Route:
    return lambda handler: send(handler, 200, b"User-agent: *\nAllow: /\n", "text/plain")


def stall(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        send(handler, 200, b"<html><body>too late</body></html>")

    return route


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            route = routes.get(path) or next(
                (r for key, r in routes.items() if key.endswith("*") and path.startswith(key[:-1])), None
            )
            if route is None:
                send(self, 404, b"<html><body>not found</body></html>")
            else:
                # The crawler may give up (timeout) before the answer: nothing to do then.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # clients that hang up on a stalling route are the point of these tests

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def fail_then_succeed(failures: int, code: int, body: bytes, retry_after: str | None = "1") -> Route:
    """``code`` (with Retry-After) for the first ``failures`` requests, then ``body``."""
    calls = {"n": 0}
    lock = threading.Lock()

    def route(handler: BaseHTTPRequestHandler) -> None:
        with lock:
            calls["n"] += 1
            failing = calls["n"] <= failures
        if failing:
            headers = [("Retry-After", retry_after)] if retry_after else []
            send(handler, code, b"<html><body>busy</body></html>", headers=headers)
        else:
            send(handler, 200, body)

    return route


def reset_mid_body(body: bytes, sent: int) -> Route:
    """Promise the whole body, send ``sent`` bytes of it, then drop the connection."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[:sent])
        handler.wfile.flush()
        handler.close_connection = True
        handler.connection.shutdown(2)

    return route


def stall_after_headers(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.flush()
        time.sleep(seconds)

    return route


def drip(seconds_per_byte: float, length: int = 10_000) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        for _ in range(length):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(seconds_per_byte)

    return route


def redirect(location: str, code: int = 302) -> Route:
    return lambda handler: send(handler, code, b"", headers=[("Location", location)])


_BOMB: dict[int, bytes] = {}


def gzip_bomb(decoded_bytes: int) -> Route:
    """A small gzip body that inflates to ``decoded_bytes`` of zeros (compressed once, cached)."""
    if decoded_bytes not in _BOMB:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = bytes(1 << 20)
        parts = [compressor.compress(block) for _ in range(decoded_bytes >> 20)]
        _BOMB[decoded_bytes] = b"".join(parts) + compressor.flush()
    body = _BOMB[decoded_bytes]
    return lambda handler: send(handler, 200, body, headers=[("Content-Encoding", "gzip")])


def raw(body: bytes, content_type: str) -> Route:
    return lambda handler: send(handler, 200, body, content_type)


def counting(route: Route, hits: dict[str, int], name: str) -> Route:
    def wrapped(handler: BaseHTTPRequestHandler) -> None:
        hits[name] = hits.get(name, 0) + 1
        route(handler)

    return wrapped
