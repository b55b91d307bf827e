"""The fast path of absolute_url gives exactly what urllib's urljoin gives."""

from __future__ import annotations

import itertools
import random
from urllib.parse import urljoin

from archiver.urls import absolute_url

BASES = [
    "https://example.com/list/2/",
    "http://127.0.0.1:8080/a/b.html?x=1#top",
    "https://user@Example.COM:443",
    "HTTPS://example.com/a;p?q",
    "ftp://example.com/dir/",
    "https://example.com",
]
PIECES = ["/", "a", "B", ".", "..", "//", "?", "#", ";", "%20", " ", "\t", ":", "@", "~", "-", "é", "x.jpg"]


def test_fast_path_agrees_with_urljoin_on_tricky_paths() -> None:
    generator = random.Random(20261126)
    urls = {"/" + "".join(combo) for combo in itertools.product(PIECES, repeat=2)}
    urls |= {"/" + "".join(generator.choices(PIECES, k=generator.randint(1, 8))) for _ in range(20000)}
    urls |= {"/img/photo-1.jpg", "/a/./b", "/a/../b", "/a//b", "/", "/.well-known/x", "/a/b/"}
    urls = {url for url in urls if not url.strip().startswith("//")}  # protocol-relative: own branch
    for base in BASES:
        for url in urls:
            assert absolute_url(url, base) == urljoin(base, url.strip()), (url, base)
