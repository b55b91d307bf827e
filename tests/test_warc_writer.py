"""The WARC writer on its own: files, rotation, records, read back with warcio and checked."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archiver.warc import HttpExchange, WarcWriter, payload_digest
from archiver.warc.writer import safe_name_part

BIN = Path(sys.executable).parent


def _exchange(
    url: str,
    body: bytes,
    status: int = 200,
    truncated: str | None = None,
    request_headers: list[tuple[str, str]] | None = None,
) -> HttpExchange:
    return HttpExchange(
        url=url,
        status=status,
        response_headers=[("Content-Type", "image/jpeg")],
        body=body,
        truncated=truncated,
        request_headers=request_headers or [],
    )


def _read(path: Path) -> list[tuple[str, dict[str, str], bytes]]:
    """(type, WARC headers, HTTP header block + payload) of each record."""
    with path.open("rb") as stream:
        return [
            (
                record.rec_type,
                dict(record.rec_headers.headers),
                (record.http_headers.to_bytes() if record.http_headers else b"") + record.raw_stream.read(),
            )
            for record in ArchiveIterator(stream)
        ]


def test_files_rotate_each_with_warcinfo_and_serials_continue(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, prefix="job", info={"software": "test"}, max_size=2000)
    for n in range(6):  # incompressible payloads, so each record really takes ~1.5 KB
        writer.write_exchange(_exchange(f"http://a.example/{n}.jpg", random.Random(n).randbytes(1500)))
    writer.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) >= 3 and not list(tmp_path.glob("*.open"))
    assert [f.name.split("-")[2] for f in files] == [f"{n:05d}" for n in range(len(files))]
    for path in files:
        records = _read(path)
        assert records[0][0] == "warcinfo" and b"software: test" in records[0][2]
        subprocess.run([str(BIN / "warcio"), "check", str(path)], check=True, capture_output=True)
    again = WarcWriter(tmp_path, prefix="job")
    again.write_exchange(_exchange("http://a.example/x.jpg", b"x"))
    again.close()
    assert again.closed_files[0].split("-")[2] == f"{len(files):05d}"


def test_the_current_file_is_open_until_closed(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, prefix="job")
    writer.write_exchange(_exchange("http://a.example/a.jpg", b"a"))
    assert [p.suffix for p in tmp_path.iterdir()] == [".open"]
    writer.close()
    assert [p.name.endswith(".warc.gz") for p in tmp_path.iterdir()] == [True]


def test_truncated_bodies_are_marked_and_never_become_dedup_originals(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path)
    cut = writer.write_exchange(_exchange("http://a.example/a.jpg", b"partial", truncated="disconnect"))
    again = writer.write_exchange(_exchange("http://a.example/b.jpg", b"partial"))
    error = writer.write_exchange(_exchange("http://a.example/404", b"gone", status=404))
    repeat = writer.write_exchange(_exchange("http://a.example/404b", b"gone", status=404))
    writer.close()
    assert (cut.warc_type, again.warc_type, error.warc_type, repeat.warc_type) == (
        "response",
        "response",
        "response",
        "response",
    )
    records = _read(tmp_path / writer.closed_files[0])
    truncated = [headers for kind, headers, _ in records if headers.get("WARC-Truncated")]
    assert [h["WARC-Target-URI"] for h in truncated] == ["http://a.example/a.jpg"]
    assert truncated[0]["WARC-Truncated"] == "disconnect"


def test_revisit_refers_to_the_first_capture_of_the_payload(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path)
    first = writer.write_exchange(_exchange("http://a.example/a.jpg", b"same bytes"))
    second = writer.write_exchange(_exchange("http://cdn.example/a-400.jpg", b"same bytes"))
    writer.close()
    assert second.warc_type == "revisit" and second.refers_to == first.record_id
    assert second.payload_digest == first.payload_digest == payload_digest(b"same bytes")
    assert second.payload_length == len(b"same bytes")
    revisit = next(h for kind, h, _ in _read(tmp_path / writer.closed_files[0]) if kind == "revisit")
    assert revisit["WARC-Refers-To"] == first.record_id
    assert revisit["WARC-Refers-To-Target-URI"] == "http://a.example/a.jpg"
    assert revisit["WARC-Refers-To-Date"] == first.date


def test_request_records_keep_secrets_only_when_asked(tmp_path: Path) -> None:
    headers = [("Cookie", "session=s3cret"), ("Authorization", "Bearer t0ken")]
    for record_secrets, expected in ((False, b"[redacted]"), (True, b"s3cret")):
        folder = tmp_path / str(record_secrets)
        writer = WarcWriter(folder, record_secrets=record_secrets)
        writer.write_exchange(_exchange("http://a.example/p?q=1&r=2", b"x", request_headers=headers))
        writer.close()
        request = next(raw for kind, _, raw in _read(folder / writer.closed_files[0]) if kind == "request")
        assert expected in request
        # The request line keeps the query string; Host is added as Twisted sends it.
        assert request.startswith(b"GET /p?q=1&r=2 HTTP/1.1\r\nHost: a.example\r\n")


def test_file_name_parts_cannot_escape_the_folder() -> None:
    assert safe_name_part("../../etc/passwd") == "etc-passwd"
    assert safe_name_part("..") == "x"
    assert "/" not in safe_name_part("a/b\\c")
