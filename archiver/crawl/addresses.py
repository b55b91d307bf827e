"""Which IP addresses the crawler may connect to (pure: no Scrapy, no Twisted)."""

from __future__ import annotations

import ipaddress


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses; IPv6 forms that carry an IPv4 address
    (IPv4-mapped, 6to4, Teredo) are judged by the IPv4 address they lead to.

    >>> [is_public_address(a) for a in ("93.184.216.34", "127.0.0.1", "169.254.169.254", "10.1.2.3")]
    [True, False, False, False]
    >>> [is_public_address(a) for a in ("::ffff:10.0.0.1", "::1", "fe80::1%eth0", "2002:7f00:1::")]
    [False, False, False, False]
    >>> is_public_address("2606:2800:220:1:248:1893:25c8:1946")
    True
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast
