"""The lines of ``pages.jsonl``: every page the crawl parsed or rejected, listicle or not, and why
it is not one. Pure: the crawl hands in what it knows of a page when the page's fate is known
(at once for a page that begins no chain, when its chain ends for an article's pages).
"""

from __future__ import annotations

from archiver.articles import ArticleDraft
from archiver.captures import ArchivedResponse
from archiver.models import ListiclePage, PageEntry

NO_ITEMS = "no items found"


def story_reason(pages: int) -> str:
    """Why a chain of pages without any item is no article.

    >>> story_reason(1), story_reason(3)
    ('story of 1 page without items', 'story of 3 pages without items')
    """
    return f"story of {pages} page{'' if pages == 1 else 's'} without items"


def page_entry(
    url: str,
    status: int,
    archived: ArchivedResponse | None,
    hops: int,
    *,
    record: ListiclePage | None = None,
    article_url: str | None = None,
    page_number: int | None = None,
    reason: str | None = None,
) -> PageEntry:
    """The line of one page: a listicle's when ``reason`` is None, else not one, for that reason."""
    return PageEntry(
        url=url,
        status=status,
        fetched_at=archived.date if archived else None,
        warc_filename=archived.filename if archived else None,
        warc_offset=archived.offset if archived else None,
        warc_record_id=archived.record_id if archived else None,
        hops=hops,
        article_url=article_url,
        page_number=page_number,
        title=record.title if record else None,
        declared_count=record.declared_count if record else None,
        items=len(record.items) if record else 0,
        next_page_url=record.next_page_url if record else None,
        listicle=reason is None,
        reason=reason,
    )


def chain_entries(draft: ArticleDraft, is_article: bool, hops: int) -> list[PageEntry]:
    """The lines of the pages of a chain that has ended: an article's (``is_article``), or a
    story's whose pages held no item."""
    reason = None if is_article else story_reason(len(draft.pages))
    if not is_article and draft.next_page_pending is not None:
        # A chain the crawl stopped in: the next run fetches the rest and lists it again.
        reason = f"no items in its first {len(draft.pages)} page(s); the crawl stopped before the next"
    return [
        PageEntry(
            url=capture.url,
            status=capture.status,
            fetched_at=capture.fetched_at,
            warc_filename=capture.warc_filename,
            warc_offset=capture.warc_offset,
            warc_record_id=capture.warc_record_id,
            hops=hops,
            article_url=draft.first_url,
            page_number=number,
            title=record.title,
            declared_count=record.declared_count,
            items=len(record.items),
            next_page_url=record.next_page_url,
            listicle=is_article,
            reason=reason,
        )
        for number, (record, capture) in enumerate(draft.pages, start=1)
    ]
