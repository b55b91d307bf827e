"""Score the extractor against a corpus with hand-checked ground truth.

    python -m archiver.eval ../shared/corpus            # table per page, then totals
    python -m archiver.eval ../shared/corpus --json     # totals as JSON (what the floors pin)

The corpus folder holds ``manifest.jsonl`` (one object per page: ``file``, ``original_url``,
``is_listicle``, ``declared_count``, ``items_on_page``, ``first_item``/``last_item`` with
``number``, ``heading``, ``caption_start``, ``image_url``, ``credit``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archiver.dom import normalise_space
from archiver.errors import ParseError
from archiver.extract import parse_page
from archiver.models import Item, ListiclePage

BOUNDARY_FIELDS = ("number", "heading", "caption_start", "image_url", "credit")


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
    error: str | None = None
    detail: str = ""

    @property
    def boundaries_exact(self) -> bool:
        return bool(self.boundary) and all(self.boundary.values())


def score_page(entry: dict[str, Any], record: ListiclePage | None, error: str | None = None) -> PageScore:
    if record is None:
        return PageScore(entry["id"], False, False, False, error=error)
    expected_items = entry["items_on_page"] if entry["is_listicle"] else 0
    score = PageScore(
        page_id=entry["id"],
        is_listicle=record.is_listicle == entry["is_listicle"],
        declared_count=record.declared_count == entry["declared_count"],
        item_count=len(record.items) == expected_items,
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


def evaluate(corpus: Path) -> tuple[list[PageScore], dict[str, int]]:
    scores = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        data = (corpus / entry["file"]).read_bytes()
        try:
            record = parse_page(data, entry["original_url"])
        except ParseError as error:
            scores.append(score_page(entry, None, str(error)))
            continue
        scores.append(score_page(entry, record))
    return scores, totals(scores, corpus)


def totals(scores: list[PageScore], corpus: Path) -> dict[str, int]:
    entries = {
        json.loads(line)["id"]: json.loads(line)
        for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    listicles = [s for s in scores if entries[s.page_id]["is_listicle"]]
    others = [s for s in scores if not entries[s.page_id]["is_listicle"]]
    result = {
        "pages": len(scores),
        "is_listicle_correct": sum(s.is_listicle for s in scores),
        "declared_count_correct": sum(s.declared_count for s in scores),
        "non_listicles_with_zero_items": sum(s.item_count for s in others),
        "listicles_item_count_exact": sum(s.item_count for s in listicles),
        "listicles_count_and_boundaries_exact": sum(s.item_count and s.boundaries_exact for s in listicles),
    }
    for name in BOUNDARY_FIELDS:
        for end in ("first", "last"):
            result[f"{end}_{name}_correct"] = sum(s.boundary.get(f"{end}.{name}", False) for s in listicles)
    return result


def _print_table(scores: list[PageScore], summary: dict[str, int]) -> None:
    mark = {True: "ok", False: "--"}
    print(f"{'page':45} list decl count bounds  failing fields")
    for s in scores:
        failing = [name for name, good in s.boundary.items() if not good]
        print(
            f"{s.page_id[:45]:45} {mark[s.is_listicle]:4} {mark[s.declared_count]:4} "
            f"{mark[s.item_count]:5} {mark[s.boundaries_exact] if s.boundary else '  ':6}  "
            f"{s.error or s.detail} {' '.join(failing)}"
        )
    print()
    for key, value in summary.items():
        print(f"{key:42} {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archiver.eval", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with manifest.jsonl and the pages")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "manifest.jsonl").is_file():
        print(f"error: {args.corpus}/manifest.jsonl not found", file=sys.stderr)
        return 2
    scores, summary = evaluate(args.corpus)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        _print_table(scores, summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
