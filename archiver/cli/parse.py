"""`archiver parse` and `archiver schema`: records of saved pages, and the schemas of every record."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archiver.crawl.outcome import DATA_ERROR, NO_INPUT, USAGE
from archiver.errors import ParseError
from archiver.schema_names import DESCRIPTIONS


class InputUnreadable(Exception):
    """A file ``archiver parse`` cannot read (missing, a folder, no permission): EX_NOINPUT."""


def read_input(name: str) -> bytes:
    """The bytes of ``name`` (``-``: standard input). Raises :class:`InputUnreadable`."""
    if name == "-":
        return sys.stdin.buffer.read()
    # Any readable path that is not a folder: /dev/stdin and <(...) are pipes, not files.
    path = Path(name)
    if path.is_dir():
        raise InputUnreadable("is a folder, not a file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputUnreadable("no such file") from None
    except OSError as error:
        raise InputUnreadable(error.strerror or str(error)) from None


def _page_url(name: str, given: str | None) -> str | None:
    """The URL the page is parsed as: ``given`` (--url); for a file, a localhost URL of its
    path; None for standard input or a pipe, which have no name worth putting in a record."""
    if given:
        return given
    path = Path(name)
    if name == "-" or (path.exists() and not path.is_file() and not path.is_dir()):
        return None  # a pipe or a device; a missing file or a folder fails when read
    return path.resolve().as_uri().replace("file://", "http://localhost", 1)


def cmd_parse(args: argparse.Namespace) -> int:
    """Exit codes: 0 parsed; 64 standard input or a pipe without --url; 65 (EX_DATAERR) an input
    that is not HTML; 66 (EX_NOINPUT) a file that cannot be read."""
    from archiver.parse.page import parse_page

    if args.url and not args.url.startswith(("http://", "https://")):
        print(f"archiver: error: --url {args.url!r}: give the page's absolute http(s) URL", file=sys.stderr)
        return USAGE
    records = []
    for name in args.files:
        url = _page_url(name, args.url)
        if url is None:
            print(
                f"archiver: error: {name}: standard input or a pipe has no address to resolve the page's "
                "links against; give the page's URL with --url",
                file=sys.stderr,
            )
            return USAGE
        try:
            data = read_input(name)
        except InputUnreadable as error:
            print(f"archiver: error: {name}: {error}", file=sys.stderr)
            return NO_INPUT
        try:
            record = parse_page(data, url, content_type=args.content_type, max_bytes=args.max_bytes)
        except ParseError as error:
            print(f"archiver: error: {name}: {error}", file=sys.stderr)
            return DATA_ERROR
        records.append(record)
    for record in records:
        print(record.model_dump_json(indent=2) if args.pretty else record.to_json())
    return 0


SCHEMA_HELP = "print the JSON Schema of an output file's records"


def add_schema_arguments(schema: argparse.ArgumentParser) -> None:
    """The ``schema`` subcommand's arguments: a name is required, and the usage line lists the
    names (a missing or unknown one is a usage error)."""
    names = ", ".join(f"{name}: {description}" for name, description in DESCRIPTIONS.items())
    # The names as metavar: argparse's "required" error then lists them.
    schema.add_argument(
        "record", choices=list(DESCRIPTIONS), metavar="{" + ",".join(DESCRIPTIONS) + "}", help=names
    )
    schema.set_defaults(handler=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    from archiver.schemas import schema_of

    print(json.dumps(schema_of(args.record), indent=2, ensure_ascii=False))
    return 0
