"""``python -m tests.independent_fields``: score the extractor's item fields on the field pages.

python -m tests.independent_fields                 # one row per page, then the totals
python -m tests.independent_fields -v p03          # only pages whose name holds p03, with differences
python -m tests.independent_fields --write-floors  # rewrite tests/independent_fields_floors.json
python -m tests.independent_fields --dump DIR      # write the tester's pages/*.html and truth.json to DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.independent_fields import Page, build_pages, truth_json
from tests.independent_fields.score import (
    FIELDS,
    FLOORS,
    REGENERATE,
    PageScore,
    load_floors,
    score_pages,
    totals,
    write_floors,
)

_SHORT = {
    "images": "img",
    "icredits": "icr",
    "credit": "cred",
    "caption": "capt",
    "embeds": "emb",
    "largest": "lrg",
}


def _fraction(right: int, of: int) -> str:
    return f"{right}/{of}" if of else ""


def print_table(scores: Sequence[PageScore]) -> None:
    columns = "".join(f" {_SHORT[name]:>5}" for name in FIELDS)
    header = f"{'page':36} {'items':>5}  {'right':>5} {'head':>5}{columns}  EXACT  wrong at"
    print(header)
    print("-" * len(header))
    for s in scores:
        fields = ""
        for name in FIELDS:
            checked = [i.fields[name][0] for i in s.items if name in i.fields]
            fields += f" {_fraction(sum(checked), len(checked)):>5}"
        wrong = ", ".join(f"#{i.index} {'+'.join(i.wrong)}" for i in s.items if not i.right)
        print(
            f"{s.name:36} {f'{s.got_items}/{len(s.page.items)}':>5}  {f'{s.right}/{len(s.items)}':>5}"
            f" {f'{sum(i.heading_ok for i in s.items)}/{len(s.items)}':>5}{fields}"
            f"  {'EXACT' if s.exact else '-----'}  {wrong}"
        )
        if s.error:
            print(f"{'':8}error: {s.error}")


def print_differences(score: PageScore, pinned: set[str]) -> None:
    page, record = score.page, score.record
    print(f"\n== {score.name}: {page.note}")
    print(f"   url {page.url}")
    if record is None:
        print(f"   error: {score.error}")
        return
    method = record.detection.method if record.detection else "-"
    print(f"   found {len(record.items)} items (truth {len(page.items)}), method {method}")
    if not score.count_ok:
        print(f"   extracted headings: {[item.heading for item in record.items]}")
    for item in score.items:
        mark = "ok" if item.right else "--"
        pin = " (pinned)" if item.id in pinned else ""
        got = item.got.heading if item.got else None
        heading = "" if item.heading_ok else f"  heading got {got!r}"
        print(f"   {mark} #{item.index:<2} {item.truth['heading'][:40]!r}{pin}{heading}")
        for name, (ok, detail) in item.fields.items():
            if not ok:
                print(f"        {name}: {detail}")


def dump(pages: Sequence[Page], folder: Path) -> None:
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / "pages" / f"{page.name}.html").write_bytes(page.data)
    (folder / "truth.json").write_text(truth_json(list(pages)), encoding="utf-8")
    print(f"wrote {len(pages)} pages and truth.json to {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.independent_fields", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "-v", "--verbose", metavar="NAME", help="only pages whose name holds NAME, with their differences"
    )
    parser.add_argument(
        "--write-floors", action="store_true", help="rewrite tests/independent_fields_floors.json"
    )
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write pages/*.html and truth.json to DIR")
    args = parser.parse_args(argv)

    pages = build_pages()
    if args.dump:
        dump(pages, args.dump)
        return 0
    if args.verbose:
        if args.write_floors:
            print("--write-floors needs every page: leave out -v", file=sys.stderr)
            return 2
        pages = [p for p in pages if args.verbose.lower() in p.name.lower()]
        if not pages:
            print(f"no page name holds {args.verbose!r}", file=sys.stderr)
            return 2
    started = time.perf_counter()
    scores = score_pages(pages)
    elapsed = time.perf_counter() - started
    print_table(scores)
    if args.verbose:
        pinned = set(load_floors()) if FLOORS.exists() else set()
        for score in scores:
            print_differences(score, pinned)
    print()
    for name, value in totals(scores).items():
        print(f"{name:40} {value}")
    print(f"{'parse time':40} {elapsed:.2f} s")
    if args.write_floors:
        write_floors(item.id for s in scores for item in s.items if item.right)
        print(f"\nwrote tests/independent_fields_floors.json (regenerate with: {REGENERATE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
