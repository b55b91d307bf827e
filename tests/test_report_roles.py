"""The report agrees with the exit code line: a page a sitemap listed (a seed) that answers 404
is a failure in both, and the dead-links example is a real dead link (a recommended page)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.crawl_command import loopback_crawl
from tests.fault_server import page, serve, status
from tests.test_command_failures import listicle, the_error_line


def test_a_listed_seed_that_404s_is_a_failure_and_the_dead_link_example_is_recommended(
    tmp_path: Path,
) -> None:
    routes = {
        "/robots.txt": page(b""),
        "/a/": page(listicle("Listed", ["/gone/"])),
        "/missing/": status(404),
        "/gone/": status(404),
    }
    with serve(routes) as base:
        sitemap = (
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<url><loc>{base}/a/</loc></url><url><loc>{base}/missing/</loc></url></urlset>"
        ).encode()
        routes["/sitemap.xml"] = page(sitemap)
        result = subprocess.run(
            loopback_crawl(tmp_path / "out", "--sitemap", f"{base}/sitemap.xml", "--depth", "1"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 2, result.stderr[-3000:]
    assert "1 seed failed" in the_error_line(result.stderr)
    report = result.stdout
    errors_at = report.index("1 error:")
    assert f"{base}/missing/" in report[errors_at:].splitlines()[1], report
    dead = next(line for line in report.splitlines() if "dead link" in line)
    assert dead.startswith("1 dead link: ") and dead.endswith(f"e.g. {base}/gone/"), report
