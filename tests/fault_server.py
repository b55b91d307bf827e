"""A loopback HTTP server with broken behaviours, for crawl tests. Routes map a path to a handler;
the server runs in a thread on 127.0.0.1:0 and is always shut down by its context manager."""

from __future__ import annotations

import contextlib
import threading
import time
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
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                send(self, 404, b"<html><body>not found</body></html>")
            else:
                # The crawler may give up (timeout) before the answer: nothing to do then.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
