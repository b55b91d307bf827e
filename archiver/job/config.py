"""The job file: a TOML file naming a scheduled crawl (README "Scheduled jobs").

Read with the standard library's tomllib and validated by a pydantic model that refuses unknown
keys and wrong types; seeds are checked as ``archiver crawl`` checks them, the schedule as a cron
expression (archiver.job.cron), the ``[settings]`` table as ``archiver crawl --set`` values
(archiver.crawl.settings_check). Every failure is :class:`JobFileError`: one line naming the
file and the key. No Scrapy import here: ``archiver job run`` reads the file before it takes the
job's lock, and must answer "locked" at once.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from archiver.job.cron import CronError, parse_cron


class JobFileError(ValueError):
    """A job file that cannot be used: the message names the file, the key and what is wrong."""


class JobFile(BaseModel):
    """The keys of a job file (strict: TOML gives typed values, and "1" is no number here)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    name: str = Field(description="Job name: WARC prefix, warcinfo isPartOf, OUT/<name>.wacz.")
    seeds: list[str] = Field(default_factory=list, description="Seed URLs of listicle pages.")
    sitemaps: list[str] = Field(default_factory=list, description="Sitemap (or index) URLs.")
    feeds: list[str] = Field(default_factory=list, description="RSS or Atom feed URLs.")
    depth: int = Field(default=1, ge=0, description="Recommendation hops from a seed.")
    max_pages: int | None = Field(default=None, ge=1, description="As archiver crawl --max-pages.")
    allow_domains: list[str] = Field(default_factory=list, description="Also follow recommendations here.")
    allow_private: bool = Field(default=False, description="Allow loopback and private addresses.")
    contact: str = Field(default="", description="URL or e-mail for site owners (user agent).")
    out: str = Field(description="The job's folder; relative to the job file's folder.")
    schedule: str | None = Field(default=None, description="5-field cron expression (job schedule).")
    keep_runs: int | None = Field(default=None, ge=1, description="Run folders kept; none: all.")
    lastmod_skip: bool = Field(default=False, description="Skip sitemap entries not newer (lastmod).")
    wacz: bool = Field(default=True, description="Write OUT/<name>.wacz over the kept runs.")
    settings: dict[str, Any] = Field(default_factory=dict, description="Any Scrapy/archiver setting.")
    redis: str | None = Field(default=None, description="Redis URL of a distributed crawl (issue 14).")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        from archiver.names import job_argument_problem

        problem = job_argument_problem(value) if value.strip() else "an empty name"
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str | None) -> str | None:
        if value is not None:
            parse_cron(value)  # CronError is a ValueError: pydantic reports it on the key
        return value

    @field_validator("redis")
    @classmethod
    def _redis(cls, value: str | None) -> str | None:
        if value is not None:
            from archiver.distributed.connection import check_redis_url

            check_redis_url(value)  # a ValueError: pydantic reports it on the key
        return value

    @field_validator("out")
    @classmethod
    def _out(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("an empty path; give the job's folder")
        return value


class Job(BaseModel):
    """A checked job file: its keys, where it is, and the job folder OUT (absolute)."""

    model_config = ConfigDict(frozen=True)
    file: JobFile
    path: Path
    out_dir: Path


def _key_of(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location) or "(file)"


def load_job(path: Path) -> Job:
    """Read and check the job file at ``path`` (its seeds too: that imports Scrapy, see
    :func:`read_job_file`). Raises :class:`JobFileError`."""
    job = read_job_file(path)
    check_seeds(job)
    return job


def read_job_file(path: Path) -> Job:
    """Read the job file and check its keys, without Scrapy (seeds are only checked for being
    there). Raises :class:`JobFileError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise JobFileError(
            f"cannot read job file {path}: {error.strerror or error}; check the path"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise JobFileError(f"job file {path} is not valid TOML: {error}") from None
    try:
        keys = JobFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = _key_of(first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "unknown key (see README 'Scheduled jobs' for the keys)"
        elif first["type"] == "missing":
            message = "missing; it is required"
        raise JobFileError(f"job file {path}: key {key!r}: {message}") from None
    if not (keys.seeds or keys.sitemaps or keys.feeds):
        raise JobFileError(f"job file {path}: no seeds; give 'seeds', 'sitemaps' or 'feeds'")
    out = Path(keys.out).expanduser()
    folder = path.resolve().parent
    return Job(
        file=keys,
        path=path.resolve(),
        out_dir=out if out.is_absolute() else folder / out,
    )


def check_seeds(job: Job) -> None:
    """The seeds, sitemaps and feeds, checked as ``archiver crawl`` checks its own (a scheme,
    a host, no private address unless ``allow_private``). Raises :class:`JobFileError`."""
    from archiver.crawl.seed_check import SeedError, check_seed

    keys = job.file
    for key, what in (("seeds", "seed"), ("sitemaps", "sitemap"), ("feeds", "feed")):
        for url in getattr(keys, key):
            try:
                check_seed(url, allow_private=keys.allow_private, what=what)
            except SeedError as error:
                hint = str(error).replace("pass --allow-private", "set allow_private = true")
                raise JobFileError(f"job file {job.path}: key {key!r}: {hint}") from None


def checked_settings(job: Job) -> tuple[dict[str, Any], list[str]]:
    """The ``[settings]`` table converted to the settings' types, and warnings (unknown names).
    Imports Scrapy (its defaults): called once the job's lock is held. Raises JobFileError."""
    from archiver.crawl.settings_check import SettingError, check_settings, known_settings

    try:
        checked = check_settings(job.file.settings, known_settings())
    except SettingError as error:
        raise JobFileError(f"job file {job.path}: key 'settings': {error}") from None
    return checked.values, checked.warnings


__all__ = [
    "CronError",
    "Job",
    "JobFile",
    "JobFileError",
    "check_seeds",
    "checked_settings",
    "load_job",
    "read_job_file",
]
