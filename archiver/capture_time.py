"""Which capture came first: WARC-Dates (and the ISO 8601 times articles.jsonl copies from them)
compared at their full precision.

WARC/1.1 dates carry microseconds (archiver.warc.exchange.warc_date); other tools write whole
seconds or nanoseconds. Compared as text they mislead ("…:40Z" sorts after "…:40.5Z"), and cut to
whole seconds every capture of one second ties. Both the WACZ's main page and `archiver replay`'s
"first article" line pick the first capture with :func:`first_captured`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TypeVar

T = TypeVar("T")

_ISO = re.compile(
    r"(?P<base>\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:[.,](?P<fraction>\d{1,9})\d*)?(?P<zone>Z|[+-]\d\d:?\d\d)?"
)


def capture_time_key(ts: str) -> tuple[int, str, int]:
    """A sort key for a capture time: (0, UTC time to the second, nanoseconds) for an ISO 8601
    time (no zone: UTC, as WARC-Dates are), (1, the text, 0) for anything else (after every
    readable time).

    >>> capture_time_key("2026-11-30T23:25:40Z") < capture_time_key("2026-11-30T23:25:40.000001Z")
    True
    >>> capture_time_key("2026-11-30T23:25:40.5+01:00") < capture_time_key("2026-11-30T23:25:40Z")
    True
    """
    match = _ISO.fullmatch(ts.strip())
    if match is None:
        return (1, ts, 0)
    zone = match.group("zone") or "Z"
    try:
        moment = datetime.fromisoformat(match.group("base") + ("+00:00" if zone == "Z" else zone))
    except ValueError:
        return (1, ts, 0)
    nanoseconds = int((match.group("fraction") or "0").ljust(9, "0"))
    return (0, moment.astimezone(UTC).isoformat(), nanoseconds)


def first_captured(candidates: Iterable[tuple[str, T]]) -> T | None:
    """The value of the earliest capture time among ``(time, value)`` pairs (by
    :func:`capture_time_key`; equal times: the first given), None when there is none. Streams."""
    best: tuple[tuple[int, str, int], T] | None = None
    for ts, value in candidates:
        key = capture_time_key(ts)
        if best is None or key < best[0]:
            best = (key, value)
    return None if best is None else best[1]
