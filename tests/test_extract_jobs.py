"""``archiver extract --jobs N`` gives the bytes of ``--jobs 1`` (and of the crawl's own
articles.jsonl), through real crawls of a loopback site: one WARC file, several (a small
ARCHIVER_WARC_MAX_SIZE), a crawl killed with SIGKILL and resumed, its WACZ, and the shared
crawl cases (../shared/cases, when present)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from archiver.models import ListiclePage
from archiver.warc.reader import Capture
from bench.sitegen import site_files
from tests.crawl_command import BIN, loopback_crawl
from tests.generated_site import sitemap_crawl_command
from tests.test_coding_roundtrip import CASES, _case_urls
from tests.test_crash_resume import KillSwitch, kill_and_resume, run_once, served

TIMEOUT = 600
ARTICLES = 30


def extract(*inputs: Path | str, jobs: int, output: Path) -> str:
    """``archiver extract --jobs JOBS INPUTS -o OUTPUT``; returns its stderr (warnings)."""
    command = [str(BIN / "archiver"), "extract", "--jobs", str(jobs), *map(str, inputs), "-o", str(output)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr
    return result.stderr


def same_bytes_whatever_the_jobs(tmp_path: Path, *inputs: Path | str) -> bytes:
    """The output of 1, 2 and 3 processes, asserted byte-identical (warnings too); returns it."""
    outputs, warnings = [], []
    for jobs in (1, 2, 3):
        target = tmp_path / f"jobs-{jobs}.jsonl"
        warnings.append(extract(*inputs, jobs=jobs, output=target).replace(str(target), "OUT"))
        outputs.append(target.read_bytes())
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]
    assert warnings[1] == warnings[0] and warnings[2] == warnings[0]
    return outputs[0]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``single``: one WARC file and a WACZ; ``rotated``: several WARC files; ``resumed``:
    killed twice with SIGKILL, then finished by running the same command again."""
    root = tmp_path_factory.mktemp("extract-jobs")
    switch = KillSwitch()
    files: dict[str, bytes] = {}
    with served(files, switch) as base:
        files.update(site_files(ARTICLES, base, page_kb=12))
        assert not run_once(sitemap_crawl_command(base, root / "single"), switch, None)
        requests = sum(switch.hits.values())
        rotated = sitemap_crawl_command(
            base, root / "rotated", "--no-wacz", "--set", "ARCHIVER_WARC_MAX_SIZE=60000"
        )
        assert not run_once(rotated, switch, None)
        resumed = sitemap_crawl_command(base, root / "resumed", "--no-wacz", "--job-dir", str(root / "job"))
        kill_and_resume(resumed, switch, random.Random(20261201), kills=2, most=requests // 2)
    return {name: root / name for name in ("single", "rotated", "resumed")}


@pytest.mark.parametrize("name", ["single", "rotated", "resumed"])
def test_crawls_extract_to_the_same_bytes_with_any_number_of_processes(
    crawls: dict[str, Path], name: str, tmp_path: Path
) -> None:
    out = crawls[name]
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    if name == "rotated":
        assert len(warcs) >= 3
    if name == "resumed":
        assert len(warcs) >= 2  # one file per run at least
    assert same_bytes_whatever_the_jobs(tmp_path, *warcs) == (out / "articles.jsonl").read_bytes()


def test_a_wacz_extracts_to_the_same_bytes_with_any_number_of_processes(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    (wacz,) = crawls["single"].glob("*.wacz")
    assert same_bytes_whatever_the_jobs(tmp_path, wacz) == (crawls["single"] / "articles.jsonl").read_bytes()


def test_jobs_below_one_is_a_usage_error(crawls: dict[str, Path]) -> None:
    command = [str(BIN / "archiver"), "extract", "--jobs", "0", str(crawls["single"]), "-o", "-"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 64 and "--jobs" in result.stderr


SERVED_CASES = sorted(path.parent.name for path in CASES.glob("*/server.py")) if CASES.is_dir() else []


@pytest.mark.skipif(not SERVED_CASES, reason="../shared/cases is absent")
@pytest.mark.parametrize("case", SERVED_CASES)
def test_shared_crawl_cases_extract_to_the_same_bytes_with_any_number_of_processes(
    case: str, tmp_path: Path
) -> None:
    server, urls = _case_urls(case)
    out = tmp_path / "out"
    try:
        command = loopback_crawl(out, *urls, "--depth", "0")
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    finally:
        server.kill()
        server.wait()
    warcs = sorted((out / "warc").glob("*.warc.gz"))
    assert warcs, f"{case}: the crawl archived nothing"
    same_bytes_whatever_the_jobs(tmp_path, *warcs)


@pytest.mark.skipif(not (CASES / "18b-resource-record").is_dir(), reason="../shared/cases is absent")
def test_a_warc_of_resource_records_extracts_to_the_same_bytes(tmp_path: Path) -> None:
    script = tmp_path / "make_warc.py"
    script.write_bytes(
        (CASES / "18b-resource-record" / "make_warc.py").read_bytes()
    )  # it writes beside itself
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=60)
    assert same_bytes_whatever_the_jobs(tmp_path, tmp_path / "resource.warc.gz").count(b"\n") == 1


def test_the_pages_are_parsed_by_the_workers(crawls: dict[str, Path]) -> None:
    """The parallel path is taken: every page the chains need comes from a worker process."""
    from archiver.parallel_parse import PageParsePool
    from archiver.reextract import WarcIndex, articles_from_index

    warcs = sorted((crawls["rotated"] / "warc").glob("*.warc.gz"))
    asked: list[str] = []
    with PageParsePool(2, range_bytes=20_000) as pool:
        index = WarcIndex(warcs, on_capture=pool.offer, ranges=pool.ranges)
        pool.offer_pages(index)

        def parse(capture: Capture) -> ListiclePage | Exception:
            asked.append(capture.url)
            return pool.parse(capture)

        articles = list(articles_from_index(index, parser=parse))
        assert len(articles) == ARTICLES
        assert len(asked) >= ARTICLES and pool.from_workers == len(asked)


def test_files_split_into_small_ranges_give_the_same_bytes_and_warnings(
    crawls: dict[str, Path], tmp_path: Path
) -> None:
    """Worker processes reading ranges of a few gzip members each (cut mid-file), of whole
    crawls and of a damaged copy (bytes overwritten mid-file, the end cut off): the articles
    and warnings of one process."""
    from archiver.cli.extract import index_and_articles
    from archiver.warc.source import as_source

    (warc,) = sorted((crawls["single"] / "warc").glob("*.warc.gz"))
    data = bytearray(warc.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 200] = bytes(random.Random(3).randrange(256) for _ in range(200))
    damaged = tmp_path / warc.name
    damaged.write_bytes(bytes(data[: len(data) * 4 // 5]))
    sets = {
        "single": [warc],
        "rotated": sorted((crawls["rotated"] / "warc").glob("*.warc.gz")),
        "damaged": [damaged],
    }
    for name, paths in sets.items():
        sources = [as_source(path) for path in paths]
        results = []
        for jobs, range_bytes in ((1, None), (2, 7_000), (3, 50_000)):
            scratch = tmp_path / f"{name}-{jobs}.jsonl"
            warnings, count = index_and_articles(sources, [], scratch, jobs, range_bytes)
            results.append((scratch.read_bytes(), warnings, count))
        assert results[1] == results[0] and results[2] == results[0], name
        if name == "damaged":
            assert len(results[0][1]) == 2 and 0 < results[0][2] <= ARTICLES  # damage and cut: warned
        else:
            assert results[0][2] == ARTICLES
