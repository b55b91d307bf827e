"""Page-level facts: title, canonical URL, author, publication date, site name, language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from lxml import etree

from archiver.models import Published
from archiver.parse.dom import HtmlElement, normalise_space, text_of
from archiver.urls import absolute_url


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    headlines: list[str]  # texts that may promise a count, best first
    canonical_url: str | None
    author: str | None
    published: Published | None
    site_name: str | None
    language: str | None


class _MetaTags:
    """The page's <meta> contents by lower-cased property/name/itemprop, first one wins; read
    once per page (pages carry dozens of meta tags and are asked about a dozen keys)."""

    def __init__(self, root: HtmlElement) -> None:
        self.found: dict[str, str] = {}
        for meta in root.iter("meta"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
            content = meta.get("content")
            if key and key not in self.found and content and content.strip():
                self.found[key] = normalise_space(content)

    def first(self, *keys: str) -> str | None:
        """The content of the first of ``keys`` the page has."""
        for key in keys:
            if key.lower() in self.found:
                return self.found[key.lower()]
        return None


def _json_ld_objects(blocks: list[str]) -> list[dict[str, object]]:
    objects: list[dict[str, object]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack and len(objects) < 50:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                objects.append(node)
                graph = node.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


def _ld_author(objects: list[dict[str, object]]) -> str | None:
    for obj in objects:
        author = obj.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict):
            author = author.get("name")
        if isinstance(author, str) and author.strip():
            return normalise_space(author)
    return None


def parse_iso_date(raw: str) -> str | None:
    """ISO 8601 form of a date as pages write it in metadata, or None.

    >>> parse_iso_date("2017-12-12T10:00:02-05:00")
    '2017-12-12T10:00:02-05:00'
    >>> parse_iso_date("20110920")
    '2011-09-20'
    """
    value = raw.strip()
    if re.fullmatch(r"\d{4}-?\d{2}-?\d{2}", value):  # a date without a time stays a date
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    for pattern in (
        "%Y%m%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d.%m.%Y",
        "%Y/%m/%d",
        "%a, %d %b %Y %H:%M:%S %z",
    ):
        try:
            parsed = datetime.strptime(value, pattern)
        except ValueError:
            continue
        return parsed.date().isoformat() if "%H" not in pattern else parsed.isoformat()
    return None


def _published(root: HtmlElement, meta: _MetaTags, objects: list[dict[str, object]]) -> Published | None:
    for key in (
        "article:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    ):
        value = meta.first(key)
        if value:
            return Published(raw=value, iso=parse_iso_date(value), source=f"meta[{key}]")
    for obj in objects:
        found = obj.get("datePublished")
        if isinstance(found, str) and found.strip():
            return Published(raw=found, iso=parse_iso_date(found), source="json-ld datePublished")
    for time in root.iter("time"):
        value = time.get("datetime") or text_of(time)
        if value:
            return Published(raw=value, iso=parse_iso_date(value), source="time")
    return None


_BYLINE_PREFIX = re.compile(r"^(?:by|von|posted by|written by)\s+", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


# Attributes that can mark a byline, in document order. Reading them as one node set and
# testing the strings in Python is 8x faster than an XPath with contains() on every element.
_BYLINE_ATTRIBUTES = etree.XPath("//@class | //@rel | //@itemprop")


def _byline(root: HtmlElement) -> HtmlElement | None:
    """First element with rel/itemprop "author" or a class naming an author box."""
    for value in cast(list[etree._ElementUnicodeResult], _BYLINE_ATTRIBUTES(root)):
        if value.attrname == "class":
            if "author-name" in value or "byline" in value or "fn" in value:
                return value.getparent()
        elif value == "author":
            return value.getparent()
    return None


def extract_metadata(root: HtmlElement, json_ld: list[str], page_url: str) -> PageMetadata:
    objects = _json_ld_objects(json_ld)
    meta = _MetaTags(root)
    # One pass over the few tags that matter (the tag filter runs in libxml2).
    html_title: str | None = None
    canonical_href: str | None = None
    h1s: list[str] = []
    entry_titles: list[str] = []
    for element in root.iter("title", "link", "h1", "h2"):
        tag = element.tag
        if tag == "title":
            if html_title is None:
                html_title = text_of(element) or None
            continue
        if tag == "link":
            if canonical_href is None and (element.get("rel") or "").lower() == "canonical":
                canonical_href = element.get("href")
            continue
        text = text_of(element)
        if tag == "h1" and 8 <= len(text) <= 300 and len(h1s) < 3:
            h1s.append(text)
        # WordPress themes often print the headline as h2.entry-title while h1 holds the logo.
        if len(entry_titles) <= 1 and (
            "title" in (element.get("class") or "") or element.get("itemprop") in {"headline", "name"}
        ):
            entry_titles.append(text)
    og_title = meta.first("og:title", "twitter:title")
    # One such title is the post's headline; several are the teasers of a listing (a tag archive's
    # "25 Pictures ..." card promises nothing about the page).
    headlines = [t for t in [*h1s, og_title, html_title, *entry_titles[: len(entry_titles) == 1]] if t]
    title = (
        og_title or (_TITLE_SUFFIX.sub("", html_title) if html_title else None) or (h1s[0] if h1s else None)
    )

    canonical_url = canonical_href or meta.first("og:url")
    if canonical_url:
        canonical_url = absolute_url(canonical_url, page_url)

    author = meta.first("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL, not a name
    author = author or _ld_author(objects)
    if author is None:
        byline = _byline(root)
        if byline is not None:
            author = _BYLINE_PREFIX.sub("", text_of(byline)) or None

    language = (
        root.get("lang") or root.get("xml:lang") or meta.first("og:locale", "content-language", "language")
    )
    return PageMetadata(
        title=title,
        headlines=headlines,
        canonical_url=canonical_url,
        author=author[:200] if author else None,
        published=_published(root, meta, objects),
        site_name=meta.first("og:site_name", "application-name", "twitter:site"),
        language=language.strip().replace("_", "-") if language else None,
    )
