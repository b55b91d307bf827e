"""Peak memory of `archiver wacz` on a 1,000-article and a 5,000-article output folder.

    python -m bench.wacz_memory [--articles 1000 5000] [--page-kb 30] [--workdir /tmp/wacz-bench]

Crawl-free: each output folder is written directly with the project's WARC writer
(:class:`archiver.warc.WarcWriter`, the crawl's own, rotating at 100 MB as a long crawl's
files do) from the bench's site generator (``bench/sitegen.py``: 10-25 items a page with a
photo each, a third of the articles over 2-3 pages), plus the ``pages.jsonl`` lines the crawl
writes for those pages. A real crawl of 5,000 articles (some 95,000 responses) takes much
longer than packaging it, and the WACZ sees the same files either way: WARCs, pages.jsonl.

Each folder is then packaged by ``archiver wacz`` in a subprocess, whose peak RSS is read from
``os.wait4`` (its own ``ru_maxrss``, not the running maximum over all children that
``RUSAGE_CHILDREN`` gives). The issue asks the larger within 10% of the smaller.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from archiver.warc import WarcWriter
from archiver.warc.exchange import HttpExchange
from bench.sitegen import site_files

BIN = Path(sys.executable).parent
BASE = "http://listicles.example"
WARC_MAX_SIZE = 100_000_000


@dataclass
class Result:
    articles: int
    warc_bytes: int
    warc_files: int
    wacz_bytes: int
    seconds: float
    peak_rss_mb: float
    summary: str


def _content_type(path: str) -> str:
    if path.endswith(".jpg"):
        return "image/jpeg"
    if path.endswith(".gz"):
        return "application/gzip"
    return "text/plain" if path.endswith(".txt") else "text/html; charset=utf-8"


def write_output_folder(out: Path, articles: int, page_kb: int) -> None:
    """A crawl's output folder for a generated site of ``articles`` articles: WARCs and the
    pages.jsonl lines of the article pages (title, counts, record cited)."""
    out.mkdir(parents=True)
    warc = WarcWriter(out / "warc", prefix="bench", info={"isPartOf": "bench"}, max_size=WARC_MAX_SIZE)
    article_of: dict[str, tuple[str, int]] = {}
    with (out / "pages.jsonl").open("w", encoding="utf-8") as pages:
        for path, body in site_files(articles, BASE, page_kb=page_kb):
            url = f"{BASE}{path}"
            headers = [("Content-Type", _content_type(path)), ("Content-Length", str(len(body)))]
            record = warc.write_exchange(HttpExchange(url, 200, headers, body))
            if not path.startswith("/a/"):
                continue
            # /a/00012-things/ is page 1 of its article, /a/00012-things/2/ page 2.
            slug = "/".join(path.split("/")[:3]) + "/"
            number = 1 if path == slug else int(path.rstrip("/").rsplit("/", 1)[1])
            first, _ = article_of.setdefault(slug, (f"{BASE}{slug}", 0))
            text = body.decode()
            title = text.split("<title>", 1)[1].split("</title>", 1)[0]
            entry = {
                "url": url,
                "status": 200,
                "fetched_at": record.date,
                "warc_filename": record.filename,
                "warc_offset": record.offset,
                "warc_record_id": record.record_id,
                "hops": 0,
                "article_url": first,
                "page_number": number,
                "title": title,
                "declared_count": int(title.split(" ", 1)[0]),
                "items": text.count("<h2>"),
                "next_page_url": None,
                "listicle": True,
                "reason": None,
            }
            pages.write(json.dumps(entry) + "\n")
    warc.close()
    (out / "crawl.json").write_text(json.dumps({"job": "bench"}), encoding="utf-8")


def package(out: Path) -> tuple[float, float, str]:
    """Run ``archiver wacz OUT``: (seconds, peak RSS in MB, its summary line)."""
    started = time.monotonic()
    child = subprocess.Popen(
        [str(BIN / "archiver"), "wacz", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = (stream.read().decode() for stream in (child.stdout, child.stderr))  # type: ignore[union-attr]
    if child.returncode != 0:
        raise SystemExit(f"archiver wacz {out} failed ({child.returncode}): {stderr}")
    return time.monotonic() - started, usage.ru_maxrss / 1024, stdout.strip()


def measure(workdir: Path, articles: int, page_kb: int) -> Result:
    out = workdir / f"out-{articles}"
    shutil.rmtree(out, ignore_errors=True)
    print(f"writing the output folder of {articles} articles...", file=sys.stderr)
    write_output_folder(out, articles, page_kb)
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    print(f"packaging it ({len(warcs)} WARC files)...", file=sys.stderr)
    seconds, peak, summary = package(out)
    wacz = out / "bench.wacz"
    result = Result(
        articles,
        sum(p.stat().st_size for p in warcs),
        len(warcs),
        wacz.stat().st_size,
        seconds,
        peak,
        summary,
    )
    shutil.rmtree(out)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--page-kb", type=int, default=30, help="size of each generated page")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archiver-wacz-bench"))
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = [measure(args.workdir, count, args.page_kb) for count in args.articles]
    baseline = results[0]
    columns = ("articles", "WARC files", "WARC MB", "WACZ MB", "seconds", "peak RSS")
    print(" ".join(f"{name:>10}" for name in columns), "ratio")
    for result in results:
        print(
            f"{result.articles:10d} {result.warc_files:10d} {result.warc_bytes / 1e6:10.1f} "
            f"{result.wacz_bytes / 1e6:10.1f} {result.seconds:10.1f} {result.peak_rss_mb:7.1f} MB "
            f"{result.peak_rss_mb / baseline.peak_rss_mb:5.3f}"
        )
        print(f"         {result.summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
