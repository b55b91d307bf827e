"""What a crawl's end means for whoever started it: an exit code, a kind and one line.

Pure (no Scrapy): computed from the run's summary (the ``run`` part of crawl.json) both where
crawl.json is written and by the command, so a scheduler reading crawl.json and one reading the
exit code see the same verdict.

Exit codes (README "Exit codes", ``archiver crawl --help``)::

    0   done: every seed and every article page fetched (recommended links that answer
        404/410 are dead links, not failures)
    1   internal error (a bug)
    2   partial: the crawl ran to its end, but seeds, article pages or photos failed, or pages
        were rejected
    3   stopped early: a signal, --time-limit, --size-limit, a full disk; run the same command
        again to continue
    4   run unhealthy: extraction collapsed compared with the earlier runs (run.health in
        crawl.json, archiver.job.health): the site's template may have changed
    64  usage: a bad option, seed or setting (EX_USAGE)
    69  nothing could be fetched: no seed gave a usable HTTP answer (EX_UNAVAILABLE)
    73  output not writable: --out, --log-file (EX_CANTCREAT)
    75  another crawl is writing into this --out (EX_TEMPFAIL)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DONE = 0
INTERNAL = 1
PARTIAL = 2
STOPPED = 3
UNHEALTHY = 4
USAGE = 64
DATA_ERROR = 65  # archiver export: damaged input lines left out (EX_DATAERR)
NO_INPUT = 66  # archiver export: no articles.jsonl (EX_NOINPUT)
UNAVAILABLE = 69
CANT_CREATE = 73
LOCKED = 75

EXIT_CODES_HELP = """\
exit codes:
  0   done: every seed and article page fetched (404/410 recommended links are dead links)
  1   internal error (a bug): rerun with --debug for the traceback
  2   partial: some seeds, article pages or photos failed, or pages were rejected
  3   stopped early (signal, --time-limit, --size-limit, disk full): run the same command again
  4   run unhealthy: extraction collapsed compared with earlier runs (crawl.json run.health)
  64  bad option, seed or setting
  69  nothing could be fetched: no seed gave a usable HTTP answer
  73  output not writable (--out)
  75  another crawl is writing into this --out
"""

RESUME_HINT = "run the same command again to continue"
# Scrapy's finish reasons that mean "stopped before the end", and how to say each.
STOP_REASONS = {
    "shutdown": "stopped by a signal",
    "closespider_timeout": "stopped at the --time-limit",
    "size_limit": "stopped at the --size-limit",
    "disk_full": "stopped: the disk is full (free space first)",
    "redis_unavailable": "stopped: the job's Redis was unreachable for too long",
    "redis_job_lost": "stopped: the job's Redis lost the job (restarted without persistence?)",
}
# What to do after a stop, where it is not "run the same command again".
STOP_HINTS = {
    "redis_job_lost": "turn on Redis persistence (appendonly yes) and start the job again "
    "with archiver crawl --redis; this folder keeps the pages fetched so far",
}
# Error roles (crawl.json errors[].role). A recommended link is a page the crawl only may have
# found an article on: a 404/410 there is a dead link, not a failure of the crawl.
SEED_ROLES = ("seed", "seed-list")
# The start of the error of a sitemap or feed that answered but lists no URL (HTML, not XML,
# empty): it gave the crawl nothing, as a seed without an answer gives nothing.
NOT_A_SEED_LIST = "not a sitemap or feed"
DEAD_LINK_STATUSES = ("HTTP 404", "HTTP 410")


class CommandError(Exception):
    """A failure the command reports as one line (``cause; what to do``) with ``exit_code``."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Outcome:
    """``exit_code``: as the table above; ``kind``: done, partial, stopped, unavailable or unhealthy;
    ``line``: the cause and what to do, one line (empty when done)."""

    exit_code: int
    kind: str
    line: str


def is_dead_link(error: Mapping[str, Any]) -> bool:
    """A recommended link that answered 404 or 410: reported, not a failure."""
    reason = str(error.get("error", ""))
    return error.get("role") == "recommended" and reason.startswith(DEAD_LINK_STATUSES)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _nothing_fetched(run: Mapping[str, Any]) -> bool:
    """No seed (URL seed, sitemap or feed) got a usable HTTP answer: each failed without one,
    or (a sitemap or feed) answered with something that lists no URL."""
    given = [*run.get("seeds", []), *run.get("seed_lists", [])]
    if not given:
        return False
    unanswered = {
        error.get("url")
        for error in run.get("errors", [])
        if error.get("role") in SEED_ROLES
        and (
            not error.get("answered", error.get("kind") == "http")
            or str(error.get("error", "")).startswith(NOT_A_SEED_LIST)
        )
    }
    return all(url in unanswered for url in given)


def failure_counts(run: Mapping[str, Any]) -> Counter[str]:
    """Failures that make a run partial, by role (rejected pages as "rejected")."""
    counts: Counter[str] = Counter(
        str(error.get("role") or error.get("kind") or "other")
        for error in run.get("errors", [])
        if not is_dead_link(error)
    )
    if run.get("rejects"):
        counts["rejected"] += int(run["rejects"])
    return counts


_ROLE_NOUNS = {
    "seed": "seed",
    "seed-list": "sitemap/feed",
    "article-page": "article page",
    "recommended": "recommended page",
    "image": "photo",
}
# Errors of writing, not of fetching (the WACZ, crawl.json, a WARC record).
_WRITTEN_NOUNS = {"output": "output file", "warc": "WARC record"}


def classify(run: Mapping[str, Any]) -> Outcome:
    """The verdict on one run, from its summary: ``finish_reason``, ``seeds``, ``seed_lists``,
    ``errors`` (each with ``role``, ``kind``, ``answered``, ``error``, ``url``), ``rejects``, ``job_dir``,
    ``health`` (archiver.job.health: a collapsed run is UNHEALTHY, before partial: a run that
    archived pages but found no listicle in them must not pass for one with a few failures)."""
    reason = str(run.get("finish_reason", "finished"))
    if reason != "finished":
        cause = STOP_REASONS.get(reason, f"stopped early ({reason})")
        kept = f" (the job state in {run['job_dir']} is kept)" if run.get("job_dir") else ""
        hint = STOP_HINTS.get(reason, RESUME_HINT)
        return Outcome(STOPPED, "stopped", f"{cause}; {hint}{kept}")
    if _nothing_fetched(run):
        examples = [e for e in run.get("errors", []) if e.get("role") in SEED_ROLES]
        first = ""
        if examples:
            first = f" (first: {examples[0].get('url')}: {str(examples[0].get('error')).rstrip('.')})"
        return Outcome(
            UNAVAILABLE,
            "unavailable",
            f"nothing could be fetched: no seed gave a usable HTTP answer{first}; "
            "check the URLs and the network, then run again",
        )
    health = run.get("health")
    if isinstance(health, Mapping) and health.get("status") == "collapsed":
        return Outcome(
            UNHEALTHY,
            "unhealthy",
            f"run unhealthy: extraction collapsed: {health.get('line')}; look at this run's "
            "archived pages before trusting its articles (crawl.json run.health)",
        )
    failures = failure_counts(run)
    if failures:
        rejected = failures.pop("rejected", 0)
        parts = []
        # Fetches "failed"; files the crawl could not write were "not written" (never "1 output
        # error failed"); a role without a noun is named as it is.
        unwritten = {role: failures.pop(role) for role in list(failures) if role in _WRITTEN_NOUNS}
        if failures:
            listed = ", ".join(
                _plural(count, _ROLE_NOUNS[role])
                if role in _ROLE_NOUNS
                else f"{_plural(count, 'error')} ({role})"
                for role, count in sorted(failures.items())
            )
            parts.append(f"{listed} failed")
        if unwritten:
            listed = ", ".join(
                _plural(count, _WRITTEN_NOUNS[role]) for role, count in sorted(unwritten.items())
            )
            parts.append(f"{listed} not written")
        if rejected:
            parts.append(f"{_plural(rejected, 'page')} rejected")
        return Outcome(
            PARTIAL,
            "partial",
            f"partial crawl: {' and '.join(parts)}; see errors in crawl.json and rejects.jsonl "
            "in the output folder",
        )
    return Outcome(DONE, "done", "")
