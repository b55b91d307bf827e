"""Reading a crawl's output folder into what the item view shows: one :class:`ArticleView` per
line of ``OUT/articles.jsonl``, each item with its photos and the page capture it came from.

Lines that are not article records are skipped and reported (:class:`Catalog` ``damage``), as
``archiver export`` does (:mod:`archiver.export.source`), so one bad line does not hide the rest.
Everything here comes from the pages the crawl fetched and is untrusted text: the renderer
escapes it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from archiver.export.source import Damage, articles_in
from archiver.models import Article, Item, PageCapture, StateArticle
from archiver.outputs import is_job_folder

ARTICLES_FILE = "articles.jsonl"
WARC_FOLDER = "warc"

# Word characters of any script: the search's words (mirrored by the export's script: \p{L}\p{N}_).
_WORD = re.compile(r"\w+")
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_SLUG_WORDS = 60  # characters of the URL's path kept in a slug, before its hash


class NotAnOutputFolder(Exception):
    """``OUT`` is missing, or is not a crawl's output folder (no ``articles.jsonl``)."""


@dataclass(frozen=True)
class PhotoView:
    """One archived photo of an item. ``key``: hex name of the photo in URLs and file names
    (from its WARC file and record ID); ``record_id``: the ``WARC-Record-ID`` of its archived
    answer; ``status``: that answer's HTTP status (None: not captured)."""

    url: str
    alt: str
    key: str | None
    warc_filename: str | None
    record_id: str | None
    status: int | None
    content_type: str | None

    @property
    def captured(self) -> bool:
        """Whether the archive holds a successful (2xx) answer for it, the photo itself."""
        return self.key is not None and self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class ItemView:
    """One item, in the article's order; ``page``: the capture of the page it was found on."""

    position: int
    number: int | None
    heading: str | None
    caption: str | None
    credits: list[str]
    photos: list[PhotoView]
    page_url: str
    page: PageCapture | None

    @property
    def label(self) -> str:
        """The item's printed number, else its position."""
        return str(self.number if self.number is not None else self.position)

    @property
    def scroll_text(self) -> str | None:
        """The text a replay link scrolls to: the heading, else the caption's start."""
        if self.heading:
            return self.heading
        if self.caption:
            return " ".join(self.caption.split()[:8])
        return None


@dataclass(frozen=True)
class ArticleView:
    """One article (one line of ``articles.jsonl``); ``slug``: its file-safe, unique name."""

    slug: str
    record: Article
    items: list[ItemView]
    site: str
    words: frozenset[str]  # lower-cased words of the title, headings and captions
    credits: str  # every credit line and name, lower-cased, one a line

    @property
    def title(self) -> str:
        return self.record.title or self.record.url

    @property
    def captured_at(self) -> str | None:
        """``WARC-Date`` of the first page's response (ISO 8601, UTC)."""
        return self.record.pages[0].fetched_at if self.record.pages else None


@dataclass
class Catalog:
    """Every article of an output folder, in file order; ``by_slug`` finds one; ``damage``:
    the lines left out; ``warc_dir``: where its WARC files are."""

    out: Path
    articles: list[ArticleView]
    damage: Damage = field(default_factory=Damage)

    @property
    def warc_dir(self) -> Path:
        return self.out / WARC_FOLDER

    @property
    def by_slug(self) -> dict[str, ArticleView]:
        return {article.slug: article for article in self.articles}

    @cached_property
    def by_url(self) -> dict[str, ArticleView]:
        """Articles by their URL (the first of a URL twice in the file)."""
        found: dict[str, ArticleView] = {}
        for article in self.articles:
            found.setdefault(article.record.url, article)
        return found

    @property
    def sites(self) -> list[str]:
        return sorted({article.site for article in self.articles})

    def photos(self) -> dict[str, PhotoView]:
        """Every captured photo of every article, by key (each once)."""
        found: dict[str, PhotoView] = {}
        for article in self.articles:
            for item in article.items:
                for photo in item.photos:
                    if photo.key is not None:
                        found.setdefault(photo.key, photo)
        return found


def read_catalog(out: Path) -> Catalog:
    """The articles of the output folder ``out``. Raises :class:`NotAnOutputFolder` when ``out``
    holds no ``articles.jsonl``, ``OSError`` when it cannot be read."""
    articles_file = out / ARTICLES_FILE
    if not out.is_dir():
        raise NotAnOutputFolder(f"{out} is not a folder; give a crawl's --out folder")
    if not articles_file.is_file():
        raise NotAnOutputFolder(
            f"{out} holds no {ARTICLES_FILE}: not a crawl's output folder or a job's folder"
        )
    damage = Damage()
    views: list[ArticleView] = []
    taken: set[str] = set()
    # A job folder's articles.jsonl is its current state: StateArticle lines (Article + run).
    model = StateArticle if is_job_folder(out.resolve()) else Article
    for article in articles_in(articles_file, damage, model):
        view = article_view(article, taken)
        taken.add(view.slug)
        views.append(view)
    return Catalog(out=out, articles=views, damage=damage)


def article_view(article: Article, taken: set[str] | frozenset[str] = frozenset()) -> ArticleView:
    """The view of one article record; its slug differs from those in ``taken``."""
    pages = {page.url: page for page in article.pages}
    items = [_item_view(item, pages.get(item.page_url)) for item in article.items]
    text = [
        article.title or "",
        *(item.heading or "" for item in items),
        *(item.caption or "" for item in items),
    ]
    credits = [line for item in items for line in item.credits]
    return ArticleView(
        slug=_unique_slug(article.url, taken),
        record=article,
        items=items,
        site=urlsplit(article.url).netloc.lower(),
        words=frozenset(words_of(" ".join(text))),
        credits="\n".join(credits).lower(),
    )


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``, as the search compares them.

    >>> words_of("Item 7: The Old-Town Bridge")
    ['item', '7', 'the', 'old', 'town', 'bridge']
    """
    return _WORD.findall(text.lower())


def photo_key(warc_filename: str, record_id: str) -> str:
    """A photo's name in URLs and files: 32 hex digits of the SHA-256 of where it is archived."""
    return hashlib.sha256(f"{warc_filename}\n{record_id}".encode()).hexdigest()[:32]


def _item_view(item: Item, page: PageCapture | None) -> ItemView:
    photos: list[PhotoView] = []
    credits: list[str] = []
    if item.credit is not None:
        credits += [item.credit.text, item.credit.name or ""]
    for image in item.images:
        capture = image.capture
        alt = image.alt or item.heading or f"Photo of item {item.number or item.position}"
        photos.append(
            PhotoView(
                url=image.url,
                alt=alt,
                key=photo_key(capture.warc_filename, capture.warc_record_id) if capture else None,
                warc_filename=capture.warc_filename if capture else None,
                record_id=capture.warc_record_id if capture else None,
                status=capture.status if capture else None,
                content_type=capture.content_type if capture else None,
            )
        )
        if image.credit is not None:
            credits += [image.credit.text, image.credit.name or ""]
    return ItemView(
        position=item.position,
        number=item.number,
        heading=item.heading,
        caption=item.caption,
        credits=[line for line in dict.fromkeys(credits) if line],
        photos=photos,
        page_url=item.page_url,
        page=page,
    )


def _unique_slug(url: str, taken: set[str] | frozenset[str]) -> str:
    """A name safe in any file system and URL: the URL's path in lower-case letters, digits and
    dashes, then 8 hex digits of the URL's hash (two sites' ``/list/`` differ)."""
    parts = urlsplit(url)
    words = _SLUG_UNSAFE.sub("-", parts.path.lower()).strip("-")[-_SLUG_WORDS:].strip("-")
    digest = hashlib.sha256(url.encode()).hexdigest()
    for length in (8, 16, 64):
        slug = f"{words}-{digest[:length]}" if words else digest[:length]
        if slug not in taken:
            return slug
    return f"{digest}-{len(taken)}"  # the same URL twice in the file: still one page each
