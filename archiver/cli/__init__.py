"""The ``archiver`` command: a thin layer over the library; each subcommand lives in its own
module of this package (parse.py: parse, schema; crawl.py: crawl, demo; extract.py: extract)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archiver import __version__
from archiver.cli.crawl import cmd_crawl, cmd_demo
from archiver.cli.extract import cmd_extract
from archiver.cli.parse import add_schema_command, cmd_parse
from archiver.errors import ParseError
from archiver.parse.document import DEFAULT_MAX_BYTES


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
    parse.set_defaults(handler=cmd_parse)

    add_schema_command(commands)

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
    crawl.set_defaults(handler=cmd_crawl)

    demo = commands.add_parser("demo", help="crawl the bundled demo site, served on 127.0.0.1")
    demo.add_argument("--out", type=Path, default=Path("output/demo"), help="output folder")
    demo.add_argument("--log-level", default="WARNING", help="Scrapy log level (default WARNING)")
    demo.set_defaults(handler=cmd_demo)

    extract = commands.add_parser("extract", help="re-extract articles from WARC files")
    extract.add_argument("warcs", nargs="+", type=Path, help="WARC files (.warc.gz or .warc)")
    extract.add_argument("-o", "--output", type=Path, default=Path("-"), help="JSONL file (default stdout)")
    extract.set_defaults(handler=cmd_extract)
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
