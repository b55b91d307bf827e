"""``archiver job run`` and ``archiver job schedule``: scheduled crawl jobs (README "Scheduled
jobs"). The work is in archiver.job; this reads the arguments and reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archiver.crawl.outcome import CANT_CREATE, EXIT_CODES_HELP, LOCKED, USAGE, CommandError

JOB_HELP = "run scheduled crawl jobs from a job file (TOML)"
JOB_EXIT_CODES = EXIT_CODES_HELP.replace(
    "  75  another crawl is writing into this --out\n",
    "  75  another run of this job is still running (nothing was written)\n",
)


def add_job_arguments(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``job`` command's subcommands (``common``: the options every command takes)."""
    from archiver.cli.crawl import add_log_options

    commands = parser.add_subparsers(dest="job_command", required=True)
    run = commands.add_parser(
        "run",
        help="one crawl of the job into OUT/runs/<UTC time>/, merged into OUT/articles.jsonl",
        description="Crawl the job once: a new run folder (or the one a killed run left), the "
        "current state and the run's changes.jsonl, the job's WACZ.",
        epilog=JOB_EXIT_CODES,
        parents=[common],
        formatter_class=parser.formatter_class,
    )
    run.add_argument("job_file", type=Path, metavar="JOB.toml", help="the job file")
    add_log_options(run)
    run.set_defaults(handler=cmd_job_run)
    schedule = commands.add_parser(
        "schedule",
        help="print the crontab line and a systemd timer + service for the job's schedule",
        description="Print the crontab line and the systemd .service and .timer units that run "
        "`archiver job run JOB.toml` on the job's schedule, with how to install them.",
        parents=[common],
        formatter_class=parser.formatter_class,
    )
    schedule.add_argument("job_file", type=Path, metavar="JOB.toml", help="the job file")
    part = schedule.add_mutually_exclusive_group()
    for name, what in (
        ("cron", "the crontab line"),
        ("service", "the .service unit"),
        ("timer", "the .timer unit"),
    ):
        part.add_argument(
            f"--{name}", dest="part", action="store_const", const=name, help=f"print only {what}"
        )
    schedule.set_defaults(handler=cmd_job_schedule, part=None)


def _load(path: Path) -> Any:
    """The checked job file (its [settings] too); a bad one is a usage error."""
    from archiver.job.config import JobFileError, checked_settings, load_job

    try:
        job = load_job(path)
        checked_settings(job)
        return job
    except JobFileError as error:
        raise CommandError(str(error), USAGE) from None


def cmd_job_run(args: argparse.Namespace) -> int:
    from archiver.cli.crawl import _log_overrides, _print_report, _report_outcome
    from archiver.crawl.summary import this_run
    from archiver.job.finish import job_outcome
    from archiver.job.lock import JobLocked, hold_job_lock
    from archiver.job.run import run_job

    job = _load(args.job_file)
    try:
        hold_job_lock(job.out_dir)  # taken already before Scrapy was imported (archiver.job.early)
    except JobLocked as error:
        raise CommandError(str(error), LOCKED) from None
    except OSError as error:
        raise CommandError(
            f"cannot write into the job's folder {job.out_dir}: {error.strerror or error}; "
            "choose an 'out' you can write to",
            CANT_CREATE,
        ) from None
    run_dir, summary = run_job(job, _log_overrides(args, dict(job.file.settings)))
    run = this_run(summary)
    args.out = run_dir
    _print_report(args, summary)
    if "new" in run and not args.quiet:
        print(
            f"job {job.file.name}, run {run_dir.name}: {run['new']} new, {run['changed']} changed, "
            f"{run['unchanged']} unchanged, {run['gone']} gone{_more_counts(run)} "
            f"(changes: {run_dir / 'changes.jsonl'})"
        )
    return int(_report_outcome(job_outcome(run)))


def _more_counts(run: dict[str, Any]) -> str:
    """The rarer counts of a job run, those not 0 (", 2 returned, 3 still gone")."""
    names = {"returned": "returned", "still_gone": "still gone", "not_listicle": "no longer listicles"}
    return "".join(f", {run[key]} {label}" for key, label in names.items() if run.get(key))


def cmd_job_schedule(args: argparse.Namespace) -> int:
    from archiver.job.config import checked_settings
    from archiver.job.schedule import cron_line, install_notes, service_unit, timer_unit, unit_name

    job = _load(args.job_file)
    for warning in checked_settings(job)[1]:  # as `job run` logs them: unknown [settings] names
        print(f"warning: job file {job.path}: {warning}", file=sys.stderr)
    if job.file.schedule is None:
        raise CommandError(
            f"job file {job.path} has no 'schedule'; add one, e.g. schedule = \"0 3 * * *\"", USAGE
        )
    command = _archiver_command()
    parts = {
        "cron": cron_line(job, command),
        "service": service_unit(job, command),
        "timer": timer_unit(job),
    }
    if args.part is not None:
        print(parts[args.part].rstrip("\n"))
        return 0
    name = unit_name(job)
    print("# crontab line")
    print(parts["cron"])
    print(f"\n# {name}.service")
    print(parts["service"])
    print(f"# {name}.timer")
    print(parts["timer"])
    print(install_notes(job))
    return 0


def _archiver_command() -> list[str]:
    """The archiver command as an absolute path (the console script beside this Python), else
    this Python running the package."""
    script = Path(sys.executable).parent / "archiver"
    if script.exists():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "archiver.command"]
