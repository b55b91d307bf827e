"""What the crawler refuses to do: listen on ports, reach private addresses, leak secrets."""

from __future__ import annotations

import base64
import json
import random
import resource
import signal
import subprocess
import sys
from pathlib import Path

from archiver.crawl.runner import crawl_settings
from tests.crawl_command import loopback_crawl
from tests.fault_server import listicle_html, page, robots_allow_all, serve

BIN = Path(sys.executable).parent


def test_telnet_console_and_remote_control_are_off() -> None:
    settings = crawl_settings()
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert settings.getbool("ARCHIVER_ALLOW_PRIVATE") is False
    assert settings.getbool("ARCHIVER_RECORD_SECRETS") is False


def _crawl(seeds: list[str], out: Path, *extra: str) -> dict[str, object]:
    subprocess.run(
        [
            str(BIN / "archiver"),
            "crawl",
            *seeds,
            "--out",
            str(out),
            "--set",
            "AUTOTHROTTLE_ENABLED=False",
            *extra,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return dict(json.loads((out / "crawl.json").read_text()))


def test_loopback_targets_are_refused_by_address_and_by_resolved_name(tmp_path: Path) -> None:
    routes = {
        "/robots.txt": robots_allow_all(),
        "/list/": page(listicle_html("3 Private Things", range(1, 4))),
    }
    with serve(routes) as base:
        port = base.rsplit(":", 1)[1]
        by_name = f"http://localhost:{port}/list/"  # a name whose DNS answer is 127.0.0.1
        summary = _crawl([f"{base}/list/", by_name], tmp_path / "refused")
        allowed = _crawl([f"{base}/list/"], tmp_path / "allowed", "--allow-private")
    errors = {error["url"]: error["error"] for error in summary["errors"]}  # type: ignore[attr-defined]
    assert "non-public address 127.0.0.1" in errors[f"{base}/list/"]
    assert "localhost resolves to non-public address" in errors[by_name]
    assert summary["responses"] == 0 and summary["articles"] == 0
    assert allowed["articles"] == 1


def test_a_full_disk_stops_the_crawl_cleanly_and_keeps_what_was_written(tmp_path: Path) -> None:
    """A file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) makes writes fail with EFBIG, as a
    full disk fails them with ENOSPC."""
    routes = {"/robots.txt": robots_allow_all()}
    for n in range(1, 40):
        noise = base64.b64encode(random.Random(n).randbytes(15000))  # incompressible, as in the WARC
        routes[f"/list-{n}/"] = page(
            listicle_html(f"3 Things Part {n}", range(1, 4)) + b"<!--" + noise + b"-->"
        )

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))

    out = tmp_path / "out"
    with serve(routes) as base:
        result = subprocess.run(
            loopback_crawl(
                out, *[f"{base}/list-{n}/" for n in range(1, 40)], "--set", "CONCURRENT_REQUESTS=1"
            ),
            capture_output=True,
            text=True,
            timeout=300,
            preexec_fn=limit_file_size,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "stopping the crawl: no space left" in result.stderr, (out / "crawl.json").read_text()[:1500]
    summary = json.loads((out / "crawl.json").read_text())
    assert summary["finish_reason"] == "disk_full"
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    assert warcs and not list((out / "warc").glob("*.open"))
    for warc in warcs:
        subprocess.run(["gzip", "-t", str(warc)], check=True)
        subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)
    for line in (out / "articles.jsonl").read_text().splitlines():
        json.loads(line)
