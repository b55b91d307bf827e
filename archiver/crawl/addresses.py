"""Which IP addresses the crawler may connect to (pure: no Scrapy, no Twisted)."""

from __future__ import annotations

import ipaddress

# NAT64 (RFC 6052): the well-known prefix carries an IPv4 address in its last 32 bits; the
# local-use prefix (RFC 8215) leads wherever the local translator says: never public.
_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")
# IPv4-compatible addresses (deprecated, RFC 4291 2.5.5.1): "::a.b.c.d". None is a public host.
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries (IPv4-mapped, 6to4, Teredo, NAT64), or None."""
    if ip in _NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses; IPv6 forms that carry an IPv4 address
    (IPv4-mapped, 6to4, Teredo, NAT64 64:ff9b::/96) are judged by the IPv4 address they lead
    to; IPv4-compatible (::/96) and local-use NAT64 (64:ff9b:1::/48) addresses are not public.

    >>> [is_public_address(a) for a in ("93.184.216.34", "127.0.0.1", "169.254.169.254", "10.1.2.3")]
    [True, False, False, False]
    >>> [is_public_address(a) for a in ("::ffff:10.0.0.1", "::1", "fe80::1%eth0", "2002:7f00:1::")]
    [False, False, False, False]
    >>> [is_public_address(a) for a in ("64:ff9b::7f00:1", "64:ff9b:1::5db8:d822", "::7f00:1", "::5db8:d822")]
    [False, False, False, False]
    >>> [is_public_address(a) for a in ("2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822")]
    [True, True]
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _IPV4_COMPATIBLE or ip in _NAT64_LOCAL_USE:
            return False
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast
