"""archiver.job.changes: item-level diffs of generated articles (insertions, deletions, swaps,
edits, duplicate headings), and archiver.job.state's merge of a run into the current state."""

from __future__ import annotations

import random
from typing import Any

from archiver.job.changes import diff_articles, is_unchanged, match_items
from archiver.job.state import Unfetched, merge_run
from archiver.models import ChangeLine, GoneMarker


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
    assert merge.counts == {
        "new": 1,
        "changed": 1,
        "returned": 0,
        "unchanged": 2,
        "gone": 2,
        "still_gone": 0,
        "not_fetched": 1,
        "not_listicle": 0,
    }
    assert [line["url"] for line in lines] == [
        "https://s/404",
        "https://s/edit",
        "https://s/failed",
        "https://s/new",
        "https://s/same",
        "https://s/unlisted",
    ]
    assert {line["url"]: line.get("gone") for line in lines}["https://s/404"] == {
        "since_run": "R2",
        "reason": "HTTP 404",
    }
    assert {line["url"]: line["run"] for line in lines}["https://s/failed"] == "R1"
    gone = {change["url"]: change["reason"] for change in merge.changes if change["change"] == "gone"}
    assert gone == {
        "https://s/404": "HTTP 404",
        "https://s/unlisted": "no longer listed by the job's sitemaps and feeds",
    }
    changed = [change for change in merge.changes if change["change"] == "changed"]
    assert changed[0]["items"]["changed"][0]["fields"] == {"caption": {"old": "c", "new": "c2"}}
    assert changed[0]["previous_run"] == "R1"


def _art(url: str, caption: str = "c", photo_digest: str | None = None) -> dict[str, Any]:
    item = _item(1, "h", caption, "https://s/1.jpg")
    if photo_digest:
        item["images"][0]["capture"] = {"status": 200, "payload_digest": photo_digest}
    return {**_article([item]), "url": url}


def _state_line(article: dict[str, Any], run: str, **extra: Any) -> dict[str, Any]:
    return {**article, "run": run, "sitemap_listed": True, **extra}


def test_dropped_from_the_sitemap_but_still_answering_is_gone_once_then_returns_when_listed() -> None:
    url = "https://s/a"
    state = {url: _state_line(_art(url), "R1")}
    lines, merge = merge_run(state, [_art(url)], "R2", listed={"https://s/other"})
    [gone] = merge.changes
    assert (
        gone["change"] == "gone"
        and "no longer listed" in gone["reason"]
        and "still answers" in gone["reason"]
    )
    assert lines[0]["gone"]["since_run"] == "R2"
    # Next run: still answering, still unlisted: not reported again.
    lines, merge = merge_run({url: lines[0]}, [_art(url, "c2")], "R3", listed={"https://s/other"})
    assert merge.changes == [] and merge.counts["still_gone"] == 1
    # Listed again (and edited meanwhile): returned, diffed against its last version.
    lines, merge = merge_run({url: lines[0]}, [_art(url, "c3")], "R4", listed={url})
    [back] = merge.changes
    assert (back["change"], back["previous_run"]) == ("returned", "R2")
    assert back["items"]["changed"][0]["fields"] == {"caption": {"old": "c", "new": "c3"}}
    assert "gone" not in lines[0] and lines[0]["run"] == "R4"


def test_gone_stays_in_the_state_is_still_gone_quietly_and_returns_with_its_history() -> None:
    url = "https://s/a"
    state = {url: _state_line(_art(url), "R1")}
    errors = [{"url": url, "error": "HTTP 410"}]
    lines, merge = merge_run(state, [], "R2", errors=errors)
    assert [change["change"] for change in merge.changes] == ["gone"] and merge.gone_urls == {url}
    GoneMarker.model_validate(lines[0]["gone"])
    lines, merge = merge_run({url: lines[0]}, [], "R3", errors=errors)
    assert merge.changes == [] and merge.counts["still_gone"] == 1 and merge.gone_urls == {url}
    assert lines[0]["gone"] == {"since_run": "R2", "reason": "HTTP 410"}
    lines, merge = merge_run({url: lines[0]}, [_art(url)], "R4")
    [back] = merge.changes
    assert (back["change"], back["previous_run"], back["items"]["changed"]) == ("returned", "R1", [])
    assert merge.counts["returned"] == 1 and "gone" not in lines[0]


def test_a_photo_with_new_bytes_at_the_same_url_is_a_change_an_identical_one_is_not() -> None:
    url = "https://s/a"
    state = {url: _state_line(_art(url, photo_digest="sha1:AAA"), "R1")}
    _, same = merge_run(state, [_art(url, photo_digest="sha1:AAA")], "R2")
    assert same.changes == [] and same.counts["unchanged"] == 1
    _, missing = merge_run(state, [_art(url)], "R2")  # not downloaded this time: no claim
    assert missing.changes == []
    _, merge = merge_run(state, [_art(url, photo_digest="sha1:BBB")], "R2")
    [change] = merge.changes
    assert change["items"]["changed"][0]["fields"] == {
        "photo_bytes": {"old": {"https://s/1.jpg": "sha1:AAA"}, "new": {"https://s/1.jpg": "sha1:BBB"}}
    }


def test_a_figcaption_edit_is_one_caption_change() -> None:
    old = _generated(3, seed=7)
    for item in old:
        item["images"][0]["caption"] = item["caption"]
        item["images"][0]["credit"] = {"text": "Photo: A"}
        item["credit"] = {"text": "Photo: A"}
    new = [{**item, "images": [dict(image) for image in item["images"]]} for item in old]
    new[1]["caption"] = new[1]["images"][0]["caption"] = "An edited figcaption."
    new[1]["credit"] = new[1]["images"][0]["credit"] = {"text": "Photo: B"}
    [entry] = diff_articles(_article(old), _article(new))["items"]["changed"]
    assert set(entry["fields"]) == {"caption", "credit"}


def test_redirects_not_listicles_and_unfetched_reasons() -> None:
    urls = ["https://s/moved", "https://s/broken", "https://s/failed", "https://s/skipped"]
    state = {url: _state_line(_art(url), "R1") for url in urls}
    unfetched = {
        "https://s/moved": Unfetched("redirect", "https://s/elsewhere"),
        "https://s/broken": Unfetched("not_listicle", "no list"),
        "https://s/failed": Unfetched("failed", "HTTP 503"),
    }
    lines, merge = merge_run(state, [], "R2", unfetched=unfetched)
    by_url = {change["url"]: change for change in merge.changes}
    assert by_url["https://s/moved"]["change"] == "gone"
    assert by_url["https://s/moved"]["reason"] == "redirects to https://s/elsewhere"
    assert by_url["https://s/moved"]["redirect"] == "https://s/elsewhere"
    assert by_url["https://s/broken"]["change"] == "not_listicle"
    assert set(by_url) == {"https://s/moved", "https://s/broken"}
    assert {line["url"]: line["items"] for line in lines} == {url: state[url]["items"] for url in urls}
    assert merge.not_fetched == [
        {"url": "https://s/failed", "reason": "HTTP 503"},
        {"url": "https://s/skipped", "reason": merge.not_fetched[1]["reason"]},
    ]
    assert "not requested" in merge.not_fetched[1]["reason"]


def test_every_change_line_has_the_same_shape() -> None:
    state = {
        "https://s/edit": _state_line(_art("https://s/edit"), "R1"),
        "https://s/404": _state_line(_art("https://s/404"), "R1"),
    }
    run = [_art("https://s/edit", "c2"), _art("https://s/new")]
    _, merge = merge_run(state, run, "R2", errors=[{"url": "https://s/404", "error": "HTTP 404"}])
    assert sorted(change["change"] for change in merge.changes) == ["changed", "gone", "new"]
    for change in merge.changes:
        ChangeLine.model_validate(change)
        assert set(change) == set(ChangeLine.model_fields)
        assert isinstance(change["items"], dict) and isinstance(change["item_count"], int)
    new = next(change for change in merge.changes if change["change"] == "new")
    assert [entry["number"] for entry in new["items"]["added"]] == [1]
