"""Seeds checked before a crawl starts: a URL the crawl would refuse or fail on (another
scheme, no scheme, a private address without --allow-private) is a usage error, said once.

Pure: no Scrapy, no network (a host name is not resolved here; the crawl's resolver refuses
names that lead to private addresses).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from archiver.crawl.addresses import is_public_address

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Schemes written without "//" that are not a host name followed by a port ("example.com:80").
_OTHER_SCHEMES = frozenset(
    {"file", "ftp", "ftps", "data", "mailto", "javascript", "about", "sftp", "ws", "wss"}
)


class SeedError(ValueError):
    """A seed that cannot be crawled; the message names it, the cause and what to do."""


def check_seed(url: str, *, allow_private: bool, what: str = "seed") -> str:
    """``url`` (stripped) if the crawl can fetch it; raises :class:`SeedError`. ``what``
    names it in the message (seed, --sitemap, --feed)."""
    text = url.strip()
    if not text:
        raise SeedError(f"empty {what}: give an http or https URL")
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    has_scheme = "://" in text or scheme in _OTHER_SCHEMES
    if not has_scheme:
        raise SeedError(f"{what} {text!r} has no scheme; did you mean https://{text.lstrip('/')}?")
    if scheme not in ("http", "https"):
        raise SeedError(f"{what} {text!r}: only http and https URLs can be crawled, not {scheme}:")
    try:
        host = urlsplit(text).hostname or ""
    except ValueError as error:
        raise SeedError(f"{what} {text!r} is not a valid URL: {error}") from None
    if not host:
        raise SeedError(f"{what} {text!r} has no host name")
    if not allow_private and _is_private(host):
        raise SeedError(
            f"{what} {text} is a loopback or private address, refused by default; "
            "pass --allow-private to crawl it"
        )
    return text


# An IPv4 address as inet_aton (and so getaddrinfo, which the connection uses) reads it: one to
# four parts, each decimal, octal (leading 0) or hex (0x): "127.1", "2130706433", "0x7f.1".
_INET_ATON = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


def normalised_host(host: str) -> str:
    """``host`` as the connection will read it: lower case, without the trailing dot of a fully
    qualified name ("localhost."), an IPv4 address in any inet_aton spelling as a dotted quad.

    >>> normalised_host("LocalHost."), normalised_host("127.1"), normalised_host("0x7f.1")
    ('localhost', '127.0.0.1', '127.0.0.1')
    >>> normalised_host("2130706433"), normalised_host("example.com")
    ('127.0.0.1', 'example.com')
    """
    name = host.lower().rstrip(".")
    if _INET_ATON.match(name):
        try:
            return str(ipaddress.IPv4Address(socket.inet_aton(name)))
        except OSError:  # out of range ("256.1.1.1"): not an address, the lookup fails
            return name
    return name


def _is_private(host: str) -> bool:
    host = normalised_host(host)
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False  # a name: the resolver judges the addresses it leads to
    return not is_public_address(host)
