"""The output folder's lock: :mod:`archiver.locking` (kept importable under this name)."""

from archiver.locking import LOCK_FILE, OutputLock, OutputLocked

__all__ = ["LOCK_FILE", "OutputLock", "OutputLocked"]
