"""A sorted CDXJ index of WARC files, in flat memory: what a WACZ's ``indexes/index.cdxj`` and a
pywb collection's index hold.

One line per ``response``, ``revisit`` and ``resource`` record, made by ``cdxj-indexer`` (the
index format pywb and ReplayWeb.page read: ``<SURT urlkey> <14-digit timestamp> {json}`` with
``url``, ``mime``, ``status``, ``digest``, ``length``, ``offset``, ``filename``). cdxj-indexer
sorts in memory, or, past a buffer size, writes separately sorted runs one after the other (an
unsorted file); here the lines are sorted in runs of bounded size spilled to scratch files and
merged, so memory does not grow with the crawl.
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Protocol

from archiver.scratch import owner_tag, remove_stale

# A run of lines is sorted in memory up to this many bytes of text: ~10,000 index lines.
DEFAULT_RUN_BYTES = 4 * 1024 * 1024

# Records a replay looks up by URL. Requests are found through their response; metadata
# records (our parse notes) are not captures of a URL.
INDEXED_RECORDS = "response,revisit,resource"
# A 304 (a server-not-modified revisit of a job run, or a bare 304 answer) has no body to show:
# pywb replays it as an empty 304 at its own timestamp instead of the earlier capture it stands
# for (ukwa/ukwa-pywb#40), so replay indexes leave such lines out, as the Internet Archive's
# CDX-Writer does by default; the capture nearest in time, the one holding the body, is shown.
# The records stay in the WARCs, and archiver.warc.reader resolves them.
NOT_REPLAYED_STATUS = "304"


def index_warc(warc: Path, filename: str, out: _Writer) -> None:
    """Write the CDXJ lines of one WARC file, in file order, to ``out.write`` (one call per
    line, each ending in ``\\n``), naming the file ``filename`` (its path inside the WACZ or
    collection, e.g. ``crawl-0001.warc.gz``).

    Raises ``OSError`` when the file cannot be read and whatever warcio raises on a WARC it
    cannot parse (``ArchiveLoadFailed``).
    """
    from cdxj_indexer import CDXJIndexer  # type: ignore[import-untyped]

    indexer = CDXJIndexer(output=None, inputs=[], filename=filename, records=INDEXED_RECORDS)
    with warc.open("rb") as stream:
        indexer.process_one(stream, _ReplayedLines(out), str(warc))


class _Writer(Protocol):
    def write(self, text: str, /) -> object: ...


class _ReplayedLines:
    """Passes on to ``out`` the index lines a replay can show (see NOT_REPLAYED_STATUS)."""

    def __init__(self, out: _Writer) -> None:
        self.out = out

    def write(self, line: str) -> None:
        fields = line.split(" ", 2)
        if len(fields) == 3 and json.loads(fields[2]).get("status") == NOT_REPLAYED_STATUS:
            return
        self.out.write(line)


class _RunSorter:
    """Takes lines through ``write``; each time the run held reaches ``run_bytes`` characters
    it is sorted and spilled to a scratch file."""

    def __init__(self, scratch: Path, run_bytes: int) -> None:
        self.scratch = scratch
        self.run_bytes = run_bytes
        self.run: list[str] = []
        self.size = 0
        self.spilled: list[Path] = []

    def write(self, line: str) -> None:
        self.run.append(line)
        self.size += len(line)
        if self.size >= self.run_bytes:
            self.spill()

    def spill(self) -> None:
        self.run.sort()
        path = self.scratch / f"run-{len(self.spilled):05d}.cdxj"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(self.run)
        self.spilled.append(path)
        self.run, self.size = [], 0


@contextmanager
def sorted_lines(
    warcs: Iterable[tuple[Path, str]],
    *,
    scratch_dir: Path | None = None,
    run_bytes: int = DEFAULT_RUN_BYTES,
) -> Iterator[Iterator[str]]:
    """The CDXJ lines of ``warcs`` (pairs of path and the name to index it under), sorted as
    bytes sort (``LC_ALL=C sort``: urlkey, then timestamp), as an iterator valid inside the
    ``with``. Runs of at most ``run_bytes`` characters are sorted in memory and spilled to a
    scratch folder made in ``scratch_dir`` (the system's temp folder by default), removed on
    exit. Raises what :func:`index_warc` raises, and ``OSError`` when scratch files cannot
    be written.

    >>> with sorted_lines([]) as lines:
    ...     list(lines)
    []
    """
    if scratch_dir is not None:  # never sweep the system's temp folder: only a folder of ours
        remove_stale(scratch_dir)
    # The owner's pid in the name: the next sort into the same folder removes it after a kill.
    with tempfile.TemporaryDirectory(prefix=f"archiver-cdxj-{owner_tag()}", dir=scratch_dir) as folder:
        sorter = _RunSorter(Path(folder), run_bytes)
        for path, filename in warcs:
            index_warc(path, filename, sorter)
        if not sorter.spilled:  # everything fit in one run: no scratch file
            sorter.run.sort()
            yield iter(sorter.run)
            return
        if sorter.run:
            sorter.spill()
        with ExitStack() as files:
            opened: list[IO[str]] = [
                files.enter_context(path.open(encoding="utf-8")) for path in sorter.spilled
            ]
            # Lines are compared as str: code point order is byte order for UTF-8 text.
            yield heapq.merge(*opened)
