"""Links into a wayback-style replay (pywb, OpenWayback, the Wayback Machine):
``{prefix}/{14-digit timestamp}/{original URL}``, optionally scrolled to a passage of the page by
a text fragment (``#:~:text=``, the URL Fragment Text Directives of the WICG, which Chromium,
Safari and Firefox follow on navigation). A listicle item has no anchor of its own in the page;
its heading (or the start of its caption) is text the page shows, so a text fragment finds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import quote

# A text directive names at most this many words: enough to be unique on a listicle page, short
# enough that a small difference in whitespace or markup does not make the whole match fail.
_MAX_WORDS = 12

_SPACE = re.compile(r"\s+")


def wayback_timestamp(when: str) -> str:
    """The 14-digit UTC timestamp (``YYYYMMDDhhmmss``) of an ISO 8601 time such as a
    ``WARC-Date`` (``2026-11-30T21:56:51Z``, fractions and offsets allowed). Raises
    ``ValueError`` when ``when`` is not ISO 8601.

    >>> wayback_timestamp("2026-11-30T21:56:51.123456Z")
    '20261130215651'
    >>> wayback_timestamp("2026-11-30T22:56:51+01:00")
    '20261130215651'
    """
    moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def text_directive(text: str) -> str:
    """``:~:text=…`` naming the first words of ``text`` (percent-encoded, with ``-``, ``,`` and
    ``&``, which the directive's syntax uses, encoded too). Empty when ``text`` has no words.

    >>> text_directive("7. The  Ryugyong Hotel, 105 floors")
    ':~:text=7.%20The%20Ryugyong%20Hotel%2C%20105%20floors'
    >>> text_directive("Hand-painted posters")
    ':~:text=Hand%2Dpainted%20posters'
    >>> text_directive("  ")
    ''
    """
    phrase = directive_words(text)
    if not phrase:
        return ""
    # quote() leaves "-" alone (unreserved in URLs), but in a directive it marks a prefix or suffix.
    return ":~:text=" + quote(phrase, safe="").replace("-", "%2D")


def directive_words(text: str) -> str:
    """The words of ``text`` a text directive names: the first few, single-spaced.

    >>> directive_words("  The  Ryugyong\tHotel ")
    'The Ryugyong Hotel'
    """
    words = _SPACE.split(text.strip())[:_MAX_WORDS]
    return " ".join(word for word in words if word)


def replay_link(
    prefix: str,
    captured_at: str,
    url: str,
    scroll_to: str | None = None,
    *,
    scroll_texts: Sequence[str] = (),
) -> str:
    """The replay URL of ``url`` as captured at ``captured_at`` (ISO 8601, e.g. the page's
    ``WARC-Date``) in the replay at ``prefix`` (e.g. ``http://127.0.0.1:8080/crawl``), scrolled to
    the passage ``scroll_to`` when given. ``scroll_texts``: several passages, each its own text
    directive in one fragment (``#:~:text=a&text=b``; the browser scrolls to the first that
    matches), after ``scroll_to``. Raises ``ValueError`` on a ``captured_at`` that is not ISO
    8601.

    >>> replay_link("http://127.0.0.1:8080/demo/", "2026-11-30T21:56:51Z",
    ...             "http://site.example/list/", "Item one")
    'http://127.0.0.1:8080/demo/20261130215651/http://site.example/list/#:~:text=Item%20one'
    >>> replay_link("http://h/c", "2026-11-30T21:56:51Z", "http://s/", scroll_texts=["a b", "c"])
    'http://h/c/20261130215651/http://s/#:~:text=a%20b&text=c'
    """
    link = f"{prefix.rstrip('/')}/{wayback_timestamp(captured_at)}/{url.split('#', 1)[0]}"
    texts = [scroll_to or "", *scroll_texts]
    directives = [text_directive(text) for text in texts]
    named = [directive.removeprefix(":~:") for directive in directives if directive]
    return f"{link}#:~:{'&'.join(dict.fromkeys(named))}" if named else link
