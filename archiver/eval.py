"""Score the extractor against a corpus with hand-checked ground truth.

    python -m archiver.eval ../shared/corpus                    # table per page, then totals
    python -m archiver.eval ../shared/corpus --json             # totals per split as JSON
    python -m archiver.eval ../shared/corpus --split checked    # only the held-out sites

The corpus is split **by site** into the part extraction rules may be tuned on (``tuned``) and
the part only checked against (``checked``): a page is held out when ``sha256(site)`` modulo 3 is
1, so every page of a site falls on one side and a new page's side is known before anyone reads
it. Scores on ``checked`` estimate how the extractor does on sites nobody here has seen.

The corpus folder holds ``manifest.jsonl`` (one object per page: ``file``, ``original_url``,
``is_listicle``, ``declared_count``, ``items_on_page``, ``first_item``/``last_item`` with
``number``, ``heading``, ``caption_start``, ``image_url``, ``credit``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.errors import ParseError
from archiver.models import Item, ListiclePage
from archiver.parse.dom import normalise_space
from archiver.parse.page import parse_page

BOUNDARY_FIELDS = ("number", "heading", "caption_start", "image_url", "credit")
SPLITS = ("tuned", "checked")
# Recommendation counts in the manifest are approximate: within this share (or 2 links) counts.
_RECOMMENDATION_TOLERANCE = 0.3


def split_of(site: str) -> str:
    """The side of the corpus a site's pages fall on: ``"tuned"`` or ``"checked"``.

    >>> split_of("vox.com"), split_of("cnn.com")
    ('checked', 'tuned')
    """
    return "checked" if int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16) % 3 == 1 else "tuned"


def _norm_heading(text: str | None) -> str | None:
    if text is None:
        return None
    # Ground truth keeps or drops a trailing period depending on the markup; compare without it.
    return normalise_space(text).rstrip(" .:").replace("’", "'") or None


def _field_matches(name: str, expected: Any, item: Item | None) -> bool:
    if item is None:
        return False
    if name == "number":
        # Unnumbered items carry number=null by contract; ground truth counts them 1..N.
        return bool((item.number if item.number is not None else item.position) == expected)
    if name == "heading":
        return _norm_heading(item.heading) == _norm_heading(expected)
    if name == "caption_start":
        if expected is None:
            return item.caption is None
        return item.caption is not None and normalise_space(item.caption).startswith(
            normalise_space(expected)
        )
    if name == "image_url":
        got = item.images[0].url if item.images else None
        return bool(got == expected)
    if name == "credit":
        got = item.credit.text if item.credit else None
        return normalise_space(got or "") == normalise_space(expected or "")
    raise ValueError(name)


@dataclass
class PageScore:
    page_id: str
    is_listicle: bool
    declared_count: bool
    item_count: bool
    boundary: dict[str, bool] = field(default_factory=dict)
    split: str = "tuned"
    next_page: bool = False
    recommendations: bool = False
    error: str | None = None
    detail: str = ""

    @property
    def boundaries_exact(self) -> bool:
        return bool(self.boundary) and all(self.boundary.values())


def score_page(entry: dict[str, Any], record: ListiclePage | None, error: str | None = None) -> PageScore:
    split = split_of(entry["site"])
    if record is None:
        return PageScore(entry["id"], False, False, False, split=split, error=error)
    expected_items = entry["items_on_page"] if entry["is_listicle"] else 0
    expected_links = entry.get("recommendation_links_count") or 0
    tolerance = max(2, _RECOMMENDATION_TOLERANCE * expected_links)
    score = PageScore(
        page_id=entry["id"],
        is_listicle=record.is_listicle == entry["is_listicle"],
        declared_count=record.declared_count == entry["declared_count"],
        item_count=len(record.items) == expected_items,
        split=split,
        next_page=record.next_page_url == entry.get("next_page_url"),
        recommendations=abs(len(record.recommendations) - expected_links) <= tolerance,
        detail=f"items {len(record.items)}/{expected_items}",
    )
    if entry["is_listicle"]:
        ends = {
            "first": record.items[0] if record.items else None,
            "last": record.items[-1] if record.items else None,
        }
        for end, item in ends.items():
            truth = entry[f"{end}_item"]
            for name in BOUNDARY_FIELDS:
                score.boundary[f"{end}.{name}"] = _field_matches(name, truth.get(name), item)
    return score


def load_manifest(corpus: Path) -> list[dict[str, Any]]:
    """The manifest's entries in file order."""
    lines = (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(corpus: Path, split: str | None = None) -> tuple[list[PageScore], dict[str, dict[str, int]]]:
    """Score every page (or one split's); totals for ``"all"`` and for each split."""
    entries = [e for e in load_manifest(corpus) if split is None or split_of(e["site"]) == split]
    scores = []
    for entry in entries:
        data = (corpus / entry["file"]).read_bytes()
        try:
            record = parse_page(data, entry["original_url"])
        except ParseError as error:
            scores.append(score_page(entry, None, str(error)))
            continue
        scores.append(score_page(entry, record))
    listicle_ids = {e["id"] for e in entries if e["is_listicle"]}
    summary = {"all": totals(scores, listicle_ids)}
    for name in SPLITS:
        summary[name] = totals([s for s in scores if s.split == name], listicle_ids)
    return scores, summary


def totals(scores: list[PageScore], listicle_ids: set[str]) -> dict[str, int]:
    listicles = [s for s in scores if s.page_id in listicle_ids]
    others = [s for s in scores if s.page_id not in listicle_ids]
    result = {
        "pages": len(scores),
        "listicles": len(listicles),
        "non_listicles": len(others),
        "is_listicle_correct": sum(s.is_listicle for s in scores),
        "declared_count_correct": sum(s.declared_count for s in scores),
        "non_listicles_with_zero_items": sum(s.item_count for s in others),
        "listicles_item_count_exact": sum(s.item_count for s in listicles),
        "listicles_count_and_boundaries_exact": sum(s.item_count and s.boundaries_exact for s in listicles),
        "next_page_url_correct": sum(s.next_page for s in scores),
        "recommendation_count_close": sum(s.recommendations for s in scores),
    }
    for name in BOUNDARY_FIELDS:
        for end in ("first", "last"):
            result[f"{end}_{name}_correct"] = sum(s.boundary.get(f"{end}.{name}", False) for s in listicles)
    return result


def _print_table(scores: list[PageScore], summary: dict[str, dict[str, int]]) -> None:
    mark = {True: "ok", False: "--"}
    print(f"{'page':45} split   list decl count bounds next recs  failing fields")
    for s in scores:
        failing = [name for name, good in s.boundary.items() if not good]
        print(
            f"{s.page_id[:45]:45} {s.split:7} {mark[s.is_listicle]:4} {mark[s.declared_count]:4} "
            f"{mark[s.item_count]:5} {mark[s.boundaries_exact] if s.boundary else '  ':6} "
            f"{mark[s.next_page]:4} {mark[s.recommendations]:4}  {s.error or s.detail} {' '.join(failing)}"
        )
    print()
    names = list(summary)
    print(f"{'':42} " + " ".join(f"{name:>7}" for name in names))
    for key in summary["all"]:
        print(f"{key:42} " + " ".join(f"{summary[name][key]:>7}" for name in names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archiver.eval", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with manifest.jsonl and the pages")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--split", choices=SPLITS, help="score only the pages of this side of the corpus")
    args = parser.parse_args(argv)
    if not (args.corpus / "manifest.jsonl").is_file():
        print(f"error: {args.corpus}/manifest.jsonl not found", file=sys.stderr)
        return 2
    scores, summary = evaluate(args.corpus, args.split)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        _print_table(scores, summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
