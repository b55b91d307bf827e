"""Speed of the extraction core against a bare BeautifulSoup parse, measured in the same run.

    python -m bench.parse_speed ../shared/corpus/pages [--repeat 5]

For every page: the full pipeline (decode, parse, extract, validate with pydantic, dump the JSON
line) and a bare ``BeautifulSoup(html, "lxml")`` of the same bytes, interleaved so that machine
noise hits both alike. Reports per-page medians and the ratio of the medians over all pages
(target: <= 1.0). The machine is shared and noisy: compare ratios, not milliseconds.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import statistics
import time
import warnings
from pathlib import Path

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from archiver.errors import ParseError
from archiver.parse.page import parse_page


def _full_pipeline(data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_page(data, "https://bench.example/page/").to_json()


def _bare_soup(data: bytes) -> None:
    BeautifulSoup(data, "lxml")


def _timed(function: object, data: bytes) -> float:
    assert callable(function)
    start = time.perf_counter()
    function(data)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pages", type=Path, help="folder of .html files")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    files = sorted(args.pages.glob("*.html"))
    if not files:
        parser.error(f"no .html files in {args.pages}")
    ours: list[float] = []
    bare: list[float] = []
    print(f"{'page':44} {'KB':>6} {'full ms':>8} {'bs4 ms':>8} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        _full_pipeline(data)  # warm caches and regexes once
        full_times, bare_times = [], []
        for _ in range(args.repeat):
            gc.collect()
            full_times.append(_timed(_full_pipeline, data))
            gc.collect()
            bare_times.append(_timed(_bare_soup, data))
        full_ms, bare_ms = statistics.median(full_times) * 1e3, statistics.median(bare_times) * 1e3
        ours.append(full_ms)
        bare.append(bare_ms)
        ratio = full_ms / bare_ms
        print(f"{path.name[:44]:44} {len(data) / 1024:6.0f} {full_ms:8.1f} {bare_ms:8.1f} {ratio:6.2f}")
    median_full, median_bare = statistics.median(ours), statistics.median(bare)
    print()
    print(f"median page: full pipeline {median_full:.1f} ms, bare BeautifulSoup(lxml) {median_bare:.1f} ms")
    print(f"ratio of medians (target <= 1.0): {median_full / median_bare:.2f}")
    print(
        f"median of per-page ratios: {statistics.median(o / b for o, b in zip(ours, bare, strict=True)):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
