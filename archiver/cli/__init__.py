"""The ``archiver`` command: a thin layer over the library; each subcommand lives in its own
module of this package (parse.py: parse, schema; crawl.py: crawl, demo; extract.py: extract;
export.py: export; wacz.py: wacz; replay.py: replay; view.py: view; job.py: job run, job schedule).

Every failure is one line on stderr, ``archiver: error: <cause>; <what to do>``, and an exit
code (archiver.crawl.outcome: 64 for usage errors, 1 for a bug); tracebacks only with --debug.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from archiver import __version__
from archiver.cli.crawl import add_log_options, cmd_crawl, cmd_demo
from archiver.cli.export import EXPORT_DESCRIPTION, EXPORT_HELP, add_export_arguments
from archiver.cli.extract import cmd_extract
from archiver.cli.job import JOB_HELP, add_job_arguments
from archiver.cli.merge import MERGE_DESCRIPTION, MERGE_HELP, add_merge_arguments
from archiver.cli.parse import SCHEMA_HELP, add_schema_arguments, cmd_parse
from archiver.cli.replay import REPLAY_DESCRIPTION, REPLAY_HELP, add_replay_arguments
from archiver.cli.view import VIEW_DESCRIPTION, VIEW_HELP, add_view_arguments
from archiver.cli.wacz import WACZ_DESCRIPTION, WACZ_HELP, add_wacz_arguments
from archiver.cli.worker import add_worker_command
from archiver.crawl.outcome import EXIT_CODES_HELP, INTERNAL, RESUME_HINT, STOPPED, USAGE, CommandError
from archiver.crawl.quantities import parse_duration, parse_size
from archiver.errors import ParseError
from archiver.parse.limits import DEFAULT_MAX_BYTES


class CommandParser(argparse.ArgumentParser):
    """Usage errors as one line and EX_USAGE (64), not argparse's usage dump and 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"archiver: error: {message}; see {self.prog} --help\n")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Each option's default after its help (when it has one worth saying: not None, False or
    an empty list); the epilog (the exit codes) kept as written."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help = action.help or ""
        default = action.default
        unsaid = default is None or default is False or default == [] or default == argparse.SUPPRESS
        if unsaid or "%(default)" in help or not action.option_strings:
            return help
        return f"{help} (default: %(default)s)"


def _option_type(parse: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = name  # argparse names the type in its message
    return convert


def _at_least(minimum: int, hint: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{number} is below {minimum}{hint}")
        return number

    return convert


def _folder(text: str) -> Path:
    """A folder option's path; "" is refused (Path("") is the current folder, which nobody
    means by an empty argument: an unset shell variable)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path; give a folder")
    return Path(text)


def _job(text: str) -> str:
    """A --job value; one that reads as a path is refused before anything is crawled (the
    files it names are made safe anyway: archiver.names)."""
    from archiver.names import job_argument_problem

    problem = job_argument_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text


def build_parser() -> argparse.ArgumentParser:
    # Options every subcommand takes, after its name (archiver crawl ... --debug).
    common = CommandParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", help="show tracebacks (of failures and of errors in the log)"
    )
    parser = CommandParser(prog="archiver", description="Listicle archiver.", formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(
        name: str, help: str, description: str | None = None, **kwargs: Any
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(
            name,
            help=help,
            description=description or help,
            parents=[common],
            formatter_class=HelpFormatter,
            **kwargs,
        )
        return sub

    parse = command("parse", "extract records from saved HTML files (one JSON line each)")
    parse.add_argument(
        "files", nargs="+", help="HTML files (any readable path: /dev/stdin, <(...)), or - for standard input"
    )
    parse.add_argument("--url", help="the page's original URL (resolves relative links)")
    parse.add_argument("--content-type", help="the HTTP Content-Type header, if known (for its charset)")
    parse.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger files")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(handler=cmd_parse)

    add_schema_arguments(command("schema", SCHEMA_HELP))

    crawl = command(
        "crawl", "crawl listicles from seed URLs into articles.jsonl and WARCs", epilog=EXIT_CODES_HELP
    )
    crawl.add_argument("urls", nargs="*", help="seed URLs of listicle pages (http or https)")
    crawl.add_argument(
        "--seed-file",
        metavar="FILE",
        help="more seed URLs, one a line (blank lines and lines starting with # ignored); - reads stdin",
    )
    crawl.add_argument(
        "--sitemap", action="append", default=[], help="sitemap or sitemap index URL (repeatable)"
    )
    crawl.add_argument("--feed", action="append", default=[], help="RSS or Atom feed URL (repeatable)")
    crawl.add_argument("--out", type=_folder, default=Path("output/crawl"), help="output folder")
    crawl.add_argument(
        "--depth",
        type=_at_least(0, ""),
        default=1,
        help="recommendation hops from a seed to follow (0: the seeds' articles only)",
    )
    crawl.add_argument(
        "--max-pages",
        type=_at_least(1, " (leave --max-pages out for no limit)"),
        metavar="N",
        help="start no new article after N pages that may start one (seeds, sitemap/feed entries, "
        "recommended pages; the next pages of a started article are always fetched; seed URLs and "
        "--seed-file seeds are always fetched, and counted); default: no limit",
    )
    crawl.add_argument(
        "--time-limit",
        type=_option_type(parse_duration, "duration"),
        metavar="DURATION",
        help="stop after this long (90s, 30m, 2h; Scrapy's CLOSESPIDER_TIMEOUT); exit 3, run again to "
        "continue; default: no limit",
    )
    crawl.add_argument(
        "--size-limit",
        type=_option_type(parse_size, "size"),
        metavar="SIZE",
        help="stop once this run wrote this much WARC (500MB, 2GiB, bytes); exit 3, run again to "
        "continue; default: no limit",
    )
    crawl.add_argument("--job-dir", type=_folder, help="pause/resume state folder (Scrapy JOBDIR)")
    crawl.add_argument(
        "--job", default="crawl", type=_job, help="job name: WARC file prefix and warcinfo isPartOf"
    )
    crawl.add_argument("--allow-private", action="store_true", help="allow loopback and private addresses")
    crawl.add_argument(
        "--no-wacz", action="store_true", help="do not package the folder as OUT/<job>.wacz at the end"
    )
    crawl.add_argument("--contact", help="URL or e-mail for site owners, put in the user agent")
    crawl.add_argument(
        "--allow-domain", action="append", default=[], help="also follow recommendations to this site"
    )
    crawl.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any Scrapy or archiver setting (archiver/settings.py), e.g. DOWNLOAD_TIMEOUT=60; "
        "checked before the crawl (type, range; unknown names warned)",
    )
    crawl.add_argument(
        "--redis",
        metavar="URL",
        nargs="?",
        const="",
        help="run as a distributed job in this Redis (redis://HOST:PORT/DB): registers the job "
        "(--job NAME) and its seeds and options, and runs as its first worker; more join with "
        "archiver worker. --redis alone: the URL of $ARCHIVER_REDIS_URL; a password from "
        "$REDISCLI_AUTH if the URL has none",
    )
    crawl.add_argument(
        "--restart",
        action="store_true",
        help="with --redis: delete the job's keys in Redis first (its spec, frontier, seen-set, "
        "done) and start it afresh; refused while a worker of the job is alive",
    )
    add_log_options(crawl)
    crawl.set_defaults(handler=cmd_crawl)

    worker = command(
        "worker",
        "join a distributed crawl (archiver crawl --redis) as another worker",
        epilog=EXIT_CODES_HELP
        + "  66  no such job in this Redis (a finished job: exit 0)\n  69  also: Redis unreachable\n",
    )
    add_worker_command(worker, _job, _folder)
    add_log_options(worker)

    demo = command("demo", "crawl the bundled demo site, served on 127.0.0.1")
    demo.add_argument("--out", type=_folder, default=Path("output/demo"), help="output folder")
    demo.add_argument("--contact", help="URL or e-mail for site owners, put in the user agent")
    add_log_options(demo)
    demo.set_defaults(handler=cmd_demo)

    extract = command("extract", "re-extract articles from WARC files (or the WARCs inside a WACZ)")
    extract.add_argument(
        "warcs",
        nargs="+",
        type=Path,
        help="WARC files (.warc.gz or .warc), WACZ files (.wacz), crawl folders (their warc/) and job "
        "folders (their latest run), mixed",
    )
    extract.add_argument("-o", "--output", type=Path, default=Path("-"), help="JSONL file (- for stdout)")
    extract.add_argument(
        "--refer-to",
        nargs="+",
        type=Path,
        default=[],
        metavar="WARC",
        help="WARC files that only resolve revisits (an incremental job's earlier runs): never extracted "
        "themselves; for WARCs in a job's run folder (OUT/runs/<ts>/warc) the other runs' are found anyway",
    )
    extract.add_argument(
        "--jobs",
        type=_at_least(1, ""),
        default=None,
        metavar="N",
        help="processes parsing pages (default: every core this process may use); the output is the "
        "same whatever N",
    )
    extract.set_defaults(handler=cmd_extract)

    add_merge_arguments(command("merge", MERGE_HELP, MERGE_DESCRIPTION), _folder, _at_least(1, ""))
    add_export_arguments(command("export", EXPORT_HELP, EXPORT_DESCRIPTION))
    add_wacz_arguments(command("wacz", WACZ_HELP, WACZ_DESCRIPTION))
    add_replay_arguments(command("replay", REPLAY_HELP, REPLAY_DESCRIPTION))
    add_view_arguments(command("view", VIEW_HELP, VIEW_DESCRIPTION))
    add_job_arguments(command("job", JOB_HELP), common)
    return parser


def _fail(message: str, code: int) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns its exit code (archiver.crawl.outcome's table)."""
    debug = False
    try:
        args = build_parser().parse_args(argv)
        debug = bool(getattr(args, "debug", False))
        return int(args.handler(args))
    except BrokenPipeError:
        return 0
    # Ctrl-C before Scrapy's own handler (which stops a crawl cleanly), e.g. while Scrapy imports;
    # one while this package imports is the console entry point's (archiver.command).
    except KeyboardInterrupt:
        return _fail(f"interrupted; {RESUME_HINT}", STOPPED)
    except Exception as error:
        if debug:
            traceback.print_exc()
        return _failure_code(error)


def _failure_code(error: Exception) -> int:
    """One line for ``error`` on stderr; its exit code."""
    if isinstance(error, CommandError):
        return _fail(str(error), error.exit_code)
    settings_check = sys.modules.get("archiver.crawl.settings_check")  # not loaded: no SettingError
    if settings_check is not None and isinstance(error, settings_check.SettingError):
        # Scrapy's own settings path (update_settings)
        return _fail(f"{error}; fix the --set value", USAGE)
    if isinstance(error, ParseError | OSError):
        return _fail(str(error), INTERNAL)
    return _fail(
        f"internal error ({type(error).__name__}: {error}); rerun with --debug to see where, and report it",
        INTERNAL,
    )
