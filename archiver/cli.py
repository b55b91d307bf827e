"""The ``archiver`` command: a thin layer over the library; each subcommand calls one function."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from archiver import __version__
from archiver.article_file import lines_in_capture_order, sort_articles_file
from archiver.errors import ParseError
from archiver.jsonl import write_jsonl_atomically
from archiver.models import Article, ListiclePage, record_json_schema
from archiver.parse.document import DEFAULT_MAX_BYTES
from archiver.parse.page import parse_page


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.is_file():
        raise ParseError("no such file")
    return path.read_bytes()


def _cmd_parse(args: argparse.Namespace) -> int:
    records = []
    for name in args.files:
        url = args.url or Path(name).resolve().as_uri().replace("file://", "http://localhost", 1)
        try:
            record = parse_page(
                _read_input(name), url, content_type=args.content_type, max_bytes=args.max_bytes
            )
        except ParseError as error:
            print(f"archiver: error: {name}: {error}", file=sys.stderr)
            return 1
        records.append(record)
    for record in records:
        print(record.model_dump_json(indent=2) if args.pretty else record.to_json())
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    model = Article if args.record == "article" else ListiclePage
    print(json.dumps(record_json_schema(model), indent=2, ensure_ascii=False))
    return 0


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


def _cmd_crawl(args: argparse.Namespace) -> int:
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


def _cmd_demo(args: argparse.Namespace) -> int:
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


def _cmd_extract(args: argparse.Namespace) -> int:
    from archiver.reextract import WarcIndex, articles_from_index

    index = WarcIndex(args.warcs)
    for warning in index.warnings:  # damage, unresolvable revisits, bodies that do not decode
        print(f"warning: {warning}", file=sys.stderr)
    # Articles are written as they are stitched, then the file is sorted into capture order:
    # memory stays flat however many articles the WARCs hold.
    lines = (article.to_json() for article in articles_from_index(index))
    to_stdout = args.output == Path("-")
    if to_stdout:
        scratch = Path(tempfile.gettempdir()) / f".archiver-extract.{os.getpid()}.unsorted"
    else:  # beside the output: as large as the output, so on the disk the user chose for it
        scratch = args.output.parent / f".{args.output.name}.{os.getpid()}.unsorted"
    try:
        count = write_jsonl_atomically(scratch, lines)
        if to_stdout:
            for line in lines_in_capture_order(scratch):
                sys.stdout.write(line)
        else:
            sort_articles_file(scratch, args.output)
            print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    finally:
        scratch.unlink(missing_ok=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="archiver", description="Listicle archiver.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="extract records from saved HTML files (one JSON line each)")
    parse.add_argument("files", nargs="+", help="HTML files, or - for standard input")
    parse.add_argument("--url", help="the page's original URL (resolves relative links)")
    parse.add_argument("--content-type", help="the HTTP Content-Type header, if known (for its charset)")
    parse.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger files")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(handler=_cmd_parse)

    schema = commands.add_parser("schema", help="print the JSON Schema of the records")
    schema.add_argument(
        "record",
        nargs="?",
        choices=["page", "article"],
        default="page",
        help="page: what `parse` prints; article: a line of articles.jsonl",
    )
    schema.set_defaults(handler=_cmd_schema)

    crawl = commands.add_parser("crawl", help="crawl listicles from seed URLs into articles.jsonl and WARCs")
    crawl.add_argument("urls", nargs="*", help="seed URLs of listicle pages")
    crawl.add_argument(
        "--sitemap", action="append", default=[], help="sitemap or sitemap index URL (repeatable)"
    )
    crawl.add_argument("--feed", action="append", default=[], help="RSS or Atom feed URL (repeatable)")
    crawl.add_argument("--out", type=Path, default=Path("output/crawl"), help="output folder")
    crawl.add_argument("--depth", type=int, default=1, help="recommendation hops from a seed (default 1)")
    crawl.add_argument(
        "--max-pages", type=int, help="start no new article after this many pages that may start one"
    )
    crawl.add_argument("--job-dir", type=Path, help="pause/resume state folder (Scrapy JOBDIR)")
    crawl.add_argument("--job", default="crawl", help="job name: WARC file prefix and warcinfo isPartOf")
    crawl.add_argument(
        "--allow-private", action="store_true", help="allow loopback and private addresses (off by default)"
    )
    crawl.add_argument("--contact", help="URL or e-mail for site owners, put in the user agent")
    crawl.add_argument(
        "--allow-domain", action="append", default=[], help="also follow recommendations to this site"
    )
    crawl.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    crawl.set_defaults(handler=_cmd_crawl)

    demo = commands.add_parser("demo", help="crawl the bundled demo site, served on 127.0.0.1")
    demo.add_argument("--out", type=Path, default=Path("output/demo"), help="output folder")
    demo.add_argument("--log-level", default="WARNING", help="Scrapy log level (default WARNING)")
    demo.set_defaults(handler=_cmd_demo)

    extract = commands.add_parser("extract", help="re-extract articles from WARC files")
    extract.add_argument("warcs", nargs="+", type=Path, help="WARC files (.warc.gz or .warc)")
    extract.add_argument("-o", "--output", type=Path, default=Path("-"), help="JSONL file (default stdout)")
    extract.set_defaults(handler=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        return 0
    except ParseError as error:
        print(f"archiver: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"archiver: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
