"""Provenance records from an archived response.

The live crawl builds them from the record it has just written (``WrittenRecord``) and
re-extraction from a record it found in a WARC; both go through these two functions, so the
two paths cannot drift apart.
"""

from __future__ import annotations

from typing import Protocol

from archiver.models import ImageCapture, PageCapture


class ArchivedResponse(Protocol):
    """Where and how a response is archived (the fields both record kinds share)."""

    @property
    def filename(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def record_id(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def warc_type(self) -> str: ...
    @property
    def payload_digest(self) -> str: ...
    @property
    def payload_length(self) -> int: ...
    @property
    def truncated(self) -> str | None: ...


def page_capture_of(url: str, status: int, archived: ArchivedResponse) -> PageCapture:
    return PageCapture(
        url=url,
        status=status,
        fetched_at=archived.date,
        warc_filename=archived.filename,
        warc_offset=archived.offset,
        warc_record_id=archived.record_id,
        truncated=archived.truncated,
    )


def image_capture_of(status: int, content_type: str | None, archived: ArchivedResponse) -> ImageCapture:
    return ImageCapture(
        status=status,
        content_type=content_type,
        length=archived.payload_length,
        payload_digest=archived.payload_digest,
        warc_filename=archived.filename,
        warc_record_id=archived.record_id,
        warc_type="revisit" if archived.warc_type == "revisit" else "response",
    )
