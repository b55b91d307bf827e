"""The job's current state, ``OUT/articles.jsonl``, merged with each run; the run's changes.

The current state holds one line per article URL the job has seen and not found gone: the
latest version of the article (its Article JSON as the run wrote it) plus ``run`` (the run
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

from archiver.job.changes import diff_articles, is_unchanged
from archiver.jsonl import write_jsonl_atomically
from archiver.urls import canonical_url

STATE_FILE = "articles.jsonl"
CHANGES_FILE = "changes.jsonl"
GONE_STATUSES = ("HTTP 404", "HTTP 410")
# Fields the state adds to an article's JSON.
RUN_FIELD = "run"
LISTED_FIELD = "sitemap_listed"


@dataclass
class Merge:
    """What a run changed: ``changes`` (the lines of changes.jsonl) and ``counts`` (new, changed,
    unchanged, gone; not_fetched: of the unchanged, those this run did not fetch)."""

    changes: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("new", "changed", "unchanged", "gone", "not_fetched"), 0)
    )


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


def merge_run(
    state: Mapping[str, dict[str, Any]],
    run_articles: Iterable[dict[str, Any]],
    run_id: str,
    *,
    errors: Iterable[Mapping[str, Any]] = (),
    listed: set[str] | None = None,
) -> tuple[list[dict[str, Any]], Merge]:
    """The new state (lines, in URL order) and the run's changes.

    ``run_articles``: the run's articles.jsonl objects (the last of a URL wins); ``errors``: its
    crawl.json errors (an article URL that answered 404/410 is gone); ``listed``: the canonical
    URLs its sitemaps and feeds listed, None when not all of them were read in this run (then
    nobody is gone for a sitemap).
    """
    merge = Merge()
    fetched: dict[str, dict[str, Any]] = {}
    for article in run_articles:
        fetched[article["url"]] = article
    statuses = gone_statuses(errors)
    new_state: dict[str, dict[str, Any]] = {}
    for url, article in fetched.items():
        previous = state.get(url)
        was_listed = bool(previous and previous.get(LISTED_FIELD))
        in_list = canonical_url(url) in listed if listed is not None else was_listed
        new_state[url] = {**article, RUN_FIELD: run_id, LISTED_FIELD: in_list}
        base = {"url": url, "title": article.get("title"), "run": run_id}
        if previous is None:
            merge.counts["new"] += 1
            merge.changes.append(
                {"change": "new", **base, "previous_run": None, "items": len(article.get("items") or [])}
            )
            continue
        diff = diff_articles(previous, article)
        if is_unchanged(diff):
            merge.counts["unchanged"] += 1
            continue
        merge.counts["changed"] += 1
        merge.changes.append({"change": "changed", **base, "previous_run": previous.get(RUN_FIELD), **diff})
    for url, previous in state.items():
        if url in fetched:
            continue
        reason = statuses.get(canonical_url(url))
        if (
            reason is None
            and listed is not None
            and previous.get(LISTED_FIELD)
            and canonical_url(url) not in listed
        ):
            reason = "no longer listed by the job's sitemaps and feeds"
        if reason is not None:
            merge.counts["gone"] += 1
            merge.changes.append(
                {
                    "change": "gone",
                    "url": url,
                    "title": previous.get("title"),
                    "run": run_id,
                    "previous_run": previous.get(RUN_FIELD),
                    "reason": reason,
                }
            )
            continue
        # Not fetched this run (a failed fetch, a page limit, a sitemap lastmod skip): kept.
        merge.counts["unchanged"] += 1
        merge.counts["not_fetched"] += 1
        new_state[url] = dict(previous)
    return [new_state[url] for url in sorted(new_state)], merge


def write_state(job_dir: Path, lines: list[dict[str, Any]]) -> None:
    write_jsonl_atomically(job_dir / STATE_FILE, (json.dumps(line, ensure_ascii=False) for line in lines))


def write_changes(run_dir: Path, changes: list[dict[str, Any]]) -> None:
    write_jsonl_atomically(run_dir / CHANGES_FILE, (json.dumps(line, ensure_ascii=False) for line in changes))
