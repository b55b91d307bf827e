"""Links that leave the item list: the article's own next page, and recommendation blocks."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from archiver.models import Link
from archiver.parse.dom import (
    HEADING_TAGS,
    HtmlElement,
    ancestors_and_self,
    normalise_space,
    raw_text,
    tag_of,
    text_of,
)
from archiver.parse.vocabulary import NEXT_TEXT, NEXT_WORDS, RECOMMENDATION_LABEL
from archiver.urls import absolute_url, comparable_url

_LABEL_TAGS = HEADING_TAGS | {
    "div",
    "span",
    "p",
    "strong",
    "b",
    "header",
    "h",
    "legend",
    "figcaption",
}
_MAX_LABEL_CHARS = 60
_MAX_LINKS_PER_BLOCK = 40
_SHARE_HOSTS = re.compile(
    r"(?:facebook\.com/sharer|twitter\.com/(?:intent|share)|x\.com/intent|pinterest\.com/pin/create|"
    r"linkedin\.com/share|reddit\.com/submit|wa\.me/|api\.whatsapp|mailto:|addthis|sharethis)",
    re.IGNORECASE,
)
# A page marker at the end of an article URL: "/2/", "_page_2", "-page-2", "/page/2".
# Slideshows number their slides the same ways: "/photo-3.html", "/bild-3/", "?slide=3".
_PATH_PAGE = re.compile(
    r"(?:[/_-](?:page|seite|p|slide|photo|foto|bild|image|picture)[/_-]?|/)(\d{1,3})/?$", re.IGNORECASE
)
_QUERY_PAGE_KEYS = frozenset(
    {"page", "p", "pg", "seite", "paged", "pagenum", "slide", "photo", "image", "bild"}
)
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?)$", re.IGNORECASE)


def _http_url(href: str | None, base_url: str) -> str | None:
    if not href or href.startswith("#"):
        return None
    url = absolute_url(href, base_url)
    if not url.startswith(("http://", "https://")):
        return None
    return url.split("#", 1)[0]


def _label_of_block(label: HtmlElement) -> HtmlElement | None:
    """Smallest ancestor of a label that also holds the links it labels."""
    for ancestor in ancestors_and_self(label):
        if ancestor is label:
            continue
        if tag_of(ancestor) in {"body", "html"}:
            return None
        anchors = [a for a in ancestor.iter("a") if a.get("href")]
        if anchors:
            return ancestor if len(anchors) <= _MAX_LINKS_PER_BLOCK * 3 else None
    return None


def find_recommendations(root: HtmlElement, page_url: str, base_url: str) -> list[Link]:
    """Links of labelled recommendation blocks, one per target URL, in document order."""
    links: list[Link] = []
    seen: set[str] = {page_url.split("#", 1)[0]}
    taken_blocks: set[HtmlElement] = set()  # elements, not ids: lxml proxies die and ids get reused
    for element in root.iter(*_LABEL_TAGS):
        own_text = normalise_space(element.text or "")
        if not own_text or len(own_text) > _MAX_LABEL_CHARS:
            # Label text may be one level down: <h2><span>Related</span></h2> is found at the span.
            continue
        label = text_of(element)
        if len(label) > _MAX_LABEL_CHARS or not RECOMMENDATION_LABEL.match(label):
            continue
        if element.getparent() is not None and tag_of(element) == "a":
            continue
        block = _label_of_block(element)
        if block is None or block in taken_blocks:
            continue
        taken_blocks.add(block)
        titles: dict[str, str | None] = {}
        for anchor in block.iter("a"):
            url = _http_url(anchor.get("href"), base_url)
            if url is None or _SHARE_HOSTS.search(url):
                continue
            title = (
                text_of(anchor)
                or anchor.get("title")
                or next((img.get("alt") for img in anchor.iter("img") if img.get("alt")), None)
            )
            if title == label:
                continue
            if url not in titles or (title and len(title) > len(titles[url] or "")):
                titles[url] = title or None
            if len(titles) >= _MAX_LINKS_PER_BLOCK:
                break
        for url, title in titles.items():
            if url in seen:
                continue
            seen.add(url)
            links.append(Link(url=url, title=title, section=label.rstrip(":").strip()))
    return links


def _page_marker(url: str) -> tuple[str, int, bool]:
    """(URL without its page marker, page number, whether the URL prints one; 1 when unmarked)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    page = 1
    marked = False
    kept = []
    for key, value in query:
        if key.lower() in _QUERY_PAGE_KEYS and value.isdigit():
            page, marked = int(value), True
        else:
            kept.append((key, value))
    path = _EXTENSION.sub("", parts.path)
    match = _PATH_PAGE.search(path)
    if match and not marked:
        page, marked = int(match.group(1)), True
        path = path[: match.start()]
    path = path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(kept), "")), page, marked


def is_later_page(url: str) -> bool:
    """True for page 2 and later of a paginated article ("/story/3/", "?page=2")."""
    return _page_marker(url)[1] > 1


def paginated_article(url: str) -> tuple[str, bool]:
    """(the URL without its page marker, in comparable form: every page of one paginated article
    gives the same; whether the URL prints a page marker: "/story/3/", "?page=2", a slideshow's
    "photo-1.html").

    >>> paginated_article("https://a.example/story/3/")
    ('https://a.example/story', True)
    >>> paginated_article("https://a.example/story/")
    ('https://a.example/story', False)
    """
    base, _, marked = _page_marker(comparable_url(url))
    return base, marked


def continues_article(current_url: str, candidate_url: str) -> bool:
    """True when ``candidate_url`` is the next page of the article at ``current_url``.

    >>> continues_article("https://a.example/story/", "https://a.example/story/2/")
    True
    >>> continues_article("https://b.example/x/lessons-0920.html", "https://b.example/x/lessons-0920_page_2.html")
    True
    >>> continues_article("https://c.example/top-10/", "https://c.example/another-post/")
    False
    >>> continues_article("https://d.example/gallery/", "https://d.example/gallery/photo-1.html")  # cover
    True
    >>> continues_article("https://d.example/gallery/?slide=2", "https://d.example/gallery/?slide=3")
    True
    >>> continues_article("https://e.example/caf%c3%a9/", "https://e.example/caf%C3%A9/2/")
    True
    >>> continues_article("https://e.example/list", "https://e.example/list/")  # the same page
    False
    """
    # Compared in normalised form: "/caf%c3%a9/" and "/caf%C3%A9/2/", "/%7Ea/" and "/~a/2/" are
    # one article's pages.
    base, page, marked = _page_marker(comparable_url(current_url))
    next_base, next_page, next_marked = _page_marker(comparable_url(candidate_url))
    if base != next_base:
        return False
    # A slideshow's cover page is unmarked and its first slide is marked 1 ("/gallery/photo-1.html").
    # An unmarked candidate is the same page spelt otherwise ("/list" and "/list/"), never the next.
    return next_page == page + 1 or (not marked and next_marked and next_page == 1)


def _could_be_next_text(raw_text: str) -> bool:
    """Cheap pre-check before normalising: most of a page's ~200 links fail it."""
    stripped = raw_text.strip()
    if not stripped or len(stripped) > 40:
        return False
    return stripped.isdigit() or NEXT_WORDS.search(stripped) is not None


def find_next_page(root: HtmlElement, page_url: str, base_url: str) -> str | None:
    """URL of the same article's next page, or None when it does not continue."""
    # A page has ~200 links: this loop is kept lean (an XPath preselection of the same links
    # measured 2.5x slower, since libxml2 builds each link's string several times).
    for link in root.iter("link", "a"):
        get = link.get
        href = get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        rel = (get("rel") or "").lower().split()
        if "next" not in rel and "next" not in f"{get('class') or ''} {get('id') or ''}".lower():
            if link.tag != "a":
                continue
            text = raw_text(link)
            if not _could_be_next_text(text):
                continue
            text = normalise_space(text)
            if not (NEXT_TEXT.match(text) or text.isdigit()):
                continue
        url = _http_url(href, base_url)
        if url and continues_article(page_url, url):
            return url
    return None
