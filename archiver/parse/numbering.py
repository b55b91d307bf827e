"""Warnings about how items are numbered, shared by page records and stitched articles."""

from __future__ import annotations

from archiver.models import Item


def numbering_warnings(items: list[Item], declared: int | None, paginated: bool) -> list[str]:
    """What a researcher must know about the items' numbering: count mismatch, gaps, repeats.

    ``paginated``: the items are one page of an article split over several pages.
    """
    warnings: list[str] = []
    first_number = items[0].number if items else None
    is_part = paginated or (
        first_number is not None
        and 1 < first_number <= (declared or 0)
        and (items[-1].number or 0) > first_number
    )
    if declared is not None and declared != len(items):
        if is_part and len(items) < declared:
            warnings.append(
                f"this page holds {len(items)} of the {declared} declared items; "
                "the article is split over several pages"
            )
        else:
            warnings.append(f"declared {declared} items but found {len(items)}")
    numbers = [item.number for item in items if item.number is not None]
    if len(numbers) >= 2:
        descending = numbers[0] > numbers[-1]
        ordered = sorted(set(numbers), reverse=descending)
        present = set(numbers)
        low, high = min(present), max(present)
        missing = [n for n in range(low, high + 1) if n not in present]
        if missing:
            shown = ", ".join(str(n) for n in missing[:10])
            warnings.append(f"numbering gap at {shown}")
        duplicates = sorted({n for n in numbers if numbers.count(n) > 1}) if len(numbers) < 500 else []
        if duplicates:
            warnings.append(f"numbers printed twice: {', '.join(str(n) for n in duplicates[:10])}")
        if numbers != ordered and not duplicates:
            warnings.append("printed numbers are out of order")
    return warnings
