"""Realistic pages in several CMS styles, each checked field by field against an explicit file.

An expected file lists, for its page in ``fixtures/pages``: the URL it is parsed under and the
fields of ``fixture_summary.summarise``. Mismatches show as a readable dict diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiver import parse_page
from tests.conftest import EXPECTED, FIXTURE_PAGES
from tests.fixture_summary import summarise

CASES = sorted(path.stem for path in EXPECTED.glob("*.json"))


def test_every_fixture_page_has_expectations() -> None:
    assert sorted(path.stem for path in FIXTURE_PAGES.glob("*.html")) == CASES


@pytest.mark.parametrize("name", CASES)
def test_fixture_page_gives_the_expected_record(name: str) -> None:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    record = parse_page((FIXTURE_PAGES / f"{name}.html").read_bytes(), expected["url"])
    assert {"url": record.url, **summarise(record)} == expected


def _parse_demo(path: Path, url: str) -> dict[str, object]:
    return summarise(parse_page(path.read_bytes(), url))


def test_photo_listicle_spread_over_three_pages_yields_items_1_to_25(demo_site: Path) -> None:
    base = "http://demo.example/25-pictures-north-korea/"
    pages = [("index.html", base), ("2/index.html", base + "2/"), ("3/index.html", base + "3/")]
    numbers: list[object] = []
    next_urls = []
    for relative, url in pages:
        summary = _parse_demo(demo_site / "25-pictures-north-korea" / relative, url)
        assert summary["declared_count"] == 25
        items = summary["items"]
        assert isinstance(items, list)
        numbers.extend(item["number"] for item in items)
        next_urls.append(summary["next_page_url"])
        for item in items:
            # Number in the caption paragraph, heading from the image title, credit line split off.
            assert item["heading"] and not str(item["heading"])[0].isdigit()
            assert str(item["credit"]).startswith("Image Source: ")
            assert "Image Source" not in str(item["caption_start"])
            assert len(item["images"]) == 1
        sections = {section for section, _ in summary["recommendations"]}  # type: ignore[attr-defined]
        assert "Our Best Content For You" in sections
    assert numbers == list(range(1, 26))
    assert next_urls == [base + "2/", base + "3/", None]


def test_photo_listicle_first_item_in_full(demo_site: Path) -> None:
    record = parse_page(
        (demo_site / "25-pictures-north-korea" / "index.html").read_bytes(),
        "http://demo.example/25-pictures-north-korea/",
    )
    first = record.items[0]
    assert first.number == 1
    assert first.heading == "Soldiers at the border"
    assert first.caption is not None and first.caption.startswith("Photographers are forbidden")
    assert first.credit is not None
    assert first.credit.name == "Eric Lafforgue"
    assert first.credit.url == "https://photos.example.org/eric-lafforgue"
    # <base href="/"> resolves the relative srcset; the 1200w candidate is kept as largest_url.
    assert first.images[0].url == "http://demo.example/images/nk/01-400.jpg"
    assert first.images[0].largest_url == "http://demo.example/images/nk/01-1200.jpg"
    # Item 3's <img> is lazy: a 1x1 data: gif in src, the real URL in data-src and <noscript>.
    third = record.items[2]
    assert [image.url for image in third.images] == ["http://demo.example/images/nk/03.jpg"]
    assert third.images[0].source_attr == "data-src"
    # "Most Read" in the sidebar is numbered too, but never becomes items.
    assert len(record.items) == 9
    assert record.author == "Dana Whitfield"
    assert record.site_name == "Viral Frame"


def test_slideshow_pages_give_one_item_each_with_its_image_and_credit(demo_site: Path) -> None:
    base = "http://demo.example/slideshow-7-bridges/"
    seen = []
    for number in range(1, 8):
        suffix = "" if number == 1 else f"{number}/"
        record = parse_page(
            (demo_site / "slideshow-7-bridges" / suffix / "index.html").read_bytes(), base + suffix
        )
        [item] = record.items
        seen.append((item.number, record.next_page_url))
        assert item.images[0].url == f"http://demo.example/img/bridges/{number}.jpg"
        assert item.images[0].largest_url == f"http://demo.example/img/bridges/{number}@2x.jpg"
        assert item.credit is not None and item.credit.name == "City Walks archive"
        assert item.heading is not None and " of 7" not in item.heading
        assert any("split over several pages" in warning for warning in record.warnings)
    assert seen == [(n, base + f"{n + 1}/" if n < 7 else None) for n in range(1, 8)]
