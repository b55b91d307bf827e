"""A real ``redis-server`` on a free 127.0.0.1 port for the distributed-crawl tests, always
stopped. Its data is persisted (append-only file, fsync on every write) in a folder of the
test's, so :meth:`RedisServer.restart` on the same port keeps the job, as a production Redis
restarted with persistence does."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import redis


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RedisServer:
    """A redis-server process: ``url`` (redis://127.0.0.1:PORT/0), ``folder`` its data."""

    folder: Path
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=10)

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed (Debian package redis-server; .ci/run installs it)"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--protected-mode",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Ready when it answers PING (redis-py waits for the connection, no sleeps here).
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)
        for _ in range(200):
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            try:
                client.ping()
                return
            except redis.ConnectionError:
                # Not listening yet: wait on the process a moment (also notices an early exit).
                with suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.05)
        raise RuntimeError("redis-server did not answer PING")

    def stop(self) -> None:
        """Stop it (SHUTDOWN: the append-only file is complete), or kill it if it does not stop."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    def restart_without_data(self) -> None:
        """Stop it, delete its files, start it again on the same port: a Redis restarted
        without persistence (every key gone)."""
        self.stop()
        shutil.rmtree(self.folder)
        self.start()


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    """A started redis-server keeping its data in ``folder``; stopped at the end."""
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
