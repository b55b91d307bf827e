"""pywb, started for a test: a collection of WARC files served by ``wayback`` on a free loopback
port, always stopped. pywb pins old libraries, so it lives in its own virtualenv
(``.venv-pywb``, made by ``.ci/run``; ``ARCHIVER_PYWB_BIN`` points elsewhere)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYWB_BIN = Path(os.environ.get("ARCHIVER_PYWB_BIN", ROOT / ".venv-pywb" / "bin"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, check=False, cwd=cwd)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"


def _wait_until_listening(port: int, server: subprocess.Popen[bytes]) -> None:
    """Until pywb accepts connections (it prints nothing reliable to wait for)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.2)  # readiness poll of a foreign process, not a timing assumption


@contextmanager
def pywb_collection(root: Path, name: str, warcs: Iterable[Path | str]) -> Iterator[str]:
    """``wb-manager init NAME`` + ``add`` in ``root``, then ``wayback`` on 127.0.0.1: yields the
    collection's base URL (``http://127.0.0.1:PORT/NAME``). Skips the test when pywb is absent."""
    if not (PYWB_BIN / "wb-manager").exists():
        pytest.skip(f"pywb not installed at {PYWB_BIN} (.ci/run creates it)")
    _run([str(PYWB_BIN / "wb-manager"), "init", name], cwd=root)
    _run([str(PYWB_BIN / "wb-manager"), "add", name, *map(str, warcs)], cwd=root)
    port = free_port()
    server = subprocess.Popen(
        [str(PYWB_BIN / "wayback"), "-b", "127.0.0.1", "-p", str(port)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_listening(port, server)
        yield f"http://127.0.0.1:{port}/{name}"
    finally:
        server.terminate()
        server.wait(timeout=30)
