"""What changed in an article between two runs, item by item. Pure (no Scrapy, no files).

Items are matched by identity, not by position: an item inserted at the top of a list is one
item added and the others moved, not every item changed. Two items are the same item when
their content is identical, else when enough of it agrees (the heading, a photo URL, the
caption's text): see :func:`_likeness`. Each item is matched at most once, the likeliest pairs
first, the nearest in the list on a tie (duplicate headings).

The diff (:func:`diff_articles`) is JSON-ready::

    {"article": {"title": {"old": "...", "new": "..."}, ...},       # article-level fields
     "items": {"added":   [{"number", "position", "heading"}, ...],
               "removed": [{"number", "position", "heading"}, ...],
               "moved":   [{"heading", "old": N, "new": M}, ...],  # printed number, else position
               "changed": [{"number", "heading", "fields": {"caption": {"old", "new"}, ...}}]}}
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

# Article-level fields compared (content, not provenance: pages and captures differ every run).
ARTICLE_FIELDS = ("title", "declared_count", "numbering", "author", "canonical_url")
# A pair scoring below this is not the same item (see _likeness for the scale).
MATCH_THRESHOLD = 2.5


def item_fields(item: Mapping[str, Any]) -> dict[str, Any]:
    """The compared content of an item (an Article JSON's ``items[]`` entry): heading, caption,
    credit (its text), photos (URLs), photo_bytes ({URL: payload digest} of the captured
    photos: a revisit carries its original's digest, so equal digests are equal bytes), photo
    captions and credits, embeds (URLs).

    A photo's caption or credit that is the item's own (the extractor takes an item's caption
    from its figcaption when it has no other) is left out of ``photo_captions``/``photo_credits``
    (null there): one edit of that figcaption is one ``caption`` change, not two. The item-level
    fields are the ones kept because they are what a reader of the list sees for the item."""
    images = item.get("images") or []
    credit_text = _text(item.get("credit"))
    caption = item.get("caption")
    digests = {}
    for image in images:
        capture = image.get("capture") or {}
        if (
            image.get("url")
            and capture.get("payload_digest")
            and 200 <= int(capture.get("status") or 0) < 300
        ):
            digests[str(image["url"])] = str(capture["payload_digest"])
    return {
        "heading": item.get("heading"),
        "caption": caption,
        "credit": credit_text,
        "photos": [image.get("url") for image in images],
        "photo_bytes": digests,
        "photo_captions": [_unless(image.get("caption"), caption) for image in images],
        "photo_credits": [_unless(_text(image.get("credit")), credit_text) for image in images],
        "embeds": [embed.get("url") for embed in item.get("embeds") or []],
    }


def _text(credit: Any) -> str | None:
    return str(credit.get("text")) if isinstance(credit, Mapping) and credit.get("text") is not None else None


def _unless(value: str | None, same: str | None) -> str | None:
    return None if value is not None and value == same else value


def _rank(item: Mapping[str, Any]) -> int:
    """The item's printed number, else its position."""
    number = item.get("number")
    return int(number) if isinstance(number, int) else int(item.get("position") or 0)


def _ratio(old: str | None, new: str | None) -> float:
    if not old or not new:
        return 0.0
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


def _likeness(old: dict[str, Any], new: dict[str, Any]) -> float:
    """How surely two items are one: an equal heading 3, a shared photo URL 3, else the
    headings' likeness (0-1); the captions' likeness 0-2. The threshold 2.5 takes one strong
    sign with some caption, or two strong ones: a caption edit (heading and photo equal), a
    photo swap (heading equal, caption alike), a renamed heading (photo or caption equal)."""
    score = 0.0
    if old["heading"] and old["heading"] == new["heading"]:
        score += 3
    else:
        score += _ratio(old["heading"], new["heading"])
    if set(filter(None, old["photos"])) & set(filter(None, new["photos"])):
        score += 3
    score += 2 * _ratio(old["caption"], new["caption"])
    return score


def _entry(item: Mapping[str, Any]) -> dict[str, Any]:
    return {"number": item.get("number"), "position": item.get("position"), "heading": item.get("heading")}


def match_items(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same item, each index at most once."""
    old_fields = [item_fields(item) for item in old]
    new_fields = [item_fields(item) for item in new]
    pairs: list[tuple[int, int]] = []
    # Identical content first, duplicates paired in list order.
    by_content: dict[str, list[int]] = {}
    for index, fields in enumerate(old_fields):
        by_content.setdefault(repr(fields), []).append(index)
    unmatched_new = []
    for index, fields in enumerate(new_fields):
        waiting = by_content.get(repr(fields))
        if waiting:
            pairs.append((waiting.pop(0), index))
        else:
            unmatched_new.append(index)
    taken_old = {pair[0] for pair in pairs}
    unmatched_old = [index for index in range(len(old)) if index not in taken_old]
    candidates = []
    for i in unmatched_old:
        for j in unmatched_new:
            score = _likeness(old_fields[i], new_fields[j])
            if score >= MATCH_THRESHOLD:
                # Likeliest first; on a tie the nearest in the list (duplicate headings).
                candidates.append((-score, abs(i - j), i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return sorted(pairs, key=lambda pair: pair[1])


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    fields = {
        name: {"old": old[name], "new": new[name]}
        for name in old
        if name != "photo_bytes" and old[name] != new[name]
    }
    # Only a photo captured in both versions can say its bytes changed (one not downloaded this
    # time, or no longer shown, is not a bytes change: ``photos`` says the latter).
    rebytes = {
        url: (digest, new["photo_bytes"][url])
        for url, digest in old["photo_bytes"].items()
        if url in new["photo_bytes"] and new["photo_bytes"][url] != digest
    }
    if rebytes:
        fields["photo_bytes"] = {
            "old": {url: pair[0] for url, pair in rebytes.items()},
            "new": {url: pair[1] for url, pair in rebytes.items()},
        }
    return fields


def diff_articles(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The changes from ``old`` to ``new`` (two Article JSON objects of the same URL), as the
    module's doc shows; :func:`is_unchanged` says whether there are any."""
    old_items = list(old.get("items") or [])
    new_items = list(new.get("items") or [])
    pairs = match_items(old_items, new_items)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    moved = []
    changed = []
    for i, j in pairs:
        before, after = old_items[i], new_items[j]
        if before.get("position") != after.get("position") or before.get("number") != after.get("number"):
            moved.append({"heading": after.get("heading"), "old": _rank(before), "new": _rank(after)})
        fields = _changed_fields(item_fields(before), item_fields(after))
        if fields:
            changed.append({"number": _rank(after), "heading": after.get("heading"), "fields": fields})
    article = {
        name: {"old": old.get(name), "new": new.get(name)}
        for name in ARTICLE_FIELDS
        if old.get(name) != new.get(name)
    }
    return {
        "article": article,
        "items": {
            "added": [_entry(item) for j, item in enumerate(new_items) if j not in matched_new],
            "removed": [_entry(item) for i, item in enumerate(old_items) if i not in matched_old],
            "moved": moved,
            "changed": changed,
        },
    }


def added_all(article: Mapping[str, Any]) -> dict[str, Any]:
    """The diff of a new article: every item added (the same shape as :func:`diff_articles`)."""
    return {
        "article": {},
        "items": {
            "added": [_entry(item) for item in article.get("items") or []],
            "removed": [],
            "moved": [],
            "changed": [],
        },
    }


def no_diff() -> dict[str, Any]:
    return {"article": {}, "items": {"added": [], "removed": [], "moved": [], "changed": []}}


def is_unchanged(diff: Mapping[str, Any]) -> bool:
    """No article-level change and no item added, removed, moved or changed."""
    return not diff["article"] and not any(diff["items"].values())
