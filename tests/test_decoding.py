from archiver.parse.decoding import decode_html
from archiver.parse.page import parse_page

GERMAN = "<html><head><title>Fünf Tipps für Größe</title></head><body><p>Grüße</p></body></html>"


def test_undeclared_utf8_is_not_read_as_a_legacy_code_page() -> None:
    decoded = decode_html(GERMAN.encode("utf-8"))
    assert decoded.text == GERMAN
    assert decoded.source == "utf-8-check"


def test_http_header_charset_wins_over_meta() -> None:
    page = GERMAN.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252")
    decoded = decode_html(page, "text/html; charset=windows-1252")
    assert "Größe" in decoded.text
    assert decoded.source == "http-header"


def test_meta_charset_is_used_and_latin1_means_windows_1252() -> None:
    page = GERMAN.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    )
    decoded = decode_html((page + "<p>“quotes”</p>").encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert "“quotes”" in decoded.text


def test_byte_order_mark_decides_first() -> None:
    decoded = decode_html(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert decoded.source == "bom"
    assert "Größe" in decoded.text


def test_undeclared_legacy_bytes_are_detected_without_mojibake() -> None:
    decoded = decode_html(GERMAN.encode("cp1252"))
    assert "Größe" in decoded.text


def test_invalid_utf8_under_a_utf8_header_is_replaced_and_reported() -> None:
    page = b"<html><head><title>3 Dinge</title></head><body><h2>1. Gr\xfc\xdfe</h2></body></html>"
    record = parse_page(page, "https://example.com/x", content_type="text/html; charset=utf-8")
    assert any("replaced" in warning for warning in record.warnings)
    assert "Ã" not in record.to_json()
