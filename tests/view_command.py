"""The ``archiver view`` command the item-view tests run: a real subprocess, its URL read from
the first line it prints, always stopped (SIGTERM, then its exit checked)."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

from tests.crawl_command import BIN


def view_command(out: Path, *arguments: str) -> list[str]:
    return [str(BIN / "archiver"), "view", str(out), *arguments]


@dataclass
class RunningView:
    url: str
    process: subprocess.Popen[str]
    stopped_output: tuple[str, str] | None = None  # (stdout, stderr) after it stopped


@contextmanager
def running_view(out: Path, *arguments: str, pywb: bool = False) -> Iterator[RunningView]:
    """``archiver view OUT ARGUMENTS`` serving: yields its URL (the first stdout line) and the
    process; on exit stops it with SIGTERM and asserts it ended with 0 and no traceback.
    ``pywb``: let it start pywb when found (else ``--no-replay`` unless a ``--replay-url`` is
    given: tests of the view itself do not depend on whether this machine has pywb)."""
    if not pywb and "--replay-url" not in arguments:
        arguments = (*arguments, "--no-replay")
    process = subprocess.Popen(
        view_command(out, *arguments), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    running = RunningView("", process)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # waits for the server to be listening (or to die)
        assert first.startswith("http://127.0.0.1:"), f"no URL first: {first!r}, {process.communicate()}"
        running.url = first.strip()
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
        running.stopped_output = (stdout, stderr)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET ``url``: (status, headers with lower-cased names, body); raises for non-2xx."""
    with urlopen(url, timeout=60) as answer:
        return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
