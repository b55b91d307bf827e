"""Bytes to text: the character encoding of an HTML document, decided the way browsers do.

Order of evidence: byte-order mark, the HTTP ``Content-Type`` charset, a ``<meta>`` charset in
the first bytes, then detection. Detection tries strict UTF-8 first (two corpus pages declare
nothing and are UTF-8; guessing a legacy code page there gives mojibake) and only then asks
bs4's ``UnicodeDammit``. Labels follow WHATWG, so ``iso-8859-1`` decodes as ``windows-1252``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4 import UnicodeDammit

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 4096
# WHATWG maps these labels to a superset that browsers actually use.
_WHATWG_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso-8859-9": "windows-1254",
    "tis-620": "windows-874",
    "x-user-defined": "windows-1252",
    "utf8": "utf-8",
    "unicode": "utf-16-le",
    "utf-16": "utf-16-le",
}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    source: str  # "bom", "http-header", "meta", "utf-8-check", "detected"
    replaced_bytes: bool  # True when invalid bytes were replaced with U+FFFD


def _normalise_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | bytes | None) -> str | None:
    """The charset parameter of a Content-Type header, normalised, or None."""
    if not content_type:
        return None
    raw = content_type.encode("latin-1", "replace") if isinstance(content_type, str) else content_type
    match = _HEADER_CHARSET.search(raw)
    return _normalise_label(match.group(1).decode("ascii", "replace")) if match else None


def _decode(data: bytes, encoding: str, source: str) -> DecodedText:
    try:
        return DecodedText(data.decode(encoding), encoding, source, replaced_bytes=False)
    except UnicodeDecodeError:
        return DecodedText(data.decode(encoding, "replace"), encoding, source, replaced_bytes=True)


def decode_html(data: bytes, content_type: str | bytes | None = None) -> DecodedText:
    """Decode an HTML document; never raises on bad bytes (they become U+FFFD and are reported)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, "bom")
    header_encoding = charset_from_content_type(content_type)
    if header_encoding:
        return _decode(data, header_encoding, "http-header")
    meta = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    if meta:
        meta_encoding = _normalise_label(meta.group(1).decode("ascii", "replace"))
        # A page saved as UTF-8 that still says "utf-16" in its meta cannot really be UTF-16.
        if meta_encoding and not meta_encoding.startswith("utf-16"):
            return _decode(data, meta_encoding, "meta")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", "utf-8-check", replaced_bytes=False)
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        encoding = _normalise_label(dammit.original_encoding) or "windows-1252"
        return DecodedText(dammit.unicode_markup, encoding, "detected", replaced_bytes=False)
    return _decode(data, "windows-1252", "detected")
