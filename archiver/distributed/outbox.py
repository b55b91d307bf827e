"""Redis writes in order, kept while Redis is away.

A worker's writes (pushes of the requests a response led to, then the ack of that response's
lease) must reach Redis in the order they were made: an ack before its pushes would let another
worker see an empty job and end it, or lose the pushes to a kill. Each write is a call; the
first that fails for the connection stops the flush, and everything from it on is sent again,
in order, on the next flush.

A write that reached Redis but whose answer was lost (the connection dropped in between) is
sent again: an ack is harmless twice; a push finds its fingerprint seen and is not queued twice.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# What an outage raises (redis-py raises these for a refused, reset or silent connection).
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class Outbox:
    """Ordered writes: ``send(call, then)`` runs ``call()`` now if nothing waits before it,
    else after what waits; ``then(result)`` gets its answer. ``down_since`` is the
    ``time.monotonic()`` of the first failure of the current outage (None while connected)."""

    def __init__(self) -> None:
        self._waiting: deque[tuple[Callable[[], Any], Callable[[Any], None] | None]] = deque()
        self.down_since: float | None = None

    def __len__(self) -> int:
        return len(self._waiting)

    def send(self, call: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        self._waiting.append((call, then))
        if len(self._waiting) == 1:
            self.flush()

    def flush(self) -> bool:
        """Send what waits, in order; False when Redis failed (the rest waits)."""
        while self._waiting:
            call, then = self._waiting[0]
            try:
                result = call()
            except OUTAGE_ERRORS:
                self.failed()
                return False
            self._waiting.popleft()
            self.down_since = None
            if then is not None:
                then(result)
        return True

    def failed(self) -> None:
        """Note a failed Redis call (this outbox's or another of the worker's)."""
        if self.down_since is None:
            self.down_since = time.monotonic()
