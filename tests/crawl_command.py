"""The ``archiver crawl`` command line the end-to-end tests run against loopback servers."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def loopback_crawl(out: Path, *arguments: str) -> list[str]:
    """``archiver crawl ARGUMENTS --out OUT``, allowed to reach 127.0.0.1 (the test servers) and
    without AutoThrottle (its delays only slow the tests down)."""
    return [
        str(BIN / "archiver"),
        "crawl",
        *arguments,
        "--out",
        str(out),
        "--allow-private",
        "--set",
        "AUTOTHROTTLE_ENABLED=False",
    ]


def crawl_on_a_full_disk(command: list[str], max_file_bytes: int) -> subprocess.CompletedProcess[str]:
    """Run a crawl command whose files may not grow past ``max_file_bytes`` (RLIMIT_FSIZE): each
    write past it fails with EFBIG, as writes to a full disk fail with ENOSPC."""

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killing signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, preexec_fn=limit_file_size, check=False
    )
