"""Hostile and broken input: a record or one documented error, never a hang or a traceback."""

from __future__ import annotations

import pytest

from archiver import ParseError, parse_page

URL = "https://example.com/page/"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty document"),
        (b"   \n\t ", "empty document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4, "JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 50, "gzip"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_non_html_input_raises_parse_error_with_a_clear_reason(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_page(data, URL)


def test_relative_page_url_is_refused() -> None:
    with pytest.raises(ParseError, match="absolute"):
        parse_page(b"<html></html>", "page.html")


def test_oversized_document_is_refused_before_parsing() -> None:
    big = b"<html><body>" + b"<p>filler text</p>" * (50 * 1024 * 1024 // 18) + b"</body></html>"
    with pytest.raises(ParseError, match="too large"):
        parse_page(big, URL)
    # The limit is a parameter: a caller that wants the page can raise it.
    small = b"<html><body><h2>1. One</h2><p>a</p><h2>2. Two</h2><p>b</p><h2>3. Three</h2></body></html>"
    with pytest.raises(ParseError, match="too large"):
        parse_page(small, URL, max_bytes=20)


def test_truncated_html_still_gives_the_items_that_arrived() -> None:
    page = (
        b"<html><head><title>5 Ways to Test</title></head><body><article>"
        b"<h2>1. First</h2><p>one</p><h2>2. Second</h2><p>two</p><h2>3. Third</h2><p>thr"
    )
    record = parse_page(page, URL)
    assert [item.number for item in record.items] == [1, 2, 3]
    assert record.items[-1].caption == "thr"
    assert "declared 5 items but found 3" in record.warnings


def test_deeply_nested_markup_is_bounded_and_parsed() -> None:
    page = (
        b"<html><body>" + b"<div>" * 100_000 + b"<h2>1. Deep</h2>" + b"</div>" * 100_000 + b"</body></html>"
    )
    record = parse_page(page, URL)
    assert record.is_listicle is False
    # Past the parser's depth limit the rest is lost, and the record says so.
    assert any("HTML parser stopped" in warning and "lost" in warning for warning in record.warnings)


def _four_items(between: str) -> bytes:
    items = [
        f"<h2>{n}. Place {n}</h2><p><img src='/img/{n}.jpg' alt=''></p><p>About place {n}, worth a visit.</p>"
        for n in range(1, 5)
    ]
    body = "".join(items[:2]) + between + "".join(items[2:])
    return f"<html><head><title>4 places</title></head><body><article>{body}</article></body></html>".encode()


@pytest.mark.parametrize("depth", [300, 1000, 2000])
def test_a_deeply_nested_widget_between_items_loses_nothing(depth: int) -> None:
    # Page builders and ad widgets nest hundreds of levels; libxml2 stops at 256 by default.
    widget = (
        "<table><tr><td>" + "<span><div class='w'>" * (depth // 2) + "ad" + "</div></span>" * (depth // 2)
    )
    record = parse_page(_four_items(widget + "</td></tr></table>"), URL)
    assert [item.heading for item in record.items] == [f"Place {n}" for n in range(1, 5)]
    assert record.items[2].images[0].url == "https://example.com/img/3.jpg"
    assert not any("parser stopped" in warning for warning in record.warnings)


def test_a_text_node_over_ten_megabytes_loses_nothing() -> None:
    # Framework state shipped as one inline script, and a huge <pre> of data: libxml2 refuses
    # text nodes over 10 MB unless told otherwise.
    state = '{"k": "' + "x" * 10_600_000 + '"}'
    data_uri = "<img src='data:image/png;base64," + "A" * 10_600_000 + "'>"
    for between in (
        f"<script type='application/json'>{state}</script>",
        f"<div hidden>{state}</div>",
        data_uri,
    ):
        record = parse_page(_four_items(between), URL)
        assert [item.number for item in record.items] == [1, 2, 3, 4]
        assert not any("parser stopped" in warning for warning in record.warnings)


def test_five_thousand_items_are_extracted_without_blowing_up() -> None:
    body = "".join(f"<h2>{n}. Item number {n}</h2><p>Text of item {n}.</p>" for n in range(1, 5001))
    page = f"<html><head><title>5000 Things</title></head><body><article>{body}</article></body></html>"
    record = parse_page(page.encode(), URL)
    assert record.declared_count == 5000
    assert len(record.items) == 5000
    assert record.items[-1].heading == "Item number 5000"
    assert record.items[-1].caption == "Text of item 5000."


def test_html_without_any_structure_gives_a_valid_non_listicle() -> None:
    record = parse_page(b"just some words, no tags at all", URL)
    assert record.is_listicle is False
    assert record.items == []


def test_text_input_is_accepted_as_already_decoded() -> None:
    record = parse_page("<title>3 Dinge über Größe</title><h2>1. Ä</h2><h2>2. Ö</h2><h2>3. Ü</h2>", URL)
    assert [item.heading for item in record.items] == ["Ä", "Ö", "Ü"]
    assert "\\u" not in record.to_json()
