"""Run the listicle spider in this process (what ``archiver crawl`` and ``archiver demo`` call)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archiver.crawl.session import SUMMARY_FILE


def crawl_settings(overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("archiver.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(
    seeds: list[str],
    out_dir: Path,
    *,
    depth: int = 1,
    max_pages: int | None = None,
    job_dir: Path | None = None,
    job: str = "crawl",
    sitemaps: list[str] | None = None,
    feeds: list[str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Crawl ``seeds`` into ``out_dir``; returns the crawl summary (crawl.json)."""
    from spiders.listicle import ListicleSpider  # Scrapy loads spiders late; so do we

    settings_overrides: dict[str, Any] = {"ARCHIVER_OUTPUT_DIR": str(out_dir), "ARCHIVER_JOB_NAME": job}
    if max_pages:
        settings_overrides["ARCHIVER_MAX_PAGES"] = max_pages
    if job_dir is not None:
        settings_overrides["JOBDIR"] = str(job_dir)
    settings_overrides.update(overrides or {})
    process = CrawlerProcess(crawl_settings(settings_overrides))
    process.crawl(
        ListicleSpider,
        urls=seeds,
        sitemap=",".join(sitemaps or []),
        feed=",".join(feeds or []),
        out=str(out_dir),
        depth=depth,
        job=job,
    )
    process.start()
    if not (out_dir / SUMMARY_FILE).exists():
        # The session logged why (a full disk); the caller reports it and exits non-zero.
        raise OSError(f"the crawl stopped, but its summary {out_dir / SUMMARY_FILE} could not be written")
    summary: dict[str, Any] = json.loads((out_dir / SUMMARY_FILE).read_text(encoding="utf-8"))
    return summary
