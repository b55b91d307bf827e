"""The loopback listicle site (tests/listicle_site.py) as the distributed-crawl tests serve it:
each request's worker is known (the workers run with ``USER_AGENT=<name>``), the first worker
can be held back until the second has asked for something (so both take part, whatever the
machine's speed), one article page answers 503 once (a retry), and ``/moved/`` redirects to an
article the sitemap also lists (a redirect to a page asked for already)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.fault_server import send, serve
from tests.listicle_site import ListicleSite, _answer

FLAKY = "/a/00003-things/2/"  # answers 503 the first time it is asked for
MOVED = "/moved/"  # 301 to MOVED_TO
MOVED_TO = "/a/00001-things/"
UNGATED = ("/sitemap.xml.gz", "/robots.txt")


@dataclass
class WorkerSite:
    """``base``; ``asked``: (user agent, path) of every request; ``hold_agent``: requests of
    this user agent (but the sitemap and robots.txt) wait until another agent has asked."""

    base: str
    site: ListicleSite
    hold_agent: str | None = None
    asked: list[tuple[str, str]] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _others_came: threading.Event = field(default_factory=threading.Event)
    _flaked: bool = False

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        agent = handler.headers.get("User-Agent", "")
        path = handler.path.split("?", 1)[0]
        with self._changed:
            self.asked.append((agent, path))
            flake = path == FLAKY and not self._flaked
            self._flaked = self._flaked or flake
            self._changed.notify_all()
        if self.hold_agent is not None:
            if agent != self.hold_agent:
                self._others_came.set()
            elif path not in UNGATED:
                self._others_came.wait(timeout=120)
        if flake:
            send(handler, 503, b"<html><body>busy</body></html>")
        elif path == MOVED:
            send(handler, 301, b"", headers=[("Location", self.base + MOVED_TO)])
        else:
            _answer(self.site, handler)

    def counts(self) -> Counter[str]:
        """Requests by path."""
        with self._changed:
            return Counter(path for _, path in self.asked)

    def agents(self) -> set[str]:
        with self._changed:
            return {agent for agent, _ in self.asked}

    def wait_for(self, agent: str, count: int, timeout: float = 120) -> bool:
        """Until ``agent`` has asked for ``count`` pages or photos (not the sitemap or robots.txt)."""

        def enough() -> bool:
            return sum(1 for a, path in self.asked if a == agent and path not in UNGATED) >= count

        with self._changed:
            return self._changed.wait_for(enough, timeout=timeout)

    def wait_for_total(self, count: int, timeout: float = 120) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: len(self.asked) >= count, timeout=timeout)


@contextmanager
def worker_site(hold_agent: str | None = None) -> Iterator[WorkerSite]:
    """The site on 127.0.0.1:0, always stopped."""
    holder: list[WorkerSite] = []

    def route(handler: BaseHTTPRequestHandler) -> None:
        holder[0].route(handler)

    with serve({"/*": route}) as base:
        site = WorkerSite(base, ListicleSite(base), hold_agent=hold_agent)
        holder.append(site)
        try:
            yield site
        finally:
            site._others_came.set()
