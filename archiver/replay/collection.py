"""A pywb collection over a crawl's output folder, without copying its WARC files.

pywb (``wayback``) reads ``config.yaml`` from its working folder. This module writes that folder:
a collection named after the job whose ``archive_paths`` is ``OUT/warc/`` itself and whose
index is one sorted CDXJ file (:func:`archiver.warc.cdxj.sorted_lines`), rebuilt only when the
WARC files changed (a later run into the same folder adds or grows them).

Where: ``OUT/.replay/``. A dot folder beside ``warc/``: hidden from listings, named like no file
a crawl writes, outside ``warc/`` (so a WACZ or a WARC glob never takes it for an archive), and
kept between sessions so a large crawl is not indexed again at every start. When ``OUT`` is not
writable (a colleague's read-only copy), a temporary folder is used instead and removed at the
end.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from archiver.job.runs import RUNS_FOLDER
from archiver.names import JOB_FALLBACK, job_file_stem, job_of
from archiver.outputs import output_folder
from archiver.warc.cdxj import sorted_lines

REPLAY_FOLDER = ".replay"
INDEX_FILE = "index.cdxj"
# What the index was built from (each WARC's name, size and modification time): when it differs
# from the folder's WARCs now, the index is stale.
SOURCES_FILE = "index-sources.json"
CONFIG_FILE = "config.yaml"
BANNER_TEMPLATE = Path("templates") / "custom_banner.html"

# Names pywb's front end routes itself; a collection named so would be shadowed.
_RESERVED = {"static", "collinfo.json", "cdx", "record", "proxy-fetch", "_"}
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")

# Frameless replay (``framed_replay: false``) is bannerless since pywb 2.7; this one says that the
# page is an archived capture and when it was taken, at the bottom of the window so that a page
# scrolled to an item (the text fragment centres it) keeps the item in view. Jinja template:
# ``cdx`` is the capture's index entry.
BANNER_HTML = """\
<!-- archiver replay: the capture banner of frameless replay -->
<script>
document.addEventListener("DOMContentLoaded", function () {
  var ts = "{{ cdx.timestamp }}";
  var bar = document.createElement("div");
  bar.id = "_archiver_replay_banner";
  bar.setAttribute("role", "note");
  bar.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;margin:0;"
    + "padding:2px 8px;font:12px/1.5 sans-serif;background:#222;color:#fff;opacity:.85;";
  bar.textContent = "Archived capture of " + {{ cdx.url | tojson }} + ", "
    + ts.slice(0, 4) + "-" + ts.slice(4, 6) + "-" + ts.slice(6, 8) + " "
    + ts.slice(8, 10) + ":" + ts.slice(10, 12) + ":" + ts.slice(12, 14) + " UTC (archiver replay)";
  document.body.appendChild(bar);
});
</script>
"""


@dataclass(frozen=True)
class Collection:
    """A pywb root folder (``folder``, holding ``config.yaml``) serving one collection ``name``."""

    folder: Path
    name: str


class NoWarcs(Exception):
    """The output folder holds no ``warc/*.warc.gz`` file: nothing to replay."""


def collection_name(out: Path) -> str:
    """The collection's name: crawl.json's ``job``, else the folder's name, reduced to letters,
    digits, ``_`` and ``-`` (a URL path segment pywb routes as is); ``crawl`` when nothing is left
    or the name is one pywb reserves.

    >>> collection_name(Path("/nonexistent/my folder.v2"))
    'my-folder-v2'
    >>> collection_name(Path("/nonexistent/static"))
    'crawl'
    """
    # The file-name rule of every job-named file, then no dots either (a URL path segment).
    name = _UNSAFE.sub("-", job_file_stem(job_of(out))).strip("-")
    return name if name and name not in _RESERVED else JOB_FALLBACK


def warc_files(out: Path) -> list[Path]:
    """The closed WARC files ``out``'s collection replays (a crawl's ``.open`` file is still
    being written and is left out): a crawl folder's ``warc/*.warc.gz``; a job folder's every
    run's; a job run folder's own and the job's other runs', which its revisits refer to
    (:func:`archiver.outputs.output_folder`)."""
    return output_folder(out).all_warcs


def _sources(warcs: list[Path], root: Path) -> list[list[object]]:
    sources: list[list[object]] = []
    for path in warcs:
        stat = path.stat()
        sources.append([path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns])
    return sources


def _temporary_sibling(path: Path) -> Path:
    """A name beside ``path`` for writing it before a rename, unique to this process (files
    opened by name get the mode the umask gives, as every file the crawl writes)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary sibling and a rename, so a replay starting at the same time never
    reads half a file."""
    temporary = _temporary_sibling(path)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _index_is_current(folder: Path, sources: list[list[object]]) -> bool:
    try:
        recorded = json.loads((folder / SOURCES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == sources and (folder / INDEX_FILE).is_file())


def _write_index(folder: Path, warcs: list[Path], root: Path, sources: list[list[object]]) -> None:
    (folder / SOURCES_FILE).unlink(missing_ok=True)  # stale from here until the new index is in place
    temporary = _temporary_sibling(folder / INDEX_FILE)
    named = [(path, path.relative_to(root).as_posix()) for path in warcs]
    with (
        sorted_lines(named, scratch_dir=folder) as lines,
        temporary.open("w", encoding="utf-8") as index,
    ):
        index.writelines(lines)
    os.replace(temporary, folder / INDEX_FILE)
    _write_atomically(folder / SOURCES_FILE, json.dumps(sources))


def _write_config(folder: Path, root: Path, name: str) -> None:
    config = {
        # Frameless: the archived page is the top-level document, so a link's text fragment
        # (#:~:text=, which Chromium applies to top-level navigations only) scrolls it.
        "framed_replay": False,
        "enable_auto_colls": False,  # only this collection, no ./collections/ scan
        "collections": {
            name: {
                "index": str(folder / INDEX_FILE),
                # pywb joins this prefix and the index's file name (relative to ``root``): the
                # WARCs are read in place. Both absolute: pywb runs in ``folder``, not the caller's cwd.
                "archive_paths": str(root) + os.sep,
            }
        },
    }
    (folder / BANNER_TEMPLATE).parent.mkdir(exist_ok=True)
    _write_atomically(folder / BANNER_TEMPLATE, BANNER_HTML)
    _write_atomically(folder / CONFIG_FILE, json.dumps(config, indent=2) + "\n")  # JSON is YAML


def prepare(folder: Path, out: Path) -> Collection:
    """Write ``folder``'s pywb config for ``out`` and (re)build its index when the WARCs changed.
    Raises :class:`NoWarcs`, ``OSError`` when ``folder`` cannot be written or a WARC cannot be
    read, and what warcio raises on a WARC it cannot parse."""
    given = output_folder(out)
    warcs = given.all_warcs
    if not warcs:
        where = given.path / RUNS_FOLDER if given.kind == "job" else given.path / "warc"
        raise NoWarcs(f"no WARC files in {where}")
    # A crawl's index names its WARCs by file name under OUT/warc (as before); a job's and a
    # run's by their path under the job folder (runs/<ts>/warc/NAME).
    root = given.root if given.kind != "crawl" else given.path / "warc"
    name = collection_name(given.path)
    folder = folder.resolve()
    folder.mkdir(exist_ok=True)
    sources = _sources(warcs, root)
    if not _index_is_current(folder, sources):
        _write_index(folder, warcs, root, sources)
    _write_config(folder, root, name)
    return Collection(folder, name)


@contextmanager
def collection(out: Path) -> Iterator[Collection]:
    """The pywb collection of ``out``, in ``OUT/.replay/`` or, when that cannot be written, in a
    temporary folder removed on exit. Raises what :func:`prepare` raises."""
    try:
        prepared = prepare(out / REPLAY_FOLDER, out)
    except PermissionError:
        pass
    except OSError as error:
        if not _is_read_only(error):
            raise
    else:
        yield prepared
        return
    with tempfile.TemporaryDirectory(prefix="archiver-replay-") as temporary:
        yield prepare(Path(temporary), out)


def _is_read_only(error: OSError) -> bool:
    return error.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
