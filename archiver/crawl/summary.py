"""crawl.json: what this run did, what the output folder holds, and a short history of runs.

Layout (``schema_version`` "2.0")::

    {"schema_version": "2.0", "job": "crawl",
     "run":    {every per-run field: finish_reason, seeds, counts, errors, ...},
     "totals": {articles, items, photos, article_pages in articles.jsonl; pages parsed by every
                run on record; warc_files, warc_bytes; runs},
     "runs":   [{started_at, finished_at, finish_reason, counts, errors, ...}, ... this run last]}

Readers go through :func:`this_run` (a 1.x crawl.json, which was one run's fields at the top
level, reads as its own run). The history keeps the last :data:`MAX_RUNS` runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    seeds: list[str] = Field(default_factory=list)
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
    responses: int = 0
    bytes: int = 0
    status_counts: dict[str, int] = Field(default_factory=dict)
    errors: list[RunError] = Field(default_factory=list)
    warc_files: list[str] = Field(default_factory=list, description="Every WARC file of the folder.")


class Totals(BaseModel):
    model_config = ConfigDict(extra="allow")
    articles: int = Field(description="Articles in articles.jsonl.")
    items: int
    photos: int = Field(
        description="Item photos in articles.jsonl that are captured (a 2xx answer archived)."
    )
    article_pages: int = Field(description="Pages of the articles in articles.jsonl.")
    pages: int = Field(description="Pages parsed by the runs crawl.json has recorded.")
    warc_files: int
    warc_bytes: int
    runs: int = Field(description="Runs recorded (the history may keep fewer).")


class RunEntry(BaseModel):
    model_config = ConfigDict(extra="allow")
    run_id: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    finish_reason: str | None = None
    outcome: str | None = None
    exit_code: int | None = None
    errors: int = Field(description="How many errors the run recorded.")


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
    return entry


def build_summary(
    run: dict[str, Any], out_dir: Path, job: str | None, previous: dict[str, Any] | None
) -> dict[str, Any]:
    """crawl.json for ``run`` (this run's fields), given the folder and its earlier crawl.json."""
    history: list[dict[str, Any]] = []
    recorded_runs = 0
    earlier_pages = 0
    if previous is not None:
        if isinstance(previous.get("runs"), list):
            history = [entry for entry in previous["runs"] if isinstance(entry, dict)]
            old_totals = previous.get("totals") or {}
            recorded_runs = int(old_totals.get("runs", len(history)))
            earlier_pages = int(old_totals.get("pages", 0))
        else:  # a 1.x crawl.json: one run
            history = [run_entry(previous)]
            recorded_runs = 1
            earlier_pages = int(previous.get("pages", 0))
    history = [*history, run_entry(run)][-MAX_RUNS:]
    totals = {
        **article_totals(out_dir / "articles.jsonl"),
        "pages": earlier_pages + int(run.get("pages", 0)),
        **warc_totals(out_dir / "warc"),
        "runs": recorded_runs + 1,
    }
    return {"schema_version": SCHEMA_VERSION, "job": job, "run": run, "totals": totals, "runs": history}


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
