"""Incremental job runs (issue 13) through real components: two real ``archiver crawl`` runs of a
job (``ARCHIVER_JOB_ROOT``) against the loopback listicle site, its first and then its second
edition, the job capture index filled between them as ``archiver job run`` does at the end of a
run, and the WARCs read back with warcio and third-party tools.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.job.captures import INDEX_NAME, CaptureIndex
from tests.crawl_command import loopback_crawl
from tests.listicle_site import (
    EDITED_ARTICLE,
    EDITED_SUFFIX,
    NEW_ARTICLE,
    LoggedRequest,
    crawl_listicle_site,
    listicle_site,
)
from tests.test_crash_resume import check_extract_agrees, check_files_are_whole, stable_articles

BIN = Path(sys.executable).parent
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
RUN_1, RUN_2 = "20261124T060000Z", "20261201T060000Z"


@dataclass
class Record:
    """One response or revisit record as warcio reads it."""

    warc_type: str
    url: str
    record_id: str
    date: str
    digest: str
    status: int
    profile: str | None
    refers_to: str | None
    refers_to_uri: str | None
    refers_to_date: str | None


@dataclass
class TwoRuns:
    out: Path  # the job folder
    base: str
    log: list[LoggedRequest]  # what the server answered during run 2

    def run(self, run: str) -> Path:
        return self.out / "runs" / run

    def records(self, run: str) -> list[Record]:
        found = []
        for warc in sorted((self.run(run) / "warc").glob("*.warc.gz")):
            with warc.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.rec_type not in ("response", "revisit"):
                        continue
                    head = record.rec_headers
                    found.append(
                        Record(
                            record.rec_type,
                            head.get_header("WARC-Target-URI"),
                            head.get_header("WARC-Record-ID"),
                            head.get_header("WARC-Date"),
                            head.get_header("WARC-Payload-Digest"),
                            int(record.http_headers.get_statuscode()),
                            head.get_header("WARC-Profile"),
                            head.get_header("WARC-Refers-To"),
                            head.get_header("WARC-Refers-To-Target-URI"),
                            head.get_header("WARC-Refers-To-Date"),
                        )
                    )
        return found

    def articles(self, run: str) -> list[dict[str, Any]]:
        lines = (self.run(run) / "articles.jsonl").read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines]


def _crawl_command(out: Path, base: str, run: str, *extra: str) -> list[str]:
    return loopback_crawl(
        out / "runs" / run,
        "--sitemap",
        f"{base}/sitemap.xml.gz",
        "--depth",
        "0",
        "--no-wacz",
        "--set",
        f"ARCHIVER_JOB_ROOT={out}",
        *extra,
    )


def _crawl(out: Path, base: str, run: str, *extra: str) -> None:
    command = _crawl_command(out, base, run, *extra)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"


def _two_runs(
    out: Path, *, validators: bool, lastmod: bool, run_2_settings: tuple[str, ...] = ()
) -> Iterator[TwoRuns]:
    with listicle_site(validators=validators, lastmod=lastmod) as site:
        _crawl(out, site.base, RUN_1)
        with CaptureIndex(out / INDEX_NAME) as index:  # what `archiver job run` does after a run
            assert index.add_run(out / "runs" / RUN_1) > 0
        site.set_edition(2)  # a week later
        _crawl(out, site.base, RUN_2, *run_2_settings)
        yield TwoRuns(out, site.base, site.requests())


@pytest.fixture(scope="module")
def conditional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoRuns]:
    """Run 1 on edition 1, run 2 on edition 2 of a site that sends validators and 304s."""
    yield from _two_runs(tmp_path_factory.mktemp("job") / "job", validators=True, lastmod=False)


@pytest.fixture(scope="module")
def no_validators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoRuns]:
    """Run 1, then run 2 (with ARCHIVER_LASTMOD_SKIP) of a site that sends no validators (never a
    304) and a sitemap with lastmod."""
    yield from _two_runs(
        tmp_path_factory.mktemp("job") / "job",
        validators=False,
        lastmod=True,
        run_2_settings=("--set", "ARCHIVER_LASTMOD_SKIP=True"),
    )


def _records_of(warc: Path) -> list[tuple[str, str | None]]:
    with warc.open("rb") as stream:
        return [
            (record.rec_type, record.rec_headers.get_header("WARC-Profile"))
            for record in ArchiveIterator(stream)
        ]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _without_provenance(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The items as extracted, without where they are archived (which differs by run)."""
    items = []
    for item in article["items"]:
        images = [{k: v for k, v in image.items() if k != "capture"} for image in item["images"]]
        items.append({**item, "images": images})
    return items


# -- conditional requests and 304s -----------------------------------------------------------------
def test_run_2_asks_conditionally_for_every_url_of_run_1(conditional: TwoRuns) -> None:
    run_1_urls = {_path(record.url) for record in conditional.records(RUN_1)}
    asked = {entry.path: entry for entry in conditional.log}
    assert run_1_urls <= set(asked)
    for path in run_1_urls:
        assert asked[path].if_none_match is not None, path  # every capture had an ETag
        assert asked[path].if_modified_since is not None, path
    # The new article's URLs were never captured: asked without conditions.
    assert not asked[NEW_ARTICLE].conditional
    run = json.loads((conditional.run(RUN_2) / "crawl.json").read_text())["run"]
    assert run["conditional_requests"] == len(run_1_urls)
    assert run["not_modified"] == sum(1 for entry in conditional.log if entry.status == 304)


def test_a_plain_crawl_asks_without_conditions_and_keeps_no_index(tmp_path: Path) -> None:
    """Without ARCHIVER_JOB_ROOT, a second crawl of the same site is what it always was."""
    with listicle_site() as site:
        crawl_listicle_site(site.base, tmp_path / "one", "--no-wacz")
        site.set_edition(2)
        crawl_listicle_site(site.base, tmp_path / "one", "--no-wacz")  # the same --out: continues it
        crawl_listicle_site(site.base, tmp_path / "two", "--no-wacz")
        log = site.requests()
    assert log and not any(entry.conditional for entry in log)
    assert not list(tmp_path.rglob(INDEX_NAME))
    records = [record for warc in sorted(tmp_path.glob("two/warc/*.warc.gz")) for record in _records_of(warc)]
    assert not any(kind == "revisit" and profile != IDENTICAL for kind, profile in records)


def test_unchanged_pages_and_photos_get_304_and_a_revisit_of_run_1(conditional: TwoRuns) -> None:
    run_1 = {record.url: record for record in conditional.records(RUN_1)}
    run_2 = {record.url: record for record in conditional.records(RUN_2)}
    not_modified = [entry for entry in conditional.log if entry.status == 304]
    changed = {EDITED_ARTICLE, "/sitemap.xml.gz"}
    expected = {_path(url) for url in run_1} - changed
    assert {entry.path for entry in not_modified} == expected
    for url, earlier in run_1.items():
        if _path(url) in changed:
            continue
        revisit = run_2[url]
        assert revisit.warc_type == "revisit" and revisit.profile == NOT_MODIFIED, url
        assert revisit.status == 304  # the 304's own head
        assert revisit.refers_to == earlier.record_id
        assert revisit.refers_to_uri == earlier.url
        assert revisit.refers_to_date == earlier.date
        assert revisit.digest == earlier.digest
    # No photo of run 1 was downloaded again; the edited page came in full.
    photos = [entry for entry in conditional.log if entry.path.startswith("/img/0000") and entry.conditional]
    assert photos and all(entry.status == 304 and entry.body_bytes == 0 for entry in photos)
    edited = next(entry for entry in conditional.log if entry.path == EDITED_ARTICLE)
    assert edited.status == 200 and edited.body_bytes > 0
    assert run_2[f"{conditional.base}{EDITED_ARTICLE}"].warc_type == "response"


def test_run_2_articles_are_complete_and_exact(conditional: TwoRuns) -> None:
    earlier = {article["url"]: article for article in conditional.articles(RUN_1)}
    articles = conditional.articles(RUN_2)
    assert len(articles) == len(earlier) + 1
    revisits = {
        record.record_id: record for record in conditional.records(RUN_2) if record.warc_type == "revisit"
    }
    for article in articles:
        assert article["complete"] and article["media_complete"], article["url"]
        photos = [image["capture"] for item in article["items"] for image in item["images"]]
        assert photos and all(photo["status"] == 200 for photo in photos)
        if article["url"].endswith(NEW_ARTICLE):
            assert all(photo["warc_type"] == "response" for photo in photos)
            continue
        before = earlier[article["url"]]
        # Photos answered 304 are captured: the capture is run 2's revisit, of run 1's payload.
        before_photos = [image["capture"] for item in before["items"] for image in item["images"]]
        for photo, old in zip(photos, before_photos, strict=True):
            assert photo["warc_type"] == "revisit" and photo["warc_record_id"] in revisits
            assert photo["payload_digest"] == old["payload_digest"]
            assert photo["length"] == old["length"]
        if article["url"].endswith(EDITED_ARTICLE):
            old_items, new_items = _without_provenance(before), _without_provenance(article)
            differing = [new["number"] for old, new in zip(old_items, new_items, strict=True) if old != new]
            assert differing == [4]
            assert new_items[3]["caption"] == old_items[3]["caption"] + EDITED_SUFFIX.rstrip()
            continue
        # Parsed from run 1's payload: the same items; the page's record is run 2's revisit.
        assert _without_provenance(article) == _without_provenance(before)
        for page in article["pages"]:
            assert page["warc_record_id"] in revisits
            assert page["status"] == 200


def test_extract_of_run_2_agrees_with_the_crawl(conditional: TwoRuns, tmp_path: Path) -> None:
    run_2 = conditional.run(RUN_2)
    warcs = [str(path) for path in sorted((run_2 / "warc").glob("*.warc.gz"))]
    # In the job's run folder: the earlier runs' WARCs are found as references.
    found = tmp_path / "found.jsonl"
    subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs, "-o", str(found)], check=True, capture_output=True
    )
    assert found.read_bytes() == (run_2 / "articles.jsonl").read_bytes()
    # Elsewhere: given with --refer-to.
    moved = tmp_path / "moved"
    moved.mkdir()
    for warc in warcs:
        (moved / Path(warc).name).write_bytes(Path(warc).read_bytes())
    earlier = sorted(str(path) for path in (conditional.run(RUN_1) / "warc").glob("*.warc.gz"))
    given = tmp_path / "given.jsonl"
    subprocess.run(
        [
            str(BIN / "archiver"),
            "extract",
            *sorted(map(str, moved.iterdir())),
            "--refer-to",
            *earlier,
            "-o",
            str(given),
        ],
        check=True,
        capture_output=True,
    )
    assert given.read_bytes() == (run_2 / "articles.jsonl").read_bytes()
    # Without them, the 304-revisited pages cannot be read: the reference files are what resolve them.
    alone = subprocess.run(
        [str(BIN / "archiver"), "extract", *sorted(map(str, moved.iterdir()))],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "in none of the files given" in alone.stderr
    # Reference files are never extracted themselves: run 1's articles are not in the output.
    assert len(given.read_text().splitlines()) == len(conditional.articles(RUN_2))


def test_warcio_and_cdxj_indexer_read_the_revisits(conditional: TwoRuns, tmp_path: Path) -> None:
    warcs = sorted(str(path) for path in conditional.out.glob("runs/*/warc/*.warc.gz"))
    subprocess.run([str(BIN / "warcio"), "check", *warcs], check=True, capture_output=True)
    index = tmp_path / "index.cdxj"
    result = subprocess.run(
        [str(BIN / "cdxj-indexer"), "--sort", *warcs], check=True, capture_output=True, text=True
    )
    index.write_text(result.stdout)
    subprocess.run(["sort", "-c", str(index)], env={**os.environ, "LC_ALL": "C"}, check=True)
    entries = [json.loads(line.split(" ", 2)[2]) for line in index.read_text().splitlines()]
    run_1 = {record.url: record for record in conditional.records(RUN_1)}
    revisits = [entry for entry in entries if entry["mime"] == "warc/revisit"]
    assert len(revisits) == sum(1 for entry in conditional.log if entry.status == 304)
    for entry in revisits:
        # Indexed as the 304 it recorded, with the payload digest of run 1's capture, by which
        # pywb finds the original.
        assert entry["status"] == "304"
        assert entry["digest"] == run_1[entry["url"]].digest


def _stamp(fetched_at: str) -> str:
    return fetched_at[:19].replace("-", "").replace(":", "").replace("T", "")


def test_pywb_replays_a_page_answered_304_from_both_runs(conditional: TwoRuns, tmp_path: Path) -> None:
    """pywb with both runs' WARCs as one collection: the index holds run 2's 304 revisit beside
    run 1's response. pywb replays a revisit whose own head is a 3xx as that head with no body
    (its resolvingloader short-cuts 3xx revisits; ukwa/ukwa-pywb#40 asks for 304s to be skipped),
    so at run 2's own timestamp it answers the 304 it recorded, never a wrong body; the page's
    payload replays from run 1's capture."""
    import urllib.error

    from tests.pywb import pywb_collection
    from tests.test_third_party import _replay

    warcs = sorted(conditional.out.glob("runs/*/warc/*.warc.gz"))
    unchanged = next(
        article
        for article in conditional.articles(RUN_2)
        if not article["url"].endswith((EDITED_ARTICLE, NEW_ARTICLE))
    )
    before = next(a for a in conditional.articles(RUN_1) if a["url"] == unchanged["url"])
    url = unchanged["url"]
    with pywb_collection(tmp_path, "job", warcs) as base:
        headers, body = _replay(f"{base}/{_stamp(before['pages'][0]['fetched_at'])}id_/{url}")
        with pytest.raises(urllib.error.HTTPError) as answer:
            _replay(f"{base}/{_stamp(unchanged['pages'][0]['fetched_at'])}id_/{url}")
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    assert headers["content-type"].startswith("text/html")
    assert unchanged["title"].encode() in body
    assert answer.value.code == 304
    assert answer.value.read() == b""


# -- servers without validators, and the sitemap's lastmod ------------------------------------------
def test_same_bytes_without_validators_become_revisits_of_run_1(no_validators: TwoRuns) -> None:
    run_1 = {record.url: record for record in no_validators.records(RUN_1)}
    assert not any(entry.status == 304 for entry in no_validators.log)
    edited_photos = [
        image["url"]
        for article in no_validators.articles(RUN_2)
        if article["url"].endswith(EDITED_ARTICLE)
        for item in article["items"]
        for image in item["images"]
    ]
    assert edited_photos
    run_2 = {record.url: record for record in no_validators.records(RUN_2)}
    for url in edited_photos:
        revisit, earlier = run_2[url], run_1[url]
        assert revisit.warc_type == "revisit" and revisit.profile == IDENTICAL
        assert revisit.status == 200
        assert (revisit.refers_to, revisit.refers_to_uri, revisit.refers_to_date) == (
            earlier.record_id,
            earlier.url,
            earlier.date,
        )
        assert revisit.digest == earlier.digest


def test_lastmod_skip_asks_only_for_articles_modified_since(no_validators: TwoRuns, tmp_path: Path) -> None:
    pages = {entry.path for entry in no_validators.log if entry.path.startswith("/a/")}
    assert pages == {EDITED_ARTICLE, NEW_ARTICLE}
    summary = json.loads((no_validators.run(RUN_2) / "crawl.json").read_text())
    assert summary["run"]["skipped_by_lastmod"] == 4
    articles = no_validators.articles(RUN_2)
    assert sorted(_path(article["url"]) for article in articles) == [EDITED_ARTICLE, NEW_ARTICLE]
    assert all(article["complete"] and article["media_complete"] for article in articles)
    found = tmp_path / "found.jsonl"
    warcs = sorted(str(path) for path in (no_validators.run(RUN_2) / "warc").glob("*.warc.gz"))
    subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs, "-o", str(found)], check=True, capture_output=True
    )
    assert found.read_bytes() == (no_validators.run(RUN_2) / "articles.jsonl").read_bytes()


# -- a killed job run ------------------------------------------------------------------------------
def test_a_killed_job_run_resumes_from_its_revisits_of_run_1(conditional: TwoRuns, tmp_path: Path) -> None:
    """Run 2 killed mid-way (the server holds its 45th request unanswered), then run again into
    its folder: the crash-resume rebuilds the frontier from run 2's WARCs, whose 304 revisits
    resolve into run 1's WARCs, and ends with the articles of the uninterrupted run 2."""
    out = tmp_path / "job"
    with listicle_site() as site:
        _crawl(out, site.base, RUN_1)
        with CaptureIndex(out / INDEX_NAME) as index:
            index.add_run(out / "runs" / RUN_1)
        site.set_edition(2)
        site.hold_request(45)
        process = subprocess.Popen(
            _crawl_command(out, site.base, RUN_2), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

        def wait_for_exit() -> None:
            process.wait()
            site.held.set()  # ended before the held request: the assertion below says so

        watcher = threading.Thread(target=wait_for_exit, daemon=True)
        watcher.start()
        assert site.held.wait(timeout=300)
        assert process.poll() is None, "the crawl ended before the held request"
        process.send_signal(signal.SIGKILL)
        watcher.join(timeout=60)
        site.hold_request(None)
        _crawl(out, site.base, RUN_2)
    run_2 = out / "runs" / RUN_2
    check_files_are_whole(run_2)
    assert stable_articles(run_2) == stable_articles(conditional.run(RUN_2))
    check_extract_agrees(run_2, tmp_path)
    # The resumed run fetched no photo the killed one had archived: each is archived once.
    photos = Counter(
        record.url for record in TwoRuns(out, site.base, []).records(RUN_2) if "/img/" in record.url
    )
    assert photos and set(photos.values()) == {1}


def test_the_item_view_shows_photos_answered_304_from_run_1(conditional: TwoRuns) -> None:
    from archiver.view.catalog import PhotoView
    from archiver.view.photos import PhotoArchive

    warnings: list[str] = []
    archive = PhotoArchive(conditional.run(RUN_2) / "warc", warn=warnings.append)
    article = next(
        a for a in conditional.articles(RUN_2) if not a["url"].endswith((EDITED_ARTICLE, NEW_ARTICLE))
    )
    image = article["items"][0]["images"][0]
    capture = image["capture"]
    assert capture["warc_type"] == "revisit"
    view = PhotoView(
        image["url"],
        "",
        None,
        capture["warc_filename"],
        capture["warc_record_id"],
        200,
        capture["content_type"],
    )
    photo = archive.photo(view)
    assert photo.body[:2] == b"\xff\xd8" and len(photo.body) == capture["length"]
    assert photo.content_type == "image/jpeg"
    assert not warnings


def test_replay_index_leaves_out_304s_so_the_earlier_capture_is_shown(
    conditional: TwoRuns, tmp_path: Path
) -> None:
    """The job's WACZ over both runs (as archiver.job.finish writes it): its index holds no 304
    line (pywb would replay it as an empty 304), and every URL run 2 was answered 304 for
    replays from run 1's capture of it, which the index holds."""
    import zipfile

    from archiver.wacz import write_wacz

    warcs = sorted(conditional.out.glob("runs/*/warc/*.warc.gz"))
    target = tmp_path / "job.wacz"
    write_wacz(conditional.run(RUN_2), target, job="job", warcs=warcs)
    with zipfile.ZipFile(target) as package:
        lines = package.read("indexes/index.cdxj").decode().splitlines()
    entries = [json.loads(line.split(" ", 2)[2]) for line in lines]
    assert entries and not [entry for entry in entries if entry["status"] == "304"]
    replayed = {entry["url"] for entry in entries if entry["status"] == "200"}
    answered_304 = {record.url for record in conditional.records(RUN_2) if record.status == 304}
    assert answered_304 and answered_304 <= replayed
