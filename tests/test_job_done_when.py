"""Issue 13's "done when", all through ``archiver job run``: run 1, then run 2 on the site's second
edition (tests/listicle_site.py: validators, 304s, a request log). The checks are
:func:`check_second_edition_run`, which tests/test_scrapyd.py applies to the same job run under
scrapyd."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from tests.listicle_site import LoggedRequest, crawl_listicle_site, listicle_site
from tests.test_job_run import content, read_lines, run_job, runs_of

NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


def _records(run: Path) -> list[dict[str, Any]]:
    found = []
    for path in sorted((run / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                headers = record.rec_headers
                if record.rec_type in ("response", "revisit"):
                    found.append(
                        {
                            "type": record.rec_type,
                            "path": urlsplit(headers.get_header("WARC-Target-URI")).path,
                            "id": headers.get_header("WARC-Record-ID"),
                            "profile": headers.get_header("WARC-Profile"),
                            "refers_to": headers.get_header("WARC-Refers-To"),
                        }
                    )
    return found


def job_file_text(base: str, out: Path | str) -> str:
    """The job of these checks: the site's sitemap, depth 0, into ``out``."""
    return (
        f'name = "daily"\nsitemaps = ["{base}/sitemap.xml.gz"]\ndepth = 0\nallow_private = true\n'
        f'out = "{out}"\n[settings]\nAUTOTHROTTLE_ENABLED = false\n'
    )


def test_run_2_of_the_second_edition_through_job_run(tmp_path: Path) -> None:
    with listicle_site(edition=1) as site:
        job_file = tmp_path / "daily.toml"
        job_file.write_text(job_file_text(site.base, "job"))
        run_job(job_file)
        site.set_edition(2)  # clears the request log
        run_job(job_file)
        log = site.requests()
        crawl_listicle_site(site.base, tmp_path / "fresh", "--no-wacz")
    check_second_edition_run(tmp_path / "job", site.base, log, tmp_path / "fresh")


def check_second_edition_run(job_dir: Path, base: str, log: list[LoggedRequest], fresh: Path) -> None:
    """Run 2 of ``job_dir`` (the site at ``base``, edition 2; ``log``: what the site answered
    during run 2) against the issue's "done when"; ``fresh``: a plain crawl of edition 2."""
    run1, run2 = runs_of(job_dir)
    first = {record["path"]: record for record in _records(run1) if record["type"] == "response"}
    asked = {entry.path: entry for entry in log}
    changed = {"/a/00001-things/", "/sitemap.xml.gz"}
    for path in first:  # a conditional request for every URL of run 1
        assert asked[path].if_none_match is not None, path
    assert {path for path, entry in asked.items() if entry.status == 304} == set(first) - changed
    revisits = {record["path"]: record for record in _records(run2) if record["type"] == "revisit"}
    for path in set(first) - changed:  # a revisit pointing at run 1 for each
        assert revisits[path]["profile"] == NOT_MODIFIED, path
        assert revisits[path]["refers_to"] == first[path]["id"], path
    photos = [entry for entry in log if entry.path in first and entry.path.startswith("/img/")]
    assert photos and all(entry.status == 304 and entry.body_bytes == 0 for entry in photos)
    changes = {line["url"].removeprefix(base): line for line in read_lines(run2 / "changes.jsonl")}
    assert set(changes) == {"/a/00001-things/", "/a/00005-things/"}
    assert changes["/a/00005-things/"]["change"] == "new"
    [item] = changes["/a/00001-things/"]["items"]["changed"]
    assert item["number"] == 4 and list(item["fields"]) == ["caption"]
    assert item["fields"]["caption"]["old"] != item["fields"]["caption"]["new"]
    state = read_lines(job_dir / "articles.jsonl")
    assert len(state) == 6
    assert content(state) == content(read_lines(fresh / "articles.jsonl"))
    summary = json.loads((run2 / "crawl.json").read_text())["run"]
    assert (summary["new"], summary["changed"], summary["unchanged"], summary["gone"]) == (1, 1, 4, 0)
