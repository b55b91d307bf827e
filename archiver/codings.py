"""HTTP content codings undone once, the same way for the crawl and for re-extraction.

Every reader of bodies goes through :func:`decode_content`: the crawl's downloader middleware
(``archiver.crawl.compression``), ``archiver extract`` (``archiver.warc.reader``) and the tests'
lints. Two flows that decode the same bytes with the same function cannot disagree.

Codings (RFC 9110 §8.4): ``gzip``/``x-gzip`` (several members are read one after another, as
``gzip -d`` does), ``deflate`` (zlib-wrapped, or raw DEFLATE as some servers send it), ``br``,
``zstd`` (several frames likewise) and ``identity``. The header lists codings in the order the
server applied them, in one value (``gzip, gzip``) or over several header lines; they are undone
last first.

Outcomes, one per situation:

- **Decoded**: the body, at most ``max_size`` bytes (64 MiB, the crawl's ``DOWNLOAD_MAXSIZE``).
  Output is produced 64 KiB at a time, so a coding bomb never allocates more than that bound.
- **Too large**: :class:`DecodedTooLarge`. The crawl drops the response, as Scrapy does for
  ``DOWNLOAD_MAXSIZE``; re-extraction treats it as the same failed fetch.
- **Cut short**: a stream that ends (or breaks) after some output gives that output, like
  Scrapy's ``gunzip`` and like browsers: a page cut by a dropped connection is still a page.
- **Not decodable**: a known coding whose bytes do not decode at all raises
  :class:`UndecodableBody`. This is the rule for a coding label on a body that is not encoded
  (``Content-Encoding: gzip`` on plain HTML): the page **fails**, in the crawl (listed in
  crawl.json's errors, no article) and in ``archiver extract`` (a warning on stderr, no
  article). Why failing and not falling back to the raw bytes: browsers refuse such a body
  (``ERR_CONTENT_DECODING_FAILED``) and so does replay of the archived record in pywb and
  ReplayWeb.page, which serve it with the same label; an article citing a record nobody can
  view would be a promise the archive does not keep. Guessing "this was not really gzip" would
  also need a sniffing rule per coding (``br`` and raw deflate have no magic number), a second
  source of disagreement.
- **Unknown coding** (``compress``, ``utf-8``, ``none``...): decoding stops at it and the body
  is handed on as it is at that layer, with the codings left listed in
  :attr:`DecodedBody.undecoded`. Scrapy and Chromium do the same (an unknown label passes the
  bytes through); the page parser then judges the bytes, identically in both flows, and both
  flows warn.

What the crawl asks for (``Accept-Encoding``, :data:`REQUESTED_CODINGS`: ``gzip``) is narrower
than what it decodes: only codings every replay tool and warcio read, so archived pages replay
and the archive passes ``warcio check``. Measured:

- pywb 2.10 renders a record's body through warcio's ``ArcWarcRecord.content_stream()``, which
  decodes one ``gzip``, ``deflate`` (zlib or raw) or ``br`` label (br when a brotli module is
  installed, as pywb's own requirements do) and passes anything else (``zstd``, stacked labels)
  through undecoded. ``tests/test_replay_codings.py`` crawls a page under each coding and
  replays it in pywb: gzip, deflate and br pages show their text; the zstd page does not.
- ReplayWeb.page (wabac.js, ``src/rewrite/decoder.ts``) decodes only ``gzip`` (pako) and ``br``
  before rewriting; a ``deflate`` or ``zstd`` page reaches the rewriter still compressed and
  shows as binary (for zstd, issue 10 reproduced it in Chromium).

- warcio 1.8.1 (``warcio check``, ``content_stream()``, and so pywb's reader) sets
  ``unused_data`` on a ``brotli.Decompressor``, which Google's ``brotli`` module (1.1.0 and
  1.2.1 tried) does not allow: any ``br`` record raises ``AttributeError`` (warcio issue #73);
  only the ``brotlipy`` package, which installs a module of the same name, works. Scrapy 2.19
  requires ``brotli>=1.2`` (and this module bounds br output with its ``output_buffer_limit``),
  so the two cannot share the crawler's environment, and pinning ``brotli<1.2`` fixes nothing.
  Hence ``br`` is not asked for: gzip alone, which every tool reads.

Servers that send other codings unasked (br, zstd, deflate, stacked) are still decoded here.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import brotli

if sys.version_info >= (3, 14):
    from compression import zstd
else:  # the same zstd binding Scrapy uses for its own decoding (backports.zstd)
    from backports import zstd

__all__ = [
    "MAX_DECODED_BYTES",
    "REQUESTED_CODINGS",
    "CodingError",
    "DecodedBody",
    "DecodedTooLarge",
    "UndecodableBody",
    "content_codings",
    "decode_content",
]

#: The crawl's DOWNLOAD_MAXSIZE: no decoded body is larger, in either flow.
MAX_DECODED_BYTES = 64 * 1024 * 1024
#: Accept-Encoding of every request: the codings pywb, ReplayWeb.page and warcio all read.
REQUESTED_CODINGS = ("gzip",)

_CHUNK = 64 * 1024  # output produced per step: the most a bomb gets past the bound
_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_ZLIB_WBITS = zlib.MAX_WBITS
_RAW_WBITS = -zlib.MAX_WBITS


class CodingError(ValueError):
    """A body that cannot be decoded under its ``Content-Encoding``; ``str()`` says why in one
    line (it becomes the failed fetch's reason)."""

    def __init__(self, coding: str, message: str) -> None:
        super().__init__(f"{coding}: {message}")
        self.coding = coding


class UndecodableBody(CodingError):
    """Bytes that do not decode at all under a known coding (plain HTML labelled ``gzip``)."""


class DecodedTooLarge(CodingError):
    """Decoding passed ``max_size`` bytes (a bomb, or a body over DOWNLOAD_MAXSIZE)."""

    def __init__(self, coding: str, decoded_size: int, max_size: int) -> None:
        super().__init__(coding, f"decoded body exceeds {max_size} bytes (stopped at {decoded_size})")
        self.decoded_size = decoded_size
        self.max_size = max_size


@dataclass(frozen=True)
class DecodedBody:
    """``body``: the decoded bytes; ``undecoded``: codings left in place (an unknown one and
    every coding applied before it), in the header's order; empty when fully decoded."""

    body: bytes
    undecoded: tuple[str, ...] = field(default=())


def content_codings(values: Iterable[str | bytes]) -> list[str]:
    """The codings of every ``Content-Encoding`` header line, in the order applied: lower-cased,
    ``identity`` and empty items dropped.

    >>> content_codings([b"deflate", "GZIP , identity"])
    ['deflate', 'gzip']
    """
    codings: list[str] = []
    for value in values:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        for item in text.split(","):
            coding = item.strip().lower()
            if coding and coding != "identity":
                codings.append(coding)
    return codings


class _Output:
    """Decoded chunks, refusing to grow past ``max_size`` (0: no bound, as DOWNLOAD_MAXSIZE=0)."""

    def __init__(self, coding: str, max_size: int) -> None:
        self.coding = coding
        self.max_size = max_size
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.max_size and self.size > self.max_size:
            raise DecodedTooLarge(self.coding, self.size, self.max_size)
        self.chunks.append(chunk)

    def result(self, error: Exception | None = None) -> bytes:
        """The output; a decoding ``error`` before any output makes the body undecodable."""
        if error is not None and not self.size:
            raise UndecodableBody(self.coding, _describe(error)) from error
        return b"".join(self.chunks)


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


# Each decoder writes into ``out`` and returns whether its stream ended properly (False: the
# input ended first, a body cut short). A decoding error after some output keeps that output.


def _inflate(data: bytes, wbits: int, out: _Output) -> bytes | None:
    """One zlib stream (gzip member, zlib or raw DEFLATE): the bytes after its end, or None
    when the input ends first."""
    decompressor = zlib.decompressobj(wbits)
    pending = data
    while not decompressor.eof:
        chunk = decompressor.decompress(pending, _CHUNK)
        pending = decompressor.unconsumed_tail
        if not chunk and not pending:
            return None
        out.add(chunk)
    return decompressor.unused_data


def _gunzip(data: bytes, out: _Output) -> bool:
    if not data.startswith(_GZIP_MAGIC):
        # zlib would say "incorrect header check"; the first bytes tell a person more.
        raise UndecodableBody(out.coding, f"not gzip data (starts {data[:8]!r})")
    rest: bytes | None = data
    try:
        while rest is not None and rest.startswith(_GZIP_MAGIC):  # member after member
            rest = _inflate(rest, _GZIP_WBITS, out)
    except zlib.error as error:
        out.result(error)
    return rest is not None  # bytes after the last member that are not gzip are ignored


def _undeflate(data: bytes, out: _Output) -> bool:
    try:
        return _inflate(data, _ZLIB_WBITS, out) is not None
    except zlib.error as error:
        if out.size:
            return False  # a zlib stream that broke after some output
        first = error
    try:  # raw DEFLATE without the zlib wrapper (some servers send it as "deflate")
        return _inflate(data, _RAW_WBITS, out) is not None
    except zlib.error as error:
        out.result(first if not out.size else error)
        return False


def _unbrotli(data: bytes, out: _Output) -> bool:
    decompressor = brotli.Decompressor()
    try:
        out.add(decompressor.process(data, output_buffer_limit=_CHUNK))
        while not decompressor.is_finished():
            chunk = decompressor.process(b"", output_buffer_limit=_CHUNK)
            if not chunk:
                return False
            out.add(chunk)
    except brotli.error as error:
        out.result(error)
        return False
    return True


def _unzstd(data: bytes, out: _Output) -> bool:
    rest = data
    try:
        while True:  # frame after frame, as zstd -d reads them
            decompressor = zstd.ZstdDecompressor()
            out.add(decompressor.decompress(rest, _CHUNK))
            while not decompressor.eof:
                if decompressor.needs_input:
                    return False
                out.add(decompressor.decompress(b"", _CHUNK))
            rest = decompressor.unused_data
            if not rest.startswith(_ZSTD_MAGIC):
                return True  # bytes after the last frame that are not zstd are ignored
    except zstd.ZstdError as error:
        out.result(error)
        return False


_DECODERS: dict[str, Callable[[bytes, _Output], bool]] = {
    "gzip": _gunzip,
    "x-gzip": _gunzip,
    "deflate": _undeflate,
    "br": _unbrotli,
    "zstd": _unzstd,
}


def decode_content(body: bytes, codings: Sequence[str], *, max_size: int = MAX_DECODED_BYTES) -> DecodedBody:
    """Undo ``codings`` (as :func:`content_codings` gives them) from the last applied to the
    first. Every layer's output is bounded by ``max_size`` bytes (0: unbounded).

    Raises :class:`UndecodableBody` or :class:`DecodedTooLarge` (both :class:`CodingError`).

    >>> import gzip
    >>> decode_content(gzip.compress(gzip.compress(b"<p>hi</p>")), ["gzip", "gzip"]).body
    b'<p>hi</p>'
    >>> decode_content(b"abc", ["compress"])
    DecodedBody(body=b'abc', undecoded=('compress',))
    """
    remaining = list(codings)
    while remaining:
        coding = remaining[-1]
        decoder = _DECODERS.get(coding)
        if decoder is None:
            return DecodedBody(body, tuple(remaining))
        if body:  # an empty body (a 204, an error page) is empty under any coding
            out = _Output(coding, max_size)
            if not decoder(body, out) and not out.size:
                raise UndecodableBody(coding, f"the data ends before any output (starts {body[:8]!r})")
            body = out.result()
        remaining.pop()
    return DecodedBody(body)
