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


def is_success(status: int | None) -> bool:
    """Whether an answer's status (after redirects) is a success, 2xx: only then is what was
    archived the resource itself and not an error page.

    >>> is_success(200), is_success(500), is_success(None)
    (True, False, False)
    """
    return status is not None and 200 <= status < 300


def photo_captured(capture: ImageCapture | None) -> bool:
    """Whether a photo counts as captured: an archived answer that is a success. A photo whose
    answer was an error (404, a 500 after the retries) keeps that capture as provenance, but is
    not captured (the article is not ``media_complete``)."""
    return capture is not None and is_success(capture.status)


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
