"""The scheduler of a distributed worker: the frontier is in Redis, leased.

Requests the spider yields are pushed to Redis (through the ordered :class:`Outbox`): the next
pages and photos of an article into this worker's affinity queue (the worker holds the
article's draft), everything else into the shared queue; the seen-set drops a URL any worker
asked for already. The engine's requests come from the affinity queue first, then the shared
queue, each leased to this worker (:class:`LeaseQueue`).

A lease is acked when its request is completely handled: its callback's or errback's output
has been consumed (every request it yielded pushed first, the outbox keeps the order). A copy
a downloader middleware made of a leased request (a retry, a redirect) carries the lease in its
meta and stays in this worker (in the local queues, or held until due by
:class:`~archiver.crawl.scheduler.DelayingScheduler`): the lease passes to the copy, and the
copy's callback acks it. If the worker dies meanwhile the original request goes back to the
shared queue and is fetched again from the start.

While idle the scheduler looks at Redis every ``ARCHIVER_REDIS_POLL`` seconds: it asks the
engine for requests, keeps the heartbeat, reaps dead workers, and checks for the end (the
spider stays open until the job is finished: ``spider_idle`` raises DontCloseSpider). During a
Redis outage it takes no new requests, retries with backoff, and after
``ARCHIVER_REDIS_OUTAGE_LIMIT`` seconds stops the crawl (finish reason ``redis_unavailable``).
A Redis that answers but no longer holds the job's spec (restarted without persistence, or
flushed) lost the frontier and seen-set too: the worker stops (finish reason ``redis_job_lost``),
checked on every tick and before anything is written after a reconnection, and never marks
such a job done.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from archiver.crawl.credentials import strip_added_credentials
from archiver.crawl.redirect_dedup import AlreadyRequested, is_redirect_to_a_new_page
from archiver.crawl.scheduler import DelayingScheduler
from archiver.distributed.connection import connect
from archiver.distributed.heartbeat import Heartbeat
from archiver.distributed.keys import JobKeys, redacted_url
from archiver.distributed.outbox import OUTAGE_ERRORS, Outbox
from archiver.distributed.queue import LeaseQueue

logger = logging.getLogger(__name__)

# Request meta, set by the spider: fetch it although its URL is in the seen-set (an article
# whose draft died with another worker is fetched again from its first page).
FETCH_AGAIN = "archiver_fetch_again"
LEASE = "archiver_lease"  # request meta: the lease number of the request this one stands for
LEASED_URL = "archiver_leased_url"  # request meta: the URL of the leased request
OUTAGE_REASON = "redis_unavailable"  # finish reason after ARCHIVER_REDIS_OUTAGE_LIMIT
JOB_LOST_REASON = "redis_job_lost"  # finish reason: Redis no longer holds the job's spec


def takes_affinity(request: Request) -> bool:
    """Whether ``request`` belongs to an article this worker holds: a next page or a photo."""
    return request.meta.get("article_key") is not None or "image_url" in request.meta


def may_start_article(request: Request) -> bool:
    """A page request that may start an article: what max_pages counts."""
    return "hops" in request.meta and request.meta.get("article_key") is None


class RedisLeaseScheduler(DelayingScheduler):
    """Scrapy scheduler of a worker (settings ARCHIVER_REDIS_URL, ARCHIVER_JOB_NAME,
    ARCHIVER_WORKER_ID)."""

    def open(self, spider: Spider) -> Any:
        opened = super().open(spider)
        settings = spider.settings
        self.url = settings["ARCHIVER_REDIS_URL"]
        self.keys = JobKeys(settings["ARCHIVER_JOB_NAME"])
        self.worker = settings["ARCHIVER_WORKER_ID"]
        self.max_pages = settings.getint("ARCHIVER_MAX_PAGES")
        self.outage_limit = settings.getfloat("ARCHIVER_REDIS_OUTAGE_LIMIT")
        self.server = connect(self.url)
        self.queue = LeaseQueue(self.server, spider, self.keys, self.worker)
        self.heartbeat = Heartbeat(
            self.server, self.keys, self.worker, settings.getfloat("ARCHIVER_REDIS_HEARTBEAT")
        )
        self.outbox = Outbox()
        self.done = False
        self._leases: set[str] = set()  # leased to this worker, ack not sent yet
        self._closing = False
        self._retry_at = 0.0  # time.monotonic() of the next reconnection attempt
        self._backoff = 0.0
        self._warned_outage = False
        # A restarted worker (same --out, same id) first hands back what it held when it stopped.
        self.outbox.send(lambda: self.queue.reap([self.worker], only_dead=False), self._handed_back)
        self.outbox.send(lambda: self.heartbeat.beat(force=True))
        assert self.crawler is not None
        self.crawler.signals.connect(self._spider_idle, signal=signals.spider_idle)
        self._ticker = LoopingCall(self._tick)
        self._ticker.start(settings.getfloat("ARCHIVER_REDIS_POLL"), now=False)
        return opened

    def _handed_back(self, count: int) -> None:
        if count:
            logger.info("worker %s handed back %d requests it held when it stopped", self.worker, count)

    # -- requests in --------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        strip_added_credentials(request)  # never in a queue, in memory or in Redis
        if request.meta.get(LEASE) is not None:
            return self._enqueue_copy(request)
        encoded = self.queue.encode(request)
        again = bool(request.meta.get(FETCH_AGAIN))
        fingerprint = "" if again else self.queue.fingerprint(request)
        counted = may_start_article(request) and not again
        affinity = takes_affinity(request)
        # An article's next page is always fetched, as in one process (the chain decides; its
        # URL is marked seen so that a recommendation elsewhere does not fetch it again).
        only_unseen = request.meta.get("article_key") is None

        def push() -> int:
            return self.queue.push_encoded(
                encoded,
                request.priority,
                fingerprint=fingerprint,
                only_unseen=only_unseen,
                counted=counted,
                max_pages=self.max_pages,
                affinity=affinity,
            )

        self.outbox.send(push, lambda result: self._pushed(request, result))
        return True

    def _pushed(self, request: Request, result: int) -> None:
        if result == 0:
            if self.stats is not None:
                self.stats.inc_value("archiver/redis/seen_elsewhere")
            taken = getattr(self.spider, "fetched_elsewhere", None)
            if taken is not None:
                taken(request)
        elif result < 0 and self.stats is not None:
            self.stats.inc_value("archiver/redis/over_max_pages")

    def _enqueue_copy(self, request: Request) -> bool:
        """A retry or redirect copy of a leased request: kept here, the lease passed on. A
        redirect to a page another request (of any worker) asked for is not followed, as
        :mod:`archiver.crawl.redirect_dedup` does within one process."""
        if request.url != request.meta.get(LEASED_URL) and is_redirect_to_a_new_page(request):
            try:
                new = self.queue.mark_seen(self.queue.fingerprint(request))
            except OUTAGE_ERRORS:
                self.outbox.failed()
                new = True  # cannot ask: follow it (at worst fetched twice, never lost)
            if not new:
                self._deliver(request.errback, _already_requested(request))
                return False
        request.meta[LEASED_URL] = request.url
        return super().enqueue_request(request)

    def _deliver(self, function: Callable[..., Any] | None, *args: Any) -> None:
        """Run a callback or errback here (not through the engine) and schedule its output."""
        if function is None:
            return
        output = function(*args)
        for produced in _iterate(output):
            if isinstance(produced, Request):
                self.crawler.engine.crawl(produced)  # type: ignore[union-attr]
            elif produced is not None:
                writer = getattr(self.spider, "write_output", None)
                if writer is not None:
                    writer(produced)

    # -- requests out -------------------------------------------------------------------------
    def next_request(self) -> Request | None:
        local = super().next_request()
        if local is not None or self._closing:
            return local
        if self.outbox.down_since is not None or len(self.outbox):
            return None  # paused: the tick reconnects
        try:
            leased = self.queue.pop_leased()
        except OUTAGE_ERRORS:
            self.outbox.failed()
            return None
        if leased is None:
            return None
        self._leases.add(leased.lease)
        request = leased.request
        adopt = getattr(self.spider, "adopt_leased", None)
        if adopt is not None:
            request = adopt(request)  # the spider may ask for another request in its place
        request.meta[LEASE] = leased.lease
        request.meta[LEASED_URL] = request.url
        request.callback = self._acking(request.callback or self.spider.parse, leased.lease)
        request.errback = self._acking(request.errback, leased.lease)
        if self.stats is not None:
            self.stats.inc_value("archiver/redis/leased")
        return request

    def _acking(self, function: Callable[..., Any] | None, lease: str) -> Callable[..., Iterator[Any]]:
        def handled(*args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                if function is not None:
                    yield from _iterate(function(*args, **kwargs))
            finally:
                self.ack(lease)

        return handled

    def ack(self, lease: str) -> None:
        self._leases.discard(lease)
        self.outbox.send(lambda: self.queue.ack(lease))

    def _hand_back_unknown_leases(self) -> None:
        """After an outage: a pop that Redis carried out but whose answer was lost left a lease
        this worker never saw; no one else would hand it back (this worker is alive). Called
        with the outbox flushed (no ack waiting), so Redis's leases are ours plus those."""
        unknown = self.queue.leases() - self._leases
        if unknown:
            count = self.queue.hand_back(unknown)
            logger.info("handed back %d requests leased while Redis's answer was lost", count)

    def has_pending_requests(self) -> bool:
        return super().has_pending_requests()

    # -- idle, liveness, the end ----------------------------------------------------------------
    def _spider_idle(self) -> None:
        if not self.done and not self._closing:
            raise DontCloseSpider

    def _tick(self) -> None:
        if self._closing:
            return
        reconnected = False
        if self.outbox.down_since is not None:
            if not self._reconnect():
                return
            reconnected = True
        try:
            # First: writing into a Redis that lost the job would only scatter keys of a job
            # that no longer exists.
            if not self.queue.job_exists():
                self._job_lost()
                return
            if not self.outbox.flush():
                return
            if reconnected:
                self._hand_back_unknown_leases()
            self.heartbeat.beat()
            if self.heartbeat.reap_dead(self.queue):
                logger.info("handed back the work of a worker whose heartbeat expired")
            if self._locally_idle():
                finished = self.queue.finished()
                if finished < 0:
                    self._job_lost()
                    return
                self.done = finished > 0
        except OUTAGE_ERRORS:
            self.outbox.failed()
            self.heartbeat.lost()
            return
        self._wake()

    def _locally_idle(self) -> bool:
        engine = self.crawler.engine if self.crawler is not None else None
        try:
            return bool(engine is not None and engine.spider_is_idle() and not len(self.outbox))
        except RuntimeError:
            return False

    def _wake(self) -> None:
        slot = self._engine_slot()
        if slot is not None:
            slot.nextcall.schedule()

    def _reconnect(self) -> bool:
        """During an outage: try Redis again when the backoff allows; stop the crawl after
        ARCHIVER_REDIS_OUTAGE_LIMIT seconds. True when Redis answers again."""
        now = time.monotonic()
        down_since = self.outbox.down_since or now
        self.heartbeat.lost()
        if not self._warned_outage:
            self._warned_outage = True
            logger.warning(
                "Redis at %s is unreachable: pausing; retrying with backoff", redacted_url(self.url)
            )
        if now - down_since > self.outage_limit:
            logger.error(
                "Redis unreachable for over %.0f s (ARCHIVER_REDIS_OUTAGE_LIMIT): stopping; "
                "run the same command again to continue",
                self.outage_limit,
            )
            self._stop(OUTAGE_REASON)
            return False
        if now < self._retry_at:
            return False
        try:
            self.server.ping()
        except OUTAGE_ERRORS:
            # At most a third of the heartbeat's TTL: once Redis is back, every worker beats
            # again before any has been connected for a full TTL (and may reap).
            self._backoff = min(max(self._backoff * 2, 0.2), 5.0, self.heartbeat.ttl / 3)
            self._retry_at = now + self._backoff
            return False
        self._backoff = 0.0
        self.outbox.down_since = None
        self._warned_outage = False
        logger.warning("Redis at %s answers again: continuing", redacted_url(self.url))
        return True

    def _job_lost(self) -> None:
        logger.error(
            "Redis at %s no longer holds job %s (restarted without persistence, or flushed?): "
            "stopping; the pages fetched so far are in this worker's WARCs. Turn on Redis "
            "persistence (appendonly yes) and start the job again (archiver crawl --redis ... --job %s)",
            redacted_url(self.url),
            self.keys.job,
            self.keys.job,
        )
        self._stop(JOB_LOST_REASON)

    def _stop(self, reason: str) -> None:
        self._closing = True
        engine = self.crawler.engine if self.crawler is not None else None
        if engine is not None:
            deferred_from_coro(engine.close_spider_async(reason=reason))

    def close(self, reason: str) -> Any:
        self._closing = True
        if self._ticker.running:
            self._ticker.stop()
        if reason == JOB_LOST_REASON:
            return super().close(reason)  # nothing to write back: the job is gone
        try:
            self.outbox.flush()
            if not len(self.outbox):
                if reason != "finished":
                    # A clean stop (signal, limit): what this worker holds goes back to the
                    # shared queue now, so that the others take it over at once (not after
                    # the heartbeat's TTL). Its pages already fetched stay in its WARCs.
                    count = self.queue.reap([self.worker], only_dead=False)
                    if count:
                        logger.info("handed back %d requests to the job's other workers", count)
                self.heartbeat.leave()
        except OUTAGE_ERRORS:
            pass
        if len(self.outbox):
            logger.warning(
                "%d Redis writes not sent (Redis unreachable): this worker's leases go back "
                "to the queue when its heartbeat expires, or when it runs again",
                len(self.outbox),
            )
        return super().close(reason)


def _iterate(output: Any) -> Iterator[Any]:
    if output is None:
        return
    if isinstance(output, (Request, dict)) or not hasattr(output, "__iter__"):
        yield output
        return
    yield from output


def _already_requested(request: Request) -> Failure:
    reason = f"redirect to {request.url}, asked for by another request already"
    failure = Failure(AlreadyRequested(reason))  # type: ignore[no-untyped-call]
    failure.request = request  # type: ignore[attr-defined]
    return failure
