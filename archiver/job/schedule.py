"""``archiver job schedule``: the crontab line and the systemd timer + service of a job.

Pure: given the job, the archiver command's path and the job file's path. The timer's
``OnCalendar=`` comes from the cron expression (archiver.job.cron), local time as cron's;
``Persistent=true`` runs a start missed while the machine was off at the next boot.
"""

from __future__ import annotations

import shlex

from archiver.job.config import Job
from archiver.job.cron import on_calendar, parse_cron
from archiver.names import job_file_stem

LOG_FILE = "job.log"


def unit_name(job: Job) -> str:
    """``archiver-job-<name>`` (the name's safe part): the units' file names without suffix."""
    return f"archiver-job-{job_file_stem(job.file.name)}"


def _systemd_word(text: str) -> str:
    """One ExecStart= argument: quoted when it holds a space or quote; ``%`` doubled
    (systemd.unit(5) specifiers)."""
    text = text.replace("%", "%%")
    if any(char in text for char in " \t\"'\\"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def cron_line(job: Job, command: list[str]) -> str:
    """The crontab line: the schedule, the command (absolute paths) and the log appended to
    OUT/job.log. ``%`` escaped: cron reads a bare ``%`` as a newline."""
    schedule = parse_cron(job.file.schedule or "")
    words = [*command, "job", "run", str(job.path)]
    log = job.out_dir / LOG_FILE
    line = f"{shlex.join(words)} >> {shlex.quote(str(log))} 2>&1"
    return f"{schedule.expression} {line.replace('%', chr(92) + '%')}"


def service_unit(job: Job, command: list[str]) -> str:
    """The ``.service``: one run of the job (Type=oneshot: the timer does not start another
    while it runs); exit 75 (the job is locked by a run started by hand) is no failure."""
    words = [*command, "job", "run", str(job.path), "--log-file", str(job.out_dir / LOG_FILE)]
    return "\n".join(
        [
            "[Unit]",
            f"Description=listicle-archiver job {job.file.name}",
            # No Wants/After=network-online.target: a --user unit cannot order itself after a
            # system target (it does nothing there); a system unit adds both (install notes).
            "",
            "[Service]",
            "Type=oneshot",
            f"WorkingDirectory={_systemd_word(str(job.path.parent))}",
            f"ExecStart={' '.join(_systemd_word(word) for word in words)}",
            "SuccessExitStatus=75",
            "",
        ]
    )


def timer_unit(job: Job) -> str:
    """The ``.timer``: OnCalendar= from the schedule (two lines when cron ORs day of month and
    day of week, see archiver.job.cron), Persistent=true."""
    schedule = parse_cron(job.file.schedule or "")
    calendars = on_calendar(schedule)
    lines = [
        "[Unit]",
        f"Description=listicle-archiver job {job.file.name} ({schedule.expression})",
        "",
        "[Timer]",
    ]
    if len(calendars) > 1:
        lines.append("# cron runs on either the day of month or the day of week given: one line for each")
    lines += [f"OnCalendar={calendar}" for calendar in calendars]
    lines += [
        "Persistent=true",
        f"Unit={unit_name(job)}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ]
    return "\n".join(lines)


def install_notes(job: Job) -> str:
    name = unit_name(job)
    return "\n".join(
        [
            "# cron: add the line with `crontab -e`.",
            f"# systemd (per user): save the units as ~/.config/systemd/user/{name}.service and "
            f"~/.config/systemd/user/{name}.timer, then",
            f"#   systemctl --user daemon-reload && systemctl --user enable --now {name}.timer",
            "#   loginctl enable-linger $USER   # to run while you are logged out",
            f"# check: systemctl --user list-timers {name}.timer; journalctl --user -u {name}.service",
            "# systemd (system-wide): save them in /etc/systemd/system/, add User=<you> under [Service] "
            "and Wants=network-online.target",
            "#   and After=network-online.target under [Unit] (a system unit can wait for the network), then",
            f"#   systemctl daemon-reload && systemctl enable --now {name}.timer",
        ]
    )
