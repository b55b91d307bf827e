from __future__ import annotations

from pathlib import Path

import pytest

from archiver import parse_page
from archiver.models import Image, ListiclePage
from archiver.parse.credits import parse_credit, split_credit
from archiver.parse.dom import HtmlElement, parse_html_bytes
from archiver.parse.images import (
    MAX_URL_CHARS,
    TINY_IMAGE_SIDE,
    image_from_attributes,
    image_from_element,
    images_in,
    is_image_element,
    is_photo_figure,
    largest_srcset_candidate,
)

BASE = "https://site.example/dir/page.html"
CASES = Path(__file__).parent.parent.parent / "shared" / "cases"
HARBOUR = "https://harbour.example/5-photos/"
GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def test_lazy_attribute_beats_a_data_uri_placeholder() -> None:
    image = image_from_attributes(
        {"src": "data:image/gif;base64,R0lGOD", "data-lazy-src": "/a.jpg", "alt": "A"}, BASE
    )
    assert image is not None
    assert (image.url, image.source_attr, image.alt) == (
        "https://site.example/a.jpg",
        "data-lazy-src",
        "A",
    )


@pytest.mark.parametrize("attr", ["data-src", "data-original", "data-lazy-src"])
def test_each_lazy_loading_attribute_is_read(attr: str) -> None:
    image = image_from_attributes({"src": "/img/blank.gif", attr: "photo.jpg"}, BASE)
    assert image is not None and image.url == "https://site.example/dir/photo.jpg"


@pytest.mark.parametrize(
    ("attrs", "url", "attr"),
    [
        # Loaders whose attribute nobody listed: the value, one URL naming a photo file, says it.
        (
            {"data-img": "http://cdn.example/a/570784_v1.jpg"},
            "http://cdn.example/a/570784_v1.jpg",
            "data-img",
        ),
        (
            {"src": GIF, "data-lazy-original": "/media/heron.webp?w=800"},
            "https://site.example/media/heron.webp?w=800",
            "data-lazy-original",
        ),
        (
            {"src": "/img/blank.gif", "data-hires": "big/owl.JPEG"},
            "https://site.example/dir/big/owl.JPEG",
            "data-hires",
        ),
    ],
)
def test_an_unlisted_lazy_attribute_holding_a_photo_url_is_read(
    attrs: dict[str, str], url: str, attr: str
) -> None:
    image = image_from_attributes({"width": "610", "height": "386", **attrs}, BASE)
    assert image is not None and (image.url, image.source_attr) == (url, attr)


@pytest.mark.parametrize(
    ("attrs", "url"),
    [
        # A usable src or srcset wins over any unlisted attribute (a Pinterest or zoom copy).
        ({"src": "/a.jpg", "data-pin-media": "/pin/a-big.jpg"}, "https://site.example/a.jpg"),
        (
            {"src": GIF, "srcset": "/b-800.jpg 800w", "data-zoom": "/zoom/b.jpg"},
            "https://site.example/b-800.jpg",
        ),
        # Values that are not one photo URL: a link to a page, text, a list, a tracking pixel.
        ({"src": GIF, "data-link": "/story.html", "data-caption": "Owl at dusk.jpg"}, None),
        ({"src": GIF, "data-sizes": "a.jpg 1x, b.jpg 2x"}, None),
        ({"src": GIF, "data-beacon": "https://t.example/pixel.gif"}, None),
    ],
)
def test_unlisted_attributes_are_read_only_when_nothing_else_names_the_photo(
    attrs: dict[str, str], url: str | None
) -> None:
    image = image_from_attributes(attrs, BASE)
    assert (image.url if image is not None else None) == url


def test_srcset_largest_candidate_is_kept_beside_the_named_url() -> None:
    image = image_from_attributes(
        {"src": "a-300.jpg", "srcset": "a-300.jpg 300w, a-2048.jpg 2048w, a-1024.jpg 1024w"}, BASE
    )
    assert image is not None
    assert image.url == "https://site.example/dir/a-300.jpg"
    assert image.largest_url == "https://site.example/dir/a-2048.jpg"


def test_srcset_only_names_its_1x_candidate_and_keeps_the_densest_as_largest() -> None:
    # The 1x candidate is what src would be (the HTML spec's own equivalence).
    image = image_from_attributes({"data-srcset": "x.jpg 1x, x@2x.jpg 2x"}, BASE)
    assert image is not None
    assert (image.url, image.largest_url) == (
        "https://site.example/dir/x.jpg",
        "https://site.example/dir/x@2x.jpg",
    )
    assert largest_srcset_candidate("data:image/gif;base64,AAA 1x") is None


def test_srcset_with_widths_only_gives_its_widest_candidate() -> None:
    image = image_from_attributes({"src": GIF, "data-srcset": "w-400.jpg 400w, w-1600.jpg 1600w"}, BASE)
    assert image is not None
    assert (image.url, image.largest_url) == ("https://site.example/dir/w-1600.jpg", None)


def test_size_ladder_attributes_take_the_large_variant() -> None:
    image = image_from_attributes(
        {
            "data-src-mini": "//cdn.example/a-small.jpg",
            "data-src-large": "//cdn.example/a-super.jpg",
        },
        BASE,
    )
    assert image is not None and image.url == "https://cdn.example/a-super.jpg"


@pytest.mark.parametrize(
    "attrs",
    [
        {"src": "/pixel.gif", "width": "1", "height": "1"},
        {"src": "data:image/png;base64,xx"},
        {"src": "/img/content-divider.png"},
        {},
    ],
)
def test_pixels_placeholders_and_decoration_are_not_images(attrs: dict[str, str]) -> None:
    assert image_from_attributes(attrs, BASE) is None


# -- placeholders by what they are ------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        # tiny declared sizes: attributes, one side only, inline style
        {"src": "/photos/harbour.jpg", "width": "1", "height": "1"},
        {"src": "/photos/harbour.jpg", "width": "600", "height": "1"},
        {"src": "/photos/harbour.jpg", "width": str(TINY_IMAGE_SIDE)},
        {"src": "/photos/harbour.jpg", "style": "width:1px;height:1px;border:0"},
        # data: URIs of every kind, also as the only srcset candidate
        {"src": "data:image/svg+xml,%3Csvg%20viewBox%3D%220%200%20800%20533%22%2F%3E"},
        {"src": "data:image/png;base64,iVBORw0KGgo=", "srcset": "data:image/gif;base64,R0lG 1x"},
        # known blank and spacer files, as file stems or folders, whatever their extension
        {"src": "/img/blank.gif"},
        {"src": "/theme/spacer.gif"},
        {"src": "/i/pixel.gif"},
        {"src": "/static/1x1.png"},
        {"src": "/assets/transparent.png"},
        {"src": "/assets/placeholder.jpg"},
        {"src": "/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif"},
        {"src": "/img/lazy-placeholder-800x533.webp"},
        {"src": "/img/loading.gif"},
        {"src": "/img/no-image.png"},
        {"src": "/assets/placeholders/photo-frame.jpg"},
        # consent and tracking pixels: by query, by endpoint, by host label
        {"src": "https://www.facebook.com/tr?id=1636673763227734&ev=PageView&noscript=1"},
        {"src": "https://b.scorecardresearch.com/p?c1=2&c2=6035868&cv=2.0&cj=1"},
        {"src": "https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid=555&t=pageview"},
        {"src": "//pixel.quantserve.com/pixel/p-4dIM5nVs2rFio"},
        {"src": "https://px.ads.linkedin.com/collect/?pid=123&fmt=gif"},
        {"src": "http://c.msn.com/c.gif?udc=true&rid=fb5c8522&rnd=636111"},
        {"src": "https://sync.adserver.example/match?gdpr=1&gdpr_consent=${GDPR_CONSENT_755}"},
        {"src": "https://cmp.example/consent/sync?us_privacy=1YNN"},
        # an inlined payload or garbage, never a URL to keep
        {"src": "/x/" + "a" * MAX_URL_CHARS + ".jpg"},
        # AMP: a placeholder or fallback child stands in for its parent
        {"src": "/img/harbour-blur.jpg", "placeholder": ""},
        {"src": "/img/harbour.jpg", "fallback": ""},
    ],
)
def test_placeholders_are_recognised_by_what_they_are(attrs: dict[str, str]) -> None:
    assert image_from_attributes(attrs, BASE) is None


@pytest.mark.parametrize(
    "name",
    [
        "iconic-bridge.jpg",
        "iconic-fish-market.jpg",
        "logo-wall-mural.jpg",
        "grey-heron.jpg",
        "grey-seals.png",
        "pixel-art-castle.png",
        "transparent-jellyfish.png",
        "loading-dock.png",
        "clear-lake-at-dawn.png",
        "blank-canvas-workshop.gif",
        "lazy-river-float.gif",
        "nike-logo.jpg",
        "spacer-rocket-launch.png",
        "placeholders-exhibition-hall.jpg",
    ],
)
def test_words_inside_ordinary_file_names_do_not_drop_the_photo(name: str) -> None:
    image = image_from_attributes({"src": f"/uploads/2024/05/{name}"}, BASE)
    assert image is not None and image.url == f"https://site.example/uploads/2024/05/{name}"


@pytest.mark.parametrize(
    "src",
    [
        "https://photos.example/trackside/pit-lane.jpg",
        "https://cdn.example/1x1/square-crop-of-the-harbour.jpg",
        "https://cdn.example/pixel/pixel-8-camera-sample.jpg",
        "https://img.example/i/p/harbour.jpg?w=1200&h=800&q=80",
        "https://img.example/track.jpg?w=1200",
    ],
)
def test_photos_on_paths_and_hosts_that_look_like_pixels_are_kept(src: str) -> None:
    image = image_from_attributes({"src": src}, BASE)
    assert image is not None and image.url == src


@pytest.mark.parametrize(
    "attrs",
    [
        {"src": "/theme/img/site-logo.svg"},
        {"src": "/theme/img/facebook-icon-32x32.png"},
        {"src": "/theme/img/floral-divider.png"},
        {"src": "/images/core/emoji/14.0.0/72x72/1f600.png"},
        {"src": "/theme/share-icons/soc-tw.png"},
        {"src": "//upload.wikimedia.org/wikipedia/en/thumb/4/4a/Commons-logo.svg/20px-Commons-logo.svg.png"},
    ],
)
def test_decoration_named_only_by_decoration_words_is_not_an_item_photo(attrs: dict[str, str]) -> None:
    assert image_from_attributes(attrs, BASE) is None


def test_a_photo_sized_image_is_kept_whatever_its_decoration_name() -> None:
    image = image_from_attributes({"src": "/uploads/site-logo.png", "width": "1200", "height": "800"}, BASE)
    assert image is not None and image.url == "https://site.example/uploads/site-logo.png"


def test_a_huge_data_uri_is_never_kept() -> None:
    payload = "data:image/png;base64," + "A" * 5_000_000
    image = image_from_attributes(
        {"src": payload, "srcset": f"{payload} 1x, /real@2x.jpg 2x", "data-src": payload}, BASE
    )
    assert image is not None
    assert (image.url, image.largest_url, image.source_attr) == (
        "https://site.example/real@2x.jpg",
        None,
        "srcset",
    )


# -- element forms: <picture>, <amp-img>, role="img", <noscript> ------------------------------------


def _element(html: str, tag: str) -> HtmlElement:
    root = parse_html_bytes(f"<html><body>{html}</body></html>".encode())
    return next(node for node in root.iter() if node.tag == tag or node.get("role") == tag)


def _urls(image: Image | None) -> tuple[str | None, str | None]:
    assert image is not None
    return image.url, image.largest_url


def test_picture_without_img_src_takes_the_first_source_and_the_widest_candidate() -> None:
    picture = _element(
        '<picture><source srcset="/img/pier.avif" type="image/avif">'
        '<source srcset="/img/pier-640.webp 640w, /img/pier-1400.webp 1400w" type="image/webp">'
        '<img alt="North pier"></picture>',
        "picture",
    )
    image = image_from_element(picture, BASE)
    assert _urls(image) == ("https://site.example/img/pier.avif", "https://site.example/img/pier-1400.webp")
    assert image is not None and (image.alt, image.source_attr) == ("North pier", "source:srcset")


def test_picture_with_lazy_data_srcset_and_a_data_uri_img() -> None:
    picture = _element(
        '<picture><source type="image/webp" data-srcset="/img/light-800.webp 800w, '
        f'/img/light-1600.webp 1600w"><img class="lazyload" src="{GIF}" alt="Lighthouse"></picture>',
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == ("https://site.example/img/light-1600.webp", None)


def test_picture_source_with_densities_names_its_1x_candidate() -> None:
    picture = _element(
        '<picture><source srcset="/m/07.jpg 1x, /m/07@2x.jpg 2x"><img src="" alt="" width="800" height="533">'
        "</picture>",
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == (
        "https://site.example/m/07.jpg",
        "https://site.example/m/07@2x.jpg",
    )


def test_picture_img_src_stays_the_url_and_a_wider_source_is_the_largest() -> None:
    picture = _element(
        '<picture><source type="image/webp" srcset="/m/a-640.webp 640w, /m/a-1400.webp 1400w">'
        '<img src="/m/a-700.png" width="700" height="394" alt=""></picture>',
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == (
        "https://site.example/m/a-700.png",
        "https://site.example/m/a-1400.webp",
    )


def test_a_source_as_wide_as_the_img_is_not_a_larger_variant() -> None:
    picture = _element(
        '<picture><source type="image/webp" srcset="/m/1-970.jpg.webp 970w, /m/1-320.jpg.webp 320w">'
        '<img src="/m/1-970.jpg" width="970" height="546" alt=""></picture>',
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == ("https://site.example/m/1-970.jpg", None)


def test_picture_skips_types_and_media_a_browser_would_not_show() -> None:
    picture = _element(
        '<picture><source type="image/heic" srcset="/m/a.heic 4000w">'
        '<source media="print" srcset="/m/a-print.jpg 3000w">'
        '<source type="image/jpeg" srcset="/m/a-800.jpg 800w, /m/a-1600.jpg 1600w"><img alt=""></picture>',
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == ("https://site.example/m/a-1600.jpg", None)


def test_art_directed_picture_keeps_the_img_url_and_the_widest_screens_source_as_largest() -> None:
    picture = _element(
        '<picture><source srcset="/m/a_desktop.jpg" media="(min-width: 1280px)">'
        '<source srcset="/m/a_tablet.jpg" media="(min-width: 768px) and (max-width: 991px)">'
        f'<img src="{GIF}" srcset="/m/a_mobile.jpg" alt=""></picture>',
        "picture",
    )
    assert _urls(image_from_element(picture, BASE)) == (
        "https://site.example/m/a_mobile.jpg",
        "https://site.example/m/a_desktop.jpg",
    )


def test_picture_with_only_a_noscript_copy() -> None:
    picture = _element(
        f'<picture><img class="lazy" src="{GIF}"><noscript><img src="/m/real.jpg" alt="Real"></noscript>'
        "</picture>",
        "picture",
    )
    image = image_from_element(picture, BASE)
    assert _urls(image) == ("https://site.example/m/real.jpg", None)
    assert image is not None and image.in_noscript


def test_amp_img_placeholder_and_fallback_children_are_not_further_images() -> None:
    amp = _element(
        '<div><amp-img src="/m/harbour.webp" width="800" height="533" layout="responsive">'
        '<amp-img placeholder src="/m/harbour-blur.jpg" layout="fill"></amp-img>'
        '<amp-img fallback src="/m/harbour.jpg" layout="fill"></amp-img></amp-img></div>',
        "div",
    )
    assert [image.url for image in images_in(amp, BASE)] == ["https://site.example/m/harbour.webp"]
    outer = next(amp.iter("amp-img"))
    assert _urls(image_from_element(outer, BASE)) == ("https://site.example/m/harbour.webp", None)


def test_amp_img_with_srcset_and_a_broken_src_falls_back_to_its_child() -> None:
    amp = _element(
        '<amp-img src="" srcset="/m/a-480.jpg 480w, /m/a-800.jpg 800w" width="800" height="533"></amp-img>',
        "amp-img",
    )
    assert _urls(image_from_element(amp, BASE)) == ("https://site.example/m/a-800.jpg", None)
    lonely = _element(
        '<amp-img src="" layout="fill"><noscript><img src="/m/b.jpg"></noscript></amp-img>', "amp-img"
    )
    image = image_from_element(lonely, BASE)
    assert _urls(image) == ("https://site.example/m/b.jpg", None)
    assert image is not None and image.in_noscript


@pytest.mark.parametrize(
    "style",
    [
        "background-image: url('/m/harbour.jpg'); aspect-ratio: 3 / 2",
        'background-image:url("/m/harbour.jpg")',
        "background-image: url(&quot;/m/harbour.jpg&quot;)",
        "background: #222 url(/m/harbour.jpg) center / cover no-repeat",
        "background-image: linear-gradient(rgba(0,0,0,.4), rgba(0,0,0,0)), url(/m/harbour.jpg)",
    ],
)
def test_role_img_background_is_the_photo_and_its_aria_label_the_alt(style: str) -> None:
    quoted = f"'{style}'" if '"' in style else f'"{style}"'
    element = _element(
        f'<div class="item-photo" role="img" aria-label="The harbour" style={quoted}></div>', "img"
    )
    assert is_image_element(element)
    image = image_from_element(element, BASE)
    assert _urls(image) == ("https://site.example/m/harbour.jpg", None)
    assert image is not None and (image.alt, image.source_attr) == ("The harbour", "style")


def test_role_img_lazy_background_and_image_set() -> None:
    lazy = _element(
        f'<div role="img" aria-label="Dock" data-bg="/m/dock.jpg" style="background-image:url({GIF})"></div>',
        "img",
    )
    assert _urls(image_from_element(lazy, BASE)) == ("https://site.example/m/dock.jpg", None)
    dense = _element(
        '<div role="img" style="background-image: image-set(url(/m/d.jpg) 1x, url(/m/d@2x.jpg) 2x)"></div>',
        "img",
    )
    assert _urls(image_from_element(dense, BASE)) == (
        "https://site.example/m/d.jpg",
        "https://site.example/m/d@2x.jpg",
    )


def test_role_img_without_a_background_and_backgrounds_that_stand_for_no_figure_are_not_images() -> None:
    emoji = _element('<span role="img" aria-label="thumbs up">👍</span>', "img")
    assert image_from_element(emoji, BASE) is None
    # A backdrop with no photo word, caption or credit; a banner with a headline printed over it.
    parallax = _element(
        '<section class="parallax" style="background-image:url(/m/sea.jpg)"></section>', "section"
    )
    banner = _element(
        '<div class="hero" style="background-image:url(/m/hero.jpg)"><h1>Ten Old Harbours</h1></div>', "div"
    )
    for block in (parallax, banner):
        assert not is_image_element(block) and image_from_element(block, BASE) is None


@pytest.mark.parametrize(
    "html",
    [
        # lazysizes' unveilhooks: the URL in data-bg, a photo word in the class
        '<div class="lazyload card-photo" data-bg="/m/quay.jpg" style="height:380px"></div>',
        # a plain inline background on a thumbnail block
        '<a class="post-thumb" href="/m/quay-large.jpg" style="background-image: url(/m/quay.jpg)"></a>',
        # no photo word, but a credit box inside it, as a figure's
        '<div class="c-91x" style="background:url(\'/m/quay.jpg\') center/cover">'
        '<span class="photo-credit">Photo: Ines Moreau</span></div>',
        # no photo word, but a caption box right after it
        '<div class="lazyload" data-bg="/m/quay.jpg"></div><p class="wp-caption-text">The quay at dawn</p>',
        '<figure style="background-image:url(/m/quay.jpg)"></figure>',
    ],
)
def test_a_background_block_standing_where_a_figure_would_is_a_photo(html: str) -> None:
    root = _element(f"<div class=box>{html}</div>", "div")
    block = root[0]
    assert is_image_element(block)
    assert _urls(image_from_element(block, BASE)) == ("https://site.example/m/quay.jpg", None)
    assert [image.url for image in images_in(root, BASE)] == ["https://site.example/m/quay.jpg"]


def test_background_blocks_are_item_photos_and_take_the_credit_after_them() -> None:
    photos = [
        f'<div class="bg-image lazyload" data-bg="/m/{n}.jpg" style="height:420px"></div>'
        f'<span class="card__credit">Photo: Studio {n}</span>'
        for n in range(1, 6)
    ]
    record = parse_page(_harbour_page(photos), HARBOUR)
    assert _item_urls(record) == [[(f"https://harbour.example/m/{n}.jpg", None)] for n in range(1, 6)]
    credits = [item.images[0].credit for item in record.items]
    assert [credit.name if credit else None for credit in credits] == [f"Studio {n}" for n in range(1, 6)]


# -- images drawn on controls -------------------------------------------------------------------


@pytest.mark.parametrize(
    "control",
    [
        # a "Pin it" badge over the photo, linked to Pinterest's save endpoint
        '<a class="pinterest-overlay" href="https://www.pinterest.com/pin/create/button/'
        '?url=https%3A%2F%2Fsite.example%2Fp&media=https%3A%2F%2Fsite.example%2Fm%2Ffern.jpg">'
        '<img src="/plugins/pinbadge/save-badge.png" alt="Save"></a>',
        # a share link with no size declared
        '<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fsite.example%2Fp">'
        '<img src="/plugins/s/f-share.png"></a>',
        # an image on a <button>
        '<button type="button" class="zoom"><img src="/static/magnifier.png" alt="Zoom"></button>',
        # a link styled as a button
        '<a class="shop-btn" href="https://shop.example/p/77"><img src="/m/shopco-wordmark.png"></a>',
        # declared small, in a link with its own text: a retailer's logo on a buy button
        '<a href="https://shop.example/p/77" rel="sponsored"><img src="/m/shopco.png" width="90" height="30">'
        " Buy at ShopCo</a>",
        # declared small, beside the photo, in no link at all
        '<span class="award"><img src="/m/award-2024.png" width="48" height="48"></span>',
    ],
)
def test_images_drawn_on_controls_beside_a_photo_are_not_photos(control: str) -> None:
    box = _element(
        '<div class="photo-wrap"><img src="/m/fern.jpg" alt="Fern" width="700" height="1050">'
        f"{control}</div>",
        "div",
    )
    assert [image.url for image in images_in(box, BASE)] == ["https://site.example/m/fern.jpg"]


def test_photos_on_links_and_buttons_stay_photos() -> None:
    kept = [
        # the product photo linked to the shop, no size declared
        '<a href="https://shop.example/p/77" rel="sponsored"><img src="/m/kettle.jpg" alt="Kettle"></a>',
        # a "Pin it" link wrapped around the photo itself
        '<a href="https://www.pinterest.com/pin/create/button/?media=https%3A%2F%2Fsite.example%2Fm%2Fkettle.jpg">'
        '<img src="/m/kettle.jpg"></a>',
        # a lightbox button around a photo declared at a photo's size
        '<button class="lightbox"><img src="/m/kettle.jpg" width="800" height="600"></button>',
        # small, but alone: nothing larger beside it and no text in its link
        '<p><a href="/m/kettle-full.jpg"><img src="/m/kettle.jpg" width="60" height="60"></a></p>',
        # a wide strip is not small (352x47)
        '<p><img src="/m/kettle.jpg" width="352" height="47"></p>'
        '<p><img src="/m/big.jpg" width="800" height="600"></p>',
    ]
    for html in kept:
        root = _element(f"<div class=box>{html}</div>", "div")
        assert images_in(root, BASE)[0].url == "https://site.example/m/kettle.jpg", html


def test_buy_button_logos_are_not_item_photos() -> None:
    photos = [
        f'<div class="product"><img src="/m/{n}.jpg" width="600" height="600"></div>'
        f'<p class="price">$19.99 <a class="aff-link" href="https://shop.example/p/{n}" rel="sponsored">'
        f'<img src="/m/retailer-{n % 2}.png" width="80" height="24" alt="Shop"> Buy now</a></p>'
        for n in range(1, 6)
    ]
    record = parse_page(_harbour_page(photos), HARBOUR)
    assert _item_urls(record) == [[(f"https://harbour.example/m/{n}.jpg", None)] for n in range(1, 6)]


# -- previews standing in for a <noscript> copy ------------------------------------------------------


def test_a_blurred_preview_with_a_noscript_copy_yields_the_copy_once() -> None:
    figure = _element(
        '<figure><img class="preview" src="/m/lake-20px.jpg" width="20">'
        '<noscript><img src="/m/lake.jpg" width="1600" height="1067"></noscript>'
        "<figcaption>The lake</figcaption></figure>",
        "figure",
    )
    preview = next(figure.iter("img"))
    assert image_from_element(preview, BASE) is None
    images = images_in(figure, BASE)
    assert [(image.url, image.in_noscript) for image in images] == [("https://site.example/m/lake.jpg", True)]


def test_a_plain_src_beside_a_different_noscript_copy_is_the_stand_in() -> None:
    # No size declared: the lazy loader swaps src for what the noscript copy shows.
    root = _element(
        '<div><a href="/m/lake.jpg"><img src="/m/lake-q10.jpg"></a>'
        '<noscript><img src="/m/lake.jpg"></noscript></div>',
        "div",
    )
    assert [image.url for image in images_in(root, BASE)] == ["https://site.example/m/lake.jpg"]


def test_a_lazy_loaders_own_url_beside_its_noscript_copy_is_kept_with_its_largest() -> None:
    root = _element(
        f'<div><img src="{GIF}" data-src="/m/lake.jpg" width="800" height="533"'
        ' data-srcset="/m/lake-800.jpg 800w, /m/lake-2000.jpg 2000w">'
        '<noscript><img src="/m/lake-800.jpg" width="800" height="533"></noscript></div>',
        "div",
    )
    images = images_in(root, BASE)
    assert (images[0].url, images[0].largest_url, images[0].in_noscript) == (
        "https://site.example/m/lake.jpg",
        "https://site.example/m/lake-2000.jpg",
        False,
    )


def test_medium_previews_give_one_photo_per_item() -> None:
    photos = [
        f'<figure><div class="aspect-ratio-fill"></div><img class="progressiveMedia-thumbnail" '
        f'src="https://cdn.example/resize:fit:30/{n}.jpeg" width="30">'
        f'<noscript><img src="https://cdn.example/resize:fit:1400/{n}.jpeg" width="1400" height="933">'
        "</noscript>"
        f"<figcaption>Photo by Ana {n}</figcaption></figure>"
        for n in range(1, 6)
    ]
    record = parse_page(_harbour_page(photos), HARBOUR)
    assert _item_urls(record) == [
        [(f"https://cdn.example/resize:fit:1400/{n}.jpeg", None)] for n in range(1, 6)
    ]
    assert all(item.images[0].credit is not None for item in record.items)


def test_images_in_reads_each_element_once_in_order_and_marks_noscript_copies() -> None:
    root = _element(
        '<div><picture><source srcset="/m/a.webp 1x, /m/a@2x.webp 2x"><img alt="a"></picture>'
        f'<img class="lazy" src="{GIF}"><noscript><img src="/m/b.jpg"></noscript>'
        '<div role="img" aria-label="c" style="background-image:url(/m/c.jpg)"></div></div>',
        "div",
    )
    images = images_in(root, BASE)
    assert [(image.url.rsplit("/", 1)[1], image.in_noscript) for image in images] == [
        ("a.webp", False),
        ("b.jpg", True),
        ("c.jpg", False),
    ]


@pytest.mark.parametrize(
    "names", ["element-image fig--has-share", "wp-block-image social-photo", "shared-gallery"]
)
def test_a_figure_holding_a_photo_is_content_whatever_its_class(names: str) -> None:
    figure = _element(f'<figure class="{names}"><img src="/m/pier.jpg" alt="Pier"></figure>', "figure")
    assert is_photo_figure(figure, BASE)


def test_share_bars_and_icon_figures_are_not_photo_figures() -> None:
    bar = _element('<div class="share"><a href="#"><img src="/i/facebook-icon.png"></a></div>', "div")
    assert not is_photo_figure(bar, BASE)
    icons = _element('<figure class="share"><img src="/theme/share-icons/fb.svg"></figure>', "figure")
    assert not is_photo_figure(icons, BASE)


# -- through parse_page ----------------------------------------------------------------------------


def _harbour_page(photos: list[str]) -> bytes:
    heads = ["The North Pier", "The Lighthouse", "The Fish Market", "The Dry Dock", "The Old Customs House"]
    body = "".join(
        f"<h2>{n}. {head}</h2>\n{photo}\n<p>What the {head.lower()} looked like before it closed.</p>\n"
        for n, (head, photo) in enumerate(zip(heads, photos, strict=True), start=1)
    )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>5 Photos of Old Harbours</title>"
        f"</head><body><article><h1>5 Photos of Old Harbours</h1><div class=entry-content>{body}</div>"
        "</article></body></html>"
    ).encode()


def _item_urls(record: ListiclePage) -> list[list[tuple[str, str | None]]]:
    return [[(image.url, image.largest_url) for image in item.images] for item in record.items]


def test_tracking_pixels_and_amp_placeholders_beside_item_photos_are_dropped() -> None:
    photos = [
        f'<img src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"><img src="/m/{n}.jpg">'
        if n % 2
        else f'<amp-img src="/m/{n}.jpg" width="800" height="533" layout="responsive">'
        f'<amp-img placeholder src="/m/{n}-blur.jpg" layout="fill"></amp-img></amp-img>'
        for n in range(1, 6)
    ]
    record = parse_page(_harbour_page(photos), HARBOUR)
    assert _item_urls(record) == [[(f"https://harbour.example/m/{n}.jpg", None)] for n in range(1, 6)]


def _case(name: str) -> bytes:
    page = CASES / name / "page.html"
    if not page.is_file():
        pytest.fail(f"the parse cases are missing: expected {page}")
    return page.read_bytes()


def test_case_14_photos_named_with_furniture_words_keep_their_photos() -> None:
    record = parse_page(_case("14-image-name-heuristics"), HARBOUR)
    assert _item_urls(record)[2:] == [
        [("https://harbour.example/uploads/iconic-fish-market.jpg", None)],
        [("https://harbour.example/uploads/grey-seals.png", None)],
        [("https://harbour.example/uploads/logo-wall-mural.jpg", None)],
    ]


def test_case_14_every_item_keeps_exactly_its_one_photo() -> None:
    record = parse_page(_case("14-image-name-heuristics"), HARBOUR)
    assert _item_urls(record) == [
        [("https://harbour.example/img/north-pier.jpg", None)],
        [("https://harbour.example/img/lighthouse.jpg", None)],
        [("https://harbour.example/uploads/iconic-fish-market.jpg", None)],
        [("https://harbour.example/uploads/grey-seals.png", None)],
        [("https://harbour.example/uploads/logo-wall-mural.jpg", None)],
    ]


def test_case_04_photos_given_only_by_picture_sources() -> None:
    record = parse_page(_case("04-picture-source"), HARBOUR)
    assert _item_urls(record) == [
        [("https://harbour.example/img/north-pier.avif", "https://harbour.example/img/north-pier-1400.webp")],
        [("https://harbour.example/img/lighthouse-1600.webp", None)],
        [("https://harbour.example/img/fish-market.jpg", None)],
        [("https://harbour.example/img/dry-dock.jpg", None)],
        [("https://harbour.example/img/customs.jpg", None)],
    ]
    assert all(not image.url.startswith("data:") for item in record.items for image in item.images)


def test_role_img_backgrounds_are_item_photos() -> None:
    photos = [
        f'<div role="img" aria-label="Photo {n}" style="background-image: url(/m/{n}.jpg)"></div>'
        for n in range(1, 6)
    ]
    record = parse_page(_harbour_page(photos), HARBOUR)
    assert _item_urls(record) == [[(f"https://harbour.example/m/{n}.jpg", None)] for n in range(1, 6)]
    assert record.items[0].images[0].alt == "Photo 1"


# -- credits ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Image Source: Michal Huniewicz", "Michal Huniewicz"),
        ("Source: Reuters", "Reuters"),
        ("Photo: Anna Keller", "Anna Keller"),
        ("Photo by Luca Ferri", "Luca Ferri"),
        ("Credit: NASA/JPL", "NASA/JPL"),
        ("Courtesy of the artist", "the artist"),
        ("via Giphy", "Giphy"),
        ("© Wiebke Jann", "Wiebke Jann"),
        ("(Source: Flickr/Giphy)", "Flickr/Giphy"),
        ("Foto: dpa", "dpa"),
    ],
)
def test_credit_lines_in_their_common_forms(text: str, name: str) -> None:
    credit = parse_credit(text)
    assert credit is not None
    assert (credit.text, credit.name) == (text, name)


def test_prose_that_mentions_a_source_is_not_a_credit() -> None:
    assert parse_credit("Sources close to the council said the vote was close.") is None


def test_a_credit_at_the_end_of_a_caption_is_split_off() -> None:
    caption, credit = split_credit("The path runs under the north face. Photo by Luca Ferri")
    assert caption == "The path runs under the north face."
    assert credit is not None and credit.name == "Luca Ferri"
