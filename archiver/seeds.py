"""Seed URLs from sitemaps (indexes and gzipped sitemaps) and from RSS/Atom feeds. Pure: bytes in,
URLs out, with XML parsed without entities or network access (no XXE, no billion laughs)."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from lxml import etree

_MAX_DECOMPRESSED = 64 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass
class SitemapLinks:
    sitemaps: list[str] = field(default_factory=list)  # from a sitemap index: more sitemaps
    pages: list[str] = field(default_factory=list)  # from a urlset: pages
    lastmod: dict[str, str] = field(default_factory=dict)  # page -> its <lastmod>, as written


def _maybe_gunzip(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = decompressor.decompress(body, _MAX_DECOMPRESSED)
    if decompressor.unconsumed_tail:
        raise ValueError("sitemap larger than 64 MB when decompressed")
    return data


def _root(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(_maybe_gunzip(body), parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError, gzip.BadGzipFile, zlib.error):
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_sitemap(body: bytes) -> SitemapLinks:
    """Locations in a sitemap (urlset) or sitemap index; gzipped bodies are accepted.

    >>> parse_sitemap(b'<urlset><url><loc> https://a.example/x </loc></url></urlset>').pages
    ['https://a.example/x']
    """
    links = SitemapLinks()
    root = _root(body)
    if root is None:
        return links
    kind = _local(root.tag)
    for entry in root:
        location = next((child.text for child in entry if _local(child.tag) == "loc" and child.text), None)
        if not location:
            continue
        if kind == "sitemapindex":
            links.sitemaps.append(location.strip())
        elif kind == "urlset":
            links.pages.append(location.strip())
            lastmod = next(
                (child.text for child in entry if _local(child.tag) == "lastmod" and child.text), None
            )
            if lastmod and lastmod.strip():
                links.lastmod[location.strip()] = lastmod.strip()
    return links


def lastmod_not_newer(lastmod: str, captured_at: str) -> bool:
    """Whether a sitemap ``<lastmod>`` (W3C Datetime) is not newer than ``captured_at`` (a WARC
    date): the page need not be fetched again. A date without time counts as the end of that
    day, and a value that does not parse as newer: when in doubt, the page is fetched.

    >>> lastmod_not_newer("2026-11-01T10:00:00+01:00", "2026-11-01T09:30:00Z")
    True
    >>> lastmod_not_newer("2026-11-01", "2026-11-01T09:30:00.123456Z")
    False
    >>> lastmod_not_newer("yesterday", "2026-11-01T09:30:00Z")
    False
    """
    try:
        captured = datetime.fromisoformat(captured_at.replace("Z", "+00:00"))
        text = lastmod.replace("Z", "+00:00")
        if len(text) == 10:  # YYYY-MM-DD
            modified = datetime.combine(datetime.fromisoformat(text).date(), time.max, UTC)
        else:
            modified = datetime.fromisoformat(text)  # a year or year-month alone: ValueError
        if modified.tzinfo is None:
            return False  # W3C Datetime with a time names its zone; without one, unknown
    except ValueError:
        return False
    return modified <= captured


_ROOTS = {"sitemap": ("urlset", "sitemapindex"), "feed": ("rss", "feed", "rdf")}


def seed_list_problem(body: bytes, kind: str) -> str | None:
    """Why ``body`` gives no seeds as a ``kind`` ("sitemap" or "feed"), e.g. "the body is
    empty"; None when it lists at least one URL.

    >>> seed_list_problem(b"<html><body>Hi</body></html>", "sitemap")
    'an HTML page, not XML with a <urlset> or <sitemapindex> root'
    >>> seed_list_problem(b"<urlset></urlset>", "sitemap")
    'a <urlset> that lists no URL'
    >>> seed_list_problem(b"<rss><channel></channel></rss>", "sitemap")
    'a feed, not a sitemap: give it with --feed'
    """
    roots = _ROOTS[kind]
    expected = f"XML with a {' or '.join(f'<{root}>' for root in roots)} root"
    if not body.strip():
        return "the body is empty"
    root = _root(body)
    if root is None:
        return f"the body is not {expected}"
    found = _local(root.tag)
    if found == "html":
        return f"an HTML page, not {expected}"
    other = "feed" if kind == "sitemap" else "sitemap"
    if found in _ROOTS[other]:
        return f"a {other}, not a {kind}: give it with --{other}"
    if found not in roots:
        return f"a <{found}> document, not {expected}"
    if kind == "sitemap":
        links = parse_sitemap(body)
        return None if links.pages or links.sitemaps else f"a <{found}> that lists no URL"
    return None if parse_feed(body) else f"a <{found}> feed with no entry links"


def parse_feed(body: bytes) -> list[str]:
    """Entry links of an RSS 2.0 or Atom feed, in feed order.

    >>> parse_feed(b'<rss><channel><item><link>https://a.example/1</link></item></channel></rss>')
    ['https://a.example/1']
    """
    root = _root(body)
    if root is None:
        return []
    urls: list[str] = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":  # RSS
            link = next((c.text for c in element if _local(c.tag) == "link" and c.text), None)
            if link:
                urls.append(link.strip())
        elif name == "entry":  # Atom: the alternate link
            for child in element:
                if (
                    _local(child.tag) == "link"
                    and child.get("rel", "alternate") == "alternate"
                    and child.get("href")
                ):
                    urls.append(str(child.get("href")).strip())
                    break
    return urls
