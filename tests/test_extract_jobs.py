"""``archiver extract --jobs N`` gives the bytes of ``--jobs 1`` (and of the crawl's own
articles.jsonl), through real crawls of a loopback site: one WARC file, several (a small
ARCHIVER_WARC_MAX_SIZE), a crawl killed with SIGKILL and resumed, its WACZ, and the shared
crawl cases (../shared/cases, when present)."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench.sitegen import site_files
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import listicle_html
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


def test_any_cut_into_chunks_gives_the_articles_of_one_process(crawls: dict[str, Path]) -> None:
    """Chunks of a few pages cut the crawl's articles apart (their pages are interleaved in
    capture order): the chains the workers follow from pages an earlier chunk's chain took are
    dropped, and the lines are those of one process, in its order."""
    from archiver.parallel_extract import article_lines
    from archiver.reextract import WarcIndex, articles_from_index

    warcs = sorted((crawls["rotated"] / "warc").glob("*.warc.gz"))
    index = WarcIndex(warcs)
    one_process = [article.to_json() for article in articles_from_index(index)]
    assert len(one_process) == ARTICLES
    for jobs, most, least in ((2, 1, 1), (2, 2, 1), (3, 3, 2), (2, 7, 1), (1, 64, 16)):
        assert list(article_lines(index, jobs, most, least)) == one_process, (jobs, most, least)


def _pages_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """A WARC of other tools' kind (no notes): one 200 HTML response per (URL, body), in order."""
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="WARC/1.1")
        for url, body in pages:
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=html)
            )


def test_a_page_only_a_dropped_chain_took_begins_its_own_article(tmp_path: Path) -> None:
    """An article's first pages hold no item (p1, p2, p3): its chain stops after
    MAX_PAGES_BEFORE_ITEMS of them, before p4; p3 also begins a chain of its own (p3, p4). With
    the chunks [p1, p2] and [p3, p4], the second worker follows p3's chain and skips p4; the
    main process drops p3's article (p1's chain took p3) and then looks at p4 itself: p4 begins
    its own article, as in one process."""
    from archiver.chain import MAX_PAGES_BEFORE_ITEMS
    from archiver.parallel_extract import article_lines, chunk_bounds
    from archiver.parse.page import parse_page
    from archiver.reextract import WarcIndex, articles_from_index

    assert MAX_PAGES_BEFORE_ITEMS == 3  # the shape below: three pages without items, then q
    story = "https://chunks.example/story/"
    urls = [story, *(f"{story}{number}/" for number in (2, 3, 4))]
    pages = [(url, _intro_html(f"Part {number}", urls[number])) for number, url in enumerate(urls[:3], 1)]
    pages.append((urls[3], listicle_html("5 Things After The Intro", range(1, 6))))
    for position, (url, body) in enumerate(pages):  # the premise: no items before p4, each names the next
        record = parse_page(body, url)
        assert bool(record.items) == (position == 3)
        assert record.next_page_url == (urls[position + 1] if position < 3 else None)
    _pages_warc(tmp_path / "chunks.warc.gz", pages)
    index = WarcIndex([tmp_path / "chunks.warc.gz"])
    one_process = [article.to_json() for article in articles_from_index(index)]
    assert [json.loads(line)["url"] for line in one_process] == [urls[3]]
    assert chunk_bounds([0, 1, 2, 3], 4, jobs=1, most=2, least=2) == [(0, 2), (2, 4)]
    assert list(article_lines(index, 1, most_pages=2, least_pages=2)) == one_process


def test_a_later_page_left_to_the_main_process_that_no_chain_takes_begins_its_own_article(
    tmp_path: Path,
) -> None:
    """A worker leaves "/story/2/" to the main process ("/story/" lies in an earlier chunk), but
    "/story/" names no next page, so no chain takes it: the main process looks at it and it
    begins its own article, as in one process."""
    from archiver.parallel_extract import article_lines
    from archiver.reextract import WarcIndex, articles_from_index

    story = "https://chunks.example/story/"
    pages = [
        (story, listicle_html("3 Things", range(1, 4))),
        (f"{story}2/", listicle_html("4 More Things", range(1, 5))),
    ]
    _pages_warc(tmp_path / "later.warc.gz", pages)
    index = WarcIndex([tmp_path / "later.warc.gz"])
    one_process = [article.to_json() for article in articles_from_index(index)]
    assert [json.loads(line)["url"] for line in one_process] == [story, f"{story}2/"]
    assert list(article_lines(index, 1, most_pages=1, least_pages=1)) == one_process


def _intro_html(title: str, next_url: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1><p>An introduction, continued on the next page.</p></article>"
        f"<nav class='pages'><a class='next' href='{next_url}'>Next page</a></nav></body></html>"
    ).encode()


def test_chunks_cover_the_capture_order_and_shrink_towards_the_end() -> None:
    from archiver.parallel_extract import chunk_bounds

    positions = list(range(0, 3000, 3))  # 1,000 pages among 3,000 captures
    bounds = chunk_bounds(positions, 3000, jobs=2, most=256, least=16)
    assert bounds[0][0] == 0 and bounds[-1][1] == 3000
    assert all(end == next_first for (_, end), (next_first, _) in itertools.pairwise(bounds))
    sizes = [sum(1 for position in positions if first <= position < end) for first, end in bounds]
    assert sum(sizes) == 1000 and max(sizes) <= 256 and min(sizes[:-1]) >= 16
    assert sizes == sorted(sizes, reverse=True)
    assert chunk_bounds([], 5, jobs=2) == [(0, 5)]  # no page: one chunk, which finds nothing


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
