"""IPv6 forms that carry an IPv4 address are judged by where they lead (pure function)."""

from __future__ import annotations

import pytest

from archiver.crawl.addresses import is_public_address


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 well-known prefix -> 127.0.0.1
        "64:ff9b::a00:1",  # -> 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # -> 169.254.169.254 (cloud metadata)
        "64:ff9b::c0a8:101",  # -> 192.168.1.1
        "64:ff9b:1::7f00:1",  # NAT64 local-use prefix: wherever the local translator says
        "64:ff9b:1:ffff::5db8:d822",
        "::7f00:1",  # IPv4-compatible (deprecated) -> 127.0.0.1
        "::a00:1",
        "::5db8:d822",  # IPv4-compatible with a public address: still no public host
        "::ffff:7f00:1",  # IPv4-mapped
        "2002:a9fe:a9fe::1",  # 6to4 -> 169.254.169.254
    ],
)
def test_ipv6_forms_of_non_public_ipv4_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["64:ff9b::5db8:d822", "64:ff9b::808:808", "2606:4700:4700::1111"])
def test_public_addresses_stay_public(address: str) -> None:
    assert is_public_address(address)
