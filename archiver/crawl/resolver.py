"""The crawler's name resolver: the address a connection uses is the address that was checked.

Checking a name's address in a middleware and letting the connection resolve the name again
is open to DNS rebinding: a name can answer a public address to the check and 127.0.0.1 (or
169.254.169.254) to the connection. Installed as Scrapy's ``TWISTED_DNS_RESOLVER``, this
resolver is the one the connections use (Twisted's ``HostnameEndpoint`` asks
``reactor.nameResolver``), and it hands out public addresses only, unless
``ARCHIVER_ALLOW_PRIVATE``: a name with any non-public address in its answer gets none. The
scope guard asks it too (:meth:`PublicAddressResolver.public_addresses`), for a clear error
message; with the DNS cache on, both get the same answer.

Lookups go to the system resolver (``getaddrinfo`` in a thread, IPv4 and IPv6), or, when
``ARCHIVER_DNS_SERVERS`` names servers ("host:port"), to those servers over DNS with
twisted.names (tests use this to run a rebinding DNS server on loopback).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Sequence
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.datatypes import LocalCache
from twisted.internet import defer, threads
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution
from twisted.python.failure import Failure
from zope.interface import implementer  # type: ignore[import-untyped]

from archiver.crawl.addresses import is_public_address

logger = logging.getLogger(__name__)
Lookup = Callable[[str], "defer.Deferred[list[str]]"]


class NonPublicAddressError(DNSLookupError):
    """A name resolved to a loopback, private, link-local or otherwise non-public address."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(
            f"{host} resolves to non-public address {address} (set ARCHIVER_ALLOW_PRIVATE to crawl it)"
        )
        self.host = host
        self.address = address


def _literal_address(host: str) -> str | None:
    try:
        return ipaddress.ip_address(host.strip("[]")).compressed
    except ValueError:
        return None


def system_lookup(reactor: Any) -> Lookup:
    """Addresses from the operating system's resolver (``getaddrinfo``), in the reactor's
    thread pool, as Scrapy's default resolver does."""

    def lookup(host: str) -> defer.Deferred[list[str]]:
        def resolve() -> list[str]:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            return list(dict.fromkeys(str(info[4][0]) for info in infos))

        return threads.deferToThreadPool(reactor, reactor.getThreadPool(), resolve)

    return lookup


def server_address(server: str) -> tuple[str, int]:
    """("host", port) of "host", "host:port" or "[v6]:port" (port 53 when not given). Raises
    ValueError for an entry with no host or a port that is not 1-65535 (checked on --set).

    >>> server_address("127.0.0.1:5353"), server_address("[::1]:53"), server_address("9.9.9.9")
    (('127.0.0.1', 5353), ('::1', 53), ('9.9.9.9', 53))
    """
    text = server.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:  # a name, an IPv4 address or a bare IPv6 address
        host, port = text, ""
    if not host.strip():
        raise ValueError(f"{server!r} has no host")
    if not port:
        return host, 53
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{server!r} has no valid port (1-65535)")
    return host, int(port)


def dns_server_lookup(servers: Sequence[str]) -> Lookup:
    """Addresses (A and AAAA records) from the DNS ``servers`` ("host:port") over DNS."""
    from twisted.names import client, dns

    names: Any = client  # twisted.names is not typed
    resolver = names.Resolver(servers=[server_address(server) for server in servers])

    def records(result: Any) -> list[str]:
        answers = result[0]
        found = []
        for answer in answers:
            if answer.type == dns.A:
                found.append(answer.payload.dottedQuad())
            elif answer.type == dns.AAAA:
                found.append(socket.inet_ntop(socket.AF_INET6, answer.payload.address))
        return found

    def lookup(host: str) -> defer.Deferred[list[str]]:
        queries = [resolver.lookupAddress(host), resolver.lookupIPV6Address(host)]
        for query in queries:
            query.addCallbacks(records, lambda _: [])  # a family without records: none of it
        gathered: defer.Deferred[list[list[str]]] = defer.gatherResults(queries)
        return gathered.addCallback(lambda lists: [address for found in lists for address in found])

    return lookup


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str) -> None:
        self.name = name

    def cancel(self) -> None:
        pass  # lookups are short; their result is simply not used


@implementer(IHostnameResolver)
class PublicAddressResolver:
    """Twisted name resolver that answers public addresses only (see the module docstring).

    Answers are cached per name (``DNSCACHE_ENABLED``, ``DNSCACHE_SIZE``); lookups time out
    after ``DNS_TIMEOUT`` seconds.
    """

    def __init__(
        self,
        reactor: Any,  # the running reactor: IReactorTime, IReactorPluggableNameResolver
        lookup: Lookup,
        *,
        allow_private: bool = False,
        cache_size: int = 10_000,
        timeout: float = 60.0,
    ) -> None:
        self.reactor = reactor
        self.lookup = lookup
        self.allow_private = allow_private
        self.timeout = timeout
        self.cache: LocalCache[str, list[str]] | None = LocalCache(cache_size) if cache_size else None
        self.warned: set[str] = set()  # hosts a "not connecting" warning was logged for

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> PublicAddressResolver:
        settings = crawler.settings
        servers = settings.getlist("ARCHIVER_DNS_SERVERS")
        return cls(
            reactor,
            dns_server_lookup(servers) if servers else system_lookup(reactor),
            allow_private=settings.getbool("ARCHIVER_ALLOW_PRIVATE"),
            cache_size=settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0,
            timeout=settings.getfloat("DNS_TIMEOUT"),
        )

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def public_addresses(self, host: str) -> defer.Deferred[list[str]]:
        """The addresses a connection to ``host`` may use. Fails with
        :class:`NonPublicAddressError` when any answer is non-public (and private addresses
        are not allowed), with ``DNSLookupError`` when there is none."""
        literal = _literal_address(host)
        if literal is not None:
            return defer.maybeDeferred(self._checked, [literal], host)
        if self.cache is not None and host in self.cache:
            return defer.succeed(self.cache[host])
        looked_up = self.lookup(host)
        looked_up.addTimeout(self.timeout, self.reactor)
        return looked_up.addCallback(self._checked, host).addCallback(self._remember, host)

    def _checked(self, addresses: list[str], host: str) -> list[str]:
        if not addresses:
            raise DNSLookupError(f"no address for {host}")
        if not self.allow_private:
            for address in addresses:
                if not is_public_address(address):
                    raise NonPublicAddressError(host, address)
        return addresses

    def _remember(self, addresses: list[str], host: str) -> list[str]:
        if self.cache is not None:
            self.cache[host] = addresses
        return addresses

    def resolveHostName(
        self,
        resolutionReceiver: Any,  # IResolutionReceiver (zope interfaces are not typed)
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> Any:
        """The IHostnameResolver call Twisted's endpoints make: delivers the addresses of
        :meth:`public_addresses` to ``resolutionReceiver``, none when the name is refused."""
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)

        def deliver(addresses: list[str]) -> None:
            for address in addresses:
                kind = IPv6Address if ":" in address else IPv4Address
                if addressTypes is None or kind in addressTypes:
                    resolutionReceiver.addressResolved(kind("TCP", address, portNumber))

        def refused(failure: Failure) -> None:
            # No address reaches the endpoint, which then fails with "no results for hostname".
            # Said once per host: each request (and retry) to it comes here again.
            if hostName not in self.warned:
                self.warned.add(hostName)
                logger.warning("not connecting to %s: %s", hostName, failure.getErrorMessage())

        lookup = self.public_addresses(hostName)
        lookup.addCallbacks(deliver, refused)
        lookup.addBoth(lambda _: resolutionReceiver.resolutionComplete())
        return resolution
