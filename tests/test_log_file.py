"""The --log-file on a disk that cannot take it: refused up front when its first line cannot be
written (exit 73, one line); a write that fails later is said once and the crawl goes on."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from archiver.crawl.logs import LogFileHandler
from tests.crawl_command import BIN

FULL = Path("/dev/full")  # every write fails with ENOSPC, as on a full disk


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
def test_a_log_file_on_a_full_disk_exits_73_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [str(BIN / "archiver"), "crawl", "https://example.com/", "--log-file", str(FULL), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 73, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archiver: error: cannot write --log-file /dev/full")
    assert not out.exists()


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
def test_a_log_file_that_fills_up_later_is_said_once_and_written_no_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = LogFileHandler(tmp_path / "crawl.log")
    assert handler.stream is not None
    handler.stream.close()
    handler.stream = FULL.open("w", encoding="utf-8")  # the disk is full from here on
    logger = logging.getLogger("tests.log_file")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for number in range(200):
            logger.warning("line %d", number)
    finally:
        logger.removeHandler(handler)
    stderr = capsys.readouterr().err
    assert "Logging error" not in stderr and "Traceback" not in stderr
    warnings = stderr.strip().splitlines()
    assert len(warnings) == 1 and "cannot write --log-file" in warnings[0], stderr
    assert handler.failed
    assert (tmp_path / "crawl.log").read_text().count("\n") == 1  # the first line only
