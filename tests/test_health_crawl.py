"""Run health end to end: real ``archiver crawl`` runs into one --out, as a daily cron job crawling
a site's sitemap would (each run fetches the sitemap again and the articles it lists that no
earlier run fetched). The site changes its template between the runs: the new articles are no
longer listicles, and the run says so (crawl.json run.health, exit 4, one line each in the report
and on stderr); a later run of a healthy template is compared with the healthy run only."""

from __future__ import annotations

import json
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import UNHEALTHY
from archiver.crawl.summary import CrawlSummary
from tests.crawl_command import loopback_crawl
from tests.fault_server import Route, listicle_html, page, robots_allow_all, send, serve

TIMEOUT = 300
ARTICLES = 6  # a day's new articles


def story_html(title: str, numbers: range) -> bytes:
    """The new template: the same text, no numbered headings, so no listicle."""
    paragraphs = "".join(f"<p>Something about thing {n}, and why it matters.</p>" for n in numbers)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<main><div class='story'><h1>{title}</h1>{paragraphs}</div></main></body></html>"
    ).encode()


def _crawl(out: Path, base: str) -> subprocess.CompletedProcess[str]:
    command = loopback_crawl(out, "--sitemap", f"{base}/sitemap.xml", "--depth", "0", "--no-wacz")
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _run(out: Path) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    CrawlSummary.model_validate(summary)
    return summary


class DailySite:
    """A site whose sitemap lists every article published so far; ``publish`` adds a day's."""

    def __init__(self) -> None:
        self.listed: list[str] = []
        self.routes: dict[str, Route] = {"/robots.txt": robots_allow_all(), "/sitemap.xml": self._sitemap}

    def _sitemap(self, handler: BaseHTTPRequestHandler) -> None:
        base = f"http://{handler.headers['Host']}"
        urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in self.listed)
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        send(handler, 200, body.encode(), "application/xml")

    def publish(self, day: str, template: str) -> None:
        for number in range(ARTICLES):
            path = f"/{day}/{number}/"
            title = f"{8 + number} Things of {day} {number}"
            html = listicle_html if template == "listicle" else story_html
            self.routes[path] = page(html(title, range(1, 9 + number)))
            self.listed.append(path)


def test_a_template_change_between_two_crawls_of_one_out_exits_4(tmp_path: Path) -> None:
    site = DailySite()
    publish = site.publish
    out = tmp_path / "out"
    with serve(site.routes) as base:
        publish("monday", "listicle")
        first = _crawl(out, base)
        assert first.returncode == 0, first.stdout + first.stderr
        health = _run(out)["run"]["health"]
        assert health["status"] == "ok" and health["compared_runs"] == 0
        assert "run health" not in first.stdout + first.stderr

        publish("tuesday", "story")  # the site's new template
        second = _crawl(out, base)
        summary = _run(out)
        run = summary["run"]
        assert (run["articles"], run["non_listicles"]) == (0, ARTICLES), second.stdout + second.stderr
        assert second.returncode == UNHEALTHY == run["exit_code"] == 4, second.stdout + second.stderr
        assert run["outcome"] == "unhealthy"
        assert run["health"]["status"] == "collapsed"
        assert summary["runs"][-1]["health"] == "collapsed"
        expected = (
            "listicles found fell from 100% of the pages that could begin one (median of 1 run) "
            f"to 0% (0 of {ARTICLES}): the site's template may have changed; "
            "items per article 10.5 -> 0.0"
        )
        assert run["health"]["line"] == expected
        report = [line for line in second.stdout.splitlines() if "run health" in line]
        assert report == [f"warning: run health: collapsed: {expected}"]
        # The report's line, not the log's too: one line says it (and the exit code's line).
        assert "run health" not in second.stderr
        errors = [line for line in second.stderr.splitlines() if line.startswith("archiver: error:")]
        assert errors == [
            f"archiver: error: run unhealthy: extraction collapsed: {expected}; look at "
            "this run's archived pages before trusting its articles (crawl.json run.health)"
        ]

        publish("wednesday", "listicle")  # the template fixed: compared with Monday only
        third = _crawl(out, base)
        assert third.returncode == 0, third.stdout + third.stderr
        health = _run(out)["run"]["health"]
        assert health["status"] == "ok" and health["compared_runs"] == 1, health
        assert [entry["health"] for entry in _run(out)["runs"]] == ["ok", "collapsed", "ok"]


def test_scrapy_crawl_logs_the_health_line(tmp_path: Path) -> None:
    """Without archiver crawl's report (scrapy crawl, scrapyd), the log has the line."""
    site = DailySite()
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).parent / "scrapy"),
        "crawl",
        "listicle",
        "-a",
        f"out={out}",
        "-a",
        "depth=0",
        "-s",
        "ARCHIVER_ALLOW_PRIVATE=True",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "ARCHIVER_WACZ=False",
    ]
    root = Path(__file__).resolve().parent.parent  # scrapy.cfg: the project's settings
    with serve(site.routes) as base:
        for day, template in (("monday", "listicle"), ("tuesday", "story")):
            site.publish(day, template)
            result = subprocess.run(
                [*command, "-a", f"sitemap={base}/sitemap.xml"],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
            )
            assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if "run health:" in line]
    assert len(lines) == 1, result.stderr[-3000:]
    assert lines[0].endswith(
        "run health: collapsed: listicles found fell from 100% of the pages that could begin one "
        f"(median of 1 run) to 0% (0 of {ARTICLES}): the site's template may have changed; "
        "items per article 10.5 -> 0.0"
    )
    assert _run(out)["run"]["exit_code"] == 4
