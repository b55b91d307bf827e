"""Scratch files and folders that carry their owner's process id, and the removal of those
whose owner is gone.

A process killed while it writes (SIGKILL, power loss) leaves its temporary files behind: a
WACZ being written (``.<name>.wacz.pid<P>-<hex>.tmp``, as large as the WACZ) and scratch
folders (``.archiver-wacz-pid<P>-*``, ``archiver-cdxj-pid<P>-*``). Each name says which process
made it, so the next process writing there removes the ones whose process no longer runs, and
never those of a process still running (a packaging running beside it). A pid reused by an
unrelated process keeps its files until that one ends too: left, never wrongly removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

_OWNED = re.compile(
    r"^(?:\.archiver-wacz-|archiver-cdxj-)pid(?P<pid>\d+)-"  # scratch folders
    r"|^\..+\.wacz\.pid(?P<temp_pid>\d+)-[0-9a-f]+\.tmp$"  # a WACZ being written
)


def owner_tag() -> str:
    """``pid<P>-`` for this process: the part of a scratch name that says who owns it."""
    return f"pid{os.getpid()}-"


def process_running(pid: int) -> bool:
    """Whether a process ``pid`` exists (signal 0 probes without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


def remove_stale(folder: Path) -> list[str]:
    """Remove from ``folder`` the scratch files and folders (names as above) whose owner is no
    longer running; the names removed. Errors are ignored (a file removed by another process
    meanwhile, a read-only folder): this is housekeeping, never the caller's failure."""
    removed: list[str] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _OWNED.match(entry.name)
        if match is None:
            continue
        pid = int(match.group("pid") or match.group("temp_pid"))
        if pid == os.getpid() or process_running(pid):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry.name)
    return removed
