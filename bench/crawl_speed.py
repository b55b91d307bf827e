"""Crawl speed and memory of the full pipeline against a bare Scrapy spider and wget, same run.

    python -m bench.crawl_speed --articles 1000 [--memory-articles 5000] [--workdir /tmp/bench]

Generates a listicle site (``bench/sitegen.py``: ~90 KB pages, 10-25 items with an image each,
a third paginated, a gzipped sitemap), serves it with nginx from Debian on loopback with
precompressed gzip, and measures, with the same concurrency:

1. the full pipeline: ``archiver crawl --sitemap`` (images, extraction, validation, JSONL, WARC);
2. a bare Scrapy spider fetching the same URLs and doing nothing else (``bench/bare_spider.py``);
3. ``wget --recursive --page-requisites --warc-file`` over the same site;

then ``archiver extract`` over the pipeline's WARCs, and (with ``--memory-articles``) the peak
RSS of the full pipeline on a larger site. Prints responses/s, pages/s, CPU s per page and peak
RSS, as ratios to the bare spider. The machine is shared and noisy: read the ratios.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from archiver.crawl.summary import read_run
from bench.sitegen import article_paths, site_files

BIN = Path(sys.executable).parent
CONCURRENCY = 16


@dataclass
class Run:
    name: str
    wall: float
    cpu: float
    peak_rss_mb: float
    responses: int
    pages: int

    def row(self, baseline: Run) -> str:
        rps, base_rps = self.responses / self.wall, baseline.responses / baseline.wall
        cpu_page = self.cpu / max(self.pages, 1)
        base_cpu_page = baseline.cpu / max(baseline.pages, 1)
        return (
            f"{self.name:34} {self.responses:7d} {rps:8.1f} ({rps / base_rps:4.2f}x) "
            f"{self.pages / self.wall:7.1f} {cpu_page * 1000:8.2f} ms ({cpu_page / base_cpu_page:4.2f}x) "
            f"{self.peak_rss_mb:7.0f} MB ({self.peak_rss_mb / baseline.peak_rss_mb:4.2f}x)"
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_site(root: Path, articles: int, base_url: str) -> tuple[list[str], int]:
    """Write the site (and .gz twins of HTML for gzip_static); returns all URLs and the page count."""
    if root.exists():
        shutil.rmtree(root)
    urls, pages = [], 0
    for path, body in site_files(articles, base_url):
        target = root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        if target.suffix == ".html":
            (target.parent / (target.name + ".gz")).write_bytes(gzip.compress(body, 6, mtime=0))
            pages += 1
        if not path.endswith((".gz", ".txt")):
            urls.append(base_url + path)
    index = "".join(f'<a href="{path}">{path}</a>\n' for path in article_paths(articles))
    (root / "index.html").write_text(f"<html><body>{index}</body></html>")
    return urls, pages


def start_nginx(root: Path, port: int, work: Path) -> subprocess.Popen[bytes]:
    config = work / "nginx.conf"
    config.write_text(f"""
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    gzip_static on;
    gzip_vary on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", str(config), "-p", str(work)])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx did not start")


def measure(name: str, command: list[str], responses_of: object, pages: int) -> Run:
    """Run ``command`` under GNU time: wall clock, user+sys CPU, peak RSS of the process tree's top."""
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-time-{os.getpid()}.txt"
    started = time.monotonic()
    subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", "-o", str(out), *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.monotonic() - started
    user, system, rss_kb = out.read_text().split()[-3:]
    assert callable(responses_of)
    return Run(name, wall, float(user) + float(system), int(rss_kb) / 1024, int(responses_of()), pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory-articles", type=int, default=0, help="also run the pipeline on this many")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/listicle-bench"))
    parser.add_argument("--extract-runs", type=int, default=3, help="extract runs (least CPU kept)")
    args = parser.parse_args(argv)
    if shutil.which("nginx") is None:
        parser.error("nginx is not installed (Debian: apt-get install nginx-light)")
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    urls, pages = build_site(work / "site", args.articles, base)
    (work / "urls.txt").write_text("\n".join(urls) + "\n")
    nginx = start_nginx(work / "site", port, work)
    same = [
        "-s",
        f"CONCURRENT_REQUESTS={CONCURRENCY}",
        "-s",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "ROBOTSTXT_OBEY=False",
    ]

    def pipeline(out: Path) -> list[str]:
        """The full pipeline over the site's sitemap, with the same settings as the baseline."""
        settings = [arg.replace("-s", "--set") if arg == "-s" else arg for arg in same]
        return [
            str(BIN / "archiver"),
            "crawl",
            "--sitemap",
            f"{base}/sitemap.xml.gz",
            "--depth",
            "0",
            "--out",
            str(out),
            "--allow-private",
            *settings,
            *["--set", "ARCHIVER_PROGRESS_INTERVAL=0", "--set", "LOG_LEVEL=WARNING"],
        ]

    try:
        bare = measure(
            "bare Scrapy spider (baseline)",
            [str(BIN / "python"), "-m", "bench.bare_spider", str(work / "urls.txt"), *same],
            lambda: len(urls),
            pages,
        )
        crawl_out = work / "crawl"
        shutil.rmtree(crawl_out, ignore_errors=True)

        def crawl_responses(out: Path = crawl_out) -> int:
            return int(read_run(out)["responses"])

        full = measure(
            "full pipeline (archiver crawl)",
            pipeline(crawl_out),
            crawl_responses,
            pages,
        )
        wget_dir = work / "wget"
        shutil.rmtree(wget_dir, ignore_errors=True)
        wget_dir.mkdir()
        wget = measure(
            "wget -r -p --warc-file",
            [
                "wget",
                "--recursive",
                "--level=inf",
                "--page-requisites",
                "--no-verbose",
                "-e",
                "robots=off",
                "--accept-regex",
                r"/(a/|img/|index\.html|$)",
                "--warc-file",
                str(wget_dir / "site"),
                "--directory-prefix",
                str(wget_dir / "files"),
                f"{base}/index.html",
            ],
            lambda: len(urls),
            pages,
        )
        warcs = [str(p) for p in sorted((crawl_out / "warc").glob("*.warc.gz"))]
        # CPU time of one process is what "pages per second per core" asks for; the least of a
        # few runs is the estimate least disturbed by other work on a shared machine.
        extracts = [
            measure(
                "archiver extract (WARC -> articles)",
                [str(BIN / "archiver"), "extract", *warcs, "-o", str(work / "extracted.jsonl")],
                lambda: crawl_responses(),
                pages,
            )
            for _ in range(args.extract_runs)
        ]
        identical = (work / "extracted.jsonl").read_bytes() == (crawl_out / "articles.jsonl").read_bytes()
        big = None
        if args.memory_articles:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait(timeout=30)
            build_site(work / "site", args.memory_articles, base)
            nginx = start_nginx(work / "site", port, work)
            big_out = work / "crawl-big"
            shutil.rmtree(big_out, ignore_errors=True)
            big = measure(
                f"full pipeline, {args.memory_articles} articles",
                pipeline(big_out),
                lambda: crawl_responses(big_out),
                pages,
            )
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=30)

    print(
        f"site: {args.articles} articles, {pages} pages, {len(urls)} URLs; concurrency {CONCURRENCY}; "
        f"{os.cpu_count()} cores"
    )
    print(
        f"{'run':34} {'resp':>7} {'resp/s':>8} {'ratio':>7} {'pages/s':>7} {'CPU/page':>11} {'ratio':>7} "
        f"{'peak RSS':>10} {'ratio':>7}"
    )
    for run in (bare, full, wget):
        print(run.row(bare))
    share = full.responses / full.wall / (bare.responses / bare.wall)
    print(f"full pipeline responses/s = {share:.0%} of the bare spider's (target >= 60%)")
    rates = sorted(run.pages / run.cpu for run in extracts)
    print(
        f"archiver extract: {rates[-1]:.0f} pages per CPU second (target >= 100; all runs: "
        f"{', '.join(f'{rate:.0f}' for rate in rates)}); peak RSS "
        f"{max(run.peak_rss_mb for run in extracts):.0f} MB; output identical to the crawl's: {identical}"
    )
    if big is not None:
        print(
            f"peak RSS: {full.peak_rss_mb:.0f} MB at {args.articles} articles, {big.peak_rss_mb:.0f} MB at "
            f"{args.memory_articles} ({big.peak_rss_mb / full.peak_rss_mb - 1:+.0%}; target within 10%)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
