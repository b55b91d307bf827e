"""Append-safe JSON Lines output: a reader never sees half a line, even after a crash."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_jsonl_atomically(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` (one JSON document each) to ``path`` via a temp file and rename.

    The rename is atomic on POSIX, so ``path`` holds either the old file or the complete new one.
    Returns the number of lines written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
