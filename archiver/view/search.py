"""Filtering the articles of a catalog: by site, by words (title, item headings and captions)
and by credit. The static export's inline script applies the same rules in the browser over
the same data (:func:`search_data`), so both views find the same articles.

- site: the article's host, exactly;
- words: every word of the query is a whole word of the article (case ignored);
- credit: the query (case ignored) is part of one of the article's credit lines or names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from archiver.view.catalog import ArticleView, words_of


@dataclass(frozen=True)
class Query:
    """What a reader asked for; empty fields filter nothing."""

    site: str = ""
    words: str = ""
    credit: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, list[str]]) -> Query:
        """From a parsed query string (``urllib.parse.parse_qs``): ``site``, ``q``, ``credit``."""

        def first(name: str) -> str:
            return (params.get(name) or [""])[0].strip()

        return cls(site=first("site"), words=first("q"), credit=first("credit"))

    @property
    def empty(self) -> bool:
        return not (self.site or self.words or self.credit)


def matches(article: ArticleView, query: Query) -> bool:
    """Whether ``article`` passes every filter of ``query``."""
    if query.site and article.site != query.site.lower():
        return False
    if any(word not in article.words for word in words_of(query.words)):
        return False
    return not query.credit or query.credit.lower() in article.credits


def filtered(articles: Iterable[ArticleView], query: Query) -> list[ArticleView]:
    """The articles that match ``query``, in their order."""
    return [article for article in articles if matches(article, query)]


def search_data(articles: Iterable[ArticleView]) -> list[dict[str, object]]:
    """What the export's script filters on, one entry per article (JSON-ready):
    ``{"slug", "site", "words": [sorted words], "credits": "lines"}``."""
    return [
        {"slug": a.slug, "site": a.site, "words": sorted(a.words), "credits": a.credits} for a in articles
    ]
