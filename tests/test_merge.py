"""``archiver merge``: crawl folders (the workers of a distributed crawl) made into one crawl
folder through real ``archiver crawl`` and ``archiver merge`` subprocesses on a loopback site.

Two crawls split one site so that the later pages of its paginated articles (and their photos)
are only in the second folder: the merge gives every article once, whole, equal to a single
crawl's (provenance aside), each capture naming the folder's WARC file that holds it.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.locking import OutputLock
from bench.sitegen import article_paths, site_files
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import send, serve
from tests.generated_site import site_routes
from tests.test_crash_resume import KillSwitch, check_files_are_whole, run_once, stable_articles

TIMEOUT = 600
ARTICLES = 12
LATER_PAGE = re.compile(r"^/a/\d+-things/\d+/$")


@contextmanager
def split_site(switch: KillSwitch | None = None) -> Iterator[tuple[str, dict[str, bool]]]:
    """The bench's generated site (``ARTICLES`` articles, a third over 2-3 pages); yields its
    base URL and a flag: while ``state["later_pages_fail"]``, later pages answer 503."""
    files: dict[str, bytes] = {}
    state = {"later_pages_fail": False}
    plain = site_routes(files, latency=0.002, around=switch.around if switch else None)["/*"]

    def route(handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        if state["later_pages_fail"] and LATER_PAGE.match(path):
            send(handler, 503, b"<html><body>busy</body></html>")
            return
        plain(handler)

    with serve({"/*": route}) as base:
        files.update(site_files(ARTICLES, base, page_kb=8))
        yield base, state


def crawl(out: Path, *arguments: str) -> None:
    command = loopback_crawl(out, *arguments, "--depth", "0", "--set", "RETRY_TIMES=0")
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode in (0, 2), result.stderr[-3000:]  # 2: partial (the 503s)


def merge(
    out: Path, *folders: Path, jobs: int = 2, extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    command = [
        str(BIN / "archiver"),
        "merge",
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        *extra,
        *map(str, folders),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def later_pages(base: str) -> list[str]:
    files = dict(site_files(ARTICLES, base, page_kb=8))
    return [f"{base}{path}" for path in files if LATER_PAGE.match(path)]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path: its sha256 (and so its bytes)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def record_urls(warc: Path) -> dict[int | str, str]:
    """Offset and WARC-Record-ID -> WARC-Target-URI of each response record of a WARC file."""
    urls: dict[int | str, str] = {}
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type in ("response", "revisit"):
                url = record.rec_headers.get_header("WARC-Target-URI")
                urls[records.get_record_offset()] = url
                urls[record.rec_headers.get_header("WARC-Record-ID")] = url
    return urls


@pytest.fixture(scope="module")
def split_crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``whole``: one crawl of the site; ``first``: the same sitemap crawl while later pages fail
    (job ``w9``); ``second``: the later pages alone as seeds (job ``w1``), with their photos.
    The second folder's files sort first by name: the merge must read the two writers' records
    by WARC-Date (page 2 after the page 1 that leads to it; its 200 over the first's earlier 503)."""
    root = tmp_path_factory.mktemp("split")
    with split_site() as (base, state):
        crawl(root / "whole", "--sitemap", f"{base}/sitemap.xml.gz")
        state["later_pages_fail"] = True
        crawl(root / "first", "--sitemap", f"{base}/sitemap.xml.gz", "--job", "w9")
        state["later_pages_fail"] = False
        crawl(root / "second", *later_pages(base), "--job", "w1")
    for name, worker in (("first", "w1a2b3c4d"), ("second", "w5e6f7a8b")):  # as archiver worker keeps it
        (root / name / "worker-id").write_text(worker + "\n")
    return {"whole": root / "whole", "first": root / "first", "second": root / "second", "root": root}


def test_two_folders_merge_into_the_articles_of_one_crawl(split_crawls: dict[str, Path]) -> None:
    first, second, root = split_crawls["first"], split_crawls["second"], split_crawls["root"]
    before = {**snapshot(first), **{f"2/{k}": v for k, v in snapshot(second).items()}}
    out = root / "merged"
    result = merge(out, first, second)
    assert result.returncode == 2, result.stderr  # the first crawl was partial (503s)
    expected = stable_articles(split_crawls["whole"])
    assert len(expected) == ARTICLES
    assert stable_articles(first) != expected  # the first folder alone lacks the later pages
    assert stable_articles(out) == expected
    # The inputs are as they were; MERGED/warc holds their files under their own names.
    assert {**snapshot(first), **{f"2/{k}": v for k, v in snapshot(second).items()}} == before
    names = sorted(path.name for path in (*first.glob("warc/*.warc.gz"), *second.glob("warc/*.warc.gz")))
    assert sorted(path.name for path in (out / "warc").glob("*.warc.gz")) == names
    check_files_are_whole(out)
    # Provenance: each capture names the merged file holding that URL at that offset, the later
    # pages the second folder's.
    records = {path.name: record_urls(path) for path in (out / "warc").glob("*.warc.gz")}
    later_in_second = 0
    for line in (out / "articles.jsonl").read_text().splitlines():
        article = json.loads(line)
        for page in article["pages"]:
            assert records[page["warc_filename"]][page["warc_offset"]] == page["url"]
            if page["warc_filename"].startswith("w1-"):
                later_in_second += 1
                assert re.search(r"/a/\d+-things/\d+/$", page["url"])
        for item in article["items"]:
            for image in item["images"]:
                capture = image["capture"]
                assert records[capture["warc_filename"]][capture["warc_record_id"]] in (
                    image["url"],
                    image["largest_url"],
                )
    assert later_in_second >= 1
    run = json.loads((out / "crawl.json").read_text())["run"]
    assert run["merged_folders"] == sorted([str(first), str(second)])
    assert run["workers"] == ["w1a2b3c4d", "w5e6f7a8b"]
    assert run["articles"] == ARTICLES
    # Every count at the run's level is MERGED's own; the inputs' sums are named as such.
    assert "declared_articles" not in run and "responses" not in run
    assert run["inputs"]["sums"]["articles"] >= 1
    assert [item["exit_code"] for item in run["inputs"]["folders"]] == [2, 0]  # first: its 503s
    assert run["exit_code"] == 2 and run["outcome"] == "partial" and result.returncode == 2
    urls = [json.loads(line)["url"] for line in (out / "pages.jsonl").read_text().splitlines()]
    assert len(urls) == len(set(urls)) and run["pages"] == len(urls)
    # A merge of that merge lists the original folders and workers.
    again = root / "merge-of-merge"
    assert merge(again, out, extra=("--no-wacz",)).returncode == 2
    deeper = json.loads((again / "crawl.json").read_text())["run"]
    assert deeper["merged_folders"] == run["merged_folders"] and deeper["workers"] == run["workers"]
    # The same bytes as archiver extract over the merged WARCs, whatever the processes.
    extracted = root / "extracted.jsonl"
    warcs = [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))]
    subprocess.run(
        [str(BIN / "archiver"), "extract", "--jobs", "1", *warcs, "-o", str(extracted)], check=True
    )
    assert extracted.read_bytes() == (out / "articles.jsonl").read_bytes()


def test_a_merge_run_again_gives_the_same_files_and_other_tools_read_it(
    split_crawls: dict[str, Path],
) -> None:
    first, second, root = split_crawls["first"], split_crawls["second"], split_crawls["root"]
    out = root / "again"
    assert merge(out, first, second, jobs=1).returncode == 2
    files = snapshot(out)
    # Inputs in the other order, more processes: the same files but the WACZ (dated packaging).
    assert merge(out, second, first, jobs=3).returncode == 2
    wacz = [name for name in files if name.endswith(".wacz")]
    assert wacz, files
    assert {k: v for k, v in snapshot(out).items() if k not in wacz} == {
        k: v for k, v in files.items() if k not in wacz
    }
    checked = subprocess.run(
        [str(BIN / "archiver"), "wacz", "--check", str(out / wacz[0])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    exported = subprocess.run(
        [str(BIN / "archiver"), "export", str(out), "-o", str(root / "export.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert exported.returncode == 0, exported.stderr
    # The WACZ's WARCs re-extract to the merged articles.
    extracted = root / "from-wacz.jsonl"
    subprocess.run([str(BIN / "archiver"), "extract", str(out / wacz[0]), "-o", str(extracted)], check=True)
    assert extracted.read_bytes() == (out / "articles.jsonl").read_bytes()


def one_line_failure(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_bad_inputs_give_one_line_and_lose_nothing(split_crawls: dict[str, Path], tmp_path: Path) -> None:
    first, second = split_crawls["first"], split_crawls["second"]
    before = snapshot(first)
    empty = tmp_path / "empty"
    (empty / "warc").mkdir(parents=True)
    one_line_failure(merge(tmp_path / "m1", first, empty), 66, "holds no WARC files")
    assert not (tmp_path / "m1").exists()
    one_line_failure(merge(first / "merged", first, second), 64, "inside the input folder")
    # A file of the same name with other bytes (two workers given the same id).
    clash = tmp_path / "clash"
    (clash / "warc").mkdir(parents=True)
    warc = sorted((first / "warc").glob("*.warc.gz"))[0]
    other = bytearray(warc.read_bytes())
    other[len(other) // 2] ^= 0xFF  # other records; a file cut shorter would be the same records
    (clash / "warc" / warc.name).write_bytes(bytes(other))
    one_line_failure(merge(tmp_path / "m2", first, clash), 65, "give each crawl its own --job")
    assert not (tmp_path / "m2").exists()
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    one_line_failure(merge(full, first, second), 73, "not empty")
    assert (full / "notes.txt").read_text() == "mine" and len(list(full.iterdir())) == 1
    merged = tmp_path / "merged"
    assert merge(merged, first, second, extra=("--no-wacz",)).returncode == 2
    kept = snapshot(merged)
    one_line_failure(merge(merged, first), 73, "a merge of other folders")
    assert snapshot(merged) == kept
    assert snapshot(first) == before


def test_a_killed_crawls_open_file_is_repaired_in_the_merge(tmp_path: Path) -> None:
    switch = KillSwitch()
    rng = random.Random(20261201)
    with split_site(switch) as (base, _):
        whole = tmp_path / "whole"
        assert not run_once(
            loopback_crawl(whole, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0"), switch, None
        )
        requests = sum(switch.hits.values())
        killed = tmp_path / "killed"
        command = loopback_crawl(killed, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0", "--job", "w1")
        assert run_once(command, switch, kill_at=rng.randint(requests // 3, 2 * requests // 3))
        rest = tmp_path / "rest"
        command = loopback_crawl(rest, *[base + path for path in article_paths(ARTICLES)], "--depth", "0")
        assert not run_once([*command, "--job", "w2"], switch, None)
        # The killed folder copied and resumed there: its repaired file is the .open one's whole
        # records, the same name: taken once, no clash.
        resumed = tmp_path / "resumed"
        shutil.copytree(killed, resumed, symlinks=True)
        command = loopback_crawl(resumed, "--sitemap", f"{base}/sitemap.xml.gz", "--depth", "0")
        assert not run_once([*command, "--job", "w1"], switch, None)
    opened = list((killed / "warc").glob("*.warc.gz.open"))
    assert opened, "the kill left no open WARC file"
    before = snapshot(killed)
    result = merge(out := tmp_path / "merged", killed, rest)
    assert result.returncode == 3, result.stderr  # an input was killed: 3, as crawl.json says
    assert snapshot(killed) == before
    assert not list((out / "warc").glob("*.open"))
    assert (out / "warc" / opened[0].name.removesuffix(".open")).is_file()
    check_files_are_whole(out)
    assert stable_articles(out) == stable_articles(whole)  # each once (stable_articles checks), whole
    run = json.loads((out / "crawl.json").read_text())["run"]
    assert run["recovered_warc_files"] == [opened[0].name.removesuffix(".open")]
    assert run["exit_code"] == 3 and run["outcome"] == "stopped"
    assert {item["folder"]: item["outcome"] for item in run["inputs"]["folders"]}[str(killed)] == "killed"
    assert any(str(killed) in str(error) for error in run["errors"])
    both = tmp_path / "with-resumed"
    result = merge(both, killed, resumed, rest)
    assert result.returncode == 0, result.stderr  # the killed crawl's records are all in its resumed copy
    outcomes = json.loads((both / "crawl.json").read_text())["run"]["inputs"]["folders"]
    assert {item["folder"]: item["outcome"] for item in outcomes}[str(killed)] == "resumed elsewhere"
    assert stable_articles(both) == stable_articles(whole)
    assert opened[0].name.removesuffix(".open") in {path.name for path in (both / "warc").iterdir()}


def test_a_folder_a_crawl_is_writing_into_is_refused_and_so_is_a_second_merge(
    split_crawls: dict[str, Path], tmp_path: Path
) -> None:
    first = split_crawls["first"]
    seen, go_on = threading.Event(), threading.Event()

    def held(handler: BaseHTTPRequestHandler) -> None:
        seen.set()
        go_on.wait(TIMEOUT)
        send(handler, 200, b"<html><body>late</body></html>")

    live = tmp_path / "live"
    with serve({"/*": held}) as base:
        process = subprocess.Popen(
            loopback_crawl(live, f"{base}/slow/", "--depth", "0"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert seen.wait(TIMEOUT)  # the crawl is fetching: it holds live's lock
            before = snapshot(live)
            one_line_failure(merge(tmp_path / "m", first, live), 75, "is writing into")
            assert not (tmp_path / "m").exists()
            assert snapshot(live) == before
        finally:
            go_on.set()
            process.wait(TIMEOUT)
    # A second merge into a MERGED another holds (the lock a merge takes): refused, nothing written.
    out = tmp_path / "out"
    lock = OutputLock(out)
    lock.acquire("merge")
    try:
        one_line_failure(merge(out, first, extra=("--no-wacz",)), 75, "writing into")
        assert [path.name for path in out.iterdir()] == [".archiver.lock"]
    finally:
        lock.release()
    assert merge(out, first, extra=("--no-wacz",)).returncode == 2


def test_a_damaged_warc_costs_its_records_and_the_wacz_only(
    split_crawls: dict[str, Path], tmp_path: Path
) -> None:
    first, second = split_crawls["first"], split_crawls["second"]
    damaged = tmp_path / "damaged"
    shutil.copytree(second, damaged)
    warc = sorted((damaged / "warc").glob("*.warc.gz"))[0]
    data = bytearray(warc.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(range(64))  # control bytes, an escape among them
    warc.write_bytes(bytes(data))
    out = tmp_path / "merged"
    result = merge(out, first, damaged)
    assert result.returncode == 65, result.stderr
    assert "\x1b" not in result.stderr and "no WACZ written" in result.stderr.splitlines()[-1]
    run = json.loads((out / "crawl.json").read_text())["run"]
    assert json.loads((out / ".archiver-merge.json").read_text())["finished"] is True
    assert run["exit_code"] == 2 and run["wacz"] is None
    assert any(str(error).startswith("damaged: ") for error in run["errors"])
    assert any(str(error).startswith("no WACZ: ") for error in run["errors"])
    assert 1 <= run["articles"] <= ARTICLES
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert len(articles) == run["articles"]  # whole lines: the damage cost records, not the file
    # Without the WACZ: the merge's own verdict (2: records lost).
    assert merge(tmp_path / "plain", first, damaged, extra=("--no-wacz",)).returncode == 2


def test_wacz_inputs_merge_as_their_folders_do(split_crawls: dict[str, Path], tmp_path: Path) -> None:
    first, second = split_crawls["first"], split_crawls["second"]
    package = tmp_path / "first.wacz"
    subprocess.run([str(BIN / "archiver"), "wacz", str(first), "-o", str(package)], check=True)
    holder = tmp_path / "holder"  # a folder holding only a WACZ
    holder.mkdir()
    shutil.copyfile(package, holder / "first.wacz")
    expected = stable_articles(split_crawls["whole"])
    for given in (package, holder):
        out = tmp_path / f"from-{given.name}"
        result = merge(out, given, second, extra=("--no-wacz",))
        assert result.returncode == 0, result.stderr  # a WACZ's crawl counts as packaged, done
        assert stable_articles(out) == expected
        names = sorted(path.name for path in (*first.glob("warc/*.warc.gz"), *second.glob("warc/*.warc.gz")))
        assert sorted(path.name for path in (out / "warc").glob("*.warc.gz")) == names
        for path in first.glob("warc/*.warc.gz"):  # the WACZ's members copied byte for byte
            assert (out / "warc" / path.name).read_bytes() == path.read_bytes()
    # A WACZ and the folder it was made of: the same files, taken once.
    assert merge(tmp_path / "both", package, first, extra=("--no-wacz",)).returncode == 2
    not_wacz = tmp_path / "notes.wacz"
    not_wacz.write_bytes(b"\x1b[31mnot a zip")
    one_line_failure(merge(tmp_path / "bad", not_wacz, second), 65, "not a WACZ")
    assert "\x1b[" not in merge(tmp_path / "bad", not_wacz, second).stderr
