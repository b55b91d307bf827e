"""Where the crawler may connect: http(s) only, and never to loopback, private, link-local or
other non-public addresses unless ``ARCHIVER_ALLOW_PRIVATE`` says so.

Before a request goes out its host is resolved by the crawler's own resolver
(:mod:`archiver.crawl.resolver`), which is also the resolver the connection uses and hands out
public addresses only: a name whose answer points inside (127.0.0.1, 10.x, 169.254.169.254)
is refused here with a clear reason, and a name that changes its answer after this check
(DNS rebinding) gets no address for the connection. The address the connection really used
is checked again on the response, before it is archived (a proxy, a resolver configured by
hand). Redirects are new requests: they pass here too.
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
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from archiver.crawl.addresses import is_public_address
from archiver.crawl.resolver import NonPublicAddressError, PublicAddressResolver

__all__ = ["ALLOWED_SCHEMES", "ScopeGuardMiddleware", "is_public_address"]
ALLOWED_SCHEMES = frozenset({"http", "https"})


def _installed_resolver() -> PublicAddressResolver | None:
    from twisted.internet import reactor  # installed by Scrapy by the time requests flow

    resolver = getattr(reactor, "nameResolver", None)
    return resolver if isinstance(resolver, PublicAddressResolver) else None


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
        resolver = _installed_resolver()
        try:
            if resolver is not None:
                await maybe_deferred_to_future(resolver.public_addresses(parts.hostname))
            else:
                await self._check_with_system_resolver(parts.hostname)
        except NonPublicAddressError as error:
            raise IgnoreRequest(f"refused {request.url}: {error}") from error
        except (DNSLookupError, OSError, defer.TimeoutError):
            return  # let the download fail with the real DNS error, recorded as such

    @staticmethod
    async def _check_with_system_resolver(host: str) -> None:
        """Another TWISTED_DNS_RESOLVER was configured: check the name's answer now (the
        connection may see another one; the response-side check still applies)."""
        try:
            addresses = [ipaddress.ip_address(host).compressed]
        except ValueError:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
            addresses = [str(info[4][0]) for info in infos]
        for address in addresses:
            if not is_public_address(address):
                raise NonPublicAddressError(host, address)

    def process_response(self, request: Request, response: Response) -> Response:
        address = response.ip_address
        if not self.allow_private and address is not None and not is_public_address(str(address)):
            raise IgnoreRequest(f"refused {response.url}: connected to non-public address {address}")
        return response
