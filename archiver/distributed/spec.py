"""A distributed job's spec: what every worker of it crawls, kept in Redis under ``spec``.

Shape (JSON object, keys sorted): ``schema`` (int, :data:`SCHEMA_VERSION`), ``seeds``,
``sitemaps``, ``feeds`` (lists of URLs), ``depth`` (int), ``max_pages`` (int, 0: no limit),
``allowed_domains`` (list), ``allow_private``, ``fetch_images``, ``robots`` (bools),
``contact`` (str), ``limits`` (``time_limit`` seconds or null, ``size_limit`` bytes or null).
"""

from __future__ import annotations

import json
from typing import Any

from redis import Redis

from archiver.distributed.keys import JobKeys

SCHEMA_VERSION = 1


class JobError(Exception):
    """A job that cannot be joined as asked: unknown, finished, or given another spec."""


class UnknownJob(JobError):
    pass


class FinishedJob(JobError):
    pass


class JobBusy(JobError):
    """The job has live workers: it cannot be restarted."""


class ConflictingSpec(JobError):
    pass


def job_spec(
    *,
    seeds: list[str],
    sitemaps: list[str],
    feeds: list[str],
    depth: int,
    max_pages: int,
    allowed_domains: list[str],
    allow_private: bool,
    contact: str,
    fetch_images: bool,
    robots: bool,
    time_limit: float | None,
    size_limit: int | None,
) -> dict[str, Any]:
    """The spec of a job (see the module's shape)."""
    return {
        "schema": SCHEMA_VERSION,
        "seeds": list(seeds),
        "sitemaps": list(sitemaps),
        "feeds": list(feeds),
        "depth": int(depth),
        "max_pages": int(max_pages or 0),
        "allowed_domains": sorted(set(allowed_domains)),
        "allow_private": bool(allow_private),
        "contact": contact or "",
        "fetch_images": bool(fetch_images),
        "robots": bool(robots),
        "limits": {"time_limit": time_limit, "size_limit": size_limit},
    }


def _encoded(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, separators=(",", ":"))


def register(server: Redis, keys: JobKeys, spec: dict[str, Any]) -> bool:
    """Store ``spec`` for the job unless it has one; True when this call stored it, False when
    the same spec was there (joining). Raises FinishedJob (the job is over), ConflictingSpec
    (another spec is stored), and redis-py's errors when Redis cannot be reached."""
    if server.set(keys.spec, _encoded(spec), nx=True):
        return True
    finished = bool(server.exists(keys.done))
    stored = _stored(server, keys)
    # A finished job's name given with another spec is a mistake too, not "nothing to do".
    if stored != spec:
        differing = sorted(name for name in {*stored, *spec} if stored.get(name) != spec.get(name))
        state = "finished" if finished else "running"
        raise ConflictingSpec(
            f"job {keys.job} is {state} with another spec (differs in {', '.join(differing)}); "
            "give the same seeds and options, another --job name, or --restart to start it afresh"
        )
    if finished:
        raise FinishedJob(f"job {keys.job} is finished already")
    return False


def _stored(server: Redis, keys: JobKeys) -> dict[str, Any]:
    stored = server.get(keys.spec)
    if stored is None:  # deleted meanwhile (--restart elsewhere): compare with nothing
        return {}
    spec: dict[str, Any] = json.loads(stored)
    return spec


def forget(server: Redis, keys: JobKeys) -> int:
    """Delete every key of the job (its spec, frontier, seen-set, leases, ``done``); returns
    how many. Raises JobBusy while a worker's heartbeat is alive, and redis-py's errors."""
    alive = [key for key in server.scan_iter(match=keys.heartbeat("*"), count=1000)]
    if alive:
        raise JobBusy(
            f"job {keys.job} has {len(alive)} live worker(s); stop them (or wait for their "
            "heartbeats to expire) before --restart"
        )
    names = list(server.scan_iter(match=keys.prefix + "*", count=1000))
    return int(server.delete(*names)) if names else 0


def load(server: Redis, keys: JobKeys) -> dict[str, Any]:
    """The job's stored spec. Raises UnknownJob, FinishedJob, and redis-py's errors."""
    stored = server.get(keys.spec)
    if stored is None:
        raise UnknownJob(
            f"no job {keys.job} in this Redis; start it with archiver crawl --redis URL --job {keys.job}"
        )
    if server.exists(keys.done):
        raise FinishedJob(f"job {keys.job} is finished already")
    spec: dict[str, Any] = json.loads(stored)
    if spec.get("schema") != SCHEMA_VERSION:
        raise ConflictingSpec(
            f"job {keys.job} was made by another version (spec schema {spec.get('schema')})"
        )
    return spec


def spec_overrides(spec: dict[str, Any]) -> dict[str, Any]:
    """The Scrapy settings every worker of the job runs with."""
    overrides: dict[str, Any] = {
        "ARCHIVER_ALLOW_PRIVATE": spec["allow_private"],
        "ARCHIVER_FETCH_IMAGES": spec["fetch_images"],
        "ROBOTSTXT_OBEY": spec["robots"],
    }
    if spec["allowed_domains"]:
        overrides["ARCHIVER_ALLOWED_DOMAINS"] = spec["allowed_domains"]
    if spec["contact"]:
        overrides["ARCHIVER_CONTACT"] = spec["contact"]
    if spec["max_pages"]:
        overrides["ARCHIVER_MAX_PAGES"] = spec["max_pages"]
    limits = spec.get("limits") or {}
    if limits.get("time_limit") is not None:
        overrides["CLOSESPIDER_TIMEOUT"] = limits["time_limit"]
    if limits.get("size_limit") is not None:
        overrides["ARCHIVER_SIZE_LIMIT"] = limits["size_limit"]
    return overrides
