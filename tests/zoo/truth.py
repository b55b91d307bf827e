"""What the zoo knows about each page it generates: the ground truth, written by the generator
alongside the HTML (never read back from the extractor)."""

from __future__ import annotations

from dataclasses import dataclass

CAPTION_START = 60  # characters of an item's text the truth keeps (and the score compares)
MORE = "…"  # ends a caption_start whose text goes on


@dataclass(frozen=True)
class ItemTruth:
    """One item as a reader sees it.

    ``number`` is the number shown before the item (printed, or rendered by an ``<ol>``), None
    when the page shows none. ``rendered`` marks a number that is not in the text (``<ol>``
    numbering, a JSON ``position``): a record may give it or leave ``number`` null.
    ``heading`` is the item's heading with its number and label ("Mistake #3:") removed, None
    when the item has none (a bare "1." before an embed).

    The item's fields, as a reader sees them (the generator records them as it prints the item):

    ``image_urls``: the absolute URL of each of the item's own photos, in document order, as a
    browser shows it: the ``<img>``'s ``src``, or where the page leaves ``src`` out or fills it
    with a placeholder, what stands for it: the lazy-load attribute a script copies into ``src``
    (``data-src``, ``data-lazy-src``, ``data-original``), the copy in ``<noscript>``, the
    ``<amp-img>``'s ``src``, the ``1x`` candidate of a ``<picture><source srcset>`` (HTML treats
    ``src`` as the 1x candidate), the ``background-image`` of a ``role="img"`` element, the
    ``src`` of the item's entry in a slider's script. A photo printed twice (a lazy ``<img>`` and
    its ``<noscript>`` copy) is one photo. Never the article's hero image, a tracking pixel, a
    consent placeholder, an author's portrait or an ad.
    ``largest_urls``: beside each URL, the largest ``srcset`` candidate when the page offers one
    larger than the URL, else None (then a record's ``largest_url`` is not judged).
    ``image_credits``: beside each URL, the credit line printed for that photo, or None.
    ``credit``: the item's credit, the first of them, as printed with its label ("Photo: X",
    "(c) X", "Image credit: X", "via X"; the bare name where the page prints only a name in a
    ``<span class="credit">`` or a ``<cite>``).
    ``caption_start``: the start of the item's own text (its paragraphs, a figcaption that is
    its only text, the text after a bold lead-in), credit lines removed, heading and photo-title
    lines not repeated, whitespace collapsed, parts joined by a space; cut at
    ``CAPTION_START`` characters and ended with "…" when the text goes on. None when the item
    has no text of its own (a tweet's or a video's caption belongs to the embed).
    ``embeds``: ``(kind, url)`` of each embed standing in for a photo: ``("twitter", status
    URL)``, ``("youtube", embed URL)``, ``("instagram", post URL)``, each without its query
    (``?feature=oembed``, ``?utm_source=ig_embed``: not part of what is embedded).
    ``not_caption``: text printed inside the item that is not the item's text: a tweet's words,
    a video's or a post's own caption. The caption must hold none of it.
    """

    number: int | None
    heading: str | None
    rendered: bool = False
    # -- the item's fields (see FIELDS below) ------------------------------------------------------
    image_urls: tuple[str, ...] = ()
    largest_urls: tuple[str | None, ...] = ()
    image_credits: tuple[str | None, ...] = ()
    caption_start: str | None = None
    credit: str | None = None
    embeds: tuple[tuple[str, str], ...] = ()
    not_caption: tuple[str, ...] = ()

    @property
    def credits(self) -> tuple[str, ...]:
        """Every credit line printed in the item (one per credited photo)."""
        return tuple(c for c in self.image_credits if c is not None)


@dataclass(frozen=True)
class PageTruth:
    path: str  # root-relative, with the query string if any
    html: bytes
    is_listicle: bool
    declared_count: int | None
    items: tuple[ItemTruth, ...]
    next_path: str | None
    content_type: str = "text/html; charset=utf-8"

    def url(self, base: str) -> str:
        return base + self.path

    def next_page_url(self, base: str) -> str | None:
        return base + self.next_path if self.next_path else None


@dataclass(frozen=True)
class Case:
    """One shape x variant: an article (one or more pages) or a non-listicle page."""

    shape: str
    variant: str
    is_listicle: bool
    pages: tuple[PageTruth, ...]
    notes: tuple[str, ...] = ()  # the noise mixed in, for the score table

    @property
    def key(self) -> str:
        return f"{self.shape}/{self.variant}"

    @property
    def items(self) -> tuple[ItemTruth, ...]:
        return tuple(item for page in self.pages for item in page.items)

    @property
    def first_path(self) -> str:
        return self.pages[0].path
