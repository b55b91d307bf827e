"""Serve an output folder's WARC files with pywb's ``wayback`` on 127.0.0.1.

pywb pins old libraries (gevent, ``greenlet<3``), so it lives in its own virtualenv and runs as a
subprocess; :func:`find_wayback` says where. :func:`serve_collection` is the one entry point:
``with serve_collection(out) as prefix:`` gives ``http://127.0.0.1:PORT/JOB``, the prefix that
:func:`archiver.replay.links.replay_link` takes, and always stops pywb.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from archiver.replay.collection import Collection, collection

ROOT = Path(__file__).resolve().parents[2]
PYWB_ENV = "ARCHIVER_PYWB_BIN"
INSTALL_HINT = (
    "install it in its own virtualenv: python3 -m venv .venv-pywb && "
    ".venv-pywb/bin/pip install pywb 'greenlet<3' 'setuptools<81' "
    f"(or give --pywb DIR or {PYWB_ENV}=DIR, the folder holding pywb's wayback)"
)
START_TIMEOUT = 60.0  # seconds pywb may take to import and answer (a cold start takes ~2 s)
_PORT_ATTEMPTS = 3  # a free port picked here may be taken before pywb binds it: try another
_LOG_LINES = 20  # last lines of pywb's output kept to explain a failure


class PywbUnavailable(Exception):
    """pywb's ``wayback`` is not installed where it was looked for."""


class PywbFailed(Exception):
    """pywb did not start (or stopped); the message ends with pywb's last output line."""


def find_wayback(folder: Path | None = None) -> Path:
    """pywb's ``wayback`` program: in ``folder`` (``--pywb``: a virtualenv or its ``bin``) when
    given, else in ``$ARCHIVER_PYWB_BIN``, else on ``PATH``, else in the project's
    ``.venv-pywb/bin``. Raises :class:`PywbUnavailable` naming where it looked."""
    explicit = folder or (Path(os.environ[PYWB_ENV]) if os.environ.get(PYWB_ENV) else None)
    if explicit is not None:
        for candidate in (explicit / "wayback", explicit / "bin" / "wayback"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
        raise PywbUnavailable(f"pywb's wayback is not in {explicit}; {INSTALL_HINT}")
    on_path = shutil.which("wayback")
    if on_path:
        return Path(on_path)
    bundled = ROOT / ".venv-pywb" / "bin" / "wayback"
    if bundled.is_file():
        return bundled
    raise PywbUnavailable(
        f"pywb is not installed (no wayback on PATH or in {bundled.parent}); {INSTALL_HINT}"
    )


def free_port() -> int:
    """A TCP port free on 127.0.0.1 at the time of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Loaded here, not in the child: importing after a fork in a process with threads can deadlock.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child before exec: pywb gets SIGTERM if this process dies without stopping it
    (a SIGKILL) instead of serving on forever. Linux sends it when the *thread* that started
    pywb ends, so start it from one that outlives the replay (the main thread)."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class PywbServer:
    """One ``wayback`` process serving ``collection`` on 127.0.0.1. Start it with
    :meth:`start`, always :meth:`stop` it."""

    def __init__(self, wayback: Path, served: Collection, port: int = 0) -> None:
        self.wayback = wayback
        self.collection = served
        self.requested_port = port
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.output: deque[str] = deque(maxlen=_LOG_LINES)

    @property
    def prefix(self) -> str:
        """The collection's replay prefix, ``http://127.0.0.1:PORT/NAME``."""
        return f"http://127.0.0.1:{self.port}/{self.collection.name}"

    def start(self) -> None:
        """Start pywb and return once it answers for the collection. Raises :class:`PywbFailed`
        when it exits first or does not answer within ``START_TIMEOUT`` seconds."""
        attempts = 1 if self.requested_port else _PORT_ATTEMPTS
        for attempt in range(attempts):
            self.port = self.requested_port or free_port()
            self._spawn()
            try:
                self._wait_until_answering()
                return
            except PywbFailed:
                self.stop()
                taken = any("Address already in use" in line for line in self.output)
                if not taken or attempt == attempts - 1:
                    raise

    def _spawn(self) -> None:
        self.output.clear()
        self.process = subprocess.Popen(
            [str(self.wayback), "--bind", "127.0.0.1", "--port", str(self.port)],
            cwd=self.collection.folder,  # wayback reads ./config.yaml and ./templates/
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Its own session: a Ctrl-C at the terminal reaches only this process, which stops
            # pywb itself (pywb would print a traceback of its own).
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        assert self.process.stdout is not None
        # pywb logs every request: drained here (else its pipe fills and pywb blocks), the last
        # lines kept for an error message.
        threading.Thread(target=self._drain, args=(self.process.stdout,), daemon=True).start()

    def _drain(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.output.append(line.decode("utf-8", "replace").rstrip())

    def _answers(self) -> bool:
        """Whether pywb on our port lists our collection (and not some other server that took
        the port)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/collinfo.json", timeout=5) as reply:
                listing = json.loads(reply.read())
        except (OSError, ValueError):
            return False
        return isinstance(listing, dict) and self.collection.name in listing.get("fixed", [])

    def _wait_until_answering(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while not self._answers():
            if self.process.poll() is not None:
                raise PywbFailed(f"pywb exited with code {self.process.returncode}{self._last_words()}")
            if time.monotonic() > deadline:
                raise PywbFailed(f"pywb did not answer within {START_TIMEOUT:.0f} s{self._last_words()}")
            time.sleep(0.1)  # pywb signals readiness only by answering: poll it

    def _last_words(self) -> str:
        lines = [line for line in self.output if line.strip()]
        return f" ({lines[-1].strip()})" if lines else ""

    def wait(self) -> int:
        """Block until pywb exits; its exit code."""
        assert self.process is not None
        return self.process.wait()

    def failure(self) -> str:
        """Why pywb stopped on its own, in one line."""
        code = self.process.returncode if self.process else None
        return f"pywb stopped (exit code {code}){self._last_words()}"

    def stop(self) -> None:
        """Stop pywb (SIGTERM, then SIGKILL after 10 s) and wait for it. Idempotent."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_pywb(out: Path, *, port: int = 0, pywb: Path | None = None) -> Iterator[PywbServer]:
    """A started :class:`PywbServer` over ``out``'s WARC files (collection in ``OUT/.replay``,
    see :mod:`archiver.replay.collection`), stopped on exit. ``port`` 0 picks a free one.
    Raises :class:`PywbUnavailable`, :class:`PywbFailed`,
    :class:`archiver.replay.collection.NoWarcs` and ``OSError``."""
    wayback = find_wayback(pywb)
    with collection(out) as served:
        server = PywbServer(wayback, served, port)
        try:
            server.start()
            yield server
        finally:
            server.stop()


@contextmanager
def serve_collection(out: Path, *, port: int = 0, pywb: Path | None = None) -> Iterator[str]:
    """Serve ``out``'s WARCs with pywb on 127.0.0.1 (``port`` 0: a free port) until the ``with``
    ends; yields the collection prefix ``http://127.0.0.1:PORT/NAME`` for
    :func:`archiver.replay.links.replay_link`. Raises what :func:`running_pywb` raises."""
    with running_pywb(out, port=port, pywb=pywb) as server:
        yield server.prefix
