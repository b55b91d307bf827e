"""`archiver extract` with 1 process against 2 (or more), same WARCs, same run.

    python -m bench.extract_parallel --articles 500 [--jobs 2] [--workdir /tmp/extract-bench]

Generates the bench site (``bench/sitegen.py``), serves it with nginx on loopback and crawls it
once with ``archiver crawl --sitemap`` (as ``bench/crawl_speed.py`` does; ``--reuse`` keeps an
earlier crawl of the work folder), then runs ``archiver extract --jobs 1`` and ``--jobs N`` over
its WARCs, alternately, and prints wall clock, CPU and peak RSS of each and the speed-up. The
outputs must be byte-identical to each other and to the crawl's articles.jsonl. The machine is
shared and noisy, and its speed drifts over minutes: each round runs ``--jobs 1``, ``--jobs N``
and the independent runs below back to back, the speed-up is taken within each round, and the
median of the rounds is the figure (the least wall clock of each is printed too).

Also measured, alternately with those: N independent ``--jobs 1`` extractions started at once
(``--jobs`` of them). Their speed-up, N x one's wall clock over the wall clock of all N, is
what the machine itself gives N processes that share nothing (cores that slow each other down,
shared caches): the ceiling for ``--jobs N``, printed beside it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
from pathlib import Path

from bench.crawl_speed import CONCURRENCY, Run, _free_port, build_site, measure, start_nginx

BIN = Path(sys.executable).parent


def crawl(work: Path, articles: int) -> Path:
    """The bench site crawled into ``work/crawl`` (a crawl's --out folder)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    build_site(work / "site", articles, base)
    nginx = start_nginx(work / "site", port, work)
    out = work / "crawl"
    shutil.rmtree(out, ignore_errors=True)
    settings = [
        f"CONCURRENT_REQUESTS={CONCURRENCY}",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}",
        "AUTOTHROTTLE_ENABLED=False",
        "ROBOTSTXT_OBEY=False",
        "ARCHIVER_PROGRESS_INTERVAL=0",
        "LOG_LEVEL=WARNING",
    ]
    try:
        command = [str(BIN / "archiver"), "crawl", "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0"]
        command += ["--out", str(out), "--allow-private", "--no-wacz"]
        for setting in settings:
            command += ["--set", setting]
        os.spawnv(os.P_WAIT, command[0], command)
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=30)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel run")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each (least wall clock kept)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/extract-bench"))
    parser.add_argument("--reuse", action="store_true", help="keep the work folder's earlier crawl")
    args = parser.parse_args(argv)
    if shutil.which("nginx") is None:
        parser.error("nginx is not installed (Debian: apt-get install nginx-light)")
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    out = work / "crawl"
    if not (args.reuse and (out / "articles.jsonl").exists()):
        out = crawl(work, args.articles)
    warcs = [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))]
    articles = (out / "articles.jsonl").read_bytes()
    responses = (out / "pages.jsonl").read_bytes().count(b"\n")

    def extract(jobs: int) -> Run:
        target = work / f"extracted-{jobs}.jsonl"
        command = [str(BIN / "archiver"), "extract", "--jobs", str(jobs), *warcs, "-o", str(target)]
        run = measure(f"archiver extract --jobs {jobs}", command, lambda: responses, responses)
        if target.read_bytes() != articles:
            raise SystemExit(f"--jobs {jobs}: output differs from the crawl's articles.jsonl")
        return run

    def independent() -> Run:
        """``--jobs`` one-process extractions at once (one shell waiting for all of them)."""
        targets = [work / f"independent-{number}.jsonl" for number in range(args.jobs)]
        one = " ".join(
            f"'{BIN / 'archiver'}' extract --jobs 1 {' '.join(warcs)} -o '{target}' &" for target in targets
        )
        run = measure(
            f"{args.jobs} x --jobs 1 at once", ["sh", "-c", f"{one} wait"], lambda: responses, responses
        )
        if any(target.read_bytes() != articles for target in targets):
            raise SystemExit("an independent --jobs 1: output differs from the crawl's articles.jsonl")
        return run

    runs: dict[int, list[Run]] = {1: [], args.jobs: []}
    pairs: list[Run] = []
    for _ in range(args.repeat):
        for jobs in runs:
            runs[jobs].append(extract(jobs))
        pairs.append(independent())
    best = {jobs: min(found, key=lambda run: run.wall) for jobs, found in runs.items()}
    together = min(pairs, key=lambda run: run.wall)
    # Within each round: the machine's speed drifts over minutes, less within one round.
    ratios = [one.wall / many.wall for one, many in zip(runs[1], runs[args.jobs], strict=True)]
    ceilings = [args.jobs * one.wall / pair.wall for one, pair in zip(runs[1], pairs, strict=True)]
    load = os.getloadavg()
    lines = articles.count(b"\n")
    print(
        f"{len(warcs)} WARC files, {responses} pages in pages.jsonl, {lines} articles; "
        f"{len(os.sched_getaffinity(0))} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(f"{'run':28} {'wall s':>7} {'CPU s':>7} {'peak RSS':>9}")
    for run in [*best.values(), together]:
        print(f"{run.name:28} {run.wall:7.2f} {run.cpu:7.2f} {run.peak_rss_mb:6.0f} MB")
    ratio, ceiling = statistics.median(ratios), statistics.median(ceilings)
    print(f"speed-up, {args.jobs} processes over 1, per round: {' '.join(f'{r:.2f}' for r in ratios)}")
    least = best[1].wall / best[args.jobs].wall
    print(f"  median {ratio:.2f}x, of the least wall clocks {least:.2f}x (outputs identical)")
    print(
        f"the machine's own speed-up for {args.jobs} independent one-process runs, per round: "
        f"{' '.join(f'{c:.2f}' for c in ceilings)}; median {ceiling:.2f}x "
        f"(--jobs {args.jobs} reaches {ratio / ceiling:.0%} of it)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
