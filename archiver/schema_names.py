"""The names ``archiver schema NAME`` takes and what each describes (:mod:`archiver.schemas`
maps them to their models; the command line lists them without loading pydantic)."""

from __future__ import annotations

DESCRIPTIONS: dict[str, str] = {
    "page": "what `archiver parse` prints",
    "article": "a line of articles.jsonl",
    "reject": "a line of rejects.jsonl",
    "pages": "a line of pages.jsonl",
    "crawl": "crawl.json",
    "state": "a line of a job's current state OUT/articles.jsonl",
    "changes": "a line of a job run's changes.jsonl (and of OUT/changes.jsonl)",
}
