"""The flat table of items: one row per item of an article, the article's columns repeated.

One implementation for ``archiver export`` and Scrapy's feed exports (``-O x.csv``). Every
column has a fixed type, whatever the crawl holds, so that a column empty in every row of one
crawl reads back with the type it has in another:

- ``string``: text, or null;
- ``integer``: a 64-bit integer, or null (never a float: readers are told, see ``COLUMNS``);
- ``boolean``: true, false, or null.

An article without items still gets one row, its item columns null (``item_position`` is null
only there): the table lists every article ``articles.jsonl`` holds.

>>> [column.name for column in COLUMNS][:3]
['article_url', 'canonical_url', 'title']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import TypeAdapter

from archiver.models import Article, Embed, Image, Item, StateArticle

ColumnType = Literal["string", "integer", "boolean"]
Cell = str | int | bool | None
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str


def _s(name: str, description: str) -> Column:
    return Column(name, "string", description)


def _i(name: str, description: str) -> Column:
    return Column(name, "integer", description)


def _b(name: str, description: str) -> Column:
    return Column(name, "boolean", description)


COLUMNS: tuple[Column, ...] = (
    _s("article_url", "URL of the article's first page (articles.jsonl `url`)."),
    _s("canonical_url", "The article's canonical URL, if it declares one."),
    _s("title", "The article's title."),
    _s("site_name", "The site's name."),
    _s("language", "The page's language code, e.g. 'en'."),
    _s("author", "The author as the page names them."),
    _s("published_iso", "Publication date in ISO 8601 when it could be parsed (text, as found)."),
    _i("declared_count", "Number of items the title promises."),
    _s("numbering", "'printed', 'ordered-list', 'unnumbered' or 'none'."),
    _b("complete", "All pages fetched and the items found match declared_count."),
    _b("media_complete", "Every photo of the article captured; null when the record does not say."),
    _i("page_count", "Pages the article was stitched from."),
    _i("item_position", "1-based position of the item in the article; null: the article has no item."),
    _i("item_number", "The number printed on the item, or null."),
    _s("heading", "The item's heading without its number."),
    _s("caption", "The item's own text."),
    _s("credit_text", "The item's credit line as printed."),
    _s("credit_name", "Who the credit line names."),
    _s("credit_url", "The credit line's link."),
    _s("page_url", "URL of the page the item is on."),
    _i("photo_count", "Photos of the item."),
    _s("photo_url", "The item's first photo: URL as the page shows it."),
    _s("photo_largest_url", "First photo: the largest srcset candidate, when larger than photo_url."),
    _s("photo_alt", "First photo: alt text."),
    _i("photo_width", "First photo: width attribute, in pixels."),
    _i("photo_height", "First photo: height attribute, in pixels."),
    _i(
        "photo_capture_status",
        "First photo: HTTP status of the archived response (captured only if 2xx); null: none archived.",
    ),
    _s("photo_content_type", "First photo: Content-Type of the archived response."),
    _s("photo_warc_filename", "First photo: WARC file holding the archived response."),
    _s("photo_warc_record_id", "First photo: WARC-Record-ID of the archived response."),
    _s("photos_json", "Every photo of the item as a JSON array (articles.jsonl's `images`)."),
    _s("embeds_json", "Every embed of the item as a JSON array (articles.jsonl's `embeds`)."),
    _s("schema_version", "Version of the article record, e.g. '1.0': text, not a number."),
)
COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)
# A job folder's current state (StateArticle lines): the same columns, then the run each
# article's version comes from (its captures' WARC files are under OUT/runs/<run>/warc/).
STATE_COLUMNS: tuple[Column, ...] = (
    *COLUMNS,
    _s("run", "The job's run (folder OUT/runs/<run>) this version of the article comes from."),
    _s("gone_since_run", "The run that found the article gone (null: it is not)."),
    _s("gone_reason", "Why it is gone: 'HTTP 404', 'no longer listed by ...', 'redirects to URL'."),
)

# The nested lists in the JSON form articles.jsonl uses (compact, UTF-8, no \u escapes).
_IMAGES = TypeAdapter(list[Image])
_EMBEDS = TypeAdapter(list[Embed])


def _article_cells(article: Article) -> Row:
    return (
        article.url,
        article.canonical_url,
        article.title,
        article.site_name,
        article.language,
        article.author,
        article.published.iso if article.published else None,
        article.declared_count,
        article.numbering,
        article.complete,
        # Added to the record by the same issue's work on incomplete media; absent before it.
        getattr(article, "media_complete", None),
        len(article.pages),
    )


def _item_cells(item: Item) -> Row:
    credit = item.credit
    photo = item.images[0] if item.images else None
    capture = photo.capture if photo else None
    return (
        item.position,
        item.number,
        item.heading,
        item.caption,
        credit.text if credit else None,
        credit.name if credit else None,
        credit.url if credit else None,
        item.page_url,
        len(item.images),
        photo.url if photo else None,
        photo.largest_url if photo else None,
        photo.alt if photo else None,
        photo.width if photo else None,
        photo.height if photo else None,
        capture.status if capture else None,
        capture.content_type if capture else None,
        capture.warc_filename if capture else None,
        capture.warc_record_id if capture else None,
        _IMAGES.dump_json(item.images).decode("utf-8"),
        _EMBEDS.dump_json(item.embeds).decode("utf-8"),
    )


_NO_ITEM: Row = (None,) * 20


def rows_of(article: Article) -> Iterator[Row]:
    """The article's rows, in item order: tuples of cells in ``COLUMNS`` order (``STATE_COLUMNS``
    for a :class:`StateArticle`; one row with null item columns for an article without items)."""
    head = _article_cells(article)
    tail: Row = (article.schema_version,)
    if isinstance(article, StateArticle):
        gone = article.gone
        tail += (article.run, gone.since_run if gone else None, gone.reason if gone else None)
    if not article.items:
        yield head + _NO_ITEM + tail
    for item in article.items:
        yield head + _item_cells(item) + tail
