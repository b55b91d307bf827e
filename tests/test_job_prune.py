"""keep_runs pruning (archiver.job.prune) over real WARC files written with warcio: a record a
kept run's revisit refers to keeps its file, even through a chain of revisits; the rest goes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.job.prune import job_warcs, prune_runs

DATE = "2030-01-0{}T00:00:00Z"


def _write(path: Path, records: list[tuple[str, str, str | None]]) -> None:
    """(kind, record id, referred-to id or None) each, all for http://s/a."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n, (kind, record_id, refers) in enumerate(records, 1):
            headers = {"WARC-Record-ID": record_id, "WARC-Date": DATE.format(n)}
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            if kind == "revisit":
                headers |= {"WARC-Refers-To": refers or "", "WARC-Refers-To-Target-URI": "http://s/a"}
                record = writer.create_warc_record(
                    "http://s/a", "revisit", http_headers=http, warc_headers_dict=headers
                )
            else:
                record = writer.create_warc_record(
                    "http://s/a",
                    "response",
                    payload=BytesIO(b"<html>a</html>"),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            writer.write_record(record)


def test_revisit_targets_are_kept_through_a_chain_and_the_rest_goes(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    _write(runs / "20300101T000000Z/warc/a-1.warc.gz", [("response", "<urn:uuid:a1>", None)])
    _write(runs / "20300101T000000Z/warc/a-2.warc.gz", [("response", "<urn:uuid:a2>", None)])
    (runs / "20300101T000000Z/articles.jsonl").write_text("{}\n")
    _write(runs / "20300102T000000Z/warc/b-1.warc.gz", [("revisit", "<urn:uuid:b1>", "<urn:uuid:a1>")])
    _write(runs / "20300102T000000Z/warc/b-2.warc.gz", [("response", "<urn:uuid:b2>", None)])
    _write(runs / "20300103T000000Z/warc/c-1.warc.gz", [("response", "<urn:uuid:c1>", None)])
    _write(runs / "20300104T000000Z/warc/d-1.warc.gz", [("revisit", "<urn:uuid:d1>", "<urn:uuid:b1>")])
    state = [{"run": "20300103T000000Z", "pages": [{"warc_filename": "c-1.warc.gz"}], "items": []}]

    pruned = prune_runs(tmp_path, 1, state)

    left = sorted(str(path.relative_to(runs)) for path in runs.rglob("*.warc.gz"))
    # d's revisit -> b-1 (itself a revisit) -> a-1; c-1 is cited by the state; a-2, b-2 go.
    assert left == [
        "20300101T000000Z/warc/a-1.warc.gz",
        "20300102T000000Z/warc/b-1.warc.gz",
        "20300103T000000Z/warc/c-1.warc.gz",
        "20300104T000000Z/warc/d-1.warc.gz",
    ]
    assert not (runs / "20300101T000000Z/articles.jsonl").exists()
    assert [(entry.run, entry.kept, entry.removed) for entry in pruned] == [
        ("20300101T000000Z", ["a-1.warc.gz"], False),
        ("20300102T000000Z", ["b-1.warc.gz"], False),
    ]  # run c: nothing of it could go (listed only when something goes)
    assert [path.name for path in job_warcs(tmp_path)] == [
        "a-1.warc.gz",
        "b-1.warc.gz",
        "c-1.warc.gz",
        "d-1.warc.gz",
    ]
    # Once nothing refers to them any more, the folders go whole.
    assert [(entry.run, entry.removed) for entry in prune_runs(tmp_path, 1, [])] == [
        ("20300103T000000Z", True)
    ]
    (runs / "20300104T000000Z/warc/d-1.warc.gz").unlink()
    _write(runs / "20300104T000000Z/warc/d-1.warc.gz", [("response", "<urn:uuid:d2>", None)])
    assert [entry.removed for entry in prune_runs(tmp_path, 1, [])] == [True, True]
    assert sorted(path.name for path in runs.iterdir()) == ["20300104T000000Z"]
