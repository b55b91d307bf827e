"""The end-of-run report a person reads: what the run did, what went wrong (by kind, with one
example each), and where the outputs are. Pure: crawl.json in, lines out.

The first line says it all in one (``--quiet`` prints only that one)::

    done in 2.4 s: 3 articles, 42 items, 31 photos from 14 pages (exit 0)
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import is_dead_link as outcome_is_dead_link
from archiver.crawl.summary import this_run

DEAD_LINK_ERRORS = ("HTTP 404", "HTTP 410")
MAX_ERROR_KINDS = 6  # kinds listed; the rest are counted in one line


def is_dead_link(error: dict[str, Any], seeds: Collection[str]) -> bool:
    """A recommended link that answered 404 or 410: a page the site does not have (any more),
    not a failure of the crawl. The outcome's rule (archiver.crawl.outcome), so that the report
    agrees with the exit code: a seed a sitemap or feed listed (role seed) is a failure, though
    it is not among the command line's ``seeds``; those are only for errors without a role
    (a crawl.json of before roles)."""
    if "role" in error:
        return outcome_is_dead_link(error)
    return (
        error.get("kind") == "http"
        and str(error.get("error", "")).split(" (", 1)[0] in DEAD_LINK_ERRORS
        and error.get("url") not in seeds
    )


def error_class(error: dict[str, Any]) -> str:
    """What kind of failure, e.g. 'TimeoutError (page)' or 'HTTP 500 (http)'."""
    text = str(error.get("error", ""))
    cause = text.split(":", 1)[0].split(" (", 1)[0].strip() or "error"
    return f"{cause} ({error.get('kind', 'error')})"


def _example(error: dict[str, Any]) -> str:
    """The error's URL and its message without the cause already named."""
    text = str(error.get("error", ""))
    cause, colon, rest = text.partition(": ")
    detail = rest if colon and " " not in cause else text
    return f"{error['url']}: {detail}" if error.get("url") else detail


def report_lines(summary: dict[str, Any], out_dir: Path) -> list[str]:
    """The report of a crawl.json (layout 2.0, or a 1.x one: then without totals)."""
    run = this_run(summary)
    totals: dict[str, Any] = summary.get("totals") or {}
    errors: list[dict[str, Any]] = list(run.get("errors", []))
    seeds = set(run.get("seeds", []))
    dead = [error for error in errors if is_dead_link(error, seeds)]
    failures = [error for error in errors if not is_dead_link(error, seeds)]
    lines = [_headline(run)]
    if _nothing_left(run, totals, errors):
        articles = int(totals.get("articles", 0))
        held = (
            f"{_n(articles, 'article')} in all"
            if articles
            else f"{_n(int(totals.get('pages', 0)), 'page')}, no listicle among them"
        )
        lines.append(
            f"nothing was left to fetch: earlier runs into {out_dir} fetched every page ({held}). "
            "To take a fresh snapshot, crawl into a new --out."
        )
    else:
        lines.append(_pages_line(run))
    lines += _health_lines(run)
    lines += _error_lines(failures)
    if dead:
        example = dead[0]
        lines.append(
            f"{_n(len(dead), 'dead link')}: recommended pages that answer {example['error']} "
            f"(the site does not have them); not failures. e.g. {example['url']}"
        )
    lines.append(_outputs_line(run, totals, out_dir))
    return lines


def _headline(run: dict[str, Any]) -> str:
    reason = run.get("finish_reason", "unknown")
    state = str(run.get("outcome") or ("finished" if reason == "finished" else "stopped"))
    if reason != "finished":  # why it stopped: a signal (shutdown), a limit, a full disk
        state += f" ({reason})"
    seconds = float(run.get("duration_seconds", 0.0))
    photos = run.get("photos", run.get("images", 0))
    exit_code = f" (exit {run['exit_code']})" if run.get("exit_code") is not None else ""
    counts = ", ".join(
        [_n(run.get("articles", 0), "article"), _n(run.get("items", 0), "item"), _n(photos, "photo")]
    )
    return f"{state} in {_duration(seconds)}: {counts} from {_n(run.get('pages', 0), 'page')}{exit_code}"


def _pages_line(run: dict[str, Any]) -> str:
    parts = [f"{_n(run.get('responses', 0), 'response')} ({_size(int(run.get('bytes', 0)))})"]
    if run.get("non_listicles"):
        parts.append(f"{_n(run['non_listicles'], 'page')} not listicles")
    if run.get("rejects"):
        parts.append(f"{_n(run['rejects'], 'page')} rejected (rejects.jsonl)")
    if "image_responses" in run:
        parts.append(f"{_n(run['image_responses'], 'image')} archived")
    return "; ".join(parts)


def _health_lines(run: dict[str, Any]) -> list[str]:
    """One line when the run's health (archiver.job.health) is warn or collapsed (a run not
    judged, stopped early, says so in its stop line)."""
    health = run.get("health")
    if not isinstance(health, dict) or health.get("status") in (None, "ok", "not_judged"):
        return []
    return [f"warning: run health: {health['status']}: {health.get('line', '')}"]


def _error_lines(failures: list[dict[str, Any]]) -> list[str]:
    if not failures:
        return []
    by_class: dict[str, list[dict[str, Any]]] = {}
    for error in failures:
        by_class.setdefault(error_class(error), []).append(error)
    ranked = sorted(by_class.items(), key=lambda entry: -len(entry[1]))
    lines = [f"{_n(len(failures), 'error')}:"]
    for name, group in ranked[:MAX_ERROR_KINDS]:
        lines.append(f"  {len(group)} x {name}, e.g. {_example(group[0])}")
    if len(ranked) > MAX_ERROR_KINDS:
        rest = sum(len(group) for _, group in ranked[MAX_ERROR_KINDS:])
        lines.append(f"  {rest} more of {len(ranked) - MAX_ERROR_KINDS} other kinds: crawl.json run.errors")
    return lines


def _nothing_left(run: dict[str, Any], totals: dict[str, Any], errors: list[dict[str, Any]]) -> bool:
    """A finished run that parsed no page, wrote no article, archived no image and met no error
    (whatever robots.txt files, sitemaps or feeds it fetched again), into a folder where earlier
    runs parsed pages (listicles or not)."""
    return (
        run.get("finish_reason") == "finished"
        and not run.get("pages")
        and not run.get("articles")
        and not run.get("image_responses")
        and not run.get("rejects")
        and not errors
        and bool(totals.get("pages") or totals.get("articles"))
    )


def _outputs_line(run: dict[str, Any], totals: dict[str, Any], out_dir: Path) -> str:
    articles = totals.get("articles", run.get("articles", 0))
    warc_files = totals.get("warc_files", len(run.get("warc_files", [])))
    warc = f"{out_dir}/warc/ ({_n(warc_files, 'file')}"
    warc += f", {_size(int(totals['warc_bytes']))})" if "warc_bytes" in totals else ")"
    wacz = f", {out_dir}/{run['wacz']}" if run.get("wacz") else ""
    return (
        f"output: {out_dir}/articles.jsonl ({_n(articles, 'article')} in all), {warc}{wacz}, "
        f"{out_dir}/crawl.json"
    )


def _n(count: int, noun: str) -> str:
    """'1 page', '3 pages' (every noun of the report takes an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {seconds:02d} s"


def _size(count: int) -> str:
    if count < 1000:
        return f"{count} bytes"
    value, unit = count / 1000, "KB"
    for larger in ("MB", "GB"):
        if value < 1000:
            break
        value, unit = value / 1000, larger
    return f"{value:.1f} {unit}"
