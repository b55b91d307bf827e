"""archiver.job.changes: item-level diffs of generated articles (insertions, deletions, swaps,
edits, duplicate headings), and archiver.job.state's merge of a run into the current state."""

from __future__ import annotations

import random
from typing import Any

from archiver.job.changes import diff_articles, is_unchanged, match_items
from archiver.job.state import merge_run


def _item(position: int, heading: str, caption: str, photo: str, number: int | None = None) -> dict[str, Any]:
    return {
        "position": position,
        "number": position if number is None else number,
        "heading": heading,
        "caption": caption,
        "images": [{"url": photo, "caption": None, "credit": None, "source_attr": "src"}],
        "embeds": [],
        "credit": None,
        "page_url": "https://site.example/a/",
    }


def _renumbered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**item, "position": n, "number": n} for n, item in enumerate(items, 1)]


def _article(items: list[dict[str, Any]], title: str = "25 Things") -> dict[str, Any]:
    return {"url": "https://site.example/a/", "title": title, "declared_count": len(items), "items": items}


def _generated(count: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    words = ["bridge", "tower", "lake", "market", "temple", "garden", "museum", "harbour", "valley"]
    return [
        _item(
            n,
            f"The {rng.choice(words)} of {rng.choice(words)} {n}",
            " ".join(rng.choice(words) for _ in range(20)) + ".",
            f"https://site.example/img/{seed}-{n}.jpg",
        )
        for n in range(1, count + 1)
    ]


def test_same_article_is_unchanged() -> None:
    items = _generated(25)
    assert is_unchanged(diff_articles(_article(items), _article([dict(item) for item in items])))


def test_an_item_inserted_at_the_top_is_one_added_and_the_others_moved() -> None:
    old = _generated(25)
    inserted = _item(
        1, "A brand new first place", "Nothing like the others at all.", "https://site.example/new.jpg"
    )
    new = _renumbered([inserted, *old])
    diff = diff_articles(_article(old), _article(new))
    items = diff["items"]
    assert items["added"] == [{"number": 1, "position": 1, "heading": "A brand new first place"}]
    assert items["removed"] == []
    assert items["changed"] == []
    assert [(move["old"], move["new"]) for move in items["moved"]] == [(n, n + 1) for n in range(1, 26)]
    assert diff["article"] == {"declared_count": {"old": 25, "new": 26}}


def test_deletions_and_a_swap() -> None:
    old = _generated(12, seed=2)
    kept = [item for item in old if item["position"] not in (3, 9)]
    kept[0], kept[1] = kept[1], kept[0]  # items 1 and 2 swap places
    diff = diff_articles(_article(old), _article(_renumbered(kept)))
    items = diff["items"]
    assert [entry["number"] for entry in items["removed"]] == [3, 9]
    assert items["added"] == [] and items["changed"] == []
    moves = {(move["old"], move["new"]) for move in items["moved"]}
    assert {(1, 2), (2, 1)} <= moves
    assert (4, 3) in moves and (12, 10) in moves


def test_a_caption_edit_is_one_changed_field_with_old_and_new() -> None:
    old = _generated(25, seed=3)
    new = [dict(item) for item in old]
    new[3] = {**new[3], "caption": old[3]["caption"].replace(".", " and an added clause.")}
    diff = diff_articles(_article(old), _article(new))
    assert diff["items"]["added"] == diff["items"]["removed"] == diff["items"]["moved"] == []
    assert diff["items"]["changed"] == [
        {
            "number": 4,
            "heading": old[3]["heading"],
            "fields": {"caption": {"old": old[3]["caption"], "new": new[3]["caption"]}},
        }
    ]


def test_photo_swap_and_renamed_heading_stay_the_same_item() -> None:
    old = _generated(6, seed=4)
    new = [dict(item) for item in old]
    new[1] = {**new[1], "images": [{**new[1]["images"][0], "url": "https://site.example/other.jpg"}]}
    new[4] = {**new[4], "heading": "A wholly different heading"}
    changed = {
        entry["number"]: entry["fields"]
        for entry in diff_articles(_article(old), _article(new))["items"]["changed"]
    }
    assert set(changed) == {2, 5}
    assert changed[2]["photos"] == {
        "old": [old[1]["images"][0]["url"]],
        "new": ["https://site.example/other.jpg"],
    }
    assert changed[5] == {"heading": {"old": old[4]["heading"], "new": "A wholly different heading"}}


def test_a_replaced_item_is_removed_and_added_not_changed() -> None:
    old = _generated(5, seed=5)
    new = [dict(item) for item in old]
    new[2] = _item(3, "Something else entirely", "Unrelated words here.", "https://site.example/x.jpg")
    items = diff_articles(_article(old), _article(new))["items"]
    assert [entry["number"] for entry in items["added"]] == [3]
    assert [entry["number"] for entry in items["removed"]] == [3]
    assert items["changed"] == [] and items["moved"] == []


def test_duplicate_headings_are_told_apart_by_photo_and_caption() -> None:
    old = [
        _item(n, "Paris", f"Caption number {n} about a different corner of Paris.", f"https://s/p{n}.jpg")
        for n in range(1, 5)
    ]
    # The second "Paris" is removed, the fourth edited: each matched to its own.
    edited = {**old[3], "caption": "Caption number 4 about a different corner of Paris, edited."}
    new = _renumbered([old[0], old[2], edited])
    items = diff_articles(_article(old), _article(new))["items"]
    assert [entry["number"] for entry in items["removed"]] == [2]
    assert items["added"] == []
    assert [(entry["number"], list(entry["fields"])) for entry in items["changed"]] == [(3, ["caption"])]
    assert match_items(old, new) == [(0, 0), (2, 1), (3, 2)]


def test_identical_duplicates_pair_in_order() -> None:
    same = _item(1, "Paris", "Same.", "https://s/p.jpg")
    old = _renumbered([same, same, _item(3, "Rome", "Rome.", "https://s/r.jpg")])
    new = _renumbered([_item(1, "Oslo", "Oslo.", "https://s/o.jpg"), same, same])
    items = diff_articles(_article(old), _article(new))["items"]
    assert [entry["heading"] for entry in items["added"]] == ["Oslo"]
    assert [entry["heading"] for entry in items["removed"]] == ["Rome"]
    assert [(move["old"], move["new"]) for move in items["moved"]] == [(1, 2), (2, 3)]


def test_merge_new_changed_unchanged_gone_and_not_fetched() -> None:
    def art(url: str, caption: str = "c") -> dict[str, Any]:
        return {**_article([_item(1, "h", caption, "https://s/1.jpg")]), "url": url}

    state = {
        url: {**art(url), "run": "R1", "sitemap_listed": True}
        for url in (
            "https://s/same",
            "https://s/edit",
            "https://s/404",
            "https://s/unlisted",
            "https://s/failed",
        )
    }
    run = [art("https://s/same"), art("https://s/edit", "c2"), art("https://s/new")]
    errors = [{"url": "https://s/404", "error": "HTTP 404"}, {"url": "https://s/failed", "error": "HTTP 500"}]
    listed = {"https://s/same", "https://s/edit", "https://s/new", "https://s/404", "https://s/failed"}
    lines, merge = merge_run(state, run, "R2", errors=errors, listed=listed)
    assert merge.counts == {"new": 1, "changed": 1, "unchanged": 2, "gone": 2, "not_fetched": 1}
    assert [line["url"] for line in lines] == [
        "https://s/edit",
        "https://s/failed",
        "https://s/new",
        "https://s/same",
    ]
    assert {line["url"]: line["run"] for line in lines}["https://s/failed"] == "R1"
    gone = {change["url"]: change["reason"] for change in merge.changes if change["change"] == "gone"}
    assert gone == {
        "https://s/404": "HTTP 404",
        "https://s/unlisted": "no longer listed by the job's sitemaps and feeds",
    }
    changed = [change for change in merge.changes if change["change"] == "changed"]
    assert changed[0]["items"]["changed"][0]["fields"] == {"caption": {"old": "c", "new": "c2"}}
    assert changed[0]["previous_run"] == "R1"
