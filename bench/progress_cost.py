"""Cost of a live progress display: tqdm vs rich, drawing to a pseudo-terminal.

    .venv/bin/python -m bench.progress_cost --updates 20000

Measured in one run, against a baseline that formats the same counters and draws nothing:
- cost per update when every update redraws (the worst case: a display with no throttle);
- cost per update with each library's own throttle (tqdm's ``mininterval``, rich's refresh
  thread): what a crawl pays per page;
- import time of each library (a fresh interpreter per import, minus a bare interpreter).

The display draws into the slave side of ``os.openpty()``; a thread drains the master side so
that the terminal never fills up and blocks the writer. rich is optional: without it only
tqdm is measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

Update = Callable[[int], None]


class Pty:
    """A pseudo-terminal whose output is read and thrown away."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.file: IO[str] = os.fdopen(os.dup(self.slave), "w", buffering=1)
        self.drained = 0
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.drained += len(chunk)

    def close(self) -> None:
        self.file.close()
        os.close(self.slave)
        os.close(self.master)


def _status(i: int) -> str:
    return f"{i} pages, {i // 3} articles, {i * 4} items, {i * 3} photos, 0 errors"


def _baseline(_: Pty, forced: bool) -> tuple[Update, Callable[[], None]]:
    sink: list[str] = []

    def update(i: int) -> None:
        sink[:] = [_status(i)]

    return update, lambda: None


def _tqdm(pty: Pty, forced: bool) -> tuple[Update, Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(
        total=10**9,
        file=pty.file,
        mininterval=0 if forced else 0.1,
        unit="page",
        dynamic_ncols=False,
        ncols=100,
    )

    def update(i: int) -> None:
        bar.set_postfix_str(_status(i), refresh=False)
        bar.update(1)

    return update, bar.close


def _rich(pty: Pty, forced: bool) -> tuple[Update, Callable[[], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=pty.file, force_terminal=True, width=100)
    progress = Progress(
        BarColumn(),
        TextColumn("{task.description}"),
        TimeRemainingColumn(),
        console=console,
        auto_refresh=not forced,
    )
    progress.start()
    task = progress.add_task("", total=10**9)

    def update(i: int) -> None:
        progress.update(task, completed=i, description=_status(i), refresh=forced)

    return update, progress.stop


def per_update_seconds(
    make: Callable[[Pty, bool], tuple[Update, Callable[[], None]]], updates: int, forced: bool
) -> float:
    pty = Pty()
    try:
        update, close = make(pty, forced)
        started = time.perf_counter()
        for i in range(updates):
            update(i)
        elapsed = time.perf_counter() - started
        close()
        return elapsed / updates
    finally:
        pty.close()


def import_seconds(module: str, repeat: int) -> float:
    """Median wall time of ``python -c "import MODULE"`` minus that of a bare interpreter."""

    def run(code: str) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    return run(f"import {module}") - run("pass")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5, help="interpreters started per import timing")
    args = parser.parse_args(argv)
    libraries: dict[str, Any] = {"tqdm": _tqdm}
    try:
        import rich  # noqa: F401
    except ImportError:
        print("rich is not installed: measuring tqdm only", file=sys.stderr)
    else:
        libraries["rich"] = _rich
    for forced in (True, False):
        base = per_update_seconds(_baseline, args.updates, forced)
        label = "every update redraws" if forced else "library's own throttle"
        print(f"\n{label}: baseline {base * 1e6:.2f} us/update")
        for name, make in libraries.items():
            cost = per_update_seconds(make, args.updates, forced)
            print(f"  {name:5} {cost * 1e6:8.2f} us/update  ratio to baseline {cost / base:8.1f}")
    print("\nimport time (fresh interpreter, minus a bare one):")
    for name in libraries:
        module = "rich.progress" if name == "rich" else name
        print(f"  {name:5} {import_seconds(module, args.repeat) * 1e3:7.1f} ms")


if __name__ == "__main__":
    main()
