"""Media queries and ``sizes`` evaluated for one default screen, as a browser would.

A ``<picture>``'s ``<source media>`` and an image's ``sizes`` decide which file a browser
requests; the crawl archives that file so that replay shows the photo. The screen is fixed:
``VIEWPORT_WIDTH`` x ``VIEWPORT_HEIGHT`` CSS pixels, 1 device pixel per CSS pixel, a colour
screen in landscape with a fine pointer that hovers, light colour scheme, no reduced motion
(headless Chromium's and a desktop browser's defaults). Pure functions of strings.

A query this module cannot read (an unknown feature, ``calc()``) does not match, as a browser
treats an unknown query as ``not all``.
"""

from __future__ import annotations

import re

#: The default screen, in CSS pixels (a common desktop window).
VIEWPORT_WIDTH = 1280
VIEWPORT_HEIGHT = 720
#: Device pixels per CSS pixel.
DEVICE_PIXEL_RATIO = 1.0
# CSS's initial font size: what "em" and "rem" measure in a media query.
_FONT_PX = 16.0

_SHOWN_MEDIA_TYPES = frozenset({"all", "screen"})
_KNOWN_MEDIA_TYPES = _SHOWN_MEDIA_TYPES | {
    "print", "speech", "tv", "handheld", "projection", "tty", "braille", "embossed", "aural",
}  # fmt: skip
_KEYWORDS = {
    "orientation": "landscape",
    "prefers-color-scheme": "light",
    "prefers-reduced-motion": "no-preference",
    "prefers-reduced-transparency": "no-preference",
    "prefers-contrast": "no-preference",
    "hover": "hover",
    "any-hover": "hover",
    "pointer": "fine",
    "any-pointer": "fine",
    "scan": "progressive",
    "display-mode": "browser",
    "forced-colors": "none",
    "inverted-colors": "none",
    "update": "fast",
    "overflow-block": "scroll",
    "overflow-inline": "scroll",
    "color-gamut": "srgb",
    "dynamic-range": "standard",
}
# Numeric features: the screen's value and how a value of that feature is read.
_NUMBERS: dict[str, tuple[float, str]] = {
    "width": (VIEWPORT_WIDTH, "length"),
    "height": (VIEWPORT_HEIGHT, "length"),
    "device-width": (VIEWPORT_WIDTH, "length"),
    "device-height": (VIEWPORT_HEIGHT, "length"),
    "aspect-ratio": (VIEWPORT_WIDTH / VIEWPORT_HEIGHT, "ratio"),
    "device-aspect-ratio": (VIEWPORT_WIDTH / VIEWPORT_HEIGHT, "ratio"),
    "resolution": (DEVICE_PIXEL_RATIO, "resolution"),
    "-webkit-device-pixel-ratio": (DEVICE_PIXEL_RATIO, "number"),
    "device-pixel-ratio": (DEVICE_PIXEL_RATIO, "number"),
    "color": (8, "number"),
    "color-index": (0, "number"),
    "monochrome": (0, "number"),
    "grid": (0, "number"),
}
_LENGTH = re.compile(r"^(-?[\d.]+)(px|em|rem|vw|vh)?$")
_RESOLUTION = re.compile(r"^([\d.]+)(dppx|x|dpi|dpcm)$")
_RATIO = re.compile(r"^([\d.]+)(?:\s*/\s*([\d.]+))?$")
_RANGE = re.compile(r"(<=|>=|<|>|=)")
_FEATURE = re.compile(r"\(([^()]*)\)")
_OR = re.compile(r"\)\s+or\s+\(")


def _number(text: str, kind: str) -> float | None:
    """A feature value in the unit the screen's value is in (px, dppx, a ratio), or None."""
    text = text.strip()
    try:
        if kind == "length":
            match = _LENGTH.match(text)
            if match is None:
                return None
            value, unit = (
                float(match.group(1)),
                match.group(2) or ("px" if float(match.group(1)) == 0 else ""),
            )
            scale = {
                "px": 1.0,
                "em": _FONT_PX,
                "rem": _FONT_PX,
                "vw": VIEWPORT_WIDTH / 100,
                "vh": VIEWPORT_HEIGHT / 100,
            }
            return value * scale[unit] if unit in scale else None
        if kind == "resolution":
            match = _RESOLUTION.match(text)
            if match is None:
                return None
            per = {"dppx": 1.0, "x": 1.0, "dpi": 1 / 96, "dpcm": 2.54 / 96}[match.group(2)]
            return float(match.group(1)) * per
        if kind == "ratio":
            match = _RATIO.match(text)
            if match is None:
                return None
            return float(match.group(1)) / float(match.group(2) or 1)
        return float(text)
    except (ValueError, ZeroDivisionError):
        return None


def _compare(actual: float, operator: str, value: float) -> bool:
    return {
        "<": actual < value,
        "<=": actual <= value,
        ">": actual > value,
        ">=": actual >= value,
        "=": actual == value,
    }[operator]


_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


def _range_feature(text: str) -> bool:
    """``width >= 600px``, ``600px <= width < 900px``: the range syntax of Media Queries 4."""
    parts = [part.strip() for part in _RANGE.split(text)]
    names = [index for index in range(0, len(parts), 2) if parts[index] in _NUMBERS]
    if len(parts) not in (3, 5) or len(names) != 1:
        return False
    where = names[0]
    actual, kind = _NUMBERS[parts[where]]
    for index in range(1, len(parts), 2):
        left, operator, right = parts[index - 1], parts[index], parts[index + 1]
        if index - 1 == where:  # name OP value
            value = _number(right, kind)
            if value is None or not _compare(actual, operator, value):
                return False
        elif index + 1 == where:  # value OP name: the same test, read from the name's side
            value = _number(left, kind)
            if value is None or not _compare(actual, _FLIPPED[operator], value):
                return False
    return True


def _feature(text: str) -> bool:
    """One parenthesised feature test, ``min-width: 600px`` or ``hover`` (without parentheses)."""
    text = text.strip()
    if ":" not in text:
        if _RANGE.search(text):
            return _range_feature(text)
        if text in _KEYWORDS:
            return _KEYWORDS[text] != "none"
        if text in _NUMBERS:
            return _NUMBERS[text][0] != 0
        return False
    name, raw = (part.strip() for part in text.split(":", 1))
    if name in _KEYWORDS:
        return _KEYWORDS[name] == raw
    prefix = ""
    for candidate in ("min-", "max-", "-webkit-min-", "-webkit-max-"):
        if name.startswith(candidate):
            prefix, name = (
                candidate,
                ("-webkit-" if candidate.startswith("-webkit") else "") + name[len(candidate) :],
            )
            break
    if name not in _NUMBERS:
        return False
    actual, kind = _NUMBERS[name]
    value = _number(raw, kind)
    if value is None:
        return False
    operator = ">=" if "min-" in prefix else "<=" if "max-" in prefix else "="
    return _compare(actual, operator, value)


def _condition(text: str) -> bool:
    """``(a) and (b)``, ``(a) or (b)``, ``not (a)``: a media condition without a media type."""
    text = text.strip()
    if text.startswith("not ") or text.startswith("not("):
        return not _condition(text[3:])
    if _OR.search(text):
        return any(_condition(f"({part.strip('() ')})") for part in _OR.split(text))
    features = _FEATURE.findall(text)
    rest = _FEATURE.sub("", text).replace("and", "").strip()
    if not features or rest:
        return False
    return all(_feature(feature) for feature in features)


def _query(text: str) -> bool:
    """One query of a comma-separated list: ``[not|only] type [and condition]`` or a condition."""
    text = " ".join(text.lower().split())
    if not text:
        return False
    if text.startswith("("):
        return _condition(text)
    negate = text.startswith("not ")
    words = text.removeprefix("not ").removeprefix("only ").split(" and ", 1)
    media_type = words[0].strip()
    if media_type.startswith("not "):  # "not (a)": a negated condition, no media type
        return _condition(text)
    if media_type not in _KNOWN_MEDIA_TYPES:
        return False  # an unknown type or garbage: "not all" for the browser, even when negated
    matched = media_type in _SHOWN_MEDIA_TYPES and (len(words) == 1 or _condition(words[1]))
    return matched != negate


def matches(media: str) -> bool:
    """Whether a media query list applies to the default screen; an empty list does.

    >>> matches(""), matches("(min-width: 1024px)"), matches("(max-width: 600px)")
    (True, True, False)
    >>> matches("print"), matches("screen and (orientation: portrait), (min-width: 80em)")
    (False, True)
    >>> matches("(600px <= width < 1400px)"), matches("(min-resolution: 2dppx)")
    (True, False)
    """
    if not media.strip():
        return True
    return any(_query(query) for query in media.split(","))


def sizes_width(sizes: str | None) -> float:
    """The width in CSS pixels an image's ``sizes`` gives it on the default screen: the length of
    the first entry whose condition matches; without one (or an unreadable one, or ``auto``), the
    viewport's width, as ``100vw`` is the default.

    >>> sizes_width("(max-width: 600px) 100vw, 50vw"), sizes_width(None), sizes_width("800px")
    (640.0, 1280.0, 800.0)
    """
    for entry in (sizes or "").split(","):
        entry = entry.strip().lower()
        if not entry:
            continue
        condition, _, length = entry.rpartition(" ")
        if condition and not (condition.startswith("(") or condition.startswith("not")):
            continue
        if condition and not _condition(condition):
            continue
        value = _number(length, "length")
        if value is not None and value > 0:
            return value
        if not condition:
            break
    return float(VIEWPORT_WIDTH)
