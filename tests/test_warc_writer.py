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


_FULL_DISK_WRITER = """
import random, resource, signal, sys
from pathlib import Path
from archiver.warc import DiskFullError, HttpExchange, WarcWriter

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill, as ENOSPC on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
writer = WarcWriter(Path(sys.argv[1]))
big = random.Random(1).randbytes(30_000)  # incompressible: cannot fit under the limit
for url in ("http://a.example/big.jpg", "http://a.example/big-copy.jpg"):
    try:
        writer.write_exchange(HttpExchange(url=url, status=200, response_headers=[], body=big))
        print("written", url)
    except DiskFullError:
        print("disk full", url)
small = HttpExchange(url="http://a.example/small.jpg", status=200, response_headers=[], body=b"s")
writer.write_exchange(small)
writer.close()
"""


def test_a_payload_whose_write_failed_is_never_a_revisit_target(tmp_path: Path) -> None:
    """A real size limit (RLIMIT_FSIZE) fails the big record; its copy must not become a revisit
    (small enough to fit) of a record that is not in the file."""
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK_WRITER, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "disk full http://a.example/big.jpg",
        "disk full http://a.example/big-copy.jpg",
    ]
    (warc,) = tmp_path.glob("*.warc.gz")
    records = _read(warc)
    assert [(kind, headers.get("WARC-Target-URI")) for kind, headers, _ in records] == [
        ("warcinfo", None),
        ("response", "http://a.example/small.jpg"),
        ("request", "http://a.example/small.jpg"),
    ]
    subprocess.run([str(BIN / "warcio"), "check", str(warc)], check=True, capture_output=True)


def test_sync_makes_every_record_readable_from_the_open_file(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path)
    writer.sync()  # nothing written yet: nothing to do
    writer.write_exchange(_exchange("http://a.example/a.jpg", b"a"))
    writer.sync()
    writer.sync()  # nothing new
    (open_file,) = tmp_path.glob("*.open")
    assert [kind for kind, _, _ in _read(open_file)] == ["warcinfo", "response", "request"]
    writer.close()


def test_a_head_as_received_is_stored_byte_for_byte_and_a_rebuilt_one_says_so(tmp_path: Path) -> None:
    raw = b"HTTP/1.1 302 Found It\r\nLocation: /bilder/stra\xc3\x9fe.jpg\r\nConnection: close\r\n\r\n"
    latin1 = [("Location", "/bilder/stra\xc3\x9fe.jpg")]  # Scrapy's bytes, decoded as latin-1
    writer = WarcWriter(tmp_path)
    writer.write_exchange(
        HttpExchange(url="http://a.example/x", status=302, response_headers=latin1, body=b"", raw_head=raw)
    )
    writer.write_exchange(
        HttpExchange(url="http://a.example/y", status=302, response_headers=latin1, body=b"")
    )
    writer.close()
    responses = [
        (headers, block)
        for kind, headers, block in _read_raw(tmp_path / writer.closed_files[0])
        if kind == "response"
    ]
    assert responses[0][1] == raw and "X-Archiver-Http-Head" not in responses[0][0]
    assert responses[1][1] == b"HTTP/1.1 302 Found\r\nLocation: /bilder/stra\xc3\x9fe.jpg\r\n\r\n"
    assert responses[1][0]["X-Archiver-Http-Head"] == "rebuilt"


def _read_raw(path: Path) -> list[tuple[str, dict[str, str], bytes]]:
    """(type, WARC headers, block as stored, unparsed) of each record."""
    with path.open("rb") as stream:
        return [
            (record.rec_type, dict(record.rec_headers.headers), record.raw_stream.read())
            for record in ArchiveIterator(stream, no_record_parse=True)
        ]
