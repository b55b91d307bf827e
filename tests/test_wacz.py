"""WACZ packages of real crawls of the loopback listicle site: written at the end of the crawl
and by `archiver wacz`, accepted by py-wacz's validator and by the project's own checker
(which also catches what py-wacz lets pass), read back by `archiver extract` in place.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.cli.replay import first_article_link
from archiver.crawl.lock import OutputLock
from archiver.names import job_file_stem
from archiver.replay.collection import collection_name
from archiver.replay.links import replay_link
from archiver.wacz import WaczError, check_wacz, write_wacz
from archiver.wacz.datapackage import digest_bytes
from archiver.warc.cdxj import sorted_lines
from tests.crawl_command import BIN, loopback_crawl
from tests.fault_server import page as page_route
from tests.fault_server import robots_allow_all, serve, status
from tests.listicle_site import article_urls, crawl_listicle_site, serve_listicle_site

ARTICLE_PAGES = 8  # the site's 5 articles: three of one page, one of two, one of three


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(arg) for arg in args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _archiver(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return _run(BIN / "archiver", *args)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_listicle_site() as base:
        yield base


@pytest.fixture(scope="module")
def crawled(site: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crawl") / "out"
    crawl_listicle_site(site, out)
    return out


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _member_lines(wacz: Path, name: str) -> list[dict[str, Any]]:
    with zipfile.ZipFile(wacz) as archive:
        return [json.loads(line) for line in archive.read(name).decode().splitlines() if line.strip()]


def _warc_date(warc: Path, offset: int) -> str:
    with warc.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return str(record.rec_headers.get_header("WARC-Date"))


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """A copy of the WACZ ``source`` with members replaced (bytes) or left out (None), its
    datapackage listing the new hashes and sizes and its digest file matching: only the
    change itself is wrong in the copy."""
    with zipfile.ZipFile(source) as old:
        members = {name: old.read(name) for name in old.namelist()}
    for name, data in change.items():
        if data is None:
            members.pop(name)
        else:
            members[name] = data
    package = json.loads(members["datapackage.json"])
    package["resources"] = [
        {
            **entry,
            "hash": f"sha256:{hashlib.sha256(members[entry['path']]).hexdigest()}",
            "bytes": len(members[entry["path"]]),
        }
        for entry in package["resources"]
        if entry["path"] in members
    ]
    members["datapackage.json"] = json.dumps(package, indent=2).encode()
    members["datapackage-digest.json"] = digest_bytes(members["datapackage.json"])
    with zipfile.ZipFile(target, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)


# -- the crawl's own WACZ -------------------------------------------------------------------------


def test_the_crawl_writes_a_wacz_that_py_wacz_and_the_checker_accept(crawled: Path) -> None:
    wacz = crawled / "crawl.wacz"
    summary = json.loads((crawled / "crawl.json").read_text())
    assert summary["run"]["wacz"] == "crawl.wacz"
    validated = _run(BIN / "wacz", "validate", "-f", wacz)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "is valid" in validated.stdout
    assert check_wacz(wacz) == []
    checked = _archiver("wacz", "--check", wacz)
    assert checked.returncode == 0, checked.stderr


def test_the_wacz_holds_the_warcs_as_they_are_stored_uncompressed(crawled: Path) -> None:
    wacz = crawled / "crawl.wacz"
    warcs = sorted((crawled / "warc").glob("*.warc.gz"))
    with zipfile.ZipFile(wacz) as archive:
        for warc in warcs:
            info = archive.getinfo(f"archive/{warc.name}")
            assert info.compress_type == zipfile.ZIP_STORED
            assert archive.read(info) == warc.read_bytes()
        assert sorted(n for n in archive.namelist() if n.startswith("archive/")) == [
            f"archive/{warc.name}" for warc in warcs
        ]


def test_pages_list_every_article_page_with_its_title_item_count_and_capture_date(crawled: Path) -> None:
    articles = _lines(crawled / "articles.jsonl")
    expected = {}
    for article in articles:
        items_on = Counter(item["page_url"] for item in article["items"])
        for number, page in enumerate(article["pages"], 1):
            ts = _warc_date(crawled / "warc" / page["warc_filename"], page["warc_offset"])
            expected[page["url"]] = (article["title"], items_on[page["url"]], article["url"], number, ts)
    assert len(expected) == ARTICLE_PAGES
    header, *pages = _member_lines(crawled / "crawl.wacz", "pages/pages.jsonl")
    assert header == {"format": "json-pages-1.0", "id": "pages", "title": "crawl"}
    got = {
        page["url"]: (page["title"], page["items"], page["article_url"], page["page_number"], page["ts"])
        for page in pages
    }
    assert got == expected
    assert len({page["id"] for page in pages}) == ARTICLE_PAGES
    assert all(page["declared_count"] for page in pages)
    assert sum(page["items"] for page in pages) == sum(len(a["items"]) for a in articles) == 81


def test_the_index_is_sorted_and_every_digest_matches(crawled: Path) -> None:
    with zipfile.ZipFile(crawled / "crawl.wacz") as archive:
        index = archive.read("indexes/index.cdxj").splitlines()
        package_bytes = archive.read("datapackage.json")
        package = json.loads(package_bytes)
        for entry in package["resources"]:
            data = archive.read(entry["path"])
            assert entry["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
            assert entry["bytes"] == len(data)
        digest = json.loads(archive.read("datapackage-digest.json"))
    assert index == sorted(index) and len(index) > 81  # pages and photos, at least
    assert digest["hash"] == f"sha256:{hashlib.sha256(package_bytes).hexdigest()}"
    assert package["wacz_version"] == "1.1.1" and package["title"] == "crawl"
    assert package["software"].startswith("listicle-archiver ")
    first_pages = [page for page in _lines(crawled / "pages.jsonl") if page.get("page_number") == 1]
    assert package["mainPageURL"] in {page["url"] for page in first_pages}


def test_archiver_wacz_writes_the_same_package_as_the_crawl(crawled: Path, tmp_path: Path) -> None:
    target = tmp_path / "again.wacz"
    result = _archiver("wacz", crawled, "-o", target)
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout and "8 article pages" in result.stdout
    with zipfile.ZipFile(crawled / "crawl.wacz") as own, zipfile.ZipFile(target) as again:
        assert own.namelist() == again.namelist()
        for name in own.namelist():
            if name.startswith("datapackage"):
                continue
            assert own.read(name) == again.read(name), name
        package, package_again = (json.loads(z.read("datapackage.json")) for z in (own, again))
    package.pop("created"), package_again.pop("created")
    assert package == package_again


def test_a_zipnum_index_is_valid_and_read_back(crawled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    summary = write_wacz(out, tmp_path / "zipnum.wacz", zipnum_threshold=10, block_lines=7)
    assert summary.index_kind == "zipnum" and summary.pages == ARTICLE_PAGES
    with zipfile.ZipFile(summary.path) as archive:
        names = archive.namelist()
        idx = archive.read("indexes/index.idx").decode().splitlines()
        assert archive.getinfo("indexes/index.cdx.gz").compress_type == zipfile.ZIP_STORED
    assert "indexes/index.cdxj" not in names
    assert idx[0].startswith('!meta 0 {"format": "cdxj-gzip-1.0"')
    assert len(idx) - 1 == -(-summary.index_lines // 7)
    assert idx[1:] == sorted(idx[1:])
    validated = _run(BIN / "wacz", "validate", "-f", summary.path)
    assert validated.returncode == 0 and "is valid" in validated.stdout, validated.stdout
    assert check_wacz(summary.path) == []


def test_an_existing_wacz_is_replaced_and_nothing_is_left_beside_it(crawled: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.wacz"
    target.write_bytes(b"an older file")
    write_wacz(crawled, target)
    assert zipfile.is_zipfile(target)
    assert [path.name for path in tmp_path.iterdir()] == ["x.wacz"]


# -- extract reads a WACZ -------------------------------------------------------------------------


def test_extract_of_the_wacz_equals_extract_of_the_warcs(crawled: Path, tmp_path: Path) -> None:
    warcs = sorted((crawled / "warc").glob("*.warc.gz"))
    from_warcs = _archiver("extract", *warcs)
    from_wacz = _archiver("extract", crawled / "crawl.wacz")
    assert from_warcs.returncode == 0 and from_wacz.returncode == 0, from_wacz.stderr
    assert len(from_warcs.stdout.splitlines()) == 5
    assert from_wacz.stdout == from_warcs.stdout
    zipnum = write_wacz(crawled, tmp_path / "zipnum.wacz", zipnum_threshold=10).path
    assert _archiver("extract", zipnum, "-o", tmp_path / "z.jsonl").returncode == 0
    assert (tmp_path / "z.jsonl").read_text() == from_warcs.stdout


def test_zip64_members_are_written_and_read_in_place(
    crawled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Members past 1 KiB get ZIP64 headers here, as members past 4 GiB do otherwise: the same
    # code path in zipfile, and the extra field the in-place reader must step over.
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 1 << 10)
    wacz = write_wacz(crawled, tmp_path / "zip64.wacz").path
    monkeypatch.undo()
    [warc] = (crawled / "warc").glob("*.warc.gz")
    with zipfile.ZipFile(wacz) as archive, wacz.open("rb") as raw:
        info = archive.getinfo(f"archive/{warc.name}")
        raw.seek(info.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", raw.read(4))
        raw.seek(name_length, 1)
        assert raw.read(2) == b"\x01\x00" and extra_length >= 20  # the ZIP64 extra field
    assert check_wacz(wacz) == []
    assert _run(BIN / "wacz", "validate", "-f", wacz).returncode == 0
    from_wacz = _archiver("extract", wacz)
    assert from_wacz.returncode == 0, from_wacz.stderr
    assert from_wacz.stdout == _archiver("extract", warc).stdout


def test_extract_takes_wacz_and_warc_files_mixed(site: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    crawl_listicle_site(site, out, "--max-pages", "2")
    crawl_listicle_site(site, out)
    first, second = sorted((out / "warc").glob("*.warc.gz"))
    only_first = tmp_path / "first"
    (only_first / "warc").mkdir(parents=True)
    shutil.copy(first, only_first / "warc")
    wacz = write_wacz(only_first, tmp_path / "first.wacz").path
    mixed = _archiver("extract", wacz, second)
    assert mixed.returncode == 0, mixed.stderr
    assert mixed.stdout == _archiver("extract", first, second).stdout
    assert len(mixed.stdout.splitlines()) == 5


def test_extract_refuses_a_wacz_that_is_not_one(tmp_path: Path) -> None:
    fake = tmp_path / "fake.wacz"
    fake.write_bytes(b"not a zip")
    result = _archiver("extract", fake)
    assert result.returncode == 65
    assert result.stderr.count("\n") == 1 and "not a WACZ" in result.stderr


# -- resumed crawls, --no-wacz, failures ---------------------------------------------------------


def test_a_seed_that_is_no_listicle_is_listed_in_extra_pages(site: str, tmp_path: Path) -> None:
    about = b"<html><head><title>About this site</title></head><body><p>We write lists.</p></body></html>"
    with serve({"/about/": page_route(about), "/robots.txt": robots_allow_all()}) as other:
        out = tmp_path / "out"
        result = _run(*loopback_crawl(out, article_urls(site)[0], f"{other}/about/", "--depth", "0"))
    assert result.returncode == 0, result.stderr
    wacz = out / "crawl.wacz"
    _, *pages = _member_lines(wacz, "pages/pages.jsonl")
    extra_header, *extra = _member_lines(wacz, "pages/extraPages.jsonl")
    first = article_urls(site)[0]  # an article of 3 pages
    assert [(p["article_url"], p["page_number"]) for p in pages] == [(first, 1), (first, 2), (first, 3)]
    assert extra_header["format"] == "json-pages-1.0" and extra_header["id"] == "extra-pages"
    assert [(p["url"], p["title"]) for p in extra] == [(f"{other}/about/", "About this site")]
    assert "items" not in extra[0]
    assert check_wacz(wacz) == []
    assert _run(BIN / "wacz", "validate", "-f", wacz).returncode == 0


def test_a_resumed_crawl_packages_the_warcs_of_every_run(site: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    crawl_listicle_site(site, out, "--max-pages", "2")
    with zipfile.ZipFile(out / "crawl.wacz") as archive:
        first_pages = len(archive.read("pages/pages.jsonl").splitlines()) - 1
    crawl_listicle_site(site, out)
    warcs = sorted(path.name for path in (out / "warc").glob("*.warc.gz"))
    assert len(warcs) == 2
    with zipfile.ZipFile(out / "crawl.wacz") as archive:
        names = archive.namelist()
    assert sorted(n.removeprefix("archive/") for n in names if n.startswith("archive/")) == warcs
    pages = _member_lines(out / "crawl.wacz", "pages/pages.jsonl")[1:]
    assert 0 < first_pages < ARTICLE_PAGES and len(pages) == ARTICLE_PAGES
    assert check_wacz(out / "crawl.wacz") == []
    assert _run(BIN / "wacz", "validate", "-f", out / "crawl.wacz").returncode == 0


def test_no_wacz_writes_none(site: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    crawl_listicle_site(site, out, "--no-wacz")
    assert list(out.glob("*.wacz")) == []
    assert json.loads((out / "crawl.json").read_text())["run"]["wacz"] is None


def test_a_wacz_the_crawl_cannot_write_is_an_output_error_not_a_crash(site: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "crawl.wacz").mkdir(parents=True)  # the WACZ cannot be renamed over a folder
    result = _run(
        BIN / "archiver", "crawl", "--sitemap", f"{site}/sitemap.xml.gz", "--depth", "0",
        "--out", out, "--allow-private", "--set", "AUTOTHROTTLE_ENABLED=False",
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "partial crawl: 1 output file not written; " in result.stderr
    run = json.loads((out / "crawl.json").read_text())["run"]
    assert run["wacz"] is None and run["articles"] == 5
    [error] = run["errors"]
    assert error["role"] == "output" and error["error"].startswith("WACZ not written: cannot write")
    assert sorted(path.name for path in out.iterdir() if path.name.startswith(".crawl.wacz")) == []
    assert not [path for path in out.iterdir() if path.name.startswith(".archiver-wacz-")]


def test_a_truncated_warc_is_refused_in_one_line(crawled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    (out / "crawl.wacz").unlink()
    [warc] = (out / "warc").glob("*.warc.gz")
    warc.write_bytes(warc.read_bytes()[: warc.stat().st_size // 2])
    result = _archiver("wacz", out)
    assert result.returncode == 65
    # Which damage is met first depends on where the crawl's article pages fell in the file
    # (concurrent fetches): a page record beyond the cut, or the cut itself while copying.
    assert result.stderr.count("\n") == 1 and warc.name in result.stderr
    messages = ("is cut short inside the record at byte", "no WARC record at byte")
    assert any(message in result.stderr for message in messages)
    assert [path.name for path in out.iterdir() if "wacz" in path.name] == []


def test_an_unwritable_target_and_a_folder_without_warcs_are_refused(crawled: Path, tmp_path: Path) -> None:
    into_a_file = _archiver("wacz", crawled, "-o", crawled / "crawl.json" / "x.wacz")
    assert into_a_file.returncode == 73
    assert into_a_file.stderr.count("\n") == 1 and "cannot write" in into_a_file.stderr
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "missing"):
        result = _archiver("wacz", folder)
        assert result.returncode == 66
        assert result.stderr.count("\n") == 1 and str(folder) in result.stderr
    usage = _archiver("wacz")
    assert usage.returncode == 64 and usage.stderr.count("\n") == 1


def test_a_folder_a_crawl_is_writing_into_is_refused(crawled: Path) -> None:
    lock = OutputLock(crawled)
    lock.acquire("r1")  # as a crawl holds it for its whole run
    try:
        result = _archiver("wacz", crawled)
    finally:
        lock.release()
    assert result.returncode == 75
    assert result.stderr.count("\n") == 1 and "is writing into" in result.stderr and "pid " in result.stderr
    assert _archiver("wacz", crawled, "-o", crawled / "after.wacz").returncode == 0
    (crawled / "after.wacz").unlink()


# -- the checker catches what py-wacz's validator lets pass ----------------------------------------


def test_the_checker_catches_an_unsorted_index_that_py_wacz_accepts(crawled: Path, tmp_path: Path) -> None:
    wacz = crawled / "crawl.wacz"
    with zipfile.ZipFile(wacz) as archive:
        lines = archive.read("indexes/index.cdxj").splitlines(keepends=True)
    unsorted = tmp_path / "unsorted.wacz"
    _rewrite(wacz, unsorted, {"indexes/index.cdxj": b"".join(reversed(lines))})
    assert _run(BIN / "wacz", "validate", "-f", unsorted).returncode == 0  # py-wacz: fine
    [problem] = check_wacz(unsorted)
    assert "indexes/index.cdxj: not sorted" in problem
    result = _archiver("wacz", "--check", unsorted)
    assert result.returncode == 65 and result.stderr.count("\n") == 1


def test_the_checker_catches_a_missing_page_list_and_pages_not_in_the_index(
    crawled: Path, tmp_path: Path
) -> None:
    wacz = crawled / "crawl.wacz"
    no_pages = tmp_path / "no-pages.wacz"
    _rewrite(wacz, no_pages, {"pages/pages.jsonl": None})
    assert _run(BIN / "wacz", "validate", "-f", no_pages).returncode == 0  # py-wacz: fine
    assert check_wacz(no_pages) == ["no pages/pages.jsonl"]
    with zipfile.ZipFile(wacz) as archive:
        pages = archive.read("pages/pages.jsonl")
    stray = pages + b'{"id": "x", "url": "http://127.0.0.1:9/never-crawled/", "ts": "2026-01-01T00:00:00Z"}\n'
    elsewhere = tmp_path / "elsewhere.wacz"
    _rewrite(wacz, elsewhere, {"pages/pages.jsonl": stray})
    [problem] = check_wacz(elsewhere)
    assert "pages not in the index: http://127.0.0.1:9/never-crawled/" in problem


def test_the_checker_catches_a_wrong_hash_and_a_wrong_digest(crawled: Path, tmp_path: Path) -> None:
    wacz = crawled / "crawl.wacz"
    with zipfile.ZipFile(wacz) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    package = json.loads(members["datapackage.json"])
    package["resources"][0]["hash"] = "sha256:" + "0" * 64
    members["datapackage.json"] = json.dumps(package).encode()
    members["datapackage-digest.json"] = digest_bytes(members["datapackage.json"])
    wrong_hash = tmp_path / "wrong-hash.wacz"
    with zipfile.ZipFile(wrong_hash, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED)
    [problem] = check_wacz(wrong_hash)
    assert problem.startswith(f"{package['resources'][0]['path']}: sha256 ") and "differs" in problem
    members["datapackage-digest.json"] = b'{"path": "datapackage.json", "hash": "sha256:00"}'
    wrong_digest = tmp_path / "wrong-digest.wacz"
    with zipfile.ZipFile(wrong_digest, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED)
    assert any(p.startswith("datapackage-digest.json: hash sha256:00") for p in check_wacz(wrong_digest))


# -- job names: text from --job or crawl.json never names a file outside OUT ---------------------


@pytest.mark.parametrize("job", ["../../evil", "a/b", "..", "", " ", "/tmp/evil", "a\\b", "tab\there"])
def test_a_job_that_reads_as_a_path_is_refused_before_anything_is_written(
    site: str, tmp_path: Path, job: str
) -> None:
    out = tmp_path / "x" / "out"
    result = _run(*loopback_crawl(out, article_urls(site)[0], "--depth", "0", "--job", job))
    assert result.returncode == 64, result.stderr
    assert result.stderr.count("\n") == 1 and "job name" in result.stderr
    assert list(tmp_path.rglob("*")) == []


def test_a_unicode_job_names_a_safe_wacz_the_report_and_crawl_json_agree_on(
    site: str, tmp_path: Path
) -> None:
    job = "Ünïcødé ☃ list"
    out = tmp_path / "out"
    result = _run(*loopback_crawl(out, article_urls(site)[0], "--depth", "0", "--job", job))
    assert result.returncode == 0, result.stderr
    document = json.loads((out / "crawl.json").read_text())
    assert document["job"] == job
    assert document["run"]["wacz"] == "n-c-d-list.wacz" == f"{job_file_stem(job)}.wacz"
    assert (out / "n-c-d-list.wacz").is_file() and "n-c-d-list.wacz" in result.stdout + result.stderr
    assert json.loads(zipfile.ZipFile(out / "n-c-d-list.wacz").read("datapackage.json"))["title"] == job
    assert check_wacz(out / "n-c-d-list.wacz") == []
    assert collection_name(out) == "n-c-d-list"
    assert sorted(p.name for p in (out / "warc").glob("*.warc.gz"))[0].startswith("n-c-d-list-")


@pytest.mark.parametrize(
    ("job", "stem"),
    [("../../evil", "evil"), ("/", "crawl"), ("..", "crawl"), ("☃☃", "crawl"), ("a/b", "a-b")],
)
def test_archiver_wacz_makes_the_job_of_crawl_json_a_safe_file_name(
    crawled: Path, tmp_path: Path, job: str, stem: str
) -> None:
    out = tmp_path / "deep" / "out"
    shutil.copytree(crawled, out)
    for old in out.glob("*.wacz"):
        old.unlink()
    document = json.loads((out / "crawl.json").read_text())
    (out / "crawl.json").write_text(json.dumps({**document, "job": job}))
    result = _archiver("wacz", out)
    assert result.returncode == 0, result.stderr
    assert [path.name for path in out.glob("*.wacz")] == [f"{stem}.wacz"]
    assert [path for path in tmp_path.rglob("*.wacz") if path.parent != out] == []
    assert f"{out / stem}.wacz" in result.stdout
    assert collection_name(out) == stem


# -- packaging beside a crawl, and after a kill ---------------------------------------------------


def _scratch_left(folder: Path) -> list[str]:
    return sorted(
        path.name
        for path in folder.iterdir()
        if path.name.endswith(".tmp") or path.name.startswith(".archiver-")
    )


@pytest.mark.parametrize("change", ["new WARC", "WARC grown", "WARC closed"])
def test_a_crawl_writing_while_packaging_is_not_overwritten_by_the_older_package(
    crawled: Path, tmp_path: Path, change: str
) -> None:
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    newer = (out / "crawl.wacz").read_bytes()  # stands for what that crawl's own packaging wrote
    [warc] = sorted((out / "warc").glob("*.warc.gz"))

    def crawl_meanwhile() -> None:
        if change == "new WARC":
            shutil.copy(warc, out / "warc" / warc.name.replace("-00000-", "-00001-"))
        elif change == "WARC grown":
            with warc.open("ab") as grown:
                grown.write(warc.read_bytes()[:100])
        else:  # a crawl that was writing an .open file closed it
            (out / "warc" / f"{warc.name}.open").rename(out / "warc" / f"{warc.name}x")

    if change == "WARC closed":
        shutil.copy(warc, out / "warc" / f"{warc.name}.open")
    with pytest.raises(WaczError) as caught:
        write_wacz(out, before_replace=crawl_meanwhile)
    assert caught.value.kind == "changed"
    assert str(caught.value).endswith("nothing written, run archiver wacz again")
    assert (out / "crawl.wacz").read_bytes() == newer
    assert _scratch_left(out) == []


def test_the_cli_says_a_crawl_wrote_meanwhile_in_one_line_with_exit_75() -> None:
    from archiver.cli.wacz import _EXIT_CODES

    assert _EXIT_CODES["changed"] == 75


_PAUSED_PACKAGING = """
import sys
from pathlib import Path
from archiver.wacz import write_wacz

def paused() -> None:
    print("packaged", flush=True)
    sys.stdin.read()  # until the test kills this process

write_wacz(Path(sys.argv[1]), before_replace=paused)
"""


def test_what_a_killed_packaging_left_is_removed_by_the_next_one(crawled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(crawled, out)
    (out / "crawl.wacz").unlink()
    (out / ".replay").mkdir()
    # A packaging killed once its WACZ was written in full, before the rename.
    with subprocess.Popen(
        [str(BIN / "python"), "-c", _PAUSED_PACKAGING, str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as paused:  # fmt: skip
        assert paused.stdout is not None and paused.stdout.readline() == "packaged\n"
        left = _scratch_left(out)
        paused.kill()
    assert paused.returncode == -9
    [scratch, temp] = left
    assert temp.startswith(f".crawl.wacz.pid{paused.pid}-") and (out / temp).stat().st_size > 100_000
    assert scratch.startswith(f".archiver-wacz-pid{paused.pid}-") and (out / scratch).is_dir()
    # Scratch of a process still running (this one) is never removed; a dead one's cdxj sort is.
    live = out / f".other.wacz.pid{os.getpid()}-abc.tmp"
    live.write_bytes(b"in progress")
    (out / ".replay" / f"archiver-cdxj-pid{paused.pid}-x").mkdir()
    result = _archiver("wacz", out)
    assert result.returncode == 0, result.stderr
    assert _scratch_left(out) == [live.name]
    assert check_wacz(out / "crawl.wacz") == []
    with sorted_lines([], scratch_dir=out / ".replay") as lines:
        assert list(lines) == []
    assert list((out / ".replay").iterdir()) == []


# -- the writer and the checker agree on a crawl that found no article ----------------------------


def test_a_crawl_that_found_no_article_writes_a_wacz_the_checker_calls_sound(tmp_path: Path) -> None:
    about = b"<html><head><title>About us</title></head><body><p>No list here.</p></body></html>"
    routes = {"/about/": page_route(about), "/gone/": status(404), "/robots.txt": robots_allow_all()}
    with serve(routes) as base:
        some, none = tmp_path / "some", tmp_path / "none"
        _run(*loopback_crawl(some, f"{base}/about/", "--depth", "0"))
        _run(*loopback_crawl(none, f"{base}/gone/", "--depth", "0"))
    # Pages but no article: pages.jsonl has its header alone, the page is in extraPages.jsonl.
    assert len(_member_lines(some / "crawl.wacz", "pages/pages.jsonl")) == 1
    assert len(_member_lines(some / "crawl.wacz", "pages/extraPages.jsonl")) == 2
    checked = _archiver("wacz", "--check", some / "crawl.wacz")
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    # No page archived at all (a 404 seed): sound, with a warning saying so.
    checked = _archiver("wacz", "--check", none / "crawl.wacz")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.count("\n") == 1 and checked.stderr.startswith("warning: ")
    assert "lists no page" in checked.stderr and "sound" in checked.stdout
    for wacz in (some / "crawl.wacz", none / "crawl.wacz"):
        assert _run(BIN / "wacz", "validate", "-f", wacz).returncode == 0


# -- the main page is the first capture, at full precision; replay's first article agrees --------


def _folder_with_first_pages(out: Path, dates: list[str]) -> list[str]:
    """An output folder whose WARC holds one-page articles captured at ``dates`` (WARC-Dates as
    given), listed in pages.jsonl and articles.jsonl in that order; their URLs."""
    (out / "warc").mkdir(parents=True)
    name = "crawl-20260101000000-00000-host.warc.gz"
    urls = [f"http://127.0.0.1:9/article-{number}/" for number in range(len(dates))]
    pages, articles = [], []
    with (out / "warc" / name).open("wb") as file:
        writer = WARCWriter(file, gzip=True, warc_version="WARC/1.1")
        for url, date in zip(urls, dates, strict=True):
            head = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            body = b"<html><head><title>3 things</title></head><body>list</body></html>"
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=head,
                warc_headers_dict={"WARC-Date": date},
            )
            offset = file.tell()
            writer.write_record(record)
            pages.append(
                {
                    "url": url, "status": 200, "listicle": True, "page_number": 1, "article_url": url,
                    "warc_filename": name, "warc_offset": offset, "items": 3, "title": "3 things",
                    "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
                }
            )  # fmt: skip
            articles.append({"url": url, "pages": [{"url": url, "fetched_at": date}]})
    (out / "pages.jsonl").write_text("".join(json.dumps(page) + "\n" for page in pages))
    (out / "articles.jsonl").write_text("".join(json.dumps(article) + "\n" for article in articles))
    return urls


def test_the_main_page_and_replays_first_article_are_the_first_capture_to_the_microsecond(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    # All in one second, listed out of capture order; the earliest has no fraction (".0"), which
    # a comparison as text would put after ".1".
    dates = ["2026-01-01T00:00:00.900000Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.100000Z"]
    urls = _folder_with_first_pages(out, dates)
    wacz = write_wacz(out).path
    package = json.loads(zipfile.ZipFile(wacz).read("datapackage.json"))
    assert (package["mainPageURL"], package["mainPageDate"]) == (urls[1], dates[1])
    assert first_article_link(out, "http://replay/crawl") == replay_link(
        "http://replay/crawl", dates[1], urls[1]
    )
    assert check_wacz(wacz) == []


def test_replays_first_article_is_the_wacz_main_page_of_a_real_crawl(crawled: Path) -> None:
    package = json.loads(zipfile.ZipFile(crawled / "crawl.wacz").read("datapackage.json"))
    link = first_article_link(crawled, "http://replay/crawl")
    assert link == replay_link("http://replay/crawl", package["mainPageDate"], package["mainPageURL"])


# -- extract tells a WACZ by its bytes, not its name ----------------------------------------------


def test_extract_reads_a_wacz_under_any_name_and_refuses_a_zip_that_is_not_one(
    crawled: Path, tmp_path: Path
) -> None:
    expected = _archiver("extract", crawled / "crawl.wacz")
    assert expected.returncode == 0 and expected.stdout.count("\n") == 5, expected.stderr
    for name in ("archive.zip", "renamed.warc.gz", "no-extension"):
        shutil.copy(crawled / "crawl.wacz", tmp_path / name)
        result = _archiver("extract", tmp_path / name)
        assert (result.returncode, result.stdout, result.stderr) == (0, expected.stdout, ""), name
    with zipfile.ZipFile(tmp_path / "notes.zip", "w") as other:
        other.writestr("notes.txt", "not an archive")
    refused = _archiver("extract", tmp_path / "notes.zip")
    assert refused.returncode == 65 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "not a WACZ" in refused.stderr


# -- messages that say what happened and what to do -----------------------------------------------


def test_a_killed_crawls_open_warcs_get_the_run_it_again_hint(crawled: Path, tmp_path: Path) -> None:
    only_open = tmp_path / "only-open"
    shutil.copytree(crawled, only_open)
    [warc] = (only_open / "warc").glob("*.warc.gz")
    warc.rename(warc.with_name(f"{warc.name}.open"))  # what a SIGKILLed crawl leaves
    result = _archiver("wacz", only_open)
    assert result.returncode == 66 and result.stderr.count("\n") == 1, result.stderr
    assert "the crawl was interrupted" in result.stderr and "run the same crawl again" in result.stderr
    assert "holds no WARC file" not in result.stderr
    # A later run killed: its WARC still .open, an earlier run's closed; pages.jsonl cites the open one.
    second = tmp_path / "second-killed"
    shutil.copytree(crawled, second)
    [warc] = (second / "warc").glob("*.warc.gz")
    shutil.copy(warc, warc.with_name(warc.name.replace("-00000-", "-00001-")))
    warc.rename(warc.with_name(f"{warc.name}.open"))
    result = _archiver("wacz", second)
    assert result.returncode == 65 and result.stderr.count("\n") == 1, result.stderr
    assert f"still {warc.name}.open: the crawl was interrupted" in result.stderr
    assert "run the same crawl again" in result.stderr


def test_a_damaged_stored_member_is_named_with_its_crc_and_hash(crawled: Path, tmp_path: Path) -> None:
    wacz = tmp_path / "damaged.wacz"
    shutil.copy(crawled / "crawl.wacz", wacz)
    with zipfile.ZipFile(wacz) as archive:
        [info] = [info for info in archive.infolist() if info.filename.startswith("archive/")]
    with wacz.open("r+b") as file:  # one byte in the middle of the stored WARC's data
        file.seek(
            info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.file_size // 2
        )
        byte = file.read(1)
        file.seek(-1, 1)
        file.write(bytes([byte[0] ^ 0xFF]))
    result = _archiver("wacz", "--check", wacz)
    assert result.returncode == 65, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{wacz}: {info.filename}: damaged:")
    assert "CRC-32" in line and "sha256" in line and "not a ZIP file" not in line
