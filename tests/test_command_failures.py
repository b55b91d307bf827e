"""Each way ``archiver crawl`` can fail, run as a real subprocess against real loopback servers:
the documented exit code (archiver.crawl.outcome), exactly one ``archiver: error:`` line on
stderr, no traceback, and the outputs of an earlier run into the same --out intact.

Runs are synchronised on events (a server having seen N requests, a process having ended),
never on time. The endless site below never finishes by itself, so a run that ends did so for
the reason under test (a signal, a limit).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import BIN, loopback_crawl
from tests.dns_server import dns_server
from tests.fault_server import page, send, serve

TIMEOUT = 120
ERROR_PREFIX = "archiver: error: "


def listicle(title: str, related: list[str]) -> bytes:
    items = "".join(
        f"<h2>{n}. Thing {n} of {title}</h2><p>Why thing {n} matters here.</p>" for n in range(1, 6)
    )
    links = "".join(f'<li><a href="{path}">More like {path}</a></li>' for path in related)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body><main>"
        f"<article><h1>{title}</h1><div class='entry-content'>{items}</div></article>"
        f"<section class='related'><h3>Related posts</h3><ul>{links}</ul></section></main></body></html>"
    ).encode()


class EndlessSite:
    """/a/N/ recommends /a/N+1/ ... /a/N+3/: a crawl of it never ends by itself. ``seen(n)``
    waits until the server has answered ``n`` requests."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Condition()
        self.hold_at: int | None = None  # this page is held unanswered until release is set
        self.release = threading.Event()

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        number = int(handler.path.strip("/").split("/")[-1] or 0)
        if number == self.hold_at:
            with self._lock:
                self.count += 1
                self._lock.notify_all()
            self.release.wait(timeout=TIMEOUT)
            return
        send(handler, 200, listicle(f"Endless {number}", [f"/a/{number + k}/" for k in range(1, 4)]))
        with self._lock:
            self.count += 1
            self._lock.notify_all()

    def seen(self, requests: int) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: self.count >= requests, timeout=TIMEOUT)


@pytest.fixture
def endless() -> Iterator[tuple[str, EndlessSite]]:
    site = EndlessSite()
    with serve({"/robots.txt": page(b""), "/a/*": site.route}) as base:
        try:
            yield base, site
        finally:
            site.release.set()


def endless_crawl(out: Path, base: str, *extra: str) -> list[str]:
    return loopback_crawl(out, f"{base}/a/0/", "--depth", "100000", *extra)


@pytest.fixture(scope="module")
def earlier_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An --out holding one finished crawl (an article, its WARC, crawl.json)."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    with serve({"/list/": page(listicle("Earlier", []))}) as base:
        result = run(loopback_crawl(out, f"{base}/list/", "--depth", "0"))
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture
def out(earlier_run: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(earlier_run, copy)
    return copy


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def the_error_line(stderr: str) -> str:
    """The one error line (asserted to be the only one), with no traceback anywhere."""
    assert "Traceback" not in stderr, stderr[-3000:]
    lines = [line for line in stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(lines) == 1, stderr[-3000:]
    return lines[0]


def assert_earlier_outputs_kept(out: Path, earlier: Path) -> None:
    """The earlier run's articles and WARC files are all still there, byte for byte."""
    before, after = files_of(earlier), files_of(out)
    for name, data in before.items():
        if name.startswith("warc/"):
            assert after.get(name) == data, name
    earlier_lines = set((earlier / "articles.jsonl").read_text().splitlines())
    assert earlier_lines and earlier_lines <= set((out / "articles.jsonl").read_text().splitlines())


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- usage errors (64): nothing is touched ----------------------------------------------------------
@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["ftp://127.0.0.1/list/"], "only http and https"),
        (["file:///etc/passwd"], "only http and https"),
        (["example.com/25-things/"], "did you mean https://example.com/25-things/?"),
        (["--max-pages", "0", "https://example.com/"], "--max-pages"),
        (["--max-pages", "-1", "https://example.com/"], "--max-pages"),
        (["--depth", "-1", "https://example.com/"], "--depth"),
        (["--set", "CONCURRENT_REQUESTS=abc", "https://example.com/"], "CONCURRENT_REQUESTS=abc"),
        (["--set", "ARCHIVER_WARC_MAX_SIZE=1GB", "https://example.com/"], "ARCHIVER_WARC_MAX_SIZE=1GB"),
        (["--set", "LOG_LEVEL=LOUD", "https://example.com/"], "LOG_LEVEL=LOUD"),
        (["--set", "DOWNLOAD_TIMEOUT=-5", "https://example.com/"], "DOWNLOAD_TIMEOUT=-5"),
        (["--set", "ROBOTSTXT_OBEY=maybe", "https://example.com/"], "ROBOTSTXT_OBEY=maybe"),
        (["--set", "NO_EQUALS_SIGN", "https://example.com/"], "NAME=VALUE"),
        (["--set", "RETRY_HTTP_CODES=500,abc", "https://example.com/"], "whole numbers"),
        (["--set", 'RETRY_HTTP_CODES={"500": 1}', "https://example.com/"], "JSON list"),
        (["--set", 'ITEM_PIPELINES={"x.y": 1}', "https://example.com/"], "'x.y' cannot be imported"),
        (["--set", 'DOWNLOADER_MIDDLEWARES={"archiver.nope.M": 5}', "https://example.com/"], "archiver.nope"),
        (["--set", "TWISTED_REACTOR=foo.Bar", "https://example.com/"], "'foo.Bar' cannot be imported"),
        (["--set", "SCHEDULER=archiver.crawl.scheduler.Nope", "https://example.com/"], "has no Nope"),
        (["--set", "DOWNLOAD_TIMEOUT=nan", "https://example.com/"], "DOWNLOAD_TIMEOUT=nan"),
        (["--set", "DOWNLOAD_DELAY=inf", "https://example.com/"], "DOWNLOAD_DELAY=inf"),
        (["--set", "ARCHIVER_DNS_SERVERS=127.0.0.1:70000", "https://example.com/"], "valid port"),
        (["--set", "ARCHIVER_DNS_SERVERS=:53", "https://example.com/"], "no host"),
        (["--time-limit", "soon", "https://example.com/"], "--time-limit"),
        (["--size-limit", "1 bucket", "https://example.com/"], "--size-limit"),
        (["--no-such-option", "https://example.com/"], "--no-such-option"),
        (["", "https://example.com/"], "empty seed"),
    ],
)
def test_bad_usage_exits_64_in_one_line_and_touches_nothing(
    out: Path, arguments: list[str], expected: str
) -> None:
    before = files_of(out)
    result = run([str(BIN / "archiver"), "crawl", *arguments, "--out", str(out)])
    assert result.returncode == 64, result.stderr[-3000:]
    assert expected in the_error_line(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert files_of(out) == before


def test_a_loopback_seed_without_allow_private_exits_64_naming_the_option(out: Path) -> None:
    seeds = (
        "http://127.0.0.1:8000/list/",
        "http://localhost/list/",
        "http://[::1]/",
        "http://10.1.2.3/",
        "http://localhost.:8000/list/",
        "http://LOCALHOST/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
    )
    # Side by side: each command is refused before it reads or writes OUT (a command that went
    # further would fail below, with its seed named), and most of each run is Python starting.
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        results = list(
            pool.map(lambda seed: run([str(BIN / "archiver"), "crawl", seed, "--out", str(out)]), seeds)
        )
    for seed, result in zip(seeds, results, strict=True):
        assert result.returncode == 64, (seed, result.stderr[-3000:])
        assert "pass --allow-private" in the_error_line(result.stderr), seed


def test_a_misspelled_setting_is_warned_once_with_the_nearest_name(out: Path) -> None:
    with serve({"/robots.txt": page(b""), "/list/": page(listicle("Spelled", []))}) as base:
        result = run(
            loopback_crawl(out, f"{base}/list/", "--depth", "0", "--set", "CONCURENT_REQUESTS_PER_DOMAIN=2")
        )
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if "CONCURENT_REQUESTS_PER_DOMAIN" in line]
    assert len(warnings) == 1, result.stderr[-3000:]
    assert warnings[0].startswith("archiver: warning: ")
    assert "did you mean CONCURRENT_REQUESTS_PER_DOMAIN?" in warnings[0]


# -- nothing could be fetched (69) -------------------------------------------------------------------
def test_a_closed_port_exits_69_in_one_line_and_keeps_earlier_outputs(out: Path, earlier_run: Path) -> None:
    # Robots.txt off: Scrapy's robots middleware logs its own failure with a traceback (the log
    # is not this test's subject); no retries, so the test is fast.
    command = loopback_crawl(out, f"http://127.0.0.1:{closed_port()}/list/", "--set", "RETRY_TIMES=0")
    result = run([*command, "--set", "ROBOTSTXT_OBEY=False"])
    assert result.returncode == 69, result.stderr[-3000:]
    line = the_error_line(result.stderr)
    assert "nothing could be fetched" in line and "refused" in line
    run_summary = read_run(out)
    assert (run_summary["outcome"], run_summary["exit_code"]) == ("unavailable", 69)
    assert_earlier_outputs_kept(out, earlier_run)


# -- output not writable (73) ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "body", "why"),
    [
        ("--sitemap", b"<!DOCTYPE html><html><body><p>Not found, sorry</p></body></html>", "an HTML page"),
        (
            "--sitemap",
            b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'></urlset>",
            "lists no URL",
        ),
        ("--feed", b"just some words", "not XML"),
        ("--feed", b"<urlset><url><loc>http://example.com/</loc></url></urlset>", "give it with --sitemap"),
    ],
)
def test_a_seed_list_that_lists_nothing_is_a_failed_seed(
    tmp_path: Path, option: str, body: bytes, why: str
) -> None:
    routes = {"/robots.txt": page(b""), "/list.xml": page(body), "/list/": page(listicle("Listed", []))}
    with serve(routes) as base:
        alone = run(loopback_crawl(tmp_path / "alone", option, f"{base}/list.xml", "--depth", "0"))
        beside = run(
            loopback_crawl(tmp_path / "beside", f"{base}/list/", option, f"{base}/list.xml", "--depth", "0")
        )
    assert alone.returncode == 69, alone.stderr[-3000:]
    assert "nothing could be fetched" in the_error_line(alone.stderr)
    assert beside.returncode == 2, beside.stderr[-3000:]
    assert "1 sitemap/feed failed" in the_error_line(beside.stderr)
    errors = read_run(tmp_path / "beside")["errors"]
    assert [(e["role"], e["url"]) for e in errors] == [("seed-list", f"{base}/list.xml")]
    assert errors[0]["error"].startswith("not a sitemap or feed: ") and why in errors[0]["error"]


def _terminal_lines(stderr: str) -> list[str]:
    # The contact warning and the plain progress line are there in every run without --contact.
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and "no contact given" not in line and not line.startswith("progress:")
    ]


def _crawl_a_name_without_address(out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """Two seeds on a name a real DNS server has no record for; returns the run and how many
    times the name was looked up."""
    with dns_server(lambda name, times: None) as (dns, log):
        result = run(
            [
                str(BIN / "archiver"),
                "crawl",
                "http://gone.example/a/",
                "http://gone.example/b/",
                "--out",
                str(out),
                *("--set", "AUTOTHROTTLE_ENABLED=False", "--set", f"ARCHIVER_DNS_SERVERS={dns}"),
                *("--set", "DNSCACHE_ENABLED=False", "--set", "ARCHIVER_RETRY_BACKOFF_BASE=0", *extra),
            ]
        )
    return result, sum(1 for name, _ in log.answers if name.rstrip(".") == "gone.example")


def test_an_unreachable_host_is_retried_less_and_said_once(tmp_path: Path) -> None:
    result, asked = _crawl_a_name_without_address(tmp_path / "out")
    assert result.returncode == 69, result.stderr[-3000:]
    line = the_error_line(result.stderr)
    assert "nothing could be fetched" in line
    lines = _terminal_lines(result.stderr)
    assert len(lines) == 2 and lines[1] == line, lines
    assert lines[0].startswith("warning: not connecting to gone.example: "), lines
    # As many retries as a 503 gets (RETRY_TIMES, 3): more lookups than the default's one retry.
    _, asked_as_often_as_503 = _crawl_a_name_without_address(
        tmp_path / "again", "--set", "ARCHIVER_RETRY_UNREACHABLE_TIMES=3"
    )
    assert 0 < asked < asked_as_often_as_503


def test_a_closed_port_gives_the_final_line_only(tmp_path: Path) -> None:
    port = closed_port()
    seeds = [f"http://127.0.0.1:{port}/a/", f"http://127.0.0.1:{port}/b/"]
    result = run(loopback_crawl(tmp_path / "out", *seeds, "--set", "ARCHIVER_RETRY_BACKOFF_BASE=0"))
    assert result.returncode == 69, result.stderr[-3000:]
    line = the_error_line(result.stderr)
    assert _terminal_lines(result.stderr) == [line]
    assert len(read_run(tmp_path / "out")["errors"]) == 2


def test_a_file_in_place_of_out_exits_73_and_is_left_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    result = run([str(BIN / "archiver"), "crawl", "https://example.com/", "--out", str(target)])
    assert result.returncode == 73, result.stderr[-3000:]
    assert "is a file, not a folder" in the_error_line(result.stderr)
    assert target.read_text() == "mine\n"


def test_an_out_that_cannot_be_created_or_written_exits_73(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    # Under a file, or under /proc: refused even to root (CI runs as root, for which a
    # read-only mode means nothing).
    candidates = [a_file / "out", Path("/proc/archiver-test/out")]
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    if not os.access(read_only, os.W_OK):
        candidates.append(read_only)
    for target in candidates:
        result = run([str(BIN / "archiver"), "crawl", "https://example.com/", "--out", str(target)])
        assert result.returncode == 73, (target, result.stderr[-3000:])
        assert "cannot write into --out" in the_error_line(result.stderr)
    assert list(read_only.iterdir()) == []


# -- stopped early (3): the same command again continues -----------------------------------------------
def test_sigterm_mid_crawl_exits_3_with_the_resume_hint_and_keeps_earlier_outputs(
    out: Path, earlier_run: Path, endless: tuple[str, EndlessSite]
) -> None:
    base, site = endless
    process = subprocess.Popen(
        endless_crawl(out, base), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert site.seen(5)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 3, stderr[-3000:]
    line = the_error_line(stderr)
    assert "signal" in line and "run the same command again to continue" in line
    assert read_run(out)["exit_code"] == 3
    assert_earlier_outputs_kept(out, earlier_run)


def test_a_second_signal_leaves_no_summary_and_the_older_one_is_not_reported(
    out: Path, earlier_run: Path, endless: tuple[str, EndlessSite]
) -> None:
    base, site = endless
    site.hold_at = 1  # in flight until the end: the graceful stop waits for it
    process = subprocess.Popen(
        endless_crawl(out, base, "--set", "LOG_LEVEL=INFO"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert site.seen(2)
        process.send_signal(signal.SIGINT)
        assert process.stderr is not None
        lines = []
        for line in process.stderr:  # the first signal handled: the second one forces the stop
            lines.append(line)
            if "shutting down gracefully" in line:
                break
        process.send_signal(signal.SIGINT)
        stdout, rest = process.communicate(timeout=TIMEOUT)
    finally:
        site.release.set()
        if process.poll() is None:
            process.kill()
    stderr = "".join(lines) + rest
    assert process.returncode == 3, stderr[-3000:]
    line = the_error_line(stderr)
    assert "before writing its summary" in line and "run the same command again to continue" in line
    assert "a second SIGINT forced the stop" in line
    assert not (out / ".crawl.json.reserve").exists()
    assert "finished (" not in stdout  # the earlier run's summary is not this run's
    assert (out / "crawl.json").read_bytes() == (earlier_run / "crawl.json").read_bytes()
    assert_earlier_outputs_kept(out, earlier_run)


def test_a_time_limit_exits_3_with_the_resume_hint(
    out: Path, earlier_run: Path, endless: tuple[str, EndlessSite]
) -> None:
    base, _ = endless
    result = run(endless_crawl(out, base, "--time-limit", "1s"))
    assert result.returncode == 3, result.stderr[-3000:]
    line = the_error_line(result.stderr)
    assert "--time-limit" in line and "run the same command again to continue" in line
    assert_earlier_outputs_kept(out, earlier_run)


def test_a_size_limit_exits_3_after_about_that_much_warc(
    out: Path, earlier_run: Path, endless: tuple[str, EndlessSite]
) -> None:
    base, _ = endless
    warcs_before = set(files_of(out / "warc"))
    result = run(endless_crawl(out, base, "--size-limit", "20kB", "--set", "CONCURRENT_REQUESTS=1"))
    assert result.returncode == 3, result.stderr[-3000:]
    assert "--size-limit" in the_error_line(result.stderr)
    written = sum(len(data) for name, data in files_of(out / "warc").items() if name not in warcs_before)
    assert 20_000 <= written < 200_000
    assert_earlier_outputs_kept(out, earlier_run)


def test_a_job_dir_is_named_as_kept_when_stopped(tmp_path: Path, endless: tuple[str, EndlessSite]) -> None:
    base, _ = endless
    job_dir = tmp_path / "job"
    result = run(endless_crawl(tmp_path / "out", base, "--time-limit", "1s", "--job-dir", str(job_dir)))
    assert result.returncode == 3, result.stderr[-3000:]
    assert f"the job state in {job_dir} is kept" in the_error_line(result.stderr)


# -- another crawl in the same --out (75); a killed one leaves no lock ---------------------------------
def test_a_second_crawl_into_the_same_out_exits_75_and_a_killed_crawl_leaves_no_lock(
    out: Path, earlier_run: Path, endless: tuple[str, EndlessSite]
) -> None:
    base, site = endless
    first = subprocess.Popen(endless_crawl(out, base), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert site.seen(3)
        second = run(endless_crawl(out, base, "--time-limit", "1s"))
        assert second.returncode == 75, second.stderr[-3000:]
        line = the_error_line(second.stderr)
        assert f"another crawl (pid {first.pid}, since " in line and "choose another --out" in line
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=TIMEOUT)
    finally:
        if first.poll() is None:
            first.kill()
    assert_earlier_outputs_kept(out, earlier_run)
    # flock died with the process: the next crawl runs (to its time limit).
    third = run(endless_crawl(out, base, "--time-limit", "1s"))
    assert third.returncode == 3, third.stderr[-3000:]
    assert "--time-limit" in the_error_line(third.stderr)


# -- inputs ---------------------------------------------------------------------------------------------
def test_seed_file_from_stdin_with_comments_and_blank_lines(tmp_path: Path) -> None:
    with serve(
        {"/robots.txt": page(b""), "/one/": page(listicle("One", [])), "/two/": page(listicle("Two", []))}
    ) as base:
        seeds = f"# my seeds\n\n{base}/one/\n   \n{base}/two/\n"
        result = run(loopback_crawl(tmp_path / "out", "--seed-file", "-", "--depth", "0"), input=seeds)
    assert result.returncode == 0, result.stderr[-3000:]
    urls = {
        json.loads(line)["url"] for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    }
    assert urls == {f"{base}/one/", f"{base}/two/"}


def test_a_missing_seed_file_exits_64(tmp_path: Path) -> None:
    result = run([str(BIN / "archiver"), "crawl", "--seed-file", str(tmp_path / "none.txt")])
    assert result.returncode == 64
    assert "cannot read --seed-file" in the_error_line(result.stderr)


def test_parse_reads_dev_stdin_and_a_pipe(tmp_path: Path) -> None:
    html = listicle("Piped", [])
    from_stdin = run(
        [str(BIN / "archiver"), "parse", "/dev/stdin", "--url", "https://example.com/p/"], input=html.decode()
    )
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout)["title"] == "Piped"
    read, write = os.pipe()
    os.write(write, html)
    os.close(write)
    try:
        piped = run(
            [str(BIN / "archiver"), "parse", f"/dev/fd/{read}", "--url", "https://example.com/p/"],
            pass_fds=(read,),
        )
    finally:
        os.close(read)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["title"] == "Piped"
    folder = run([str(BIN / "archiver"), "parse", str(tmp_path)])
    assert folder.returncode == 66 and "is a folder" in the_error_line(folder.stderr)


def test_help_shows_the_exit_codes_and_defaults() -> None:
    result = run([str(BIN / "archiver"), "crawl", "--help"])
    assert result.returncode == 0
    for code in ("0 ", "2 ", "3 ", "64", "69", "73", "75"):
        assert f"  {code}" in result.stdout
    assert "(default: output/crawl)" in result.stdout


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    # A "pipeline" that imports but cannot be built (a class whose constructor needs arguments
    # Scrapy does not give): the crawl fails while it starts, with a TypeError (not a usage
    # error the checks before the crawl can name: exit 1, the traceback only with --debug).
    command = [str(BIN / "archiver"), "crawl", "https://example.com/", "--out", str(tmp_path / "o")]
    command += ["--set", 'ITEM_PIPELINES={"archiver.crawl.outcome.Outcome": 300}']
    result = run(command)
    assert result.returncode == 1, result.stderr[-3000:]
    assert "rerun with --debug" in the_error_line(result.stderr)
    debug = run([*command, "--debug"])
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr


def test_scrapy_crawl_refuses_a_bad_setting_value_before_crawling(tmp_path: Path) -> None:
    command = [str(BIN / "scrapy"), "crawl", "listicle", "-a", "url=https://example.com/"]
    command += ["-a", f"out={tmp_path / 'o'}", "-s", "DOWNLOAD_TIMEOUT=soon"]
    result = run(command, cwd=Path(__file__).parent.parent)
    assert result.returncode != 0
    assert "setting DOWNLOAD_TIMEOUT=soon is not valid: expected a number" in result.stderr
    assert not (tmp_path / "o").exists()


def test_ctrl_c_while_the_command_imports_is_one_line_and_exit_3(tmp_path: Path) -> None:
    # A stand-in for a module the command imports at start-up (w3lib, via archiver.urls) that
    # is interrupted while it loads, as a Ctrl-C during the first second of a run is.
    shadow = tmp_path / "shadow"
    (shadow / "w3lib").mkdir(parents=True)
    (shadow / "w3lib" / "__init__.py").write_text("import signal\nsignal.raise_signal(signal.SIGINT)\n")
    env = {**os.environ, "PYTHONPATH": str(shadow)}
    result = run(
        [str(BIN / "archiver"), "crawl", "https://example.com/", "--out", str(tmp_path / "o")], env=env
    )
    assert result.returncode == 3, result.stderr[-3000:]
    assert "interrupted" in the_error_line(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "o").exists()


def test_an_empty_out_is_a_usage_error_not_the_current_folder(tmp_path: Path) -> None:
    for command in ("crawl", "demo"):
        arguments = ["https://example.com/"] if command == "crawl" else []
        result = run([str(BIN / "archiver"), command, *arguments, "--out", ""], cwd=tmp_path)
        assert result.returncode == 64, result.stderr[-3000:]
        assert "--out" in the_error_line(result.stderr) and "empty path" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_seed_file_with_a_byte_order_mark_reads_its_first_url(tmp_path: Path) -> None:
    with serve({"/robots.txt": page(b""), "/list/": page(listicle("Marked", []))}) as base:
        seeds = tmp_path / "seeds.txt"
        seeds.write_text(f"{base}/list/\n", encoding="utf-8-sig")  # starts with EF BB BF
        result = run(loopback_crawl(tmp_path / "out", "--seed-file", str(seeds), "--depth", "0"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert read_run(tmp_path / "out")["seeds"] == [f"{base}/list/"]


def test_demo_takes_the_contact_it_suggests(tmp_path: Path) -> None:
    result = run(
        [str(BIN / "archiver"), "demo", "--out", str(tmp_path / "demo"), "--contact", "ops@example.org"]
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "no contact given" not in result.stderr
