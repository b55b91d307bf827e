"""The extraction core: ``parse_page(html, url) -> ListiclePage``. Pure: no I/O, no Scrapy.

The same function serves the spider, a saved file and a WARC record, so the records a crawl
writes and the records re-extracted from its WARCs are the same.
"""

from __future__ import annotations

from archiver.errors import ParseError
from archiver.models import Detection, ListiclePage
from archiver.parse.counting import declared_count
from archiver.parse.decoding import decode_html
from archiver.parse.detect import Context, Selection, detect_items
from archiver.parse.document import check_is_html, load_document
from archiver.parse.embedded import html_fragments_in_scripts, item_arrays_in_scripts
from archiver.parse.item_content import build_items
from archiver.parse.limits import DEFAULT_MAX_BYTES
from archiver.parse.links import find_next_page, find_recommendations, is_later_page
from archiver.parse.metadata import extract_metadata
from archiver.parse.numbering import numbering_warnings
from archiver.parse.vocabulary import FURNITURE_HEADLINE, is_non_list_title
from archiver.urls import absolute_url, canonical_url, page_encoding

__all__ = ["parse_page"]


def _count_from_headlines(headlines: list[str]) -> int | None:
    for text in headlines:
        if FURNITURE_HEADLINE.search(text):  # "Top 5 Stories": a widget's count, not the article's
            continue
        count = declared_count(text)
        if count is not None:
            return count
    return None


def parse_page(
    data: bytes | str,
    url: str,
    *,
    content_type: str | bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ListiclePage:
    """Extract a listicle record from one HTML page.

    ``data`` is the body as received (bytes, decoded here from the HTTP ``content_type``, a BOM,
    a ``<meta>`` charset or detection) or already-decoded text. Raises :class:`ParseError` for
    input that is not HTML; any HTML, however broken, gives a record. Every URL in the record,
    ``url`` included, is in canonical form (:func:`archiver.urls.canonical_url`), with query
    strings encoded in the page's encoding.
    """
    if not url.startswith(("http://", "https://")):
        raise ParseError(f"page URL must be absolute http(s), got {url!r}")
    warnings: list[str] = []
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
        check_is_html(raw, max_bytes)
        text, encoding = data, "utf-8"
    else:
        check_is_html(data, max_bytes)
        decoded = decode_html(data, content_type)
        text, encoding = decoded.text, decoded.encoding
        if decoded.replaced_bytes:
            warnings.append(f"invalid {decoded.encoding} bytes were replaced with U+FFFD")
    with page_encoding(encoding):
        return _parse_document(text, canonical_url(url), encoding, warnings)


def _parse_document(text: str, url: str, encoding: str, warnings: list[str]) -> ListiclePage:
    document = load_document(text)
    warnings.extend(document.warnings)
    base_url = absolute_url(document.base_href, url) if document.base_href else url
    metadata = extract_metadata(document.root, document.json_ld, url)
    declared = _count_from_headlines(metadata.headlines)
    next_page_url = find_next_page(document.root, url, base_url)

    paginated = next_page_url is not None or is_later_page(url)
    context = Context(
        declared=declared,
        continues=next_page_url is not None,
        paginated=paginated,
        non_list_title=any(is_non_list_title(text) for text in metadata.headlines[:3]),
    )
    selection: Selection | None = detect_items(document.root, context)
    if selection is None:
        script_context = Context(declared, next_page_url is not None, False, context.non_list_title)
        for fragment in html_fragments_in_scripts(document.data_scripts):
            selection = detect_items(fragment, script_context)
            if selection is not None and selection.numbering == "printed":
                selection.warnings.append("items only found inside a script, not in the rendered page")
                break
            selection = None
    if selection is None and declared is not None:
        # Slides or items as a JSON array (a gallery app's state, schema.org ItemList): only an
        # array of the promised size is the article's list, not a "related" or "trending" array.
        for entries, fragment in item_arrays_in_scripts([*document.data_scripts, *document.json_ld]):
            if entries != declared and not (next_page_url and entries < declared):
                continue
            selection = detect_items(fragment, script_context)
            if selection is not None:
                selection.warnings.append("items only found as data in a script, not in the rendered page")
                break
    items = build_items(selection, url, base_url) if selection else []
    if selection:
        warnings.extend(selection.warnings)
        warnings.extend(numbering_warnings(items, declared, paginated))
    elif declared is not None:
        warnings.append(f"title promises {declared} items; no list found")
    detection = (
        Detection(
            method=selection.method,
            score=selection.score,
            candidates_considered=selection.candidates_considered,
        )
        if selection
        else None
    )
    return ListiclePage(
        url=url,
        canonical_url=metadata.canonical_url,
        title=metadata.title,
        declared_count=declared,
        is_listicle=bool(items),
        numbering=selection.numbering if selection else "none",
        detection=detection,
        items=items,
        recommendations=find_recommendations(document.root, url, base_url),
        next_page_url=next_page_url,
        author=metadata.author,
        published=metadata.published,
        site_name=metadata.site_name,
        language=metadata.language,
        encoding=encoding,
        warnings=warnings,
    )
