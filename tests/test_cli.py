"""The ``archiver`` command, run as a real subprocess (its exit codes and streams are the contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_PAGES


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archiver.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_parse_prints_one_json_line_per_file() -> None:
    page = FIXTURE_PAGES / "wordpress-countdown-toc.html"
    result = run("parse", str(page), "--url", "https://trailnotes.example/best-hiking-trails-alps/")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["declared_count"] == 10
    assert [item["number"] for item in record["items"]] == list(range(10, 0, -1))
    assert "Höhenweg" in lines[0]  # UTF-8 out, no \u escapes


def test_parse_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archiver.cli", "parse", "-", "--url", "https://x.example/a"],
        input=b"<title>3 Things</title><h2>1. A</h2><h2>2. B</h2><h2>3. C</h2>",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["is_listicle"] is True


def test_parse_error_exits_non_zero_with_the_message_and_no_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = run("parse", str(empty), "--url", "https://x.example/a")
    assert result.returncode == 65  # EX_DATAERR: not HTML
    assert result.stdout == ""
    assert "empty document" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_a_clear_error() -> None:
    result = run("parse", "/nonexistent/page.html")
    assert result.returncode == 66  # EX_NOINPUT
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_standard_input_without_url_is_a_usage_error_not_a_made_up_url() -> None:
    for name in ("-", "/dev/stdin"):
        result = subprocess.run(
            [sys.executable, "-m", "archiver.cli", "parse", name],
            input=b"<title>3 Things</title><h2>1. A</h2><h2>2. B</h2><h2>3. C</h2>",
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 64, result.stderr
        assert result.stdout == b""
        [line] = result.stderr.decode().splitlines()
        assert line.startswith("archiver: error: ") and "--url" in line


def test_schema_without_a_name_is_a_usage_error_that_lists_the_names() -> None:
    result = run("schema")
    assert result.returncode != 0 and not result.stdout
    assert "Traceback" not in result.stderr
    assert all(name in result.stderr for name in ("page", "article", "reject", "pages"))
    assert run("schema", "nonsense").returncode == result.returncode


def test_schema_page_is_the_json_schema_of_the_page_record() -> None:
    result = run("schema", "page")
    schema = json.loads(result.stdout)
    assert schema["title"] == "ListiclePage"
    assert schema["additionalProperties"] is False
    assert {"Item", "Image", "Credit", "Link"} <= set(schema["$defs"])
