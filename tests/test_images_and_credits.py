import pytest

from archiver.parse.credits import parse_credit, split_credit
from archiver.parse.images import image_from_attributes, largest_srcset_candidate

BASE = "https://site.example/dir/page.html"


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


def test_srcset_largest_candidate_is_kept_beside_the_named_url() -> None:
    image = image_from_attributes(
        {"src": "a-300.jpg", "srcset": "a-300.jpg 300w, a-2048.jpg 2048w, a-1024.jpg 1024w"}, BASE
    )
    assert image is not None
    assert image.url == "https://site.example/dir/a-300.jpg"
    assert image.largest_url == "https://site.example/dir/a-2048.jpg"


def test_srcset_only_gives_its_largest_candidate() -> None:
    image = image_from_attributes({"data-srcset": "x.jpg 1x, x@2x.jpg 2x"}, BASE)
    assert image is not None and image.url == "https://site.example/dir/x@2x.jpg"
    assert largest_srcset_candidate("data:image/gif;base64,AAA 1x") is None


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
