"""`archiver view OUT`: the item view of a crawl, served on 127.0.0.1 or exported as files.

Exit codes (sysexits, as the crawl's): 0 served until Ctrl-C or SIGTERM, or exported; 64
usage; 66 OUT is missing or not a crawl's output folder (no articles.jsonl; EX_NOINPUT, as
``archiver export``); 69 the port cannot be had (taken, or not allowed; EX_UNAVAILABLE: the
resource the command serves on is unavailable, as a seed without an answer is to a crawl; 73
is kept for output that cannot be written); 73 the export folder is not empty and not an
earlier export, or cannot be written (EX_CANTCREAT).
"""

from __future__ import annotations

import argparse
import signal
import sys
from contextlib import ExitStack
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from archiver.crawl.outcome import CANT_CREATE, NO_INPUT, UNAVAILABLE, USAGE

if TYPE_CHECKING:
    from archiver.view.catalog import Catalog

VIEW_HELP = "look at a crawl's articles item by item, photos from the archive (a local web page)"
VIEW_DESCRIPTION = (
    "Serves the item view of OUT on 127.0.0.1 (its URL is the first line printed) until Ctrl-C, "
    "or with --export writes it as static files. Exit codes: 0 done, 64 usage, 66 OUT is not a "
    "crawl's output folder, 69 the port is taken, 73 the export folder cannot be used."
)


def add_view_arguments(view: argparse.ArgumentParser) -> None:
    view.add_argument("out", type=Path, metavar="OUT", help="a crawl's --out folder")
    view.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    view.add_argument(
        "--replay-url",
        metavar="PREFIX",
        help="replay of OUT's WARCs (e.g. a pywb collection URL) the item links point to, served or "
        "exported; without one, each item cites its WARC record",
    )
    view.add_argument(
        "--export",
        type=Path,
        metavar="DIR",
        help="write the view as static files into DIR (new, empty, or an earlier export, which is replaced)",
    )
    view.set_defaults(handler=cmd_view)


def _fail(message: str, code: int) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


class _Stop(Exception):
    """SIGTERM: stop serving, as Ctrl-C does."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def cmd_view(args: argparse.Namespace) -> int:
    from archiver.view.catalog import NotAnOutputFolder, read_catalog

    try:
        catalog = read_catalog(args.out)
    except NotAnOutputFolder as error:
        return _fail(str(error), NO_INPUT)
    for number, reason in catalog.damage.damaged:
        print(f"archiver view: warning: line {number} of articles.jsonl skipped ({reason})", file=sys.stderr)
    if catalog.damage.cut_last_line is not None:
        print(
            f"archiver view: note: line {catalog.damage.cut_last_line} of articles.jsonl skipped: cut short "
            "(a crawl still writing it, or killed)",
            file=sys.stderr,
        )
    if args.export is not None:
        return _export(catalog, args.export, args.replay_url)
    return _serve(args.out, args.port, args.replay_url)


def _export(catalog: Catalog, target: Path, replay_url: str | None) -> int:
    from archiver.view.export import ExportRefused, export_site

    try:
        summary = export_site(catalog, target, replay_url)
    except ExportRefused as error:
        return _fail(str(error), CANT_CREATE)
    print(
        f"wrote {summary.articles} articles and {summary.photos} photos to {summary.folder}"
        + (
            f" ({summary.unshown} photos not shown: not captured or not decodable)" if summary.unshown else ""
        ),
        file=sys.stderr,
    )
    print((summary.folder / "index.html").resolve().as_uri())
    return 0


def _serve(out: Path, port: int, replay_url: str | None) -> int:
    from archiver.view.server import view_server

    if not 0 <= port <= 65535:
        return _fail(f"--port {port} is not a port number (0 to 65535)", USAGE)
    with ExitStack() as stack:
        try:
            server = stack.enter_context(view_server(out, port, replay_url))
        except OSError as error:
            return _fail(
                f"cannot serve on 127.0.0.1:{port} ({error.strerror or error}); choose another --port, or 0",
                UNAVAILABLE,
            )
        previous = signal.signal(signal.SIGTERM, _stop)
        stack.callback(signal.signal, signal.SIGTERM, previous)
        try:
            print(server.url, flush=True)
            print(f"archiver view: serving {out}; Ctrl-C to stop", file=sys.stderr, flush=True)
            server.serve_forever()
        except (KeyboardInterrupt, _Stop):
            pass  # the way to stop it: exit 0
    return 0
