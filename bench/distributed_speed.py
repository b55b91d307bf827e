"""A distributed crawl's speed: 1 worker against 2 workers on Redis, same site, same run.

    python -m bench.distributed_speed --articles 300 [--workdir /tmp/bench-dist]

Generates the bench site (``bench/sitegen.py``), serves it with nginx on loopback (as
``bench/crawl_speed.py`` does), starts a redis-server on a free loopback port, and runs
a plain ``archiver crawl`` (the baseline, no Redis), then ``archiver crawl --redis`` as one
worker, then (a new job) with an ``archiver worker`` beside it. Prints responses/s of each,
their ratios (2 workers / 1 worker: target ≥ 1.7 on 2 cores) and Redis commands per crawled
response (``INFO commandstats`` before and after each crawl). The machine is shared and noisy:
read the ratios.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from bench.crawl_speed import CONCURRENCY, _free_port, build_site, start_nginx

BIN = Path(sys.executable).parent


def _commands(client: redis.Redis) -> int:
    """Commands Redis has run so far (INFO commandstats, every command's calls)."""
    stats = client.info("commandstats")
    return sum(int(entry["calls"]) for entry in stats.values() if isinstance(entry, dict))


def _responses(out: Path) -> int:
    run = json.loads((out / "crawl.json").read_text())["run"]
    return int(run.get("responses", 0))


def crawl(base: str, url: str | None, job: str, outs: list[Path]) -> float:
    """Run job ``job`` with one worker per folder in ``outs`` (``url`` None: a plain
    ``archiver crawl`` without Redis, the baseline); returns the wall-clock seconds from the
    first start to the last exit."""
    same = [
        "--set", f"CONCURRENT_REQUESTS={CONCURRENCY}",
        "--set", f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}",
        "--set", "AUTOTHROTTLE_ENABLED=False",
        "--set", "ARCHIVER_PROGRESS_INTERVAL=0",
        "--set", "LOG_LEVEL=WARNING",
        "--no-wacz",
    ]  # fmt: skip
    first = [
        str(BIN / "archiver"), "crawl", "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0",
        "--allow-private", *(["--redis", url] if url else []), "--job", job, "--out", str(outs[0]), *same,
    ]  # fmt: skip
    started = time.monotonic()
    processes = [subprocess.Popen(first, stdout=subprocess.DEVNULL)]
    if url is None:
        processes[0].wait()
        return time.monotonic() - started
    client = redis.Redis.from_url(url)
    while not client.exists(f"archiver:{job}:spec"):
        if processes[0].poll() is not None:
            break
        time.sleep(0.01)  # a bench, not a test: polling for the job's registration is fine
    for out in outs[1:]:
        worker = [str(BIN / "archiver"), "worker", "--redis", url, "--job", job, "--out", str(out), *same]
        processes.append(subprocess.Popen(worker, stdout=subprocess.DEVNULL))
    for process in processes:
        process.wait()
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-distributed"))
    args = parser.parse_args(argv)
    for tool in ("nginx", "redis-server"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (Debian: apt-get install nginx-light redis-server)")
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    port, redis_port = _free_port(), _free_port()
    base = f"http://127.0.0.1:{port}"
    _, pages = build_site(work / "site", args.articles, base)
    nginx = start_nginx(work / "site", port, work)
    server = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--dir", str(work)],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{redis_port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        plain_out = work / "plain"
        plain_seconds = crawl(base, None, "plain", [plain_out])
        plain = _responses(plain_out) / plain_seconds
        print(
            f"plain archiver crawl (no Redis): {_responses(plain_out)} responses "
            f"in {plain_seconds:.1f} s = {plain:.0f}/s"
        )
        results = []
        for workers in (1, 2):
            outs = [work / f"run{workers}" / f"w{n}" for n in range(workers)]
            before = _commands(client)
            seconds = crawl(base, url, f"bench{workers}", outs)
            commands = _commands(client) - before
            responses = sum(_responses(out) for out in outs)
            results.append(responses / seconds)
            print(
                f"{workers} worker(s): {responses} responses in {seconds:.1f} s "
                f"= {responses / seconds:.0f}/s; "
                f"per worker {[_responses(out) for out in outs]}; "
                f"Redis: {commands} commands, {commands / max(responses, 1):.1f} per response"
            )
        ratio = results[1] / results[0]
        print(
            f"site: {args.articles} articles, {pages} pages; 2 workers / 1 worker: {ratio:.2f}x; "
            f"1 worker / plain crawl: {results[0] / plain:.2f}x; "
            f"2 workers / plain crawl: {results[1] / plain:.2f}x"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        nginx.send_signal(signal.SIGQUIT)
        server.wait(timeout=30)
        nginx.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
