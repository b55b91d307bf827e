"""The WARC reader (archiver.warc.reader) on WARCs written here with warcio: revisits resolved
across files in any order, resource records, damage warned about, bodies that do not decode,
and next pages reached through a meta refresh."""

from __future__ import annotations

import gzip
import hashlib
from base64 import b32encode
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.reextract import articles_from_warcs
from archiver.warc.reader import WarcIndex
from tests.fault_server import listicle_html

SITE = "https://lists.example"
DATE = "2026-11-30T10:00:00Z"


def _digest(payload: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(payload).digest()).decode()


class _Warc:
    """A WARC file built record by record (one gzip member each)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.buffer = BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True, warc_version="WARC/1.1")

    def response(
        self, url: str, body: bytes, headers: list[tuple[str, str]] | None = None, date: str = DATE
    ) -> str:
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8"), *(headers or [])], protocol="HTTP/1.1"
        )
        record = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
        self.writer.write_record(record)
        return str(record.rec_headers.get_header("WARC-Record-ID"))

    def revisit(self, url: str, body: bytes, refers_to: str, refers_uri: str, date: str = DATE) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(url, _digest(body), refers_uri, DATE, http_headers=http)
        record.rec_headers.add_header("WARC-Refers-To", refers_to)
        record.rec_headers.replace_header("WARC-Date", date)
        self.writer.write_record(record)

    def resource(self, url: str, body: bytes, content_type: str) -> None:
        record = self.writer.create_warc_record(
            url, "resource", payload=BytesIO(body), warc_content_type=content_type
        )
        self.writer.write_record(record)

    def save(self) -> Path:
        self.path.write_bytes(self.buffer.getvalue())
        return self.path


PAGE = listicle_html("6 Lighthouses Worth the Climb", range(1, 7))


def test_a_revisit_resolves_to_its_original_in_another_file_whichever_file_sorts_first(
    tmp_path: Path,
) -> None:
    for first, second in (("a-old", "b-new"), ("b-old", "a-new")):
        old = _Warc(tmp_path / f"{first}.warc.gz")
        original = old.response(f"{SITE}/lighthouses/", PAGE)
        new = _Warc(tmp_path / f"{second}.warc.gz")
        new.revisit(f"{SITE}/lighthouses/", PAGE, original, f"{SITE}/lighthouses/", "2026-12-01T10:00:00Z")
        paths = [new.save(), old.save()]
        for given in (paths, paths[::-1]):
            result = articles_from_warcs(given)
            assert result.damaged == []
            (article,) = result.articles
            assert len(article.items) == 6
            # The capture read last (files in name order) is the one cited: the revisit's own
            # record when its file sorts last.
            assert article.pages[0].warc_filename == max(f"{first}.warc.gz", f"{second}.warc.gz")
        for path in paths:
            path.unlink()


def test_a_page_stored_as_a_revisit_under_another_url_is_parsed_too(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "one.warc.gz")
    original = warc.response(f"{SITE}/lighthouses/", PAGE)
    warc.revisit(f"{SITE}/lighthouses/?ref=mail", PAGE, original, f"{SITE}/lighthouses/")
    result = articles_from_warcs([warc.save()])
    assert [a.url for a in result.articles] == [f"{SITE}/lighthouses/", f"{SITE}/lighthouses/?ref=mail"]
    assert all(len(a.items) == 6 for a in result.articles)


def test_a_revisit_of_a_gzipped_page_is_decoded_with_its_coding(tmp_path: Path) -> None:
    body = gzip.compress(PAGE)
    warc = _Warc(tmp_path / "one.warc.gz")
    original = warc.response(f"{SITE}/a/", body, [("Content-Encoding", "gzip")])
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1"
    )
    record = warc.writer.create_revisit_record(
        f"{SITE}/b/", _digest(body), f"{SITE}/a/", DATE, http_headers=http
    )
    record.rec_headers.add_header("WARC-Refers-To", original)
    warc.writer.write_record(record)
    result = articles_from_warcs([warc.save()])
    assert [len(a.items) for a in result.articles] == [6, 6]


def test_an_unresolvable_revisit_is_warned_about_with_its_url(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "alone.warc.gz")
    warc.revisit(f"{SITE}/gone/", PAGE, "<urn:uuid:0000>", f"{SITE}/elsewhere/")
    result = articles_from_warcs([warc.save()])
    assert result.articles == []
    (warning,) = result.damaged
    assert f"revisit of {SITE}/gone/" in warning and "none of the files given" in warning


def test_a_resource_record_is_read_as_a_page_of_its_media_type(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "resource.warc.gz")
    warc.resource(f"{SITE}/saved/", PAGE, "text/html; charset=utf-8")
    warc.resource(f"{SITE}/notes.txt", b"1. not a page", "text/plain")
    (article,) = articles_from_warcs([warc.save()]).articles
    assert article.url == f"{SITE}/saved/" and len(article.items) == 6
    assert article.pages[0].warc_filename == "resource.warc.gz"


def test_a_file_cut_inside_a_record_is_warned_about(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "whole.warc.gz")
    warc.response(f"{SITE}/first/", PAGE)
    first = warc.buffer.getvalue()
    warc.response(f"{SITE}/second/", listicle_html("7 More", range(1, 8)))
    whole = warc.buffer.getvalue()
    plain, plain_first = gzip.decompress(whole), len(gzip.decompress(first))
    cuts = {  # inside the second record's header, then inside its payload
        "header.warc": plain[: plain_first + 30],
        "payload.warc": plain[: plain_first + 600],
        "header.warc.gz": whole[: len(first) + 20],
        "payload.warc.gz": whole[: len(first) + (len(whole) - len(first)) // 2],
    }
    for name, data in cuts.items():
        path = tmp_path / name
        path.write_bytes(data)
        index = WarcIndex([path])
        assert list(index.captures) == [f"{SITE}/first/"], name
        start = len(first) if name.endswith(".gz") else plain_first
        (warning,) = index.warnings
        assert warning.startswith(f"{name}: record at byte {start} is cut short"), warning
        assert warning.endswith("the file ends inside it, record skipped"), warning
    trailer = tmp_path / "trailer.warc.gz"  # the last member lacks its gzip trailer only
    trailer.write_bytes(whole[:-5])
    index = WarcIndex([trailer])
    assert list(index.captures) == [f"{SITE}/first/", f"{SITE}/second/"]
    (warning,) = index.warnings
    assert warning == f"trailer.warc.gz: record at byte {len(first)} is cut short: " + (
        "the file ends inside it, record read whole"
    )
    assert WarcIndex([warc.save()]).warnings == []


def test_a_body_that_does_not_decode_is_a_failed_fetch_with_a_warning(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "label.warc.gz")
    warc.response(f"{SITE}/plain/", PAGE, [("Content-Encoding", "gzip")])
    twice = gzip.compress(gzip.compress(PAGE))
    warc.response(f"{SITE}/stacked/", twice, [("Content-Encoding", "gzip, gzip")])
    path = warc.save()
    index = WarcIndex([path])
    assert list(index.captures) == [f"{SITE}/stacked/"]
    assert index.fetch_errors[f"{SITE}/plain/"].startswith("IgnoreRequest: undecodable body: gzip: ")
    (warning,) = index.warnings
    assert warning.startswith(f"{SITE}/plain/: undecodable body")
    assert [a.url for a in articles_from_warcs([path]).articles] == [f"{SITE}/stacked/"]


def test_a_next_page_reached_through_a_meta_refresh_is_chained(tmp_path: Path) -> None:
    warc = _Warc(tmp_path / "refresh.warc.gz")
    first = listicle_html("9 Bridges", range(1, 6), next_path="/bridges/2/")
    refresh = b'<html><head><meta http-equiv="refresh" content="0; url=/bridges/page-2/"></head></html>'
    slow = b'<html><head><meta http-equiv="refresh" content="200; url=/elsewhere/"></head></html>'
    second = listicle_html("9 Bridges", range(6, 10))
    warc.response(f"{SITE}/bridges/", first)
    warc.response(f"{SITE}/bridges/2/", refresh)
    warc.response(f"{SITE}/bridges/page-2/", second)
    warc.response(f"{SITE}/slow/", slow)
    index = WarcIndex([warc.save()])
    assert index.resolve(f"{SITE}/bridges/2/")[0] == f"{SITE}/bridges/page-2/"
    assert index.resolve(f"{SITE}/slow/")[0] == f"{SITE}/slow/"  # a delay over 100 s is not followed
    (article,) = articles_from_warcs([warc.path]).articles
    assert [page.url for page in article.pages] == [f"{SITE}/bridges/", f"{SITE}/bridges/page-2/"]
    assert len(article.items) == 9
