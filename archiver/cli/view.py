"""`archiver view OUT`: the item view of a crawl, served on 127.0.0.1 or exported as files.

Served, each item links to its page in a replay scrolled to it: ``--replay-url PREFIX``, else a
pywb started over OUT for the session (:func:`archiver.replay.pywb.serve_collection`) when pywb
is found (``--no-replay``: never); without a replay, items cite their WARC records.

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
import threading
from contextlib import ExitStack
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from archiver.crawl.outcome import CANT_CREATE, NO_INPUT, UNAVAILABLE, USAGE, CommandError

if TYPE_CHECKING:
    from archiver.view.catalog import Catalog

VIEW_HELP = "look at a crawl's articles item by item, photos from the archive (a local web page)"
VIEW_DESCRIPTION = (
    "Serves the item view of OUT on 127.0.0.1 (its URL is the first line printed) until Ctrl-C, "
    "or with --export writes it as static files. Exit codes: 0 done, 64 usage, 66 OUT is not a "
    "crawl's output folder, 69 the port is taken (or --pywb DIR holds no pywb), 73 the export folder "
    "cannot be used."
)


def add_view_arguments(view: argparse.ArgumentParser) -> None:
    view.add_argument("out", type=Path, metavar="OUT", help="a crawl's --out folder")
    view.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    view.add_argument(
        "--replay-url",
        metavar="PREFIX",
        help="replay of OUT's WARCs (e.g. a pywb collection URL) the item links point to, served or "
        "exported; without one, a pywb is started over OUT when found, else each item cites its WARC record",
    )
    view.add_argument(
        "--no-replay",
        action="store_true",
        help="start no pywb for the item links (started over OUT when found and no --replay-url is given)",
    )
    view.add_argument(
        "--pywb",
        type=Path,
        metavar="DIR",
        help="folder holding pywb's wayback (a virtualenv or its bin); else $ARCHIVER_PYWB_BIN, "
        "wayback on PATH, .venv-pywb",
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


def replay_url_problem(prefix: str) -> str | None:
    """Why ``prefix`` cannot be a replay's URL prefix (None: it can): only an absolute http(s)
    URL with a host, which a browser opens as a page (never ``javascript:`` or a path).

    >>> replay_url_problem("http://127.0.0.1:8080/crawl") is None
    True
    >>> replay_url_problem("javascript:alert(1)")
    'not an http(s) URL (e.g. http://127.0.0.1:8080/crawl)'
    """
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(prefix)
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError:
        return "not a URL (e.g. http://127.0.0.1:8080/crawl)"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or prefix != prefix.strip():
        return "not an http(s) URL (e.g. http://127.0.0.1:8080/crawl)"
    return None


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
    if args.replay_url is not None and (problem := replay_url_problem(args.replay_url)):
        return _fail(f"--replay-url {args.replay_url!r}: {problem}", USAGE)
    if args.export is not None:
        return _export(catalog, args.export, args.replay_url)
    return _serve(args)


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


def _started_replay(stack: ExitStack, out: Path, pywb: Path | None) -> str | None:
    """The prefix of a pywb started over ``out`` for as long as ``stack`` lasts; None (and a
    line saying why) when pywb is not found or does not start. Raises :class:`CommandError`
    (69) when ``pywb`` names a folder without it: asked for, it is missed."""
    from archiver.replay.collection import NoWarcs
    from archiver.replay.pywb import PywbFailed, PywbUnavailable, serve_collection

    without = "items cite their WARC records"
    try:
        prefix = stack.enter_context(serve_collection(out, pywb=pywb))
    except PywbUnavailable as error:
        if pywb is not None:
            raise CommandError(str(error), UNAVAILABLE) from None
        print(
            f"archiver view: note: pywb not found, {without} (--replay-url PREFIX gives a replay)",
            file=sys.stderr,
        )
        return None
    except (PywbFailed, NoWarcs, OSError) as error:
        print(f"archiver view: warning: no replay ({error}); {without}", file=sys.stderr)
        return None
    print(f"archiver view: items link to pywb at {prefix}", file=sys.stderr)
    return prefix


def _serve(args: argparse.Namespace) -> int:
    out: Path = args.out
    port: int = args.port
    if not 0 <= port <= 65535:
        return _fail(f"--port {port} is not a port number (0 to 65535)", USAGE)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with ExitStack() as stack:
            return _serve_until_stopped(stack, out, port, args)
    except (KeyboardInterrupt, _Stop):
        return 0  # the way to stop it, also while pywb starts
    except CommandError as error:
        return _fail(str(error), error.exit_code)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve_until_stopped(stack: ExitStack, out: Path, port: int, args: argparse.Namespace) -> int:
    from archiver.view.server import view_server

    try:
        server = stack.enter_context(view_server(out, port, args.replay_url))
    except OSError as error:
        return _fail(
            f"cannot serve on 127.0.0.1:{port} ({error.strerror or error}); choose another --port, or 0",
            UNAVAILABLE,
        )
    # The port is ours before pywb starts: a taken port costs no pywb start.
    if args.replay_url is None and not args.no_replay:
        prefix = _started_replay(stack, out, args.pywb)
        if prefix is not None:
            server.state.use_replay(prefix)
    # Serving, SIGTERM asks the loop to end (shutdown() from another thread, as socketserver
    # wants) instead of raising into whatever the main thread is doing at that instant.
    signal.signal(signal.SIGTERM, lambda signum, frame: threading.Thread(target=server.shutdown).start())
    print(server.url, flush=True)
    print(f"archiver view: serving {out}; Ctrl-C to stop", file=sys.stderr, flush=True)
    server.serve_forever()  # until Ctrl-C or SIGTERM: exit 0 (_serve), pywb stopped by the stack
    return 0
