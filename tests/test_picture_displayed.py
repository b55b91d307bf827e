"""What a browser shows for a <picture> on the default screen (``Image.displayed_url``), and the
media queries and ``sizes`` read for that screen (archiver.parse.media_query)."""

from __future__ import annotations

import pytest

from archiver.articles import ArticleDraft
from archiver.models import Image, Item, ListiclePage, PageCapture
from archiver.parse.dom import parse_html_bytes
from archiver.parse.images import image_from_element
from archiver.parse.media_query import matches, sizes_width

BASE = "https://shop.example/lists/page.html"
GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def _picture(html: str) -> Image:
    root = parse_html_bytes(f"<html><body>{html}</body></html>".encode())
    picture = next(node for node in root.iter() if node.tag == "picture")
    image = image_from_element(picture, BASE)
    assert image is not None
    return image


def _abs(path: str) -> str:
    return f"https://shop.example{path}"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        ("image/webp", True),
        ("image/avif", True),
        ("image/png", True),
        ("image/gif", True),
        ("image/svg+xml", True),
        ("image/jpeg", True),
        ('image/webp; codecs="vp8"', True),
        ("IMAGE/WEBP", True),
        (None, True),
        ("image/jxl", True),  # Chromium shows JPEG XL again (156 does)
        ("image/heic", False),
        ("image/jp2", False),
        ("image/x-unknown", False),
    ],
)
def test_the_first_source_of_a_type_chromium_shows_is_displayed(kind: str | None, shown: bool) -> None:
    type_attr = f' type="{kind}"' if kind is not None else ""
    image = _picture(
        f'<picture><source{type_attr} srcset="/p/kettle.alt"><img src="/p/kettle.jpg" alt="Kettle"></picture>'
    )
    assert image.url == _abs("/p/kettle.jpg")  # the page's own URL never changes
    assert image.displayed_url == (_abs("/p/kettle.alt") if shown else None)


def test_an_unshown_type_is_skipped_for_the_next_source() -> None:
    image = _picture(
        '<picture><source type="image/heic" srcset="/p/owl.heic">'
        '<source type="image/avif" srcset="/p/owl.avif">'
        '<source type="image/webp" srcset="/p/owl.webp"><img src="/p/owl.jpg"></picture>'
    )
    assert (image.url, image.displayed_url) == (_abs("/p/owl.jpg"), _abs("/p/owl.avif"))


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("(max-width: 767px)", "/p/desk.jpg"),
        ("(min-width: 768px)", "/p/wide.webp"),
        ("(min-width: 1400px)", "/p/desk.jpg"),
        ("screen and (min-width: 60em)", "/p/wide.webp"),
        ("print", "/p/desk.jpg"),
        ("(orientation: portrait)", "/p/desk.jpg"),
        ("(max-width: 600px), (min-width: 1000px)", "/p/wide.webp"),
        ("(800px <= width < 1500px)", "/p/wide.webp"),
        ("(min-resolution: 2dppx)", "/p/desk.jpg"),
        ("(-webkit-min-device-pixel-ratio: 1.5)", "/p/desk.jpg"),
        ("not print", "/p/wide.webp"),
        ("(prefers-color-scheme: dark)", "/p/desk.jpg"),
        ("(some-future-feature: 3)", "/p/desk.jpg"),
    ],
)
def test_a_source_counts_only_when_its_media_matches_the_default_screen(media: str, expected: str) -> None:
    image = _picture(
        f'<picture><source media="{media}" type="image/webp" srcset="/p/wide.webp">'
        '<img src="/p/desk.jpg" alt="Desk"></picture>'
    )
    assert image.url == _abs("/p/desk.jpg")
    wanted = None if expected == "/p/desk.jpg" else _abs(expected)
    assert image.displayed_url == wanted


def test_density_descriptors_take_the_1x_candidate() -> None:
    image = _picture(
        '<picture><source type="image/webp" srcset="/p/lamp@2x.webp 2x, /p/lamp.webp 1x, /p/lamp@3x.webp 3x">'
        '<img src="/p/lamp.jpg" srcset="/p/lamp.jpg 1x, /p/lamp@2x.jpg 2x"></picture>'
    )
    assert (image.url, image.largest_url, image.displayed_url) == (
        _abs("/p/lamp.jpg"),
        _abs("/p/lamp@3x.webp"),
        _abs("/p/lamp.webp"),
    )


def test_only_higher_densities_take_the_lowest_of_them() -> None:
    image = _picture(
        '<picture><source srcset="/p/a-3x.webp 3x, /p/a-2x.webp 2x"><img src="/p/a.jpg"></picture>'
    )
    assert image.displayed_url == _abs("/p/a-2x.webp")


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        (None, "/p/bay-1600.webp"),  # 100vw = 1280 px: the smallest at least that wide
        ("640px", "/p/bay-800.webp"),
        ("(max-width: 900px) 100vw, 50vw", "/p/bay-800.webp"),
        ("33vw", "/p/bay-480.webp"),
        ("(min-width: 1200px) 400px, 100vw", "/p/bay-480.webp"),
    ],
)
def test_width_descriptors_take_the_smallest_at_least_the_slot(sizes: str | None, expected: str) -> None:
    sizes_attr = f' sizes="{sizes}"' if sizes else ""
    image = _picture(
        f'<picture><source type="image/webp"{sizes_attr} '
        'srcset="/p/bay-480.webp 480w, /p/bay-1600.webp 1600w, /p/bay-800.webp 800w">'
        '<img src="/p/bay.jpg"></picture>'
    )
    assert image.displayed_url == _abs(expected)


def test_widths_all_narrower_than_the_slot_take_the_widest() -> None:
    image = _picture(
        '<picture><source srcset="/p/s-300.webp 300w, /p/s-600.webp 600w"><img src="/p/s.jpg"></picture>'
    )
    assert image.displayed_url == _abs("/p/s-600.webp")


def test_lazy_data_srcset_on_a_source_is_what_the_loader_shows() -> None:
    image = _picture(
        f'<picture><source type="image/webp" srcset="{GIF}" data-srcset="/p/fox.webp 1x, /p/fox@2x.webp 2x">'
        f'<img src="{GIF}" data-src="/p/fox.jpg" alt="Fox"></picture>'
    )
    assert (image.url, image.displayed_url) == (_abs("/p/fox.jpg"), _abs("/p/fox.webp"))


def test_lazy_data_src_on_a_source() -> None:
    image = _picture(
        '<picture><source type="image/webp" data-src="/p/elk.webp"><img src="/p/elk.jpg"></picture>'
    )
    assert image.displayed_url == _abs("/p/elk.webp")


def test_no_matching_source_falls_back_to_the_img_which_is_url() -> None:
    image = _picture(
        '<picture><source media="(max-width: 500px)" srcset="/p/m.webp">'
        '<img src="/p/m.jpg" srcset="/p/m.jpg 1x, /p/m@2x.jpg 2x"></picture>'
    )
    assert (image.url, image.displayed_url) == (_abs("/p/m.jpg"), None)


def test_a_source_naming_the_img_file_adds_nothing() -> None:
    image = _picture('<picture><source srcset="/p/same.jpg"><img src="/p/same.jpg"></picture>')
    assert image.displayed_url is None


def test_a_plain_img_has_no_displayed_url() -> None:
    root = parse_html_bytes(
        b'<html><body><img src="/p/x.jpg" srcset="/p/x.jpg 1x, /p/x@2x.jpg 2x"></body></html>'
    )
    img = next(node for node in root.iter() if node.tag == "img")
    image = image_from_element(img, BASE)
    assert image is not None and image.displayed_url is None


def test_the_displayed_file_is_archived_beside_url_and_largest() -> None:
    image = _picture(
        '<picture><source type="image/webp" srcset="/p/k.webp 1x, /p/k@2x.webp 2x">'
        '<img src="/p/k.jpg" srcset="/p/k.jpg 1x, /p/k@2x.jpg 2x"></picture>'
    )
    draft = ArticleDraft()
    record = ListiclePage(url=BASE, is_listicle=True, items=[Item(position=1, page_url=BASE, images=[image])])
    page = PageCapture(
        url=BASE,
        status=200,
        fetched_at="2026-11-30T00:00:00Z",
        warc_filename="a.warc.gz",
        warc_offset=0,
        warc_record_id="<urn:uuid:0>",
    )
    draft.pages.append((record, page))
    assert draft.image_urls() == [_abs("/p/k.jpg"), image.largest_url, _abs("/p/k.webp")]


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("", True),
        ("all", True),
        ("only screen and (min-width: 1024px) and (max-width: 1440px)", True),
        ("screen and (max-width: 1279px)", False),
        ("(width: 1280px)", True),
        ("(min-width: 81em)", False),
        ("(min-aspect-ratio: 16/9)", True),
        ("(max-aspect-ratio: 4/3)", False),
        ("(hover: hover) and (pointer: fine)", True),
        ("(prefers-reduced-motion: reduce)", False),
        ("not all and (monochrome)", True),
        ("tv", False),
        ("garbage ((", False),
        ("(1024px < width)", True),
        ("(width > 1280px)", False),
    ],
)
def test_media_queries_for_the_default_screen(media: str, expected: bool) -> None:
    assert matches(media) is expected


def test_sizes_read_their_first_matching_entry() -> None:
    assert sizes_width("(max-width: 1000px) 90vw, (max-width: 1400px) 720px, 1000px") == 720.0
    assert sizes_width("auto") == 1280.0
    assert sizes_width("calc(100vw - 2rem)") == 1280.0
