"""Item fields: which photos, captions, credits and embeds belong to each item (issue 9's kinds,
on small inputs of our own)."""

from __future__ import annotations

from archiver.models import Item
from archiver.parse import parse_page


def _items(body: str, title: str = "4 things") -> list[Item]:
    page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    return parse_page(page.encode(), "https://site.example/a/").items


def test_each_photo_keeps_its_own_credit_and_a_credit_printed_first_goes_to_the_next_photo() -> None:
    body = "".join(
        f"<h2>{n}. Place {n}</h2><p>Credit: First {n}</p><img src='/a{n}.jpg' alt=''>"
        f"<p>Text about place {n}, worth a visit.</p><img src='/b{n}.jpg' alt=''><p>Photo: Second {n}</p>"
        for n in range(1, 5)
    )
    items = _items(body)
    assert [image.credit.text if image.credit else None for image in items[0].images] == [
        "Credit: First 1",
        "Photo: Second 1",
    ]
    assert items[0].credit is not None and items[0].credit.text == "Credit: First 1"


def test_figcaption_only_items_title_lines_and_embed_captions() -> None:
    gallery = "".join(
        f"<h2>{n}. Stop {n}</h2><figure><img src='/g{n}.jpg' alt=''><figcaption>Stop {n}<br>"
        f"A shelter built in 198{n} on the coast road. <span class='credit'>Jane Roe</span>"
        "</figcaption></figure>"
        for n in range(1, 5)
    )
    items = _items(gallery)
    assert items[0].caption == "A shelter built in 1981 on the coast road."  # "Stop 1" is the heading again
    assert items[0].credit is not None and items[0].credit.text == "Jane Roe"
    videos = "".join(
        f"<h3>{n}. Moment {n}</h3><figure><iframe src='https://video.example/{n}'></iframe>"
        f"<figcaption>Day {n}, part {n}: the statement</figcaption></figure><p>What was said on day {n}.</p>"
        for n in range(1, 5)
    )
    items = _items(videos)
    assert items[0].caption == "What was said on day 1." and len(items[0].embeds) == 1
    posts = "".join(
        f"<h3>{n}. Costume {n}</h3><figure><iframe src='https://posts.example/{n}'></iframe>"
        f"<figcaption>A costume made from cardboard, number {n}.</figcaption></figure>"
        for n in range(1, 5)
    )
    assert _items(posts)[0].caption == "A costume made from cardboard, number 1."


TEXT = "A paragraph about this place, long enough to read as prose."


def test_photos_before_their_headings_and_a_lead_image_that_stays_out() -> None:
    before = (
        "<p><img src='/hero.jpg' alt=''></p><p>Intro text of the article, before the list.</p>"
        + "".join(
            f"<figure><img src='/p{n}.jpg' alt=''><figcaption>Photo: Agency {n}</figcaption></figure>"
            f"<h2>{n}. Place {n}</h2><p>{TEXT}</p>"
            for n in range(1, 5)
        )
    )
    items = _items(before)
    assert [[image.url for image in item.images] for item in items] == [
        [f"https://site.example/p{n}.jpg"] for n in range(1, 5)
    ]
    assert [item.credit.text if item.credit else None for item in items] == [
        f"Photo: Agency {n}" for n in range(1, 5)
    ]
    after = "<p><img src='/hero.jpg' alt=''></p><p>Intro text of the article, before the list.</p>" + "".join(
        f"<h2>{n}. Place {n}</h2><p><img src='/p{n}.jpg' alt=''></p><p>{TEXT}</p>" for n in range(1, 5)
    )
    assert [[image.url for image in item.images] for item in _items(after)] == [
        [f"https://site.example/p{n}.jpg"] for n in range(1, 5)
    ]


def test_one_photo_printed_before_its_heading_among_photos_printed_after() -> None:
    blocks = []
    for n in range(1, 6):
        photo = f"<p><img src='/p{n}.jpg' alt=''></p>"
        blocks.append(
            f"<h2>{n}. Place {n}</h2><p>{TEXT}</p>"
            if n == 3
            else f"<h2>{n}. Place {n}</h2>{photo}<p>{TEXT}</p>"
        )
        if n == 2:
            blocks.append("<p><img src='/p3.jpg' alt=''></p>")  # item 3's photo, before its heading
    assert [[image.url for image in item.images] for item in _items("".join(blocks), "5 places")] == [
        [f"https://site.example/p{n}.jpg"] for n in range(1, 6)
    ]


def test_embed_permalinks_and_credit_lines_of_their_own() -> None:
    tweets = "".join(
        f"<h3>{n}. Reply {n}</h3><p>Text before the post number {n}, long enough.</p>"
        f"<blockquote class='twitter-tweet'><p>Words <a href='https://t.co/pic{n}'>pic.twitter.com/x</a></p>"
        f"&mdash; Someone <a href='https://twitter.com/someone/status/10{n}'>May 1</a></blockquote>"
        for n in range(1, 5)
    )
    first = _items(tweets)[0]
    assert (
        first.embeds[0].kind == "twitter" and first.embeds[0].url == "https://twitter.com/someone/status/101"
    )
    assert first.caption == "Text before the post number 1, long enough."
    posts = "".join(
        f"<h3>{n}. Post {n}</h3><p>Text of item {n}, long enough to be prose.</p>"
        f"<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com/p/C{n}/'>"
        f"<a href='https://www.instagram.com/p/C{n}/'>View this post</a></blockquote>"
        for n in range(1, 5)
    )
    assert _items(posts)[0].embeds[0].kind == "instagram"
    credits = "".join(
        f"<h2>{n}. Temple {n}</h2><figure><img src='/t{n}.jpg' alt=''><figcaption><strong>Temple {n} at dusk"
        f"</strong><br>Credit: Agency {n}</figcaption></figure><p>Text of item {n}, long enough.</p>"
        f"<p><img src='/u{n}.jpg' alt=''><span class='credit'>Jo Bloggs</span></p>"
        for n in range(1, 5)
    )
    first = _items(credits)[0]
    assert [image.credit.text if image.credit else None for image in first.images] == [
        "Credit: Agency 1",
        "Jo Bloggs",
    ]
    assert (
        _items(
            "".join(
                f"<h2>{n}. 寺{n}</h2><p><img src='/j{n}.jpg' alt=''></p><p>写真：Kyoto Photo</p>"
                f"<p>寺の説明{n}。</p>"
                for n in range(1, 5)
            )
        )[0].credit
        is not None
    )


def test_rich_list_items_keep_their_photo_credit_and_text_and_a_number_beside_its_heading() -> None:
    items = "".join(
        f"<li><p><strong>Tip {'ABCD'[n - 1]}.</strong> {TEXT}</p><figure><img src='/s{n}.jpg' alt=''>"
        f"<figcaption>Credit: Studio {n}</figcaption></figure></li>"
        for n in range(1, 5)
    )
    found = _items(f"<ol>{items}</ol>")
    assert [[image.url for image in item.images] for item in found] == [
        [f"https://site.example/s{n}.jpg"] for n in range(1, 5)
    ]
    assert found[0].credit is not None and found[0].credit.text == "Credit: Studio 1"
    assert found[0].caption == TEXT
    beside = "".join(
        f"<div class='item-head'><span class='num'>{n}</span><h3>Place {n}</h3></div>"
        f"<figure><img src='/b{n}.jpg' alt=''><figcaption>Image Source: Agency</figcaption></figure>"
        f"<p>{TEXT}</p>"
        for n in range(1, 5)
    )
    found = _items(beside)
    assert [item.heading for item in found] == [f"Place {n}" for n in range(1, 5)]
    assert found[0].images[0].url == "https://site.example/b1.jpg" and found[0].caption == TEXT


def test_the_article_outro_is_not_the_last_items_caption() -> None:
    gallery = "".join(
        f"<h2>{n}. View {n}</h2><figure><img src='/v{n}.jpg' alt=''><figcaption>The valley from above, {n}."
        f"</figcaption></figure>"
        for n in range(1, 6)
    )
    outro = "<p>That is all for this week. Tell us which view you liked best in the comments below.</p>"
    last = _items(gallery + outro, "5 views")[-1]
    assert last.caption == "The valley from above, 5."
    # Items of free length keep their last paragraphs.
    essays = "".join(f"<h2>{n}. Idea {n}</h2>" + f"<p>{TEXT}</p>" * (n % 3 + 1) for n in range(1, 6))
    assert _items(essays + "<p>A closing paragraph.</p>", "5 ideas")[-1].caption is not None
    assert "closing" in (_items(essays + "<p>A closing paragraph.</p>", "5 ideas")[-1].caption or "")


def test_credit_forms_without_a_box_of_their_own() -> None:
    forms = {
        "A harbour at dawn. (Photo: Jo Roe)": ("A harbour at dawn.", "(Photo: Jo Roe)"),
        "A harbour at dawn — Photo by Jo Roe": ("A harbour at dawn", "Photo by Jo Roe"),
        "A harbour at dawn. Photo © Jo Roe": ("A harbour at dawn.", "Photo © Jo Roe"),
        "A harbour at dawn. (Jo Roe/AFP via Getty Images)": (
            "A harbour at dawn.",
            "(Jo Roe/AFP via Getty Images)",
        ),
    }
    for text, (caption, credit) in forms.items():
        body = "".join(
            f"<h2>{n}. Port {n}</h2><p><img src='/h{n}.jpg' alt=''></p><p>{text}</p>" for n in range(1, 5)
        )
        item = _items(body)[0]
        assert (item.caption, item.credit.text if item.credit else None) == (caption, credit), text
    agency = "".join(
        f"<h2>{n}. Port {n}</h2><figure><img src='/a{n}.jpg' alt=''><figcaption>Sean Pavone/Shutterstock"
        f"</figcaption></figure><p>{TEXT}</p>"
        for n in range(1, 5)
    )
    item = _items(agency)[0]
    assert item.credit is not None and item.credit.text == "Sean Pavone/Shutterstock" and item.caption == TEXT


def test_the_lead_images_credit_after_the_last_item_is_not_the_last_items() -> None:
    body = "".join(
        f"<h2>{n}. Tip {n}</h2><p><img src='/t{n}.jpg' alt=''></p><p>{TEXT}</p>" for n in range(1, 5)
    )
    last = _items(body + "<p>Featured Image: Rawpixel via Shutterstock</p>")[-1]
    assert last.credit is None and last.images[0].credit is None


def test_widget_lines_inside_items_are_not_their_text() -> None:
    widgets = [
        "<p><strong>Related:</strong> <a href='/x'>Another story about ports</a></p>",
        "<p>À lire aussi : <a href='/y'>Les ports de Bretagne</a></p>",
        "<div class='ad-label'>Anzeige</div>",
        "<div class='wp-block-buttons'><a class='wp-block-button' href='/buy'>Buy now for $12</a></div>",
        "<p><a rel='sponsored nofollow' href='https://shop.example/p'>Get it from Shop for $11.99</a></p>",
        "<amp-ad width='300' height='250' type='x'><div placeholder>Loading ad…</div></amp-ad>",
    ]
    for widget in widgets:
        body = "".join(
            f"<h2>{n}. Port {n}</h2><p><img src='/w{n}.jpg' alt=''></p><p>{TEXT}</p>{widget}"
            for n in range(1, 5)
        )
        page = f"<html><head><title>4 ports</title></head><body><article>{body}</article></body></html>"
        item = parse_page(page.encode(), "https://site.example/a/").items[0]
        assert item.caption == TEXT, widget


def test_amp_and_lite_video_embeds() -> None:
    body = "".join(
        f"<h2>{n}. Clip {n}</h2><p>{TEXT}</p><amp-youtube data-videoid='vid{n}'></amp-youtube>"
        for n in range(1, 3)
    ) + "".join(
        f"<h2>{n}. Clip {n}</h2><p>{TEXT}</p><lite-youtube videoid='lite{n}'></lite-youtube>" for n in (3, 4)
    )
    found = _items(body)
    assert [item.embeds[0].url for item in found] == [
        "https://www.youtube.com/watch?v=vid1",
        "https://www.youtube.com/watch?v=vid2",
        "https://www.youtube.com/watch?v=lite3",
        "https://www.youtube.com/watch?v=lite4",
    ]


def test_a_background_photo_keeps_the_credit_printed_inside_it() -> None:
    body = "".join(
        f"<h2>{n}. Beach {n}</h2><div class='photo' style=\"background-image:url('/bg{n}.jpg')\">"
        f"<span class='credit'>Photo: Lee {n}</span></div><p>{TEXT}</p>"
        for n in range(1, 5)
    )
    item = _items(body)[0]
    assert [image.url for image in item.images] == ["https://site.example/bg1.jpg"]
    assert item.images[0].credit is not None and item.images[0].credit.text == "Photo: Lee 1"
