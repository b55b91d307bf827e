"""Bytes to text as browsers decode them: WHATWG labels, BOM > HTTP header > <meta> > detection."""

from __future__ import annotations

import codecs

import pytest

from archiver.parse.decoding import decode_html
from archiver.parse.page import parse_page
from tests.conftest import TESTS

GERMAN = "<html><head><title>Fünf Tipps für Größe</title></head><body><p>Grüße</p></body></html>"
CASE_02 = TESTS.parent.parent / "shared" / "cases" / "02-shift-jis-cp932" / "page.html"


def _listicle(head: str, second_heading: str, second_caption: str) -> str:
    return (
        f"<html><head>{head}<title>3 Photos of the Old Town</title></head><body><article>"
        "<h1>3 Photos of the Old Town</h1>"
        '<h2>1. The Market</h2><img src="/a.jpg" alt="a"><p>Stalls open before the sun is up.</p>'
        f'<h2>2. {second_heading}</h2><img src="/b.jpg" alt="b"><p>{second_caption}</p>'
        '<h2>3. The Bridge</h2><img src="/c.jpg" alt="c"><p>Rebuilt in stone after the flood.</p>'
        "</article></body></html>"
    )


def _no_replacement(decoded_text: str) -> bool:
    return "\ufffd" not in decoded_text


# -- labels mean what they mean in browsers -------------------------------------------------------------
def test_a_shift_jis_label_decodes_windows_31j_characters() -> None:
    # ①, ㈱, ㎞ (NEC row 13) and 髙 (IBM kanji) exist only in Windows code page 932.
    heading, caption = "株式会社 ① 髙島屋㈱", "駅から約3㎞、徒歩で四十分。"
    page = _listicle('<meta charset="Shift_JIS">', heading, caption).encode("cp932")
    record = parse_page(page, "https://town.example/3-photos/")
    assert record.encoding == "shift_jis"
    assert [item.heading for item in record.items] == ["The Market", heading, "The Bridge"]
    assert record.items[1].caption == caption
    assert _no_replacement(record.to_json())
    assert not any("replaced" in warning for warning in record.warnings)
    for label in ("sjis", "x-sjis", "ms_kanji", "windows-31j", "csShiftJIS"):
        decoded = decode_html(page, f"text/html; charset={label}")
        assert decoded.encoding == "shift_jis" and heading in decoded.text and not decoded.replaced_bytes


def test_a_gb2312_label_decodes_gbk_characters() -> None:
    # 們 說 (traditional forms), 镕 and 堃 are GBK but not GB 2312; GBK's byte 0x80 is the euro sign.
    text = "們說镕堃"
    page = _listicle('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', text, "x")
    decoded = decode_html(page.encode("gbk").replace(b"x</p>", b"\x80</p>"))
    assert decoded.encoding == "gbk"
    assert text in decoded.text and "€</p>" in decoded.text
    assert not decoded.replaced_bytes and _no_replacement(decoded.text)
    for label in ("gbk", "x-gbk", "GB_2312-80", "chinese"):
        assert text in decode_html(page.encode("gbk"), f"text/html; charset={label}").text


def test_latin1_and_ascii_labels_mean_windows_1252() -> None:
    # “ ” € are bytes 0x93 0x94 0x80 in windows-1252, C1 controls in ISO-8859-1; 0x81 is unassigned in
    # windows-1252 and decodes as U+0081 in browsers, not as a replacement character.
    page = GERMAN.replace("<p>Grüße</p>", "<p>“Grüße” kosten 5 €</p>").encode("cp1252") + b"\x81"
    for label in (
        "ISO-8859-1",
        "latin1",
        "l1",
        "cp819",
        "IBM819",
        "iso_8859-1:1987",
        "us-ascii",
        "ANSI_X3.4-1968",
    ):
        decoded = decode_html(page, f"text/html; charset={label}")
        assert decoded.encoding == "windows-1252", label
        assert "“Grüße” kosten 5 €" in decoded.text and decoded.text.endswith("\x81"), label
        assert not decoded.replaced_bytes, label


def test_other_labels_name_the_browser_supersets() -> None:
    cases = [
        ("euc-kr", "똠방각하 (UHC)", "cp949"),
        ("ks_c_5601-1987", "똠방각하", "cp949"),
        ("big5", "㗎喎 (HKSCS)", "big5hkscs"),
        ("tis-620", "สวัสดี", "cp874"),
        ("iso-8859-9", "Güzel ğün", "cp1254"),
    ]
    for label, text, codec in cases:
        decoded = decode_html(f'<meta charset="{label}"><p>{text}</p>'.encode(codec))
        assert text in decoded.text and not decoded.replaced_bytes, label
    # EUC-JP reads NEC row 13 (①) and the IBM rows like Shift_JIS, and 〜 as Windows does (～).
    decoded = decode_html(b'<meta charset="euc-jp"><p>' + "灯台〜".encode("euc_jp") + b"\xad\xa1</p>")
    assert "灯台～①" in decoded.text and not decoded.replaced_bytes


def test_a_label_outside_the_standard_is_no_declaration() -> None:
    # "hex" is a Python codec (and no text encoding), "utf_8" is Python's spelling: browsers know
    # neither, so the next piece of evidence decides; nothing raises.
    page = GERMAN.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252")
    for header in ("text/html; charset=hex", "text/html; charset=rot13", "text/html; charset=utf_8"):
        decoded = decode_html(page, header)
        assert decoded.source == "meta" and "Größe" in decoded.text


# -- where the declaration is read ----------------------------------------------------------------------
def test_a_meta_charset_inside_a_comment_is_ignored() -> None:
    commented = GERMAN.replace("<head>", '<head><!-- <meta charset="koi8-r"> --><meta charset="utf-8">')
    decoded = decode_html(commented.encode("utf-8"))
    assert decoded.encoding == "utf-8" and "Größe" in decoded.text
    # The only meta is commented out (or quoted in an attribute): the page counts as undeclared.
    for hidden in ('<!--<meta charset="koi8-r">-->', "<link title='<meta charset=koi8-r>'>"):
        decoded = decode_html(GERMAN.replace("<head>", "<head>" + hidden).encode("cp1252"))
        assert decoded.source == "detected" and "Größe" in decoded.text and "Grüße" in decoded.text


def test_meta_http_equiv_needs_the_content_type_pragma() -> None:
    bare = GERMAN.replace("<head>", '<head><meta content="text/html; charset=koi8-r">')
    assert "Größe" in decode_html(bare.encode("utf-8")).text
    pragma = GERMAN.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    )
    decoded = decode_html("<p>Привет</p>".join(pragma.split("<p>Grüße</p>")).encode("koi8-r", "replace"))
    assert decoded.encoding == "koi8-r" and "Привет" in decoded.text


def test_a_meta_later_in_the_head_is_honoured() -> None:
    # Past the 1024 bytes of the prescan, the parser still changes the encoding for a <meta> in the head.
    links = '<link rel="preload" href="/assets/style.css" as="style">' * 30
    page = _listicle(links + '<meta charset="Shift_JIS">', "灯台 ① 髙橋", "約10㎞").encode("cp932")
    assert page.index(b"<meta") > 1024
    decoded = decode_html(page)
    assert decoded.encoding == "shift_jis" and "灯台 ① 髙橋" in decoded.text and not decoded.replaced_bytes


def test_bom_beats_header_beats_meta() -> None:
    meta_says_shift_jis = GERMAN.replace("<head>", '<head><meta charset="shift_jis">')
    decoded = decode_html(codecs.BOM_UTF8 + meta_says_shift_jis.encode("utf-8"), "text/html; charset=koi8-r")
    assert (decoded.source, decoded.encoding) == ("bom", "utf-8") and "Größe" in decoded.text
    decoded = decode_html(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), "text/html; charset=utf-8")
    assert decoded.source == "bom" and decoded.text == GERMAN
    # The header beats the meta, with the header's label read as browsers read it.
    decoded = decode_html(
        "們說".join(meta_says_shift_jis.split("Grüße")).encode("gbk", "replace"), "text/html; charset=x-gbk"
    )
    assert (decoded.source, decoded.encoding) == ("http-header", "gbk") and "們說" in decoded.text
    # A "utf-16" header means UTF-16LE; a "utf-16" meta (read as ASCII) means UTF-8.
    assert decode_html(GERMAN.encode("utf-16-le"), "text/html; charset=utf-16").text == GERMAN
    utf16_meta = GERMAN.replace("<head>", '<head><meta charset="utf-16">')
    assert decode_html(utf16_meta.encode("utf-8")).encoding == "utf-8"


def test_http_header_charset_wins_over_meta() -> None:
    page = GERMAN.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252")
    decoded = decode_html(page, "text/html; charset=windows-1252")
    assert "Größe" in decoded.text
    assert decoded.source == "http-header"


# -- detection --------------------------------------------------------------------------------------
def test_undeclared_utf8_is_not_read_as_a_legacy_code_page() -> None:
    decoded = decode_html(GERMAN.encode("utf-8"))
    assert decoded.text == GERMAN
    assert decoded.source == "utf-8-check"


def test_undeclared_legacy_pages_are_detected() -> None:
    text = "Grüße aus Köln: „Ärger“ über Öffnungszeiten, für 5 € pro Woche müssen Bürger länger warten."
    decoded = decode_html(GERMAN.replace("Grüße", text).encode("cp1252"))
    assert decoded.source == "detected" and "Größe" in decoded.text and text in decoded.text
    # Detected encodings are decoded as browsers decode them: the unassigned 0x81 is U+0081.
    decoded = decode_html(GERMAN.replace("Grüße", text).encode("cp1252") + b"\x81")
    assert text in decoded.text and decoded.text.endswith("\x81") and not decoded.replaced_bytes


@pytest.mark.parametrize("where", ["meta", "header"])
def test_invalid_utf8_declared_as_utf8_is_replaced_or_detected(where: str) -> None:
    header = "text/html; charset=utf-8" if where == "header" else None
    head = '<head><meta charset="utf-8">' if where == "meta" else "<head>"
    # A UTF-8 page with one stray byte: UTF-8 it stays, the byte replaced and reported.
    damaged = GERMAN.replace("<head>", head).encode("utf-8").replace(b"</p>", b" \xff</p>")
    record = parse_page(damaged, "https://example.com/x", content_type=header)
    assert record.encoding == "utf-8" and "Größe" in (record.title or "")
    assert "invalid utf-8 bytes were replaced with U+FFFD" in record.warnings
    # A windows-1252 page under a utf-8 <meta> (a tentative declaration) was declared wrongly:
    # detection decodes it. Under a utf-8 HTTP header (certain, as in browsers) it is replaced.
    legacy = GERMAN.replace("<head>", head).replace("Grüße", "Grüße aus Köln, schöne Füße").encode("cp1252")
    decoded = decode_html(legacy, header)
    if where == "meta":
        assert decoded.source == "detected" and "Füße" in decoded.text and not decoded.replaced_bytes
    else:
        assert decoded.encoding == "utf-8" and decoded.replaced_bytes


def test_invalid_utf8_under_a_utf8_header_is_replaced_and_reported() -> None:
    page = b"<html><head><title>3 Dinge</title></head><body><h2>1. Gr\xfc\xdfe</h2></body></html>"
    record = parse_page(page, "https://example.com/x", content_type="text/html; charset=utf-8")
    assert any("replaced" in warning for warning in record.warnings)
    assert "Ã" not in record.to_json()


def test_byte_order_mark_decides_first() -> None:
    decoded = decode_html(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert decoded.source == "bom"
    assert "Größe" in decoded.text


# -- the shared parse case ------------------------------------------------------------------------------
@pytest.mark.skipif(not CASE_02.exists(), reason=f"parse case missing: {CASE_02}")
def test_case_02_a_shift_jis_label_on_a_windows_31j_page() -> None:
    record = parse_page(CASE_02.read_bytes(), "https://harbour.example/5-photos/")
    assert len(record.items) == 5
    assert record.items[1].heading == "灯台 ① 髙橋灯台㈱"
    assert record.items[1].caption == "冬の嵐の後、二度再建された（約10㎞先から見える）。"
    assert [item.heading for item in record.items[::2]] == [
        "The North Pier",
        "The Fish Market",
        "The Old Customs House",
    ]
    assert "\ufffd" not in record.to_json()
    assert record.warnings == []
