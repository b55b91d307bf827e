"""Where the crawler may connect: http(s) only, and never to loopback, private, link-local or
other non-public addresses unless ``ARCHIVER_ALLOW_PRIVATE`` says so.

The host is resolved before the request goes out, so a public name whose DNS answer points
inside (127.0.0.1, 10.x, 169.254.169.254) is refused; the address the connection really used is
checked again on the response, before it is archived. Redirects are new requests: they pass
here too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

ALLOWED_SCHEMES = frozenset({"http", "https"})


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses.

    >>> [is_public_address(a) for a in ("93.184.216.34", "127.0.0.1", "169.254.169.254", "10.1.2.3")]
    [True, False, False, False]
    >>> is_public_address("::ffff:10.0.0.1")
    False
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class ScopeGuardMiddleware:
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeGuardMiddleware:
        return cls(crawler.settings.getbool("ARCHIVER_ALLOW_PRIVATE"))

    async def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ALLOWED_SCHEMES:
            raise IgnoreRequest(f"refused {request.url}: only http and https are fetched")
        if self.allow_private or not parts.hostname:
            return
        host = parts.hostname
        try:
            addresses = [ipaddress.ip_address(host).compressed]
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
                )
            except OSError:
                return  # let the download fail with the real DNS error, recorded as such
            addresses = [str(info[4][0]) for info in infos]
        for address in addresses:
            if not is_public_address(address):
                raise IgnoreRequest(
                    f"refused {request.url}: {host} resolves to non-public address {address} "
                    "(set ARCHIVER_ALLOW_PRIVATE to crawl it)"
                )

    def process_response(self, request: Request, response: Response) -> Response:
        address = response.ip_address
        if not self.allow_private and address is not None and not is_public_address(str(address)):
            raise IgnoreRequest(f"refused {response.url}: connected to non-public address {address}")
        return response
