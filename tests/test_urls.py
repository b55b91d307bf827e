"""URL resolution and the canonical URL form: fast paths agree with the slow functions they
stand for, the canonical form is what Scrapy's Request makes of a URL, and pages name their
links, images and next pages in that form."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from scrapy import Request
from w3lib.url import safe_url_string

from archiver import parse_page
from archiver.urls import absolute_url, canonical_url, joined_url, redacted_url, redirect_url
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, page, raw, redirect, robots_allow_all, serve

BIN = Path(sys.executable).parent

BASES = [
    "https://example.com/list/2/",
    "http://127.0.0.1:8080/a/b.html?x=1#top",
    "https://user@Example.COM:443",
    "HTTPS://example.com/a;p?q",
    "ftp://example.com/dir/",
    "https://example.com",
]
PIECES = ["/", "a", "B", ".", "..", "//", "?", "#", ";", "%20", " ", "\t", ":", "@", "~", "-", "é", "x.jpg"]
URL_PIECES = [*PIECES, "ü", "%", "%2", "|", "[", "]", "'", '"', "<", "^", "`", "{", "&", "=", "+", "\\"]


def test_the_join_fast_path_agrees_with_urljoin_on_tricky_paths() -> None:
    generator = random.Random(20261126)
    urls = {"/" + "".join(combo) for combo in itertools.product(PIECES, repeat=2)}
    urls |= {"/" + "".join(generator.choices(PIECES, k=generator.randint(1, 8))) for _ in range(20000)}
    urls |= {"/img/photo-1.jpg", "/a/./b", "/a/../b", "/a//b", "/", "/.well-known/x", "/a/b/"}
    urls = {url for url in urls if not url.strip().startswith("//")}  # protocol-relative: own branch
    for base in BASES:
        for url in urls:
            assert joined_url(url, base) == urljoin(base, url.strip()), (url, base)


def test_the_canonical_fast_path_agrees_with_safe_url_string() -> None:
    generator = random.Random(20261130)
    hosts = ["example.com", "Example.com", "a-b.example", "127.0.0.1:8080", "h:080", "h:99999", "[::1]:8"]
    hosts += ["127.0.0.1:39423", "h:65535", "h:65536", "h:00080"]
    urls = {"https://example.com", "http://example.com/", "https://example.com/a b"}
    for _ in range(40000):
        path = "".join(generator.choices(URL_PIECES, k=generator.randint(0, 8)))
        urls.add(f"{generator.choice(['http', 'https'])}://{generator.choice(hosts)}/{path}")
    for url in urls:
        try:
            expected = safe_url_string(url.strip())
        except ValueError:
            expected = url.strip()  # a port out of range: left as it is
        assert canonical_url(url) == expected, url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/größte-brücken/2/",
        "https://example.com/a b/c.jpg?size=large&q=ä ö",
        "https://EXAMPLE.com:8443/x|y/[z]?a='b'#frag ment",
        "https://example.com?page=2",
        "http://bücher.example/straße",
        "https://example.com/%7Euser/%zz/",
    ],
)
def test_the_canonical_form_is_what_a_scrapy_request_asks_for(url: str) -> None:
    canonical = canonical_url(url)
    assert Request(url).url == canonical
    assert Request(canonical).url == canonical  # stable: a request does not change it again
    assert canonical_url(canonical) == canonical


def test_the_query_is_encoded_in_the_page_encoding_and_the_path_in_utf8() -> None:
    assert canonical_url("https://example.com/größe?q=größe", "latin-1") == (
        "https://example.com/gr%C3%B6%C3%9Fe?q=gr%F6%DFe"
    )
    # A character the page's encoding cannot spell falls back to UTF-8 rather than failing.
    assert canonical_url("https://example.com/?q=€", "latin-1") == "https://example.com/?q=%E2%82%AC"
    assert canonical_url("https://example.com/?q=ä", "no-such-codec") == "https://example.com/?q=%C3%A4"


def test_a_latin1_page_names_its_next_page_query_in_latin1() -> None:
    html = (
        "<html><head><meta charset='iso-8859-1'><title>5 Dinge</title></head><body><article>"
        "<h1>5 Dinge</h1><h2>1. Eins</h2><p>Text eins.</p><h2>2. Zwei</h2><p>Text zwei.</p>"
        "<a rel='next' href='/liste?seite=2&amp;thema=Größe'>Weiter</a></article></body></html>"
    ).encode("latin-1")
    page = parse_page(html, "https://example.com/liste?thema=Gr%F6%DFe", content_type="text/html")
    assert page.next_page_url == "https://example.com/liste?seite=2&thema=Gr%F6%DFe"


def test_a_next_link_written_in_unicode_continues_a_percent_encoded_page() -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>6 Brücken</title></head><body><article>"
        "<h1>6 Brücken</h1><h2>1. Alte Brücke</h2><img src='/bilder/alte brücke.jpg'><p>Alt.</p>"
        "<h2>2. Neue Brücke</h2><p>Neu.</p><a rel='next' href='/größte-brücken/2/'>Weiter</a>"
        "</article></body></html>"
    ).encode()
    page = parse_page(html, "https://example.com/gr%C3%B6%C3%9Fte-br%C3%BCcken/")
    assert page.next_page_url == "https://example.com/gr%C3%B6%C3%9Fte-br%C3%BCcken/2/"
    assert page.items[0].images[0].url == "https://example.com/bilder/alte%20br%C3%BCcke.jpg"


def test_a_page_url_given_raw_is_recorded_in_canonical_form() -> None:
    html = b"<html><head><title>x</title></head><body><p>Nothing listed.</p></body></html>"
    assert parse_page(html, "https://example.com/a b/ü").url == "https://example.com/a%20b/%C3%BC"


def test_absolute_url_joins_then_canonicalises() -> None:
    assert absolute_url(" b c.jpg", "https://example.com/a/") == "https://example.com/a/b%20c.jpg"
    assert absolute_url("mailto:x@example.com", "https://example.com/") == "mailto:x@example.com"


def test_userinfo_is_never_part_of_the_canonical_or_written_form() -> None:
    assert canonical_url("https://me:pw@example.com/a") == "https://example.com/a"
    assert redacted_url("https://me:pw@example.com/a b") == "https://example.com/a b"
    assert redacted_url("https://example.com/@home") == "https://example.com/@home"


def test_a_redirect_target_is_computed_as_scrapy_computes_it() -> None:
    assert (
        redirect_url("https://example.com/a/", b"/gr\xc3\xb6\xc3\x9fe/")
        == "https://example.com/gr%C3%B6%C3%9Fe/"
    )
    # The same bytes read as a latin-1 header value give the same URL, not a double encoding.
    latin1 = b"/gr\xc3\xb6\xc3\x9fe/".decode("latin-1")
    assert redirect_url("https://example.com/a/", latin1) == "https://example.com/gr%C3%B6%C3%9Fe/"
    assert redirect_url("https://example.com/a/", "b c") == "https://example.com/a/b%20c"


def test_a_crawl_of_non_ascii_and_spaced_urls_finds_every_capture_and_extract_agrees(tmp_path: Path) -> None:
    """Seeds, next links, image sources and a redirect's Location (raw UTF-8 bytes) written with
    spaces and non-ASCII characters: every page and image capture is found (none null), and
    re-extraction from the WARCs gives the same articles byte for byte."""
    jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
    first = (
        "<html><head><meta charset='utf-8'><title>4 Schöne Plätze</title></head><body><article>"
        "<h1>4 Schöne Plätze</h1>"
        "<h2>1. Der Marktplatz</h2><img src='/bilder/markt platz.jpg'><p>Mitten in der Stadt.</p>"
        "<h2>2. Der Schloßpark</h2><img src='/bilder/schloß.jpg'><p>Hinter dem Schloss.</p>"
        "<a rel='next' href='/schöne plätze/2/'>Weiter</a></article></body></html>"
    ).encode()
    second = (
        "<html><head><meta charset='utf-8'><title>4 Schöne Plätze</title></head><body><article>"
        "<h1>4 Schöne Plätze</h1>"
        "<h2>3. Die Brücke</h2><img src='/bilder/brücke.jpg'><p>Über den Fluss.</p>"
        "<h2>4. Der Turm</h2><p>Hoch über allem.</p></article></body></html>"
    ).encode()
    third = (
        "<html><head><meta charset='utf-8'><title>2 Dinge über uns</title></head><body><article>"
        "<h1>2 Dinge über uns</h1><h2>1. Wer</h2><p>Wir.</p><h2>2. Wo</h2><p>Hier.</p>"
        "</article></body></html>"
    ).encode()
    routes: dict[str, Route] = {
        "/robots.txt": robots_allow_all(),
        "/sch%C3%B6ne%20pl%C3%A4tze/": page(first),
        "/alt/": redirect("/über uns/".encode().decode("latin-1")),  # raw UTF-8 bytes
        "/%C3%BCber%20uns/": page(third),
        "/sch%C3%B6ne%20pl%C3%A4tze/2/": page(second),
        "/bilder/markt%20platz.jpg": raw(jpeg, "image/jpeg"),
        "/bilder/schlo%C3%9F.jpg": raw(jpeg + b"2", "image/jpeg"),
        "/bilder/br%C3%BCcke.jpg": raw(jpeg + b"3", "image/jpeg"),
    }
    out = tmp_path / "out"
    with serve(routes) as base:
        seeds = [f"{base}/schöne plätze/", f"{base}/alt/"]
        subprocess.run(
            loopback_crawl(out, *seeds, "--depth", "0"), check=True, capture_output=True, timeout=300
        )
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    by_url = {article["url"]: article for article in articles}
    assert set(by_url) == {f"{base}/sch%C3%B6ne%20pl%C3%A4tze/", f"{base}/%C3%BCber%20uns/"}
    assert len(by_url[f"{base}/%C3%BCber%20uns/"]["items"]) == 2  # the Location, encoded once
    article = by_url[f"{base}/sch%C3%B6ne%20pl%C3%A4tze/"]
    assert article["complete"] is True and len(article["items"]) == 4
    assert [page["url"] for page in article["pages"]] == [
        f"{base}/sch%C3%B6ne%20pl%C3%A4tze/",
        f"{base}/sch%C3%B6ne%20pl%C3%A4tze/2/",
    ]
    images = [image for item in article["items"] for image in item["images"]]
    assert [image["url"] for image in images] == [
        f"{base}/bilder/markt%20platz.jpg",
        f"{base}/bilder/schlo%C3%9F.jpg",
        f"{base}/bilder/br%C3%BCcke.jpg",
    ]
    assert all(image["capture"] is not None for image in images), images
    extracted = tmp_path / "extracted.jsonl"
    warcs = [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))]
    subprocess.run(
        [str(BIN / "archiver"), "extract", *warcs, "-o", str(extracted)], check=True, capture_output=True
    )
    assert extracted.read_bytes() == (out / "articles.jsonl").read_bytes()
