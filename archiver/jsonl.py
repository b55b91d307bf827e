"""Append-safe JSON Lines output: a reader never sees half a line, even after a crash."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path


def write_jsonl_atomically(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` (one JSON document each) to ``path`` via a temp file and rename.

    The rename is atomic on POSIX, so ``path`` holds either the old file or the complete new one.
    The file gets the mode the umask gives new files (0644 under umask 022), as the WARC files
    do. Returns the number of lines written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    descriptor, temp_name = _create_beside(path)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            for line in lines:
                handle.write(line.rstrip("\n") + "\n")
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def _create_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in ``path``'s folder, opened for writing: (descriptor, name).

    Not ``tempfile.mkstemp``: it creates files 0600 whatever the umask, and the file is renamed
    into place, so its mode is the output's. ``O_EXCL`` makes the name ours alone.
    """
    while True:
        name = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue


def cut_partial_last_line(path: Path) -> int:
    """Drop a last line without its newline (a write cut by a kill); returns the bytes removed."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("r+b") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) == b"\n":
            return 0
        # Walk back to the previous newline, a block at a time (lines can be long).
        position = size
        while position > 0:
            step = min(65536, position)
            handle.seek(position - step)
            block = handle.read(step)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = position - step + newline + 1
                break
            position -= step
        else:
            keep = 0
        handle.truncate(keep)
        return size - keep
