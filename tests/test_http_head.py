"""The WARC reader reads a response head as the crawl's client did: the same bytes go to
Twisted's parser in Scrapy's lenient variant (what ``archiver crawl`` reads responses with) and
to :func:`archiver.warc.http_head.read_response_head`, which must find the same status, the
same header values and the same first body byte."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.core.downloader.handlers.http11 import _LenientHTTPClientParser
from twisted.internet.testing import StringTransport
from twisted.web._newclient import Request
from twisted.web.http_headers import Headers

from archiver.warc.http_head import read_response_head

BODY = b"<html>\r\n\r\nnot: a header\r\n\r\n</html>"


def _twisted(data: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    """(status, lower-cased name -> values, body) as Twisted's lenient parser reads ``data``."""
    request = Request(b"GET", b"/", Headers(), None)  # type: ignore[no-untyped-call]
    parser: Any = _LenientHTTPClientParser(request, lambda rest: None)  # type: ignore[no-untyped-call]
    parser.makeConnection(StringTransport())  # type: ignore[no-untyped-call]
    parser.dataReceived(data)
    response = parser.response
    headers: dict[str, list[str]] = {}
    for source in (parser.headers, parser.connHeaders):
        for name, values in source.getAllRawHeaders():
            headers.setdefault(name.decode("latin-1").lower(), []).extend(v.decode("latin-1") for v in values)
    return response.code, headers, b"".join(response._bodyBuffer)


def _ours(data: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    head = read_response_head(data)
    assert head is not None
    headers: dict[str, list[str]] = {}
    for name, value in head.headers:
        headers.setdefault(name, []).append(value)
    return head.status, headers, data[head.body_start :]


def _response(head: bytes) -> bytes:
    """``head`` up to "|" (status line and header lines, "%LEN%" standing for the body's length),
    then the empty line that ends it (after "|"), then the body."""
    lines, empty_line = head.rsplit(b"|", 1)
    return lines.replace(b"%LEN%", str(len(BODY)).encode()) + empty_line + BODY


HEADS = {
    "crlf": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %LEN%\r\n|\r\n",
    "bare LF": b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: %LEN%\n|\n",
    "LF then CRLF": b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: %LEN%\n|\r\n",
    "mixed line ends": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\nContent-Length: %LEN%\r\n|\n",
    "folded coding": b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate,\r\n gzip\r\n"
    b"Content-Length: %LEN%\r\n|\r\n",
    "folded charset, tab": b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n\tcharset=koi8-r\r\n"
    b"Content-Length: %LEN%\r\n|\r\n",
    "folded twice": b"HTTP/1.1 302 Found\r\nLocation: /list/\r\n page-2/\r\n  x\r\n"
    b"Content-Length: %LEN%\r\n|\r\n",
    "folded empty value": b"HTTP/1.1 200 OK\r\nX-A:\r\n b\r\nContent-Length: %LEN%\r\n|\r\n",
    "repeated": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-type: text/html\r\n"
    b"Content-Encoding: gzip\r\nContent-Encoding: br\r\nContent-Length: %LEN%\r\n|\r\n",
    "no colon line": b"HTTP/1.1 200 OK\r\nthis is not a header\r\nContent-Type: text/html\r\n"
    b"Content-Length: %LEN%\r\n|\r\n",
    "no reason phrase": b"HTTP/1.1 404\r\nContent-Length: %LEN%\r\n|\r\n",
    "HTTP/1.0": b"HTTP/1.0 200 Fine Thanks\r\nContent-Length: %LEN%\r\n|\r\n",
    "interim 103": b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\n"
    b"Content-Type: text/html\r\nContent-Length: %LEN%\r\n|\r\n",
    "CR inside value": b"HTTP/1.1 200 OK\r\nX-Odd: a\rb\r\r\nContent-Length: %LEN%\r\n|\r\n",
    "spaces around value": b"HTTP/1.1 200 OK\r\nX-Pad: \t  spaced \t\r\nContent-Length: %LEN%\r\n|\r\n",
    "value with colon": b"HTTP/1.1 301 Moved\r\nLocation:http://a.example:8080/x\r\n"
    b"Content-Length: %LEN%\r\n|\r\n",
    "latin-1 bytes": b"HTTP/1.1 200 OK\r\nX-Name: caf\xe9 \xc3\xa9\r\nContent-Length: %LEN%\r\n|\r\n",
}


@pytest.mark.parametrize("name", list(HEADS))
def test_a_head_reads_as_twisted_reads_it(name: str) -> None:
    data = _response(HEADS[name])
    assert _ours(data) == _twisted(data)


def test_the_body_starts_after_the_first_empty_line_not_at_a_crlfcrlf_in_it() -> None:
    data = _response(HEADS["bare LF"])
    status, headers, body = _ours(data)
    assert (status, headers["content-type"], body) == (200, ["text/html"], BODY)


def test_a_head_that_never_ends_or_a_status_line_twisted_refuses_is_none() -> None:
    assert read_response_head(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n") is None
    assert read_response_head(b"HTTP/1.1  200 OK\r\n\r\n") is None  # an empty code
    assert read_response_head(b"HTTP/x.1 200 OK\r\n\r\n") is None
    assert read_response_head(b"<html>\r\n\r\n") is None


def test_the_readers_header_dict_keeps_the_last_value_and_every_content_coding() -> None:
    head = read_response_head(_response(HEADS["repeated"]))
    assert head is not None
    names = head.as_dict()
    assert names["content-type"] == "text/html"
    assert names["content-encoding"] == "gzip, br"
