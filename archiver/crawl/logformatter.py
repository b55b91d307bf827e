"""Scrapy's log lines about items, without the item: one short line naming the article.

Scrapy's own formatter puts the whole item in the message ("Scraped from <200 ...>" followed by
its repr): one line of 23,311 characters for an article of 25 items. This one names the
article's URL and its item count instead, for ``archiver crawl`` and ``scrapy crawl`` alike
(settings.LOG_FORMATTER).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def describe_item(item: Any) -> str:
    """'article URL (N items)' for the spider's items (an ArticleItem: the record in JSON form,
    or a mapping of the same shape a pipeline made); else the item's type."""
    if isinstance(item, Mapping) and isinstance(item.get("url"), str) and isinstance(item.get("items"), list):
        return f"article {item['url']} ({len(item['items'])} items)"
    return f"item of type {type(item).__name__}"


class ArticleLogFormatter(LogFormatter):
    def scraped(self, item: Any, response: Response | Failure | None, spider: Spider) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "scraped %(item)s", "args": {"item": describe_item(item)}}

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {
            "level": result["level"],
            "msg": "dropped %(item)s: %(exception)s",
            "args": {"item": describe_item(item), "exception": exception},
        }

    def item_error(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        return {
            "level": logging.ERROR,
            "msg": "error processing %(item)s",
            "args": {"item": describe_item(item)},
        }
