"""Bytes to text: the character encoding of an HTML document, decided the way browsers do.

Evidence, in order (HTML "determining the character encoding"):

1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
2. the ``charset`` of the HTTP ``Content-Type``;
3. a ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``
   found by the WHATWG *prescan* of the first 1024 bytes: comments skipped and attributes parsed
   as the prescan parses them, so a meta inside ``<!-- -->`` or quoted in an attribute value does
   not count, nor a ``content=...charset`` without the ``http-equiv`` pragma;
4. detection: strict UTF-8 first (pages that declare nothing are mostly UTF-8, and guessing a legacy
   code page there gives mojibake); for bytes that are not UTF-8, a ``<meta>`` later in the
   ``<head>`` (browsers honour it too, by re-reading the page); then the guesses ``UnicodeDammit``
   tries: charset-normalizer's guess, UTF-8, windows-1252. The statistical detector is named
   here, not left to bs4, which takes whichever of cchardet, chardet and charset-normalizer is
   installed: another package pulling chardet in must not change how a page decodes.

Labels are read with the WHATWG Encoding Standard's table, as browsers read them: ``Shift_JIS``
means Windows-31J (cp932, with ①, ㈱, 髙), ``gb2312`` and ``gbk`` mean GBK (the gb18030
decoder), ``iso-8859-1`` and ``ascii`` mean windows-1252, ``euc-kr`` means cp949, ``big5`` means
Big5-HKSCS, ``tis-620`` means windows-874. A label outside the table is no declaration. Where
Python's codec for an encoding lacks bytes the standard defines, the decoder adds them (the C1
controls of the windows-* code pages, GBK's 0x80 euro sign, EUC-JP's NEC and IBM rows).

A BOM or an HTTP header is *certain*: bytes invalid in it are replaced with U+FFFD and reported.
A ``<meta>`` is *tentative*: when the page is not in the encoding it names (more invalid bytes
than valid non-ASCII characters, or a page that is valid UTF-8 anyway), it was declared wrongly
and detection decides.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

import charset_normalizer

__all__ = ["DecodedText", "charset_from_content_type", "decode_html", "encoding_for_label"]

# WHATWG Encoding Standard, "Names and labels": each encoding's name (lowercase, as in the standard's
# encodings.json), then every label browsers accept for it. Indented lines continue the one above.
_LABEL_TABLE = """
utf-8: unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8
ibm866: 866 cp866 csibm866 ibm866
iso-8859-2: csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2
iso-8859-3: csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3
iso-8859-4: csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4
iso-8859-5: csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5
    iso_8859-5:1988
iso-8859-6: arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e
    iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987
iso-8859-7: csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597
    iso_8859-7 iso_8859-7:1987 sun_eu_greek
iso-8859-8: csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598
    iso_8859-8 iso_8859-8:1988 visual
iso-8859-8-i: csiso88598i iso-8859-8-i logical
iso-8859-10: csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6
iso-8859-13: iso-8859-13 iso8859-13 iso885913
iso-8859-14: iso-8859-14 iso8859-14 iso885914
iso-8859-15: csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9
iso-8859-16: iso-8859-16
koi8-r: cskoi8r koi koi8 koi8-r koi8_r
koi8-u: koi8-ru koi8-u
macintosh: csmacintosh mac macintosh x-mac-roman
windows-874: dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874
windows-1250: cp1250 windows-1250 x-cp1250
windows-1251: cp1251 windows-1251 x-cp1251
windows-1252: ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1
    iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252
windows-1253: cp1253 windows-1253 x-cp1253
windows-1254: cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5
    latin5 windows-1254 x-cp1254
windows-1255: cp1255 windows-1255 x-cp1255
windows-1256: cp1256 windows-1256 x-cp1256
windows-1257: cp1257 windows-1257 x-cp1257
windows-1258: cp1258 windows-1258 x-cp1258
x-mac-cyrillic: x-mac-cyrillic x-mac-ukrainian
gbk: chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk
gb18030: gb18030
big5: big5 big5-hkscs cn-big5 csbig5 x-x-big5
euc-jp: cseucpkdfmtjapanese euc-jp x-euc-jp
iso-2022-jp: csiso2022jp iso-2022-jp
shift_jis: csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis
euc-kr: cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601
    windows-949
replacement: csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement
utf-16be: unicodefffe utf-16be
utf-16le: csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le
x-user-defined: x-user-defined
"""
_LABELS = {
    name: tuple(labels.split())
    for name, labels in (
        line.split(":", 1) for line in _LABEL_TABLE.replace("\n    ", " ").strip().splitlines()
    )
}
_ENCODING_OF_LABEL = {label: name for name, labels in _LABELS.items() for label in labels}

# The Python codec that decodes each encoding the way the standard does (a superset where Python's
# codec of the same name is the narrower standard: cp932 for Shift_JIS, gb18030 for GBK, cp949 for
# EUC-KR, big5hkscs for Big5). "replacement" and "x-user-defined" are decoded by hand.
_CODEC = {
    "utf-8": "utf-8",
    "ibm866": "cp866",
    **{f"iso-8859-{n}": f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)},
    "iso-8859-8-i": "iso8859-8",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "macintosh": "mac-roman",
    "windows-874": "cp874",
    **{f"windows-{n}": f"cp{n}" for n in range(1250, 1259)},
    "x-mac-cyrillic": "mac-cyrillic",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
    "utf-16be": "utf-16-be",
    "utf-16le": "utf-16-le",
}

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16le"), (codecs.BOM_UTF16_BE, "utf-16be"))
_PRESCAN_BYTES = 1024
# After the prescan, a <meta> in the <head> still decides (the parser changes the encoding when it
# meets one); the head is searched this far at most.
_HEAD_SCAN_BYTES = 65536


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # the WHATWG name ("utf-8", "shift_jis", "windows-1252"), or a detector's codec name
    source: str  # "bom", "http-header", "meta", "utf-8-check", "detected"
    replaced_bytes: bool  # True when invalid bytes were replaced with U+FFFD


def encoding_for_label(label: str | bytes) -> str | None:
    """The WHATWG encoding a label names ("get an encoding"), or None if it names none.

    >>> encoding_for_label(" Shift_JIS "), encoding_for_label("latin1"), encoding_for_label("utf_8")
    ('shift_jis', 'windows-1252', None)
    """
    if isinstance(label, bytes):
        label = label.decode("latin-1")
    return _ENCODING_OF_LABEL.get(label.strip("\t\n\f\r ").lower())


# -- decoders ---------------------------------------------------------------------------------------
# Error handlers that decode the bytes the standard defines and Python's codec does not; each comes
# as "-strict" (anything else still fails) and "-replace" (anything else becomes U+FFFD).
_Mapper = Callable[[bytes, int], tuple[str, int] | None]


def _c1_control(data: bytes, start: int) -> tuple[str, int] | None:
    # windows-874 and windows-125x: the standard's indexes give their unassigned 0x80-0x9F bytes
    # the C1 control of the same value (windows-1252 0x81 is U+0081), Python's codecs fail on them.
    byte = data[start]
    return (chr(byte), start + 1) if 0x80 <= byte <= 0x9F else None


def _gbk_euro(data: bytes, start: int) -> tuple[str, int] | None:
    return ("\u20ac", start + 1) if data[start] == 0x80 else None


def _jis0208_pair(data: bytes, start: int) -> tuple[str, int] | None:
    # EUC-JP reads a JIS X 0208 pair through the same index as Shift_JIS, which holds the NEC row 13
    # (①, ㈱, ㎞) and the IBM kanji (髙) that Python's euc_jp lacks: re-encode the pair as Shift_JIS
    # and let cp932 decode it.
    if start + 1 >= len(data) or not (0xA1 <= data[start] <= 0xFE and 0xA1 <= data[start + 1] <= 0xFE):
        return None
    pointer = (data[start] - 0xA1) * 94 + data[start + 1] - 0xA1
    lead, trail = divmod(pointer, 188)
    pair = bytes((lead + (0x81 if lead < 0x1F else 0xC1), trail + (0x40 if trail < 0x3F else 0x41)))
    try:
        return pair.decode("cp932"), start + 2
    except UnicodeDecodeError:
        return None


def _register(family: str, mapper: _Mapper) -> None:
    def strict(error: UnicodeError) -> tuple[str, int]:
        if isinstance(error, UnicodeDecodeError) and (mapped := mapper(error.object, error.start)):
            return mapped
        raise error

    def replace(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeDecodeError):
            raise error
        return mapper(error.object, error.start) or ("\ufffd", error.end)

    codecs.register_error(f"archiver-{family}-strict", strict)
    codecs.register_error(f"archiver-{family}-replace", replace)


_register("c1", _c1_control)
_register("gbk", _gbk_euro)
_register("jis0208", _jis0208_pair)
_ERROR_FAMILY = {
    "windows-874": "c1",
    **{f"windows-{n}": "c1" for n in range(1250, 1259)},
    "gbk": "gbk",
    "gb18030": "gbk",
    "euc-jp": "jis0208",
}
# Where Python's euc_jp and the standard's index decode the same JIS X 0208 pair differently (checked
# over all 8,836 pairs against cp932 through the pointer): the standard follows Windows.
_EUC_JP_AS_WINDOWS = str.maketrans("〜‖−¢£¬", "～∥－￠￡￢")  # U+301C U+2016 U+2212 U+00A2 U+00A3 U+00AC
_X_USER_DEFINED = {byte: 0xF700 + byte for byte in range(0x80, 0x100)}


def _decode_as(data: bytes, encoding: str) -> tuple[str, bool]:
    """Decode with a WHATWG encoding; the flag says whether invalid bytes became U+FFFD."""
    if encoding == "replacement":  # ISO-2022-KR, HZ and kin: browsers show one U+FFFD, never the text
        return ("\ufffd", True) if data else ("", False)
    if encoding == "x-user-defined":
        return data.decode("latin-1").translate(_X_USER_DEFINED), False
    codec = _CODEC[encoding]
    family = _ERROR_FAMILY.get(encoding)
    try:
        text, replaced = data.decode(codec), False
    except UnicodeDecodeError:
        try:
            if family is None:
                raise
            text, replaced = data.decode(codec, f"archiver-{family}-strict"), False
        except UnicodeDecodeError:
            text, replaced = data.decode(codec, f"archiver-{family}-replace" if family else "replace"), True
    if encoding == "euc-jp":
        text = text.translate(_EUC_JP_AS_WINDOWS)
    return text, replaced


# -- declarations -----------------------------------------------------------------------------------
_HEADER_CHARSET = re.compile(r"""(?:^|[;\s])charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,"']+))""", re.I)


def charset_from_content_type(content_type: str | bytes | None) -> str | None:
    """The WHATWG encoding the charset parameter of a Content-Type header names, or None.

    >>> charset_from_content_type('text/html; charset="ISO-8859-1"'), charset_from_content_type("text/html")
    ('windows-1252', None)
    """
    if not content_type:
        return None
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    match = _HEADER_CHARSET.search(content_type)
    return encoding_for_label(match.group(1) or match.group(2) or match.group(3) or "") if match else None


# The tokens of the WHATWG prescan ("prescan a byte stream to determine its encoding"): comments
# (whose closing "-->" may share the dashes of "<!--"), <meta> tags, other start and end tags with
# their attributes, and <!...>, </...>, <?...> up to the next ">". Bytes outside a token are skipped
# one by one, as the prescan does. In a tag, a quote opens a value only after "=" and a quoted value
# may hold ">" or "<meta": such a tag is skipped whole. (Written as unrolled loops: the plain
# attribute-by-attribute form was 2-3 times slower and tokenised every corpus page the same.)
_TAG_REST = rb"""[^>=]*+ (?: =[\t\n\f\r\ ]*+ (?: "[^"]*+"? | '[^']*+'? | [^\t\n\f\r\ >]*+ ) [^>=]*+ )*+"""
_PRESCAN = re.compile(
    rb"""
      <!-- (?: > | -> | (?: [^-]++ | -(?!->) )*+ --> | .* )
    | <meta(?=[\t\n\f\r\ /]) (?P<meta> """
    + _TAG_REST
    + rb""" ) (?P<end> >? )
    | </? (?P<tag> [a-z][^\t\n\f\r\ >]*+ ) """
    + _TAG_REST
    + rb""" >?
    | <[!/?] [^>]*+ >?
    """,
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_META_ATTRIBUTE = re.compile(
    rb"""
    (?P<name> [^\t\n\f\r\ />] [^\t\n\f\r\ /=>]* )
    (?: [\t\n\f\r\ ]* = [\t\n\f\r\ ]* (?: "(?P<dq>[^"]*)"? | '(?P<sq>[^']*)'? | (?P<uq>[^\t\n\f\r\ >]*) ) )?
    """,
    re.VERBOSE,
)
_WS = b"\t\n\f\r "
_VALUE_END = re.compile(rb"[\t\n\f\r ;]")


def _charset_in_content(content: bytes) -> bytes | None:
    """The label after the first "charset" followed by "=", a quoted one only with its closing quote.

    (The standard's "extract a character encoding from a meta element".)
    """
    position = 0
    while (found := content.find(b"charset", position)) >= 0:
        position = found + len(b"charset")
        rest = content[position:].lstrip(_WS)
        if not rest.startswith(b"="):
            continue
        rest = rest[1:].lstrip(_WS)
        if rest[:1] in (b'"', b"'"):
            end = rest.find(rest[:1], 1)
            return rest[1:end] if end > 0 else None
        return _VALUE_END.split(rest, maxsplit=1)[0] or None
    return None


def _meta_encoding(attributes: bytes) -> str | None:
    """The encoding a <meta>'s attributes declare, decided as the prescan decides it."""
    seen: set[bytes] = set()
    got_pragma = False
    need_pragma = False
    charset: str | None = None
    decided = False  # the first charset attribute wins even when its label names no encoding
    for match in _META_ATTRIBUTE.finditer(attributes):
        name = match.group("name").lower()
        if name in seen:  # a repeated attribute is ignored
            continue
        seen.add(name)
        value = (match.group("dq") or match.group("sq") or match.group("uq") or b"").lower()
        if name == b"http-equiv":
            got_pragma = got_pragma or value == b"content-type"
        elif name == b"content" and not decided:
            label = _charset_in_content(value)
            if label is not None and (found := encoding_for_label(label)) is not None:
                charset, need_pragma, decided = found, True, True
        elif name == b"charset" and not decided:
            charset, need_pragma, decided = encoding_for_label(value), False, True
    if charset is None or (need_pragma and not got_pragma):
        return None
    if charset in ("utf-16le", "utf-16be"):  # a meta that was read as ASCII is not in UTF-16
        return "utf-8"
    return "windows-1252" if charset == "x-user-defined" else charset


def declared_in_markup(data: bytes, limit: int = _PRESCAN_BYTES) -> str | None:
    """The encoding a ``<meta>`` in the first ``limit`` bytes declares, read as the WHATWG prescan
    reads it; past the first 1024 bytes only a ``<meta>`` in the ``<head>`` counts."""
    if b"charset" not in data[:limit].lower():
        return None
    in_body = False
    for match in _PRESCAN.finditer(data, 0, limit):
        in_body = in_body or (match.group("tag") or b"").lower() == b"body"
        if in_body and match.start() >= _PRESCAN_BYTES:
            return None
        attributes = match.group("meta")
        if attributes is None or b"charset" not in attributes.lower():
            continue
        if not match.group("end") and len(data) > limit:
            continue  # cut off by the limit: its label may be cut too
        encoding = _meta_encoding(attributes)
        if encoding is not None:
            return encoding
    return None


# -- the decision -----------------------------------------------------------------------------------
def _mostly_invalid(text: str) -> bool:
    """More U+FFFD than other non-ASCII characters: the bytes are not in the encoding tried."""
    replaced = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - replaced < replaced


def _detect(data: bytes) -> DecodedText:
    utf8 = _as_utf8(data)
    if utf8 is not None:
        return DecodedText(utf8, "utf-8", "utf-8-check", replaced_bytes=False)
    # The guesses UnicodeDammit tries after the declarations (rejected by the rules above: in a
    # comment, a label outside the standard, or one the bytes contradict): the statistical guess,
    # UTF-8, windows-1252. The first that decodes without a bad byte wins, decoded as browsers
    # decode it (a SHIFT_JIS guess as cp932, ...).
    guess = charset_normalizer.detect(data).get("encoding")
    for label in (guess, "utf-8", "windows-1252"):
        encoding = encoding_for_label(label) if isinstance(label, str) else None
        if encoding is None:
            # A guess outside the standard (mac_latin2, EUC-TW) names no encoding a browser would
            # use; statistical detectors reach for them on short Western texts that are cp1252.
            continue
        text, replaced = _decode_as(data, encoding)
        if not replaced:
            return DecodedText(text, encoding, "detected", replaced_bytes=False)
    text, replaced = _decode_as(data, "windows-1252")  # every byte has a meaning: never reached
    return DecodedText(text, "windows-1252", "detected", replaced)


def decode_html(data: bytes, content_type: str | bytes | None = None) -> DecodedText:
    """Decode an HTML document; never raises on bad bytes (they become U+FFFD and are reported)."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            text, replaced = _decode_as(data[len(bom) :], bom_encoding)
            return DecodedText(text, bom_encoding, "bom", replaced)
    header_encoding = charset_from_content_type(content_type)
    if header_encoding is not None:
        text, replaced = _decode_as(data, header_encoding)
        return DecodedText(text, header_encoding, "http-header", replaced)
    encoding = declared_in_markup(data)
    if encoding is None:
        # Pages that declare nothing in the first 1024 bytes are mostly UTF-8. A later <meta> in the
        # head (browsers honour it by re-reading the page) is looked for only when the bytes are not
        # UTF-8, or are ASCII that ISO-2022-JP escapes could make Japanese: for any other ASCII page
        # every encoding a <meta> can name gives the same text.
        utf8 = _as_utf8(data)
        if utf8 is not None and "\x1b" not in utf8:
            return DecodedText(utf8, "utf-8", "utf-8-check", replaced_bytes=False)
        encoding = declared_in_markup(data, _HEAD_SCAN_BYTES)
    if encoding is not None:
        text, replaced = _decode_as(data, encoding)
        if not replaced:
            return DecodedText(text, encoding, "meta", replaced_bytes=False)
        # A tentative declaration the bytes contradict. A page that is valid UTF-8 (saved as UTF-8
        # under an old template's meta) is UTF-8; a page mostly right in the declared encoding keeps
        # it, its few bad bytes replaced; otherwise it was declared wrongly and detection decides.
        if encoding != "utf-8" and (utf8 := _as_utf8(data)) is not None:
            return DecodedText(utf8, "utf-8", "utf-8-check", replaced_bytes=False)
        if not _mostly_invalid(text):
            return DecodedText(text, encoding, "meta", replaced_bytes=True)
    return _detect(data)


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
