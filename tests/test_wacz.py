"""WACZ packages of real crawls of the loopback listicle site: written at the end of the crawl
and by `archiver wacz`, accepted by py-wacz's validator and by the project's own checker
(which also catches what py-wacz lets pass), read back by `archiver extract` in place.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from archiver.crawl.lock import OutputLock
from archiver.wacz import check_wacz, write_wacz
from archiver.wacz.datapackage import digest_bytes
from tests.crawl_command import BIN
from tests.listicle_site import crawl_listicle_site, serve_listicle_site

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
    assert result.stderr.count("\n") == 1 and "is cut short inside the record at byte" in result.stderr
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
