"""The one decoder of HTTP content codings (archiver.codings): every coding, stacked, split over
header lines, multi-member, cut short, bombs bounded, and one outcome for bodies that do not
decode."""

from __future__ import annotations

import gzip
import io
import random
import sys
import zlib

import brotli
import pytest

from archiver.codings import (
    MAX_DECODED_BYTES,
    REQUESTED_CODINGS,
    DecodedTooLarge,
    UndecodableBody,
    content_codings,
    decode_content,
)

if sys.version_info >= (3, 14):
    from compression import zstd as zstd_binding
else:
    from backports import zstd as zstd_binding

PAGE = b"<!DOCTYPE html><html><body>" + b"<p>Item text, not very random.</p>" * 400 + b"</body></html>"


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def test_each_coding_alone_decodes() -> None:
    encoded = {
        "gzip": gzip.compress(PAGE),
        "x-gzip": gzip.compress(PAGE),
        "deflate": zlib.compress(PAGE),
        "br": brotli.compress(PAGE),
        "zstd": zstd_binding.compress(PAGE),
    }
    for coding, body in encoded.items():
        assert decode_content(body, [coding]).body == PAGE, coding
    assert decode_content(_raw_deflate(PAGE), ["deflate"]).body == PAGE  # no zlib wrapper


def test_multi_member_gzip_and_multi_frame_zstd_are_read_to_the_end() -> None:
    halves = PAGE[:1000], PAGE[1000:]
    assert decode_content(b"".join(gzip.compress(h) for h in halves), ["gzip"]).body == PAGE
    assert decode_content(b"".join(zstd_binding.compress(h) for h in halves), ["zstd"]).body == PAGE


def test_stacked_codings_are_undone_last_first_from_one_value_or_several_lines() -> None:
    twice = gzip.compress(gzip.compress(PAGE))
    assert decode_content(twice, content_codings(["gzip, gzip"])).body == PAGE
    deflate_then_gzip = gzip.compress(zlib.compress(PAGE))
    assert content_codings([b"deflate", b"gzip"]) == ["deflate", "gzip"]
    assert decode_content(deflate_then_gzip, content_codings([b"deflate", b"gzip"])).body == PAGE
    br_then_gzip = gzip.compress(brotli.compress(PAGE))
    assert decode_content(br_then_gzip, content_codings(["br", "GZIP"])).body == PAGE
    with pytest.raises(UndecodableBody):  # the wrong order is not guessed
        decode_content(deflate_then_gzip, ["gzip", "deflate"])


def test_identity_is_no_coding_and_an_unknown_coding_stops_decoding() -> None:
    assert content_codings(["identity", " ", "Identity, br"]) == ["br"]
    assert decode_content(PAGE, []).body == PAGE
    kept = decode_content(gzip.compress(PAGE), ["gzip", "compress"])
    assert kept.undecoded == ("gzip", "compress")
    assert kept.body == gzip.compress(PAGE) or kept.body[:2] == b"\x1f\x8b"


@pytest.mark.parametrize("coding", ["gzip", "x-gzip", "deflate", "br", "zstd"])
def test_a_plain_body_under_a_coding_label_is_undecodable(coding: str) -> None:
    with pytest.raises(UndecodableBody) as raised:
        decode_content(PAGE, [coding])
    assert str(raised.value).startswith(f"{coding}: ")
    assert "\n" not in str(raised.value)


def test_an_empty_body_is_empty_under_any_coding() -> None:
    for coding in ("gzip", "deflate", "br", "zstd"):
        assert decode_content(b"", [coding]).body == b""


def test_a_body_cut_short_keeps_what_decoded() -> None:
    noisy = random.Random(1).randbytes(300_000)  # incompressible: a cut leaves a long decodable head
    for coding, body in (
        ("gzip", gzip.compress(noisy)),
        ("br", brotli.compress(noisy)),
        ("zstd", zstd_binding.compress(noisy)),
    ):
        head = decode_content(body[: len(body) // 2], [coding]).body
        assert 0 < len(head) < len(noisy) and noisy.startswith(head), coding


def _bomb(coding: str, zeros: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(zeros, 1)
    if coding == "deflate":
        return zlib.compress(zeros, 1)
    if coding == "br":
        return bytes(brotli.compress(zeros, quality=1))
    return zstd_binding.compress(zeros)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_a_coding_bomb_stops_at_the_bound_without_inflating_the_rest(coding: str) -> None:
    packed = _bomb(coding, bytes(MAX_DECODED_BYTES + (8 << 20)))
    assert len(packed) < 1 << 20
    with pytest.raises(DecodedTooLarge) as raised:
        decode_content(packed, [coding])
    assert raised.value.max_size == MAX_DECODED_BYTES
    assert raised.value.decoded_size <= MAX_DECODED_BYTES + (64 << 10)  # one chunk past, no more


def test_a_bomb_inside_a_stack_is_bounded_at_each_layer() -> None:
    inner = gzip.compress(bytes(4 << 20), 9)
    with pytest.raises(DecodedTooLarge):
        decode_content(gzip.compress(inner), ["gzip", "gzip"], max_size=1 << 20)


def test_only_codings_the_replay_tools_decode_are_requested() -> None:
    # Not zstd (pywb and ReplayWeb.page show it as binary), not deflate (ReplayWeb.page does),
    # not br (warcio cannot read it beside Google's brotli: the test below).
    assert REQUESTED_CODINGS == ("gzip",)


def test_a_br_record_breaks_warcio_so_br_is_not_requested() -> None:
    """The reason br is not asked for, kept measured: if a warcio release reads br with this
    brotli module, this fails and br may be asked for again."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    body = brotli.compress(PAGE)
    try:
        readable = DecompressingBufferedReader(io.BytesIO(body), decomp_type="br").read() == PAGE
    except AttributeError:
        readable = False
    assert not readable
    assert "br" not in REQUESTED_CODINGS
