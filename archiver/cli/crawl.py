"""`archiver crawl` and `archiver demo`: run the listicle spider and report on the run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.errors import ParseError


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
        raise ParseError(f"--log-level: {error}") from error
    if args.quiet:
        overrides["ARCHIVER_PROGRESS_DISPLAY"] = False
    return overrides


def _print_report(args: argparse.Namespace, summary: dict[str, Any]) -> None:
    from archiver.crawl.report import report_lines

    lines = report_lines(summary, args.out)
    print("\n".join(lines[:1] if args.quiet else lines))


def _parse_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise ParseError(f"--set takes NAME=VALUE, got {text!r}")
    return name, value


def _crawl_overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = dict(_parse_setting(item) for item in args.set)
    if args.contact:
        overrides["ARCHIVER_CONTACT"] = args.contact
    if args.allow_private:
        overrides["ARCHIVER_ALLOW_PRIVATE"] = True
    if args.allow_domain:
        overrides["ARCHIVER_ALLOWED_DOMAINS"] = args.allow_domain
    return overrides


def cmd_crawl(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl

    if not (args.urls or args.sitemap or args.feed):
        raise ParseError("give seed URLs, --sitemap or --feed")
    overrides = _crawl_overrides(args)
    overrides = {**overrides, **_log_overrides(args, overrides)}
    summary = run_crawl(
        args.urls,
        args.out,
        sitemaps=args.sitemap,
        feeds=args.feed,
        depth=args.depth,
        max_pages=args.max_pages,
        job_dir=args.job_dir,
        job=args.job,
        overrides=overrides,
    )
    _print_report(args, summary)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl
    from archiver.demo.server import SEED_PATHS, serve_demo_site

    log_overrides = _log_overrides(args, {})
    with serve_demo_site() as base_url:
        if not args.quiet:
            print(f"demo site serving on {base_url}", flush=True)
        summary = run_crawl(
            [base_url + path for path in SEED_PATHS],
            args.out,
            job="demo",
            overrides={**log_overrides, "AUTOTHROTTLE_ENABLED": False, "ARCHIVER_ALLOW_PRIVATE": True},
        )
    _print_report(args, summary)
    return 0
