"""Run the listicle spider in this process (what ``archiver crawl`` and ``archiver demo`` call)."""

from __future__ import annotations

import json
import signal
import uuid
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from archiver.crawl.lock import OutputLocked
from archiver.crawl.outcome import CANT_CREATE, LOCKED, RESUME_HINT, STOPPED, CommandError
from archiver.crawl.session import SUMMARY_FILE, SUMMARY_RESERVE
from archiver.crawl.summary import this_run


class _CrawlerProcess(CrawlerProcess):
    """Scrapy's process, noting when a second SIGINT/SIGTERM forced the stop (Scrapy's handler
    for the second signal, ``_signal_kill``, stops the reactor without closing the spider: the
    run's summary is never written, and the message should say why)."""

    forced_by: str | None = None

    def _signal_kill(self, signum: int, frame: Any) -> None:
        self.forced_by = signal.Signals(signum).name
        super()._signal_kill(signum, frame)


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
    """Crawl ``seeds`` into ``out_dir``; returns the crawl summary (crawl.json) of this run.

    Raises :class:`CommandError`: STOPPED when this run left no summary of its own (killed by
    a second signal, or crawl.json could not be written), LOCKED when another crawl holds
    ``out_dir``, CANT_CREATE when the output cannot be created. A bad setting raises
    ``SettingError``; anything else the crawl raised while starting is raised as it is.
    """
    from spiders.listicle import ListicleSpider  # Scrapy loads spiders late; so do we

    # Each run's own id, written into its crawl.json: an older crawl.json left in the folder
    # (this run could not write its own) is never reported as this run's.
    run_id = uuid.uuid4().hex
    settings_overrides: dict[str, Any] = {
        "ARCHIVER_OUTPUT_DIR": str(out_dir),
        "ARCHIVER_JOB_NAME": job,
        "ARCHIVER_RUN_ID": run_id,
    }
    if max_pages:
        settings_overrides["ARCHIVER_MAX_PAGES"] = max_pages
    if job_dir is not None:
        settings_overrides["JOBDIR"] = str(job_dir)
    settings_overrides.update(overrides or {})
    process = _CrawlerProcess(crawl_settings(settings_overrides))
    crawl = process.crawl(
        ListicleSpider,
        urls=seeds,
        sitemap=",".join(sitemaps or []),
        feed=",".join(feeds or []),
        out=str(out_dir),
        depth=depth,
        job=job,
    )
    # Scrapy hands an error raised while the crawl starts (the spider's from_crawler, an
    # extension, a pipeline's open_spider) to this deferred; unhandled, Twisted logs it as a
    # traceback at exit and the process ends as if all went well (scrapy/scrapy#6047).
    failures: list[Failure] = []
    crawl.addErrback(failures.append)
    if not failures:
        process.start()
    if failures:
        _raise_start_failure(failures[0], out_dir)
    return _summary_of_run(out_dir, run_id, forced_by=process.forced_by)


def _drop_summary_reserve(out_dir: Path) -> None:
    """Remove the space this run reserved for crawl.json (archiver.crawl.session) when the run
    ended without closing its session (a start failure, a forced stop): the reserve is only
    of use to a run that is still going."""
    (out_dir / SUMMARY_RESERVE).unlink(missing_ok=True)


def _raise_start_failure(failure: Failure, out_dir: Path) -> None:
    error = failure.value
    if isinstance(error, OutputLocked):
        # The reserve in the folder is the other crawl's: left alone.
        raise CommandError(str(error), LOCKED) from error
    _drop_summary_reserve(out_dir)
    if isinstance(error, OSError):
        raise CommandError(
            f"cannot write into {out_dir}: {error}; choose a writable --out", CANT_CREATE
        ) from error
    failure.raiseException()


def _summary_of_run(out_dir: Path, run_id: str, *, forced_by: str | None = None) -> dict[str, Any]:
    path = out_dir / SUMMARY_FILE
    try:
        summary: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        summary = {}
    if this_run(summary).get("run_id") != run_id:
        _drop_summary_reserve(out_dir)
        why = f"a second {forced_by} forced the stop" if forced_by else "killed, or the disk is full"
        raise CommandError(
            f"the crawl stopped before writing its summary {path} ({why}); {RESUME_HINT}", STOPPED
        )
    return summary
