"""The job file (archiver.job.config) and ``archiver job schedule``, through the command."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from archiver.job.config import JobFileError, load_job
from tests.crawl_command import BIN

GOOD = """\
name = "daily"
seeds = ["https://site.example/a/"]
sitemaps = ["https://site.example/sitemap.xml"]
feeds = ["https://site.example/feed.xml"]
depth = 1
max_pages = 100
allow_domains = ["other.example"]
allow_private = false
contact = "mailto:archivist@example.org"
out = "jobs/daily"
schedule = "30 2 * * mon-fri"
keep_runs = 7
lastmod_skip = true
wacz = true

[settings]
DOWNLOAD_TIMEOUT = 60
"""


def archiver(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "archiver"), *arguments], capture_output=True, text=True, timeout=120, check=False, cwd=cwd
    )


def test_every_key_is_read_and_out_is_relative_to_the_job_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "daily.toml"
    path.parent.mkdir()
    path.write_text(GOOD)
    job = load_job(path)
    assert job.out_dir == tmp_path / "conf" / "jobs" / "daily"
    assert job.file.keep_runs == 7 and job.file.lastmod_skip and job.file.settings == {"DOWNLOAD_TIMEOUT": 60}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("depth = 1", "dpeth = 1"), "key 'dpeth': unknown key"),
        (("depth = 1", 'depth = "1"'), "key 'depth': Input should be a valid integer"),
        (("keep_runs = 7", "keep_runs = 0"), "key 'keep_runs': Input should be greater than or equal to 1"),
        (('name = "daily"\n', ""), "key 'name': missing; it is required"),
        (
            ('schedule = "30 2 * * mon-fri"', 'schedule = "30 25 * * *"'),
            "key 'schedule': hour field: 25 is out of range",
        ),
        (
            ("DOWNLOAD_TIMEOUT = 60", 'DOWNLOAD_TIMEOUT = "soon"'),
            "key 'settings': setting DOWNLOAD_TIMEOUT=soon",
        ),
        (("https://site.example/a/", "ftp://site.example/a/"), "key 'seeds': seed 'ftp://site.example/a/'"),
        (("https://site.example/a/", "http://127.0.0.1/a/"), "set allow_private = true"),
        (("depth = 1", "depth = 1\ndepth = 2"), "is not valid TOML"),
    ],
)
def test_a_bad_job_file_is_one_line_naming_the_key_and_exit_64(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace(*change))
    result = archiver("job", "run", str(path))
    assert result.returncode == 64, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("archiver: error: ") and message in line and str(path) in line


def test_no_seeds_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text('name = "x"\nout = "o"\n')
    with pytest.raises(JobFileError, match="no seeds; give 'seeds', 'sitemaps' or 'feeds'"):
        load_job(path)


def test_schedule_prints_cron_line_and_systemd_units(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace("30 2 * * mon-fri", "*/20 1-3 * jan-jun 1,3,5"))
    cron = archiver("job", "schedule", str(path), "--cron", cwd=tmp_path)
    assert cron.returncode == 0, cron.stderr
    fields = cron.stdout.strip().split(" ", 5)
    assert fields[:5] == ["*/20", "1-3", "*", "jan-jun", "1,3,5"]
    words = shlex.split(fields[5])
    assert words[:4] == [str(BIN / "archiver"), "job", "run", str(path)]
    assert Path(words[0]).is_absolute() and Path(words[3]).is_absolute()
    assert words[4:] == [">>", str(tmp_path / "jobs" / "daily" / "job.log"), "2>&1"]

    service = configparser.ConfigParser()
    service.optionxform = str  # type: ignore[assignment,method-assign]
    service.read_string(archiver("job", "schedule", str(path), "--service").stdout)
    assert service["Service"]["Type"] == "oneshot"
    assert shlex.split(service["Service"]["ExecStart"])[:4] == [
        str(BIN / "archiver"),
        "job",
        "run",
        str(path),
    ]
    timer = configparser.ConfigParser()
    timer.optionxform = str  # type: ignore[assignment,method-assign]
    timer.read_string(archiver("job", "schedule", str(path), "--timer").stdout)
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "archiver-job-daily.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    calendar = timer["Timer"]["OnCalendar"]
    assert calendar == "Mon,Wed,Fri *-01..06-* 01..03:00,20,40:00"
    if shutil.which("systemd-analyze"):
        checked = subprocess.run(
            ["systemd-analyze", "calendar", calendar], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr
    everything = archiver("job", "schedule", str(path)).stdout
    assert (
        cron.stdout.strip() in everything
        and "[Service]" in everything
        and "systemctl --user enable" in everything
    )


def test_schedule_with_both_day_fields_gets_two_calendars(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace("30 2 * * mon-fri", "0 4 1,15 * sun"))
    timer = archiver("job", "schedule", str(path), "--timer").stdout
    calendars = [line.split("=", 1)[1] for line in timer.splitlines() if line.startswith("OnCalendar=")]
    assert calendars == ["*-*-01,15 04:00:00", "Sun *-*-* 04:00:00"]
    assert "# cron runs on either the day of month or the day of week" in timer


def test_schedule_without_a_schedule_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace('schedule = "30 2 * * mon-fri"\n', ""))
    result = archiver("job", "schedule", str(path))
    assert result.returncode == 64 and "has no 'schedule'" in result.stderr


@pytest.mark.parametrize("expression", ["* * 31 2 *", "0 3 30,31 feb *", "0 3 31 4,6,9,11 *"])
def test_a_schedule_that_never_runs_is_refused_in_one_line(tmp_path: Path, expression: str) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace("30 2 * * mon-fri", expression))
    result = archiver("job", "schedule", str(path))
    assert result.returncode == 64 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "never runs: day" in line and "does not occur in the month(s) it names" in line
    # Feb 29 runs in leap years, and a restricted day of week ORs in: both are accepted.
    for runs in ("0 3 29 2 *", "0 3 31 2 mon"):
        path.write_text(GOOD.replace("30 2 * * mon-fri", runs))
        assert archiver("job", "schedule", str(path), "--cron").returncode == 0


def test_schedule_warns_about_unknown_settings_and_user_units_need_no_network_target(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD + "AUTOTHROTLE_ENABLED = false\n")  # into GOOD's [settings]
    result = archiver("job", "schedule", str(path))
    assert result.returncode == 0
    [warning] = [line for line in result.stderr.splitlines() if "AUTOTHROTLE_ENABLED" in line]
    assert warning.startswith(f"warning: job file {path}: ")
    service = archiver("job", "schedule", str(path), "--service").stdout
    assert "network-online.target" not in service  # does nothing in a --user unit
    assert "After=network-online.target under [Unit]" in result.stdout  # the system unit's notes


def test_a_name_unsafe_in_a_unit_name_is_made_safe_the_same_way_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "daily.toml"
    path.write_text(GOOD.replace('name = "daily"', 'name = "my daily/news"'))
    assert archiver("job", "schedule", str(path)).returncode == 64  # a path, refused
    path.write_text(GOOD.replace('name = "daily"', 'name = "my daily news"'))
    result = archiver("job", "schedule", str(path))
    assert result.returncode == 0, result.stderr
    assert "# archiver-job-my-daily-news.service" in result.stdout
    assert "Unit=archiver-job-my-daily-news.service" in result.stdout
    assert "enable --now archiver-job-my-daily-news.timer" in result.stdout
