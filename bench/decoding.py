"""Bytes to text: the decoder against w3lib and the decoder it replaced, measured in the same run.

    python -m bench.decoding ../shared/corpus/pages [--repeat 20]

Three decoders, each given the page bytes and no HTTP header (as ``archiver parse`` gives a saved
file):

- ``new``: ``archiver.parse.decoding.decode_html`` (WHATWG labels, prescan, then detection);
- ``w3lib``: ``w3lib.encoding.html_to_unicode`` with bs4's ``UnicodeDammit`` as its detector (the
  way w3lib's documentation plugs it in);
- ``old``: the decoder before issue 9, kept below verbatim (Python codec names, a regex over the
  first 4096 bytes, strict UTF-8, then ``UnicodeDammit``).

Baseline: a bare ``bytes.decode("utf-8", "replace")`` of the same bytes (every corpus page is
UTF-8), the floor any decoder pays. Per page, the four are interleaved ``--repeat`` times so that
machine noise hits all alike; the report gives medians and ratios (the machine is shared and noisy:
compare ratios, not milliseconds). Then: whether the three give the same text on every page, and a
table of small pages of each kind the standard decides (labels, precedence, comments, bad bytes),
with which decoder gets each right.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import logging
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import UnicodeDammit
from w3lib.encoding import html_to_unicode

from archiver.parse.decoding import decode_html

# -- the decoder before issue 9, verbatim but for names ---------------------------------------------
_OLD_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_OLD_HEADER_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_OLD_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_OLD_ALIASES = {
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


def _old_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _OLD_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _old_strict_or_replace(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(encoding, "replace")


def old_decode(data: bytes, content_type: str | None = None) -> str:
    for bom, encoding in _OLD_BOMS:
        if data.startswith(bom):
            return _old_strict_or_replace(data[len(bom) :], encoding)
    header = _OLD_HEADER_CHARSET.search(content_type.encode("latin-1", "replace")) if content_type else None
    header_encoding = _old_label(header.group(1).decode("ascii", "replace")) if header else None
    if header_encoding:
        return _old_strict_or_replace(data, header_encoding)
    meta = _OLD_META_CHARSET.search(data[:4096])
    if meta:
        meta_encoding = _old_label(meta.group(1).decode("ascii", "replace"))
        if meta_encoding and not meta_encoding.startswith("utf-16"):
            return _old_strict_or_replace(data, meta_encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup
    return _old_strict_or_replace(data, "windows-1252")


# -- the three, as text-out functions ----------------------------------------------------------------
def _dammit_guess(data: bytes) -> str | None:
    guess: str | None = UnicodeDammit(data, is_html=True).original_encoding
    return guess


def w3lib_decode(data: bytes, content_type: str | None = None) -> str:
    return html_to_unicode(content_type, data, auto_detect_fun=_dammit_guess)[1]


def new_decode(data: bytes, content_type: str | None = None) -> str:
    return decode_html(data, content_type).text


def baseline(data: bytes, content_type: str | None = None) -> str:
    return data.decode("utf-8", "replace")


DECODERS: dict[str, Callable[[bytes, str | None], str]] = {
    "new": new_decode,
    "w3lib": w3lib_decode,
    "old": old_decode,
    "baseline": baseline,
}


# -- pages of each kind the standard decides ---------------------------------------------------------
@dataclass(frozen=True)
class Case:
    name: str
    body: bytes
    header: str | None
    want: str  # the text a browser shows must contain this, with no U+FFFD


def _page(head: str, body: str, encoding: str, raw: bytes = b"") -> bytes:
    """A small page, its text in ``encoding``; ``raw`` bytes end its paragraph."""
    start = f"<html><head>{head}<title>t</title></head><body><p>{body}".encode(encoding)
    return start + raw + b"</p></body></html>"


CASES = [
    Case(
        "Shift_JIS label, cp932 characters",
        _page('<meta charset="Shift_JIS">', "灯台①髙橋㈱㎞", "cp932"),
        None,
        "①髙橋㈱㎞",
    ),
    Case("x-sjis label", _page('<meta charset="x-sjis">', "灯台①", "cp932"), None, "灯台①"),
    Case(
        "gb2312 label, GBK characters", _page('<meta charset="gb2312">', "們說镕堃", "gbk"), None, "們說镕堃"
    ),
    Case("x-gbk label (header)", _page("", "們說", "gbk"), "text/html; charset=x-gbk", "們說"),
    Case(
        "GBK byte 0x80 is the euro sign",
        _page('<meta charset="gbk">', "價", "gbk", b"\x80"),
        None,
        "€",
    ),
    Case(
        "iso-8859-1 label, cp1252 bytes",
        _page("", "€ “quoted”", "cp1252"),
        "text/html; charset=iso-8859-1",
        "€ “quoted”",
    ),
    Case("us-ascii label, cp1252 bytes", _page('<meta charset="us-ascii">', "“x”", "cp1252"), None, "“x”"),
    Case(
        "windows-1252 byte 0x81 is U+0081",
        _page('<meta charset="windows-1252">', "é", "cp1252", b"\x81"),
        None,
        "\x81",
    ),
    Case(
        "ks_c_5601-1987 label, UHC character",
        _page('<meta charset="ks_c_5601-1987">', "똠방각하", "cp949"),
        None,
        "똠방각하",
    ),
    Case("big5 label, HKSCS character", _page('<meta charset="big5">', "㗎喎", "big5hkscs"), None, "㗎喎"),
    Case(
        "euc-jp label, NEC row 13",
        _page('<meta charset="euc-jp">', "灯台", "euc_jp", b"\xad\xa1"),
        None,
        "灯台①",
    ),
    Case("tis-620 label", _page('<meta charset="tis-620">', "สวัสดี", "cp874"), None, "สวัสดี"),
    Case(
        "meta in a comment ignored",
        b'<!-- <meta charset="shift_jis"> -->' + _page('<meta charset="utf-8">', "Grüße", "utf-8"),
        None,
        "Grüße",
    ),
    Case(
        "meta quoted in an attribute ignored",
        b"<html><head><link title='<meta charset=koi8-r>'>" + "<p>Grüße</p>".encode(),
        None,
        "Grüße",
    ),
    Case(
        "meta content without http-equiv ignored",
        _page('<meta content="text/html; charset=koi8-r">', "Grüße", "utf-8"),
        None,
        "Grüße",
    ),
    Case(
        "BOM beats header and meta",
        codecs.BOM_UTF8 + _page('<meta charset="shift_jis">', "Grüße", "utf-8"),
        "text/html; charset=iso-8859-1",
        "Grüße",
    ),
    Case(
        "header beats meta",
        _page('<meta charset="utf-8">', "Größe", "cp1252"),
        "text/html; charset=windows-1252",
        "Größe",
    ),
    Case(
        "utf-16 header means UTF-16LE",
        "<html><body><p>Grüße</p></body></html>".encode("utf-16-le"),
        "text/html; charset=utf-16",
        "Grüße",
    ),
    Case("a charset that is no text codec", _page("", "plain", "ascii"), "text/html; charset=hex", "plain"),
    Case(
        "meta after 1024 bytes of head",
        _page('<link rel="preload" href="/a.css">' * 40 + '<meta charset="shift_jis">', "灯台①", "cp932"),
        None,
        "灯台①",
    ),
    Case("undeclared UTF-8", _page("", "Größe", "utf-8"), None, "Größe"),
    Case(
        "undeclared Shift_JIS (chardet's limit)",
        _page("", "夜明け前、静かな朝に漁船が桟橋で待っている。灯台①髙橋㈱", "cp932"),
        None,
        "灯台①髙橋㈱",
    ),
    Case("undeclared windows-1252", _page("", "Größe und Füße", "cp1252"), None, "Größe und Füße"),
    Case(
        "meta utf-8 on a windows-1252 page",
        _page('<meta charset="utf-8">', "Größe und Füße, schöne Grüße", "cp1252"),
        None,
        "Größe und Füße, schöne Grüße",
    ),
]


def _right(text: str, case: Case) -> bool:
    return case.want in text and "\ufffd" not in text


def _run_cases() -> dict[str, int]:
    names = [name for name in DECODERS if name != "baseline"]
    print(f"{'kind':44} " + " ".join(f"{name:>6}" for name in names))
    right = dict.fromkeys(names, 0)
    for case in CASES:
        marks = []
        for name in names:
            try:
                ok = _right(DECODERS[name](case.body, case.header), case)
            except Exception as error:  # a decoder that raises gives a wrong answer
                ok = False
                print(f"  {name} raised {type(error).__name__}: {error}")
            right[name] += ok
            marks.append("ok" if ok else "WRONG")
        print(f"{case.name[:44]:44} " + " ".join(f"{mark:>6}" for mark in marks))
    print(f"{'right, of ' + str(len(CASES)):44} " + " ".join(f"{right[name]:>6}" for name in names))
    return right


def _timed(function: Callable[[bytes, str | None], str], data: bytes) -> float:
    start = time.perf_counter()
    function(data, None)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pages", type=Path, help="folder of .html files")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    # UnicodeDammit logs each time it has to replace bytes (old and w3lib on the undeclared cases).
    logging.getLogger("bs4.dammit").setLevel(logging.ERROR)
    files = sorted(args.pages.glob("*.html"))
    if not files:
        parser.error(f"no .html files in {args.pages}")
    medians: dict[str, list[float]] = {name: [] for name in DECODERS}
    differing: list[str] = []
    print(f"{'page':40} {'KB':>5} " + " ".join(f"{name + ' us':>11}" for name in DECODERS) + "  same text")
    for path in files:
        data = path.read_bytes()
        texts = {name: decoder(data, None) for name, decoder in DECODERS.items()}  # also warms up
        same = texts["new"] == texts["old"] == texts["w3lib"]
        if not same:
            differing.append(path.name)
        times: dict[str, list[float]] = {name: [] for name in DECODERS}
        gc.collect()
        for _ in range(args.repeat):
            for name, decoder in DECODERS.items():
                times[name].append(_timed(decoder, data))
        row = []
        for name in DECODERS:
            medians[name].append(statistics.median(times[name]) * 1e6)
            row.append(f"{medians[name][-1]:11.0f}")
        print(
            f"{path.name[:40]:40} {len(data) / 1024:5.0f} " + " ".join(row) + f"  {'yes' if same else 'NO'}"
        )
    print()
    print(f"pages: {len(files)}; same text from new, w3lib and old: {len(files) - len(differing)}")
    for name in differing:
        print(f"  differs: {name}")
    base = medians["baseline"]
    print()
    print("per-page ratios are medians over the pages; 'all pages' is the sum of the per-page medians")
    print(
        f"{'decoder':10} {'median us':>10} {'/ baseline':>11} {'/ old':>7} {'all pages ms':>13} {'/ old':>7}"
    )
    total_old = sum(medians["old"])
    for name in DECODERS:
        per_page = statistics.median(t / b for t, b in zip(medians[name], base, strict=True))
        against_old = statistics.median(t / o for t, o in zip(medians[name], medians["old"], strict=True))
        total = sum(medians[name])
        print(
            f"{name:10} {statistics.median(medians[name]):10.0f} {per_page:11.2f} {against_old:7.2f}"
            f" {total / 1e3:13.1f} {total / total_old:7.2f}"
        )
    print()
    _run_cases()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
