"""The records: the project's public contract, validated by pydantic and exported as JSON Schema.

Every model forbids unknown fields so that a typo in a producer fails loudly instead of
silently writing a field no consumer reads. ``SCHEMA_VERSION`` changes whenever a field is
renamed or removed; adding an optional field does not change it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ImageCapture(_Record):
    """What the crawl received for an image URL (after redirects), and where it is archived."""

    status: int
    content_type: str | None = None
    length: int = Field(description="Payload bytes as received (content-encoded if it was).")
    payload_digest: str
    warc_filename: str
    warc_record_id: str
    warc_type: Literal["response", "revisit"]


class Credit(_Record):
    text: str = Field(description="The credit line as printed, e.g. 'Image Source: Michal Huniewicz'.")
    name: str | None = Field(default=None, description="Who is credited, label removed.")
    url: str | None = Field(default=None, description="Link of the credited source, if any.")


class Image(_Record):
    url: str = Field(description="Absolute URL of the image as the page shows it (lazy-load resolved).")
    largest_url: str | None = Field(
        default=None,
        description="Largest candidate of the image's srcset, when it offers a larger one than url.",
    )
    displayed_url: str | None = Field(
        default=None,
        description="For a <picture>: the file a browser requests on a default screen (1280 CSS px "
        "wide, 1x): the first <source> of a type it shows whose media matches, its 1x candidate; "
        "when it is another file than url (a WebP or AVIF beside a JPEG <img>). Archived like "
        "largest_url, so that replay shows the photo.",
    )
    alt: str | None = None
    title: str | None = None
    width: int | None = None
    height: int | None = None
    source_attr: str = Field(description="Attribute the URL came from, e.g. 'data-lazy-src'.")
    in_noscript: bool = Field(default=False, description="Found only inside <noscript>.")
    caption: str | None = Field(default=None, description="The image's own caption (figcaption).")
    credit: Credit | None = Field(
        default=None, description="This photo's own credit line (an item with several photos has several)."
    )
    capture: ImageCapture | None = Field(
        default=None, description="Filled by a crawl: the archived response for this image, if any."
    )


class Embed(_Record):
    kind: str = Field(description="'youtube', 'twitter', 'instagram', 'iframe' or 'embed'.")
    url: str


class Item(_Record):
    position: int = Field(ge=1, description="1-based position in document order.")
    number: int | None = Field(default=None, description="The printed number, or null.")
    heading: str | None = Field(default=None, description="Heading without its number prefix.")
    caption: str | None = Field(
        default=None, description="The item's own text, whitespace-normalised, credit removed."
    )
    images: list[Image] = Field(default_factory=list)
    embeds: list[Embed] = Field(
        default_factory=list, description="Embedded media (videos, tweets) standing in for images."
    )
    credit: Credit | None = None
    page_url: str


class Link(_Record):
    url: str
    title: str | None = None
    section: str = Field(description="Label of the block, e.g. 'Our Best Content For You'.")


class Published(_Record):
    raw: str = Field(description="The date as found in the page.")
    iso: str | None = Field(default=None, description="ISO 8601 form when it could be parsed.")
    source: str = Field(description="Where it was found, e.g. 'meta[article:published_time]'.")


NumberingStyle = Literal["printed", "ordered-list", "unnumbered", "none"]


class Detection(_Record):
    """How the items were found: the winning candidate segmentation and what it beat."""

    method: str = Field(
        description="Generator of the winning candidate: 'printed-numbers', 'printed-sequence', "
        "'ordered-list', "
        "'unordered-list', 'unnumbered-headings', 'slide'; 'none' when no candidate was accepted."
    )
    score: float = Field(
        description="The scorer's score of the winner (0 when none); comparable within a page."
    )
    candidates_considered: int = Field(ge=0, description="Candidate segmentations the scorer compared.")


class ListiclePage(_Record):
    schema_version: str = SCHEMA_VERSION
    url: str
    canonical_url: str | None = None
    title: str | None = None
    declared_count: int | None = Field(
        default=None, description="Number of items the title or headline promises."
    )
    is_listicle: bool
    numbering: NumberingStyle = "none"
    detection: Detection | None = Field(default=None, description="How the items were found.")
    items: list[Item] = Field(default_factory=list)
    recommendations: list[Link] = Field(default_factory=list)
    next_page_url: str | None = Field(
        default=None, description="Next page of the same article, null when it does not continue."
    )
    author: str | None = None
    published: Published | None = None
    site_name: str | None = None
    language: str | None = None
    encoding: str | None = Field(default=None, description="Character encoding used to decode.")
    warnings: list[str] = Field(default_factory=list)

    def to_json(self) -> str:
        """One JSON line, UTF-8 text without ``\\u`` escapes."""
        return self.model_dump_json()


class PageCapture(_Record):
    """Provenance of one page of an article: the WARC response it was parsed from."""

    url: str
    status: int
    fetched_at: str = Field(description="WARC-Date of the response record.")
    warc_filename: str
    warc_offset: int
    warc_record_id: str
    truncated: str | None = Field(
        default=None, description="WARC-Truncated reason when the body arrived incomplete."
    )


class PageFailure(_Record):
    url: str
    reason: str


class Article(_Record):
    """One listicle, stitched across its pages: what ``articles.jsonl`` holds, one per line."""

    schema_version: str = SCHEMA_VERSION
    url: str = Field(description="URL of the article's first page.")
    canonical_url: str | None = None
    title: str | None = None
    declared_count: int | None = None
    numbering: NumberingStyle = "none"
    complete: bool = Field(
        description="All pages fetched and the items found match declared_count (photos aside: "
        "see media_complete)."
    )
    media_complete: bool = Field(
        default=True,
        description="Every photo of every item has a capture (an archived response of any "
        "status). When false, a warning says how many photos are missing and why: not fetched "
        "(the crawl stopped first, or ARCHIVER_FETCH_IMAGES=False) or the fetch failed (the "
        "reason). The next crawl into the same --out asks for them again.",
    )
    crawl_stopped: bool = Field(
        default=False,
        description="The crawl ended before it asked for every page or photo of this article "
        "(a time limit, a signal, a page limit; or photos switched off): what is missing was "
        "never fetched, which is not a failure. The next crawl into the same --out fetches it "
        "and writes the article again (one line per article stays in the file).",
    )
    pages: list[PageCapture]
    failed_pages: list[PageFailure] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    recommendations: list[Link] = Field(default_factory=list)
    author: str | None = None
    published: Published | None = None
    site_name: str | None = None
    language: str | None = None
    warnings: list[str] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json()


class GoneMarker(_Record):
    since_run: str = Field(description="The run that found the article gone.")
    reason: str = Field(description="'HTTP 404', 'no longer listed by ...', 'redirects to URL'.")


class StateArticle(Article):
    """One line of a scheduled job's current state (``OUT/articles.jsonl`` of a job folder,
    archiver.job.state): the latest version of an article as a run wrote it, plus where it
    comes from. Its page and photo captures name WARC files under ``OUT/runs/<run>/warc/``."""

    run: str = Field(description="The run folder (OUT/runs/<run>) this version comes from.")
    sitemap_listed: bool | None = Field(
        default=None,
        description="Whether a sitemap or feed of the job listed the article when last read "
        "(null: the job has none, or it could not be read whole).",
    )
    gone: GoneMarker | None = Field(
        default=None,
        description="Set while the article is gone (404/410, dropped from a sitemap or feed that "
        "listed it, or redirecting elsewhere): the run that found it gone and why. The line keeps "
        "its last version; the job re-checks its URL each run, and reports it `returned` when it "
        "is back.",
    )


class FieldChange(_Record):
    """One field's value before and after (any JSON value)."""

    old: Any = None
    new: Any = None


class ItemEntry(_Record):
    """An item added or removed: its printed number, position and heading."""

    number: int | None = None
    position: int | None = None
    heading: str | None = None


class ItemMove(_Record):
    heading: str | None = None
    old: int = Field(description="Printed number (else position) before.")
    new: int = Field(description="Printed number (else position) after.")


class ItemChange(_Record):
    number: int = Field(description="Printed number (else position) now.")
    heading: str | None = None
    fields: dict[str, FieldChange] = Field(
        description="Changed fields: heading, caption, credit, photos (URLs), photo_bytes "
        "({URL: payload digest} of the photos whose bytes changed at the same URL), "
        "photo_captions and photo_credits (those not repeating the item's own), embeds."
    )


class ItemChanges(_Record):
    added: list[ItemEntry] = Field(default_factory=list)
    removed: list[ItemEntry] = Field(default_factory=list)
    moved: list[ItemMove] = Field(default_factory=list)
    changed: list[ItemChange] = Field(default_factory=list)


class ChangeLine(_Record):
    """One line of a job run's ``changes.jsonl`` (and of the job's history ``OUT/changes.jsonl``):
    what happened to one article in that run. Every line has the same fields and types."""

    change: Literal["new", "changed", "returned", "gone", "not_listicle"] = Field(
        description="new: first seen; changed: content differs from the previous version; "
        "returned: was gone, is back (diffed against its last version); gone: 404/410, dropped "
        "from a sitemap or feed that listed it, or redirecting elsewhere (reported once); "
        "not_listicle: fetched but no list found any more (a template change?); the state keeps "
        "its last version."
    )
    url: str
    title: str | None = None
    run: str = Field(description="This run (its folder name under OUT/runs/).")
    previous_run: str | None = Field(description="The run of the version compared with (null: new).")
    reason: str | None = Field(default=None, description="For gone and not_listicle: why.")
    redirect: str | None = Field(default=None, description="For gone: where the URL redirects now.")
    item_count: int = Field(ge=0, description="Items of the article now (its last version if gone).")
    article: dict[str, FieldChange] = Field(
        default_factory=dict, description="Article-level fields changed (title, declared_count...)."
    )
    items: ItemChanges = Field(
        description="Items added, removed, moved, changed (a new article: every item added)."
    )


class Reject(_Record):
    """A page that failed validation (one line of ``rejects.jsonl``): archived, not parsed."""

    url: str
    reason: str = Field(description="Why the page was rejected, e.g. 'not HTML: image/jpeg'.")
    time: str = Field(description="When it was rejected: UTC, ISO 8601 (e.g. '2026-11-30T19:05:00Z').")
    status: int | None = Field(default=None, description="HTTP status of the rejected response.")
    warc_filename: str | None = Field(description="WARC file of the response (null: not archived).")
    warc_offset: int | None
    warc_record_id: str | None


class PageEntry(_Record):
    """One page the crawl parsed or rejected, listicle or not (one line of ``pages.jsonl``)."""

    url: str
    status: int = Field(description="HTTP status of the response.")
    fetched_at: str | None = Field(default=None, description="WARC-Date of the response record.")
    warc_filename: str | None = None
    warc_offset: int | None = None
    warc_record_id: str | None = None
    hops: int = Field(ge=0, description="Recommendation hops from a seed (0: a seed, sitemap or feed page).")
    article_url: str | None = Field(
        default=None, description="First URL of the article (or page chain) the page belongs to."
    )
    page_number: int | None = Field(default=None, ge=1, description="Its page number in that chain.")
    title: str | None = None
    declared_count: int | None = Field(default=None, description="Items the title promises.")
    items: int = Field(default=0, ge=0, description="Items found on this page.")
    next_page_url: str | None = None
    listicle: bool = Field(description="The page is part of an article written to articles.jsonl.")
    reason: str | None = Field(
        default=None,
        description="Why it is not: 'no items found', 'story of N pages without items', "
        "'rejected: ...', an error status ('HTTP 404'), a loop or trap stop.",
    )


def record_json_schema(model: type[BaseModel] = ListiclePage) -> dict[str, Any]:
    """JSON Schema of a record type (the page record unless told), with its nested models."""
    return model.model_json_schema()
