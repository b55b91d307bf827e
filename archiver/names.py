"""File names made from words a user or a folder gives: a job name (``--job``, crawl.json's
``job``), a host name. One rule for every file a job names (WARC prefix, ``<job>.wacz``, the
pywb collection), so none of them can leave its folder.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
JOB_FALLBACK = "crawl"  # the default --job: a name with nothing safe left becomes it


def safe_name_part(text: str, fallback: str = "x") -> str:
    """A file-name fragment that cannot leave its folder: runs of characters other than ASCII
    letters, digits, ``.``, ``_`` and ``-`` become ``-``, leading and trailing dots and dashes
    go (no ``..``, no hidden file), at most 80 characters; ``fallback`` when nothing is left.

    >>> safe_name_part("../../evil"), safe_name_part("..", "crawl"), safe_name_part("a/b")
    ('evil', 'crawl', 'a-b')
    """
    cleaned = _SAFE_NAME.sub("-", text).strip(".-")[:80]
    return cleaned or fallback


def job_file_stem(job: str) -> str:
    """The part of a file name a job gives (``<stem>.wacz``): :func:`safe_name_part` of it,
    ``crawl`` when nothing safe is left (an empty or all-unicode name)."""
    return safe_name_part(job, JOB_FALLBACK)


def job_of(out_dir: Path) -> str:
    """The job of an output folder as crawl.json names it (any text: a title, not a file
    name), else the folder's name."""
    job: object = None
    # No crawl.json, or not one this project wrote: the folder's name.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        job = json.loads((out_dir / "crawl.json").read_text("utf-8")).get("job")
    return job if isinstance(job, str) and job.strip() else out_dir.resolve().name


def job_argument_problem(job: str) -> str | None:
    """Why ``job`` is refused as ``--job`` (it would read as a path), or None. Any other text
    is taken: it is the warcinfo's isPartOf as given, and files get :func:`job_file_stem`."""
    if not job.strip():
        return "an empty job name"
    if "/" in job or "\\" in job or job.strip() in {".", ".."}:
        return f"job name {job!r} looks like a path; give a name without '/', '\\' or '..'"
    if any(ord(char) < 32 or ord(char) == 127 for char in job):
        return f"job name {job!r} holds a control character"
    return None
