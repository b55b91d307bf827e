"""HTTP response heads read from WARC records the way the crawl's client read them off the wire.

The crawl reads responses with Twisted's ``HTTPClientParser`` in Scrapy's lenient variant
(``archiver.crawl.handler`` extends it). A head it read one way must be read the same way from
the WARC, or ``archiver extract`` sees other headers (another charset, another redirect target,
other content codings) than the crawl did. Its rules, kept here (``tests/test_http_head.py``
feeds the same bytes to Twisted's parser and compares):

- lines end at LF, and one CR before it is dropped: CRLF and bare-LF heads read alike;
- the head ends at the first line that is empty in that sense (CRLF CRLF, LF LF, LF CRLF);
  everything after it, a CRLFCRLF inside the body included, is body;
- a line starting with a space or tab continues the header before it (obs-fold): the lines are
  joined as they are, the continuation's leading whitespace kept, then the value is stripped;
- a header line without a colon is skipped (Scrapy's leniency), and so is a name that is not an
  RFC 9110 token (``Name :``: Twisted refuses the response, so the crawl archived none of it);
- a CR or LF left inside a value becomes a space (Twisted's header sanitising);
- an interim 1xx head is skipped and the head after it read (Twisted ignores them);
- repeated headers are all kept, in order: Scrapy's ``Headers.get`` reads the last one,
  ``getlist`` (the content codings) all of them.

Header bytes are text as latin-1 (one character per byte), as the rest of the tool reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ResponseHead", "read_response_head"]

# RFC 9110 §5.6.2 token characters: what Twisted accepts in a header name.
_TOKEN = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~")
_FOLD = frozenset(b" \t")


@dataclass(frozen=True)
class ResponseHead:
    """One response head: ``status`` code, ``headers`` as (lower-cased name, value) pairs in
    the order received, and ``body_start``, the offset of the body in the bytes read."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body_start: int

    def values(self, name: str) -> list[str]:
        """Every value of header ``name`` (lower-case), in order: Scrapy's ``getlist``."""
        return [value for key, value in self.headers if key == name]

    def as_dict(self) -> dict[str, str]:
        """Lower-cased name -> last value (Scrapy's ``get``), except ``content-encoding``: all its
        values joined with ", ", as the crawl's decoder reads every line of it."""
        names: dict[str, str] = {}
        for key, value in self.headers:
            names[key] = value
        codings = self.values("content-encoding")
        if len(codings) > 1:
            names["content-encoding"] = ", ".join(codings)
        return names


def read_response_head(data: bytes) -> ResponseHead | None:
    """The final response head at the start of ``data`` (an HTTP response block), or None when
    ``data`` does not start with a status line Twisted reads or its head never ends.

    >>> head = read_response_head(b"HTTP/1.1 200 OK\\nContent-Encoding: deflate,\\r\\n gzip\\n\\r\\nbody")
    >>> head.status, head.headers, head.body_start
    (200, (('content-encoding', 'deflate, gzip'),), 52)
    """
    start = 0
    while True:
        head = _one_head(data, start)
        if head is None or not 100 <= head.status < 200:
            return head
        start = head.body_start  # an interim response: the real one follows


def _lines(data: bytes, start: int) -> tuple[bytes, int] | None:
    """The line at ``start`` without its LF and one CR before it, and where the next begins."""
    end = data.find(b"\n", start)
    if end < 0:
        return None
    line = data[start:end]
    return (line[:-1] if line.endswith(b"\r") else line), end + 1


def _one_head(data: bytes, start: int) -> ResponseHead | None:
    first = _lines(data, start)
    if first is None:
        return None
    status_line, position = first
    status = _status_code(status_line)
    if status is None:
        return None
    headers: list[tuple[str, str]] = []
    partial: list[bytes] | None = None
    while True:
        read = _lines(data, position)
        if read is None:
            return None  # the head never ends: Twisted would still be waiting
        line, position = read
        if line and line[0] in _FOLD:
            if partial is not None:  # Twisted fails a response that starts with one
                partial.append(line)
            continue
        if partial is not None:
            _add_header(headers, b"".join(partial))
        if not line:
            return ResponseHead(status, tuple(headers), position)
        partial = [line]


def _add_header(headers: list[tuple[str, str]], header: bytes) -> None:
    name, colon, value = header.partition(b":")
    if not colon or not name or not _TOKEN.issuperset(name):
        return
    value = b" ".join(value.strip().splitlines())
    headers.append((name.decode("latin-1").lower(), value.decode("latin-1")))


def _status_code(line: bytes) -> int | None:
    """The code of a status line as Twisted parses it (a missing reason phrase is fine), or None."""
    parts = line.split(b" ", 2)
    if len(parts) not in (2, 3) or not _is_version(parts[0]):
        return None
    try:
        return int(parts[1])
    except ValueError:
        return None


def _is_version(version: bytes) -> bool:
    """``PROTOCOL/MAJOR.MINOR`` with non-negative numbers, as Twisted's ``parseVersion``."""
    try:
        _, number = version.split(b"/")
        major, minor = number.split(b".")
        return int(major) >= 0 and int(minor) >= 0
    except ValueError:
        return False
