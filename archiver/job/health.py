"""Health of a run: did extraction collapse compared with the earlier runs of the same crawl?

When a site changes its template, a scheduled crawl keeps archiving pages and silently finds no
listicle (or listicles with no items) in them. :func:`assess` compares one run with the earlier
runs of its job (or of its ``--out`` folder) and says ``ok``, ``warn`` or ``collapsed``, each
finding a line that names the numbers::

    listicles found fell from 100% of the pages that could begin one (median of 5 runs) to 0%
    (0 of 51): the site's template may have changed

Pure: crawl.json run parts in (``run`` of this run; ``earlier``, oldest first, either full run
parts or the short entries of crawl.json's ``runs`` history: both carry ``pages``, ``articles``,
``non_listicles``, ``items``, ``photos``, ``rejects``, ``responses`` and ``errors``, a list in a
run part, a count in an entry), a :class:`Health` out. :func:`earlier_runs` reads them.

What is compared (ratios, so a site that publishes fewer articles, or a run that had less left
to fetch, is not taken for a collapse):

- listicle share: articles / (articles + non-listicle pages), the pages that could begin an
  article (a story over several pages counts once);
- items per article; photos per item (captured photos);
- error share: errors / responses (an error is mostly an answer too: a 404, a 500; with more
  errors than responses, fetches that got no answer, it is 1);
- reject share: rejects / (articles + non-listicles + rejects).

The baseline is the median of each ratio over the last :data:`BASELINE_RUNS` usable earlier
runs: runs with counts (a killed run has none), not collapsed themselves (a collapse must not
become the normal a later run is compared with; a warned run is kept, so a site that drifts
slowly moves its own baseline), with at least :data:`MIN_CANDIDATES` pages that could begin an
article. A ratio is judged only when this run and the baseline have enough of what it divides
(the ``MIN_*`` constants): with few pages a single odd page would decide. Without any usable
earlier run (the first run) the run is ``ok``, and ``compared_runs`` is 0.

Why not Spidermon (Scrapy's monitoring framework, evaluated for issue 13): its stats history
(``STATS_CLASS = spidermon.contrib.stats.statscollectors.local_storage.
LocalStorageStatsHistoryCollector``, read by monitors as ``self.stats_history``) is a pickled
deque of Scrapy stats per *spider name* under the project's data dir (``.scrapy/stats/
listicle_stats_history``): every job and every ``--out`` crawled by the one listicle spider
would share one history, it sits beside crawl.json as a second record of the same runs (which
already holds each run's counts, and in a job each run folder's), and its place is found through
a ``scrapy.cfg``: under scrapyd, which runs the deployed egg from its own working folder with no
scrapy.cfg, Scrapy's ``data_path`` raises NotConfigured ("Unable to find scrapy.cfg file to
infer project data dir") and the collector fails at spider open (tried with the scrapyd of
tests/scrapyd_server.py and ``setting=STATS_CLASS=...``; a ``[datadir]`` section in a
system-wide scrapy.cfg would be the workaround).
Its monitors are unittest cases run at ``spider_closed`` whose results go to actions (e-mail,
Slack, Sentry, a report file), not into crawl.json or the process's exit code, which is where a
scheduler looks: using it would mean a custom action writing back into the summary, ordered
against the session's own ``spider_closed`` handler that writes crawl.json, plus a dependency
(spidermon with jsonschema and python-slugify) for what is a median and three comparisons here.
A Spidermon user can still monitor a run: the verdict is in crawl.json (``run.health``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any, Literal

Status = Literal["ok", "warn", "collapsed", "not_judged"]
OK: Status = "ok"
WARN: Status = "warn"
COLLAPSED: Status = "collapsed"
# A run stopped before its end (a signal, a time or size limit, a scrapyd cancel) fetched only
# part of the site: its ratios say nothing about the extraction, and it is no baseline either.
NOT_JUDGED: Status = "not_judged"
# The job's health history (archiver.job.health.record_run): one line per run, never pruned.
HISTORY_FILE = "runs.jsonl"
HISTORY_COUNTS = (
    "pages",
    "articles",
    "non_listicles",
    "items",
    "photos",
    "rejects",
    "responses",
    "declared_articles",
    "declared_items",
    "declared_found",
)

BASELINE_RUNS = 5  # earlier runs the baseline is the median of
MIN_CANDIDATES = 5  # pages that could begin an article, for the listicle share
MIN_ARTICLES = 3  # for items per article
MIN_ITEMS = 10  # for photos per item
MIN_FETCHES = 10  # responses (or errors, when more), for the error share

# Listicle share and items per article: at or below these fractions of the baseline.
COLLAPSE_FRACTION = 0.25
WARN_FRACTION = 0.6
# The baseline's listicle share must be at least this for a fall to mean anything (a crawl of a
# site with few listicles among its pages has no share to lose).
MIN_BASELINE_SHARE = 0.2
# Errors: collapsed at this share when it rose by at least ERROR_COLLAPSE_RISE (a site that
# blocks the crawler or is down); a warning from ERROR_WARN_SHARE when it at least doubled.
ERROR_COLLAPSE_SHARE = 0.5
ERROR_COLLAPSE_RISE = 0.4
ERROR_WARN_SHARE = 0.2
ERROR_WARN_RISE = 0.1
# Photos per item: a warning at or below this fraction of the baseline (lazy-loaded photos the
# extractor no longer sees, a CDN that refuses the crawler).
PHOTO_WARN_FRACTION = 0.5
MIN_BASELINE_PHOTOS = 0.2  # photos per item the earlier runs must have had
# Rejects: a warning at this share when it rose by at least REJECT_WARN_RISE.
REJECT_WARN_SHARE = 0.2
REJECT_WARN_RISE = 0.15


@dataclass(frozen=True)
class Health:
    """The verdict on one run. ``status``: ok, warn or collapsed (the worst finding);
    ``reasons``: one line per finding, naming the numbers; ``notes``: what was not judged and
    why; ``compared_runs``: how many earlier runs the baseline is the median of (0: none);
    ``baseline`` and ``this_run``: the ratios compared, by name (a missing one was not
    computable: nothing to divide by)."""

    status: Status
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    compared_runs: int = 0
    baseline: dict[str, float] = field(default_factory=dict)
    this_run: dict[str, float] = field(default_factory=dict)

    @property
    def line(self) -> str:
        """The findings in one line (empty when ok)."""
        return "; ".join(self.reasons)

    def as_json(self) -> dict[str, Any]:
        """The ``health`` object of crawl.json's run part."""
        return {
            "status": self.status,
            "line": self.line,
            "reasons": self.reasons,
            "notes": self.notes,
            "compared_runs": self.compared_runs,
            "baseline": self.baseline,
            "this_run": self.this_run,
        }


def _count(run: Mapping[str, Any], name: str) -> int:
    value = run.get(name)
    if isinstance(value, list):  # errors: a list in a run part, a count in a history entry
        return len(value)
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def _status_of(run: Mapping[str, Any]) -> str | None:
    health = run.get("health")
    if isinstance(health, Mapping):
        return str(health.get("status"))
    return str(health) if health else None


@dataclass(frozen=True)
class _Counts:
    articles: int
    candidates: int
    items: int
    photos: int
    errors: int
    fetches: int
    rejects: int
    declared_articles: int = 0
    declared_items: int = 0
    declared_found: int = 0

    @classmethod
    def of(cls, run: Mapping[str, Any]) -> _Counts:
        articles, errors = _count(run, "articles"), _count(run, "errors")
        candidates = articles + _count(run, "non_listicles")
        rejects = _count(run, "rejects")
        return cls(
            articles=articles,
            candidates=candidates,
            items=_count(run, "items"),
            photos=_count(run, "photos"),
            errors=errors,
            fetches=max(_count(run, "responses"), errors),
            rejects=rejects,
            declared_articles=_count(run, "declared_articles"),
            declared_items=_count(run, "declared_items"),
            declared_found=_count(run, "declared_found"),
        )

    def ratios(self) -> dict[str, float]:
        ratios: dict[str, float] = {}
        if self.candidates:
            ratios["listicle_share"] = self.articles / self.candidates
        if self.articles:
            ratios["items_per_article"] = self.items / self.articles
        if self.declared_items:
            ratios["declared_found_share"] = self.declared_found / self.declared_items
        if self.items:
            ratios["photos_per_item"] = self.photos / self.items
        if self.fetches:
            ratios["error_share"] = self.errors / self.fetches
        if self.candidates + self.rejects:
            ratios["reject_share"] = self.rejects / (self.candidates + self.rejects)
        return ratios


def _usable(run: Mapping[str, Any]) -> bool:
    """An earlier run the baseline may include: it has counts, did not collapse, and had
    enough pages that could begin an article."""
    if not isinstance(run.get("pages"), int) or run.get("errors") is None:
        return False  # a killed run's entry: nobody counted
    if _status_of(run) in (COLLAPSED, NOT_JUDGED):
        return False
    if run.get("finish_reason") not in (None, "finished"):
        return False  # stopped early: part of the site only
    return _Counts.of(run).candidates >= MIN_CANDIDATES


def _percent(value: float) -> str:
    return f"{value:.0%}"


def _median_of(runs: Sequence[Mapping[str, float]], name: str) -> float | None:
    values = [ratios[name] for ratios in runs if name in ratios]
    return median(values) if values else None


def assess(run: Mapping[str, Any], earlier: Sequence[Mapping[str, Any]]) -> Health:
    """The health of ``run`` (a crawl.json run part) against ``earlier`` runs of the same crawl
    (run parts or history entries, oldest first). Never raises on odd input: a missing or
    non-numeric count counts as 0."""
    counts = _Counts.of(run)
    current = counts.ratios()
    reason = run.get("finish_reason")
    if reason not in (None, "finished"):
        return Health(
            NOT_JUDGED,
            notes=[f"not judged: the run stopped before its end ({reason}): it fetched part of the site"],
            this_run=_rounded(current),
        )
    baseline_runs = [entry for entry in earlier if _usable(entry)][-BASELINE_RUNS:]
    if not baseline_runs:
        return Health(
            OK,
            notes=[
                "no earlier run to compare with (the first run, or none with "
                f"{MIN_CANDIDATES} or more pages that could begin a listicle)"
            ],
            this_run=_rounded(current),
        )
    base_counts = [_Counts.of(entry) for entry in baseline_runs]
    base_ratios = [entry.ratios() for entry in base_counts]
    baseline = {
        name: value
        for name in (
            "listicle_share",
            "declared_found_share",
            "items_per_article",
            "photos_per_item",
            "error_share",
            "reject_share",
        )
        if (value := _median_of(base_ratios, name)) is not None
    }
    of_runs = f"median of {_plural(len(baseline_runs), 'run')}"
    findings: list[tuple[Status, str]] = []
    notes: list[str] = []

    def judge(name: str, enough: bool, why_not: str, check: Callable[[float, float], None]) -> None:
        if name not in baseline or name not in current:
            return
        if not enough:
            notes.append(why_not)
            return
        check(baseline[name], current[name])

    def listicle_share(base: float, now: float) -> None:
        if base < MIN_BASELINE_SHARE:
            notes.append(f"listicle share not judged: the earlier runs found few ({_percent(base)})")
            return
        line = (
            f"listicles found fell from {_percent(base)} of the pages that could begin one "
            f"({of_runs}) to {_percent(now)} ({counts.articles} of {counts.candidates})"
        )
        if now <= base * COLLAPSE_FRACTION:
            findings.append((COLLAPSED, f"{line}: the site's template may have changed"))
        elif now <= base * WARN_FRACTION:
            findings.append((WARN, line))

    judge(
        "listicle_share",
        counts.candidates >= MIN_CANDIDATES,
        f"listicle share not judged: {_plural(counts.candidates, 'page')} could begin a listicle "
        f"(judged from {MIN_CANDIDATES})",
        listicle_share,
    )

    def declared_found_share(base: float, now: float) -> None:
        # The main extraction signal: of the items the titles promise ("7 things..."), how many
        # were found. A site that switches to shorter lists still finds all it declares.
        line = (
            f"items found per item the titles declare fell from {_percent(base)} ({of_runs}) to "
            f"{_percent(now)} ({counts.declared_found} of {counts.declared_items})"
        )
        if now <= base * COLLAPSE_FRACTION:
            findings.append((COLLAPSED, f"{line}: items are no longer found in the listicles"))
        elif now <= base * WARN_FRACTION:
            findings.append((WARN, line))

    declared_judged = counts.declared_articles >= MIN_ARTICLES
    judge(
        "declared_found_share",
        declared_judged,
        f"declared items not judged: {_plural(counts.declared_articles, 'article')} declare a count "
        f"(judged from {MIN_ARTICLES})",
        declared_found_share,
    )
    declared_healthy = (
        declared_judged
        and "declared_found_share" in current
        and current["declared_found_share"] > baseline.get("declared_found_share", 1.0) * WARN_FRACTION
    )

    def items_per_article(base: float, now: float) -> None:
        # A hint only, never a collapse: shorter lists are not a broken template. When the
        # declared counts are met, a fall is the site's own (a note); else a warning.
        if base <= 0 or now > base * WARN_FRACTION:
            return
        line = f"items per article fell from {base:.1f} ({of_runs}) to {now:.1f}"
        if declared_healthy:
            notes.append(f"{line}, but the titles' declared counts are met: shorter lists, not a fault")
        else:
            findings.append((WARN, line))

    judge(
        "items_per_article",
        counts.articles >= MIN_ARTICLES,
        f"items per article not judged: {_plural(counts.articles, 'article')} (judged from {MIN_ARTICLES})",
        items_per_article,
    )
    if counts.articles == 0 and "items_per_article" in baseline and any(s != OK for s, _ in findings):
        # No article at all: say what that cost (the share above already judged it).
        findings.append((OK, f"items per article {baseline['items_per_article']:.1f} -> 0.0"))

    def photos_per_item(base: float, now: float) -> None:
        # A site whose items have (almost) no photos has none to lose.
        if base >= MIN_BASELINE_PHOTOS and now <= base * PHOTO_WARN_FRACTION:
            findings.append(
                (
                    WARN,
                    f"photos per item fell from {base:.2f} ({of_runs}) to {now:.2f} ({counts.photos} "
                    f"of {counts.items} items)",
                )
            )

    judge(
        "photos_per_item",
        counts.items >= MIN_ITEMS,
        f"photos per item not judged: {_plural(counts.items, 'item')} (judged from {MIN_ITEMS})",
        photos_per_item,
    )

    def error_share(base: float, now: float) -> None:
        line = (
            f"errors rose from {_percent(base)} of fetches ({of_runs}) to {_percent(now)} "
            f"({counts.errors} of {counts.fetches})"
        )
        if now >= ERROR_COLLAPSE_SHARE and now - base >= ERROR_COLLAPSE_RISE:
            findings.append((COLLAPSED, f"{line}: the site may be down or refusing the crawler"))
        elif now >= ERROR_WARN_SHARE and now >= 2 * base + ERROR_WARN_RISE:
            findings.append((WARN, line))

    judge(
        "error_share",
        counts.fetches >= MIN_FETCHES,
        f"error share not judged: {_plural(counts.fetches, 'fetch', 'fetches')} (judged from {MIN_FETCHES})",
        error_share,
    )

    def reject_share(base: float, now: float) -> None:
        if now >= REJECT_WARN_SHARE and now - base >= REJECT_WARN_RISE:
            findings.append(
                (
                    WARN,
                    f"rejected pages rose from {_percent(base)} ({of_runs}) to {_percent(now)} "
                    f"({counts.rejects} rejected)",
                )
            )

    judge("reject_share", counts.candidates + counts.rejects >= MIN_CANDIDATES, "", reject_share)
    notes = [note for note in notes if note]
    ranks: dict[Status, int] = {OK: 0, WARN: 1, COLLAPSED: 2}
    worst = max((status for status, _ in findings), key=ranks.__getitem__, default=OK)
    # The worst findings first: the line a person reads starts with what decided the status.
    ordered = sorted(findings, key=lambda finding: -ranks[finding[0]])
    return Health(
        worst,
        reasons=[line for _, line in ordered] if worst != OK else [],
        notes=notes,
        compared_runs=len(baseline_runs),
        baseline=_rounded(baseline),
        this_run=_rounded(current),
    )


def _rounded(ratios: Mapping[str, float]) -> dict[str, float]:
    return {name: round(value, 4) for name, value in ratios.items()}


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {plural or noun + 's'}"


def record_run(job_root: Path, run_folder: str, run: Mapping[str, Any], health: Health) -> None:
    """Append the run's health-relevant counts to the job's history ``OUT/runs.jsonl`` (one
    JSON object a line: ``run`` (the run folder name), ``run_id``, ``finished_at``,
    ``finish_reason``, the :data:`HISTORY_COUNTS`, ``errors`` (a count) and ``health`` (its
    status)). Never pruned: keep_runs removes old run folders and their crawl.json, and the
    baseline a broken template is judged against must outlive them. A resumed run appends again;
    the latest line of a run folder counts. An unwritable history is logged, not raised: the
    run's own files are whole."""
    import json
    import logging

    from archiver.jsonl import cut_partial_last_line

    entry: dict[str, Any] = {
        "run": run_folder,
        "run_id": run.get("run_id"),
        "finished_at": run.get("finished_at"),
        "finish_reason": run.get("finish_reason"),
        **{name: _count(run, name) for name in HISTORY_COUNTS},
        "errors": _count(run, "errors"),
        "health": health.status,
    }
    try:
        path = job_root / HISTORY_FILE
        if path.exists():
            cut_partial_last_line(path)  # a line cut by a kill would swallow this one
        with path.open("a", encoding="utf-8") as history:
            history.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as error:
        logging.getLogger(__name__).error("the job's run history %s was not written: %s", HISTORY_FILE, error)


def _history(job_root: Path) -> dict[str, dict[str, Any]]:
    """The job's history by run folder (the latest line of each); unreadable lines skipped."""
    import json

    path = job_root / HISTORY_FILE
    found: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return found
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut by a full disk or a kill
        if isinstance(entry, dict) and isinstance(entry.get("run"), str):
            found[entry["run"]] = entry
    return found


def earlier_runs(out_dir: Path, job_root: Path | None = None) -> list[dict[str, Any]]:
    """The earlier runs to compare a run into ``out_dir`` with, oldest first.

    A job run (``job_root`` = the job folder OUT, ``out_dir`` = OUT/runs/<ts>): the job's
    history OUT/runs.jsonl (:func:`record_run`; it outlives keep_runs pruning), and for run
    folders it does not name (jobs older than it) their crawl.json run part; by run folder
    name (UTC timestamps sort as time), this run's folder left out. A plain crawl: the history
    entries of ``out_dir``'s crawl.json (``runs``), which the run about to be written is not
    among yet. An unreadable crawl.json counts as no run."""
    from archiver.crawl.summary import read_summary, this_run

    if job_root is not None:
        runs: dict[str, dict[str, Any]] = dict(_history(job_root))
        runs_dir = job_root / "runs"
        folders = sorted(path for path in runs_dir.iterdir() if path.is_dir()) if runs_dir.is_dir() else []
        for folder in folders:
            if folder.name in runs:
                continue
            summary = read_summary(folder)
            if summary is not None:
                runs[folder.name] = this_run(summary)
        runs.pop(out_dir.name, None)
        return [runs[name] for name in sorted(runs)]
    summary = read_summary(out_dir)
    if summary is None:
        return []
    history = summary.get("runs")
    if isinstance(history, list):
        return [entry for entry in history if isinstance(entry, dict)]
    return [this_run(summary)]  # a 1.x crawl.json: one run's fields
