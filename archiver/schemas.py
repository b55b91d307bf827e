"""Which JSON Schema describes which output: ``archiver schema NAME`` prints ``SCHEMAS[NAME]``'s.

Every file a crawl writes has its model here (pydantic, so the schema is generated from the
same class that validates what is written):

| name      | describes                                                  |
|-----------|------------------------------------------------------------|
| page      | what ``archiver parse`` prints: one page's record          |
| article   | a line of ``articles.jsonl`` (also ``archiver extract``)  |
| reject    | a line of ``rejects.jsonl``                                |
| pages     | a line of ``pages.jsonl``                                  |
| crawl     | ``crawl.json``: this run, totals, the runs' history        |
| state     | a line of a job's current state ``OUT/articles.jsonl``     |
| changes   | a line of a job run's ``changes.jsonl`` (and its history) |
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from archiver.crawl.summary import CrawlSummary
from archiver.models import Article, ChangeLine, ListiclePage, PageEntry, Reject, StateArticle
from archiver.schema_names import DESCRIPTIONS

SCHEMAS: dict[str, type[BaseModel]] = {
    "page": ListiclePage,
    "article": Article,
    "reject": Reject,
    "pages": PageEntry,
    "crawl": CrawlSummary,
    "state": StateArticle,
    "changes": ChangeLine,
}

assert SCHEMAS.keys() == DESCRIPTIONS.keys(), "every schema has its description (archiver.schema_names)"


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of the output called ``name`` (a key of :data:`SCHEMAS`); KeyError else.

    >>> schema_of("reject")["title"]
    'Reject'
    """
    return SCHEMAS[name].model_json_schema()
