"""A real scrapyd on 127.0.0.1 for the tests: its own config, eggs, logs and databases in a temp
folder, always stopped; and its JSON API (addversion through scrapyd-deploy, schedule.json,
listjobs.json).

scrapyd cannot listen on port 0 (``http_port = 0`` starts no web service at all), so a free port
is taken from the kernel first and handed to scrapyd; if another process grabs it in between,
scrapyd exits and is started again on another one.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
PROJECT = "listicle_archiver"  # scrapy.cfg [deploy] project
START_TIMEOUT = 60.0
POLL_SECONDS = 0.2  # between two looks at the API while waiting for an event it reports


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def api(base: str, endpoint: str, data: Sequence[tuple[str, str]] | None = None, **query: str) -> Any:
    """GET ``endpoint`` (with ``query``), or POST ``data`` form fields; the parsed JSON answer."""
    url = f"{base}/{endpoint}"
    if query:
        url += "?" + urllib.parse.urlencode(query)
    body = urllib.parse.urlencode(list(data)).encode() if data is not None else None
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        return json.loads(response.read())


def _config(folder: Path, port: int) -> str:
    return "\n".join(
        [
            "[scrapyd]",
            "bind_address = 127.0.0.1",
            f"http_port = {port}",
            f"eggs_dir = {folder / 'eggs'}",
            f"logs_dir = {folder / 'logs'}",
            f"dbs_dir = {folder / 'dbs'}",
            "items_dir =",  # no feed export: the spider writes its own outputs
            "jobs_dir =",
            "max_proc = 2",
            f"poll_interval = {POLL_SECONDS}",
            "",
        ]
    )


def _wait_until_up(process: subprocess.Popen[bytes], base: str) -> bool:
    """True once scrapyd answers daemonstatus.json; False if it exited first (port taken)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            if api(base, "daemonstatus.json").get("status") == "ok":
                return True
        except OSError:
            pass
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"scrapyd did not answer on {base} within {START_TIMEOUT} s")


@contextmanager
def running_scrapyd(folder: Path) -> Iterator[str]:
    """scrapyd started in ``folder`` (its scrapyd.conf, eggs/, logs/, dbs/ there), stopped on
    exit; yields its base URL. Its log: ``folder / 'scrapyd.log'``."""
    folder.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):
        port = _free_port()
        (folder / "scrapyd.conf").write_text(_config(folder, port), encoding="utf-8")
        base = f"http://127.0.0.1:{port}"
        with (folder / "scrapyd.log").open("ab") as log:
            # cwd: scrapyd reads ./scrapyd.conf (after /etc/scrapyd and before ~/.scrapyd.conf).
            # The address and port also by environment: they win over any config file (a
            # ~/.scrapyd.conf, read after ./scrapyd.conf, must not move the test's scrapyd).
            env = {**os.environ, "SCRAPYD_BIND_ADDRESS": "127.0.0.1", "SCRAPYD_HTTP_PORT": str(port)}
            process = subprocess.Popen([str(BIN / "scrapyd")], cwd=folder, stdout=log, stderr=log, env=env)
        try:
            if _wait_until_up(process, base):
                yield base
                return
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    raise RuntimeError(f"scrapyd did not start; see {folder / 'scrapyd.log'}")


def deploy(project_copy: Path, base: str) -> dict[str, Any]:
    """``scrapyd-deploy`` of ``project_copy`` (a copy of the checkout: the build writes build/
    and an egg-info there) to the scrapyd at ``base``, through a target added to its scrapy.cfg;
    the addversion.json answer."""
    with (project_copy / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {base}/\nproject = {PROJECT}\n")
    result = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "test", "--version", "1"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def schedule(base: str, spider: str, arguments: dict[str, str], settings: dict[str, str]) -> str:
    """schedule.json: run ``spider`` with spider ``arguments`` and Scrapy ``settings``; the job id."""
    data = [("project", PROJECT), ("spider", spider), *arguments.items()]
    data += [("setting", f"{name}={value}") for name, value in settings.items()]
    answer = api(base, "schedule.json", data)
    assert answer.get("status") == "ok", answer
    job: str = answer["jobid"]
    return job


def wait_for_job(base: str, job: str, timeout: float = 300.0) -> dict[str, Any]:
    """The job's listjobs.json entry once scrapyd lists it as finished."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = api(base, "listjobs.json", project=PROJECT)
        for entry in jobs.get("finished", []):
            if entry.get("id") == job:
                found: dict[str, Any] = entry
                return found
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"scrapyd job {job} not finished within {timeout} s")
