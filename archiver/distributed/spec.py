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
    if server.exists(keys.done):
        raise FinishedJob(f"job {keys.job} is finished already")
    if server.set(keys.spec, _encoded(spec), nx=True):
        return True
    stored = load(server, keys)
    if stored != spec:
        differing = sorted(name for name in {*stored, *spec} if stored.get(name) != spec.get(name))
        raise ConflictingSpec(
            f"job {keys.job} is running with another spec (differs in {', '.join(differing)}); "
            "give the same seeds and options, or another --job name"
        )
    return False


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
