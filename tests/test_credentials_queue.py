"""Seed credentials never reach the scheduler's queues: a retry waiting when the crawl is paused
(Ctrl-C with --job-dir) is saved in the JOBDIR without the Authorization header the credentials
middleware added, and gets it back when the resumed crawl sends it."""

from __future__ import annotations

import base64
import signal
import subprocess
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.crawl_command import loopback_crawl
from tests.fault_server import listicle_html, robots_allow_all, send, serve

USER, PASSWORD = "reader", "Tr0ub4dor&3-seed"
PAGES = 6


def test_a_waiting_retry_is_saved_without_the_seed_password_and_resent_with_it(tmp_path: Path) -> None:
    expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    seen: list[tuple[str, str | None]] = []
    lock = threading.Condition()
    busy = threading.Event()
    release = threading.Event()  # pages wait for it: the crawl is stopped with work still queued

    def record(handler: BaseHTTPRequestHandler) -> None:
        with lock:
            seen.append((handler.path, handler.headers.get("Authorization")))
            lock.notify_all()

    def busy_page(handler: BaseHTTPRequestHandler) -> None:
        record(handler)
        if busy.is_set():
            send(handler, 503, b"<html>busy</html>", headers=[("Retry-After", "4")])
        else:
            send(handler, 200, listicle_html("3 Busy Things", range(1, 4)))

    def slow_page(handler: BaseHTTPRequestHandler) -> None:
        record(handler)
        release.wait(timeout=60)
        send(handler, 200, listicle_html(f"3 Things {handler.path}", range(1, 4)))

    routes = {
        "/robots.txt": robots_allow_all(),
        "/busy/": busy_page,
        **{f"/p{n}/": slow_page for n in range(PAGES)},
    }
    root = tmp_path
    busy.set()
    with serve(routes) as base:
        host = base.removeprefix("http://")
        seeds = [f"http://{USER}:{PASSWORD}@{host}/busy/"] + [
            f"http://{USER}:{PASSWORD}@{host}/p{n}/" for n in range(PAGES)
        ]
        command = loopback_crawl(
            root / "out",
            *seeds,
            "--depth",
            "0",
            "--job-dir",
            str(root / "job"),
            "--set",
            "CONCURRENT_REQUESTS=1",
        )
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        with lock:
            # The 503 answered (its retry now waits in the scheduler) and a page in flight.
            assert lock.wait_for(
                lambda: any(p == "/busy/" for p, _ in seen) and any(p.startswith("/p") for p, _ in seen), 120
            )
        process.send_signal(signal.SIGINT)
        release.set()
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 3, stderr.decode(errors="replace")[-3000:]  # stopped early
        queue = root / "job" / "requests.queue"
        assert queue.is_dir() and any(path.is_file() and path.stat().st_size for path in queue.rglob("q*"))
        for path in (root / "job").rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert expected.split()[1].encode() not in data, path
                assert PASSWORD.encode() not in data, path

        busy.clear()
        resumed = subprocess.run(command, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode(errors="replace")[-3000:]
    assert [auth for path, auth in seen if path == "/busy/"][-1] == expected
    assert all(auth == expected for path, auth in seen if path != "/robots.txt")
