"""``archiver view`` on bad input: one line and an exit code (sysexits, as the crawl's), never a
traceback; a damaged line of articles.jsonl skipped with a warning; the export folder refused
or replaced whole; SIGTERM and Ctrl-C stop the server with exit 0."""

from __future__ import annotations

import html
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from archiver.replay.links import replay_link
from tests.view_command import fetch, running_view, view_command
from tests.view_folder import DATE, SITE, MadeFolder, picture


@pytest.fixture
def made(tmp_path: Path) -> Path:
    folder = MadeFolder(tmp_path / "out")
    photo = folder.response(f"{SITE}/a.jpg", picture(50, 40), "image/jpeg")
    folder.item("An item", f"{SITE}/a.jpg", folder.capture(photo))
    return folder.save(title="1 Made Thing")


def _run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    out, *rest = (str(argument) for argument in arguments)
    return subprocess.run(view_command(Path(out), *rest), capture_output=True, text=True, timeout=120)


def _one_line(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archiver: error: "), result.stderr
    for word in words:
        assert word in lines[0]
    assert result.stdout == ""


def test_a_missing_folder_or_one_without_articles_is_refused_with_66(tmp_path: Path) -> None:
    _one_line(_run(tmp_path / "nowhere"), 66, "nowhere", "not a folder")
    (tmp_path / "empty").mkdir()
    _one_line(_run(tmp_path / "empty"), 66, "articles.jsonl")
    _one_line(_run(tmp_path / "nowhere", "--export", tmp_path / "site"), 66)
    assert not (tmp_path / "site").exists()


def test_a_taken_port_is_refused_with_69(made: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        _one_line(_run(made, "--port", str(port)), 69, f"127.0.0.1:{port}", "--port")


def test_a_damaged_line_is_skipped_with_a_warning_and_the_rest_is_served(made: Path) -> None:
    articles = made / "articles.jsonl"
    good = articles.read_text()
    articles.write_text('{"not": "an article"}\n' + good + '{cut\n{"url": "still being writ')
    with running_view(made) as view:
        index = fetch(view.url)[2].decode()
    assert "1 Made Thing" in index and "1 of 1 articles" in index
    assert "3 damaged line(s) of articles.jsonl left out" in index
    assert view.stopped_output is not None
    warnings = [line for line in view.stopped_output[1].splitlines() if " skipped" in line]
    assert [line.split(" skipped")[0] for line in warnings] == [
        "archiver view: warning: line 1 of articles.jsonl",
        "archiver view: warning: line 3 of articles.jsonl",
        "archiver view: note: line 4 of articles.jsonl",
    ]


def test_the_export_refuses_a_folder_holding_anything_else_and_leaves_it_alone(
    made: Path, tmp_path: Path
) -> None:
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "chapter1.tex").write_text("mine")
    _one_line(_run(made, "--export", target), 73, "not empty", "not an earlier export")
    assert [path.name for path in target.iterdir()] == ["chapter1.tex"]
    (tmp_path / "a-file").write_text("x")
    _one_line(_run(made, "--export", tmp_path / "a-file"), 73, "not a folder")
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]  # no leftovers


def test_the_export_replaces_an_earlier_export_whole(made: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    assert _run(made, "--export", target).returncode == 0
    (target / "articles" / "stale.html").write_text("from an earlier crawl")
    (made / "articles.jsonl").write_text(
        (made / "articles.jsonl").read_text().replace("1 Made Thing", "1 New Thing")
    )
    result = _run(made, "--export", target)
    assert result.returncode == 0, result.stderr
    assert not (target / "articles" / "stale.html").exists()
    assert "1 New Thing" in (target / "index.html").read_text()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "site"]  # nothing left aside
    shutil.rmtree(target / "thumbs")
    assert _run(made, "--export", target).returncode == 0  # a damaged export is an export still
    assert len(list((target / "thumbs").iterdir())) == 1


def test_the_export_links_items_to_the_replay_given(made: Path, tmp_path: Path) -> None:
    prefix = "https://replay.example/coll"
    assert _run(made, "--export", tmp_path / "site", "--replay-url", prefix).returncode == 0
    page = next((tmp_path / "site" / "articles").iterdir()).read_text()
    # The archived page does not show the heading: its words, then the other candidates.
    expected = replay_link(prefix, DATE, f"{SITE}/list/", "An item")
    href = html.unescape(page.split('<p class="replay"><a href="', 1)[1].split('"', 1)[0])
    assert href.startswith(expected + "&text=") and ">Item 1 in the archived page</a>" in page


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_server_stops_on_sigterm_or_ctrl_c_with_exit_0_and_no_traceback(made: Path, stop: int) -> None:
    with running_view(made) as view:
        assert fetch(view.url)[0] == 200
        view.process.send_signal(stop)
        view.process.wait(timeout=60)
    # running_view asserted exit 0 and no traceback.


def test_a_port_out_of_range_is_a_usage_error(made: Path) -> None:
    _one_line(_run(made, "--port", "70000"), 64, "--port")
