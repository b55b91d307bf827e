"""The job's current state, ``OUT/articles.jsonl``, merged with each run; the run's changes.

The current state holds one line per article URL the job has seen (a gone one too, marked
``gone: {since_run, reason}``, so that its history survives its return): the latest version
of the article (its Article JSON as the run wrote it) plus ``run`` (the run
folder it comes from: its page and photo captures name WARC files under
``OUT/runs/<run>/warc/``) and ``sitemap_listed`` (a sitemap or feed of the job listed it when
last read). It is rewritten whole (temporary file + rename): a run killed before its merge leaves
it as it was.

Pure but for the files it is given: no Scrapy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.job.changes import added_all, diff_articles, is_unchanged, no_diff
from archiver.jsonl import write_jsonl_atomically
from archiver.models import ChangeLine
from archiver.urls import canonical_url

STATE_FILE = "articles.jsonl"
CHANGES_FILE = "changes.jsonl"
GONE_STATUSES = ("HTTP 404", "HTTP 410")
# Fields the state adds to an article's JSON.
RUN_FIELD = "run"
LISTED_FIELD = "sitemap_listed"
GONE_FIELD = "gone"


COUNTS = ("new", "changed", "returned", "unchanged", "not_fetched", "gone", "still_gone", "not_listicle")
UNLISTED = "no longer listed by the job's sitemaps and feeds"


@dataclass(frozen=True)
class Unfetched:
    """What became of a known article's URL that gave no article this run (from the run's WARCs:
    archiver.job.outcomes). ``kind``: "redirect" (``detail`` = where to), "not_listicle" (it
    answered, no list was found), "failed" (``detail`` = the error), "not_requested"."""

    kind: str
    detail: str = ""


@dataclass
class Merge:
    """What a run changed: ``changes`` (the lines of changes.jsonl), ``counts`` (every name of
    :data:`COUNTS`, 0 when none; not_fetched: of the unchanged, those this run got no article
    for; still_gone: gone before and still), ``not_fetched`` ([{url, reason}]) and ``gone_urls``
    (canonical URLs gone or still gone: their 404/410 is not a failure of the run)."""

    changes: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    not_fetched: list[dict[str, str]] = field(default_factory=list)
    gone_urls: set[str] = field(default_factory=set)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (none if it does not exist); blank lines skipped."""
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if line.strip():
                value = json.loads(line)
                if isinstance(value, dict):
                    yield value


def read_state(job_dir: Path) -> dict[str, dict[str, Any]]:
    """The current state by article URL."""
    return {line["url"]: line for line in read_jsonl(job_dir / STATE_FILE)}


def gone_statuses(errors: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """URL (canonical) -> "HTTP 404"/"HTTP 410", from a run's crawl.json errors."""
    gone = {}
    for error in errors:
        reason = str(error.get("error", ""))
        if error.get("url") and reason.startswith(GONE_STATUSES):
            gone[canonical_url(str(error["url"]))] = reason.split(" (")[0]
    return gone


def _line(
    change: str,
    article: Mapping[str, Any],
    run_id: str,
    previous_run: str | None,
    diff: Mapping[str, Any] | None = None,
    **extra: str | None,
) -> dict[str, Any]:
    """A changes.jsonl line: every line has the same fields (archiver.models.ChangeLine)."""
    diff = diff or no_diff()
    return {
        "change": change,
        "url": article["url"],
        "title": article.get("title"),
        "run": run_id,
        "previous_run": previous_run,
        "reason": extra.get("reason"),
        "redirect": extra.get("redirect"),
        "item_count": len(article.get("items") or []),
        "article": diff["article"],
        "items": diff["items"],
    }


def _gone(line: Mapping[str, Any], run_id: str, reason: str) -> dict[str, Any]:
    return {**line, GONE_FIELD: {"since_run": run_id, "reason": reason}}


def merge_run(
    state: Mapping[str, dict[str, Any]],
    run_articles: Iterable[dict[str, Any]],
    run_id: str,
    *,
    errors: Iterable[Mapping[str, Any]] = (),
    listed: set[str] | None = None,
    unfetched: Mapping[str, Unfetched] | None = None,
) -> tuple[list[dict[str, Any]], Merge]:
    """The new state (lines, in URL order) and the run's changes.

    ``run_articles``: the run's articles.jsonl objects (the last of a URL wins); ``errors``: its
    crawl.json errors (an article URL that answered 404/410 is gone); ``listed``: the canonical
    URLs its sitemaps and feeds listed, None when not all of them were read in this run (then
    nobody is gone for a sitemap); ``unfetched``: by state URL, what became of a known URL that
    gave no article (a redirect is gone, a page without a list is ``not_listicle``).

    A gone article stays in the state, its last version with ``gone: {since_run, reason}``; it
    is reported gone once (then counted ``still_gone``), and ``returned`` (diffed against that
    last version) when it gives an article again: for one gone as no longer listed, when it is
    listed again too (it may answer 200 all along).
    """
    merge = Merge()
    fetched: dict[str, dict[str, Any]] = {}
    for article in run_articles:
        fetched[article["url"]] = article
    statuses = gone_statuses(errors)
    unfetched = unfetched or {}
    new_state: dict[str, dict[str, Any]] = {}

    def unlisted(url: str, previous: Mapping[str, Any] | None) -> bool:
        return bool(
            listed is not None
            and previous
            and previous.get(LISTED_FIELD)
            and canonical_url(url) not in listed
        )

    for url, article in fetched.items():
        previous = state.get(url)
        in_list = (
            canonical_url(url) in listed
            if listed is not None
            else bool(previous and previous.get(LISTED_FIELD))
        )
        line = {**article, RUN_FIELD: run_id, LISTED_FIELD: in_list}
        new_state[url] = line
        if previous is None:
            merge.counts["new"] += 1
            merge.changes.append(_line("new", article, run_id, None, added_all(article)))
            continue
        marker = previous.get(GONE_FIELD)
        if marker:
            if listed is not None and not in_list and str(marker.get("reason", "")).startswith(UNLISTED):
                # Still answers, still not listed: still gone; its last version stays.
                merge.counts["still_gone"] += 1
                new_state[url] = {**previous, LISTED_FIELD: False}
                continue
            merge.counts["returned"] += 1
            merge.changes.append(
                _line("returned", article, run_id, previous.get(RUN_FIELD), diff_articles(previous, article))
            )
            continue
        if unlisted(url, previous):
            answering = f"{UNLISTED} (the page still answers)"
            merge.counts["gone"] += 1
            merge.changes.append(_line("gone", article, run_id, previous.get(RUN_FIELD), reason=answering))
            new_state[url] = _gone(line, run_id, answering)
            continue
        diff = diff_articles(previous, article)
        if is_unchanged(diff):
            merge.counts["unchanged"] += 1
            continue
        merge.counts["changed"] += 1
        merge.changes.append(_line("changed", article, run_id, previous.get(RUN_FIELD), diff))
    for url, previous in state.items():
        if url in fetched:
            continue
        key = canonical_url(url)
        status = statuses.get(key)
        outcome = unfetched.get(url, Unfetched("not_requested"))
        if previous.get(GONE_FIELD):
            merge.counts["still_gone"] += 1
            merge.gone_urls.add(key)
            new_state[url] = dict(previous)
            continue
        reason, redirect = status, None
        if reason is None and outcome.kind == "redirect":
            reason, redirect = f"redirects to {outcome.detail}", outcome.detail
        if reason is None and unlisted(url, previous):
            reason = UNLISTED
        if reason is not None:
            merge.counts["gone"] += 1
            merge.gone_urls.add(key)
            merge.changes.append(
                _line("gone", previous, run_id, previous.get(RUN_FIELD), reason=reason, redirect=redirect)
            )
            new_state[url] = _gone(previous, run_id, reason)
            continue
        # Kept as it was: its last version, never an empty or broken one.
        new_state[url] = dict(previous)
        if outcome.kind == "not_listicle":
            merge.counts["not_listicle"] += 1
            merge.changes.append(
                _line(
                    "not_listicle",
                    previous,
                    run_id,
                    previous.get(RUN_FIELD),
                    reason=outcome.detail or "fetched, but no list was found (the site's template changed?)",
                )
            )
            continue
        # Not fetched this run (a failed fetch, a page limit, a sitemap lastmod skip, a stop).
        merge.counts["unchanged"] += 1
        merge.counts["not_fetched"] += 1
        merge.not_fetched.append({"url": url, "reason": _not_fetched_reason(outcome)})
    return [new_state[url] for url in sorted(new_state)], merge


def _not_fetched_reason(outcome: Unfetched) -> str:
    if outcome.kind == "failed":
        return outcome.detail
    return "not requested in this run (a page limit, a sitemap lastmod skip, or the run was stopped)"


def write_state(job_dir: Path, lines: list[dict[str, Any]]) -> None:
    write_jsonl_atomically(job_dir / STATE_FILE, (json.dumps(line, ensure_ascii=False) for line in lines))


def _checked(changes: Iterable[dict[str, Any]]) -> Iterator[str]:
    for line in changes:
        ChangeLine.model_validate(line)  # the contract `archiver schema changes` prints
        yield json.dumps(line, ensure_ascii=False)


def write_changes(run_dir: Path, changes: list[dict[str, Any]]) -> None:
    """The run's changes.jsonl (validated lines). Raises pydantic.ValidationError on a bad line."""
    write_jsonl_atomically(run_dir / CHANGES_FILE, _checked(changes))


def append_history(job_dir: Path, run_id: str, changes: list[dict[str, Any]]) -> None:
    """Add the run's changes to the job's history, ``OUT/changes.jsonl`` (kept when old runs are
    pruned). Rewritten whole (temporary file + rename) without any earlier lines of this run: a
    run merged again after a kill is not in it twice."""
    kept = [line for line in read_jsonl(job_dir / CHANGES_FILE) if line.get("run") != run_id]
    write_jsonl_atomically(job_dir / CHANGES_FILE, _checked([*kept, *changes]))
