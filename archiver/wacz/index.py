"""The WACZ's index: a sorted ``indexes/index.cdxj``, or for large crawls a ZipNum index
(``indexes/index.cdx.gz`` + ``indexes/index.idx``), written to scratch files before they go
into the ZIP (their sizes are then known, and choosing between the two needs the line count).

ZipNum (what py-wacz always writes, and what ReplayWeb.page reads without loading the whole
index): the sorted CDXJ lines in blocks of :data:`BLOCK_LINES`, each block its own gzip
member of ``index.cdx.gz``; ``index.idx`` starts with ``!meta 0 {"format": "cdxj-gzip-1.0",
"filename": "index.cdx.gz"}`` then holds one line per block, ``<urlkey> <timestamp>
{"offset": N, "length": N, "digest": "sha256:..."}`` (the block's first key, where its gzip
member starts in index.cdx.gz and how long it is). cdxj-indexer's ``CompressedWriter`` (the
one py-wacz uses) writes both.

Memory: the lines come from :func:`archiver.warc.cdxj.sorted_lines` (an external merge sort);
at most one block is held here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from archiver.warc.cdxj import sorted_lines

# Up to this many index lines the plain CDXJ is written: ReplayWeb.page loads a plain index
# whole into the browser (about 300 bytes a line, so ~15 MB here: some 2,000 articles of 20
# photos); past it, ZipNum, whose blocks it fetches as a lookup needs them.
ZIPNUM_THRESHOLD = 50_000
BLOCK_LINES = 300  # lines per ZipNum block: cdxj-indexer's and py-wacz's default

CDXJ_PATH = "indexes/index.cdxj"
CDX_GZ_PATH = "indexes/index.cdx.gz"
IDX_PATH = "indexes/index.idx"

IndexKind = Literal["cdxj", "zipnum"]


@dataclass(frozen=True)
class IndexFiles:
    """Scratch files to put in the ZIP, as (path in the ZIP, file, stored uncompressed)."""

    kind: IndexKind
    lines: int
    files: list[tuple[str, Path, bool]]


def build_index(
    warcs: Iterable[tuple[Path, str]],
    scratch: Path,
    *,
    zipnum_threshold: int = ZIPNUM_THRESHOLD,
    block_lines: int = BLOCK_LINES,
) -> IndexFiles:
    """Index ``warcs`` (pairs of path and file name in the WACZ) into files in ``scratch``:
    a plain CDXJ when it has at most ``zipnum_threshold`` lines, else ZipNum. Raises what
    :func:`archiver.warc.cdxj.sorted_lines` raises (``OSError``; warcio's
    ``ArchiveLoadFailed`` on a WARC it cannot parse)."""
    cdxj = scratch / "index.cdxj"
    count = 0
    with sorted_lines(warcs, scratch_dir=scratch) as lines, cdxj.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(line)
            count += 1
    if count <= zipnum_threshold:
        return IndexFiles("cdxj", count, [(CDXJ_PATH, cdxj, False)])
    data, idx = scratch / "index.cdx.gz", scratch / "index.idx"
    _write_zipnum(cdxj, data, idx, block_lines)
    cdxj.unlink()
    return IndexFiles("zipnum", count, [(CDX_GZ_PATH, data, True), (IDX_PATH, idx, False)])


def _write_zipnum(cdxj: Path, data: Path, idx: Path, block_lines: int) -> None:
    from cdxj_indexer.main import CompressedWriter  # type: ignore[import-untyped]

    with (
        cdxj.open(encoding="utf-8") as lines,
        data.open("wb") as data_out,
        idx.open("w", encoding="utf-8") as index_out,
    ):
        writer = CompressedWriter(
            index_out, data_out, num_lines=block_lines, data_out_name="index.cdx.gz", digest_records=True
        )
        for line in lines:
            writer.write(line)
        if writer.block:  # the last block, shorter than the others
            writer.flush()
