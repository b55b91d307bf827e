"""Distributed crawls (issue 14): real ``archiver crawl --redis`` and ``archiver worker``
subprocesses, a real redis-server (tests/redis_server.py), the loopback listicle site
(tests/distributed_site.py). The articles of the workers' WARCs, re-extracted together, are
those of a crawl in one process; no URL is fetched twice; a killed worker or a Redis restart
loses nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.crawl_command import BIN, loopback_crawl
from tests.distributed_site import FLAKY, MOVED, WorkerSite, worker_site
from tests.redis_server import RedisServer, redis_server

JOB = "lists"
# Both workers: 2 requests at a time (so that one cannot take the whole small site at once),
# a short heartbeat (a killed worker is found dead within seconds), quick retries.
COMMON = [
    "--set",
    "CONCURRENT_REQUESTS=2",
    "--set",
    "ARCHIVER_REDIS_HEARTBEAT=2",
    "--set",
    "ARCHIVER_RETRY_BACKOFF_BASE=0.1",
    "--no-wacz",
]


class Worker:
    """A running worker subprocess; its stderr is read as it comes (``saw(text)`` waits for a line)."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stdout = ""

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def saw(self, text: str, timeout: float = 120) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: any(text in line for line in self.lines), timeout=timeout)

    def finish(self, timeout: float = 240) -> int:
        assert self.process.stdout is not None
        self.stdout = self.process.stdout.read()  # until the worker exits (its stderr: the reader)
        self.process.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        return self.process.returncode

    def report(self) -> str:
        return f"exit {self.process.returncode}\n{self.stdout}\n{''.join(self.lines)}"


def first_worker(site: WorkerSite, redis: RedisServer, out: Path, agent: str = "w1", *extra: str) -> Worker:
    command = loopback_crawl(
        out,
        "--sitemap",
        f"{site.base}/sitemap.xml.gz",
        f"{site.base}{MOVED}",
        "--depth",
        "1",
        "--redis",
        redis.url,
        "--job",
        JOB,
        "--set",
        f"USER_AGENT={agent}",
        *COMMON,
        *extra,
    )
    return Worker(command)


def joining_worker(redis: RedisServer, out: Path, agent: str = "w2") -> Worker:
    command = [
        str(BIN / "archiver"),
        "worker",
        "--redis",
        redis.url,
        "--job",
        JOB,
        "--out",
        str(out),
        "--set",
        f"USER_AGENT={agent}",
        *COMMON,
    ]
    return Worker(command)


def start_two(site: WorkerSite, redis: RedisServer, tmp: Path) -> tuple[Worker, Worker]:
    """The first worker, then (once the job is in Redis) the second."""
    one = first_worker(site, redis, tmp / "w1")
    client = redis.client()
    # The spec is written before the first worker's crawl starts; its requests are held by the
    # site (hold_agent) until the second worker asks for something.
    assert site.wait_for_total(1), one.report()
    assert client.exists(f"archiver:{JOB}:spec")
    return one, joining_worker(redis, tmp / "w2")


def articles_of(folder: Path, base: str) -> dict[str, Any]:
    """The folder's articles.jsonl by URL, provenance aside (which WARC, where, when)."""
    articles: dict[str, Any] = {}
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line.replace(base, "BASE"))
        for page in article["pages"]:
            for key in ("warc_filename", "warc_offset", "warc_record_id", "fetched_at"):
                page.pop(key)
        for item in article["items"]:
            for image in item["images"]:
                image.pop("capture")
        assert article["url"] not in articles, f"article twice: {article['url']}"
        articles[article["url"]] = article
    return articles


def merged(*folders: Path, base: str, code: int = 0, out: Path | None = None) -> dict[str, Any]:
    """The articles of `archiver merge --out M FOLDERS` (re-extracted over every worker's WARCs;
    M: ``out``, else ``merged`` beside the first folder); ``code``: the merge's exit code (3
    when an input is a killed crawl no other worker took over)."""
    out = out or folders[0].parent / "merged"
    command = [str(BIN / "archiver"), "merge", "--out", str(out), "--no-wacz", *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == code, result.stdout + result.stderr
    return articles_of(out, base)


@pytest.fixture(scope="module")
def single_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The articles of the same crawl in one process (no Redis)."""
    out = tmp_path_factory.mktemp("single") / "out"
    with worker_site() as site:
        command = loopback_crawl(
            out,
            "--sitemap",
            f"{site.base}/sitemap.xml.gz",
            f"{site.base}{MOVED}",
            "--depth",
            "1",
            "--set",
            "ARCHIVER_RETRY_BACKOFF_BASE=0.1",
            "--no-wacz",
        )
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return articles_of(out, base=site.base)


@pytest.fixture
def redis(tmp_path: Path) -> Iterator[RedisServer]:
    with redis_server(tmp_path / "redis") as server:
        yield server


def warc_check(folder: Path) -> list[Path]:
    files = sorted((folder / "warc").glob("*.warc.gz"))
    for path in files:
        result = subprocess.run(
            [str(BIN / "warcio"), "check", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return files


def warcinfo(path: Path) -> dict[str, str]:
    with path.open("rb") as stream:
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_type == "warcinfo"
        text = record.content_stream().read().decode()
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


# -- two workers == one process ---------------------------------------------------------------------
def test_two_workers_give_the_articles_of_one_process_and_fetch_no_url_twice(
    single_crawl: dict[str, Any], redis: RedisServer, tmp_path: Path
) -> None:
    with worker_site(hold_agent="w1") as site:
        one, two = start_two(site, redis, tmp_path)
        assert one.finish() == 0, one.report()
        assert two.finish() == 0, two.report()
        counts = site.counts()
        agents = site.agents()
    assert {"w1", "w2"} <= agents  # both took part
    # No URL fetched twice (the 503 page is fetched again by design: its retry), robots.txt
    # included (shared through Redis).
    twice = {path: n for path, n in counts.items() if n > 1}
    assert twice == {FLAKY: 2}
    assert counts["/robots.txt"] == 1
    assert counts[MOVED] == 1
    assert merged(tmp_path / "w1", tmp_path / "w2", base=site.base) == single_crawl
    for name in ("w1", "w2"):
        folder = tmp_path / name
        worker = (folder / "worker-id").read_text().strip()
        files = warc_check(folder)
        assert files and all(path.name.startswith(f"{JOB}-{worker}-") for path in files)
        info = warcinfo(files[0])
        assert info["worker-id"] == worker and info["isPartOf"] == JOB
        run = json.loads((folder / "crawl.json").read_text())["run"]
        assert run["worker_id"] == worker and run["job"] == JOB
        assert redis.url not in (folder / "crawl.json").read_text()
    # The job is over in Redis: nothing queued or leased.
    client = redis.client()
    assert client.exists(f"archiver:{JOB}:done")
    assert client.zcard(f"archiver:{JOB}:queue") == 0
    assert not client.keys(f"archiver:{JOB}:lease:*")


def test_a_killed_worker_loses_no_article_and_duplicates_none(
    single_crawl: dict[str, Any], redis: RedisServer, tmp_path: Path
) -> None:
    with worker_site(hold_agent="w1") as site:
        one, two = start_two(site, redis, tmp_path)
        # At a random moment after the first worker fetched something (its pages and photos).
        assert site.wait_for("w1", random.randint(1, 12)), one.report()
        one.process.send_signal(signal.SIGKILL)
        one.finish()
        assert two.finish() == 0, two.report()
    # The killed worker's last WARC is still .open: archiver merge repairs it in its copy; the
    # other worker saw the job to its end, so the killed one's work was taken over (exit 0).
    assert merged(tmp_path / "w1", tmp_path / "w2", base=site.base) == single_crawl
    outcomes = json.loads((tmp_path / "merged" / "crawl.json").read_text())["run"]["inputs"]["folders"]
    assert {Path(entry["folder"]).name: entry["outcome"] for entry in outcomes}["w1"] == "taken over"
    # Alone, the killed worker's folder is what it is: a killed crawl (3).
    (tmp_path / "alone").mkdir()
    merged(tmp_path / "w1", base=site.base, code=3, out=tmp_path / "alone" / "merged")
    warc_check(tmp_path / "w2")


def test_a_stopped_worker_hands_its_work_back_at_once_and_says_the_others_continue(
    single_crawl: dict[str, Any], redis: RedisServer, tmp_path: Path
) -> None:
    with worker_site(hold_agent="w1") as site:
        # A heartbeat far longer than the test: only the hand-back lets the other worker finish.
        one = first_worker(site, redis, tmp_path / "w1", "w1", "--set", "ARCHIVER_REDIS_HEARTBEAT=3600")
        assert site.wait_for_total(1), one.report()
        two = joining_worker(redis, tmp_path / "w2")
        assert site.wait_for("w1", random.randint(1, 6)), one.report()
        one.process.send_signal(signal.SIGTERM)
        assert one.finish() == 3, one.report()
        worker = (tmp_path / "w1" / "worker-id").read_text().strip()
        client = redis.client()
        prefix = f"archiver:{JOB}:"
        assert not client.exists(prefix + f"heartbeat:{worker}"), one.report()
        assert not client.hlen(prefix + f"lease:{worker}") and not client.zcard(prefix + f"affinity:{worker}")
        assert "other workers continue it" in one.stdout + "".join(one.lines), one.report()
        assert "run the same command again to continue" not in one.stdout + "".join(one.lines)
        assert two.finish() == 0, two.report()
    assert merged(tmp_path / "w1", tmp_path / "w2", base=site.base) == single_crawl


def test_merge_skips_a_worker_that_fetched_nothing(redis: RedisServer, tmp_path: Path) -> None:
    with worker_site(hold_agent="w1") as site:
        # One article, depth 0: its pages and photos stay with the first worker (affinity),
        # whose requests the site holds; the second worker finds no work.
        one = Worker(
            loopback_crawl(
                tmp_path / "w1",
                f"{site.base}/a/00004-things/",
                "--depth",
                "0",
                "--redis",
                redis.url,
                "--job",
                JOB,
                "--set",
                "USER_AGENT=w1",
                *COMMON,
            )
        )
        assert site.wait_for("w1", 1), one.report()
        two = joining_worker(redis, tmp_path / "w2")
        client = redis.client()
        joined = threading.Event()
        while not joined.is_set() and two.process.poll() is None:  # until it beats: joined
            kept = tmp_path / "w2" / "worker-id"
            if kept.is_file() and client.exists(f"archiver:{JOB}:heartbeat:{kept.read_text().strip()}"):
                joined.set()
            else:
                joined.wait(0.05)
        two.process.send_signal(signal.SIGTERM)
        assert two.finish() == 3, two.report()
        # Let the first worker's held requests go (another agent asked), and it finishes.
        request = urllib.request.Request(f"{site.base}/robots.txt", headers={"User-Agent": "tester"})
        urllib.request.urlopen(request, timeout=30).read()
        assert one.finish() == 0, one.report()
    assert not list((tmp_path / "w2").glob("warc/*.warc.gz*"))
    out = tmp_path / "merged"
    command = [
        str(BIN / "archiver"),
        "merge",
        "--out",
        str(out),
        "--no-wacz",
        str(tmp_path / "w1"),
        str(tmp_path / "w2"),
    ]
    result = _run(command)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"skipping {tmp_path / 'w2'}: a worker that fetched nothing" in result.stderr
    summary = json.loads((out / "crawl.json").read_text())
    assert summary["run"]["skipped_folders"] == [str(tmp_path / "w2")]
    assert articles_of(out, site.base) == articles_of(tmp_path / "w1", site.base)


def test_workers_pause_while_redis_restarts_and_finish(
    single_crawl: dict[str, Any], redis: RedisServer, tmp_path: Path
) -> None:
    with worker_site(hold_agent="w1") as site:
        one, two = start_two(site, redis, tmp_path)
        assert site.wait_for("w2", 3), two.report()
        redis.stop()
        # Both notice (a push, a pop, a heartbeat fails) and pause.
        assert one.saw("is unreachable: pausing"), one.report()
        assert two.saw("is unreachable: pausing"), two.report()
        redis.start()  # same port, the job kept in the append-only file
        assert one.finish() == 0, one.report()
        assert two.finish() == 0, two.report()
        assert one.saw("answers again") and two.saw("answers again")
    assert merged(tmp_path / "w1", tmp_path / "w2", base=site.base) == single_crawl


def test_workers_stop_and_say_so_when_redis_comes_back_without_the_job(
    redis: RedisServer, tmp_path: Path
) -> None:
    with worker_site(hold_agent="w1") as site:
        one, two = start_two(site, redis, tmp_path)
        assert site.wait_for("w2", 3), two.report()
        redis.stop()
        assert one.saw("is unreachable: pausing"), one.report()
        assert two.saw("is unreachable: pausing"), two.report()
        redis.restart_without_data()  # as a Redis without persistence comes back: empty
        for worker in (one, two):
            assert worker.finish() == 3, worker.report()
            assert worker.saw("no longer holds job lists"), worker.report()
            assert "lost the job" in worker.stdout + "".join(worker.lines), worker.report()
    client = redis.client()
    assert not client.exists(f"archiver:{JOB}:done") and not client.exists(f"archiver:{JOB}:spec")
    for folder in (tmp_path / "w1", tmp_path / "w2"):
        summary = json.loads((folder / "crawl.json").read_text())
        assert summary["run"]["finish_reason"] == "redis_job_lost"
        warc_check(folder)


# -- joining a job ----------------------------------------------------------------------------------
def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_unknown_finished_and_conflicting_jobs_say_so_in_one_line(redis: RedisServer, tmp_path: Path) -> None:
    worker = [str(BIN / "archiver"), "worker", "--redis", redis.url, "--out", str(tmp_path / "w")]
    unknown = _run([*worker, "--job", "nosuch"])
    assert unknown.returncode == 66
    assert unknown.stderr.strip().count("\n") == 0 and "no job nosuch" in unknown.stderr

    with worker_site() as site:
        first = _run(
            loopback_crawl(
                tmp_path / "one",
                f"{site.base}/a/00004-things/",
                "--depth",
                "0",
                "--redis",
                redis.url,
                "--job",
                "small",
                "--no-wacz",
            )
        )
        assert first.returncode == 0, first.stdout + first.stderr
        again = _run(
            loopback_crawl(
                tmp_path / "two",
                f"{site.base}/a/00004-things/",
                "--depth",
                "0",
                "--redis",
                redis.url,
                "--job",
                "small",
                "--no-wacz",
            )
        )
    assert (
        again.returncode == 0
        and again.stdout.strip() == "archiver: job small is finished already; nothing to do"
    )
    # The finished job's name with another spec: refused (64), the difference named.
    with worker_site() as site:
        deeper = loopback_crawl(
            tmp_path / "deeper",
            f"{site.base}/a/00004-things/",
            "--depth",
            "1",
            "--redis",
            redis.url,
            "--job",
            "small",
            "--no-wacz",
        )
        other = _run(deeper)
        assert other.returncode == 64, other.stdout + other.stderr
        [line] = other.stderr.splitlines()
        assert "finished with another spec (differs in depth" in line and "--restart" in line
        assert not (tmp_path / "deeper").exists()
        # --restart is refused while a worker of the job is alive (its heartbeat key is set).
        redis.client().set("archiver:small:heartbeat:other", "1", px=600_000)
        busy = _run([*deeper, "--restart"])
        assert busy.returncode == 75 and "live worker" in busy.stderr, busy.stdout + busy.stderr
        assert redis.client().exists("archiver:small:done")
        redis.client().delete("archiver:small:heartbeat:other")
        # --restart deletes the job's keys and runs it afresh with the new spec.
        restarted = _run([*deeper, "--restart"])
        assert restarted.returncode == 0, restarted.stdout + restarted.stderr
        assert "job small started afresh" in restarted.stdout
        assert json.loads(redis.client().get("archiver:small:spec") or b"{}")["depth"] == 1
        assert warc_check(tmp_path / "deeper")
    joined = _run([*worker, "--job", "small"])
    assert joined.returncode == 0 and "finished already" in joined.stdout
    assert not (tmp_path / "two" / "warc").exists()

    # Another spec while the job is registered and not done: refused, exit 64.
    client = redis.client()
    client.set("archiver:live:spec", json.dumps({"schema": 1, "seeds": ["http://127.0.0.1:1/x/"]}))
    conflict = _run(
        loopback_crawl(tmp_path / "three", "http://127.0.0.1:1/y/", "--redis", redis.url, "--job", "live")
    )
    assert conflict.returncode == 64
    assert conflict.stderr.strip().count("\n") == 0 and "another spec" in conflict.stderr
    bad_url = _run([*worker, "--job", "x", "--redis", "http://127.0.0.1/"])
    assert bad_url.returncode == 64 and "not a Redis URL" in bad_url.stderr


def test_a_job_files_redis_key_is_checked_and_job_run_says_it_does_not_run_it(tmp_path: Path) -> None:
    job_file = tmp_path / "big.toml"
    base = 'name = "big"\nseeds = ["https://site.example/a/"]\nout = "jobs/big"\n'
    job_file.write_text(base + 'redis = "http://redis.lan/"\n')
    bad = _run([str(BIN / "archiver"), "job", "run", str(job_file)])
    assert bad.returncode == 64
    [line] = bad.stderr.splitlines()
    assert "key 'redis'" in line and "not a Redis URL" in line
    job_file.write_text(base + 'redis = "redis://:secret@redis.lan:6379/0"\n')
    refused = _run([str(BIN / "archiver"), "job", "run", str(job_file)])
    assert refused.returncode == 64
    [line] = refused.stderr.splitlines()
    assert "does not run distributed jobs yet" in line and "secret" not in line
    assert not list((tmp_path / "jobs").rglob("*.warc.gz"))  # nothing crawled


def test_a_bad_redis_url_or_password_is_one_line_naming_redis_and_leaves_no_folder(
    redis: RedisServer, tmp_path: Path
) -> None:
    out = tmp_path / "w"
    host = redis.url.rsplit("/", 1)[0]  # redis://127.0.0.1:PORT
    port = int(host.rsplit(":", 1)[1])

    def worker(url: str) -> subprocess.CompletedProcess[str]:
        return _run([str(BIN / "archiver"), "worker", "--redis", url, "--job", "x", "--out", str(out)])

    cases = [
        (f"{host}/99", 64, "DB index is out of range"),  # a DB this Redis does not have
        (f"{host}/abc", 64, "is not a number"),
        ("redis://127.0.0.1:99999/0", 64, "Port out of range"),
        (f"{host}/0", 66, "no job x"),
    ]
    for url, code, text in cases:
        result = worker(url)
        [line] = result.stderr.splitlines()
        assert result.returncode == code and text in line, (url, result.stderr)
        assert code == 66 or "--redis" in line
        assert not out.exists(), url
    redis.client().config_set("requirepass", "right")
    wrong = worker(f"redis://:wrong@127.0.0.1:{port}/0")
    [line] = wrong.stderr.splitlines()
    assert wrong.returncode == 69 and "refused the credentials of --redis" in line and "wrong" not in line
    missing = worker(f"{host}/0")
    [line] = missing.stderr.splitlines()
    assert missing.returncode == 69 and "refused the credentials of --redis" in line, missing.stderr
    assert not out.exists()
    # The URL and password from the environment (off the command line): Redis lets it in and
    # says the job is unknown.
    bare = [str(BIN / "archiver"), "worker", "--job", "x", "--out", str(out)]
    env = {**os.environ, "ARCHIVER_REDIS_URL": f"{host}/0", "REDISCLI_AUTH": "right"}
    from_env = subprocess.run(bare, capture_output=True, text=True, timeout=300, check=False, env=env)
    assert from_env.returncode == 66 and "no job x" in from_env.stderr, from_env.stderr
    env.pop("ARCHIVER_REDIS_URL")
    unset = subprocess.run(bare, capture_output=True, text=True, timeout=300, check=False, env=env)
    assert unset.returncode == 64 and "ARCHIVER_REDIS_URL" in unset.stderr, unset.stderr
