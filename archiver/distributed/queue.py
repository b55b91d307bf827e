"""The job's request queues in Redis, leased: scrapy-redis's ``PriorityQueue`` (a sorted set,
score = -priority, requests encoded by its pickle serializer) and ``RFPDupeFilter``'s
fingerprints, with the steps that must be atomic done as Lua scripts.

scrapy-redis pops without acknowledgement (ZRANGE + ZREMRANGEBYRANK): a worker killed after a
pop loses the request. Here a pop moves the request into the worker's lease hash in the same
script; it leaves the hash when the worker acks it (the request completely handled) or when a
live worker hands a dead worker's leases back to the shared queue (:meth:`LeaseQueue.reap`).
A push checks the seen-set and the max_pages counter in the same script, so two workers never
both queue one URL and the counter counts each page once.

Keys are built inside the scripts from the job's prefix: a single Redis (not Redis Cluster).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redis import Redis
from scrapy import Request, Spider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

from archiver.distributed.keys import JobKeys

# Score of a request handed back from a dead worker: before everything else (priorities here
# are small integers; next pages 10, photos 5), so its article's pages come soon.
REAPED_SCORE = -1000

_PUSH = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 and ARGV[6] == '1' then return 0 end
if ARGV[2] == '1' and tonumber(ARGV[3]) > 0 then
  if redis.call('INCR', KEYS[2]) > tonumber(ARGV[3]) then return -1 end
end
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5])
return 1
"""

_POP = """
for i = 1, 2 do
  local first = redis.call('ZRANGE', KEYS[i], 0, 0)
  if #first > 0 then
    redis.call('ZREMRANGEBYRANK', KEYS[i], 0, 0)
    local number = redis.call('INCR', KEYS[4])
    redis.call('HSET', KEYS[3], number, first[1])
    return {number, first[1]}
  end
end
return false
"""

# Hands the leases and the affinity queue of each worker in ARGV[3..] back to the shared queue
# and removes the worker; with ARGV[2] == '1' only workers whose heartbeat expired.
_REAP = """
local handed = 0
for i = 3, #ARGV do
  local w = ARGV[i]
  if ARGV[2] ~= '1' or redis.call('EXISTS', ARGV[1] .. 'heartbeat:' .. w) == 0 then
    local lease = ARGV[1] .. 'lease:' .. w
    local held = redis.call('HVALS', lease)
    for _, request in ipairs(held) do
      redis.call('ZADD', KEYS[1], -1000, request)
      handed = handed + 1
    end
    local affinity = ARGV[1] .. 'affinity:' .. w
    local waiting = redis.call('ZRANGE', affinity, 0, -1, 'WITHSCORES')
    for j = 1, #waiting, 2 do
      redis.call('ZADD', KEYS[1], waiting[j + 1], waiting[j])
      handed = handed + 1
    end
    redis.call('DEL', lease, affinity)
    if ARGV[2] == '1' then redis.call('SREM', KEYS[2], w) end
  end
end
return handed
"""

# Hands the leases ARGV[1..] of the lease hash KEYS[2] back to the shared queue KEYS[1].
_HAND_BACK = """
local handed = 0
for i = 1, #ARGV do
  local request = redis.call('HGET', KEYS[2], ARGV[i])
  if request then
    redis.call('ZADD', KEYS[1], -1000, request)
    redis.call('HDEL', KEYS[2], ARGV[i])
    handed = handed + 1
  end
end
return handed
"""

# The end of the crawl, in one atomic read: nothing queued, nothing leased by any worker. A job
# whose spec is gone (Redis lost its data) is never marked done: -1.
_FINISHED = """
if redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
if redis.call('EXISTS', KEYS[3]) == 1 then return 1 end
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('ZCARD', ARGV[1] .. 'affinity:' .. w) > 0 then return 0 end
  if redis.call('HLEN', ARGV[1] .. 'lease:' .. w) > 0 then return 0 end
end
redis.call('SET', KEYS[3], '1')
return 1
"""


@dataclass(frozen=True)
class Leased:
    """A popped request and its lease number (acked with :meth:`LeaseQueue.ack`)."""

    lease: str
    request: Request


class LeaseQueue(PriorityQueue):  # type: ignore[misc]  # scrapy-redis has no type hints
    """The shared queue of job ``keys`` for worker ``worker`` (its lease hash and affinity queue).

    Every method sends Redis commands and raises ``redis.ConnectionError``/``TimeoutError``
    during an outage (the caller retries through :class:`~archiver.distributed.outbox.Outbox`).
    """

    def __init__(self, server: Redis, spider: Spider, keys: JobKeys, worker: str) -> None:
        super().__init__(server, spider, keys.queue)
        self.keys = keys
        self.worker = worker
        self._fingerprints = RFPDupeFilter(server, keys.seen)
        self._push = server.register_script(_PUSH)
        self._pop = server.register_script(_POP)
        self._reap = server.register_script(_REAP)
        self._finished = server.register_script(_FINISHED)
        self._hand_back = server.register_script(_HAND_BACK)

    def fingerprint(self, request: Request) -> str:
        """scrapy-redis's request fingerprint (SHA-1 hex of method, canonical URL, body)."""
        return str(self._fingerprints.request_fingerprint(request))

    def encode(self, request: Request) -> bytes:
        return bytes(self._encode_request(request))

    def push_encoded(
        self,
        encoded: bytes,
        priority: int,
        *,
        fingerprint: str,
        only_unseen: bool,
        counted: bool,
        max_pages: int,
        affinity: bool,
    ) -> int:
        """Queue an encoded request, adding its ``fingerprint`` to the seen-set (``""``: none);
        with ``only_unseen``, not if it was there already; and, with
        ``counted`` (a page that may start an article), unless the job's page counter passes
        ``max_pages`` (0: no limit). ``affinity``: into this worker's own queue. Returns 1
        queued, 0 seen already, -1 over max_pages."""
        queue = self.keys.affinity(self.worker) if affinity else self.keys.queue
        keys = [self.keys.seen, self.keys.pages, queue]
        args: list[Any] = [
            fingerprint,
            "1" if counted else "0",
            max_pages,
            -priority,
            encoded,
            "1" if only_unseen else "0",
        ]
        return int(self._push(keys=keys, args=args))

    def mark_seen(self, fingerprint: str) -> bool:
        """Add ``fingerprint`` to the seen-set; False when it was there already."""
        return bool(self.server.sadd(self.keys.seen, fingerprint))

    def pop_leased(self) -> Leased | None:
        """The next request of this worker's affinity queue, else of the shared queue, leased to
        this worker; None when both are empty."""
        keys = [
            self.keys.affinity(self.worker),
            self.keys.queue,
            self.keys.lease(self.worker),
            self.keys.lease_seq,
        ]
        popped = self._pop(keys=keys)
        if not popped:
            return None
        number, encoded = popped
        lease = number.decode() if isinstance(number, bytes) else str(number)
        return Leased(lease, self._decode_request(encoded))

    def ack(self, lease: str) -> None:
        """The leased request is completely handled (what it led to is queued)."""
        self.server.hdel(self.keys.lease(self.worker), lease)

    def reap(self, workers: list[str], *, only_dead: bool) -> int:
        """Hand the leases and affinity queues of ``workers`` back to the shared queue (with
        ``only_dead``: those whose heartbeat expired, also removed from ``workers``). Returns how
        many requests were handed back."""
        if not workers:
            return 0
        args = [self.keys.prefix, "1" if only_dead else "0", *workers]
        return int(self._reap(keys=[self.keys.queue, self.keys.workers], args=args))

    def leases(self) -> set[str]:
        """The lease numbers Redis says this worker holds."""
        return {
            number.decode() if isinstance(number, bytes) else str(number)
            for number in self.server.hkeys(self.keys.lease(self.worker))
        }

    def hand_back(self, leases: set[str]) -> int:
        """Hand this worker's ``leases`` back to the shared queue; returns how many were held."""
        if not leases:
            return 0
        keys = [self.keys.queue, self.keys.lease(self.worker)]
        return int(self._hand_back(keys=keys, args=sorted(leases)))

    def finished(self) -> int:
        """1 when the job is over (sets ``done`` when this read finds it so), 0 when not, -1
        when Redis no longer holds the job (its spec is gone: see :meth:`job_exists`)."""
        keys = [self.keys.queue, self.keys.workers, self.keys.done, self.keys.spec]
        return int(self._finished(keys=keys, args=[self.keys.prefix]))

    def job_exists(self) -> bool:
        """Whether Redis still holds the job's spec (a Redis restarted without persistence, or
        flushed, lost it: the frontier and seen-set are gone too)."""
        return bool(self.server.exists(self.keys.spec))
