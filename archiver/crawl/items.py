"""The items the spider yields: an article whose feed-export form is its articles.jsonl line."""

from __future__ import annotations

from typing import Any

from archiver.models import Article


class ArticleItem(dict[str, Any]):
    """An article as a Scrapy item.

    The dict holds the record in JSON form (``model_dump(mode="json")``): the keys and values of
    its articles.jsonl line, so Scrapy's feed exporters (``-O x.jsonl``, ``x.json``, ``x.xml``)
    and anything reading items through itemadapter see the record as the file holds it.
    ``article`` is the validated record itself: the pipeline writes its own ``to_json()``
    (byte for byte what ``archiver extract`` writes), and the table exporters flatten it.
    """

    def __init__(self, article: Article) -> None:
        super().__init__(article.model_dump(mode="json"))
        self.article = article


def article_of(item: Any) -> Article | None:
    """The article an item carries: an ``ArticleItem``'s record, or one validated from a plain
    mapping of the same shape (an item a pipeline copied); None for any other item."""
    if isinstance(item, ArticleItem):
        return item.article
    if isinstance(item, dict) and "pages" in item and "url" in item:
        return Article.model_validate(item)
    return None
