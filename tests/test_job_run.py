"""``archiver job run`` end to end: real subprocesses against a loopback site (tests/job_site.py):
run folders, current state, changes.jsonl, the job's lock, a killed run resumed, keep_runs, the
job's WACZ."""

from __future__ import annotations

import json
import signal
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from warcio.archiveiterator import ArchiveIterator

from archiver.job.changes import item_fields
from tests.crawl_command import BIN
from tests.job_site import EDITED_ARTICLE, NEW_ARTICLE, NEW_CAPTION, JobSite, serve_job_site
from tests.listicle_site import crawl_listicle_site


def write_job(folder: Path, site: JobSite, **extra: Any) -> Path:
    lines = [
        'name = "daily"',
        f'sitemaps = ["{site.base}/sitemap.xml.gz"]',
        "depth = 0",
        "allow_private = true",
        'out = "job"',
        'contact = "mailto:archivist@example.org"',
    ]
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    lines += ["[settings]", "AUTOTHROTTLE_ENABLED = false", "RETRY_ENABLED = false"]
    path = folder / "daily.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def job_command(job_file: Path) -> list[str]:
    return [str(BIN / "archiver"), "job", "run", str(job_file)]


def run_job(job_file: Path, expect: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(job_command(job_file), capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == expect, f"exit {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def runs_of(job_dir: Path) -> list[Path]:
    return sorted((job_dir / "runs").iterdir())


def content(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """What the articles say (not where or when they were captured)."""
    return {
        article["url"]: (article["title"], [item_fields(item) for item in article["items"]])
        for article in articles
    }


def listing(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


@dataclass(frozen=True)
class ThreeEditions:
    """A job run over editions 1, 2 and 3 of the job site, and a fresh crawl of edition 2."""

    base: str
    job_dir: Path
    first_state: dict[str, dict[str, Any]]  # the job's articles.jsonl after run 1, by URL
    second_state: list[dict[str, Any]]  # the job's articles.jsonl after run 2
    second_result: subprocess.CompletedProcess[str]  # run 2
    fresh: Path  # `archiver crawl` of edition 2 into a new folder


@pytest.fixture(scope="module")
def three_editions(tmp_path_factory: pytest.TempPathFactory) -> ThreeEditions:
    """Read by the tests below (they write nothing into it): the runs are done once per module."""
    tmp_path = tmp_path_factory.mktemp("editions")
    with serve_job_site(edition=1) as site:
        job_file = write_job(tmp_path, site, keep_runs=5)
        job_dir = tmp_path / "job"
        run_job(job_file)
        first_state = {line["url"]: line for line in read_lines(job_dir / "articles.jsonl")}
        site.edition(2)
        result = run_job(job_file)
        second_state = read_lines(job_dir / "articles.jsonl")
        fresh = tmp_path / "fresh"
        crawl_listicle_site(site.base, fresh, "--no-wacz")
        # A third edition: one article taken down (404) and out of the sitemap.
        site.files.pop("/a/00002-things/")  # the sitemap still lists it
        run_job(job_file)  # a known article gone is a change, not a failure: exit 0
    return ThreeEditions(site.base, job_dir, first_state, second_state, result, fresh)


def test_two_runs_give_the_current_state_and_exactly_the_changes(three_editions: ThreeEditions) -> None:
    base, job_dir, first_state = three_editions.base, three_editions.job_dir, three_editions.first_state
    result, fresh = three_editions.second_result, three_editions.fresh
    run1, run2, run3 = runs_of(job_dir)
    assert [line["change"] for line in read_lines(run1 / "changes.jsonl")] == ["new"] * 5
    changes = {line["url"].removeprefix(base): line for line in read_lines(run2 / "changes.jsonl")}
    assert set(changes) == {EDITED_ARTICLE, NEW_ARTICLE}
    assert changes[NEW_ARTICLE]["change"] == "new"
    edited = changes[EDITED_ARTICLE]
    old_item = first_state[base + EDITED_ARTICLE]["items"][3]
    assert (
        edited["change"] == "changed" and edited["previous_run"] == run1.name and edited["run"] == run2.name
    )
    assert edited["article"] == {}
    assert edited["items"]["added"] == edited["items"]["removed"] == edited["items"]["moved"] == []
    [item] = edited["items"]["changed"]
    assert item["number"] == 4 and item["heading"] == old_item["heading"]
    assert list(item["fields"]) == ["caption"]
    assert item["fields"]["caption"]["old"] == old_item["caption"]
    assert item["fields"]["caption"]["new"].startswith(NEW_CAPTION)
    run2_summary = json.loads((run2 / "crawl.json").read_text())["run"]
    assert {name: run2_summary[name] for name in ("new", "changed", "unchanged", "gone")} == {
        "new": 1,
        "changed": 1,
        "unchanged": 4,
        "gone": 0,
    }
    assert "edited" not in result.stderr
    assert "1 new, 1 changed, 4 unchanged, 0 gone" in result.stdout
    # Run 3: the taken-down article is gone (kept in the state, marked), the others stay.
    [gone] = read_lines(run3 / "changes.jsonl")
    assert (gone["change"], gone["url"], gone["reason"]) == (
        "gone",
        f"{base}/a/00002-things/",
        "HTTP 404",
    )
    state = read_lines(job_dir / "articles.jsonl")
    assert content(state) == content(read_lines(fresh / "articles.jsonl"))
    [marked] = [line for line in state if line.get("gone")]
    assert marked["url"] == gone["url"] and marked["gone"] == {"since_run": run3.name, "reason": "HTTP 404"}
    assert {line["run"] for line in state if not line.get("gone")} == {run3.name}
    assert marked["run"] == run2.name
    # No per-run WACZ; the job's WACZ holds every kept run's WARCs.
    assert not list(run2.glob("*.wacz"))
    with zipfile.ZipFile(job_dir / "daily.wacz") as wacz:
        members = [name for name in wacz.namelist() if name.startswith("archive/")]
        records, refers = set(), set()
        for member in members:  # every revisit (of an earlier run too) resolves inside the WACZ
            with wacz.open(member) as stream:
                for record in ArchiveIterator(stream):
                    records.add(record.rec_headers.get_header("WARC-Record-ID"))
                    if record.rec_type == "revisit":
                        refers.add(record.rec_headers.get_header("WARC-Refers-To"))
    assert refers <= records
    archived = {name.removeprefix("archive/") for name in members}
    assert archived == {path.name for run in (run1, run2, run3) for path in (run / "warc").glob("*.warc.gz")}


def test_state_after_two_runs_equals_a_fresh_crawl_of_edition_two(three_editions: ThreeEditions) -> None:
    state = three_editions.second_state
    assert len(state) == 6
    assert content(state) == content(read_lines(three_editions.fresh / "articles.jsonl"))


def test_a_second_run_while_one_runs_exits_75_and_writes_nothing(tmp_path: Path) -> None:
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site)
        site.hold_prefix = "/a/"
        first = subprocess.Popen(
            job_command(job_file), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            assert site.seen.wait(120), "the first run never asked for an article page"
            before = listing(tmp_path)
            # Returns while the first run is still held: it did not wait for the lock.
            second = subprocess.run(
                job_command(job_file), capture_output=True, text=True, timeout=60, check=False
            )
            after = listing(tmp_path)
            assert first.poll() is None
        finally:
            site.release.set()
            _, err = first.communicate(timeout=300)
    assert second.returncode == 75, second.stderr
    assert second.stdout == ""
    [line] = second.stderr.splitlines()
    assert line.startswith("archiver: error: another run of this job (pid ") and f"pid {first.pid}," in line
    assert after == before
    assert first.returncode == 0, err
    assert len(read_lines(tmp_path / "job" / "articles.jsonl")) == 5


def test_a_killed_run_resumes_into_its_folder(tmp_path: Path) -> None:
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site)
        site.hold_prefix = "/a/00003-things/"
        first = subprocess.Popen(job_command(job_file), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert site.seen.wait(120), "the run never asked for the held page"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=60)
        [killed_run] = runs_of(tmp_path / "job")
        assert not (tmp_path / "job" / "articles.jsonl").exists()
        site.release.set()
        site.hold_prefix = None
        result = run_job(job_file)
        crawl_listicle_site(site.base, tmp_path / "fresh", "--no-wacz")
    assert "was killed" in result.stderr
    assert runs_of(tmp_path / "job") == [killed_run]
    assert not (killed_run / ".job-run-unfinished").exists()
    state = read_lines(tmp_path / "job" / "articles.jsonl")
    assert content(state) == content(read_lines(tmp_path / "fresh" / "articles.jsonl"))
    assert sorted(line["change"] for line in read_lines(killed_run / "changes.jsonl")) == ["new"] * 5


def test_keep_runs_prunes_old_runs_but_keeps_the_warcs_the_state_cites(tmp_path: Path) -> None:
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site, keep_runs=1)
        job_dir = tmp_path / "job"
        run_job(job_file)
        [run1] = runs_of(job_dir)
        run1_warcs = sorted(path.name for path in (run1 / "warc").glob("*.warc.gz"))
        site.statuses["/a/00002-things/"] = 500  # not fetched this time: the state keeps run 1's
        listicle = site.files["/a/00000-things/"]
        site.files["/a/00000-things/"] = b"<html><body><h1>Things</h1><p>A broken template.</p></body></html>"
        run_job(job_file, expect=2)
        site.files["/a/00000-things/"] = listicle
        run1_left, run2 = runs_of(job_dir)
        # The page without a list any more is said so, and its last version stays in the state.
        [broken] = read_lines(run2 / "changes.jsonl")
        assert (broken["change"], broken["url"]) == ("not_listicle", f"{site.base}/a/00000-things/")
        kept = {line["url"]: line for line in read_lines(job_dir / "articles.jsonl")}
        assert kept[broken["url"]]["run"] == run1.name and kept[broken["url"]]["items"]
        assert run1_left == run1
        assert sorted(str(path.relative_to(run1)) for path in run1.rglob("*")) == [
            "warc",
            *(f"warc/{name}" for name in run1_warcs),
        ]
        summary = json.loads((run2 / "crawl.json").read_text())["run"]
        assert summary["not_listicle"] == 1 and summary["not_fetched"] == 1
        assert summary["not_fetched_urls"] == [{"url": f"{site.base}/a/00002-things/", "reason": "HTTP 500"}]
        assert summary["pruned_runs"] == [{"run": run1.name, "kept_warc_files": run1_warcs, "removed": False}]
        state = {line["url"]: line["run"] for line in read_lines(job_dir / "articles.jsonl")}
        assert state[f"{site.base}/a/00002-things/"] == run1.name
        with zipfile.ZipFile(job_dir / "daily.wacz") as wacz:
            assert {f"archive/{name}" for name in run1_warcs} <= set(wacz.namelist())
        del site.statuses["/a/00002-things/"]
        run_job(job_file)
        *old, run3 = runs_of(job_dir)
    assert run3.name > run2.name
    assert {line["run"] for line in read_lines(job_dir / "articles.jsonl")} == {run3.name}
    # What is left of the old runs is WARC files that a revisit refers to, and every revisit
    # finds its original on disk (none at all when the runs made no cross-run revisits).
    records, refers = set(), set()
    for path in job_dir.glob("runs/*/warc/*.warc.gz"):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records.add(record.rec_headers.get_header("WARC-Record-ID"))
                if record.rec_type == "revisit":
                    refers.add(record.rec_headers.get_header("WARC-Refers-To"))
    assert refers <= records
    for folder in old:
        assert {path.name for path in folder.iterdir()} == {"warc"}
        for path in (folder / "warc").iterdir():
            with path.open("rb") as stream:
                ids = {record.rec_headers.get_header("WARC-Record-ID") for record in ArchiveIterator(stream)}
            assert ids & refers, f"{path} is kept but nothing refers to it"


def test_scrapy_crawl_with_job_file_gives_the_same_outputs(tmp_path: Path) -> None:
    """What scrapyd runs: ``scrapy crawl listicle -a job_file=PATH`` (the spider does the job's
    part itself), then ``archiver job run`` of the same job continues from its state."""
    project = Path(__file__).resolve().parent.parent
    with serve_job_site() as site:
        job_file = write_job(tmp_path, site)
        scrapy = subprocess.run(
            [
                str(BIN / "scrapy"),
                "crawl",
                "listicle",
                "-a",
                f"job_file={job_file}",
                "-s",
                "ARCHIVER_ALLOW_PRIVATE=True",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            cwd=project,
        )
        assert scrapy.returncode == 0, scrapy.stderr
        site.edition(2)
        run_job(job_file)
        crawl_listicle_site(site.base, tmp_path / "fresh", "--no-wacz")
    job_dir = tmp_path / "job"
    run1, run2 = runs_of(job_dir)
    assert [line["change"] for line in read_lines(run1 / "changes.jsonl")] == ["new"] * 5
    assert sorted(line["change"] for line in read_lines(run2 / "changes.jsonl")) == ["changed", "new"]
    assert content(read_lines(job_dir / "articles.jsonl")) == content(
        read_lines(tmp_path / "fresh" / "articles.jsonl")
    )
    assert (job_dir / "daily.wacz").is_file() and not list(run1.glob("*.wacz"))


def test_gone_redirected_dropped_rebytes_still_gone_and_returned_across_runs(tmp_path: Path) -> None:
    """Findings 2, 6, 7, 8, 14 end to end: run 2 sees one article 404, one redirecting elsewhere,
    one dropped from the sitemap (still answering), one photo with new bytes at its URL; run 3
    (nothing changed) reports nothing and is not partial though a gone URL still 404s while
    listed; run 4 brings the 404 one back: ``returned`` against its run-1 version."""
    from tests.job_site import _sitemap
    from tests.listicle_site import photo_jpeg

    with serve_job_site(edition=1) as site:
        job_file = write_job(tmp_path, site)
        job_dir = tmp_path / "job"
        run_job(job_file)
        paths = [f"/a/0000{n}-things/" for n in range(5)]
        taken_down = site.files.pop(paths[2])  # the sitemap still lists it
        site.redirects[paths[3]] = paths[0]
        site.files["/sitemap.xml.gz"] = _sitemap(site.base, [p for p in paths if p != paths[4]])
        page = site.files[paths[1]].decode()
        photo = page.split('<img src="', 1)[1].split('"', 1)[0]
        photo_path = photo.removeprefix(site.base)  # the page may name it relative or absolute
        site.files[photo_path] = photo_jpeg(photo_path + "?second-version")
        run_job(job_file)
        third = run_job(job_file)
        site.files[paths[2]] = taken_down
        run_job(job_file)
    run1, run2, run3, run4 = runs_of(job_dir)
    changes = {line["url"].removeprefix(site.base): line for line in read_lines(run2 / "changes.jsonl")}
    assert set(changes) == {paths[1], paths[2], paths[3], paths[4]}
    assert (changes[paths[2]]["change"], changes[paths[2]]["reason"]) == ("gone", "HTTP 404")
    assert changes[paths[3]]["change"] == "gone"
    assert changes[paths[3]]["reason"] == f"redirects to {site.base}{paths[0]}"
    assert changes[paths[4]]["change"] == "gone" and "no longer listed" in changes[paths[4]]["reason"]
    rebytes = changes[paths[1]]
    assert rebytes["change"] == "changed"
    [item] = rebytes["items"]["changed"]
    assert list(item["fields"]) == ["photo_bytes"]
    assert list(item["fields"]["photo_bytes"]["new"]) == [site.base + photo_path]
    summary2 = json.loads((run2 / "crawl.json").read_text())["run"]
    assert {name: summary2[name] for name in ("new", "changed", "gone", "returned", "not_fetched")} == {
        "new": 0,
        "changed": 1,
        "gone": 3,
        "returned": 0,
        "not_fetched": 0,
    }
    # Run 3: nothing new to say, and a known-gone URL's 404 is no failure (exit 0 above).
    assert read_lines(run3 / "changes.jsonl") == []
    summary3 = json.loads((run3 / "crawl.json").read_text())["run"]
    assert summary3["still_gone"] == 3 and summary3["outcome"] != "partial"
    assert "3 still gone" in third.stdout
    # Run 4: the 404 one is back, with its history.
    [back] = read_lines(run4 / "changes.jsonl")
    assert (back["change"], back["url"], back["previous_run"]) == (
        "returned",
        site.base + paths[2],
        run1.name,
    )
    state = {line["url"].removeprefix(site.base): line for line in read_lines(job_dir / "articles.jsonl")}
    assert set(state) == set(paths)
    assert {path for path, line in state.items() if line.get("gone")} == {paths[3], paths[4]}
    assert state[paths[3]]["gone"] == {"since_run": run2.name, "reason": changes[paths[3]]["reason"]}
    # The job's history keeps every run's lines (pruning never touches it).
    history = read_lines(job_dir / "changes.jsonl")
    assert history == [line for run in (run1, run2, run3, run4) for line in read_lines(run / "changes.jsonl")]
    # `archiver schema state|changes` describe those lines.
    for name, lines in (("state", list(state.values())), ("changes", history)):
        printed = subprocess.run(
            [str(BIN / "archiver"), "schema", name], capture_output=True, text=True, check=True, timeout=60
        )
        validator = Draft202012Validator(json.loads(printed.stdout))
        for line in lines:
            validator.validate(line)
