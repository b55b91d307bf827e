"""The pure HTML test both flows ask before a meta refresh agrees with Scrapy's own choice of
response class (``responsetypes.from_args``, which the crawl's download handler and decoding
middleware use) over a grid of headers, URLs and bodies."""

from __future__ import annotations

import itertools

import pytest
from scrapy.http import Headers, HtmlResponse
from scrapy.responsetypes import responsetypes

from archiver.parse.response_type import is_html_response

CONTENT_TYPES = [
    None,
    "",
    "text/html; charset=utf-8",
    "TEXT/HTML",
    "application/xhtml+xml",
    "text/plain",
    "image/gif",
    "application/octet-stream",
    "application/json",
    "text/xml",
    "foo",
]
ENCODINGS = [None, "identity", "x-unknown"]
DISPOSITIONS = [
    None,
    'attachment; filename="page.html"',
    "attachment; filename=a.jpg",
    "inline",
    "attachment; x",
]
URLS = [
    "http://a.test/list/page-2/",
    "http://a.test/a.html",
    "http://a.test/a.jpg",
    "http://a.test/a.html.gz",
    "http://a.test/feed.xml",
    "http://a.test/x.php?y=1.html",
    "http://a.test/notes.txt",
    "http://a.test/a.xhtml",
]
BODIES = [
    b"",
    b"<html><head></head></html>",
    b'<HTML lang="en">',
    b"<!DOCTYPE html>\n<p>x",
    b"<!doctype html><html>",
    b'<?xml version="1.0"?><html>x</html>',
    b'<?xml version="1.0"?><!doctype html>',
    b"\x01<html>",
    b"\xff\xd8\xff\xe0<html>",
    b"plain words",
    b"\xef\xbb\xbf<!-- c --><html>",
    b"<h\x00t\x00m\x00l\x00>\x00",
]


def _scrapy(
    url: str, body: bytes, content_type: str | None, encoding: str | None, disposition: str | None
) -> bool:
    headers = Headers()
    for name, value in (
        ("Content-Type", content_type),
        ("Content-Encoding", encoding),
        ("Content-Disposition", disposition),
    ):
        if value is not None:
            headers[name] = value.encode("latin-1")
    return responsetypes.from_args(headers=headers, url=url, body=body) is HtmlResponse


@pytest.mark.parametrize("url", URLS)
def test_html_or_not_as_scrapy_decides(url: str) -> None:
    disagree = []
    for content_type, encoding, disposition, body in itertools.product(
        CONTENT_TYPES, ENCODINGS, DISPOSITIONS, BODIES
    ):
        ours = is_html_response(
            url, body, content_type=content_type, content_encoding=encoding, content_disposition=disposition
        )
        if ours != _scrapy(url, body, content_type, encoding, disposition):
            disagree.append((content_type, encoding, disposition, body))
    assert disagree == []
