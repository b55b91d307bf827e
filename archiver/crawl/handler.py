"""Scrapy's HTTP/1.1 download handler, keeping each response's head as the server sent it.

Scrapy hands the middlewares a parsed response: the reason phrase is gone, Twisted keeps the
connection-control headers (``Connection``, ``Keep-Alive``, ``Transfer-Encoding``) apart, and
header bytes come back as whatever the next reader decodes them to. The WARC must hold the
status line and header block byte for byte, so the Twisted response parser is extended to keep
every line it reads before the body, and the raw head travels with the Scrapy response
(:func:`received_head`). ``archiver extract`` reads these heads back from the WARC by this
parser's rules (:mod:`archiver.warc.http_head`, tested against it).

The parser also notes how the connection ended: a body without ``Content-Length`` or chunking
is delimited by the server closing the connection (RFC 9112 §6.3), and Twisted reports every
such body as ``PotentialDataLoss`` (Scrapy's ``partial`` flag), whether the server closed
cleanly or the connection was reset. Only the reset is a truncation.

The head may be as large as browsers accept (:data:`MAX_HEAD_BYTES`, Chromium's 256 KiB for the
whole head), not Twisted's 16 KiB per line: a page with a big ``Content-Security-Policy`` or
``Link`` header is a page. A head past the limit fails the request with
:class:`ResponseHeadTooLarge`, which says so (Twisted would drop the connection silently, seen
as ``ConnectionDone``, and Scrapy would retry it), and is not retried.

Everything else is Scrapy's handler unchanged: this module swaps the connection factory of its
pool and wraps its agent's last step. Responses reaching the middlewares some other way (the
HTTP cache, HTTP/2, another handler) have no received head; the WARC writer then rebuilds one
and says so in the record.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
    _ResultT,
    _ScrapyAgent,
)
from scrapy.crawler import Crawler
from scrapy.exceptions import ResponseDataLossError
from scrapy.http import Request, Response
from scrapy.utils._download_handlers import get_dataloss_msg, wrap_twisted_exceptions
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.error import ConnectionDone
from twisted.python.failure import Failure
from twisted.web._newclient import HEADER, STATUS, ResponseFailed
from twisted.web.http import _IdentityTransferDecoder

logger = logging.getLogger(__name__)

#: The largest response head (status line and header lines) accepted, in bytes: Chromium's
#: limit (net/http/http_stream_parser.h, kMaxHeaderBufSize = 256 KiB).
MAX_HEAD_BYTES = 256 * 1024


class ResponseHeadTooLarge(Exception):
    """A response whose head is larger than :data:`MAX_HEAD_BYTES`: failed, not retried (the
    server sends the same head again)."""


@dataclass(frozen=True, slots=True)
class ReceivedHead:
    """What the connection carried besides the body.

    ``raw``: the status line and header lines exactly as received, each with its own line end
    (CRLF or bare LF), ending with the empty line. ``closed_cleanly``: for a body delimited by the
    connection's end, whether the server closed it (True) or it broke (False); None when the body
    had its own framing or the connection outlived it.
    """

    raw: bytes
    closed_cleanly: bool | None = None


# Keyed by the Twisted response while parsing, then by the Scrapy response built from it; weak,
# so nothing outlives the responses themselves.
_HEADS_BY_TWISTED_RESPONSE: weakref.WeakKeyDictionary[Any, ReceivedHead] = weakref.WeakKeyDictionary()
_HEADS: weakref.WeakKeyDictionary[Response, ReceivedHead] = weakref.WeakKeyDictionary()


def received_head(response: Response) -> ReceivedHead | None:
    """The head ``response`` arrived with, or None when it did not come through this handler."""
    return _HEADS.get(response)


class _HeadKeepingParser(_LenientHTTPClientParser):
    """The lenient Twisted parser, also keeping the raw lines of the head.

    Installed by swapping the class of a parser already built (as Scrapy does), so it has no
    ``__init__``; its buffer is created on the first line.
    """

    _head_lines: list[bytes]
    _head_size: int
    # Twisted's LineReceiver drops the connection at a line over 16 KiB; no line of a head
    # within the limit is longer than the head.
    MAX_LENGTH = MAX_HEAD_BYTES

    def lineReceived(self, line: bytes) -> None:
        if self.state in (STATUS, HEADER):
            if self.state == STATUS:
                self._head_lines = []
                self._head_size = 0
            # The line receiver splits on LF and strips it: put it back; a CR stays in ``line``.
            self._head_lines.append(line + b"\n")
            self._head_size += len(line) + 1
            if self._head_size > MAX_HEAD_BYTES:
                self._head_too_large()
        super().lineReceived(line)

    def lineLengthExceeded(self, line: bytes) -> None:
        self._head_too_large()

    def _head_too_large(self) -> None:
        # Raised out of dataReceived: the client protocol gives up with this failure, which
        # reaches the request as the reason of a ResponseFailed.
        raise ResponseHeadTooLarge(f"response head over {MAX_HEAD_BYTES} bytes, more than browsers accept")

    def allHeadersReceived(self) -> None:
        # A 1xx response is skipped by Twisted (the parser starts over on the next status line),
        # and the response object it built is dropped: register only the final head.
        response = getattr(self, "response", None)
        if response is not None and not 100 <= response.code < 200:
            _HEADS_BY_TWISTED_RESPONSE[response] = ReceivedHead(b"".join(self._head_lines))
        super().allHeadersReceived()  # type: ignore[no-untyped-call]

    def connectionLost(self, reason: Failure | None = None) -> None:
        response = getattr(self, "response", None)
        head = _HEADS_BY_TWISTED_RESPONSE.get(response) if response is not None else None
        # Only a body without framing (an identity decoder without a length) ends with the
        # connection; Twisted also calls this with a bare exception when a framed body ends.
        if head is not None and _delimited_by_close(self.bodyDecoder):
            # FIN is ConnectionDone; a reset or an abort is ConnectionLost or another error.
            clean = isinstance(reason, Failure) and isinstance(reason.value, ConnectionDone)
            _HEADS_BY_TWISTED_RESPONSE[response] = ReceivedHead(head.raw, clean)
        super().connectionLost(reason)


def _delimited_by_close(decoder: object) -> bool:
    return isinstance(decoder, _IdentityTransferDecoder) and decoder.contentLength is None


class _HeadKeepingProtocol(_LenientHTTP11ClientProtocol):
    def request(self, request: Any) -> Deferred[Any]:
        d: Deferred[Any] = super().request(request)
        # Scrapy swaps in its lenient parser the same way; ours only adds the raw-line buffer.
        self._parser.__class__ = _HeadKeepingParser
        return d


class _HeadKeepingFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr: Any) -> _HeadKeepingProtocol:
        return _HeadKeepingProtocol(self._quiescentCallback)  # type: ignore[no-untyped-call]


class _HeadKeepingAgent(_ScrapyAgent):
    def _cb_bodydone(self, result: _ResultT, url: str) -> Response:
        response: Response = super()._cb_bodydone(result, url)
        head = _HEADS_BY_TWISTED_RESPONSE.get(result["txresponse"])
        if head is not None:
            _HEADS[response] = head
        return response


class AsSentDownloadHandler(HTTP11DownloadHandler):
    """``DOWNLOAD_HANDLERS`` entry for http and https: Scrapy's HTTP/1.1 handler whose responses
    carry their received head (:func:`received_head`)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._pool._factory = _HeadKeepingFactory

    async def download_request(self, request: Request) -> Response:
        # Scrapy's own download_request with the agent class swapped (it builds the agent inline).
        agent = _HeadKeepingAgent(
            contextFactory=self._contextFactory,
            bindAddress=self._bind_address,
            pool=self._pool,
            maxsize=self._default_maxsize,
            warnsize=self._default_warnsize,
            fail_on_dataloss=self._fail_on_dataloss,
            crawler=self._crawler,
            tls_verbose_logging=self._tls_verbose_logging,
        )
        try:
            with wrap_twisted_exceptions():
                try:
                    response: Response = await maybe_deferred_to_future(agent.download_request(request))
                except ResponseFailed as error:
                    too_large = _head_too_large(error)
                    if too_large is None:
                        raise
                    raise too_large from error
                return response
        except ResponseDataLossError:
            if not self._fail_on_dataloss_warned:
                logger.warning(get_dataloss_msg(request.url))
                self._fail_on_dataloss_warned = True
            raise


def _head_too_large(error: ResponseFailed) -> ResponseHeadTooLarge | None:
    """The parser's own error among the reasons a response failed, if it is one."""
    for reason in error.reasons:
        if isinstance(reason, Failure) and isinstance(reason.value, ResponseHeadTooLarge):
            return reason.value
    return None
