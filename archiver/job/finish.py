"""The end of a job run, after the crawl's session closed its files (spider_closed): merge the
run into the job's current state, write its changes.jsonl, count the changes in its crawl.json,
index its captures, prune old runs, write the job's WACZ.

Order matters for a run killed on the way: changes.jsonl, crawl.json and the capture index
first, then the current state (one rename), then the run's unfinished marker goes. Killed before
the rename, the next run resumes into this folder and merges again (the state is as it was);
killed between the rename and the marker, the next merge sees the state holds this run already
and keeps the changes it wrote. Pruning and the WACZ come last: each run redoes them.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import Outcome, classify
from archiver.crawl.summary import SUMMARY_FILE, read_summary, this_run
from archiver.job.captures import INDEX_NAME, CaptureIndex
from archiver.job.config import Job
from archiver.job.prune import job_warcs, prune_runs
from archiver.job.runs import RunFolder, mark_finished
from archiver.job.state import (
    COUNTS,
    RUN_FIELD,
    Unfetched,
    append_history,
    merge_run,
    read_jsonl,
    read_state,
    write_changes,
    write_state,
)
from archiver.jsonl import write_jsonl_atomically
from archiver.urls import canonical_url

logger = logging.getLogger(__name__)


def index_run(job_dir: Path, run_dir: Path) -> None:
    """Add a run's WARC records to the job's capture index (idempotent)."""
    with CaptureIndex(job_dir / INDEX_NAME) as index:
        index.add_run(run_dir)


def forget_runs(job_dir: Path, run_ids: list[str]) -> None:
    """Take removed runs out of the capture index: nothing may refer to their records."""
    with CaptureIndex(job_dir / INDEX_NAME) as index:
        for run_id in run_ids:
            index.forget_run(run_id)


def seed_list_listing(run_dir: Path, seed_lists: list[str], references: list[Path]) -> set[str] | None:
    """The canonical URLs the run's sitemaps and feeds listed; None when there are none, one
    was not read whole in this run, or they list nothing at all (a broken sitemap more likely
    than every article gone): then no article is gone for a sitemap. ``references``: earlier
    runs' WARC files, where this run's revisits (a 304 to the sitemap) find their original."""
    from archiver.crawl.session import archived_seed_list_entries
    from archiver.reextract import WarcIndex

    if not seed_lists:
        return None
    index = WarcIndex(sorted((run_dir / "warc").glob("*.warc.gz")), references=references)
    for url in seed_lists:
        _, capture = index.resolve(url)
        if capture is None or not 200 <= capture.status < 300:
            return None
    listed = {canonical_url(url) for url in archived_seed_list_entries(index, seed_lists)}
    return listed or None


def _output_error(run: dict[str, Any], message: str) -> None:
    run.setdefault("errors", []).append(
        {"url": "", "kind": "output", "role": "output", "answered": False, "error": message}
    )


def job_outcome(run: dict[str, Any]) -> Outcome:
    """The verdict on a job run: as a crawl's (archiver.crawl.outcome), except that a known
    article that answered 404/410 (an error marked ``gone``) is a change, not a failure."""
    errors = [error for error in run.get("errors") or [] if not error.get("gone")]
    return classify({**run, "errors": errors})


def _unfetched(
    run_dir: Path,
    references: list[Path],
    state: dict[str, dict[str, Any]],
    articles: list[dict[str, Any]],
    errors: list[dict[str, Any]],
) -> dict[str, Unfetched]:
    """What the run's WARCs show for each known article it got no article for."""
    from archiver.job.outcomes import unfetched_outcomes
    from archiver.reextract import WarcIndex

    got = {article["url"] for article in articles}
    missing = [url for url in state if url not in got]
    if not missing:
        return {}
    index = WarcIndex(sorted((run_dir / "warc").glob("*.warc.gz")), references=references)
    return unfetched_outcomes(index, missing, errors)


def _mark_gone(run: dict[str, Any], gone: set[str]) -> None:
    """Mark the errors of articles gone (or still gone): a change, not a failure of the run."""
    for error in run.get("errors") or []:
        if error.get("url") and canonical_url(str(error["url"])) in gone:
            error["gone"] = True


def _write_summary(run_dir: Path, summary: dict[str, Any], run: dict[str, Any]) -> None:
    outcome = job_outcome(run)
    run.update(outcome=outcome.kind, exit_code=outcome.exit_code)
    history = summary.get("runs")
    if isinstance(history, list) and history and history[-1].get("run_id") == run.get("run_id"):
        history[-1].update(
            outcome=outcome.kind, exit_code=outcome.exit_code, errors=len(run.get("errors", []))
        )
    write_jsonl_atomically(run_dir / SUMMARY_FILE, [json.dumps(summary, indent=2, ensure_ascii=False)])


def finish_job_run(job: Job, folder: RunFolder, crawl_run_id: str, reason: str) -> None:
    """Merge the run in ``folder`` (its crawl.json run id ``crawl_run_id``, Scrapy's finish
    ``reason``) into the job. A run that did not finish is left unfinished: the next run
    continues it in the same folder, and merges then."""
    job_dir, run_dir = job.out_dir, folder.path
    summary = read_summary(run_dir)
    if reason != "finished" or summary is None or this_run(summary).get("run_id") != crawl_run_id:
        logger.warning(
            "job run %s did not finish (%s): not merged into the current state; the next "
            "`archiver job run` continues it in %s",
            folder.run_id,
            reason,
            run_dir,
        )
        return
    run = this_run(summary)
    state = read_state(job_dir)
    if any(line.get(RUN_FIELD) == folder.run_id for line in state.values()):
        logger.info("run %s is in the current state already (merged before a kill)", folder.run_id)
    elif (run.get("health") or {}).get("status") == "collapsed":
        # A collapsed extraction must not replace good articles with truncated ones: the state,
        # the capture index and changes.jsonl stay as they were; the next healthy run merges.
        logger.warning("job run %s: extraction collapsed: not merged into the current state", folder.run_id)
        run.update(job_run=folder.run_id, state_merged=False)
        _write_summary(run_dir, summary, run)
    else:
        earlier = [path for path in job_warcs(job_dir) if path.parent.parent != run_dir]
        listing = seed_list_listing(run_dir, list(run.get("seed_lists") or []), earlier)
        articles = list(read_jsonl(run_dir / "articles.jsonl"))
        errors = run.get("errors") or []
        lines, merge = merge_run(
            state,
            articles,
            folder.run_id,
            errors=errors,
            listed=listing,
            unfetched=_unfetched(run_dir, earlier, state, articles, errors),
        )
        write_changes(run_dir, merge.changes)
        append_history(job_dir, folder.run_id, merge.changes)
        _mark_gone(run, merge.gone_urls)
        run.update(merge.counts)
        run["not_fetched_urls"] = merge.not_fetched
        run["job_run"] = folder.run_id
        _write_summary(run_dir, summary, run)
        try:
            index_run(job_dir, run_dir)
        except Exception as error:  # the index is an optimisation: the run's files are whole
            logger.exception("the capture index could not take run %s", folder.run_id)
            _output_error(run, f"capture index not updated: {type(error).__name__}: {error}")
        write_state(job_dir, lines)
        logger.info(
            "job %s, run %s: %d new, %d changed, %d returned, %d unchanged (%d not fetched), %d gone, "
            "%d still gone, %d no longer listicles",
            job.file.name,
            folder.run_id,
            *(merge.counts[name] for name in COUNTS),
        )
    mark_finished(run_dir)
    _prune_and_package(job, run_dir, summary, run)


def _prune_and_package(job: Job, run_dir: Path, summary: dict[str, Any], run: dict[str, Any]) -> None:
    job_dir = job.out_dir
    if job.file.keep_runs is not None:
        try:
            pruned = prune_runs(job_dir, job.file.keep_runs, read_state(job_dir).values())
            forget_runs(job_dir, [entry.run for entry in pruned if entry.removed])
            run["pruned_runs"] = [
                {"run": entry.run, "kept_warc_files": entry.kept, "removed": entry.removed}
                for entry in pruned
            ]
        except Exception as error:  # a failed prune leaves more on disk, never less
            logger.exception("pruning old runs failed")
            _output_error(run, f"old runs not pruned: {type(error).__name__}: {error}")
    run["job_wacz"] = None
    if job.file.wacz:
        from archiver.names import job_file_stem
        from archiver.wacz import WaczError, write_wacz

        target = job_dir / f"{job_file_stem(job.file.name)}.wacz"
        try:
            written = write_wacz(run_dir, target, job=job.file.name, warcs=job_warcs(job_dir))
            run["job_wacz"] = written.path.name
        except WaczError as error:
            if error.kind != "input":
                _output_error(run, f"job WACZ not written: {error}")
    _write_summary(run_dir, summary, run)
