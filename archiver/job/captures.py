"""The job capture index: what earlier runs of a job captured, on disk (SQLite, WAL mode), so a
later run can ask conditionally (ETag, Last-Modified) and write revisits into earlier runs' WARCs.

``OUT/captures.sqlite3`` holds one row per 2xx capture of the job's runs, added by
:meth:`CaptureIndex.add_run` at the end of each run (archiver.job.finish, once its WARC files
are closed): a response record, or a revisit resolved to the response record that holds its
payload. Memory stays bounded: a run is indexed record by record, and lookups are indexed queries.

A revisit must never point at a record that is not on disk: only closed ``*.warc.gz`` files are
indexed (a killed run's ``.open`` files are not, until its folder is finished and indexed
again), lookups skip rows whose WARC file is gone, and :meth:`CaptureIndex.forget_run` drops a
pruned run's rows and those whose payload was in it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from archiver.urls import canonical_url, fetched_url
from archiver.warc.reader import RecordSummary, record_summaries

INDEX_NAME = "captures.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    record_id TEXT PRIMARY KEY,   -- the capture's own record (a response or a revisit)
    run_id TEXT NOT NULL,         -- run folder holding that record
    url TEXT NOT NULL,            -- canonical URL as fetched (no fragment): the lookup key
    date TEXT NOT NULL,           -- the capture's WARC-Date
    status INTEGER NOT NULL,      -- HTTP status of the capture (a 304 revisit: its original's)
    etag TEXT,                    -- validators of the capture's HTTP head (else its original's)
    last_modified TEXT,
    is_original INTEGER NOT NULL, -- 1: a response record holding its own payload
    payload_run TEXT NOT NULL,    -- run folder of the record holding the payload
    payload_path TEXT NOT NULL,   -- its WARC file, relative to the job folder
    payload_offset INTEGER NOT NULL,
    payload_record_id TEXT NOT NULL,
    payload_date TEXT NOT NULL,
    payload_uri TEXT NOT NULL,    -- WARC-Target-URI of the payload record
    payload_digest TEXT NOT NULL,
    payload_length INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_url ON records (url, date);
CREATE INDEX IF NOT EXISTS records_by_digest ON records (payload_digest) WHERE is_original = 1;
CREATE INDEX IF NOT EXISTS records_by_payload_run ON records (payload_run);
CREATE INDEX IF NOT EXISTS records_by_payload_digest ON records (payload_digest, payload_date);
CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, records INTEGER NOT NULL);
"""


def index_key(url: str) -> str:
    """The URL as the index keys it: canonical, as fetched (no ``#fragment``), as the WARC
    reader looks captures up."""
    return fetched_url(canonical_url(url))


@dataclass(frozen=True)
class PriorCapture:
    """An earlier capture, for a conditional request and for the revisit that records its 304.

    ``run_id``, ``warc_path`` (relative to the job folder), ``offset``, ``record_id``, ``date``
    (WARC-Date), ``target_uri``, ``payload_digest`` and ``payload_length`` (bytes as stored,
    still content-encoded) are those of the response record holding the payload, the record a
    revisit refers to; ``etag`` and ``last_modified`` come from the latest capture's archived
    HTTP head (None when it had none); ``captured_at`` is that capture's WARC-Date."""

    run_id: str
    warc_path: str
    offset: int
    record_id: str
    date: str
    target_uri: str
    payload_digest: str
    payload_length: int
    etag: str | None
    last_modified: str | None
    captured_at: str


_SELECT = (
    "SELECT payload_run, payload_path, payload_offset, payload_record_id, payload_date, payload_uri, "
    "payload_digest, payload_length, etag, last_modified, date FROM records"
)


class CaptureIndex:
    """The index at ``path`` (created if missing; its folder is the job folder OUT, to which
    WARC paths are relative). Not thread-safe: one connection, used by one thread.

    :raises sqlite3.Error: the file is not an SQLite database or cannot be opened.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = path.parent
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        # WAL: the crawl reads while the end of a run indexes it; readers never block.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CaptureIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups -----------------------------------------------------------------------------
    def _first_on_disk(self, query: str, value: str) -> PriorCapture | None:
        # Every row read (one per run at most, for a URL): no statement is left open, which
        # would hold a read transaction while the end of a run indexes it in the same process.
        for row in self._db.execute(query, (value,)).fetchall():
            prior = PriorCapture(
                run_id=str(row[0]),
                warc_path=str(row[1]),
                offset=int(str(row[2])),
                record_id=str(row[3]),
                date=str(row[4]),
                target_uri=str(row[5]),
                payload_digest=str(row[6]),
                payload_length=int(str(row[7])),
                etag=None if row[8] is None else str(row[8]),
                last_modified=None if row[9] is None else str(row[9]),
                captured_at=str(row[10]),
            )
            if (self.root / prior.warc_path).is_file():  # a pruned run's files are gone
                return prior
        return None

    def last_capture(self, url: str) -> PriorCapture | None:
        """The latest 2xx capture of ``url`` (any form: it is canonicalised) in an indexed run
        whose payload record is on disk, or None."""
        query = f"{_SELECT} WHERE url = ? AND status BETWEEN 200 AND 299 ORDER BY date DESC"
        return self._first_on_disk(query, index_key(url))

    def original(self, digest: str) -> PriorCapture | None:
        """The earliest response record on disk whose payload has ``digest`` (``sha1:BASE32``),
        for an identical-payload-digest revisit, or None. Looked up through the payload columns
        of every row, not only the original's own: the index keeps one row per URL (the latest
        capture, often a revisit), and that row names the record holding its payload."""
        query = f"{_SELECT} WHERE payload_digest = ? ORDER BY payload_date"
        return self._first_on_disk(query, digest)

    def runs(self) -> list[str]:
        """Run ids indexed, oldest first."""
        return [str(row[0]) for row in self._db.execute("SELECT run_id FROM runs ORDER BY run_id")]

    # -- updates -----------------------------------------------------------------------------
    def add_run(self, run_dir: Path) -> int:
        """Index the closed WARC files of the run folder ``run_dir`` (under the job folder; its
        name is the run id). Idempotent: a run indexed again replaces its rows. One transaction:
        a kill leaves the index as it was. Returns the number of captures indexed.

        Revisits are resolved to the record holding their payload: in this run (written
        earlier) or in an indexed earlier run; one whose original is in neither is left out.

        Bounded: a URL captured in this run loses its earlier runs' rows (only the latest
        capture is ever asked for, and its row names the record holding the payload, which
        :meth:`original` finds by digest), so a site that does not change keeps the same rows
        run after run instead of one more per URL and run.

        :raises ValueError: ``run_dir`` is not inside the job folder.
        :raises sqlite3.Error: the index cannot be written (nothing of the run is then in it)."""
        run_id = run_dir.name
        warcs = sorted((run_dir / "warc").glob("*.warc.gz"))
        count = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM records WHERE run_id = ?", (run_id,))
            for warc in warcs:
                relative = warc.resolve().relative_to(self.root.resolve()).as_posix()
                for record in record_summaries(warc):
                    count += self._add_record(run_id, relative, record)
            self._db.execute(
                "DELETE FROM records WHERE run_id != ? AND url IN (SELECT url FROM records WHERE run_id = ?)",
                (run_id, run_id),
            )
            self._db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (run_id, count))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        # The write-ahead log keeps its size once grown: back into the database file, emptied,
        # so the files on disk stay as bounded as the rows (freed pages are reused).
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count

    def _add_record(self, run_id: str, warc_path: str, record: RecordSummary) -> int:
        headers = record.warc_headers
        record_id, uri, date = (
            headers.get("warc-record-id"),
            headers.get("warc-target-uri"),
            headers.get("warc-date"),
        )
        if not record_id or not uri or not date or headers.get("warc-truncated"):
            return 0
        http = record.http_headers
        etag, last_modified = http.get("etag"), http.get("last-modified")
        if record.warc_type != "revisit":
            if record.status is None or not 200 <= record.status < 300:
                return 0
            self._db.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *(record_id, run_id, index_key(uri), date, record.status, etag, last_modified),
                    *(run_id, warc_path, record.offset, record_id, date, uri),
                    *(record.payload_digest, record.payload_length),
                ),
            )
            return 1
        original = self._db.execute(
            "SELECT payload_run, payload_path, payload_offset, payload_record_id, payload_date, payload_uri, "
            "payload_digest, payload_length, status, etag, last_modified FROM records "
            "WHERE record_id = ? OR payload_record_id = ? LIMIT 1",
            (headers.get("warc-refers-to") or "", headers.get("warc-refers-to") or ""),
        ).fetchone()
        if original is None:
            return 0
        not_modified = (headers.get("warc-profile") or "").endswith("/server-not-modified")
        status = int(original[8]) if not_modified or record.status is None else record.status
        if not 200 <= status < 300:
            return 0
        self._db.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record_id,
                run_id,
                index_key(uri),
                date,
                status,
                etag if etag is not None else original[9],
                last_modified if last_modified is not None else original[10],
                *original[:8],
            ),
        )
        return 1

    def forget_run(self, run_id: str) -> None:
        """Drop a run (keep_runs pruning): its captures, and every capture whose payload is in
        it (a later run's revisit of it would point at nothing)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM records WHERE run_id = ? OR payload_run = ?", (run_id, run_id))
            self._db.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
