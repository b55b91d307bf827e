"""The real URL of an image, whatever lazy-loading scheme the page uses.

Pages keep the real URL in ``data-src``, ``data-lazy-src``, ``data-original``, size-named
attributes (``data-src-large``), ``srcset``/``data-srcset``, or only in a ``<noscript>`` copy,
while ``src`` holds a ``data:`` URI or a 1x1 gif. ``url`` is the single URL the page names for
the image; ``largest_url`` is the widest ``srcset`` candidate when it is a different file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from archiver.models import Image
from archiver.urls import absolute_url

# Single-URL attributes, most specific first: a lazy loader's attribute beats a placeholder src.
_SINGLE_URL_ATTRS = (
    "data-lazy-src",
    "data-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-large-file",
    "data-echo",
    "data-img-src",
)
_SRCSET_ATTRS = ("data-lazy-srcset", "data-srcset", "srcset")
# Responsive size ladders such as CNN's data-src-mini ... data-src-large.
_SIZE_LADDER = ("mini", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_PLACEHOLDER_NAME = re.compile(
    r"(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|transparent|grey|gray|loading|lazy|1x1|clear)"
    r"[^/]*\.(?:gif|png|svg)(?:$|\?)",
    re.IGNORECASE,
)
# Decoration, not content: dividers, icons, logos, avatars, emoji.
_DECORATIVE_NAME = re.compile(
    r"(?:^|[/_.-])(?:divider|separator|spacer|border|bullet|icon|logo|avatar|gravatar|emoji|"
    r"smiley|sprite|button|badge|arrow|rating-stars?)[^/]*\.(?:gif|png|svg|jpe?g|webp)(?:$|\?)",
    re.IGNORECASE,
)
_DESCRIPTOR = re.compile(r"([\d.]+)([wx])")


def is_placeholder(url: str) -> bool:
    """data: URIs, about:blank and the usual spacer/1x1 files are never the real image."""
    lowered = url.strip().lower()
    return (
        not lowered
        or lowered.startswith(("data:", "about:", "javascript:", "blob:"))
        or _PLACEHOLDER_NAME.search(lowered) is not None
        or _DECORATIVE_NAME.search(lowered) is not None
    )


def _srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """(URL, descriptor) pairs, split as the HTML spec does: a URL runs to whitespace, so the
    commas inside a data: URI do not split it; a URL ending in a comma has no descriptor."""
    candidates = []
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        url, descriptor = srcset[start:position], ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            start = position
            while position < end and srcset[position] != ",":
                position += 1
            descriptor = srcset[start:position].strip()
        if url:
            candidates.append((url, descriptor))
    return candidates


def largest_srcset_candidate(srcset: str) -> str | None:
    """URL of the widest candidate in a srcset ("a.jpg 320w, b.jpg 1200w" -> "b.jpg")."""
    best: tuple[float, str] | None = None
    for url, descriptor in _srcset_candidates(srcset):
        if is_placeholder(url):
            continue
        match = _DESCRIPTOR.match(descriptor)
        size = float(match.group(1)) if match else 1.0
        if match and match.group(2) == "x":
            size *= 1000  # a density descriptor: rank 2x above any plain candidate
        if best is None or size > best[0]:
            best = (size, url)
    return best[1] if best else None


def _as_int(value: str | None) -> int | None:
    if value is None:
        return None
    match = re.match(r"\s*(\d{1,6})", value)
    return int(match.group(1)) if match else None


def _single_url(attrs: Mapping[str, str]) -> tuple[str, str] | None:
    for name in _SINGLE_URL_ATTRS:
        value = attrs.get(name)
        if value and not is_placeholder(value):
            return value.strip(), name
    ladder = [
        (rank, name)
        for name in attrs
        if name.startswith("data-src-")
        and (rank := _SIZE_LADDER.index(name[9:]) if name[9:] in _SIZE_LADDER else -1) >= 0
    ]
    if ladder:
        _, name = max(ladder)
        if not is_placeholder(attrs[name]):
            return attrs[name].strip(), name
    src = attrs.get("src")
    if src and not is_placeholder(src):
        return src.strip(), "src"
    return None


def image_from_attributes(
    attrs: Mapping[str, str], base_url: str, *, in_noscript: bool = False
) -> Image | None:
    """An Image record from an <img>'s attributes, or None for placeholders and pixels."""
    width, height = _as_int(attrs.get("width")), _as_int(attrs.get("height"))
    if width is not None and height is not None and width <= 2 and height <= 2:
        return None  # tracking pixel
    largest: str | None = None
    for name in _SRCSET_ATTRS:
        if attrs.get(name):
            largest = largest_srcset_candidate(attrs[name])
            if largest:
                largest_attr = name
                break
    single = _single_url(attrs)
    if single is not None:
        url, source_attr = single
    elif largest is not None:
        url, source_attr = largest, largest_attr
    else:
        return None
    absolute = absolute_url(url, base_url)
    largest_absolute = absolute_url(largest, base_url) if largest else None
    return Image(
        url=absolute,
        largest_url=largest_absolute if largest_absolute != absolute else None,
        alt=(attrs.get("alt") or "").strip() or None,
        title=(attrs.get("title") or "").strip() or None,
        width=width,
        height=height,
        source_attr=source_attr,
        in_noscript=in_noscript,
    )
