"""The ``archiver crawl`` command line the end-to-end tests run against loopback servers."""

from __future__ import annotations

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
