"""A generated site for recommendation-following crawls whose result does not depend on the
order pages are fetched in: the seed article (layer 0) recommends articles of layer 1 only,
those recommend layer 2 only, and so on, so every path from the seed to a page has the same
length and a crawl of ``--depth D`` reaches exactly layers 0..D.

Articles hold 3-6 numbered items with a photo each; some run over two or three pages (each
page recommending other articles), and some are stories without items that still recommend
the next layer. ``layered_site()`` returns every path with its bytes, to serve from memory.
"""

from __future__ import annotations

import random
import re

from bench.sitegen import jpeg

# Articles per layer; the seed is layer 0.
WIDTHS = (1, 3, 5, 6, 6)
_WORDS = ("harbour", "glacier", "market", "lantern", "orchard", "canyon", "ferry", "tower", "meadow")


def article_path(layer: int, number: int) -> str:
    return f"/views-{layer}-{number:02d}/"


_LAYER = re.compile(r"^/(?:views-|img/l)(\d+)-")


def layer_of(path: str) -> int | None:
    """The layer of a page or photo path (None for robots.txt and unknown paths).

    >>> layer_of("/views-2-03/2/"), layer_of("/img/l3-1-4.jpg"), layer_of("/robots.txt")
    (2, 3, None)
    """
    match = _LAYER.match(path)
    return int(match.group(1)) if match else None


def _is_story(layer: int, number: int) -> bool:
    return layer > 0 and number % 4 == 3


def _page_path(layer: int, number: int, page: int) -> str:
    return article_path(layer, number) + ("" if page == 1 else f"{page}/")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _recommendations(
    rng: random.Random, layer: int, number: int, page: int, widths: tuple[int, ...]
) -> list[str]:
    """Two or three articles of the next layer; the first page of article ``n`` always names
    article ``n``, ``n + width``, ... of the next layer, so each of those has a parent. And the
    seed, which every crawl of the site has asked for first."""
    seed = article_path(0, 0)
    if layer + 1 >= len(widths):
        return [seed]
    below, width = widths[layer + 1], widths[layer]
    chosen = set(rng.sample(range(below), min(below, rng.choice((2, 3)))))
    if page == 1:
        chosen |= set(range(number, below, width))
    return [article_path(layer + 1, n) for n in sorted(chosen)] + ([seed] if layer else [])


def _html(title: str, body: str, next_path: str | None, related: list[str], rng: random.Random) -> bytes:
    next_link = (
        f'<div class="pagination"><a class="next" href="{next_path}">Next page</a></div>' if next_path else ""
    )
    links = "".join(f'<li><a href="{path}">{_sentence(rng, 5)}</a></li>' for path in related)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><main><article><h1>{title}</h1><div class='entry-content'>{body}</div>{next_link}"
        f"</article><section class='related'><h3>Related posts</h3><ul>{links}</ul></section>"
        "</main></body></html>"
    ).encode()


def _article(layer: int, number: int, widths: tuple[int, ...]) -> dict[str, bytes]:
    rng = random.Random(f"{layer}-{number}")
    files: dict[str, bytes] = {}
    if _is_story(layer, number):  # no items, one page, recommendations all the same
        title = f"The {rng.choice(_WORDS)} of {rng.choice(_WORDS)}"
        body = "".join(f"<p>{_sentence(rng, 14)} {_sentence(rng, 12)}</p>" for _ in range(4))
        related = _recommendations(rng, layer, number, 1, widths)
        files[_page_path(layer, number, 1)] = _html(title, body, None, related, rng)
        return files
    count = rng.randint(3, 6)
    pages = 1 if number % 3 == 0 else rng.choice((2, 3))
    per_page = -(-count // pages)
    pages = -(-count // per_page)  # no page left without an item
    title = f"{count} {rng.choice(_WORDS).capitalize()} Views You Should See"
    for page in range(1, pages + 1):
        items = []
        for item in range((page - 1) * per_page + 1, min(count, page * per_page) + 1):
            image = f"/img/l{layer}-{number}-{item}.jpg"
            files[image] = jpeg(image, 400)
            items.append(
                f"<h2>{item}. {_sentence(rng, 4)[:-1]}</h2>"
                f'<figure><img src="{image}" alt="{rng.choice(_WORDS)}" width="800" height="533">'
                f"<figcaption>Photo: {rng.choice(_WORDS).title()}</figcaption></figure>"
                f"<p>{_sentence(rng, 12)} {_sentence(rng, 10)}</p>"
            )
        next_path = _page_path(layer, number, page + 1) if page < pages else None
        related = _recommendations(rng, layer, number, page, widths)
        files[_page_path(layer, number, page)] = _html(title, "".join(items), next_path, related, rng)
    return files


def layered_site(widths: tuple[int, ...] = WIDTHS) -> dict[str, bytes]:
    """Every file of the site by path: pages, photos and robots.txt. The seed is ``/l0/0/``."""
    files = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    for layer, width in enumerate(widths):
        for number in range(width):
            files.update(_article(layer, number, widths))
    return files


def listicles_within(depth: int, widths: tuple[int, ...] = WIDTHS) -> set[str]:
    """The first pages of the listicles (stories left out) a crawl of ``depth`` from the seed
    reaches: the article URLs it writes."""
    return {
        article_path(layer, n)
        for layer in range(min(depth + 1, len(widths)))
        for n in range(widths[layer])
        if not _is_story(layer, n)
    }
