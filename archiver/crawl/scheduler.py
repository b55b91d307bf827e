"""A scheduler that keeps requests which may not go out yet (a retry's backoff, a server's
``Retry-After``) out of the downloader until they are due.

Scrapy counts a request as active in the downloader (``Downloader.active``, which caps the
whole crawl at ``CONCURRENT_REQUESTS``) before its downloader middlewares run, so a retry that
waited in a middleware held a place: sixteen rate-limited responses froze the crawl. Here a
request stamped with :data:`NOT_BEFORE` (a wall-clock time, in request meta) waits in a heap
beside Scrapy's queues and joins them when due; other requests flow meanwhile.

With ``JOBDIR``, held requests are put in Scrapy's disk queue when the crawl stops cleanly, with
their stamp, so a resumed crawl still waits for them (re-held when they come out too early).
"""

from __future__ import annotations

import heapq
import itertools
import time
from typing import Any

from scrapy import Request
from scrapy.core.scheduler import Scheduler

from archiver.crawl.credentials import strip_added_credentials

NOT_BEFORE = "archiver_not_before"  # request meta: time.time() before which it is not sent


def not_before(request: Request) -> float | None:
    """The wall-clock time (seconds since the epoch) before which ``request`` may not go out."""
    value = request.meta.get(NOT_BEFORE)
    return float(value) if value is not None else None


class DelayingScheduler(Scheduler):
    """Scrapy's scheduler, plus a heap of requests that are not due yet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[tuple[float, int, Request]] = []
        self._order = itertools.count()  # ties keep arrival order; Requests do not compare
        self._wakeup: Any = None  # the pending reactor call that asks the engine for work

    def _hold(self, request: Request, due: float) -> None:
        heapq.heappush(self._held, (due, next(self._order), request))
        if self.stats is not None:
            self.stats.inc_value("archiver/scheduler/held")
        self._schedule_wakeup()

    def _schedule_wakeup(self) -> None:
        """Ask the engine for requests again when the earliest held one is due; otherwise it
        would only look on its next heartbeat (every few seconds)."""
        if not self._held or self._engine_slot() is None:
            return  # no engine (yet): it asks for requests when it starts
        from twisted.internet import reactor as installed  # imported late: Scrapy installs it

        clock: Any = installed  # typed as a zope interface, which mypy cannot call
        delay = max(0.0, self._held[0][0] - time.time())
        if self._wakeup is not None and self._wakeup.active():
            if self._wakeup.getTime() <= clock.seconds() + delay:
                return
            self._wakeup.cancel()
        self._wakeup = clock.callLater(delay, self._wake_engine)

    def _wake_engine(self) -> None:
        self._wakeup = None
        slot = self._engine_slot()
        if slot is not None:
            slot.nextcall.schedule()
        self._schedule_wakeup()

    def _engine_slot(self) -> Any:
        """The engine's slot, whose ``nextcall`` makes the engine look at the scheduler now
        (Scrapy has no public call for it); None before the crawl starts."""
        try:
            engine = self.crawler.engine if self.crawler is not None else None
        except RuntimeError:  # Crawler.engine before the crawl starts
            return None
        return getattr(engine, "_slot", None)

    def _release_due(self) -> None:
        now = time.time()
        while self._held and self._held[0][0] <= now:
            _, _, request = heapq.heappop(self._held)
            super().enqueue_request(request)

    def enqueue_request(self, request: Request) -> bool:
        strip_added_credentials(request)  # never in a queue, in memory or on disk
        due = not_before(request)
        if due is not None and due > time.time():
            self._hold(request, due)
            return True
        return super().enqueue_request(request)

    def next_request(self) -> Request | None:
        self._release_due()
        while True:
            request = super().next_request()
            due = not_before(request) if request is not None else None
            if request is None or due is None or due <= time.time():
                return request
            self._hold(request, due)  # from a resumed JOBDIR queue, not due yet

    def __len__(self) -> int:
        return super().__len__() + len(self._held)

    def has_pending_requests(self) -> bool:
        return bool(self._held) or super().has_pending_requests()

    def close(self, reason: str) -> Any:
        if self._wakeup is not None and self._wakeup.active():
            self._wakeup.cancel()
        if self.dqs is not None:
            # Into the disk queue, stamp kept: a resumed crawl still waits for them.
            while self._held:
                _, _, request = heapq.heappop(self._held)
                super().enqueue_request(request)
        return super().close(reason)
