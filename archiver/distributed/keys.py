"""The Redis key names of one distributed job: everything under ``archiver:<job>:``.

Shapes: ``spec`` a string (JSON), ``queue`` a sorted set (score = -priority, member = an
encoded request), ``seen`` a set of request fingerprints (hex), ``workers`` a set of worker ids,
``done`` a string, ``pages`` a counter (pages that may start an article, for max_pages),
``lease:<id>`` a hash (lease number -> encoded request), ``heartbeat:<id>`` a string with a
TTL, ``affinity:<id>`` a sorted set like ``queue`` (next pages and photos of the worker's
articles), ``lease-seq`` the counter lease numbers come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class JobKeys:
    """Key names of job ``job``."""

    job: str

    @property
    def prefix(self) -> str:
        return f"archiver:{self.job}:"

    @property
    def spec(self) -> str:
        return self.prefix + "spec"

    @property
    def queue(self) -> str:
        return self.prefix + "queue"

    @property
    def seen(self) -> str:
        return self.prefix + "seen"

    @property
    def workers(self) -> str:
        return self.prefix + "workers"

    @property
    def done(self) -> str:
        return self.prefix + "done"

    @property
    def pages(self) -> str:
        return self.prefix + "pages"

    @property
    def lease_seq(self) -> str:
        return self.prefix + "lease-seq"

    def lease(self, worker: str) -> str:
        return f"{self.prefix}lease:{worker}"

    def heartbeat(self, worker: str) -> str:
        return f"{self.prefix}heartbeat:{worker}"

    def affinity(self, worker: str) -> str:
        return f"{self.prefix}affinity:{worker}"


def redacted_url(url: str) -> str:
    """``url`` with any password replaced by ``***``: what logs, crawl.json and WARCs may say."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))
