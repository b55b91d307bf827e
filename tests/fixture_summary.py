"""The fields of a record that the fixture expectations pin (shared by the test and its refresh)."""

from __future__ import annotations

from typing import Any

from archiver.models import ListiclePage


def summarise(record: ListiclePage) -> dict[str, Any]:
    return {
        "is_listicle": record.is_listicle,
        "declared_count": record.declared_count,
        "numbering": record.numbering,
        "title": record.title,
        "canonical_url": record.canonical_url,
        "next_page_url": record.next_page_url,
        "author": record.author,
        "published_iso": record.published.iso if record.published else None,
        "language": record.language,
        "warnings": record.warnings,
        "recommendations": [[link.section, link.url] for link in record.recommendations],
        "items": [
            {
                "number": item.number,
                "heading": item.heading,
                "caption_start": item.caption[:60] if item.caption else None,
                "images": [image.url for image in item.images],
                "credit": item.credit.text if item.credit else None,
            }
            for item in record.items
        ],
    }
