"""The pywb collection over an output folder (``archiver/replay/collection.py``) and where
``archiver replay`` looks for pywb (``find_wayback``), without running pywb."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.replay.collection import (
    CONFIG_FILE,
    INDEX_FILE,
    NoWarcs,
    collection,
    collection_name,
    prepare,
)
from archiver.replay.pywb import PYWB_ENV, PywbUnavailable, find_wayback


def _write_warc(path: Path, urls: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url in urls:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(url.encode()), http_headers=http
                )
            )


def test_the_collection_is_named_after_the_job_in_crawl_json(tmp_path: Path) -> None:
    (tmp_path / "crawl.json").write_text(json.dumps({"job": "north korea/2026"}))
    assert collection_name(tmp_path) == "north-korea-2026"
    (tmp_path / "crawl.json").write_text("not json")
    assert collection_name(tmp_path) == collection_name(tmp_path / ".." / tmp_path.name) == tmp_path.name


def test_the_config_reads_the_warcs_in_place_in_frameless_mode_with_a_sorted_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write_warc(out / "warc" / "b.warc.gz", ["http://z.example/", "http://a.example/2"])
    _write_warc(out / "warc" / "a.warc.gz", ["http://m.example/"])
    (out / "warc" / "c.warc.gz.open").write_bytes(b"being written")
    served = prepare(out / ".replay", out)
    config = json.loads((served.folder / CONFIG_FILE).read_text())  # JSON is YAML
    assert config["framed_replay"] is False
    assert config["collections"][served.name]["archive_paths"] == str(out.resolve() / "warc") + os.sep
    lines = (served.folder / INDEX_FILE).read_text().splitlines()
    assert [line.split(" ")[0] for line in lines] == ["example,a)/2", "example,m)/", "example,z)/"]
    assert {json.loads(line.split(" ", 2)[2])["filename"] for line in lines} == {"a.warc.gz", "b.warc.gz"}
    assert sorted(path.name for path in (out / "warc").iterdir()) == [
        "a.warc.gz",
        "b.warc.gz",
        "c.warc.gz.open",
    ]


def test_a_folder_without_warcs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoWarcs), collection(tmp_path):
        pass


def _fake_wayback(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "wayback"
    program.write_text("#!/bin/sh\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def test_pywb_is_found_in_the_given_folder_or_its_bin_then_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv_program = _fake_wayback(tmp_path / "venv" / "bin")
    assert find_wayback(tmp_path / "venv") == venv_program
    assert find_wayback(tmp_path / "venv" / "bin") == venv_program
    other = _fake_wayback(tmp_path / "other")
    monkeypatch.setenv(PYWB_ENV, str(tmp_path / "other"))
    assert find_wayback() == other
    assert find_wayback(tmp_path / "venv") == venv_program  # --pywb comes first
    with pytest.raises(PywbUnavailable, match="pip install pywb"):
        find_wayback(tmp_path / "nowhere")
