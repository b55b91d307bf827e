"""`archiver crawl --redis` and `archiver worker`: a crawl shared by workers through Redis
(archiver.distributed).

``crawl --redis URL --job NAME`` registers the job (its spec: seeds and options) and runs as
its first worker; the same command again joins it; another spec for a live job is refused (64).
``worker --redis URL --job NAME --out DIR`` joins with only those: the spec comes from Redis.
A finished job is said in one line (exit 0); an unknown one too (exit 66); an unreachable
Redis: exit 69.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import CANT_CREATE, LOCKED, NO_INPUT, UNAVAILABLE, USAGE, CommandError, Outcome

SCHEDULER = "archiver.distributed.scheduler.RedisLeaseScheduler"
ROBOTS_MIDDLEWARE = "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"
SHARED_ROBOTS_MIDDLEWARE = "archiver.distributed.robots.SharedRobotsTxtMiddleware"
# Stops for which Redis could not take the work back: "run the same command again" holds.
REDIS_STOPS = ("redis_unavailable", "redis_job_lost")
ROBOTS_ORDER = 100  # Scrapy's place for its robots.txt middleware (DOWNLOADER_MIDDLEWARES_BASE)


def _redis_url(url: str | None) -> str:
    """``--redis``'s URL checked (``None`` or empty: ``$ARCHIVER_REDIS_URL``; a password from
    ``$REDISCLI_AUTH`` when the URL has none); raises CommandError (USAGE)."""
    import os

    from archiver.distributed.connection import check_redis_url, url_from_environment

    try:
        return check_redis_url(url_from_environment(url or "", os.environ))
    except ValueError as error:
        raise CommandError(f"{error}", USAGE) from None


def _unreachable(url: str, error: Exception) -> CommandError:
    from redis.exceptions import AuthenticationError, AuthorizationError

    from archiver.distributed.keys import redacted_url

    if isinstance(error, (AuthenticationError, AuthorizationError)):
        return CommandError(
            f"Redis at {redacted_url(url)} refused the credentials of --redis ({error}); "
            "fix the password (redis://:PASSWORD@HOST:PORT/DB)",
            UNAVAILABLE,
        )
    return CommandError(
        f"cannot reach Redis at {redacted_url(url)} ({type(error).__name__}); start it or fix --redis",
        UNAVAILABLE,
    )


def _refused(url: str, error: Exception) -> CommandError:
    """Redis answered with an error before the job could be read: a DB index it does not have,
    a missing password (NOAUTH)."""
    from archiver.distributed.keys import redacted_url

    text = str(error)
    if "NOAUTH" in text or "WRONGPASS" in text:
        return _unreachable(url, error)
    return CommandError(f"--redis {redacted_url(url)}: Redis says: {text}", USAGE)


def register_job(url: str, job: str, spec: dict[str, Any], *, restart: bool = False) -> bool:
    """Store the spec of ``job`` (or find the same one); False when the job is finished (said
    on stdout). ``restart``: delete the job's keys first. Raises CommandError: another spec
    (USAGE), live workers at a restart (LOCKED), Redis unreachable (UNAVAILABLE)."""
    from redis.exceptions import ResponseError

    from archiver.distributed.connection import connect
    from archiver.distributed.keys import JobKeys
    from archiver.distributed.outbox import OUTAGE_ERRORS
    from archiver.distributed.spec import ConflictingSpec, FinishedJob, JobBusy, forget, register

    try:
        server = connect(url)
        if restart:
            deleted = forget(server, JobKeys(job))
            print(f"archiver: job {job} started afresh ({deleted} Redis keys of it deleted)")
        register(server, JobKeys(job), spec)
    except JobBusy as error:
        raise CommandError(str(error), LOCKED) from None
    except FinishedJob as error:
        print(f"archiver: {error}; nothing to do")
        return False
    except ConflictingSpec as error:
        raise CommandError(str(error), USAGE) from None
    except OUTAGE_ERRORS as error:
        raise _unreachable(url, error) from None
    except ResponseError as error:
        raise _refused(url, error) from None
    return True


def load_job(url: str, job: str) -> dict[str, Any] | None:
    """The spec of ``job``; None when it is finished (said on stdout). Raises CommandError:
    unknown job (NO_INPUT), Redis unreachable (UNAVAILABLE)."""
    from redis.exceptions import ResponseError

    from archiver.distributed.connection import connect
    from archiver.distributed.keys import JobKeys
    from archiver.distributed.outbox import OUTAGE_ERRORS
    from archiver.distributed.spec import ConflictingSpec, FinishedJob, UnknownJob, load

    try:
        return load(connect(url), JobKeys(job))
    except FinishedJob as error:
        print(f"archiver: {error}; nothing to do")
        return None
    except UnknownJob as error:
        raise CommandError(str(error), NO_INPUT) from None
    except ConflictingSpec as error:
        raise CommandError(str(error), USAGE) from None
    except OUTAGE_ERRORS as error:
        raise _unreachable(url, error) from None
    except ResponseError as error:
        raise _refused(url, error) from None


def run_worker(
    url: str, job: str, spec: dict[str, Any], out: Path, overrides: dict[str, Any]
) -> dict[str, Any]:
    """Run this process as a worker of ``job`` into ``out``; returns its crawl summary."""
    from archiver.crawl.runner import run_crawl
    from archiver.distributed.spec import spec_overrides
    from archiver.distributed.worker_id import worker_id

    try:
        worker = worker_id(out)
    except OSError as error:
        raise CommandError(f"cannot write the worker id into --out {out}: {error}", CANT_CREATE) from None
    import archiver.settings

    # robots.txt once per site for the whole job (archiver.distributed.robots).
    middlewares = dict(overrides.get("DOWNLOADER_MIDDLEWARES") or archiver.settings.DOWNLOADER_MIDDLEWARES)
    middlewares[ROBOTS_MIDDLEWARE] = None
    middlewares[SHARED_ROBOTS_MIDDLEWARE] = ROBOTS_ORDER
    settings = {
        **overrides,
        "DOWNLOADER_MIDDLEWARES": middlewares,
        **spec_overrides(spec),
        "ARCHIVER_REDIS_URL": url,
        "ARCHIVER_WORKER_ID": worker,
        "SCHEDULER": SCHEDULER,
    }
    return run_crawl(
        spec["seeds"],
        out,
        sitemaps=spec["sitemaps"],
        feeds=spec["feeds"],
        depth=spec["depth"],
        max_pages=spec["max_pages"] or None,
        job=job,
        overrides=settings,
    )


def crawl_spec(
    args: argparse.Namespace,
    seeds: list[str],
    sitemaps: list[str],
    feeds: list[str],
    overrides: dict[str, Any],
) -> dict[str, Any]:
    """The job spec `archiver crawl --redis` registers, from its options and settings."""
    from archiver.distributed.spec import job_spec

    if args.job_dir is not None:
        raise CommandError("--job-dir and --redis do not go together: Redis holds the job's state", USAGE)
    return job_spec(
        seeds=seeds,
        sitemaps=sitemaps,
        feeds=feeds,
        depth=args.depth,
        max_pages=args.max_pages or 0,
        allowed_domains=list(overrides.get("ARCHIVER_ALLOWED_DOMAINS") or []),
        allow_private=bool(overrides.get("ARCHIVER_ALLOW_PRIVATE")),
        contact=str(overrides.get("ARCHIVER_CONTACT") or ""),
        fetch_images=bool(overrides.get("ARCHIVER_FETCH_IMAGES", True)),
        robots=bool(overrides.get("ROBOTSTXT_OBEY", True)),
        time_limit=overrides.get("CLOSESPIDER_TIMEOUT"),
        size_limit=overrides.get("ARCHIVER_SIZE_LIMIT"),
    )


def worker_outcome(summary: dict[str, Any]) -> Outcome:
    """The verdict on a worker's run: as a crawl's, but a worker that stopped (signal, limit)
    handed its work back to the job, whose other workers continue it."""
    from archiver.crawl.outcome import RESUME_HINT, classify
    from archiver.crawl.summary import this_run

    run = this_run(summary)
    outcome = classify(run)
    if outcome.kind == "stopped" and run.get("finish_reason") not in REDIS_STOPS:
        line = outcome.line.replace(
            RESUME_HINT,
            "the job's other workers continue it (this worker's requests were handed back); "
            "run the same command again to join again",
        )
        return replace(outcome, line=line)
    return outcome


def cmd_worker(args: argparse.Namespace) -> int:
    from archiver.cli.crawl import (
        _crawl_overrides,
        _log_overrides,
        _print_report,
        _report_outcome,
        check_output_folder,
    )

    url = _redis_url(args.redis)
    overrides = _crawl_overrides(args)
    overrides = {**overrides, **_log_overrides(args, overrides)}
    spec = load_job(url, args.job)
    if spec is None:
        return 0
    # Made only once the job is known: a refused URL or an unknown job leaves no folder.
    check_output_folder(args.out, "--out")
    summary = run_worker(url, args.job, spec, args.out, overrides)
    _print_report(args, summary)
    return _report_outcome(worker_outcome(summary))


def add_worker_command(
    parser: argparse.ArgumentParser, job_type: Callable[[str], str], folder_type: Callable[[str], Path]
) -> None:
    """The options of `archiver worker` (``job_type``, ``folder_type``: the checks of
    archiver crawl's --job and --out)."""
    parser.add_argument(
        "--redis",
        metavar="URL",
        default="",
        help="the job's Redis: redis://HOST:PORT/DB (default: $ARCHIVER_REDIS_URL; a password "
        "from $REDISCLI_AUTH if the URL has none)",
    )
    parser.add_argument(
        "--job", required=True, type=job_type, help="the job's name (as given to archiver crawl --redis)"
    )
    parser.add_argument("--out", type=folder_type, required=True, help="this worker's output folder")
    parser.add_argument("--no-wacz", action="store_true", help="do not package the folder as a WACZ")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy or archiver setting"
    )
    # The crawl options the spec decides; the command's own helpers read them.
    parser.set_defaults(
        contact=None,
        allow_private=False,
        allow_domain=[],
        time_limit=None,
        size_limit=None,
        handler=cmd_worker,
    )
