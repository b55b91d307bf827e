"""The ``archiver`` command: a thin layer over the library; each subcommand calls one function."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from archiver import __version__
from archiver.document import DEFAULT_MAX_BYTES
from archiver.errors import ParseError
from archiver.extract import parse_page
from archiver.jsonl import write_jsonl_atomically
from archiver.models import ListiclePage, record_json_schema

DEMO_BASE_URL = "http://demo.listicle-archiver.invalid/"


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
    print(json.dumps(record_json_schema(), indent=2, ensure_ascii=False))
    return 0


def demo_pages() -> list[tuple[str, bytes]]:
    """The bundled demo site: (URL path, HTML bytes) of each page; ``a/index.html`` is ``a/``."""
    pages = []
    stack = [(resources.files("archiver") / "demo" / "site", "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                stack.append((entry, f"{prefix}{entry.name}/"))
            elif entry.name == "index.html":
                pages.append((prefix, entry.read_bytes()))
            elif entry.name.endswith(".html"):
                pages.append((prefix + entry.name, entry.read_bytes()))
    return sorted(pages)


def _cmd_demo(args: argparse.Namespace) -> int:
    out: Path = args.out
    records: list[ListiclePage] = []
    for path, data in demo_pages():
        records.append(parse_page(data, DEMO_BASE_URL + path))
    target = out / "pages.jsonl"
    write_jsonl_atomically(target, (record.to_json() for record in records))
    for record in records:
        print(
            f"{record.url}: {len(record.items)} items (declared {record.declared_count}),"
            f" next page: {record.next_page_url or '-'}"
        )
    print(f"wrote {len(records)} records to {target}")
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

    schema = commands.add_parser("schema", help="print the JSON Schema of the page record")
    schema.set_defaults(handler=_cmd_schema)

    demo = commands.add_parser("demo", help="extract the bundled demo site into output/demo")
    demo.add_argument("--out", type=Path, default=Path("output/demo"), help="output folder")
    demo.set_defaults(handler=_cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        return 0
    except OSError as error:
        print(f"archiver: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
