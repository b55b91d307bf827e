"""`archiver replay OUT`: replay a crawl's WARC files in pywb, on 127.0.0.1, until Ctrl-C.

The first line on standard output is the collection's URL (``http://127.0.0.1:PORT/JOB``), for
scripts to read; then the replay URL of the first article, for people. Exit codes: 0 stopped by
Ctrl-C or SIGTERM; 64 usage; 66 no WARC files in OUT; 69 pywb not installed, not starting, or
stopped on its own; 73 the collection's index cannot be written.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from archiver.crawl.outcome import CANT_CREATE, NO_INPUT, UNAVAILABLE, USAGE

if TYPE_CHECKING:
    from archiver.replay.pywb import PywbServer

REPLAY_HELP = "replay a crawl's WARC files in pywb on 127.0.0.1 (until Ctrl-C)"
REPLAY_DESCRIPTION = (
    "Serves OUT/warc/*.warc.gz (a job folder: every run's WARCs) with pywb (its own virtualenv: "
    "--pywb, ARCHIVER_PYWB_BIN, wayback on "
    "PATH or .venv-pywb) as one collection named after the job, index in OUT/.replay/. The first "
    "line printed is the collection's URL. Exit codes: 0 stopped by Ctrl-C or SIGTERM, 64 usage, "
    "66 no WARC files, 69 pywb not installed or not starting, 73 index not writable."
)


def add_replay_arguments(replay: argparse.ArgumentParser) -> None:
    replay.add_argument(
        "out",
        type=Path,
        metavar="OUT",
        help="a crawl's --out folder, a job's folder (every kept run) or one run of it (with the "
        "runs it refers to)",
    )
    replay.add_argument("--port", type=_port, default=0, help="port on 127.0.0.1 (0: a free one)")
    replay.add_argument(
        "--pywb", type=Path, metavar="DIR", help="folder holding pywb's wayback (a virtualenv or its bin)"
    )
    replay.set_defaults(handler=cmd_replay)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0-65535)")
    return port


def _fail(message: str, code: int) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


class _Stop(Exception):
    """SIGTERM: stop as Ctrl-C does."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def first_article_link(out: Path, prefix: str) -> str | None:
    """The replay URL of the first page of the article captured first in ``articles.jsonl``
    (its first page's ``fetched_at``, compared as the WACZ's main page is:
    :func:`archiver.capture_time.first_captured`), or None when there is none. Lines that
    cannot be read are passed over; the file is streamed."""
    from archiver.capture_time import first_captured
    from archiver.replay.links import replay_link

    def first_pages(lines: Iterable[str]) -> Iterator[tuple[str, tuple[str, str]]]:
        for line in lines:
            try:
                page = json.loads(line)["pages"][0]
                yield str(page["fetched_at"]), (str(page["fetched_at"]), str(page["url"]))
            except (ValueError, KeyError, IndexError, TypeError):
                continue

    try:
        with (out / "articles.jsonl").open(encoding="utf-8") as lines:
            first = first_captured(first_pages(lines))
    except (OSError, ValueError):
        return None
    return None if first is None else replay_link(prefix, *first)


def _serve(server: PywbServer, out: Path) -> int:
    print(server.prefix, flush=True)
    link = first_article_link(out, server.prefix)
    if link:
        print(f"first article: {link}", flush=True)
    print("serving; Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        server.wait()
    except (KeyboardInterrupt, _Stop):
        return 0
    return _fail(server.failure(), UNAVAILABLE)


def cmd_replay(args: argparse.Namespace) -> int:
    # Imported here: the command line starts without pywb's helpers and the index writer.
    from archiver.outputs import is_zip
    from archiver.replay.collection import NoWarcs
    from archiver.replay.pywb import PywbFailed, PywbUnavailable, running_pywb

    out: Path = args.out
    if out.is_file() and (out.suffix.lower() == ".wacz" or is_zip(out)):
        # pywb reads WARC files in place, not a WACZ's members: the folder it came from has them.
        return _fail(
            f"{out} is a WACZ: open it in ReplayWeb.page, or give the folder it was written in "
            f"({out.parent}) to replay its WARCs in pywb",
            USAGE,
        )
    if not out.is_dir():
        return _fail(f"{out} is not a folder; give a crawl's --out folder or a job's folder", NO_INPUT)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with running_pywb(out, port=args.port, pywb=args.pywb) as server:
            return _serve(server, out)
    except (KeyboardInterrupt, _Stop):
        return 0  # stopped while pywb was starting
    except PywbUnavailable as error:
        return _fail(str(error), UNAVAILABLE)
    except PywbFailed as error:
        return _fail(f"{error}; is --port {args.port} free?" if args.port else str(error), UNAVAILABLE)
    except NoWarcs as error:
        return _fail(f"{error}; give a crawl's --out folder or a job's folder", NO_INPUT)
    except OSError as error:
        return _fail(f"cannot build the replay index: {error}", CANT_CREATE)
    finally:
        signal.signal(signal.SIGTERM, previous)
