"""A deterministic generator of a listicle site, for the benchmark kit and crash tests.

Every article has 10-25 numbered items with an image each; about a third are split over two or
three pages; pages carry the navigation, sidebar, footer and ~190 links real pages have, padded
to about ``page_kb`` KB. ``site_files()`` returns every path with its bytes (HTML, images,
sitemap), so the same site can be served from memory in a test or written for nginx.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Iterator

_WORDS = [
    "mountain",
    "river",
    "city",
    "photo",
    "secret",
    "forgotten",
    "ancient",
    "modern",
    "quiet",
    "famous",
    "hidden",
    "northern",
    "coastal",
    "island",
    "market",
    "winter",
    "summer",
    "garden",
    "bridge",
    "tower",
    "station",
    "village",
    "harbour",
    "museum",
    "desert",
    "forest",
    "valley",
    "lake",
    "road",
    "castle",
    "street",
    "festival",
    "kitchen",
    "library",
    "theatre",
]
_JPEG_HEAD = bytes.fromhex("ffd8ffe000104a46494600010100000100010000")
_JPEG_TAIL = bytes.fromhex("ffd9")


def jpeg(path: str, size: int = 3000) -> bytes:
    """A JPEG-framed payload unique to ``path`` (random bytes; not decodable, never needs to be)."""
    rng = random.Random(path)
    return _JPEG_HEAD + rng.randbytes(size) + _JPEG_TAIL


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _chrome(rng: random.Random, links: int) -> tuple[str, str]:
    nav = "".join(
        f'<li><a href="/category/{rng.choice(_WORDS)}-{n}/">{rng.choice(_WORDS)}</a></li>'
        for n in range(links // 2)
    )
    footer = "".join(
        f'<a href="/tag/{rng.choice(_WORDS)}-{n}/">{rng.choice(_WORDS)}</a> ' for n in range(links // 2)
    )
    return (
        f'<header class="site-header"><nav class="main-nav"><ul>{nav}</ul></nav></header>',
        f'<footer class="site-footer">{footer}</footer>',
    )


def article_paths(articles: int) -> list[str]:
    return [f"/a/{index:05d}-things/" for index in range(articles)]


def _article_pages(index: int, articles: int, page_kb: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(index)
    count = rng.randint(10, 25)
    pages = 1 if index % 3 else rng.choice((2, 3))
    per_page = -(-count // pages)
    slug = f"/a/{index:05d}-things/"
    title = (
        f"{count} {rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS).capitalize()} Things You Should See"
    )
    header, footer = _chrome(rng, 150)
    for page in range(1, pages + 1):
        path = slug if page == 1 else f"{slug}{page}/"
        items = []
        for number in range((page - 1) * per_page + 1, min(count, page * per_page) + 1):
            image = f"/img/{index:05d}-{number:02d}.jpg"
            items.append(
                f"<h2>{number}. {_sentence(rng, 4)[:-1]}</h2>"
                f'<figure><img src="{image}" alt="{rng.choice(_WORDS)}" width="800" height="533">'
                f"<figcaption>Photo: {rng.choice(_WORDS).title()} {rng.choice(_WORDS).title()}</figcaption>"
                "</figure>"
                f"<p>{' '.join(_sentence(rng, 12) for _ in range(3))}</p>"
            )
        next_link = f'<a class="next" href="{slug}{page + 1}/">Next page</a>' if page < pages else ""
        related = "".join(
            f'<li><a href="/a/{(index + k) % articles:05d}-things/">{_sentence(rng, 5)}</a></li>'
            for k in range(1, 9)
        )
        body = (
            f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:title' content='{title}'></head><body>{header}<main><article>"
            f"<h1>{title}</h1><div class='entry-content'>{''.join(items)}</div>"
            f"<div class='pagination'>{next_link}</div></article>"
            f"<section class='related'><h3>Related posts</h3><ul>{related}</ul></section></main>"
            f"<aside class='sidebar'>{''.join('<p>' + _sentence(rng, 10) + '</p>' for _ in range(5))}</aside>"
        )
        padding = max(0, page_kb * 1024 - len(body) - len(footer) - 40)
        filler = f"<script>var pad = '{'x' * padding}';</script>" if padding else ""
        yield path, (body + filler + footer + "</body></html>").encode()


def site_files(articles: int, base_url: str, page_kb: int = 90) -> Iterator[tuple[str, bytes]]:
    """Every file of the site: article pages, their images, robots.txt and a gzipped sitemap
    (whose locations are absolute, hence ``base_url``)."""
    for index in range(articles):
        for path, html in _article_pages(index, articles, page_kb):
            yield path, html
            for image in set(part.split('"', 1)[0] for part in html.decode().split('<img src="')[1:]):
                yield image, jpeg(image)
    urls = "".join(f"<url><loc>{base_url}{path}</loc></url>" for path in article_paths(articles))
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    yield "/sitemap.xml.gz", gzip.compress(sitemap.encode(), mtime=0)
    yield "/robots.txt", b"User-agent: *\nAllow: /\n"
