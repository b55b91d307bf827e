"""What the crawler refuses to do: listen on ports, reach private addresses, leak secrets."""

from __future__ import annotations

import base64
import gzip
import json
import random
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.runner import crawl_settings
from archiver.crawl.summary import read_run
from tests.crawl_command import crawl_on_a_full_disk, loopback_crawl
from tests.dns_server import dns_server
from tests.fault_server import Route, listicle_html, page, redirect, robots_allow_all, serve, status

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
    return dict(read_run(out))


def _scrapy_crawl(seeds: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl listicle``: no command-line check of the seeds before the crawl, so the
    crawl's own guards are what refuses them."""
    arguments = ["-a", f"url={','.join(seeds)}", "-a", f"out={out}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    return subprocess.run(
        [str(BIN / "scrapy"), "crawl", "listicle", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=Path(__file__).parent.parent,
    )


def test_loopback_targets_are_refused_by_address_and_by_resolved_name(tmp_path: Path) -> None:
    routes = {
        "/robots.txt": robots_allow_all(),
        "/list/": page(listicle_html("3 Private Things", range(1, 4))),
    }
    with serve(routes) as base:
        port = base.rsplit(":", 1)[1]
        by_name = f"http://localhost:{port}/list/"  # a name whose DNS answer is 127.0.0.1
        for seed in (f"{base}/list/", by_name):  # archiver crawl refuses them before it starts
            refused = subprocess.run(
                [str(BIN / "archiver"), "crawl", seed, "--out", str(tmp_path / "not-started")],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert refused.returncode == 64 and "pass --allow-private" in refused.stderr
        _scrapy_crawl([f"{base}/list/", by_name], tmp_path / "refused")
        summary: dict[str, Any] = dict(read_run(tmp_path / "refused"))
        allowed = _crawl([f"{base}/list/"], tmp_path / "allowed", "--allow-private")
    errors = {error["url"]: error["error"] for error in summary["errors"]}
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

    out = tmp_path / "out"
    with serve(routes) as base:
        result = crawl_on_a_full_disk(
            loopback_crawl(
                out, *[f"{base}/list-{n}/" for n in range(1, 40)], "--set", "CONCURRENT_REQUESTS=1"
            ),
            60_000,
        )
    assert result.returncode == 3, result.stderr[-2000:]  # stopped early: disk full
    assert "stopping the crawl: no space left" in result.stderr, (out / "crawl.json").read_text()[:1500]
    summary = read_run(out)
    assert summary["finish_reason"] == "disk_full"
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    assert warcs and not list((out / "warc").glob("*.open"))
    for warc in warcs:
        subprocess.run(["gzip", "-t", str(warc)], check=True)
        subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)
    for line in (out / "articles.jsonl").read_text().splitlines():
        json.loads(line)


# -- DNS rebinding: the connection uses the address that was checked ---------------------------
PUBLIC = "93.184.216.34"


def _counting_server(hits: list[str]) -> dict[str, Route]:
    def seen(route: Route) -> Route:
        def wrapped(handler: BaseHTTPRequestHandler) -> None:
            hits.append(handler.path)
            route(handler)

        return wrapped

    return {
        "/robots.txt": seen(robots_allow_all()),
        "/list/": seen(page(listicle_html("3 Private Things", range(1, 4)))),
    }


def _crawl_by_name(
    host: str, port: str, dns: str, out: Path, *extra: str, code: int = 69
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """``code``: the exit code expected; by default 69, nothing fetched (the name refused)."""
    result = subprocess.run(
        [
            str(BIN / "archiver"),
            "crawl",
            f"http://{host}:{port}/list/",
            "--out",
            str(out),
            *("--set", "AUTOTHROTTLE_ENABLED=False", "--set", f"ARCHIVER_DNS_SERVERS={dns}"),
            *("--set", "RETRY_ENABLED=False", "--set", "DOWNLOAD_TIMEOUT=5"),
            *extra,
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == code, result.stderr[-3000:]
    return dict(read_run(out)), result


@pytest.mark.parametrize("dns_cache", ["True", "False"])
def test_a_name_that_rebinds_to_loopback_never_reaches_the_loopback_server(
    tmp_path: Path, dns_cache: str
) -> None:
    """The name answers a public address first and 127.0.0.1 afterwards. With the DNS cache the
    connection uses the checked public answer; without it, the connection's own lookup gets
    127.0.0.1 and is refused by the resolver itself."""
    hits: list[str] = []
    with (
        serve(_counting_server(hits)) as base,
        dns_server(lambda name, asked: PUBLIC if asked == 0 else "127.0.0.1") as (dns, log),
    ):
        port = base.rsplit(":", 1)[1]
        summary, _ = _crawl_by_name(
            "rebind.test", port, dns, tmp_path / "out", "--set", f"DNSCACHE_ENABLED={dns_cache}"
        )
    assert hits == []
    assert ("rebind.test", PUBLIC) in log.answers  # the crawl did ask our DNS server
    assert summary["articles"] == 0


def test_names_resolve_through_the_crawlers_resolver_and_private_answers_are_refused(tmp_path: Path) -> None:
    hits: list[str] = []
    with serve(_counting_server(hits)) as base, dns_server(lambda name, asked: "127.0.0.1") as (dns, log):
        port = base.rsplit(":", 1)[1]
        refused, _ = _crawl_by_name("inside.test", port, dns, tmp_path / "refused")
        assert hits == []
        # The same name, allowed: the connection goes where the DNS server said (the control).
        allowed, _ = _crawl_by_name("inside.test", port, dns, tmp_path / "allowed", "--allow-private", code=0)
    errors = [error["error"] for error in refused["errors"]]
    assert any("inside.test resolves to non-public address 127.0.0.1" in error for error in errors), errors
    assert "/list/" in hits and allowed["articles"] == 1
    assert {name for name, _ in log.answers} == {"inside.test"}


def test_an_ipv6_loopback_answer_is_refused_like_an_ipv4_one(tmp_path: Path) -> None:
    hits: list[str] = []
    with (
        serve(_counting_server(hits)) as base,
        dns_server(lambda name, asked: PUBLIC, ipv6=lambda name, asked: "::1") as (dns, _),
    ):
        summary, _ = _crawl_by_name("mixed.test", base.rsplit(":", 1)[1], dns, tmp_path / "out")
    errors = [error["error"] for error in summary["errors"]]
    assert any("mixed.test resolves to non-public address ::1" in error for error in errors), errors
    assert hits == []


# -- credentials in seed URLs: sent as Basic auth, written nowhere ------------------------------
SECRET = "s3cr3t-Pw"
OTHER_SECRET = "0ther-Pw"


def _everything_written(out: Path) -> bytes:
    """Every byte the crawl wrote, WARC payloads decompressed."""
    data = b""
    for path in sorted(out.rglob("*")):
        if path.is_file():
            data += gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return data


def test_a_password_in_a_seed_url_is_sent_as_basic_auth_and_written_nowhere(tmp_path: Path) -> None:
    authorizations: dict[str, str | None] = {}

    def recording(route: Route) -> Route:
        def wrapped(handler: BaseHTTPRequestHandler) -> None:
            authorizations[handler.path] = handler.headers.get("Authorization")
            route(handler)

        return wrapped

    out = tmp_path / "out"
    with serve({}) as placeholder:
        closed_port = placeholder.rsplit(":", 1)[1]  # nothing listens there once it is shut
    routes: dict[str, Route] = {
        "/robots.txt": robots_allow_all(),
        "/list/": recording(page(listicle_html("3 Guarded Things", range(1, 4)))),
        "/missing/": recording(status(404)),
    }
    with serve(routes) as base:
        host = base.removeprefix("http://")
        routes["/moved/"] = recording(redirect(f"http://intruder:{OTHER_SECRET}@{host}/list/"))
        seeds = [
            f"http://reader:{SECRET}@{host}/list/",
            f"http://reader:{SECRET}@{host}/missing/",
            f"http://reader:{SECRET}@{host}/moved/",
            f"http://reader:{SECRET}@127.0.0.1:{closed_port}/gone/",
        ]
        result = subprocess.run(loopback_crawl(out, *seeds), capture_output=True, timeout=300, check=False)
    assert result.returncode == 2  # partial: a seed answers 404, one is on a closed port
    expected = "Basic " + base64.b64encode(f"reader:{SECRET}".encode()).decode()
    assert authorizations["/list/"] == expected
    assert authorizations["/moved/"] == expected
    written = _everything_written(out) + result.stdout + result.stderr
    for secret in (SECRET, base64.b64encode(f"reader:{SECRET}".encode()).decode(), "reader"):
        assert secret.encode() not in written
    # A password the server itself sent (in a Location header) is kept in its response record,
    # as received, and nowhere else: the redirect was followed without it.
    elsewhere = written.replace(f"Location: http://intruder:{OTHER_SECRET}@".encode(), b"")
    assert OTHER_SECRET.encode() not in elsewhere and b"intruder" not in elsewhere
    summary = read_run(out)
    assert summary["seeds"][0] == f"{base}/list/"
    assert any(error["url"] == f"http://127.0.0.1:{closed_port}/gone/" for error in summary["errors"])
    targets = set()
    for warc in (out / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_headers.get_header("WARC-Target-URI"):
                    targets.add(record.rec_headers.get_header("WARC-Target-URI"))
    assert f"{base}/list/" in targets and not any("@" in target for target in targets)


# -- who the crawler says it is ------------------------------------------------------------------
def _warcinfo(out: Path) -> dict[str, str]:
    warc = sorted((out / "warc").glob("*.warc.gz"))[0]
    with warc.open("rb") as stream:
        record = next(iter(ArchiveIterator(stream)))
        lines = record.content_stream().read().decode().splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


@pytest.mark.parametrize("command", ["scrapy", "archiver"])
def test_the_user_agent_and_the_warcinfo_operator_name_the_same_contact(tmp_path: Path, command: str) -> None:
    agents: list[str] = []

    def recording(handler: BaseHTTPRequestHandler) -> None:
        agents.append(handler.headers.get("User-Agent") or "")
        page(listicle_html("3 Polite Things", range(1, 4)))(handler)

    contact = "mailto:archivist@example.org"
    out = tmp_path / "out"
    with serve({"/robots.txt": robots_allow_all(), "/list/": recording}) as base:
        if command == "scrapy":  # the project's scrapy.cfg is in the repository root
            arguments = ["crawl", "listicle", "-a", f"url={base}/list/", "-a", f"out={out}"]
            arguments += ["-s", f"ARCHIVER_CONTACT={contact}", "-s", "ARCHIVER_ALLOW_PRIVATE=True"]
            run = [str(BIN / "scrapy"), *arguments, "-s", "AUTOTHROTTLE_ENABLED=False"]
        else:
            run = [*loopback_crawl(out, f"{base}/list/"), "--contact", contact]
        subprocess.run(run, check=True, capture_output=True, timeout=300, cwd=Path(__file__).parent.parent)
    info = _warcinfo(out)
    assert agents and set(agents) == {info["http-header-user-agent"]}
    assert info["operator"] == contact and f"(+{contact})" in agents[0]
