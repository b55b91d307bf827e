"""Item pipeline: stitched articles go to articles.jsonl through the crawl session."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from archiver.crawl.items import ArticleItem
from archiver.crawl.middleware import stop_for_full_disk
from archiver.warc import DiskFullError


class ArticleWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleWriterPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        session = getattr(self.crawler.spider, "session", None)
        if isinstance(item, ArticleItem) and session is not None:
            try:
                # The record's own JSON, as `archiver extract` writes it (not the item's dict).
                session.write_article(item.article)
            except DiskFullError as error:
                stop_for_full_disk(self.crawler, error)
        return item
