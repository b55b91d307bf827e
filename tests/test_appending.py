"""archiver.appending.append_whole: all of the data or none of it, under a real file size limit
(RLIMIT_FSIZE, set in a child process: past it, the kernel accepts part of a write, then EFBIG)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import os, resource, signal, sys
    from archiver.appending import DiskFullError, append_whole
    path, limit, first, second = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    print(append_whole(fd, b"a" * (first - 1) + b"\\n", name="f", sync=True))
    try:
        append_whole(fd, b"b" * (second - 1) + b"\\n", name="f", sync=True)
    except DiskFullError as error:
        print("full:", error)
    else:
        print("fitted")
    """
)


@pytest.mark.parametrize(
    ("limit", "first", "second"), [(3000, 2000, 5000), (4096, 4000, 97), (10_000, 1, 10_000)]
)
def test_a_line_that_does_not_fit_leaves_the_file_as_it_was(
    tmp_path: Path, limit: int, first: int, second: int
) -> None:
    path = tmp_path / "lines.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(limit), str(first), str(second)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[0] == "0"
    assert result.stdout.splitlines()[1] == "full: no space left to write f: File too large"
    assert path.read_bytes() == b"a" * (first - 1) + b"\n"


def test_data_that_fits_is_appended_whole_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"old\n")
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), "100000", "10", "20"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == ["4", "fitted"]
    assert path.read_bytes() == b"old\n" + b"a" * 9 + b"\n" + b"b" * 19 + b"\n"
