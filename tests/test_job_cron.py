"""archiver.job.cron: cron expressions checked, and their systemd OnCalendar= form (verified
with systemd-analyze calendar where that binary exists)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta

import pytest

from archiver.job.cron import CronError, on_calendar, parse_cron


@pytest.mark.parametrize(
    ("expression", "calendars"),
    [
        ("0 3 * * *", ["*-*-* 03:00:00"]),
        ("*/15 2-5 * * mon-fri", ["Mon,Tue,Wed,Thu,Fri *-*-* 02..05:00,15,30,45:00"]),
        ("30 4 1 jan,jul *", ["*-01,07-01 04:30:00"]),
        ("0 0 * * 0", ["Sun *-*-* 00:00:00"]),
        ("0 0 * * 7", ["Sun *-*-* 00:00:00"]),
        ("@daily", ["*-*-* 00:00:00"]),
        ("10 1 */10 * *", ["*-*-01,11,21,31 01:10:00"]),
        ("0 6 * * sat,sun", ["Sat,Sun *-*-* 06:00:00"]),
        ("0 12 1-7 * 1", ["*-*-01..07 12:00:00", "Mon *-*-* 12:00:00"]),
        ("0 8 */2 * mon", ["Mon *-*-01,03,05,07,09,11,13,15,17,19,21,23,25,27,29,31 08:00:00"]),
    ],
)
def test_on_calendar(expression: str, calendars: list[str]) -> None:
    assert on_calendar(parse_cron(expression)) == calendars


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("0 3 * *", "has 4 fields"),
        ("60 * * * *", "minute field: 60 is out of range 0-59"),
        ("0 24 * * *", "hour field: 24 is out of range"),
        ("0 0 0 * *", "day of month field: 0 is out of range 1-31"),
        ("0 0 * 13 *", "month field: 13"),
        ("0 0 * * 8", "day of week field: 8"),
        ("0 0 * * funday", "day of week field: 'funday' is not a number or a name (sun-sat)"),
        ("*/0 * * * *", "the step must be a whole number above 0"),
        ("5-1 * * * *", "runs backwards"),
        ("1,,2 * * * *", "an empty list entry"),
        ("@reboot", "not a time of day"),
    ],
)
def test_bad_expressions_name_the_field(expression: str, message: str) -> None:
    with pytest.raises(CronError, match=None) as caught:
        parse_cron(expression)
    assert message in str(caught.value)


def _cron_day_matches(expression: str, moment: datetime) -> bool:
    """Cron's own rule for the day (the day fields ORed when both are restricted)."""
    schedule = parse_cron(expression)
    day_ok = moment.day in schedule.days
    weekday_ok = (moment.weekday() + 1) % 7 in schedule.weekdays
    both = schedule.days_star or schedule.weekdays_star
    return moment.month in schedule.months and ((day_ok and weekday_ok) if both else (day_ok or weekday_ok))


def _cron_matches(expression: str, moment: datetime) -> bool:
    schedule = parse_cron(expression)
    in_day = moment.minute in schedule.minutes and moment.hour in schedule.hours
    return in_day and _cron_day_matches(expression, moment)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize(
    "expression", ["*/15 2-5 * * mon-fri", "0 12 1-7 * 1", "30 4 */2 jan-mar,dec 7", "0 0 1,15 feb sun"]
)
def test_systemd_agrees_with_cron_on_the_next_elapses(expression: str) -> None:
    """systemd-analyze calendar --iterations lists the next times; cron's rule must hold for
    each, and none that cron would run in between may be missing (checked minute by minute)."""
    start = datetime(2030, 1, 1, 0, 0)
    elapses: set[datetime] = set()
    for calendar in on_calendar(parse_cron(expression)):
        result = subprocess.run(
            [
                "systemd-analyze",
                "calendar",
                "--iterations=12",
                f"--base-time={start:%Y-%m-%d %H:%M:%S}",
                calendar,
            ],
            capture_output=True,
            text=True,
            check=True,
            env={"TZ": "UTC", "PATH": "/usr/bin:/bin"},
        )
        for line in result.stdout.splitlines():
            if "Next elapse:" in line or "Iter." in line:
                stamp = " ".join(line.split(":", 1)[1].split()[1:3])
                elapses.add(datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S"))
    assert elapses
    first = sorted(elapses)[:12]
    moment = start + timedelta(minutes=1)
    while moment <= first[-1]:
        if not _cron_day_matches(expression, moment):  # a day cron skips: none of it elapses
            assert moment.date() not in {elapse.date() for elapse in elapses}, moment
            moment = (moment + timedelta(days=1)).replace(hour=0, minute=0)
            continue
        assert _cron_matches(expression, moment) == (moment in elapses), moment
        moment += timedelta(minutes=1)
