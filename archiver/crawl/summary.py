"""crawl.json: what this run did, what the output folder holds, and a short history of runs.

Layout (``schema_version`` "2.0")::

    {"schema_version": "2.0", "job": "crawl",
     "run":    {every per-run field: finish_reason, seeds, counts, errors, ...},
     "totals": {articles, items, photos, article_pages in articles.jsonl; pages parsed in
                pages.jsonl; warc_files, warc_bytes in warc/; runs},
     "runs":   [{started_at, finished_at, finish_reason, counts, errors, ...}, ... this run last]}

"run" is this run's own doing, however it started (resumed from a JOBDIR, after a kill, or
not). "totals" are read from the folder's files, not summed over runs, so they hold whatever
happened to earlier runs (one killed before it could write crawl.json included).

A run that was killed (SIGKILL, a second SIGTERM) writes no entry of its own. The next run
learns of it from the output lock (archiver.crawl.lock: a holder that never released it) and
adds an entry for it before its own: ``{"run_id", "started_at", "finish_reason": "killed",
"outcome": "unknown", "errors": null}``, without counts (nobody counted them).

Readers go through :func:`this_run` (a 1.x crawl.json, which was one run's fields at the top
level, reads as its own run). The history keeps the last :data:`MAX_RUNS` runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from archiver.captures import is_success

SCHEMA_VERSION = "2.0"
SUMMARY_FILE = "crawl.json"
MAX_RUNS = 1000
# The counts a history entry keeps of its run (the run's own fields; a missing one is skipped).
RUN_ENTRY_COUNTS = (
    "pages",
    "articles",
    "items",
    "photos",
    "image_responses",
    "rejects",
    "non_listicles",
    "responses",
    "declared_articles",
    "declared_items",
    "declared_found",
)
RUN_ENTRY_FIELDS = ("run_id", "started_at", "finished_at", "finish_reason", "outcome", "exit_code")


class RunError(BaseModel):
    model_config = ConfigDict(extra="allow")
    url: str = Field(description="The URL that failed (credentials removed); empty for a whole-run error.")
    kind: str = Field(description="What failed: page, http, image, seed-list, warc, output, ...")
    error: str = Field(description="What went wrong, e.g. 'HTTP 404' or 'TimeoutError: ...'.")


class RunSummary(BaseModel):
    """This run only. Fields other parts of the crawl add are kept (extra fields allowed)."""

    model_config = ConfigDict(extra="allow")
    finish_reason: str = Field(description="Scrapy's: finished, shutdown, disk_full, ...")
    started_at: str | None = Field(default=None, description="UTC, ISO 8601.")
    finished_at: str | None = Field(default=None, description="UTC, ISO 8601.")
    duration_seconds: float
    seeds: list[str] = Field(default_factory=list, description="The URL seeds given.")
    seed_lists: list[str] = Field(default_factory=list, description="The sitemaps and feeds given.")
    pages: int = Field(description="Pages parsed in this run (listicles or not).")
    listicle_pages: int = Field(description="Pages of the articles this run wrote.")
    articles: int = Field(description="Articles this run wrote to articles.jsonl.")
    items: int
    photos: int = Field(
        description="Item photos of this run's articles that are captured (a 2xx answer archived)."
    )
    image_responses: int = Field(description="Image URLs fetched and archived (srcset variants included).")
    rejects: int
    non_listicles: int
    declared_articles: int = Field(default=0, description="Articles whose title declares an item count.")
    declared_items: int = Field(default=0, description="Items those titles declare, summed.")
    declared_found: int = Field(
        default=0, description="Items found of those declared (at most the declared count an article)."
    )
    responses: int = 0
    bytes: int = 0
    status_counts: dict[str, int] = Field(default_factory=dict)
    errors: list[RunError] = Field(default_factory=list)
    warc_files: list[str] = Field(default_factory=list, description="Every WARC file of the folder.")
    wacz: str | None = Field(
        default=None,
        description="The WACZ file this run wrote in the folder (all its WARCs, index, pages): its "
        "name, e.g. crawl.wacz; null when turned off (--no-wacz), nothing was archived, or it "
        "could not be written (an output error says why).",
    )
    health: dict[str, Any] | None = Field(
        default=None,
        description="How this run compares with the earlier ones (archiver.job.health): status "
        "ok, warn, collapsed or not_judged (stopped early), line, reasons, notes, compared_runs, "
        "baseline, this_run.",
    )


class Totals(BaseModel):
    model_config = ConfigDict(extra="allow")
    articles: int = Field(description="Articles in articles.jsonl.")
    items: int
    photos: int = Field(
        description="Item photos in articles.jsonl that are captured (a 2xx answer archived)."
    )
    article_pages: int = Field(description="Pages of the articles in articles.jsonl.")
    pages: int = Field(
        description="Pages parsed (an answer 2xx), listicle or not, listed in pages.jsonl; a page "
        "chain is listed once it ends."
    )
    warc_files: int
    warc_bytes: int
    runs: int = Field(description="Runs recorded, killed ones included (the history may keep fewer).")


class RunEntry(BaseModel):
    model_config = ConfigDict(extra="allow")
    run_id: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    finish_reason: str | None = None
    outcome: str | None = None
    exit_code: int | None = None
    errors: int | None = Field(description="How many errors the run recorded; null for a killed run.")
    health: str | None = Field(default=None, description="The run's health status: ok, warn, collapsed.")


class CrawlSummary(BaseModel):
    """crawl.json."""

    model_config = ConfigDict(extra="allow")
    schema_version: str = SCHEMA_VERSION
    job: str | None = None
    run: RunSummary
    totals: Totals
    runs: list[RunEntry] = Field(description=f"Oldest first, this run last; the last {MAX_RUNS} runs.")


def this_run(summary: dict[str, Any]) -> dict[str, Any]:
    """The run's own fields of a parsed crawl.json (a 1.x file is all one run's)."""
    run = summary.get("run")
    return run if isinstance(run, dict) else summary


def read_summary(out_dir: Path) -> dict[str, Any] | None:
    """The folder's crawl.json, or None if there is none or it cannot be read as JSON."""
    try:
        data = json.loads((out_dir / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_run(out_dir: Path) -> dict[str, Any]:
    """This run's fields of ``out_dir``'s crawl.json; raises OSError/ValueError if unreadable."""
    return this_run(json.loads((out_dir / SUMMARY_FILE).read_text(encoding="utf-8")))


def run_entry(run: dict[str, Any]) -> dict[str, Any]:
    """The short history entry of a run's fields."""
    entry = {name: run[name] for name in RUN_ENTRY_FIELDS if run.get(name) is not None}
    entry.update({name: run[name] for name in RUN_ENTRY_COUNTS if name in run})
    entry["errors"] = len(run.get("errors", []))
    if isinstance(run.get("health"), dict):  # its status only: the next runs' baseline skips collapses
        entry["health"] = run["health"].get("status")
    return entry


KILLED = "killed"


def killed_entry(holder: Mapping[str, Any]) -> dict[str, Any]:
    """The history entry of a run that ended without a summary, from what it wrote into the
    output lock (``pid``, ``since``, ``run_id``)."""
    entry = {"run_id": holder.get("run_id"), "started_at": holder.get("since")}
    entry = {name: value for name, value in entry.items() if value}
    return {**entry, "finish_reason": KILLED, "outcome": "unknown", "errors": None}


def build_summary(
    run: dict[str, Any],
    out_dir: Path,
    job: str | None,
    previous: dict[str, Any] | None,
    unrecorded: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """crawl.json for ``run`` (this run's fields), given the folder, its earlier crawl.json and
    the runs that ended without writing it (``unrecorded``: lock holders, see :func:`killed_entry`)."""
    history: list[dict[str, Any]] = []
    recorded_runs = 0
    if previous is not None:
        if isinstance(previous.get("runs"), list):
            history = [entry for entry in previous["runs"] if isinstance(entry, dict)]
            old_totals = previous.get("totals") or {}
            recorded_runs = int(old_totals.get("runs", len(history)))
        else:  # a 1.x crawl.json: one run
            history = [run_entry(previous)]
            recorded_runs = 1
    known = {entry.get("run_id") for entry in history}
    # A run killed after writing crawl.json, before letting go of the lock, is on record already.
    killed = [
        killed_entry(holder)
        for holder in unrecorded
        if not holder.get("run_id") or holder.get("run_id") not in known
    ]
    history = [*history, *killed, run_entry(run)][-MAX_RUNS:]
    totals = {
        **article_totals(out_dir / "articles.jsonl"),
        "pages": parsed_pages(out_dir / "pages.jsonl"),
        **warc_totals(out_dir / "warc"),
        "runs": recorded_runs + len(killed) + 1,
    }
    return {"schema_version": SCHEMA_VERSION, "job": job, "run": run, "totals": totals, "runs": history}


def parsed_pages(path: Path) -> int:
    """Pages of a pages.jsonl whose answer was parsed (2xx), listicle or not; a page listed
    twice (a chain finished by a later run) counts once."""
    parsed: dict[str, bool] = {}
    for line in _lines(path):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("status"), int):
            parsed[str(entry.get("url", ""))] = 200 <= entry["status"] < 300
    return sum(parsed.values())


def article_totals(path: Path) -> dict[str, int]:
    """Articles, items, photos captured (a success answer), and article pages in an articles.jsonl (an
    article written twice counts once, as its last line)."""
    by_url: dict[str, tuple[int, int, int]] = {}
    for line in _lines(path):
        try:
            article = json.loads(line)
        except ValueError:
            continue
        items = article.get("items", [])
        photos = sum(
            1
            for item in items
            for image in item.get("images", [])
            if is_success((image.get("capture") or {}).get("status"))
        )
        by_url[article.get("url", "")] = (len(items), photos, len(article.get("pages", [])))
    return {
        "articles": len(by_url),
        "items": sum(counts[0] for counts in by_url.values()),
        "photos": sum(counts[1] for counts in by_url.values()),
        "article_pages": sum(counts[2] for counts in by_url.values()),
    }


def warc_totals(warc_dir: Path) -> dict[str, int]:
    sizes = [path.stat().st_size for path in warc_dir.glob("*.warc.gz")] if warc_dir.is_dir() else []
    return {"warc_files": len(sizes), "warc_bytes": sum(sizes)}


def _lines(path: Path) -> Iterator[str]:
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if line.strip():
                yield line
