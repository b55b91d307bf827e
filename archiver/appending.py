"""Appending to a file whole or not at all: the one rule the WARC files and the JSON Lines
files share. A full disk (or a file size limit) may accept part of a write; the file is then
cut back to where the data began, so a reader never finds half a record or half a line."""

from __future__ import annotations

import contextlib
import errno
import os

NO_SPACE = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


class DiskFullError(OSError):
    """The disk (or a size limit) is full; what was written before stays valid."""


def append_whole(fd: int, data: bytes, *, name: str, sync: bool = False) -> int:
    """Write all of ``data`` at the end of the file open as ``fd`` (an unbuffered descriptor)
    and, with ``sync``, fsync it. Returns the offset where ``data`` begins.

    On any error the file is cut back to that offset (nothing of ``data`` stays) and the error
    raised: :class:`DiskFullError` for ENOSPC, EFBIG and EDQUOT (its message names ``name``),
    the ``OSError`` as it is otherwise. Short writes are retried.
    """
    offset = os.lseek(fd, 0, os.SEEK_END)
    view = memoryview(data)
    try:
        while view:
            written = os.write(fd, view)
            if not written:
                raise OSError(errno.EIO, "the file accepted no bytes")
            view = view[written:]
        if sync:
            os.fsync(fd)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, offset)
            os.lseek(fd, offset, os.SEEK_SET)
        if error.errno in NO_SPACE:
            raise DiskFullError(f"no space left to write {name}: {error.strerror}") from error
        raise
    return offset
