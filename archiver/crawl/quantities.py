"""Sizes and durations as the command line and settings give them (``500MB``, ``2GiB``, ``90s``,
``2h``): pure, so that parsing options does not import Scrapy."""

from __future__ import annotations

import re

_UNITS = {
    "": 1,
    "B": 1,
    "KB": 1000,
    "MB": 1000**2,
    "GB": 1000**3,
    "TB": 1000**4,
    "KIB": 1024,
    "MIB": 1024**2,
    "GIB": 1024**3,
    "TIB": 1024**4,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_size(text: str) -> int:
    """Bytes in ``text``: ``500MB`` (powers of 1000), ``2GiB`` (of 1024), ``1000`` (bytes).
    Raises ValueError for anything else, or for 0."""
    match = _SIZE.fullmatch(text)
    unit = match.group(2).upper() if match else ""
    if match is None or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size (e.g. 500MB, 2GiB, 1000000)")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size <= 0:
        raise ValueError(f"{text!r}: the size must be above 0")
    return size


def parse_duration(text: str) -> float:
    """Seconds in ``text``: ``90s``, ``30m``, ``2h``, ``1d`` or a number of seconds. Raises
    ValueError for anything else, or for 0."""
    match = _DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration (e.g. 90s, 30m, 2h)")
    seconds = float(match.group(1)) * _SECONDS[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"{text!r}: the duration must be above 0")
    return seconds
