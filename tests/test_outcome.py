"""The pure pieces of the crawl command's verdicts: exit codes from a run summary, settings,
seeds and limits as the command line gives them."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.settings import Settings

from archiver.crawl.limits import parse_duration, parse_size
from archiver.crawl.outcome import classify
from archiver.crawl.seed_check import SeedError, check_seed
from archiver.crawl.settings_check import (
    SettingError,
    check_cmdline_settings,
    check_settings,
    known_settings,
)

SEED = "https://site.example/25-things/"


def run(*errors: dict[str, Any], reason: str = "finished", rejects: int = 0, **extra: Any) -> dict[str, Any]:
    return {"finish_reason": reason, "seeds": [SEED], "errors": list(errors), "rejects": rejects, **extra}


def error(role: str, reason: str, kind: str = "http", url: str = "https://site.example/x/") -> dict[str, Any]:
    return {"url": url, "kind": kind, "role": role, "error": reason}


def test_dead_recommended_links_leave_a_run_done() -> None:
    outcome = classify(run(error("recommended", "HTTP 404"), error("recommended", "HTTP 410")))
    assert (outcome.exit_code, outcome.kind, outcome.line) == (0, "done", "")


@pytest.mark.parametrize(
    "failure",
    [
        error("recommended", "HTTP 500"),
        error("article-page", "HTTP 404"),
        error("image", "DownloadTimeoutError: took too long", kind="image"),
        error("seed", "HTTP 404", url=SEED),
        error("output", "while closing: No space left", kind="output"),
    ],
)
def test_failed_pages_photos_or_outputs_make_a_run_partial(failure: dict[str, Any]) -> None:
    outcome = classify(run(failure))
    assert (outcome.exit_code, outcome.kind) == (2, "partial")
    assert outcome.line.startswith("partial crawl: 1 ")


def test_the_partial_line_says_what_failed_to_fetch_and_what_was_not_written() -> None:
    outcome = classify(
        run(
            error("image", "HTTP 500", kind="image"),
            error("output", "WACZ not written: cannot write", kind="output"),
            error("output", "crawl.json: No space left", kind="output"),
            error("warc", "No space left", kind="warc"),
            error("other-step", "boom", kind="other"),
            rejects=1,
        )
    )
    assert outcome.line.startswith(
        "partial crawl: 1 photo, 1 error (other-step) failed and 2 output files, 1 WARC record not "
        "written and 1 page rejected; "
    )


def test_rejected_pages_make_a_run_partial() -> None:
    assert "2 pages rejected" in classify(run(rejects=2)).line


def test_no_seed_answering_is_nothing_fetched_but_one_answer_is_not() -> None:
    refused = error("seed", "ConnectionRefusedError: refused", kind="page", url=SEED)
    assert classify(run(refused)).exit_code == 69
    sitemap = "https://site.example/sitemap.xml"
    both = run(refused, seed_lists=[sitemap])
    assert classify(both).exit_code == 2  # the sitemap answered
    both["errors"].append(error("seed-list", "DNSLookupError: no such host", kind="seed-list", url=sitemap))
    assert classify(both).exit_code == 69


def test_a_seed_whose_answer_could_not_be_used_was_fetched() -> None:
    undecodable = error("seed", "IgnoreRequest: undecodable body", kind="page", url=SEED)
    assert classify(run({**undecodable, "answered": True})).exit_code == 2
    assert classify(run({**undecodable, "answered": False})).exit_code == 69


@pytest.mark.parametrize(
    "reason", ["shutdown", "closespider_timeout", "size_limit", "disk_full", "cancelled"]
)
def test_every_early_stop_is_3_with_the_resume_hint(reason: str) -> None:
    outcome = classify(run(error("seed", "HTTP 500", url=SEED), reason=reason, job_dir="state"))
    assert (outcome.exit_code, outcome.kind) == (3, "stopped")
    assert "run the same command again to continue (the job state in state is kept)" in outcome.line


def test_settings_are_converted_to_their_defaults_types() -> None:
    checked = check_settings(
        {
            "CONCURRENT_REQUESTS": "8",
            "DOWNLOAD_DELAY": "0.5",
            "ROBOTSTXT_OBEY": "off",
            "RETRY_HTTP_CODES": "500,503",
            "ARCHIVER_ALLOWED_DOMAINS": '["a.example", "b.example"]',
            "DEPTH_PRIORITY": "-1",
            "LOG_LEVEL": "info",
            "JOBDIR": "state",
        },
        known_settings(),
    )
    assert checked.values == {
        "CONCURRENT_REQUESTS": 8,
        "DOWNLOAD_DELAY": 0.5,
        "ROBOTSTXT_OBEY": False,
        "RETRY_HTTP_CODES": [500, 503],  # ints, as Scrapy compares them with response.status
        "ARCHIVER_ALLOWED_DOMAINS": ["a.example", "b.example"],
        "DEPTH_PRIORITY": -1,
        "LOG_LEVEL": "INFO",
        "JOBDIR": "state",
    }
    assert checked.warnings == []


@pytest.mark.parametrize(
    "given",
    [
        {"CONCURRENT_REQUESTS": "0"},
        {"CONCURRENT_REQUESTS": "many"},
        {"DOWNLOAD_DELAY": "-1"},
        {"ITEM_PIPELINES": "pipelines.Mine"},
        {"AUTOTHROTTLE_ENABLED": "sometimes"},
    ],
)
def test_bad_values_are_refused(given: dict[str, str]) -> None:
    with pytest.raises(SettingError, match=next(iter(given))):
        check_settings(given, known_settings())


def test_the_scrapy_command_line_path_converts_in_place_and_warns() -> None:
    settings = Settings({"ROBOTSTXT_OBEY": True})
    settings.set("ROBOTSTXT_OBEY", "no", priority="cmdline")
    settings.set("ARCHIVER_DEPHT", "2", priority="cmdline")
    settings.set("FEEDS", {"x.jsonl": {"format": "jsonlines"}}, priority="cmdline")
    warnings = check_cmdline_settings(settings)
    assert settings.getbool("ROBOTSTXT_OBEY") is False
    assert warnings == [
        "unknown setting ARCHIVER_DEPHT (did you mean ARCHIVER_DEPTH?); it is passed on as given"
    ]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("site.example/x/", "did you mean https://site.example/x/?"),
        ("site.example:8080/x/", "did you mean https://site.example:8080/x/?"),
        ("ftp://site.example/x", "only http and https"),
        ("mailto:me@site.example", "only http and https"),
        ("http:///x", "no host"),
        ("http://192.168.1.1/", "--allow-private"),
        ("http://[::ffff:127.0.0.1]/", "--allow-private"),
        ("http://app.localhost/", "--allow-private"),
    ],
)
def test_seeds_the_crawl_cannot_fetch(url: str, message: str) -> None:
    with pytest.raises(SeedError, match=message.replace("?", r"\?").replace(".", r"\.")):
        check_seed(url, allow_private=False)


def test_seeds_it_can() -> None:
    assert check_seed(" https://site.example/x/ ", allow_private=False) == "https://site.example/x/"
    assert check_seed("http://127.0.0.1:8000/", allow_private=True) == "http://127.0.0.1:8000/"


def test_sizes_and_durations() -> None:
    assert [parse_size(text) for text in ("500MB", "2GiB", "1000", "1.5kB")] == [
        500_000_000,
        2 * 1024**3,
        1000,
        1500,
    ]
    assert [parse_duration(text) for text in ("90s", "30m", "2h", "45")] == [90, 1800, 7200, 45]
    for bad in ("0", "1 bucket", "-5m", "soon"):
        with pytest.raises(ValueError):
            parse_duration(bad) if "bucket" not in bad else parse_size(bad)
