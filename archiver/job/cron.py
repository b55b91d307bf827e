"""Cron expressions (the job file's ``schedule``): checked, and turned into systemd ``OnCalendar=``.

Pure. The five fields of crontab(5): minute (0-59), hour (0-23), day of month (1-31), month
(1-12 or jan-dec), day of week (0-7, 0 and 7 Sunday, or sun-sat); each ``*``, a value, a range
``a-b``, a step ``*/n`` or ``a-b/n`` or ``a/n``, or a comma list of those. The nicknames @hourly,
@daily (@midnight), @weekly, @monthly, @yearly (@annually) stand for their five fields; @reboot
is no calendar time and is refused.

Cron's one trap: when day of month and day of week are both restricted (neither starts with
``*``), a day matches if EITHER matches (Vixie cron, cronie). systemd's ``OnCalendar=`` ANDs its
parts, so such a schedule becomes two ``OnCalendar=`` lines (a timer fires on their union).
"""

from __future__ import annotations

from dataclasses import dataclass

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_SYSTEMD_DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
# The most days each month can have (February: a leap year's).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
NICKNAMES = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}


class CronError(ValueError):
    """A schedule that is no valid cron expression; the message names the field and why."""


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()
    names_from: int = 0  # the value of names[0]


_FIELDS = (
    _Field("minute", 0, 59),
    _Field("hour", 0, 23),
    _Field("day of month", 1, 31),
    _Field("month", 1, 12, _MONTHS, 1),
    _Field("day of week", 0, 7, _DAYS, 0),
)


@dataclass(frozen=True)
class CronSchedule:
    """A parsed cron expression: the values each field allows (sorted; day of week 0-6, Sunday
    0), and whether day of month / day of week were given as ``*...`` (unrestricted for cron's
    OR rule)."""

    expression: str
    minutes: tuple[int, ...]
    hours: tuple[int, ...]
    days: tuple[int, ...]
    months: tuple[int, ...]
    weekdays: tuple[int, ...]
    days_star: bool
    weekdays_star: bool


def parse_cron(expression: str) -> CronSchedule:
    """Parse ``expression``; raises :class:`CronError` naming the field that is wrong."""
    text = " ".join(expression.split())
    if text.startswith("@"):
        if text.lower() == "@reboot":
            raise CronError("@reboot is not a time of day; give five cron fields, e.g. '0 3 * * *'")
        if text.lower() not in NICKNAMES:
            raise CronError(f"unknown nickname {text!r}; use one of {', '.join(NICKNAMES)} or five fields")
        text = NICKNAMES[text.lower()]
    parts = text.split(" ")
    if len(parts) != 5:
        raise CronError(
            f"{expression!r} has {len(parts) if text else 0} fields, cron needs 5 "
            "(minute hour day-of-month month day-of-week), e.g. '0 3 * * *'"
        )
    values = [_parse_field(part, spec) for part, spec in zip(parts, _FIELDS, strict=True)]
    # The day of month alone decides (cron ORs it with a restricted day of week): a day no
    # chosen month has ("* * 31 2 *", "0 3 31 4,6 *") is a schedule that never runs.
    day_of_month_only = not parts[2].startswith("*") and parts[4].startswith("*")
    if day_of_month_only and not any(
        day <= _MONTH_DAYS[month - 1] for month in values[3] for day in values[2]
    ):
        days = ",".join(str(day) for day in values[2])
        raise CronError(f"{expression!r} never runs: day {days} does not occur in the month(s) it names")
    weekdays = tuple(sorted({day % 7 for day in values[4]}))
    return CronSchedule(
        expression=text,
        minutes=tuple(values[0]),
        hours=tuple(values[1]),
        days=tuple(values[2]),
        months=tuple(values[3]),
        weekdays=weekdays,
        days_star=parts[2].startswith("*"),
        weekdays_star=parts[4].startswith("*"),
    )


def _value(text: str, spec: _Field) -> int:
    lowered = text.lower()
    if spec.names and lowered in spec.names:
        return spec.names.index(lowered) + spec.names_from
    if not text.isdigit():
        named = f" or a name ({spec.names[0]}-{spec.names[-1]})" if spec.names else ""
        raise CronError(f"{spec.name} field: {text!r} is not a number{named}")
    number = int(text)
    if not spec.low <= number <= spec.high:
        raise CronError(f"{spec.name} field: {number} is out of range {spec.low}-{spec.high}")
    return number


def _parse_field(text: str, spec: _Field) -> list[int]:
    found: set[int] = set()
    for part in text.split(","):
        if not part:
            raise CronError(f"{spec.name} field {text!r}: an empty list entry")
        base, slash, step_text = part.partition("/")
        step = 1
        if slash:
            if not step_text.isdigit() or int(step_text) == 0:
                raise CronError(f"{spec.name} field {part!r}: the step must be a whole number above 0")
            step = int(step_text)
        if base == "*":
            low, high = spec.low, spec.high
        elif "-" in base:
            first, _, last = base.partition("-")
            low, high = _value(first, spec), _value(last, spec)
            if low > high:
                raise CronError(f"{spec.name} field {part!r}: the range runs backwards")
        else:
            low = _value(base, spec)
            # "a/n": from a to the end in steps of n (cronie); "a": just a.
            high = spec.high if slash else low
        found.update(range(low, high + 1, step))
    return sorted(found)


def _component(values: tuple[int, ...], full: range, width: int) -> str:
    """One OnCalendar component: ``*`` for every value, else a list of values and ``a..b``
    ranges (systemd.time(7))."""
    if tuple(full) == values:
        return "*"
    parts: list[str] = []
    start = previous = values[0]
    for value in [*values[1:], None]:
        if value is not None and value == previous + 1:
            previous = value
            continue
        if previous - start >= 2:
            parts.append(f"{start:0{width}d}..{previous:0{width}d}")
        else:
            parts.extend(f"{number:0{width}d}" for number in range(start, previous + 1))
        if value is not None:
            start = previous = value
    return ",".join(parts)


def _weekday_component(weekdays: tuple[int, ...]) -> str:
    # Monday first, as systemd reads a range (Mon..Fri); Sunday (0) last.
    ordered = sorted(weekdays, key=lambda day: (day + 6) % 7)
    return ",".join(_SYSTEMD_DAYS[day] for day in ordered)


def on_calendar(schedule: CronSchedule) -> list[str]:
    """The ``OnCalendar=`` values that fire when ``schedule`` does (local time, as cron): one,
    or two when cron ORs day of month and day of week (both restricted)."""
    time = f"{_component(schedule.hours, range(24), 2)}:{_component(schedule.minutes, range(60), 2)}:00"
    months = _component(schedule.months, range(1, 13), 2)
    days = _component(schedule.days, range(1, 32), 2)
    all_week = schedule.weekdays == tuple(range(7))
    weekdays = "" if all_week else _weekday_component(schedule.weekdays) + " "
    if not schedule.days_star and not schedule.weekdays_star:
        # Cron: either the day of month or the day of week matches. systemd: two timers' worth.
        return [f"*-{months}-{days} {time}", f"{_weekday_component(schedule.weekdays)} *-{months}-* {time}"]
    # Either field given as "*..." (cron's star flag): cron ANDs them, as systemd does.
    return [f"{weekdays}*-{months}-{days} {time}"]
