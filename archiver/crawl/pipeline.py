"""Item pipeline: stitched articles go to articles.jsonl through the crawl session."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from archiver.crawl.middleware import stop_for_full_disk
from archiver.models import Article
from archiver.warc import DiskFullError


class ArticleWriterPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleWriterPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        article = item.get("article") if isinstance(item, dict) else None
        session = getattr(self.crawler.spider, "session", None)
        if isinstance(article, Article) and session is not None:
            try:
                session.write_article(article)
            except DiskFullError as error:
                stop_for_full_disk(self.crawler, error)
        return item
