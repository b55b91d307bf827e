"""A loopback HTTP server that writes each reply byte for byte as given, for tests about what a
crawl stores of what servers send: odd status lines, raw non-ASCII header bytes, bodies framed by
the connection's end, cut bodies and resets. ``http.server`` would normalise most of that."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found"


@dataclass(frozen=True)
class Reply:
    """``data``: the whole reply as sent (head and body). ``end``: what the server does after it:
    keep the connection for the next request, close it (FIN), or reset it (RST)."""

    data: bytes
    end: Literal["keep", "close", "reset"] = "keep"

    @property
    def head(self) -> bytes:
        """The status line and header lines, with the empty line that ends them."""
        return self.data[: self.data.index(b"\r\n\r\n") + 4]


@dataclass
class RawServer:
    base: str
    requested: list[str] = field(default_factory=list)  # request targets, in arrival order


def _read_request(conn: socket.socket, buffer: bytearray) -> str | None:
    """The target of the next request on the connection, or None when the client closed it."""
    while b"\r\n\r\n" not in buffer:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    request_line = bytes(buffer[: buffer.index(b"\r\n")])
    del buffer[:end]  # GET requests only: no body follows
    return request_line.split(b" ")[1].decode("latin-1")


Answer = Reply | Sequence[Reply]  # a sequence: one reply per request, the last one repeated


def _answer(
    conn: socket.socket, routes: Mapping[str, Answer], server: RawServer, lock: threading.Lock
) -> None:
    buffer = bytearray()
    with conn:
        conn.settimeout(60)
        while (target := _read_request(conn, buffer)) is not None:
            with lock:
                asked = server.requested.count(target)
                server.requested.append(target)
            answer = routes.get(target, Reply(NOT_FOUND))
            reply = answer if isinstance(answer, Reply) else answer[min(asked, len(answer) - 1)]
            conn.sendall(reply.data)
            if reply.end == "reset":
                # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if reply.end == "close":
                conn.shutdown(socket.SHUT_WR)
                return


@contextmanager
def serve_raw(routes: Mapping[str, Answer]) -> Iterator[RawServer]:
    """Serve ``routes`` (request target, as the client sends it, to reply, or to the replies of
    its first, second... request) on 127.0.0.1:0 until the block ends; unknown targets get a
    404."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(32)
    server = RawServer(f"http://127.0.0.1:{listener.getsockname()[1]}")
    lock = threading.Lock()
    stopping = threading.Event()

    def accept_loop() -> None:
        while not stopping.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # the listener was closed
            threading.Thread(target=_quietly_answer, args=(conn,), daemon=True).start()

    def _quietly_answer(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):  # a client giving up is not the server's failure
            _answer(conn, routes, server, lock)

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stopping.set()
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        listener.close()
        thread.join(timeout=5)
