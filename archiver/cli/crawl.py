"""`archiver crawl` and `archiver demo`: run the listicle spider and report on the run.

Everything the crawl would fail on late (seeds, settings, the output folder) is checked before
it starts; each failure is one line on stderr and an exit code (archiver.crawl.outcome).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import CANT_CREATE, USAGE, CommandError, Outcome, classify
from archiver.crawl.seed_check import SeedError, check_seed
from archiver.crawl.settings_check import SettingError, check_settings, known_settings


def _print_summary(out: Path, summary: dict[str, Any]) -> None:
    print(
        f"finished ({summary['finish_reason']}): {summary['articles']} articles, {summary['items']} items, "
        f"{summary['pages']} pages, {summary['images']} images, {summary['responses']} responses, "
        f"{len(summary['errors'])} errors, {summary['rejects']} rejects"
    )
    print(f"output: {out}/articles.jsonl, {out}/warc/, {out}/rejects.jsonl, {out}/crawl.json")


def _report_outcome(outcome: Outcome) -> int:
    if outcome.exit_code:
        print(f"archiver: error: {outcome.line}", file=sys.stderr)
    return outcome.exit_code


# -- checks before the crawl --------------------------------------------------------------------
def read_seed_file(name: str) -> list[str]:
    """URLs of a seed file, one a line; blank lines and ``#`` comments ignored; ``-``: stdin."""
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise CommandError(f"cannot read --seed-file {name}: {reason}; check the path", USAGE) from None
    # Only whole lines are comments: a URL may hold a "#" (its fragment).
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _checked_seeds(urls: list[str], allow_private: bool, what: str) -> list[str]:
    try:
        return [check_seed(url, allow_private=allow_private, what=what) for url in urls]
    except SeedError as error:
        raise CommandError(str(error), USAGE) from None


def check_output_folder(path: Path, option: str) -> None:
    """``path`` is (or can be made) a folder this process can write into. Raises CommandError
    (CANT_CREATE). Nothing already in the folder is touched: the probe is an unnamed file."""
    if path.exists() and not path.is_dir():
        raise CommandError(f"{option} {path} is a file, not a folder; choose a folder", CANT_CREATE)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise CommandError(
            f"cannot write into {option} {path}: {reason}; choose a folder you can write to", CANT_CREATE
        ) from None


def _parse_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise CommandError(f"--set takes NAME=VALUE, got {text!r}; e.g. --set DOWNLOAD_TIMEOUT=60", USAGE)
    return name.strip(), value


def _crawl_overrides(args: argparse.Namespace) -> dict[str, Any]:
    given: dict[str, Any] = dict(_parse_setting(item) for item in args.set)
    try:
        checked = check_settings(given, known_settings())
    except SettingError as error:
        raise CommandError(f"{error}; fix the --set value", USAGE) from None
    for warning in checked.warnings:
        print(f"archiver: warning: {warning}", file=sys.stderr)
    overrides = checked.values
    if args.contact:
        overrides["ARCHIVER_CONTACT"] = args.contact
    if args.allow_private:
        overrides["ARCHIVER_ALLOW_PRIVATE"] = True
    if args.allow_domain:
        overrides["ARCHIVER_ALLOWED_DOMAINS"] = args.allow_domain
    if args.time_limit is not None:
        overrides["CLOSESPIDER_TIMEOUT"] = args.time_limit
    if args.size_limit is not None:
        overrides["ARCHIVER_SIZE_LIMIT"] = args.size_limit
    return overrides


def cmd_crawl(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl, this_run

    urls = list(args.urls)
    if args.seed_file:
        urls += read_seed_file(args.seed_file)
    if not (urls or args.sitemap or args.feed):
        raise CommandError("no seeds; give seed URLs, --seed-file, --sitemap or --feed", USAGE)
    overrides = _crawl_overrides(args)
    # --allow-private, or the setting it sets (--set ARCHIVER_ALLOW_PRIVATE=True).
    allow_private = bool(overrides.get("ARCHIVER_ALLOW_PRIVATE"))
    seeds = _checked_seeds(urls, allow_private, "seed")
    sitemaps = _checked_seeds(args.sitemap, allow_private, "--sitemap")
    feeds = _checked_seeds(args.feed, allow_private, "--feed")
    check_output_folder(args.out, "--out")
    if args.job_dir is not None:
        check_output_folder(args.job_dir, "--job-dir")
    summary = run_crawl(
        seeds,
        args.out,
        sitemaps=sitemaps,
        feeds=feeds,
        depth=args.depth,
        max_pages=args.max_pages,
        job_dir=args.job_dir,
        job=args.job,
        overrides=overrides,
    )
    run = this_run(summary)
    _print_summary(args.out, run)
    return _report_outcome(classify(run))


def cmd_demo(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl, this_run
    from archiver.demo.server import SEED_PATHS, serve_demo_site

    check_output_folder(args.out, "--out")
    with serve_demo_site() as base_url:
        print(f"demo site serving on {base_url}")
        summary = run_crawl(
            [base_url + path for path in SEED_PATHS],
            args.out,
            job="demo",
            overrides={
                "AUTOTHROTTLE_ENABLED": False,
                "LOG_LEVEL": args.log_level,
                "ARCHIVER_ALLOW_PRIVATE": True,
            },
        )
    run = this_run(summary)
    _print_summary(args.out, run)
    return _report_outcome(classify(run))
