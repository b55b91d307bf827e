"""The job capture index (archiver/job/captures.py) and the conditional-request middleware, on
WARC files written by the crawl's own WarcWriter, and the middleware order that lets a 304 be
archived as received and then parsed from the earlier, still content-encoded payload."""

from __future__ import annotations

import gzip
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

import archiver.settings
from archiver.crawl.compression import ContentDecodingMiddleware
from archiver.crawl.conditional import ConditionalRequestMiddleware, http_date
from archiver.crawl.middleware import NOT_MODIFIED_META_KEY, WarcCaptureMiddleware
from archiver.job.captures import INDEX_NAME, CaptureIndex
from archiver.warc import HttpExchange, RevisitTarget, WarcWriter

PAGE = b"<html><head><title>Ten things</title></head><body><h2>1. One</h2></body></html>"
T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def _exchange(
    url: str, status: int, body: bytes, headers: list[tuple[str, str]], at: datetime
) -> HttpExchange:
    return HttpExchange(url=url, status=status, response_headers=headers, body=body, fetched_at=at)


def _run(job: Path, run: str, exchanges: list[tuple[HttpExchange, RevisitTarget | None]]) -> Path:
    writer = WarcWriter(job / "runs" / run / "warc", prefix="job")
    for exchange, not_modified in exchanges:
        writer.write_exchange(exchange, not_modified=not_modified)
    writer.close()
    return job / "runs" / run


def _page_exchange(at: datetime, url: str = "http://site.example/a/") -> HttpExchange:
    headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Encoding", "gzip"),
        ("ETag", '"v1-gz"'),
        ("Last-Modified", "Mon, 21 Sep 2026 14:13:20 GMT"),
    ]
    return _exchange(url, 200, gzip.compress(PAGE, mtime=0), headers, at)


def test_last_capture_has_the_archived_validators_and_add_run_is_idempotent(tmp_path: Path) -> None:
    job = tmp_path / "job"
    run = _run(job, "r1", [(_page_exchange(T0), None)])
    with CaptureIndex(job / INDEX_NAME) as index:
        assert index.add_run(run) == 1
        assert index.add_run(run) == 1  # again: replaced, not doubled
        prior = index.last_capture("http://site.example/a/#top")  # as fetched: no fragment
        assert prior is not None
        assert (prior.etag, prior.last_modified) == ('"v1-gz"', "Mon, 21 Sep 2026 14:13:20 GMT")
        assert prior.run_id == "r1" and prior.warc_path.startswith("runs/r1/warc/")
        assert prior.target_uri == "http://site.example/a/" and prior.captured_at == prior.date
        assert index.original(prior.payload_digest) == prior
        assert index.runs() == ["r1"]
        assert index.last_capture("http://site.example/b/") is None


def test_a_304_revisit_is_indexed_as_its_original_with_its_own_validators(tmp_path: Path) -> None:
    job = tmp_path / "job"
    run_1 = _run(job, "r1", [(_page_exchange(T0), None)])
    with CaptureIndex(job / INDEX_NAME) as index:
        index.add_run(run_1)
        first = index.last_capture("http://site.example/a/")
        assert first is not None
        target = RevisitTarget(
            first.record_id, first.target_uri, first.date, first.payload_digest, first.payload_length
        )
        not_modified = _exchange(
            "http://site.example/a/",
            304,
            b"",
            [("ETag", '"v1-gz"'), ("Cache-Control", "max-age=60")],
            T0 + timedelta(days=7),
        )
        index.add_run(_run(job, "r2", [(not_modified, target)]))
        latest = index.last_capture("http://site.example/a/")
        assert latest is not None
        # The payload is still run 1's record; the capture is run 2's.
        assert (latest.record_id, latest.run_id, latest.offset) == (first.record_id, "r1", first.offset)
        assert latest.captured_at > first.captured_at
        assert latest.last_modified == first.last_modified  # the 304 did not repeat it
        # Pruning run 1 drops run 2's capture too: it would refer to nothing.
        index.forget_run("r1")
        assert index.last_capture("http://site.example/a/") is None
        assert index.runs() == ["r2"]


def test_records_not_on_disk_are_never_handed_out(tmp_path: Path) -> None:
    job = tmp_path / "job"
    run = _run(job, "r1", [(_page_exchange(T0), None)])
    # A killed run's open file is not indexed: it may be cut back when the run is resumed.
    killed = job / "runs" / "r2" / "warc"
    killed.mkdir(parents=True)
    shutil.copy(next((run / "warc").glob("*.warc.gz")), killed / "job-20261201000000-00000-host.warc.gz.open")
    with CaptureIndex(job / INDEX_NAME) as index:
        index.add_run(run)
        assert index.add_run(job / "runs" / "r2") == 0
        shutil.rmtree(run / "warc")  # pruned behind the index's back
        assert index.last_capture("http://site.example/a/") is None


def test_error_answers_and_truncated_bodies_are_no_prior_captures(tmp_path: Path) -> None:
    job = tmp_path / "job"
    missing = _exchange("http://site.example/gone/", 404, b"<html>gone</html>", [("ETag", '"x"')], T0)
    cut = HttpExchange(
        url="http://site.example/cut/",
        status=200,
        response_headers=[("ETag", '"y"')],
        body=b"half",
        truncated="length",
    )
    with CaptureIndex(job / INDEX_NAME) as index:
        assert index.add_run(_run(job, "r1", [(missing, None), (cut, None)])) == 0


def _crawler(job: Path) -> object:
    settings = {name: getattr(archiver.settings, name) for name in dir(archiver.settings) if name.isupper()}
    return get_crawler(settings_dict={**settings, "ARCHIVER_JOB_ROOT": str(job)})


def test_a_304_is_archived_first_then_replaced_by_the_earlier_payload_decoded(tmp_path: Path) -> None:
    job = tmp_path / "job"
    with CaptureIndex(job / INDEX_NAME) as index:
        index.add_run(_run(job, "r1", [(_page_exchange(T0), None)]))
    crawler = _crawler(job)
    manager = DownloaderMiddlewareManager.from_crawler(crawler)  # type: ignore[arg-type]
    # On the way back: capture (archives the 304 as received), then the conditional middleware
    # (the earlier response, still gzip), then decoding.
    order = [type(method.__self__) for method in manager.methods["process_response"]]  # type: ignore[union-attr]
    wanted = [WarcCaptureMiddleware, ConditionalRequestMiddleware, ContentDecodingMiddleware]
    assert [kind for kind in order if kind in wanted] == wanted
    conditional = next(m for m in manager.middlewares if isinstance(m, ConditionalRequestMiddleware))
    decoding = next(m for m in manager.middlewares if isinstance(m, ContentDecodingMiddleware))

    request = Request("http://site.example/a/")
    conditional.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1-gz"'
    assert request.headers[b"If-Modified-Since"] == b"Mon, 21 Sep 2026 14:13:20 GMT"
    assert isinstance(request.meta[NOT_MODIFIED_META_KEY], RevisitTarget)
    not_modified = Response(
        "http://site.example/a/", status=304, headers={"ETag": '"v1-gz"'}, request=request
    )
    rebuilt = conditional.process_response(request, not_modified)
    assert isinstance(rebuilt, Response) and rebuilt.status == 200
    assert rebuilt.headers[b"Content-Encoding"] == b"gzip"  # as archived: decoding comes next
    decoded = decoding.process_response(request, rebuilt)
    assert isinstance(decoded, HtmlResponse) and decoded.body == PAGE
    assert "Ten things" in decoded.text


def test_a_redirected_conditional_request_is_not_conditional_on_the_first_url(tmp_path: Path) -> None:
    job = tmp_path / "job"
    with CaptureIndex(job / INDEX_NAME) as index:
        index.add_run(_run(job, "r1", [(_page_exchange(T0), None)]))
    conditional = ConditionalRequestMiddleware.from_crawler(_crawler(job))  # type: ignore[arg-type]
    request = Request("http://site.example/a/")
    conditional.process_request(request)
    redirected = request.replace(url="http://site.example/elsewhere/")
    conditional.process_request(redirected)
    assert b"If-None-Match" not in redirected.headers
    assert NOT_MODIFIED_META_KEY not in redirected.meta
    # A 304 to a request that was not conditional goes on as it came (an error for the spider).
    odd = Response("http://site.example/elsewhere/", status=304, request=redirected)
    assert conditional.process_response(redirected, odd) is odd


def test_if_modified_since_falls_back_to_the_capture_date() -> None:
    assert http_date("2026-11-24T06:00:00.123456Z") == "Tue, 24 Nov 2026 06:00:00 GMT"


def test_a_plain_crawl_has_no_conditional_middleware(tmp_path: Path) -> None:
    settings = {name: getattr(archiver.settings, name) for name in dir(archiver.settings) if name.isupper()}
    manager = DownloaderMiddlewareManager.from_crawler(get_crawler(settings_dict=settings))
    assert not any(isinstance(m, ConditionalRequestMiddleware) for m in manager.middlewares)
    with pytest.raises(NotConfigured):
        ConditionalRequestMiddleware.from_crawler(get_crawler(settings_dict=settings))


def test_an_earlier_record_gone_since_the_request_is_asked_for_again_in_full(tmp_path: Path) -> None:
    job = tmp_path / "job"
    with CaptureIndex(job / INDEX_NAME) as index:
        run = _run(job, "r1", [(_page_exchange(T0), None)])
        index.add_run(run)
    conditional = ConditionalRequestMiddleware.from_crawler(_crawler(job))  # type: ignore[arg-type]
    request = Request("http://site.example/a/")
    conditional.process_request(request)
    shutil.rmtree(run / "warc")  # pruned while the request was on the wire
    again = conditional.process_response(request, Response(request.url, status=304, request=request))
    assert isinstance(again, Request) and again.dont_filter
    assert b"If-None-Match" not in again.headers and b"If-Modified-Since" not in again.headers
    conditional.process_request(again)
    assert b"If-None-Match" not in again.headers


def test_a_304_to_an_unconditional_request_is_archived_as_it_came_and_is_an_error(tmp_path: Path) -> None:
    """A server that answers 304 to a request without validators (a bug): a plain response
    record with its 304, and a failed seed, in a job run whose index knows nothing of it."""
    import json
    import subprocess

    from warcio.archiveiterator import ArchiveIterator

    from tests.crawl_command import loopback_crawl
    from tests.fault_server import robots_allow_all, send, serve

    def not_modified(handler: object) -> None:
        send(handler, 304, b"")  # type: ignore[arg-type]

    job = tmp_path / "job"
    with serve({"/robots.txt": robots_allow_all(), "/list/": not_modified}) as base:
        command = loopback_crawl(
            job / "runs" / "r1", f"{base}/list/", "--no-wacz", "--set", f"ARCHIVER_JOB_ROOT={job}"
        )
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode != 0
    summary = json.loads((job / "runs" / "r1" / "crawl.json").read_text())
    assert any(
        error["url"] == f"{base}/list/" and "304" in error["error"] for error in summary["run"]["errors"]
    )
    statuses = []
    for warc in (job / "runs" / "r1" / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if (
                    record.rec_headers.get_header("WARC-Target-URI") == f"{base}/list/"
                    and record.http_headers
                ):
                    statuses.append((record.rec_type, record.http_headers.get_statuscode()))
    assert ("response", "304") in statuses and not any(kind == "revisit" for kind, _ in statuses)
