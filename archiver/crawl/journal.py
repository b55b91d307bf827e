"""What the crawl notes about each parsed page in the WARC, for a later run to read back.

Every parsed page gets a ``metadata`` record (``application/warc-fields``) beside its response:
its ``outlink`` lines (next page, recommendations, item images) and ``hops-from-seed``, the
number of recommendation hops from a seed the page was requested at (0 for seeds and sitemap or
feed pages; the pages of one article share the hops of its first page). After a kill, the WARC
files are the only record of what the crawl reached, and the hop counts are what tells how much
further each page's recommendations are to be followed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

#: The ``software`` of our warcinfo records ("listicle-archiver/VERSION").
CRAWL_SOFTWARE = "listicle-archiver"
OUTLINK_FIELD = "outlink"
HOPS_FIELD = "hops-from-seed"
#: A warcinfo field of ours: the file holds a metadata record (with ``hops-from-seed``) for every
#: page the crawl parsed, so a page-like response without one was not parsed (an image URL that
#: answered HTML, or a page whose note a kill or a full disk cut off). Said per file, because a
#: file cut short by a full disk may hold a response and no note at all.
PAGES_NOTED_FIELD = "parsed-pages-noted"
PAGES_NOTED_VALUE = f"metadata {HOPS_FIELD}"
_HOPS_PREFIX = f"{HOPS_FIELD}: ".encode()


def page_fields(outlinks: Iterable[str], hops: int) -> list[tuple[str, str]]:
    """The warc-fields of a parsed page's metadata record.

    >>> page_fields(["https://a.example/2/"], 1)
    [('outlink', 'https://a.example/2/'), ('hops-from-seed', '1')]
    """
    return [*((OUTLINK_FIELD, url) for url in outlinks), (HOPS_FIELD, str(hops))]


@dataclass
class PageHops:
    """Hop counts read back from metadata records: page URL -> the smallest hops it was parsed
    at (a page parsed again by a later run keeps its first count unless the later one is smaller)."""

    hops: dict[str, int] = field(default_factory=dict)
    damaged: list[str] = field(default_factory=list)  # "file: why the rest of it was not read"


def read_page_hops(paths: Iterable[Path]) -> PageHops:
    """The ``hops-from-seed`` of every page noted in ``paths`` (WARC files, gzipped or not).

    Only metadata records are read. Damage ends the reading of that file (noted in
    ``damaged``): its later pages are then without a count, and the caller works their hops out
    from the pages that recommended them.
    """
    found = PageHops()
    for path in sorted(paths, key=lambda p: p.name):
        try:
            for url, hops in _hops_in(path):
                if hops < found.hops.get(url, hops + 1):
                    found.hops[url] = hops
        except OSError as error:  # FastWARC's word for a header or gzip member it cannot read
            found.damaged.append(f"{path.name}: {error}")
    return found


def _hops_in(path: Path) -> Iterator[tuple[str, int]]:
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.metadata, parse_http=False):
            block = record.reader.read()
            if len(block) != record.content_length:
                continue  # cut short by a kill
            url = record.headers.get("WARC-Target-URI") or ""
            for line in block.splitlines():
                if line.startswith(_HOPS_PREFIX) and line[len(_HOPS_PREFIX) :].strip().isdigit():
                    yield url.strip("<>"), int(line[len(_HOPS_PREFIX) :])
