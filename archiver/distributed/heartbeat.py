"""A worker's liveness in Redis, and the reaping of workers that died.

Each worker keeps ``heartbeat:<id>`` alive (a key with a TTL, refreshed every third of it) and
is in ``workers``. A worker whose heartbeat expired is dead: a live worker hands its leases
and affinity queue back to the shared queue (:meth:`LeaseQueue.reap`). Only a worker that has
itself been connected for a full TTL reaps: after a Redis outage every heartbeat may have
expired, and a worker that just came back must not take a live worker (whose next beat is
due) for dead.
"""

from __future__ import annotations

import time

from redis import Redis

from archiver.distributed.keys import JobKeys
from archiver.distributed.queue import LeaseQueue


class Heartbeat:
    """Worker ``worker``'s heartbeat with a TTL of ``ttl`` seconds. Methods send Redis commands
    and raise what redis-py raises during an outage (then call :meth:`lost`)."""

    def __init__(self, server: Redis, keys: JobKeys, worker: str, ttl: float) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self.ttl = ttl
        self._connected_since: float | None = None
        self._last_beat = float("-inf")

    def beat(self, *, force: bool = False) -> None:
        """Refresh the heartbeat if a third of the TTL passed since the last one."""
        now = time.monotonic()
        if not force and now - self._last_beat < self.ttl / 3:
            return
        pipe = self.server.pipeline(transaction=True)
        pipe.set(self.keys.heartbeat(self.worker), "1", px=max(1, int(self.ttl * 1000)))
        pipe.sadd(self.keys.workers, self.worker)
        pipe.execute()
        self._last_beat = now
        if self._connected_since is None:
            self._connected_since = now

    def lost(self) -> None:
        """Redis was unreachable: the connected time starts again."""
        self._connected_since = None
        self._last_beat = float("-inf")

    def may_reap(self) -> bool:
        return self._connected_since is not None and time.monotonic() - self._connected_since >= self.ttl

    def reap_dead(self, queue: LeaseQueue) -> int:
        """Hand back the work of every other worker whose heartbeat expired; returns how many
        requests went back (0 when this worker has not been connected for a full TTL)."""
        if not self.may_reap():
            return 0
        others = [
            w.decode() if isinstance(w, bytes) else str(w) for w in self.server.smembers(self.keys.workers)
        ]
        return queue.reap([w for w in others if w != self.worker], only_dead=True)

    def leave(self) -> None:
        """The job is over for this worker: no heartbeat, not in ``workers``."""
        pipe = self.server.pipeline(transaction=True)
        pipe.delete(self.keys.heartbeat(self.worker))
        pipe.srem(self.keys.workers, self.worker)
        pipe.execute()
