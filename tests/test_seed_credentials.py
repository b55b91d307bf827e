"""Several seeds of one origin with different credentials: each request gets the credentials of
the seed whose folder it is under (the deepest), others on the origin the first seed's; never
another origin. A real crawl against a loopback server that records what it receives."""

from __future__ import annotations

import base64
import subprocess
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, robots_allow_all, send, serve


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_each_seed_folder_gets_its_own_credentials(tmp_path: Path) -> None:
    received: dict[str, str | None] = {}
    lock = threading.Lock()

    def recording(title: str, related: list[str]) -> Route:
        links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in related)
        body = listicle_html(title, range(1, 4)).replace(
            b"</body>",
            f'<section class="related"><h3>Related posts</h3><ul>{links}</ul></section></body>'.encode(),
        )

        def route(handler: BaseHTTPRequestHandler) -> None:
            with lock:
                received[handler.path] = handler.headers.get("Authorization")
            send(handler, 200, body)

        return route

    routes = {
        "/robots.txt": robots_allow_all(),
        "/team-a/list/": recording("3 A Things", ["/team-a/more/", "/elsewhere/"]),
        "/team-a/more/": recording("3 More A Things", []),
        "/team-b/list/": recording("3 B Things", []),
        "/team-b/list/deep/": recording("3 Deep B Things", []),
        "/open/list/": recording("3 Open Things", []),
        "/elsewhere/": recording("3 Elsewhere Things", []),
    }
    with serve(routes) as base:
        host = base.removeprefix("http://")
        seeds = [
            f"http://ann:first-secret@{host}/team-a/list/",
            f"http://bob:second-secret@{host}/team-b/list/",
            f"http://cy:third-secret@{host}/team-b/list/deep/",
            f"http://{host}/open/list/",
        ]
        result = subprocess.run(
            loopback_crawl(tmp_path / "out", *seeds, "--depth", "1"),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "name different credentials" in result.stderr
    ann, bob, cy = _basic("ann", "first-secret"), _basic("bob", "second-secret"), _basic("cy", "third-secret")
    assert {path: auth for path, auth in received.items() if path != "/robots.txt"} == {
        "/team-a/list/": ann,
        "/team-a/more/": ann,  # under no seed's folder: the origin's first seed
        "/elsewhere/": ann,
        "/team-b/list/": bob,
        "/team-b/list/deep/": cy,
        "/open/list/": ann,  # a seed without credentials on the origin: still the first seed's
    }
