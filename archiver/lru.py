"""A dict that keeps only its most recently used entries, so long crawls keep flat memory."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LruDict(OrderedDict[K, V]):
    """At most ``max_size`` entries; reading or writing a key makes it the newest.

    >>> cache = LruDict[str, int](max_size=2)
    >>> cache["a"], cache["b"] = 1, 2
    >>> _ = cache.get("a"); cache["c"] = 3
    >>> list(cache)
    ['a', 'c']
    """

    def __init__(self, max_size: int) -> None:
        super().__init__()
        self.max_size = max_size

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        if key not in self:
            return default
        return self[key]

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.max_size:
            self.popitem(last=False)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Pickled with Scrapy's JOBDIR state: keep the bound and the order.
        return (_rebuild, (self.max_size, list(self.items())))


def _rebuild(max_size: int, items: list[tuple[K, V]]) -> LruDict[K, V]:
    cache: LruDict[K, V] = LruDict(max_size)
    for key, value in items:
        cache[key] = value
    return cache
