"""Main-content detection on the corpus: our density scorer against readability-lxml and trafilatura.

    python -m bench.main_content /work/shared/corpus [--repeat 3]

For every page, each method gets the same decoded text and returns the text it keeps as the
article. On listicles the bench checks whether that text holds the first and the last item (every
probe the manifest gives: the item's ``heading`` and ``caption_start``) and how much it keeps
against the text of the items themselves (precision proxy; see ``_items_span``). Every method is
timed in the same run, interleaved with a bare ``BeautifulSoup(html, "lxml")`` of the page's bytes,
and reported as a ratio to it. The machine is shared and noisy: compare ratios, not milliseconds.

trafilatura and readability-lxml are bench-only dependencies (``pip install trafilatura
readability-lxml``); a missing one is named at the top and in the totals, and skipped.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import math
import platform
import statistics
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from lxml import etree

from archiver.parse.decoding import decode_html
from archiver.parse.document import load_document
from archiver.parse.dom import raw_text
from archiver.parse.main_content import find_main_content

Extractor = Callable[[str], str]

# A kept text longer than this many times the items' span counts as "keeps much else".
_LOOSE_RATIO = 2.0


def _normalised(text: str) -> str:
    """Letters and digits only, case-folded: each method spaces, quotes and breaks lines its own way."""
    return "".join(char for char in unicodedata.normalize("NFKC", text).casefold() if char.isalnum())


def _ours(text: str) -> str:
    return raw_text(find_main_content(load_document(text).root).element)


def _html_to_text(html: str) -> str:
    if not html.strip():
        return ""
    root = etree.fromstring(html.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    return "" if root is None else raw_text(root)


def _optional_extractors() -> tuple[dict[str, Extractor], list[str]]:
    found: dict[str, Extractor] = {}
    missing: list[str] = []
    try:
        import readability  # bench-only dependency
    except ImportError:
        missing.append("readability-lxml (pip install readability-lxml)")
    else:
        readability_document: Any = readability.Document

        def _readability(text: str) -> str:
            return str(readability_document(text).summary())

        found["readability-lxml"] = _readability
    try:
        import trafilatura  # bench-only dependency
    except ImportError:
        missing.append("trafilatura (pip install trafilatura)")
    else:

        def _trafilatura(text: str) -> str:
            return trafilatura.extract(text, include_comments=False) or ""

        def _trafilatura_recall(text: str) -> str:
            return trafilatura.extract(text, include_comments=False, favor_recall=True) or ""

        def _trafilatura_baseline(text: str) -> str:
            return str(trafilatura.baseline(text)[1])

        found["trafilatura"] = _trafilatura
        found["trafilatura recall"] = _trafilatura_recall
        found["trafilatura baseline"] = _trafilatura_baseline
    return found, missing


# readability returns HTML; its text is read outside the timed call.
_RETURNS_HTML = frozenset({"readability-lxml"})
_BASELINE = "bs4 parse (baseline)"
# find_main_content alone on the already pruned tree: its cost inside the pipeline, which has
# parsed the page anyway. "ours (density)" times load_document too, as the libraries parse.
_SCORING_ONLY = "ours: scoring only"


@dataclass
class Item:
    probes: list[str]  # normalised heading and caption start, whichever the manifest gives

    def found_in(self, text: str) -> bool:
        return bool(self.probes) and all(probe in text for probe in self.probes)


@dataclass
class Page:
    page_id: str
    data: bytes
    text: str
    listicle: bool
    items_on_page: int
    first: Item | None
    last: Item | None
    page_chars: int  # normalised text of the whole pruned page
    items_span: int | None  # normalised characters from the first item to the end of the last


@dataclass
class Outcome:
    kept: int = 0
    first: bool | None = None
    last: bool | None = None
    ratio: float | None = None  # kept / items span
    error: str | None = None
    times: list[float] = field(default_factory=list)

    @property
    def ms(self) -> float:
        """Median milliseconds per call; NaN for a method that failed on the page (not timed)."""
        return statistics.median(self.times) * 1e3 if self.times else math.nan


def _item(record: dict[str, Any] | None) -> Item | None:
    if not record:
        return None
    probes = [_normalised(record[key]) for key in ("heading", "caption_start") if record.get(key)]
    return Item([probe for probe in probes if probe])


def _start(page_text: str, item: Item, after: int = 0) -> int:
    """Where ``item`` starts in the page: its heading just before its caption, else the caption."""
    if not item.probes:
        return -1
    caption = page_text.find(item.probes[-1], after)
    if caption < 0 or len(item.probes) == 1:
        return caption
    heading = page_text.rfind(item.probes[0], after, caption)
    return heading if heading >= 0 else caption


def _items_span(page_text: str, first: Item | None, last: Item | None, items: int) -> int | None:
    """Characters of the items: first item's start to last item's start, plus one item's average
    length (the manifest marks where the last item starts, not where it ends)."""
    if first is None or last is None or items < 2:
        return None
    begin = _start(page_text, first)
    end = _start(page_text, last, max(begin, 0))
    if begin < 0 or end <= begin:
        return None
    return round((end - begin) * items / (items - 1))


def _load(corpus: Path) -> list[Page]:
    pages = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        data = (corpus / record["file"]).read_bytes()
        text = decode_html(data).text
        page_text = _normalised(raw_text(load_document(text).root))
        first, last = _item(record.get("first_item")), _item(record.get("last_item"))
        items = int(record.get("items_on_page") or 0)
        pages.append(
            Page(
                page_id=record["id"],
                data=data,
                text=text,
                listicle=bool(record["is_listicle"]),
                items_on_page=items,
                first=first,
                last=last,
                page_chars=len(page_text),
                items_span=_items_span(page_text, first, last, items) if record["is_listicle"] else None,
            )
        )
    return pages


def _timed(function: Callable[[Any], object], argument: object) -> float:
    gc.collect()
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


def _bare_soup(data: bytes) -> None:
    BeautifulSoup(data, "lxml")


def _measure(pages: list[Page], methods: dict[str, Extractor], repeat: int) -> dict[str, list[Outcome]]:
    names = [_BASELINE, _SCORING_ONLY, *methods]
    results: dict[str, list[Outcome]] = {name: [] for name in names}
    for page in pages:
        outcomes = {name: Outcome() for name in results}
        root = load_document(page.text).root
        for name, method in methods.items():  # warm-up, and the text each method keeps
            outcome = outcomes[name]
            try:
                kept = method(page.text)
            except Exception as error:  # a library failing on a page is a result, not a crash
                outcome.error = f"{type(error).__name__}: {error}"[:80]
                kept = ""
            if name in _RETURNS_HTML:
                kept = _html_to_text(kept)
            kept_text = _normalised(kept)
            outcome.kept = len(kept_text)
            if page.listicle:
                outcome.first = page.first.found_in(kept_text) if page.first else None
                outcome.last = page.last.found_in(kept_text) if page.last else None
                if page.items_span:
                    outcome.ratio = outcome.kept / page.items_span
        for _ in range(repeat):  # interleaved, so that machine noise hits every method alike
            outcomes[_BASELINE].times.append(_timed(_bare_soup, page.data))
            outcomes[_SCORING_ONLY].times.append(_timed(find_main_content, root))
            for name, method in methods.items():
                if outcomes[name].error is None:
                    outcomes[name].times.append(_timed(method, page.text))
        for name, outcome in outcomes.items():
            results[name].append(outcome)
    return results


def _installed(package: str) -> bool:
    try:
        metadata.version(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("y" if value else "N")


def _cell(outcome: Outcome) -> str:
    if outcome.error:
        return f"{'ERR':>13}"
    ratio = "  -  " if outcome.ratio is None else f"{outcome.ratio:5.2f}"
    return f"{_flag(outcome.first)}{_flag(outcome.last)} {ratio} {outcome.ms:4.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="folder with manifest.jsonl and pages/")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per page and method")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    logging.disable(logging.CRITICAL)  # both libraries log every page they find hard
    optional, missing = _optional_extractors()
    for name in missing:
        print(f"MISSING, skipped: {name}")
    methods: dict[str, Extractor] = {"ours (density)": _ours, **optional}
    versions = ", ".join(
        f"{package} {metadata.version(package)}"
        for package in ("lxml", "beautifulsoup4", "trafilatura", "readability-lxml")
        if _installed(package)
    )
    print(f"Python {platform.python_version()}, {versions}; {args.repeat} timed runs per page")
    pages = _load(args.corpus)
    results = _measure(pages, methods, args.repeat)
    shown = list(methods)

    print("\nper page: first/last item found (y/N/- no probe), kept chars / items span, ms per page")
    print(f"{'page':34}" + "".join(f" {name[:13]:>13}" for name in shown) + f" {'bs4 ms':>6}")
    for index, page in enumerate(pages):
        cells = "".join(" " + _cell(results[name][index]) for name in shown)
        print(f"{page.page_id[:34]:34}{cells} {results[_BASELINE][index].ms:6.0f}")
    for name in shown:
        for page, outcome in zip(pages, results[name], strict=True):
            if outcome.error:
                print(f"  {name} on {page.page_id}: {outcome.error}")

    listicles = [index for index, page in enumerate(pages) if page.listicle]
    bare = [outcome.ms for outcome in results[_BASELINE]]
    median_bare = statistics.median(bare)
    print(f"\ntotals over {len(listicles)} listicles ({len(pages)} pages timed)")
    print(
        "| method | first item | last item | both | median kept/items | kept > "
        f"{_LOOSE_RATIO:g}x items | errors | median ms/page | ratio of medians to bs4 "
        "| median per-page ratio | worst page ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in results:
        outcomes = results[name]
        timed = [(outcome.ms, b) for outcome, b in zip(outcomes, bare, strict=True) if outcome.times]
        ms = [m for m, _b in timed]
        ratios = [m / b for m, b in timed]
        median_ms = statistics.median(ms)
        timing = (
            f"{median_ms:.1f} | {median_ms / median_bare:.2f} | {statistics.median(ratios):.2f} "
            f"| {max(ratios):.2f}"
        )
        if name not in methods:
            print(f"| {name} | | | | | | | {timing} |")
            continue
        with_first = [i for i in listicles if outcomes[i].first is not None]
        with_last = [i for i in listicles if outcomes[i].last is not None]
        first = sum(1 for i in with_first if outcomes[i].first)
        last = sum(1 for i in with_last if outcomes[i].last)
        both = sum(1 for i in listicles if outcomes[i].first and outcomes[i].last)
        spans = [ratio for i in listicles if (ratio := outcomes[i].ratio) is not None]
        loose = sum(1 for ratio in spans if ratio > _LOOSE_RATIO)
        errors = sum(1 for outcome in outcomes if outcome.error)
        print(
            f"| {name} | {first}/{len(with_first)} | {last}/{len(with_last)} | {both}/{len(listicles)} | "
            f"{statistics.median(spans):.2f} | {loose}/{len(spans)} | {errors} | {timing} |"
        )
    for name in missing:
        print(f"| {name.split()[0]} | MISSING | | | | | | | | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
