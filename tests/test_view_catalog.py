"""The item view's catalog and search, at the component level: slugs unique and file-safe,
search by whole words, credit and site, and JSON embedded in a page that cannot end its
script element."""

from __future__ import annotations

import json
import re

from archiver.models import Article, Credit, Item, PageCapture
from archiver.view.catalog import article_view
from archiver.view.markup import json_for_script
from archiver.view.search import Query, filtered


def _article(url: str, title: str, headings: list[str], credit: str | None = None) -> Article:
    page = PageCapture(
        url=url, status=200, fetched_at="2026-11-30T10:00:00Z", warc_filename="a.warc.gz", warc_offset=0,
        warc_record_id="<urn:uuid:1>",
    )  # fmt: skip
    items = [
        Item(
            position=n,
            number=n,
            heading=heading,
            credit=Credit(text=f"Photo: {credit}", name=credit) if credit else None,
            page_url=url,
        )
        for n, heading in enumerate(headings, start=1)
    ]
    return Article(url=url, title=title, complete=True, pages=[page], items=items)


def test_slugs_are_file_safe_and_unique_for_the_same_path_on_two_sites_and_the_same_url_twice() -> None:
    taken: set[str] = set()
    slugs = []
    for url in [
        "https://a.example/Top 10/?x=<y>",
        "https://b.example/Top 10/?x=<y>",
        "https://a.example/Top 10/?x=<y>",
    ]:
        slug = article_view(_article(url, "t", []), taken).slug
        taken.add(slug)
        slugs.append(slug)
    assert len(set(slugs)) == 3
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)
    assert slugs[0].startswith("top-10-")


def test_search_matches_whole_words_any_case_and_credits_and_sites_as_said() -> None:
    views = [
        article_view(
            _article("https://a.example/1/", "10 Bridges", ["The Golden Gate", "Tower Bridge"], "Ann Lee")
        ),
        article_view(_article("https://b.example/2/", "7 Towers", ["Eiffel", "Tokyo Skytree"], "Bob Stone")),
    ]

    def titles(**query: str) -> list[str]:
        return [view.title for view in filtered(views, Query(**query))]

    assert titles(words="tower") == ["10 Bridges"]  # "Towers" is another word
    assert titles(words="TOWERS") == ["7 Towers"]
    assert titles(words="golden bridge") == ["10 Bridges"]  # every word, anywhere in the article
    assert titles(words="golden eiffel") == []
    assert titles(credit="stone") == ["7 Towers"]
    assert titles(credit="photo: ann") == ["10 Bridges"]
    assert titles(site="B.example") == ["7 Towers"]
    assert titles(site="b.example", words="bridges") == []
    assert titles() == ["10 Bridges", "7 Towers"]


def test_json_for_a_script_element_cannot_close_it_and_reads_back_the_same() -> None:
    data = {"credits": "</script><script>alert(1)</script> & <!-- \u2028"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data
