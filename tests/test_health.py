"""archiver.job.health.assess on generated run histories: the first run, steady runs, a site that
shrinks, one that drifts, a template change (no listicle found, or listicles without items), an
error spike, runs too small to judge, killed and collapsed runs in the history; and the exit code
and report line a verdict gives."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from archiver.crawl.outcome import DONE, PARTIAL, STOPPED, UNHEALTHY, classify
from archiver.crawl.report import report_lines
from archiver.crawl.summary import build_summary, run_entry
from archiver.job.health import BASELINE_RUNS, MIN_CANDIDATES, assess, earlier_runs


def make_run(
    articles: int,
    non_listicles: int = 0,
    *,
    items_per_article: float = 24.0,
    photos_per_item: float = 1.0,
    errors: int = 0,
    rejects: int = 0,
    finish_reason: str = "finished",
    declared: float | None = None,
) -> dict[str, Any]:
    """A crawl.json run part with these counts (responses: every page and photo, and errors);
    ``declared``: the count each article's title declares (None: titles declare none)."""
    items = round(articles * items_per_article)
    photos = round(items * photos_per_item)
    pages = articles + non_listicles
    return {
        "finish_reason": finish_reason,
        "seeds": [],
        "seed_lists": ["https://example.org/sitemap.xml"],
        "pages": pages,
        "listicle_pages": articles,
        "articles": articles,
        "non_listicles": non_listicles,
        "items": items,
        "photos": photos,
        "image_responses": photos,
        "rejects": rejects,
        "responses": pages + photos + errors,
        "errors": [
            {"url": f"https://example.org/e{n}", "kind": "http", "error": "HTTP 500", "role": "image"}
            for n in range(errors)
        ],
        "declared_articles": articles if declared else 0,
        "declared_items": round(articles * declared) if declared else 0,
        "declared_found": min(items, round(articles * declared)) if declared else 0,
    }


def judged(history: list[dict[str, Any]], run: dict[str, Any]) -> dict[str, Any]:
    """``run`` with its health, as the session writes it."""
    return {**run, "health": assess(run, history).as_json()}


def steady_history(count: int = BASELINE_RUNS, seed: int = 1) -> list[dict[str, Any]]:
    """Runs of a healthy site: 45 to 55 pages, 1 to 3 of them not listicles, 20 to 28 items each."""
    rng = random.Random(seed)
    history: list[dict[str, Any]] = []
    for _ in range(count):
        run = make_run(rng.randint(44, 52), rng.randint(1, 3), items_per_article=rng.uniform(20, 28))
        history.append(judged(history, run))
    return history


def test_the_first_run_is_ok_and_says_it_compared_with_nothing() -> None:
    health = assess(make_run(48, 2), [])
    assert health.status == "ok"
    assert health.compared_runs == 0
    assert health.reasons == []
    assert "no earlier run to compare with" in health.notes[0]
    assert health.this_run["listicle_share"] == 0.96


@pytest.mark.parametrize("seed", range(5))
def test_steady_runs_are_ok(seed: int) -> None:
    history = steady_history(12, seed)
    assert [run["health"]["status"] for run in history] == ["ok"] * 12
    assert history[-1]["health"]["compared_runs"] == BASELINE_RUNS


def test_a_site_that_shrinks_is_not_taken_for_a_collapse() -> None:
    """Fewer articles a run (a site that publishes less, a daily crawl that finds fewer new
    ones): the ratios stay, the run is ok."""
    history: list[dict[str, Any]] = []
    for articles in (60, 50, 40, 30, 20, 12, 8, 6, 5):
        history.append(judged(history, make_run(articles, max(1, articles // 20))))
    assert {run["health"]["status"] for run in history} == {"ok"}


def test_a_slow_drift_moves_its_own_baseline_and_never_collapses() -> None:
    """The listicle share falling by 8 points a run: warned at worst, never collapsed (warned
    runs stay in the baseline)."""
    history: list[dict[str, Any]] = []
    for share in range(96, 20, -8):
        history.append(judged(history, make_run(share, 100 - share)))
    statuses = [run["health"]["status"] for run in history]
    assert "collapsed" not in statuses


def test_a_template_change_collapses_with_the_numbers_named() -> None:
    history = [judged([], make_run(48, 2)) for _ in range(5)]
    health = assess(make_run(0, 51), history)
    assert health.status == "collapsed"
    assert health.compared_runs == 5
    assert health.line.startswith(
        "listicles found fell from 96% of the pages that could begin one (median of 5 runs) to 0% "
        "(0 of 51): the site's template may have changed"
    )
    assert "items per article 24.0 -> 0.0" in health.line
    assert health.baseline["listicle_share"] == 0.96 and health.this_run["listicle_share"] == 0.0


def test_listicles_without_items_collapse() -> None:
    """The articles are still found, but the items are not: 24 declared, 2 found."""
    history = [make_run(50, declared=24) for _ in range(BASELINE_RUNS)]
    health = assess(make_run(47, 3, items_per_article=2, declared=24), history)
    assert health.status == "collapsed"
    assert health.reasons[0].startswith("items found per item the titles declare fell from 100% ")
    assert health.reasons[0].endswith("to 8% (94 of 1128): items are no longer found in the listicles")


def test_fewer_items_per_article_without_declared_counts_is_only_a_warning() -> None:
    health = assess(make_run(47, 3, items_per_article=2), steady_history())
    assert health.status == "warn"
    [line] = health.reasons
    assert line.startswith("items per article fell from ") and line.endswith(" (median of 5 runs) to 2.0")


def test_a_site_that_switches_to_shorter_lists_is_not_a_collapse() -> None:
    """Titles declare 3 and 3 are found: the lists are shorter, the extraction is whole."""
    history = [make_run(50, declared=24) for _ in range(BASELINE_RUNS)]
    health = assess(make_run(50, items_per_article=3, declared=3), history)
    assert health.status == "ok", health.line
    assert any("declared counts are met: shorter lists, not a fault" in note for note in health.notes)


@pytest.mark.parametrize("reason", ["shutdown", "closespider_timeout", "size_limit", "cancelled"])
def test_a_run_stopped_early_is_not_judged_nor_a_baseline(reason: str) -> None:
    broken = make_run(0, 50, finish_reason=reason)
    health = assess(broken, steady_history())
    assert health.status == "not_judged"
    assert health.notes == [
        f"not judged: the run stopped before its end ({reason}): it fetched part of the site"
    ]
    # Nor is it the baseline a later run is compared with: one run of the history is left out.
    stopped = {**broken, "health": health.as_json()}
    assert assess(make_run(50), [*steady_history(), stopped]).compared_runs == BASELINE_RUNS
    assert assess(make_run(50), [stopped]).compared_runs == 0


def test_a_run_not_judged_has_no_health_line_in_the_report(tmp_path: Path) -> None:
    run = judged(steady_history(), make_run(0, 50, finish_reason="shutdown"))
    assert run["health"]["status"] == "not_judged"
    lines = report_lines(build_summary(run, tmp_path, "crawl", None), tmp_path)
    assert not [line for line in lines if "run health" in line]


def test_the_job_history_outlives_pruned_run_folders(tmp_path: Path) -> None:
    """keep_runs removes the healthy runs' crawl.json: the job's runs.jsonl still holds their
    counts, and a second broken run is still compared with them."""
    from archiver.job.health import HISTORY_FILE, record_run

    job = tmp_path / "job"
    for number, run in enumerate([*steady_history(), make_run(0, 50)]):
        folder = job / "runs" / f"2026112{number}T060000Z"
        folder.mkdir(parents=True)
        record_run(job, folder.name, run, assess(run, earlier_runs(folder, job)))
    for folder in sorted((job / "runs").iterdir())[:-1]:  # pruned: nothing of them is left
        folder.rmdir()
    this = job / "runs" / "20261130T060000Z"
    this.mkdir()
    earlier = earlier_runs(this, job)
    assert [entry["health"] for entry in earlier] == ["ok"] * BASELINE_RUNS + ["collapsed"]
    assert assess(make_run(0, 50), earlier).status == "collapsed"
    assert len((job / HISTORY_FILE).read_text().splitlines()) == BASELINE_RUNS + 1


def test_half_the_listicles_lost_is_a_warning() -> None:
    health = assess(make_run(24, 26), steady_history())
    assert health.status == "warn"
    assert "to 48% (24 of 50)" in health.line


def test_an_error_spike_collapses_and_a_rise_warns() -> None:
    history = steady_history()
    spike = assess(make_run(10, 0, errors=900), history)
    assert spike.status == "collapsed"
    assert "errors rose from 0% of fetches (median of 5 runs) to" in spike.line
    assert spike.line.endswith("the site may be down or refusing the crawler")
    rise = assess(make_run(48, 2, errors=400), history)
    assert rise.status == "warn"
    assert rise.reasons[0].startswith("errors rose from 0% of fetches")


def test_a_photo_drop_warns() -> None:
    health = assess(make_run(48, 2, photos_per_item=0.2), steady_history())
    assert health.status == "warn"
    assert health.reasons[0].startswith("photos per item fell from 1.00 (median of 5 runs) to 0.20")


def test_a_site_without_photos_has_none_to_lose() -> None:
    history = [judged([], make_run(40, 2, photos_per_item=0.0)) for _ in range(3)]
    assert assess(make_run(40, 2, photos_per_item=0.0), history).status == "ok"
    assert assess(make_run(40, 2, photos_per_item=0.05), history).status == "ok"


def test_a_reject_rise_warns() -> None:
    health = assess(make_run(40, 2, rejects=20), steady_history())
    assert health.status == "warn"
    assert "rejected pages rose from 0%" in health.line


def test_a_run_with_few_pages_is_not_judged_on_its_share() -> None:
    """3 non-listicle pages against a site of listicles: too few to say (one odd page would
    decide); a note says so. From MIN_CANDIDATES pages it is judged."""
    history = steady_history()
    few = assess(make_run(0, MIN_CANDIDATES - 1), history)
    assert few.status == "ok"
    assert any(note.startswith("listicle share not judged: 4 pages") for note in few.notes)
    assert assess(make_run(0, MIN_CANDIDATES), history).status == "collapsed"


def test_small_earlier_runs_make_no_baseline() -> None:
    history = [judged([], make_run(2, 1)) for _ in range(4)]
    health = assess(make_run(0, 30), history)
    assert health.status == "ok" and health.compared_runs == 0


def test_one_earlier_run_is_a_baseline() -> None:
    health = assess(make_run(0, 30), [judged([], make_run(30, 1))])
    assert health.status == "collapsed"
    assert "(median of 1 run)" in health.line


def test_collapsed_and_killed_runs_stay_out_of_the_baseline() -> None:
    """After two collapsed runs the third is still compared with the healthy ones (a collapse
    does not become the normal), and a killed run's entry (no counts) is skipped."""
    history = steady_history(3)
    for _ in range(2):
        history.append(judged(history, make_run(0, 50)))
    history.append({"run_id": "k", "finish_reason": "killed", "outcome": "unknown", "errors": None})
    assert [run["health"]["status"] for run in history[3:5]] == ["collapsed", "collapsed"]
    health = assess(make_run(0, 50), history)
    assert health.status == "collapsed" and health.compared_runs == 3


def test_history_entries_give_the_verdict_of_the_run_parts() -> None:
    """A plain crawl compares with crawl.json's short run entries, a job with the run folders'
    run parts: the same runs give the same verdict."""
    history = steady_history(7, seed=3)
    entries = [run_entry(run) for run in history]
    for run in (make_run(0, 51), make_run(24, 26), make_run(47, 3, items_per_article=2), make_run(48, 2)):
        assert assess(run, entries) == assess(run, history)


def test_odd_counts_do_not_break_the_assessment() -> None:
    health = assess({"finish_reason": "finished", "pages": "x", "errors": None}, [{"pages": 3}, {}])
    assert health.status == "ok"


def test_a_collapsed_run_exits_4_before_partial_and_after_stopped() -> None:
    history = steady_history()
    collapsed = judged(history, make_run(0, 51, errors=2))
    outcome = classify(collapsed)
    assert outcome.exit_code == UNHEALTHY == 4
    assert outcome.kind == "unhealthy"
    assert outcome.line.startswith("run unhealthy: extraction collapsed: listicles found fell from 96%")
    assert classify({**collapsed, "finish_reason": "shutdown"}).exit_code == STOPPED
    warned = judged(history, make_run(24, 26))
    assert classify(warned).exit_code == DONE
    assert classify(judged(history, make_run(24, 26, errors=1))).exit_code == PARTIAL


def test_the_report_has_one_health_line_when_not_ok(tmp_path: Path) -> None:
    history = steady_history()
    for run, expected in ((make_run(0, 51), "collapsed"), (make_run(24, 26), "warn")):
        lines = report_lines(build_summary(judged(history, run), tmp_path, "crawl", None), tmp_path)
        health_lines = [line for line in lines if "run health" in line]
        assert len(health_lines) == 1
        assert health_lines[0].startswith(f"warning: run health: {expected}: listicles found fell from")
    lines = report_lines(build_summary(judged(history, make_run(48, 2)), tmp_path, "crawl", None), tmp_path)
    assert not [line for line in lines if "run health" in line]


def test_history_entries_keep_the_health_status(tmp_path: Path) -> None:
    run = judged(steady_history(), make_run(0, 51))
    summary = build_summary(run, tmp_path, "crawl", None)
    assert summary["runs"][-1]["health"] == "collapsed"
    assert summary["run"]["health"]["status"] == "collapsed"


def test_earlier_runs_of_a_job_are_its_other_run_folders(tmp_path: Path) -> None:
    """A job run compares with the run parts of OUT/runs/*/crawl.json, oldest first, not its own
    folder; a plain crawl with its folder's history."""
    job = tmp_path / "job"
    stamps = ["20261201T010000Z", "20261130T010000Z", "20261202T010000Z"]
    for number, stamp in enumerate(stamps):
        folder = job / "runs" / stamp
        folder.mkdir(parents=True)
        summary = build_summary({**make_run(10 + number), "run_id": stamp}, folder, "j", None)
        (folder / "crawl.json").write_text(json.dumps(summary), encoding="utf-8")
    (job / "runs" / "20261203T010000Z").mkdir()  # this run's folder, no crawl.json yet
    runs = earlier_runs(job / "runs" / "20261202T010000Z", job)
    assert [run["run_id"] for run in runs] == ["20261130T010000Z", "20261201T010000Z"]
    plain = tmp_path / "plain"
    plain.mkdir()
    assert earlier_runs(plain) == []
    first = build_summary({**make_run(10), "run_id": "a"}, plain, "crawl", None)
    second = build_summary({**make_run(12), "run_id": "b"}, plain, "crawl", first)
    (plain / "crawl.json").write_text(json.dumps(second), encoding="utf-8")
    assert [run["run_id"] for run in earlier_runs(plain)] == ["a", "b"]
