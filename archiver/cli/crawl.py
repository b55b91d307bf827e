"""`archiver crawl` and `archiver demo`: run the listicle spider and report on the run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archiver.errors import ParseError


def _print_summary(out: Path, summary: dict[str, Any]) -> None:
    print(
        f"finished ({summary['finish_reason']}): {summary['articles']} articles, {summary['items']} items, "
        f"{summary['pages']} pages, {summary['images']} images, {summary['responses']} responses, "
        f"{len(summary['errors'])} errors, {summary['rejects']} rejects"
    )
    print(f"output: {out}/articles.jsonl, {out}/warc/, {out}/rejects.jsonl, {out}/crawl.json")


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
    summary = run_crawl(
        args.urls,
        args.out,
        sitemaps=args.sitemap,
        feeds=args.feed,
        depth=args.depth,
        max_pages=args.max_pages,
        job_dir=args.job_dir,
        job=args.job,
        overrides=_crawl_overrides(args),
    )
    _print_summary(args.out, summary)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from archiver.crawl.runner import run_crawl
    from archiver.demo.server import SEED_PATHS, serve_demo_site

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
    _print_summary(args.out, summary)
    return 0
