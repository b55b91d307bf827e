"""``python -m tests.zoo``: score the extractor on every zoo case and print a table per shape.

python -m tests.zoo                  # parse_page over every page
python -m tests.zoo --crawl          # and crawl the zoo site end to end
python -m tests.zoo --write-floors   # both, then rewrite tests/zoo_floors.json (pages, fields, crawl)
python -m tests.zoo --dump DIR       # write every page and its truth to DIR
python -m tests.zoo --shape countdown --verbose   # one shape, with every item that differs
python -m tests.zoo --fields                     # with the items whose fields are wrong

Columns: count/first/last/nums/heads/next/decl and EXACT are the structure; imgs/capt/cred/embd
count the items whose images, caption, credit and embeds are right ("ok" when all are), FIELDS
is the case exact with every item's fields (see tests/zoo/score.py).
python -m tests.zoo --seed 7         # a held-out zoo (other draws of every case; not pinned)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from tests.zoo import PURE_BASE, build_zoo
from tests.zoo.score import FIELDS, REGENERATE, ArticleScore, CaseScore, PageScore, score_cases, write_floors
from tests.zoo.truth import Case

_MARK = {True: "ok", False: "--"}


def _first_last(score: CaseScore, end: str) -> str:
    pages = [p for p in score.pages if p.truth.items]
    if not pages:
        return "  "
    return _MARK[all(getattr(p, f"{end}_ok") for p in pages)]


def _fields_column(score: CaseScore, name: str) -> str:
    items = sum(len(p.fields) for p in score.pages)
    if not items:
        return ""
    right = score.fields_right(name)
    return "ok" if right == items else f"{right}/{items}"


def print_table(scores: Sequence[CaseScore], verbose: bool = False, fields: bool = False) -> None:
    header = (
        f"{'shape':20} {'variant':22} {'pg':>3} {'exp':>4} {'got':>4}  count first last nums heads next decl"
        "  EXACT   imgs  capt  cred  embd  FIELDS  noise"
    )
    print(header)
    print("-" * len(header))
    shape = None
    for score in scores:
        case = score.case
        if case.shape != shape and shape is not None:
            _print_shape_total(scores, shape)
        shape = case.shape
        listicle_pages = [p for p in score.pages if p.truth.items]
        count = all(p.count_ok for p in score.pages) if case.is_listicle else score.got_items == 0
        print(
            f"{case.shape:20} {case.variant:22} {len(case.pages):>3}"
            f" {score.expected_items:>4} {score.got_items:>4}"
            f"  {_MARK[count]:5} {_first_last(score, 'first'):5} {_first_last(score, 'last'):4}"
            f" {_MARK[score.all_of('numbers_ok')] if listicle_pages else '  ':4}"
            f" {_MARK[score.all_of('headings_ok')] if listicle_pages else '  ':5}"
            f" {_MARK[all(p.next_ok for p in score.pages)] if case.is_listicle else '  ':4}"
            f" {_MARK[all(p.declared_ok for p in score.pages)]:4}"
            f"  {'EXACT' if score.exact else '-----':5}  "
            + "".join(f"{_fields_column(score, name):>5} " for name in FIELDS)
            + f" {'FIELDS' if score.fields_exact else '------':6}  {' '.join(case.notes)}"
        )
        for error in score.errors:
            print(f"{'':48}error: {error}")
        if verbose and not score.exact:
            _print_differences(score)
        if (verbose or fields) and not score.fields_exact:
            _print_field_differences(score)
    if shape is not None:
        _print_shape_total(scores, shape)


def _print_shape_total(scores: Sequence[CaseScore], shape: str) -> None:
    mine = [s for s in scores if s.case.shape == shape]
    print(
        f"{'':20} {'→ ' + shape:40} {sum(s.exact for s in mine)}/{len(mine)} exact, "
        f"{sum(s.fields_exact for s in mine)}/{len(mine)} fields exact\n"
    )


def _short(value: object, width: int = 70) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_field_differences(score: CaseScore) -> None:
    """Every item whose fields are wrong: what the truth holds and what the record gives."""
    for page in score.pages:
        if page.truth.items and not page.count_ok:
            print(f"{'':4}{page.truth.path}: count wrong, fields not compared")
            continue
        for index, item in enumerate(page.fields, start=1):
            if item.ok or item.got is None:
                continue
            truth, got = item.truth, item.got
            print(f"{'':4}{page.truth.path} #{index} {truth.heading!r}")
            if not item.images:
                urls = list(zip(truth.image_urls, truth.largest_urls, strict=True))
                print(f"{'':8}images  truth {_short(urls)}")
                print(f"{'':8}        got   {_short([(i.url, i.largest_url) for i in got.images])}")
            if not item.caption:
                print(f"{'':8}caption truth {_short(truth.caption_start)}")
                print(f"{'':8}        got   {_short(got.caption)}")
            if not item.credit:
                images = [getattr(getattr(i, "credit", None), "text", None) for i in got.images]
                print(f"{'':8}credit  truth {_short((truth.credit, truth.image_credits))}")
                print(f"{'':8}        got   {_short((got.credit.text if got.credit else None, images))}")
            if not item.embeds:
                print(f"{'':8}embeds  truth {_short(truth.embeds)}")
                print(f"{'':8}        got   {_short([(e.kind, e.url) for e in got.embeds])}")


def _print_differences(score: CaseScore) -> None:
    from archiver.parse import parse_page

    for page in score.pages:
        if page.exact:
            continue
        record = parse_page(
            page.truth.html, PURE_BASE + page.truth.path, content_type=page.truth.content_type
        )
        print(
            f"{'':4}{page.truth.path}: items {page.got_items}/{len(page.truth.items)}, "
            f"next {record.next_page_url!r} (truth {page.truth.next_page_url(PURE_BASE)!r})"
        )
        truth = [(i.number, i.heading) for i in page.truth.items]
        got = [(i.number, i.heading) for i in record.items]
        for index in range(max(len(truth), len(got))):
            t = truth[index] if index < len(truth) else None
            g = got[index] if index < len(got) else None
            if t != g:
                print(f"{'':8}#{index + 1}: truth {t!r:60} got {g!r}")


def totals(scores: Sequence[CaseScore]) -> dict[str, str]:
    listicles = [s for s in scores if s.case.is_listicle]
    others = [s for s in scores if not s.case.is_listicle]
    pages: list[PageScore] = [p for s in scores for p in s.pages]
    items = [item for p in pages for item in p.fields]
    fields = {
        f"items: {name} right": f"{sum(getattr(item, name) for item in items)}/{len(items)}"
        for name in FIELDS
    }
    return {
        "shapes": str(len({s.case.shape for s in scores})),
        "cases (shape x variant)": str(len(scores)),
        "pages": str(len(pages)),
        "cases exact": f"{sum(s.exact for s in scores)}/{len(scores)}",
        "listicle cases exact": f"{sum(s.exact for s in listicles)}/{len(listicles)}",
        "non-listicles with zero items": f"{sum(s.exact for s in others)}/{len(others)}",
        "pages exact": f"{sum(p.exact for p in pages)}/{len(pages)}",
        "items found / expected": (
            f"{sum(s.got_items for s in scores)}/{sum(s.expected_items for s in scores)}"
        ),
        "declared count right (pages)": f"{sum(p.declared_ok for p in pages)}/{len(pages)}",
        "cases fields exact": f"{sum(s.fields_exact for s in scores)}/{len(scores)}",
        "listicle cases fields exact": f"{sum(s.fields_exact for s in listicles)}/{len(listicles)}",
        "pages fields exact": f"{sum(p.fields_exact for p in pages)}/{len(pages)}",
        **fields,
        "items: all fields right": f"{sum(item.ok for item in items)}/{len(items)}",
    }


def print_crawl_table(scores: Sequence[ArticleScore]) -> None:
    print(f"{'article':44} {'found':>5} {'pages':>7} {'items':>9}  ok")
    for s in scores:
        expected_found = "yes" if s.listicle else "no"
        print(
            f"{s.key:44} {('yes' if s.found else 'no'):>5} {s.pages_got:>3}/{s.pages_expected:<3} "
            f"{s.items_got:>4}/{s.items_expected:<4}  {_MARK[s.ok]}   (should be found: {expected_found})"
        )
    print(f"\narticles right: {sum(s.ok for s in scores)}/{len(scores)}")


def dump(cases: Sequence[Case], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    truth = []
    for case in cases:
        for number, page in enumerate(case.pages, start=1):
            name = f"{case.shape}--{case.variant}--{number:02d}.html"
            (folder / name).write_bytes(page.html)
            entry = {k: v for k, v in asdict(page).items() if k != "html"}
            truth.append({"case": case.key, "file": name, "url": PURE_BASE + page.path, **entry})
    (folder / "truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(truth)} pages to {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zoo", description=__doc__.splitlines()[0])
    parser.add_argument("--crawl", action="store_true", help="also serve the zoo site and crawl it")
    parser.add_argument(
        "--write-floors", action="store_true", help="rewrite tests/zoo_floors.json (runs the crawl)"
    )
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write every page and truth.json to DIR")
    parser.add_argument("--shape", help="only this shape (table only)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the items that differ")
    parser.add_argument("--fields", action="store_true", help="list the items whose fields are wrong")
    parser.add_argument("--seed", default="", help="draw a held-out zoo (the floors pin the default)")
    args = parser.parse_args(argv)

    if args.seed and (args.write_floors or args.crawl):
        print(
            "--seed is for the pure table only: the floors and the crawl use the pinned zoo", file=sys.stderr
        )
        return 2
    cases = build_zoo(PURE_BASE, args.seed)
    if args.dump:
        dump(cases, args.dump)
        return 0
    if args.shape:
        cases = [c for c in cases if c.shape == args.shape]
    started = time.perf_counter()
    scores = score_cases(cases, PURE_BASE)
    elapsed = time.perf_counter() - started
    print_table(scores, args.verbose, args.fields)
    for name, value in totals(scores).items():
        print(f"{name:32} {value}")
    print(f"{'parse time':32} {elapsed:.2f} s")

    crawl_keys: list[str] | None = None
    if args.crawl or args.write_floors:
        from tests.zoo.site import crawl_scores, crawl_zoo

        with tempfile.TemporaryDirectory(prefix="zoo-crawl-") as out:
            result = crawl_zoo(Path(out) / "out")
        print()
        article_scores = crawl_scores(result)
        print_crawl_table(article_scores)
        print(f"crawl time: {result.seconds:.1f} s, responses: {result.crawl_summary.get('responses')}")
        crawl_keys = [s.key for s in article_scores if s.ok]
    if args.write_floors:
        if args.shape:
            print("--write-floors needs every shape: leave out --shape", file=sys.stderr)
            return 2
        assert crawl_keys is not None
        write_floors(
            [s.key for s in scores if s.exact], crawl_keys, [s.key for s in scores if s.fields_exact]
        )
        print(f"\nwrote tests/zoo_floors.json (regenerate with: {REGENERATE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
