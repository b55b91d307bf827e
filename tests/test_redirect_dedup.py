"""A page request that a redirect leads to a page the crawl asked for (or reached) already is
deduplicated like a requested URL: one fetch, one article per URL, and ``archiver extract``
makes the same articles of the WARCs. Real crawls of loopback sites, several arrangements."""

from __future__ import annotations

import json
import subprocess
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from archiver.crawl.summary import read_run
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, redirect, robots_allow_all, send, serve
from tests.test_crash_resume import check_extract_agrees, check_files_are_whole


def _seed(links: list[str]) -> bytes:
    items = "".join(f'<li><a href="{link}">Link to {link}</a></li>' for link in links)
    related = f'<section class="related"><h3>Related posts</h3><ul>{items}</ul></section></body>'
    return listicle_html("3 Seed Things", range(1, 4)).replace(b"</body>", related.encode())


def _counted(routes: dict[str, Route], hits: dict[str, int]) -> dict[str, Route]:
    def route(handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        hits[path] = hits.get(path, 0) + 1
        answer = routes.get(path)
        if answer is None:
            send(handler, 404, b"<html><body>gone</body></html>")
        else:
            answer(handler)

    return {"/*": route}


# (links on the seed, redirects: path -> target path)
ARRANGEMENTS = {
    "redirect listed after the target": (["/a/", "/moved/"], {"/moved/": "/a/"}),
    "redirect listed before the target": (["/moved/", "/a/"], {"/moved/": "/a/"}),
    "two redirects to one page never linked": (["/old1/", "/old2/"], {"/old1/": "/a/", "/old2/": "/a/"}),
    "a chain of redirects ending at a linked page": (["/r1/", "/a/"], {"/r1/": "/r2/", "/r2/": "/a/"}),
}


@pytest.mark.parametrize("arrangement", sorted(ARRANGEMENTS))
def test_a_redirect_to_a_page_asked_for_already_fetches_it_once_and_makes_one_article(
    tmp_path: Path, arrangement: str
) -> None:
    links, redirects = ARRANGEMENTS[arrangement]
    routes: dict[str, Route] = {
        "/robots.txt": robots_allow_all(),
        "/seed/": lambda handler: send(handler, 200, _seed(links)),
        "/a/": lambda handler: send(handler, 200, listicle_html("4 Split Things", range(1, 3), "/a/2/")),
        "/a/2/": lambda handler: send(handler, 200, listicle_html("4 Split Things", range(3, 5))),
    }
    hits: dict[str, int] = {}
    out = tmp_path / "out"
    with serve(_counted(routes, hits)) as base:
        routes.update({path: redirect(base + target, 301) for path, target in redirects.items()})
        result = subprocess.run(
            loopback_crawl(out, base + "/seed/", "--depth", "1"), capture_output=True, text=True, timeout=300
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert hits["/a/"] == 1 and hits["/a/2/"] == 1, hits
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    by_path = {"/" + article["url"].split("/", 3)[3]: article for article in articles}
    assert sorted(by_path) == ["/a/", "/seed/"]
    split = by_path["/a/"]
    assert split["complete"] is True
    assert [page["url"].split("/", 3)[3] for page in split["pages"]] == ["a/", "a/2/"]
    assert [item["number"] for item in split["items"]] == [1, 2, 3, 4]
    summary = read_run(out)
    assert summary["errors"] == []  # a redirect not followed is no error
    check_files_are_whole(out)
    check_extract_agrees(out, tmp_path)
