"""A real DNS server on 127.0.0.1:0 (UDP) for resolver tests: it answers A queries from a
function of (name, how many times that name was asked before), and AAAA queries with no
record. Built on dnslib (a dev dependency) for the wire format only."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dnslib import AAAA, QTYPE, RR, A, DNSRecord  # type: ignore[import-untyped]

Answer = Callable[[str, int], str | None]  # (name, times asked before) -> IPv4 address or None


class DnsLog:
    """Every A query the server answered: (name, address given)."""

    def __init__(self) -> None:
        self.answers: list[tuple[str, str | None]] = []
        self.lock = threading.Lock()


@contextmanager
def dns_server(answer: Answer, ipv6: Answer | None = None) -> Iterator[tuple[str, DnsLog]]:
    """Yields ("127.0.0.1:PORT", log); stops the server on exit. ``ipv6`` answers AAAA queries
    the same way (none when not given)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    log = DnsLog()
    asked: dict[str, int] = {}
    stopping = threading.Event()

    def reply(data: bytes) -> bytes:
        query = DNSRecord.parse(data)
        name = str(query.q.qname).rstrip(".")
        response = query.reply()
        if query.q.qtype == QTYPE.A:
            with log.lock:
                address = answer(name, asked.get(name, 0))
                asked[name] = asked.get(name, 0) + 1
                log.answers.append((name, address))
            if address is not None:
                response.add_answer(RR(query.q.qname, QTYPE.A, rdata=A(address), ttl=0))
        elif query.q.qtype == QTYPE.AAAA and ipv6 is not None and (v6 := ipv6(name, 0)) is not None:
            response.add_answer(RR(query.q.qname, QTYPE.AAAA, rdata=AAAA(v6), ttl=0))
        packed: bytes = response.pack()
        return packed

    def serve() -> None:
        while not stopping.is_set():
            try:
                data, client = sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            sock.sendto(reply(data), client)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{sock.getsockname()[1]}", log
    finally:
        stopping.set()
        thread.join(timeout=5)
        sock.close()
