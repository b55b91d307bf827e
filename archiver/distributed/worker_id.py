"""A worker's id: made once per ``--out`` folder and kept in it, so a restarted worker is the
same worker (it hands its own stale leases back first) and its WARC names stay recognisable."""

from __future__ import annotations

import secrets
from pathlib import Path

WORKER_ID_FILE = "worker-id"


def worker_id(out_dir: Path) -> str:
    """The id kept in ``out_dir/worker-id`` (``w`` + 8 hex digits), made on first use. Raises
    OSError when the folder cannot be written."""
    path = out_dir / WORKER_ID_FILE
    try:
        kept = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        kept = ""
    if kept.startswith("w") and kept[1:].isalnum() and len(kept) <= 32:
        return kept
    made = "w" + secrets.token_hex(4)
    out_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(made + "\n", encoding="ascii")
    return made
