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


def add_log_options(parser: argparse.ArgumentParser) -> None:
    """--log-level, --quiet and --log-file (archiver.crawl.logs)."""
    parser.add_argument(
        "--log-level",
        metavar="LEVEL",
        help="show every logger's lines from LEVEL (DEBUG, INFO, WARNING, ERROR); default: the "
        "archiver's INFO lines and Scrapy's warnings and errors",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="print errors and the report's first line only; no progress display",
    )
    parser.add_argument(
        "--log-file",
        type=Path,
        metavar="FILE",
        help="append the whole log (at --log-level, INFO by default; tracebacks included) to FILE; "
        "the terminal then shows errors only",
    )


def _log_overrides(args: argparse.Namespace, settings: dict[str, Any]) -> dict[str, Any]:
    """Set up logging for the run; returns the Scrapy settings that go with it. Scrapy's
    LOG_LEVEL and LOG_FILE given with --set count as --log-level and --log-file."""
    from archiver.crawl.logs import configure_logging

    log_file = args.log_file or (Path(settings["LOG_FILE"]) if settings.get("LOG_FILE") else None)
    try:
        overrides = configure_logging(
            level=args.log_level or settings.get("LOG_LEVEL"),
            quiet=args.quiet,
            log_file=log_file,
            debug=getattr(args, "debug", False),
        )
    except ValueError as error:
        raise CommandError(f"--log-level: {error}; use DEBUG, INFO, WARNING or ERROR", USAGE) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise CommandError(
            f"cannot write --log-file {log_file}: {reason}; choose a file you can write to", CANT_CREATE
        ) from None
    if args.quiet:
        overrides["ARCHIVER_PROGRESS_DISPLAY"] = False
    return overrides


def _print_report(args: argparse.Namespace, summary: dict[str, Any]) -> None:
    from archiver.crawl.report import report_lines

    lines = report_lines(summary, args.out)
    print("\n".join(lines[:1] if args.quiet else lines))


def _report_outcome(outcome: Outcome) -> int:
    if outcome.exit_code:
        print(f"archiver: error: {outcome.line}", file=sys.stderr)
    return outcome.exit_code


# -- checks before the crawl --------------------------------------------------------------------
def read_seed_file(name: str) -> list[str]:
    """URLs of a seed file, one a line; blank lines and ``#`` comments ignored; ``-``: stdin."""
    try:
        # utf-8-sig: a file saved by an editor that writes a BOM reads as without it.
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise CommandError(f"cannot read --seed-file {name}: {reason}; check the path", USAGE) from None
    # Only whole lines are comments: a URL may hold a "#" (its fragment).
    lines = (line.strip() for line in text.removeprefix("\ufeff").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _checked_seeds(urls: list[str], allow_private: bool, what: str) -> list[str]:
    from archiver.crawl.seed_check import SeedError, check_seed

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
    from archiver.crawl.settings_check import SettingError, check_settings, known_settings

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
    if args.no_wacz:
        overrides["ARCHIVER_WACZ"] = False
    return overrides


def cmd_crawl(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl
    from archiver.crawl.summary import this_run

    urls = list(args.urls)
    if args.seed_file:
        urls += read_seed_file(args.seed_file)
    if not (urls or args.sitemap or args.feed):
        raise CommandError("no seeds; give seed URLs, --seed-file, --sitemap or --feed", USAGE)
    overrides = _crawl_overrides(args)
    overrides = {**overrides, **_log_overrides(args, overrides)}
    # --allow-private, or the setting it sets (--set ARCHIVER_ALLOW_PRIVATE=True).
    allow_private = bool(overrides.get("ARCHIVER_ALLOW_PRIVATE"))
    seeds = _checked_seeds(urls, allow_private, "seed")
    sitemaps = _checked_seeds(args.sitemap, allow_private, "--sitemap")
    feeds = _checked_seeds(args.feed, allow_private, "--feed")
    if args.restart and args.redis is None:
        raise CommandError("--restart goes with --redis (it starts a distributed job afresh)", USAGE)
    if args.redis is not None:
        # --out is made only once Redis took the job: a refused URL or job leaves no folder.
        return _crawl_on_redis(args, seeds, sitemaps, feeds, overrides)
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
    _print_report(args, summary)
    return _report_outcome(classify(run))


def _crawl_on_redis(
    args: argparse.Namespace,
    seeds: list[str],
    sitemaps: list[str],
    feeds: list[str],
    overrides: dict[str, Any],
) -> int:
    """archiver crawl --redis: register the job, then run as its first worker (archiver.cli.worker)."""
    from archiver.cli.worker import _redis_url, crawl_spec, register_job, run_worker, worker_outcome

    url = _redis_url(args.redis)
    spec = crawl_spec(args, seeds, sitemaps, feeds, overrides)
    if not register_job(url, args.job, spec, restart=args.restart):
        return 0
    check_output_folder(args.out, "--out")
    summary = run_worker(url, args.job, spec, args.out, overrides)
    _print_report(args, summary)
    return _report_outcome(worker_outcome(summary))


def cmd_demo(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl
    from archiver.crawl.summary import this_run
    from archiver.demo.server import SEED_PATHS, serve_demo_site

    check_output_folder(args.out, "--out")
    log_overrides = _log_overrides(args, {})
    if args.contact:
        log_overrides["ARCHIVER_CONTACT"] = args.contact
    with serve_demo_site() as base_url:
        if not args.quiet:
            print(f"demo site serving on {base_url}", flush=True)
        summary = run_crawl(
            [base_url + path for path in SEED_PATHS],
            args.out,
            job="demo",
            overrides={**log_overrides, "AUTOTHROTTLE_ENABLED": False, "ARCHIVER_ALLOW_PRIVATE": True},
        )
    run = this_run(summary)
    _print_report(args, summary)
    return _report_outcome(classify(run))
