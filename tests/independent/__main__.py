"""``python -m tests.independent``: score the extractor on the independent pages, one row per page.

python -m tests.independent                 # the table and the totals
python -m tests.independent -v M05          # only pages whose name holds M05, with their differences
python -m tests.independent --write-floors  # rewrite tests/independent_floors.json
python -m tests.independent --dump DIR      # write every page and truth.json to DIR
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.independent import Page, build_pages
from tests.independent.score import CHECKS, REGENERATE, PageScore, score_pages, totals, write_floors

_MARK = {True: "ok", False: "--", None: ""}


def print_table(scores: Sequence[PageScore]) -> None:
    header = f"{'page':42} {'exp':>3} {'got':>3}  count first last nums imgs next  {'method':24} EXACT  fails"
    print(header)
    print("-" * len(header))
    for s in scores:
        marks = [_MARK[s.checks[n]] if s.checks else "" for n in CHECKS]
        if not s.page.listicle:
            marks[0] = _MARK[s.got_items == 0 and s.record is not None]
        print(
            f"{s.name:42} {s.page.truth['count']:>3} {s.got_items:>3}  {marks[0]:5} {marks[1]:5} {marks[2]:4}"
            f" {marks[3]:4} {_MARK[s.images_ok]:4} {_MARK[s.next_ok]:4}  {s.method:24}"
            f" {'EXACT' if s.exact else '-----'}  {','.join(s.fails)}"
        )
        if s.error:
            print(f"{'':8}error: {s.error}")


def print_differences(score: PageScore) -> None:
    truth, record = score.page.truth, score.record
    print(f"\n== {score.name}: {truth['shape']}")
    print(f"   url {truth['url']}")
    if record is None:
        print(f"   error: {score.error}")
        return
    print(
        f"   found {len(record.items)} (truth {truth['count']}), method {score.method},"
        f" declared {record.declared_count}, numbering {record.numbering}"
    )
    print(f"   next {record.next_page_url!r}" + (f" (truth {truth['next']!r})" if "next" in truth else ""))
    if record.warnings:
        print(f"   warnings: {record.warnings}")
    if score.page.listicle:
        print(f"   truth first {truth.get('first')!r}, last {truth.get('last')!r}")
        print(f"   truth numbers {list(truth.get('numbers', []))}", end="")
        print(f" (or {list(alt)})" if (alt := truth.get("numbers_alt")) is not None else "")
        if "alt" in truth:
            print(f"   also accepted: {truth['alt']}")
        print(f"   truth images per item {truth.get('imgs', '-')}")
    numbers = list(truth.get("numbers", []))
    images = score.images()
    for index, item in enumerate(record.items):
        expected = numbers[index] if index < len(numbers) else "-"
        mark = "  " if item.number == expected else "≠ "
        print(
            f"   {mark}#{index + 1:<3} number {item.number!s:>4} (truth {expected!s:>4})"
            f"  images {images[index]}  {item.heading!r}"
        )


def dump(pages: Sequence[Page], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / f"{page.name}.html").write_bytes(page.data)
    truth = {page.name: page.truth for page in pages}
    text = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
    (folder / "truth.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.independent", description=__doc__.splitlines()[0])
    parser.add_argument(
        "-v", "--verbose", metavar="NAME", help="only pages whose name holds NAME, with details"
    )
    parser.add_argument("--write-floors", action="store_true", help="rewrite tests/independent_floors.json")
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write every page and truth.json to DIR")
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
        for score in scores:
            print_differences(score)
    print()
    for name, value in totals(scores).items():
        print(f"{name:34} {value}")
    print(f"{'parse time':34} {elapsed:.2f} s")
    if args.write_floors:
        write_floors(s.name for s in scores if s.exact)
        print(f"\nwrote tests/independent_floors.json (regenerate with: {REGENERATE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
