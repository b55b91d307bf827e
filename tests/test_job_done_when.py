"""Issue 13's "done when", all through ``archiver job run``: run 1, then run 2 on the site's second
edition. Needs the loopback site with editions, validators and a request log (tests/listicle_site.py
as the incremental work extends it) and the job capture index (archiver/job/captures.py): skipped
until both are there."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

import tests.listicle_site as site_module
from tests.listicle_site import crawl_listicle_site
from tests.test_job_run import content, read_lines, run_job, runs_of

_SITE = "listicle_site"  # the site with editions (by name: absent before the incremental work)
if not hasattr(site_module, _SITE) or importlib.util.find_spec("archiver.job.captures") is None:
    pytest.skip("needs the site's second edition and the job capture index", allow_module_level=True)

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


def test_run_2_of_the_second_edition_through_job_run(tmp_path: Path) -> None:
    with getattr(site_module, _SITE)(edition=1) as site:
        job_file = tmp_path / "daily.toml"
        job_file.write_text(
            f'name = "daily"\nsitemaps = ["{site.base}/sitemap.xml.gz"]\ndepth = 0\nallow_private = true\n'
            'out = "job"\n[settings]\nAUTOTHROTTLE_ENABLED = false\n'
        )
        run_job(job_file)
        site.set_edition(2)  # clears the request log
        run_job(job_file)
        log = site.requests()
        crawl_listicle_site(site.base, tmp_path / "fresh", "--no-wacz")
    job_dir = tmp_path / "job"
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
    changes = {line["url"].removeprefix(site.base): line for line in read_lines(run2 / "changes.jsonl")}
    assert set(changes) == {"/a/00001-things/", "/a/00005-things/"}
    assert changes["/a/00005-things/"]["change"] == "new"
    [item] = changes["/a/00001-things/"]["items"]["changed"]
    assert item["number"] == 4 and list(item["fields"]) == ["caption"]
    assert item["fields"]["caption"]["old"] != item["fields"]["caption"]["new"]
    state = read_lines(job_dir / "articles.jsonl")
    assert len(state) == 6
    assert content(state) == content(read_lines(tmp_path / "fresh" / "articles.jsonl"))
    summary = json.loads((run2 / "crawl.json").read_text())["run"]
    assert (summary["new"], summary["changed"], summary["unchanged"], summary["gone"]) == (1, 1, 4, 0)
