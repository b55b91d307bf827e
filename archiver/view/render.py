"""The item view's two pages as HTML: the index of a crawl's articles (with the search form)
and one article's items in order. The same functions serve the HTTP server and the static
export; they differ only in the links (:class:`Links`) and in where photos come from
(``shown``, a function giving each photo's :class:`ShownPhoto` or :class:`MissingPhoto`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from archiver.models import Article, StateArticle
from archiver.replay.links import replay_link
from archiver.view.catalog import ARTICLES_FILE, ArticleView, Catalog, ItemView, PhotoView
from archiver.view.markup import EMPTY, Html, document, esc, join, readable_url, safe_href
from archiver.view.search import Query

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class ShownPhoto:
    """A photo the page shows: ``src`` of its thumbnail (``width`` x ``height`` pixels) and
    ``href`` of the archived photo itself, both from the archive."""

    src: str
    href: str
    width: int
    height: int


@dataclass(frozen=True)
class MissingPhoto:
    """A photo the page cannot show, and why; ``not_decodable``: the archive holds bytes that
    are not a decodable image (``href``: those bytes, for whoever wants to look)."""

    reason: str
    not_decodable: bool = False
    href: str | None = None


PhotoLookup = Callable[[PhotoView], "ShownPhoto | MissingPhoto"]


def _nothing(url: str) -> None:
    return None


@dataclass(frozen=True)
class Links:
    """Where the pages link: ``index`` (from an article page), ``article`` (from the index),
    ``replay_prefix`` of a replay of the crawl's WARCs (None: cite the WARC record instead).

    ``scroll``: an article's item position -> the texts its replay link scrolls to (see
    :mod:`archiver.view.scroll`; None: the item's heading or caption); ``peer``: the link to
    another article from an article page (None: ``article``); ``crawled``: the article of the
    crawl at a URL; ``archived``: the HTTP status of a URL's capture in the WARCs (None: never
    archived)."""

    index: str
    article: Callable[[ArticleView], str]
    replay_prefix: str | None = None
    scroll: Callable[[ArticleView], dict[int, list[str]]] | None = None
    peer: Callable[[ArticleView], str] | None = None
    crawled: Callable[[str], ArticleView | None] = _nothing
    archived: Callable[[str], int | None] = _nothing


def yes_no(flag: bool) -> Html:
    return Html("yes") if flag else Html('<span class="no">no</span>')


# -- the index ----------------------------------------------------------------------------------
def index_page(
    catalog: Catalog,
    shown: Sequence[ArticleView],
    query: Query,
    links: Links,
    *,
    action: str = "",
    tail: Html = EMPTY,
) -> Html:
    """The list of ``shown`` (the articles matching ``query``, or all of them when a script in
    ``tail`` filters in the browser), under the search form (GET to ``action``)."""
    entries = join(_index_entry(article, links) for article in shown)
    damaged = ""
    count = len(catalog.damage.damaged) + (catalog.damage.cut_last_line is not None)
    if count:
        damaged = f'<p role="note">{count} damaged line(s) of articles.jsonl left out.</p>'
    body = Html(
        f"""<header><h1>Archived articles</h1>
<p class="muted">{esc(catalog.out.name)}: {len(catalog.articles)} articles</p></header>
<main>
{_search_form(catalog, query, action)}
<p id="result-count" role="status">{len(shown)} of {len(catalog.articles)} articles</p>
{damaged}
{"" if catalog.articles else _why_empty(catalog)}
<ol class="articles" id="articles">
{entries}
</ol>
</main>"""
    )
    return document("Archived articles", body, tail=tail)


def _why_empty(catalog: Catalog) -> Html:
    return Html(
        f'<p role="note">No article in {esc(ARTICLES_FILE)}: the crawl found no listicle article '
        "(or has not written one yet).</p>"
    )


def _search_form(catalog: Catalog, query: Query, action: str) -> Html:
    asked = query.site.lower()
    options = join(
        Html(f'<option value="{esc(site)}"{" selected" if site == asked else ""}>{esc(site)}</option>')
        for site in catalog.sites
    )
    if asked and asked not in catalog.sites:
        # A shared link naming a site this crawl lacks: shown as asked (no article matches).
        unknown = f'<option value="{esc(asked)}" selected>{esc(query.site)} (not in this crawl)</option>'
        options = Html(f"{options}\n{unknown}")
    return Html(
        f"""<form method="get" action="{esc(action)}" role="search" id="search">
<label for="site">Site <select id="site" name="site"><option value="">all sites</option>
{options}</select></label>
<label for="q">Words (title, headings, captions)
<input id="q" name="q" type="search" value="{esc(query.words)}"></label>
<label for="credit">Credit <input id="credit" name="credit" type="search" value="{esc(query.credit)}"></label>
<button type="submit">Search</button>
</form>"""
    )


def _index_entry(article: ArticleView, links: Links) -> Html:
    record = article.record
    declared = "not declared" if record.declared_count is None else f"{record.declared_count} declared"
    warnings = ""
    if record.warnings:
        lines = join(Html(f"<li>{esc(line)}</li>") for line in record.warnings)
        warnings = f"<details><summary>{len(record.warnings)} warning(s)</summary><ul>{lines}</ul></details>"
    return Html(
        f"""<li data-slug="{esc(article.slug)}">
<h2><a href="{esc(links.article(article))}">{esc(article.title)}</a></h2>
<dl>
<dt>Site</dt><dd class="site">{esc(article.site)}</dd>
<dt>Captured</dt><dd>{_time(article.captured_at)}</dd>
<dt>Items</dt><dd class="items" data-items="{len(article.items)}">{len(article.items)} found, {declared}</dd>
<dt>Complete</dt><dd>{yes_no(record.complete)}</dd>
<dt>Photos complete</dt><dd>{yes_no(record.media_complete)}</dd>
{_job_facts(record)}
</dl>
{warnings}
</li>"""
    )


def _job_facts(record: Article) -> Html:
    """The facts a job's current state adds (archiver.models.StateArticle): the run this version
    comes from, and whether the article is gone (then the version shown is its last one)."""
    if not isinstance(record, StateArticle):
        return Html("")
    facts = f'<dt>Run</dt><dd class="run">{esc(record.run)}</dd>'
    if record.gone is not None:
        facts += (
            f'<dt>Gone</dt><dd class="gone">since run {esc(record.gone.since_run)}: '
            f"{esc(record.gone.reason)} (the last version archived is shown)</dd>"
        )
    return Html(facts)


def _time(iso: str | None) -> Html:
    if not iso:
        return Html("unknown")
    return Html(f'<time datetime="{esc(iso)}">{esc(iso.replace("T", " ")[:19])} UTC</time>')


# -- one article --------------------------------------------------------------------------------
def article_page(article: ArticleView, links: Links, shown: PhotoLookup) -> Html:
    """One article: its facts, its items in order, its recommendations."""
    record = article.record
    lang = record.language if record.language and _LANGUAGE_TAG.match(record.language) else None
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    scroll = links.scroll(article) if links.scroll is not None and links.replay_prefix else {}
    items = join(_item(article, item, links, shown, scroll.get(item.position)) for item in article.items)
    recs = join(
        _recommendation(article, link.url, link.title, link.section, links) for link in record.recommendations
    )
    recommendations = (
        f'<section aria-labelledby="recs"><h2 id="recs">Recommended links</h2>\n<ul class="recs">{recs}</ul>'
        "</section>"
        if record.recommendations
        else ""
    )
    warnings = join(Html(f"<li>{esc(line)}</li>") for line in record.warnings)
    body = Html(
        f"""<nav><a href="{esc(links.index)}">All articles</a></nav>
<header{lang_attr}><h1>{esc(article.title)}</h1>
<dl>
<dt>Original URL</dt><dd><code>{esc(record.url)}</code></dd>
<dt>Captured</dt><dd>{_time(article.captured_at)}</dd>
<dt>Items</dt><dd class="items" data-items="{len(article.items)}">{len(article.items)} found, {
            "not declared" if record.declared_count is None else f"{record.declared_count} declared"
        }</dd>
<dt>Complete</dt><dd>{yes_no(record.complete)}</dd>
<dt>Photos complete</dt><dd>{yes_no(record.media_complete)}</dd>
{_job_facts(record)}
</dl>
{f"<ul>{warnings}</ul>" if record.warnings else ""}
</header>
<main{lang_attr}>
<ol class="items">
{items}
</ol>
{recommendations}
</main>"""
    )
    return document(article.title, body)


def _item(
    article: ArticleView, item: ItemView, links: Links, shown: PhotoLookup, scroll: list[str] | None
) -> Html:
    heading = f" {esc(item.heading)}" if item.heading else ""
    caption = f'<p class="caption">{esc(item.caption)}</p>' if item.caption else ""
    credit = f'<p class="credit">{esc(item.credits[0])}</p>' if item.credits else ""
    photos = join(_photo(photo, shown(photo)) for photo in item.photos)
    return Html(
        f"""<li class="item" id="item-{item.position}" data-position="{item.position}">
<h2><span class="number">{esc(item.label)}.</span>{heading}</h2>
{photos}
{caption}
{credit}
{_provenance(article, item, links, scroll)}
</li>"""
    )


def _photo(photo: PhotoView, state: ShownPhoto | MissingPhoto) -> Html:
    original = f'<span class="muted">Original: <code>{esc(readable_url(photo.url))}</code></span>'
    if isinstance(state, ShownPhoto):
        return Html(
            f"""<figure><a href="{esc(state.href)}"><img src="{esc(state.src)}" alt="{esc(photo.alt)}" """
            f"""width="{state.width}" height="{state.height}" loading="lazy"></a>
<figcaption>{original}</figcaption></figure>"""
        )
    kind = "Photo not decodable" if state.not_decodable else "Photo not available"
    bytes_link = f' <a href="{esc(state.href)}">archived bytes</a>' if state.href else ""
    return Html(
        f"""<figure><div class="missing" role="img" aria-label="{esc(kind)}: {esc(photo.alt)}" \
data-missing="{"not-decodable" if state.not_decodable else "unavailable"}">
<strong>{kind}</strong>: {esc(state.reason)}.{bytes_link}</div>
<figcaption>{original}</figcaption></figure>"""
    )


def _provenance(article: ArticleView, item: ItemView, links: Links, scroll: list[str] | None) -> Html:
    """A link to the item in the replay of its page, scrolled to it (to ``scroll``, the texts
    chosen from the archived page, else its heading or caption); without a replay, the
    citation of the page's WARC record."""
    page = item.page or (article.record.pages[0] if article.record.pages else None)
    if page is None:
        return Html('<p class="citation muted">The page of this item is not archived.</p>')
    if links.replay_prefix:
        if scroll:
            href = replay_link(links.replay_prefix, page.fetched_at, item.page_url, scroll_texts=scroll)
        else:
            href = replay_link(links.replay_prefix, page.fetched_at, item.page_url, item.scroll_text)
        return Html(
            f'<p class="replay"><a href="{esc(href)}">Item {esc(item.label)} in the archived page</a></p>'
        )
    return Html(
        f"""<p class="citation muted">Archived page: <code>{esc(page.warc_filename)}</code>, record \
<code>{esc(page.warc_record_id)}</code>, captured {_time(page.fetched_at)}</p>"""
    )


def _recommendation(article: ArticleView, url: str, title: str | None, section: str, links: Links) -> Html:
    """A recommended link: to its page in this view when the crawl made an article of it; to
    its replay (the capture nearest the article's) when a replay is known and the archive holds
    a successful answer for it; else to the live web, said so (with the archived status of a
    failed capture); never a link of another scheme (``javascript:``)."""
    href = safe_href(url)
    text = esc(title or url)
    other = links.crawled(href) if href else None
    status = links.archived(href) if href else None
    live = f'<a href="{esc(href)}" rel="noreferrer noopener">{text}</a>' if href else text
    if other is not None and other is not article:
        local = (links.peer or links.article)(other)
        label = f'<a href="{esc(local)}">{text}</a> (archived article)'
    elif href and status is not None and 200 <= status < 400 and links.replay_prefix and article.captured_at:
        replayed = replay_link(links.replay_prefix, article.captured_at, href)
        label = f'<a href="{esc(replayed)}">{text}</a> (archive)'
    elif href and status is not None and not 200 <= status < 400:
        label = f"{live} (live web; the archive holds HTTP {status})"
    elif href and status is None:
        label = f"{live} (live web, not archived)"
    elif href:
        label = f"{live} (live web)"
    else:
        label = text
    return Html(f'<li>{label} <span class="muted">{esc(section)}: <code>{esc(url)}</code></span></li>')


def not_found_page(what: str, links: Links) -> Html:
    back = f'<p><a href="{esc(links.index)}">All articles</a></p>'
    body = Html(f"<main><h1>Not found</h1><p>{esc(what)}</p>{back}</main>")
    return document("Not found", body)
