"""A WARC file read as byte ranges (``archiver extract --jobs N``: each range summarised apart,
the summaries applied in file order) gives the index one pass gives: the same captures, order,
failed fetches and warnings, wherever the cuts fall (mid gzip member, mid record, on a
``WARC/1.`` inside an uncompressed payload), and for damaged files as well."""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.warc.reader import RangeSummary, WarcIndex, range_bounds, summarise_range
from archiver.warc.source import WarcSource
from tests.fault_server import listicle_html

SITE = "https://ranges.example"


def _warc(gzipped: bool, pages: int = 12) -> bytes:
    """A WARC of our kind's records: warcinfo, per page a request, a response and a metadata
    note; one page stored as a revisit, one failed fetch, a resource whose payload is itself a
    WARC record (``WARC/1.1`` inside an uncompressed file's payload), a 404."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped, warc_version="WARC/1.1")
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    first_id = ""
    for number in range(pages):
        url = f"{SITE}/list-{number}/"
        body = listicle_html(f"{number + 3} Things Number {number}", range(1, number + 4))
        request = writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        response = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=html)
        writer.write_record(response)
        first_id = first_id or str(response.rec_headers.get_header("WARC-Record-ID"))
        if number == 2:
            revisit = writer.create_revisit_record(
                f"{SITE}/again/", str(response.rec_headers.get_header("WARC-Payload-Digest")), url,
                str(response.rec_headers.get_header("WARC-Date")), http_headers=html,
            )  # fmt: skip
            revisit.rec_headers.add_header("WARC-Refers-To", first_id)
            writer.write_record(revisit)
        if number == 4:
            nested = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n" * 3
            writer.write_record(
                writer.create_warc_record(
                    f"{SITE}/nested.warc", "resource", payload=BytesIO(nested), warc_content_type="text/plain"
                )
            )
        if number == 6:
            missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"{SITE}/gone/", "response", payload=BytesIO(b"<html>gone</html>"), http_headers=missing
                )
            )
        note = writer.create_warc_record(
            url if number != 8 else f"{SITE}/failed/", "metadata",
            payload=BytesIO(b"fetch-error: TimeoutError: too slow\r\n" if number == 8 else b"via: x\r\n"),
            warc_content_type="application/warc-fields",
        )  # fmt: skip
        writer.write_record(note)
    return buffer.getvalue()


def _ranges(step: int) -> Callable[[WarcSource], Iterator[RangeSummary]]:
    def ranges(source: WarcSource) -> Iterator[RangeSummary]:
        with source.open() as stream:
            size = stream.seek(0, 2)
        for start, end in range_bounds(size, step):
            yield summarise_range(source, start, end)

    return ranges


def _state(index: WarcIndex) -> tuple[object, ...]:
    captures = {url: vars(capture) for url, capture in index.captures.items()}
    return captures, index.order, index.fetch_errors, index.warnings, index.damaged


def assert_same_in_ranges(path: Path, steps: list[int]) -> WarcIndex:
    """The index of ``path`` read in one pass equals that of ``path`` cut into ranges of each
    step's size; returns the one-pass index."""
    whole = WarcIndex([path])
    for step in steps:
        assert _state(WarcIndex([path], ranges=_ranges(step))) == _state(whole), (path.name, step)
    return whole


STEPS = [29, 97, 512, 1500, 4096, 1 << 30]


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_file_of_many_records_read_in_ranges_is_read_as_in_one_pass(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("whole.warc.gz" if gzipped else "whole.warc")
    path.write_bytes(_warc(gzipped))
    whole = assert_same_in_ranges(path, STEPS)
    assert len(whole.captures) == 15 and whole.warnings == []
    assert whole.fetch_errors == {f"{SITE}/failed/": "TimeoutError: too slow"}
    # Cuts fall inside records: every range past the first starts mid-file.
    assert len(range_bounds(path.stat().st_size, 512)) > 10


def test_a_cut_on_a_warc_header_inside_a_plain_payload_is_noticed(tmp_path: Path) -> None:
    """A nominal cut just before a ``WARC/1.1`` inside a resource's payload: the range starting
    there reads records that are not the file's; the index sees the ranges do not join up
    and reads on by itself."""
    data = _warc(False)
    path = tmp_path / "nested.warc"
    path.write_bytes(data)
    inner = data.index(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5")
    whole = WarcIndex([path])

    def ranges(source: WarcSource) -> Iterator[RangeSummary]:
        yield summarise_range(source, 0, inner)
        yield summarise_range(source, inner, len(data))

    fake = summarise_range(path_source(path), inner, len(data))
    assert fake.first == inner  # a record that is not one of the file's
    assert _state(WarcIndex([path], ranges=ranges)) == _state(whole)


def path_source(path: Path) -> WarcSource:
    from archiver.warc.source import as_source

    return as_source(path)


def _damaged(data: bytes, gzipped: bool, kind: str) -> bytes:
    members = (
        [start for start in range(len(data)) if data.startswith(b"\x1f\x8b\x08", start)]
        if gzipped
        else [start for start in range(len(data)) if data.startswith(b"WARC/1.1\r\n", start)]
    )
    middle = members[len(members) // 2]
    if kind == "cut":
        return data[: middle + 40]
    if kind == "garbage":  # bytes that are not WARC between two records
        return data[:middle] + b"this is not a WARC record\r\n" * 20 + data[middle:]
    if kind == "overwritten":  # a record's bytes overwritten in its middle
        spoiled = bytearray(data)
        spoiled[middle + 30 : middle + 90] = bytes(random.Random(7).randrange(256) for _ in range(60))
        return bytes(spoiled)
    assert kind == "trailer"
    return data[:-5]


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("kind", ["cut", "garbage", "overwritten", "trailer"])
def test_a_damaged_file_read_in_ranges_gives_the_same_warnings_and_captures(
    tmp_path: Path, gzipped: bool, kind: str
) -> None:
    path = tmp_path / (f"{kind}.warc.gz" if gzipped else f"{kind}.warc")
    path.write_bytes(_damaged(_warc(gzipped), gzipped, kind))
    whole = assert_same_in_ranges(path, STEPS)
    if gzipped or kind in ("cut", "garbage"):  # (bytes overwritten in a plain header may still read)
        assert whole.damaged, kind  # the damage is there to be handled


def test_ranges_of_an_empty_file_and_of_files_in_a_set(tmp_path: Path) -> None:
    (tmp_path / "a-empty.warc.gz").write_bytes(b"")
    (tmp_path / "b.warc.gz").write_bytes(_warc(True, pages=3))
    (tmp_path / "c.warc").write_bytes(gzip.decompress(_warc(True, pages=5)))
    paths = sorted(tmp_path.iterdir())
    whole = WarcIndex(paths)
    for step in (64, 3000):
        assert _state(WarcIndex(paths, ranges=_ranges(step))) == _state(whole)
