"""What a crawl needs from its job when it runs as one run of a job (``ARCHIVER_JOB_ROOT`` set):
the capture index of the earlier runs (cross-run revisits, sitemap lastmod skip) and the earlier
runs' WARC files (reference-only, to resolve this run's revisits when it is resumed)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archiver.job.captures import INDEX_NAME, CaptureIndex
from archiver.seeds import lastmod_not_newer
from archiver.warc import RevisitTarget

logger = logging.getLogger(__name__)
RUNS_DIR = "runs"


def earlier_run_warcs(run_dir: Path) -> list[Path]:
    """The WARC files of the other runs of the job whose run folder is ``run_dir``
    (``OUT/runs/<ts>``), oldest run first; none when ``run_dir`` is not in a job's ``runs``."""
    runs = run_dir.resolve().parent
    if runs.name != RUNS_DIR:
        return []
    own = run_dir.resolve()
    return [
        warc
        for folder in sorted(runs.iterdir())
        if folder.is_dir() and folder.resolve() != own
        for warc in sorted((folder / "warc").glob("*.warc.gz"))
    ]


@dataclass
class JobRunContext:
    """``root``: the job folder; ``run_dir``: this run's folder; ``index``: the job capture
    index; ``lastmod_skip``: ARCHIVER_LASTMOD_SKIP."""

    root: Path
    run_dir: Path
    index: CaptureIndex
    lastmod_skip: bool = False

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], run_dir: Path) -> JobRunContext | None:
        """The context of a job run, or None for a plain crawl (``ARCHIVER_JOB_ROOT`` unset)."""
        root = settings.get("ARCHIVER_JOB_ROOT")
        if not root:
            return None
        skip = settings.get("ARCHIVER_LASTMOD_SKIP")
        return cls(
            Path(root), run_dir, CaptureIndex(Path(root) / INDEX_NAME), str(skip).lower() in ("1", "true")
        )

    def earlier_original(self, digest: str) -> RevisitTarget | None:
        """A response record of an earlier run with this payload digest (for the WARC writer)."""
        prior = self.index.original(digest)
        if prior is None:
            return None
        return RevisitTarget(
            prior.record_id, prior.target_uri, prior.date, prior.payload_digest, prior.payload_length
        )

    def reference_warcs(self) -> list[Path]:
        return earlier_run_warcs(self.run_dir)

    def skip_by_lastmod(
        self, pages: Iterable[str], lastmod: Mapping[str, str]
    ) -> tuple[list[str], list[str]]:
        """(pages to request, pages skipped): with ARCHIVER_LASTMOD_SKIP, a page whose
        ``<lastmod>`` is not newer than its last capture in an earlier run is skipped."""
        if not self.lastmod_skip:
            return list(pages), []
        kept: list[str] = []
        skipped: list[str] = []
        for page in pages:
            stamp = lastmod.get(page)
            prior = self.index.last_capture(page) if stamp else None
            if stamp and prior is not None and lastmod_not_newer(stamp, prior.captured_at):
                skipped.append(page)
                logger.info(
                    "not requested: %s (sitemap lastmod %s, captured %s)", page, stamp, prior.captured_at
                )
            else:
                kept.append(page)
        return kept, skipped
