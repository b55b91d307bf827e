"""Bodies read back from WARC files: transfer chunking and content encodings undone, bombs bounded."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from archiver.codings import DecodedTooLarge, UndecodableBody
from archiver.reextract import MAX_DECODED_BYTES, decode_body


def test_chunked_and_gzip_bodies_are_decoded() -> None:
    body = b"<html><body>hello</body></html>"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    assert decode_body(chunked, {"transfer-encoding": "chunked"}) == body
    assert decode_body(gzip.compress(body), {"content-encoding": "gzip"}) == body
    assert decode_body(zlib.compress(body), {"content-encoding": "deflate"}) == body
    assert decode_body(brotli.compress(body), {"content-encoding": "br"}) == body
    gzipped_then_chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(body)), gzip.compress(body))
    headers = {"transfer-encoding": "chunked", "content-encoding": "gzip"}
    assert decode_body(gzipped_then_chunked, headers) == body


def test_gzip_and_brotli_bombs_stop_at_the_bound() -> None:
    zeros = bytes(MAX_DECODED_BYTES + (8 << 20))
    for encoding, packed in (("gzip", gzip.compress(zeros, 1)), ("br", brotli.compress(zeros, quality=1))):
        assert len(packed) < 1 << 20
        with pytest.raises(DecodedTooLarge):
            decode_body(packed, {"content-encoding": encoding})


def test_a_body_that_is_not_what_its_header_says_fails_as_in_the_crawl() -> None:
    with pytest.raises(UndecodableBody):
        decode_body(b"<html>plain</html>", {"content-encoding": "gzip"})
