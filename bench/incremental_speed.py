"""Speed of a job's re-check runs against its first, full run, same process, same site.

    python -m bench.incremental_speed [--runs 6] [--workdir /tmp/bench-incremental]

Serves the loopback listicle site of the tests (tests/listicle_site.py: ETag and Last-Modified
on every file, 304 to a matching conditional request) and runs ``archiver job run`` of one job
``--runs`` times with the project's default politeness (AutoThrottle on): run 1 fetches
everything, every later run is answered 304 for every page and photo. Prints each run's wall
time, its responses and 304s (from its crawl.json), the ratio of each run to run 1, and the
size and row count of the job's capture index (which must not grow on an unchanged site).

A re-check run should not be slower than the full run it re-checks (before the 304-aware
AutoThrottle, archiver.crawl.throttle, it was 10-25 times slower). The machine is shared and
noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archiver.crawl.summary import read_run
from tests.listicle_site import listicle_site

BIN = Path(sys.executable).parent


def write_job(folder: Path, base: str) -> Path:
    """The job file: the site's sitemap, default politeness (AutoThrottle on)."""
    path = folder / "bench.toml"
    path.write_text(
        "\n".join(
            [
                'name = "bench"',
                f'sitemaps = ["{base}/sitemap.xml.gz"]',
                "depth = 0",
                "allow_private = true",
                'out = "job"',
                'contact = "mailto:bench@example.org"',
            ]
        )
        + "\n"
    )
    return path


def index_rows(job_dir: Path) -> int:
    with sqlite3.connect(job_dir / "captures.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM records").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-incremental"))
    args = parser.parse_args()
    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    walls: list[float] = []
    print(
        f"{'run':>3} {'wall s':>7} {'responses':>9} {'304s':>5} {'x run 1':>7} "
        f"{'index rows':>10} {'index KB':>8}"
    )
    with listicle_site() as site:
        job_file = write_job(args.workdir, site.base)
        for number in range(1, args.runs + 1):
            started = time.perf_counter()
            result = subprocess.run(
                [str(BIN / "archiver"), "job", "run", str(job_file)],
                capture_output=True,
                text=True,
                check=False,
            )
            wall = time.perf_counter() - started
            if result.returncode != 0:
                sys.exit(f"run {number} exited {result.returncode}:\n{result.stderr[-3000:]}")
            walls.append(wall)
            job_dir = args.workdir / "job"
            run_dir = sorted((job_dir / "runs").iterdir())[-1]
            run = read_run(run_dir)
            size = sum(path.stat().st_size for path in job_dir.glob("captures.sqlite3*"))
            print(
                f"{number:3d} {wall:7.2f} {run.get('responses', 0):9} {run.get('not_modified', 0):5} "
                f"{wall / walls[0]:7.2f} {index_rows(job_dir):10d} {size / 1024:8.0f}"
            )
    later = walls[1:]
    if later:
        print(f"re-check runs / full run: {sum(later) / len(later) / walls[0]:.2f}x (mean of {len(later)})")


if __name__ == "__main__":
    main()
