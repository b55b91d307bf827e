"""Item detection on small pages of one shape each: generators propose, the scorer decides.

Each case is a kind of page seen on two or more sites; the template zoo (tests/zoo) covers the
same kinds with variations, served and crawled.
"""

from __future__ import annotations

from archiver.models import ListiclePage
from archiver.parse import parse_page

URL = "https://site.example/story/"
PROSE = "This paragraph says something about the item above it, with enough words to be prose."


def _page(title: str, body: str, aside: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<header><nav><a href='/'>Home</a></nav></header><main><article><h1>{title}</h1>{body}</article>"
        f"{aside}</main><footer><p>© Site</p></footer></body></html>"
    ).encode()


def _parse(title: str, body: str, aside: str = "") -> ListiclePage:
    return parse_page(_page(title, body, aside), URL)


def test_a_real_ordered_list_beats_three_numbered_cards_beside_it() -> None:
    cards = "".join(f"<div class='card'><h4>{n}. Card {n}</h4><p>Short.</p></div>" for n in (1, 2, 3))
    items = "".join(f"<li><strong>Way {n}</strong> {PROSE}</li>" for n in range(1, 6))
    record = _parse("5 ways to save water at home", f"<div class='cards'>{cards}</div><ol>{items}</ol>")
    assert [item.heading for item in record.items] == [f"Way {n}" for n in range(1, 6)]
    assert record.detection is not None and record.detection.method == "ordered-list"
    assert record.detection.candidates_considered >= 2


def test_a_sidebar_widget_count_does_not_make_a_news_story_a_listicle() -> None:
    widget = (
        "<div class='box'><h2 class='title'>Top 5 Stories</h2><ol>"
        + "".join(f"<li><a href='/s{n}'>Story {n} headline here</a></li>" for n in range(1, 6))
        + "</ol></div>"
    )
    body = "".join(f"<p>{PROSE}</p>" for _ in range(6))
    record = _parse("Council approves the new tram line", body, widget)
    assert record.declared_count is None
    assert record.items == [] and record.is_listicle is False


def test_numbered_steps_of_a_how_to_are_not_items() -> None:
    steps = "".join(
        f"<p>{n}. Mix the glue with water and stir it for a minute or two.</p>" for n in range(1, 8)
    )
    record = _parse("Try this: paper lanterns for autumn", f"<p>You will need glue.</p>{steps}")
    assert record.items == []
    labelled = "".join(f"<h3>Step {n}: Do thing {n}</h3><p>{PROSE}</p>" for n in range(1, 6))
    assert _parse("Paper lanterns for autumn", labelled).items == []


def test_numbers_restarting_per_section_add_up_to_the_title() -> None:
    body = "".join(
        f"<h2>Section {s}</h2>" + "".join(f"<h3>#{n} Pick {s}.{n}</h3><p>{PROSE}</p>" for n in range(1, 5))
        for s in (1, 2, 3)
    )
    record = _parse("12 picks for the weekend", body)
    assert len(record.items) == 12
    assert [item.number for item in record.items[:5]] == [1, 2, 3, 4, 1]
    assert not any("declared" in warning for warning in record.warnings)


def test_label_words_circled_full_width_and_roman_numbers() -> None:
    forms = {
        "Tip {n}: Heading {n}": "7 tips for runners",
        "Übung {n}: Heading {n}": "Sieben Übungen für den Rücken",
        "{c} Heading {n}": "7 projects worth knowing",
        "{w}．Heading {n}": "7 projects worth knowing",
        "{r}. Heading {n}": "7 ideas",
    }
    circled = "①②③④⑤⑥⑦"
    wide = "１２３４５６７"
    romans = ["I", "II", "III", "IV", "V", "VI", "VII"]
    for pattern, title in forms.items():
        body = "".join(
            "<h3>"
            + pattern.format(n=n, c=circled[n - 1], w=wide[n - 1], r=romans[n - 1])
            + f"</h3><p>{PROSE}</p>"
            for n in range(1, 8)
        )
        record = _parse(title, body)
        assert [item.number for item in record.items] == list(range(1, 8)), pattern
        assert record.items[6].heading == "Heading 7", pattern


def test_a_countdown_and_a_bare_number_before_an_embed() -> None:
    countdown = "".join(f"<h2>{n}) Film {n}</h2><p>{PROSE}</p>" for n in range(10, 0, -1))
    record = _parse("The best films of the year, ranked", countdown)
    assert [item.number for item in record.items] == list(range(10, 0, -1))
    embeds = "".join(
        f"<p>{n}.</p><blockquote class='twitter-tweet'><p>Tweet {n}</p>"
        f"<a href='https://twitter.com/u/status/{n}'>link</a></blockquote>"
        for n in range(1, 6)
    )
    record = _parse("5 favourite responses to the advert", embeds)
    assert len(record.items) == 5
    assert all(len(item.embeds) == 1 for item in record.items)


def test_items_run_together_in_one_paragraph_split_at_line_start_bold() -> None:
    runs = "<br><br>".join(f"<b>Person {n} (Sport):</b> {PROSE}" for n in range(1, 8))
    record = _parse("Die 7 Gesichter der Spiele", f"<p>Intro text here.</p><p>{runs}</p>")
    assert [item.heading for item in record.items] == [f"Person {n} (Sport)" for n in range(1, 8)]
    assert record.items[0].caption is not None and record.items[0].caption.startswith("This paragraph")


def test_the_record_says_when_the_title_promises_items_and_none_are_found() -> None:
    record = _parse("7 things nobody tells you", "".join(f"<p>{PROSE}</p>" for _ in range(4)))
    assert record.items == []
    assert record.detection is None
    assert "title promises 7 items; no list found" in record.warnings


def test_a_self_closed_html_element_does_not_lose_the_document() -> None:
    page = _page("3 things", "".join(f"<h2>{n}. Thing</h2><p>{PROSE}</p>" for n in (1, 2, 3)))
    page = page.replace(b"<html>", b'<html xmlns="http://www.w3.org/1999/xhtml" />')
    assert len(parse_page(page, URL).items) == 3


def test_repeated_labels_are_not_headings_and_invisible_edges_are_dropped() -> None:
    body = "".join(
        f"<h2>\u200bSpa number {n}</h2><p>{PROSE}</p><h3>Key facts:</h3><p>{PROSE}</p>" for n in range(1, 5)
    )
    record = _parse("4 spas for a rainy weekend", body)
    assert [item.heading for item in record.items] == [f"Spa number {n}" for n in range(1, 5)]


def test_of_two_equal_numbered_lists_the_one_inside_the_article_wins() -> None:
    # A side column (no furniture class) before the article holds its own five numbered headings.
    column = "<div class='col-b'>" + "".join(f"<h3>{n}. Other {n}</h3><p>Brief.</p>" for n in range(1, 6))
    article = "".join(f"<h3>{n}. Place {n}</h3><p>{PROSE} {PROSE}</p>" for n in range(1, 6))
    page = (
        "<!DOCTYPE html><html><head><title>5 places to see</title></head><body>"
        f"{column}</div><main><article><h1>5 places to see</h1><p>{PROSE}</p>{article}</article></main>"
        "</body></html>"
    ).encode()
    record = parse_page(page, URL)
    assert [item.heading for item in record.items] == [f"Place {n}" for n in range(1, 6)]


def test_one_ol_start_per_item_wrapping_the_heading() -> None:
    body = "".join(
        f"<ol start='{n}'><li><h2>Gift {n}</h2></li></ol><p><img src='/g{n}.jpg' alt=''></p><p>{PROSE}</p>"
        for n in range(1, 6)
    )
    record = _parse("Five gifts under $50", body)
    assert [(item.number, item.heading) for item in record.items] == [(n, f"Gift {n}") for n in range(1, 6)]


def test_capitalised_first_sentences_are_headings_but_a_wire_dateline_is_not() -> None:
    body = "<p>WASHINGTON (AP) — Seven questions before the debate, in short.</p>" + "".join(
        f"<p>THE QUESTION NUMBER {n}. {PROSE}</p>" for n in range(1, 8)
    )
    record = _parse("7 key questions before the debate", body)
    assert [item.heading for item in record.items] == [f"THE QUESTION NUMBER {n}" for n in range(1, 8)]
    assert record.items[0].caption is not None and record.items[0].caption.startswith("This paragraph")


def test_numbers_beside_headings_and_japanese_ranking_forms() -> None:
    forms = {
        "<div class='row'><span class='n'>{n}</span><h3>Place {n}</h3></div>": "6 places",
        "<h3><span>{n}</span>京都の場所{n}</h3>": "京都の場所6選",
        "<h3>【第{n}位】京都の場所{n}</h3>": "京都ランキングTOP6",
        "<h3>{n}．京都の場所{n}</h3>": "京都の場所6選",
    }
    for pattern, title in forms.items():
        body = "".join(pattern.format(n=n) + f"<p>{PROSE}</p>" for n in range(1, 7))
        record = _parse(title, body)
        assert [item.number for item in record.items] == list(range(1, 7)), pattern
        assert record.items[5].heading in {"Place 6", "京都の場所6"}, pattern


def _json_page(title: str, script: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{script}</head><body><main><h1>{title}</h1>"
        "<div id='app'>Loading…</div></main></body></html>"
    ).encode()


def test_slides_only_in_a_json_array_or_an_item_list_are_found_when_the_title_counts_them() -> None:
    import json

    slides = [
        {"headline": f"Dish {n}", "caption": PROSE, "image": {"url": f"/s/{n}.jpg", "credit": "Photo: X"}}
        for n in range(1, 7)
    ]
    trending = [{"title": f"Trending story {n}", "image": f"/t/{n}.jpg"} for n in range(1, 11)]
    state = {"gallery": {"slides": slides}, "trending": trending, "padding": "x" * 2000}
    script = f"<script>window.__STATE__ = {json.dumps(state)};</script>"
    record = parse_page(_json_page("6 dishes to try", script), URL)
    assert [item.heading for item in record.items] == [f"Dish {n}" for n in range(1, 7)]
    assert record.items[0].images[0].url == "https://site.example/s/1.jpg"
    assert any("data in a script" in warning for warning in record.warnings)
    # Without a count in the title, an array is not taken for the article's list.
    assert parse_page(_json_page("Dishes of the week", script), URL).items == []

    item_list = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": {"name": f"Place {n}", "description": PROSE}}
            for n in range(1, 5)
        ],
    }
    ld = f"<script type='application/ld+json'>{json.dumps(item_list)}</script>"
    record = parse_page(_json_page("4 places to see", ld), URL)
    assert [item.heading for item in record.items] == [f"Place {n}" for n in range(1, 5)]


def test_page_builder_blocks_named_widget_are_content_and_a_widget_area_is_not() -> None:
    def block(kind: str, inner: str) -> str:
        wrapper = f"<div class='pb-widget-container'>{inner}</div>"
        return f"<div class='pb-element pb-widget pb-widget-{kind}'>{wrapper}</div>"

    body = "".join(
        block("heading", f"<h2>{n}. Beach {n}</h2>") + block("text", f"<p>{PROSE}</p>") for n in range(1, 6)
    )
    sidebar = "<div class='widget-area'>" + "".join(
        f"<h3>{n}. Popular {n}</h3><p>Short.</p>" for n in range(1, 6)
    )
    record = _parse("5 beaches for the summer", body, sidebar + "</div>")
    assert [item.heading for item in record.items] == [f"Beach {n}" for n in range(1, 6)]


def test_numbered_questions_programme_parts_and_three_key_points_are_not_listicles() -> None:
    faq = "".join(f"<h3>{n}. How do I change setting {n}?</h3><p>{PROSE}</p>" for n in range(1, 7))
    assert _parse("Help centre: account settings", faq).items == []
    course = "".join(f"<h3>Module {n}: Topic {n}</h3><p>{PROSE}</p>" for n in range(1, 7))
    assert _parse("Introduction to photography", course).items == []
    points = "".join(f"<h3>{n}. Point {n}</h3><p>{PROSE}</p>" for n in range(1, 4))
    assert _parse("Council passes the budget", points).items == []
    # The same shapes are lists when the title counts them.
    assert len(_parse("6 questions about your account, answered", faq).items) == 6
    assert len(_parse("6 modules that changed how I shoot", course).items) == 6


def test_a_listing_of_teasers_gives_the_page_no_count() -> None:
    teasers = "".join(
        f"<article><h2 class='post-title'><a href='/p{n}'>{n + 20} Pictures of place {n}</a></h2>"
        f"<p>{PROSE}</p></article>"
        for n in range(1, 6)
    )
    page = f"<html><head><title>Tag: travel</title></head><body><main>{teasers}</main></body></html>"
    record = parse_page(page.encode(), URL)
    assert record.declared_count is None and record.items == []


def test_more_printed_number_forms() -> None:
    forms = ["{k}\ufe0f\u20e3 Tip {n}", "({n}) Tip {n}", "№{n}. Tip {n}", "{n}위. Tip {n}", "{n}º – Tip {n}"]
    for pattern in forms:
        body = "".join(f"<h2>{pattern.format(n=n, k=n)}</h2><p>{PROSE}</p>" for n in range(1, 7))
        record = _parse("6 tips", body)
        assert [(item.number, item.heading) for item in record.items] == [
            (n, f"Tip {n}") for n in range(1, 7)
        ], pattern


def test_a_run_of_numbers_across_heading_levels_and_slide_counters_without_a_title_count() -> None:
    levels = ["h2", "h2", "h2", "h3", "h2", "h2", "p", "h2"]
    body = "".join(
        f"<{tag}>{n}. Dog {n}</{tag}><p>{PROSE}</p>"
        if tag != "p"
        else f"<p><b>{n}. Dog {n}</b></p><p>{PROSE}</p>"
        for n, tag in enumerate(levels, start=1)
    )
    record = _parse("8 small dogs for flats", body)
    assert [item.heading for item in record.items] == [f"Dog {n}" for n in range(1, 9)]
    slides = "".join(
        f"<li class='slide'><img src='/c/{n}.jpg' alt=''><span class='n'>{n} / 6</span><p>{PROSE}</p></li>"
        for n in range(1, 7)
    )
    record = _parse("Autumn in the valley", f"<ul class='slides'>{slides}</ul>")
    assert [item.number for item in record.items] == list(range(1, 7))


def test_item_badges_without_headings_and_numbered_figcaptions() -> None:
    badges = "".join(
        f"<div class='badge'><span class='n'>#{n}</span></div><div class='d'>{PROSE}</div>"
        f"<div><img src='/b/{n}.jpg' alt=''></div>"
        for n in range(1, 7)
    )
    record = _parse("6 photos of grandparents being funny", badges)
    assert [item.number for item in record.items] == list(range(1, 7))
    assert all(len(item.images) == 1 for item in record.items)
    captions = "".join(
        f"<figure><img src='/f/{n}.jpg' alt=''><figcaption>{n}. Stop {n}. {PROSE}</figcaption></figure>"
        for n in range(1, 7)
    )
    record = _parse("6 bus stops of the east", captions)
    assert [item.number for item in record.items] == list(range(1, 7))
    assert record.items[0].images[0].url == "https://site.example/f/1.jpg"
    # A plain "3." alone in a block stays a rank index: the album's tracks give no items.
    tracks = "".join(
        f"<div class='t'><span class='i'>{n}.</span></div><div>Song {n}</div>" for n in range(1, 9)
    )
    assert _parse("Album: 21", tracks).items == []


def test_closing_headings_of_the_same_template_end_an_unnumbered_list() -> None:
    body = "".join(f"<h2>Spa {n}</h2><p>{PROSE}</p>" for n in range(1, 7))
    body += f"<h2>Weiterlesen:</h2><p>{PROSE}</p><h2>Read more</h2><p>{PROSE}</p>"
    record = _parse("6 spas for a winter weekend", body)
    assert [item.heading for item in record.items] == [f"Spa {n}" for n in range(1, 7)]


def test_a_widget_title_in_the_items_heading_style_is_not_an_unnumbered_item() -> None:
    # A player the script draws has a title like the items' headings; what the HTML holds under
    # it is furniture (the failure message, a button), so the heading introduces nothing.
    player = (
        "<h3>Recommended Videos</h3><div class='player'><div fallback><p>We apologize, but this video"
        " has failed to load.</p></div><button>Play Video</button></div>"
    )
    names = ["Harbour walk", "Old market", "Castle hill", "River beach"]
    items = "".join(f"<h3>{name}</h3><p>{PROSE}</p>" for name in names)
    record = _parse("4 places to see in Split", f"<p>{PROSE}</p>{player}{items}")
    assert [item.heading for item in record.items] == names
    assert all("apologize" not in (item.caption or "") for item in record.items)
    # A heading that introduces a photo alone is an item still.
    photo = "<h3>Sea gate</h3><p><img src='/sea-gate.jpg' width='800' height='533' alt=''></p>"
    record = _parse("5 places to see in Split", f"<p>{PROSE}</p>{player}{items}{photo}")
    assert [item.heading for item in record.items] == [*names, "Sea gate"]
