"""`archiver parse` and `archiver schema`: records of saved pages, and the schemas of every record."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archiver.errors import ParseError
from archiver.parse.page import parse_page
from archiver.schemas import DESCRIPTIONS, SCHEMAS, schema_of


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    # Any readable path that is not a folder: /dev/stdin and <(...) are pipes, not files.
    path = Path(name)
    if path.is_dir():
        raise ParseError("is a folder, not a file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ParseError("no such file") from None
    except OSError as error:
        raise ParseError(error.strerror or str(error)) from None


def cmd_parse(args: argparse.Namespace) -> int:
    records = []
    for name in args.files:
        url = args.url or Path(name).resolve().as_uri().replace("file://", "http://localhost", 1)
        try:
            record = parse_page(
                read_input(name), url, content_type=args.content_type, max_bytes=args.max_bytes
            )
        except ParseError as error:
            print(f"archiver: error: {name}: {error}", file=sys.stderr)
            return 1
        records.append(record)
    for record in records:
        print(record.model_dump_json(indent=2) if args.pretty else record.to_json())
    return 0


SCHEMA_HELP = "print the JSON Schema of an output file's records"


def add_schema_arguments(schema: argparse.ArgumentParser) -> None:
    """The ``schema`` subcommand's arguments: a name is required, and the usage line lists the
    names (a missing or unknown one is a usage error)."""
    names = ", ".join(f"{name}: {DESCRIPTIONS.get(name, name)}" for name in SCHEMAS)
    # The names as metavar: argparse's "required" error then lists them.
    schema.add_argument("record", choices=list(SCHEMAS), metavar="{" + ",".join(SCHEMAS) + "}", help=names)
    schema.set_defaults(handler=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(schema_of(args.record), indent=2, ensure_ascii=False))
    return 0
