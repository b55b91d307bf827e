"""Everything one crawl job owns, in one place: its output files, WARC writer and crawl state.

The spider, the capture middleware and the pipeline all reach the session through the spider
(``spider.session``); nothing else holds crawl state.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archiver.appending import DiskFullError, append_whole
from archiver.article_file import dedupe_articles_file, sort_articles_file
from archiver.articles import ArticleDraft, stitch_article, waits_for_a_page
from archiver.captures import photo_captured
from archiver.crawl.frontier import FrontierPlanner
from archiver.crawl.journal import read_page_hops
from archiver.crawl.outcome import classify
from archiver.crawl.summary import SUMMARY_FILE as SUMMARY_FILE
from archiver.crawl.summary import build_summary, read_summary
from archiver.jsonl import cut_partial_last_line, write_jsonl_atomically
from archiver.lru import LruDict
from archiver.models import Article, ImageCapture, ListiclePage, PageEntry, Reject
from archiver.page_log import chain_entries
from archiver.reextract import DraftFromWarc, WarcIndex, drafts_from_index, image_capture
from archiver.seeds import parse_feed, parse_sitemap
from archiver.urls import canonical_url, redacted_url
from archiver.warc import WarcWriter, WrittenRecord

ARTICLES_FILE = "articles.jsonl"
PAGES_FILE = "pages.jsonl"
IMAGE_CACHE_SIZE = 5_000
REJECTS_FILE = "rejects.jsonl"
# Space held from the start for crawl.json, freed just before it is written: a crawl stopped by
# a full disk can still say what it saved (a summary with many errors may need more).
SUMMARY_RESERVE = ".crawl.json.reserve"
SUMMARY_RESERVE_SIZES = (256 * 1024, 32 * 1024, 8 * 1024)  # the first that fits
logger = logging.getLogger(__name__)
# What crawl.json counts. pages: parsed; listicle_pages: pages of the articles written (a cover
# slide included); non_listicles: pages that could have begun an article but did not, a story
# over several pages (followed to its end, no item on any page) counted once. photos: item
# photos of the articles written that are captured (a 2xx answer, archiver.captures);
# image_responses: image URLs archived (every srcset variant fetched counts).
COUNTS = (
    "pages",
    "listicle_pages",
    "articles",
    "items",
    "photos",
    "image_responses",
    "rejects",
    "non_listicles",
    # Articles whose title declares a count, the items declared, and the items found of those
    # (at most the declared count each): the run health's main extraction signal.
    "declared_articles",
    "declared_items",
    "declared_found",
)


@dataclass
class CrawlState:
    """Articles in progress and what is known about their images."""

    drafts: dict[str, ArticleDraft] = field(default_factory=dict)
    # Recent image outcomes (an image shared by nearby articles is fetched once); bounded, so a
    # crawl of 100,000 pages keeps the memory of a crawl of 1,000.
    image_captures: LruDict[str, ImageCapture | None] = field(
        default_factory=lambda: LruDict(IMAGE_CACHE_SIZE)
    )
    # Why recent image fetches failed (same bound): the article's warning names the reason.
    image_failures: LruDict[str, str] = field(default_factory=lambda: LruDict(IMAGE_CACHE_SIZE))
    image_waiters: dict[str, set[str]] = field(default_factory=dict)
    requested_images: set[str] = field(default_factory=set)  # in flight: requested, no outcome yet
    pending_images: dict[str, set[str]] = field(default_factory=dict)  # article key -> image URLs
    pages_requested: int = 0
    pages_seen: set[str] = field(default_factory=set)  # page URLs asked for (dedup, survives resume)
    # Sitemap/feed URLs not yet turned into requests, and how many of those requests are out.
    seed_backlog: deque[str] = field(default_factory=deque)
    seeds_in_flight: int = 0
    # The backlog's URLs (canonical), to look up: a recommendation of one of them waits for it,
    # so the page is requested at hops 0, the lowest of the ways it is reached.
    backlog_urls: set[str] = field(default_factory=set)

    def add_to_backlog(self, urls: Iterable[str]) -> None:
        """Sitemap or feed entries (hops 0) to request as the seed window allows."""
        for url in urls:
            canonical = canonical_url(url)
            if canonical not in self.backlog_urls and canonical not in self.pages_seen:
                self.backlog_urls.add(canonical)
                self.seed_backlog.append(canonical)

    def next_from_backlog(self) -> str:
        url = self.seed_backlog.popleft()
        self.backlog_urls.discard(url)
        return url


@dataclass
class Rebuilt:
    """What a run that lost its crawl state still has to do, rebuilt from the WARC files."""

    # (article key, next page URL, hops of the article's first page)
    next_pages: list[tuple[str, str, int]] = field(default_factory=list)
    pages: list[tuple[str, int]] = field(default_factory=list)  # (page URL, hops): may begin articles
    images: list[str] = field(default_factory=list)  # image URLs still to fetch
    ready: list[Article] = field(default_factory=list)  # articles already complete
    # Entries of the sitemaps and feeds the WARCs hold that no run fetched: the seed backlog.
    listed: list[str] = field(default_factory=list)


class CrawlSession:
    def __init__(self, out_dir: Path, warc: WarcWriter) -> None:
        self.out_dir = out_dir
        self.warc = warc
        self.state = CrawlState()
        # This run's counts and errors (crawl.json "run", the progress display): kept out of the
        # crawl state, which a JOBDIR run persists and the next run adopts, so a resumed run
        # reports only what it did itself. The folder's totals are read from its files.
        self.counts: dict[str, int] = dict.fromkeys(COUNTS, 0)
        self.errors: list[dict[str, Any]] = []
        # Runs that ended without writing their crawl.json entry (killed): see build_summary.
        self.unrecorded_runs: list[dict[str, Any]] = []
        # The job folder of a job run (ARCHIVER_JOB_ROOT): the run's health is judged against
        # the other run folders there; None: against this folder's crawl.json history.
        self.job_root: Path | None = None
        # Log the health line (scrapy crawl, scrapyd); False when a command reports it itself.
        self.log_health = True
        self.started = time.monotonic()
        self.started_at = _utc_now()
        out_dir.mkdir(parents=True, exist_ok=True)
        # A killed run may have been cut mid-line: drop the fragment before appending.
        self.repaired = {
            name: cut_partial_last_line(out_dir / name) for name in (ARTICLES_FILE, REJECTS_FILE, PAGES_FILE)
        }
        # An article completed by a later run is written again: a run killed before its final
        # sort left both lines, and the last one wins. Likewise a page a killed run listed and
        # the next run parsed again (a retry, a chain finished again). On a full disk the
        # lines stay (the last still wins below, and the final sort drops the others).
        for name in (ARTICLES_FILE, PAGES_FILE):
            with contextlib.suppress(OSError):
                dedupe_articles_file(out_dir / name)
        # What earlier runs finished is the durable record of progress: a crawl resumed after a
        # kill (its JOBDIR state lost) neither refetches those pages nor writes them again.
        # An article written before the crawl asked for all of it (crawl_stopped), or with
        # photos not captured, is not finished: rebuild_from_warcs takes it up again.
        self.finished_articles: set[str] = set()
        self.reopened_articles: set[str] = set()
        # Pages of the reopened articles: in pages.jsonl already (written with their article).
        self._pages_logged: set[str] = set()
        # Seeds (and sitemap or feed pages) that began no article, with why: for crawl.json.
        self.non_listicle_seeds: list[dict[str, str]] = []
        self._missing_only_photos: set[str] = set()
        # The line of each reopened article: one this run rebuilds unchanged (its photos answered
        # 404, not worth asking again) is not written, nor counted, again.
        self._reopened_lines: dict[str, str] = {}
        for line in _iter_lines(out_dir / ARTICLES_FILE):
            article = json.loads(line)
            url = article["url"]
            if article.get("crawl_stopped") or not article.get("media_complete", True):
                self.reopened_articles.add(url)
                self._reopened_lines[url] = line
                self.finished_articles.discard(url)  # the last line of an article wins
                self._pages_logged.update(page["url"] for page in article["pages"])
                if not waits_for_a_page(article.get("warnings", [])):
                    self._missing_only_photos.add(url)
            else:
                self.finished_articles.add(url)
                self.reopened_articles.discard(url)
                self._missing_only_photos.discard(url)
                self._reopened_lines.pop(url, None)
            self.state.pages_seen.update(page["url"] for page in article["pages"])
        self._reserve_space_for_summary()
        # Unbuffered descriptors: each line goes out in one os.write (or is cut back).
        self._articles = _open_for_appending(out_dir / ARTICLES_FILE)
        self._rejects = _open_for_appending(out_dir / REJECTS_FILE)
        self._pages = _open_for_appending(out_dir / PAGES_FILE)
        # Told of a full disk met while writing pages.jsonl from a callback (the spider stops
        # the crawl); None: the error is raised.
        self.on_disk_full: Callable[[DiskFullError], None] | None = None
        # Whether close() packages the folder as OUT/<job>.wacz (setting ARCHIVER_WACZ).
        self.write_wacz = True
        self._page_log_stopped = False

    def adopt_state(self, persisted: dict[str, Any]) -> None:
        """Keep crawl state in the spider's persisted state (Scrapy JOBDIR), so that a resumed
        crawl finds the articles it left half-done (not its counts: those are each run's own)."""
        seen = self.state.pages_seen
        self.state = persisted.setdefault("archiver", self.state)
        self.state.pages_seen |= seen
        for name in ("counts", "errors"):  # saved by a version that persisted them: not this run's
            self.state.__dict__.pop(name, None)
        if not hasattr(self.state, "backlog_urls"):  # saved by a version without it
            self.state.backlog_urls = set(self.state.seed_backlog)
        if not hasattr(self.state, "image_failures"):  # saved by a version without it
            self.state.image_failures = LruDict(IMAGE_CACHE_SIZE)

    # -- output -----------------------------------------------------------------------------
    @staticmethod
    def _append_line(fd: int, name: str, line: str) -> None:
        # The whole line, synced, or nothing: a full disk leaves the file as it was before it.
        append_whole(fd, (line + "\n").encode("utf-8"), name=name, sync=True)

    def write_article(self, article: Article) -> None:
        if article.url in self.finished_articles:
            return  # written by an earlier run of this job
        line = article.to_json()
        if self._reopened_lines.pop(article.url, None) == line:
            self.finished_articles.add(article.url)
            return  # reopened, and nothing new came of it
        self.warc.sync()  # the records a line cites reach the disk before the line
        self._append_line(self._articles, ARTICLES_FILE, line)
        self.finished_articles.add(article.url)
        self.counts["articles"] += 1
        self.counts["listicle_pages"] += len(article.pages)
        self.counts["items"] += len(article.items)
        self.counts["photos"] += sum(
            1 for item in article.items for image in item.images if photo_captured(image.capture)
        )
        if article.declared_count:
            self.counts["declared_articles"] += 1
            self.counts["declared_items"] += article.declared_count
            self.counts["declared_found"] += min(len(article.items), article.declared_count)

    def write_reject(
        self, url: str, reason: str, record: WrittenRecord | None, status: int | None = None
    ) -> None:
        """A line of rejects.jsonl (:class:`archiver.models.Reject`): the page at ``url``,
        answered with ``status`` and archived as ``record``, failed validation for ``reason``."""
        entry = Reject(
            url=redacted_url(url),
            reason=reason,
            time=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            status=status,
            warc_filename=record.filename if record else None,
            warc_offset=record.offset if record else None,
            warc_record_id=record.record_id if record else None,
        )
        self.warc.sync()
        self._append_line(self._rejects, REJECTS_FILE, entry.model_dump_json())
        self.counts["rejects"] += 1

    def record_error(
        self, url: str, error: str, kind: str, *, role: str | None = None, answered: bool = False
    ) -> None:
        """``kind``: what failed (http, page, image, seed-list, warc, output); ``role``: what
        the URL was to the crawl (seed, seed-list, article-page, recommended, image, warc,
        output), which decides whether the run is partial; ``answered``: the server gave an HTTP
        answer (an error status, or a body that could not be used), which tells "nothing could
        be fetched" apart (archiver.crawl.outcome)."""
        entry = {"url": redacted_url(url), "kind": kind, "role": role or kind, "answered": answered}
        self.errors.append({**entry, "error": error})

    def write_page(self, entry: PageEntry) -> None:
        """A line of pages.jsonl: see :meth:`write_pages`."""
        self.write_pages([entry])

    def write_pages(self, entries: list[PageEntry]) -> None:
        """Lines of pages.jsonl (a chain's pages in one write and one sync), after the WARC
        records they cite; a seed that is no listicle is remembered for crawl.json
        (``non_listicle_seeds``). Pages an earlier run listed with their article are skipped."""
        entries = [
            entry.model_copy(update={"url": redacted_url(entry.url)})
            for entry in entries
            if entry.url not in self._pages_logged
        ]
        if not entries:
            return
        self.warc.sync()
        self._append_line(self._pages, PAGES_FILE, "\n".join(entry.model_dump_json() for entry in entries))
        for entry in entries:
            if entry.hops == 0 and not entry.listicle and entry.page_number in (None, 1):
                self.non_listicle_seeds.append({"url": entry.url, "reason": entry.reason or ""})

    def _write_chain_pages(self, entries: list[PageEntry]) -> None:
        """pages.jsonl lines written on the way (a chain completing in a callback): a full disk
        goes to ``on_disk_full`` (which stops the crawl) instead of up through the caller."""
        if self._page_log_stopped:
            return
        try:
            self.write_pages(entries)
        except DiskFullError as error:
            if self.on_disk_full is None:
                raise
            self._page_log_stopped = True
            self.on_disk_full(error)

    def close_page_log(self) -> None:
        """Close pages.jsonl, keeping the last line of each page (a chain this run finished
        that an earlier, stopped run had listed unfinished)."""
        with contextlib.suppress(OSError):
            os.close(self._pages)
        try:
            dedupe_articles_file(self.out_dir / PAGES_FILE)
        except OSError as error:
            self.record_error("", f"pages.jsonl left with repeated pages: {error}", "output")

    # -- articles and their images ----------------------------------------------------------
    def finish_pages(self, key: str, *, fetch_images: bool = True) -> list[str]:
        """The article's pages are all in: returns the image URLs still to request (none when
        images are not fetched: the article then waits for none)."""
        if not fetch_images:
            self.state.pending_images[key] = set()
            return []
        draft = self.state.drafts[key]
        to_request = []
        pending = set()
        for url in draft.image_urls():
            if url in self.state.image_captures:
                draft.captures[url] = self.state.image_captures[url]
                failure = self.state.image_failures.get(url)
                if failure is not None:
                    draft.image_failures[url] = failure
                continue
            pending.add(url)
            self.state.image_waiters.setdefault(url, set()).add(key)
            if url not in self.state.requested_images:
                self.state.requested_images.add(url)
                to_request.append(url)
        self.state.pending_images[key] = pending
        return to_request

    def image_done(self, url: str, capture: ImageCapture | None, failure: str | None = None) -> list[Article]:
        """Record an image outcome (its archived response, or None and why it failed); returns
        the articles that became complete."""
        self.state.image_captures[url] = capture
        if failure is not None:
            self.state.image_failures[url] = failure
        self.state.requested_images.discard(url)
        if capture is not None:
            self.counts["image_responses"] += 1
        ready = []
        for key in sorted(self.state.image_waiters.pop(url, set())):
            pending = self.state.pending_images.get(key)
            if pending is None:
                continue
            pending.discard(url)
            draft = self.state.drafts.get(key)
            if draft is not None:
                draft.captures[url] = capture
                if failure is not None:
                    draft.image_failures[url] = failure
            if not pending and (article := self.complete(key)) is not None:
                ready.append(article)
        return ready

    def ready_without_images(self, key: str) -> Article | None:
        if not self.state.pending_images.get(key):
            return self.complete(key)
        return None

    def complete(self, key: str) -> Article | None:
        """Stitch and forget a finished draft: None if none of its pages arrived, or if none of
        them held an item (then it is counted as a non-listicle)."""
        draft = self.state.drafts.pop(key)
        self.state.pending_images.pop(key, None)
        if not draft.pages:
            return None
        article = stitch_article(draft, draft.captures)
        if article is None:
            self.counts["non_listicles"] += 1
        self._write_chain_pages(chain_entries(draft, article is not None, draft.hops))
        return article

    def rebuild_from_warcs(
        self,
        paths: list[Path],
        *,
        depth: int,
        seeds: Iterable[str] = (),
        seed_lists: Iterable[str] = (),
        retry_statuses: Collection[int] = (),
        fetch_images: bool = True,
        follows: Callable[[str], bool] = lambda url: True,
        references: Iterable[Path] = (),
    ) -> Rebuilt:
        """Rebuild the crawl's frontier from the job's own WARC files, after a run whose crawl
        state was lost (killed) or that ran without ``--job-dir``. The WARCs are the journal:
        every response a run received is in them, and every parsed page with its hop count.

        Returns what is left to fetch (next pages of unfinished articles, their images, and
        every page an archived page recommends, to ``depth`` hops from a seed, that no run
        fetched) and the articles that are complete already. Every URL the WARCs answer for, or
        that failed with a recorded error, counts as asked for: it is not fetched again, unless
        its last answer has one of ``retry_statuses`` (a retry may have been waiting when the
        run was killed; if it was the last, asking again ends the same way).

        ``seed_lists``: the run's sitemap and feed URLs. The entries of those the WARCs hold are
        seeds (hops 0) however else a page reaches them; those not fetched yet are returned in
        ``listed`` (the seed backlog), not among the recommendations to fetch.

        ``follows(url)``: whether a recommendation is followed (the live crawl's rule,
        :func:`archiver.crawl.offsite.on_site_rule`); others are neither fetched nor counted.

        ``references``: earlier runs' WARC files of a job, which resolve this run's revisits of
        them but are not this run's captures.
        """
        if not fetch_images:
            # Photos are off: an article reopened only for its photos would be written again as
            # it is, every run.
            self.finished_articles |= self._missing_only_photos
            self.reopened_articles -= self._missing_only_photos
        index = WarcIndex(paths, references=references)
        journal = read_page_hops(paths)
        for damage in index.damaged:
            self.record_error("", f"rebuilding from WARCs: {damage}", "warc")
        for damage in journal.damaged:
            self.record_error("", f"reading hop counts from WARCs: {damage}", "warc")
        # A page-like answer the crawl never noted as parsed (killed in between) is asked for
        # again; as an image's answer it is done (image_settle).
        self.state.pages_seen.update(
            url
            for url, capture in index.captures.items()
            if capture.status not in retry_statuses and not capture.unnoted_page
        )
        self.state.pages_seen.update(index.fetch_errors)

        def image_settle(url: str) -> tuple[str, bool]:
            last_url, capture = index.resolve(url)
            if capture is None:
                return last_url, last_url in index.fetch_errors
            return last_url, capture.status not in retry_statuses

        def settle(url: str) -> tuple[str, bool]:
            last_url, done = image_settle(url)
            capture = index.captures.get(last_url)
            return last_url, done and not (capture is not None and capture.unnoted_page)

        listed = dict.fromkeys(canonical_url(url) for url in archived_seed_list_entries(index, seed_lists))
        planner = FrontierPlanner(depth, journal.hops, settle, seeds, listed=listed, follows=follows)

        def page_parsed(url: str, record: ListiclePage) -> None:
            planner.page_parsed(url, [link.url for link in record.recommendations])

        rebuilt = Rebuilt()
        adopted: list[tuple[str, str | None]] = []  # (article key, next page URL)
        for found in drafts_from_index(index, on_page=page_parsed, unsettled=retry_statuses):
            planner.chain(capture.url for _, capture in found.draft.pages)
            if not self._adopt_draft(found):
                continue
            key = found.draft.first_url
            for url in found.draft.image_urls():
                # An archived answer settles a photo; one that failed (or never came) is asked
                # for again: the article is being finished, and a photo is worth a second try.
                capture = image_capture(index, url)
                if capture is not None and image_settle(url)[1]:
                    self.state.image_captures[url] = capture
                    found.draft.captures[url] = capture
            adopted.append((key, found.next_url))
        rebuilt.pages = planner.pages_to_fetch()
        for key, next_url in adopted:  # hops are known once the planner has seen every page
            self.state.drafts[key].hops = planner.hops_of(key)
            if next_url is not None:
                rebuilt.next_pages.append((key, next_url, planner.hops_of(key)))
                continue
            rebuilt.images.extend(self.finish_pages(key, fetch_images=fetch_images))
            article = self.ready_without_images(key)
            if article is not None:
                rebuilt.ready.append(article)
        rebuilt.listed = [url for url in listed if not settle(url)[1]]
        # Pages that may start an article the lost runs asked for: --max-pages counts them too
        # (those to ask for again, a retry lost with the run, are counted when they are).
        self.state.pages_requested = max(self.state.pages_requested, planner.pages_started())
        return rebuilt

    def _adopt_draft(self, found: DraftFromWarc) -> bool:
        """Take an article found in the WARCs as in progress, unless an earlier run wrote it
        or it is a story that ended without items (nothing to write, nor to count again)."""
        key = found.draft.first_url
        if key in self.finished_articles or key in self.state.drafts:
            return False
        if found.next_url is None and not found.draft.has_items:
            return False
        self.state.drafts[key] = found.draft
        return True

    def flush_unfinished(self) -> list[Article]:
        """At close: articles still waiting (an image request that never came back)."""
        articles = [self.complete(key) for key in sorted(self.state.drafts)]
        return [article for article in articles if article is not None]

    # -- closing ----------------------------------------------------------------------------
    def close(self, summary: dict[str, Any]) -> None:
        closing = (self.warc.close, lambda: os.close(self._articles), lambda: os.close(self._rejects))
        for step in closing:
            try:
                step()
            except OSError as error:  # a full disk must not hide the summary of what was saved
                self.record_error("", f"while closing: {error}", "output")
        try:
            sort_articles_file(self.out_dir / ARTICLES_FILE)
        except OSError as error:
            self.record_error("", f"articles.jsonl left in completion order: {error}", "output")
        # Before the summary's reserved space is freed: a WACZ that fills the disk is removed,
        # and crawl.json can still be written. Not tried on a disk already full: the next run
        # (or `archiver wacz`) writes it once there is room.
        disk_full = summary.get("finish_reason") == "disk_full"
        wacz = self._package_wacz() if self.write_wacz and not disk_full else None
        run = {
            **summary,
            "wacz": wacz,
            **self.counts,
            "started_at": self.started_at,
            "finished_at": _utc_now(),
            "recovered_warc_files": [{"file": name, "bytes_cut": cut} for name, cut in self.warc.recovered],
            "repaired_jsonl_bytes": {name: cut for name, cut in self.repaired.items() if cut},
            "errors": self.errors,
            "warc_files": sorted(path.name for path in (self.out_dir / "warc").glob("*.warc.gz")),
            "duration_seconds": round(time.monotonic() - self.started, 3),
        }
        run["health"] = self._health(run)
        outcome = classify(run)
        run.update(outcome=outcome.kind, exit_code=outcome.exit_code)
        (self.out_dir / SUMMARY_RESERVE).unlink(missing_ok=True)
        try:
            # The earlier runs' history is read back from the crawl.json this replaces.
            job = self.warc.info.get("isPartOf")
            document = build_summary(
                run, self.out_dir, job, read_summary(self.out_dir), unrecorded=self.unrecorded_runs
            )
            write_jsonl_atomically(
                self.out_dir / SUMMARY_FILE, [json.dumps(document, indent=2, ensure_ascii=False)]
            )
        except OSError as error:
            # An older crawl.json would pass for this run's: none is better than a wrong one.
            with contextlib.suppress(OSError):
                (self.out_dir / SUMMARY_FILE).unlink(missing_ok=True)
            logger.error("the crawl summary %s could not be written: %s", SUMMARY_FILE, error)

    def _health(self, run: dict[str, Any]) -> dict[str, Any]:
        """crawl.json's ``run.health`` (archiver.job.health), logged as one warning when not ok
        (the line scrapyd's and scrapy crawl's logs show; archiver crawl's report says it instead)."""
        from archiver.job.health import assess, earlier_runs, record_run

        health = assess(run, earlier_runs(self.out_dir, self.job_root))
        if self.job_root is not None:
            record_run(self.job_root, self.out_dir.name, run, health)
        if health.status not in ("ok", "not_judged") and self.log_health:
            logger.warning("run health: %s: %s", health.status, health.line)
        return health.as_json()

    def _package_wacz(self) -> str | None:
        """Write OUT/<job>.wacz; its file name, or None when there is no WARC to package or it
        could not be written (an output error then: the crawl's own files are all there)."""
        from archiver.wacz import WaczError, write_wacz

        job = self.warc.info.get("isPartOf") or None
        logger.debug("writing the WACZ of %s", self.out_dir)
        try:
            summary = write_wacz(self.out_dir, job=str(job) if job else None)
        except WaczError as error:
            if error.kind != "input":  # "input": no WARC file, nothing was archived
                self.record_error("", f"WACZ not written: {error}", "output")
            return None
        except Exception as error:  # a bug here must not cost the run its crawl.json
            logger.exception("the WACZ could not be written")
            self.record_error("", f"WACZ not written: {type(error).__name__}: {error}", "output")
            return None
        return summary.path.name

    def _reserve_space_for_summary(self) -> None:
        path = self.out_dir / SUMMARY_RESERVE
        for size in SUMMARY_RESERVE_SIZES:
            try:
                with path.open("wb") as reserve:
                    reserve.write(bytes(size))
                    reserve.flush()
                    os.fsync(reserve.fileno())
                return
            except OSError:
                path.unlink(missing_ok=True)
        # No room even for the smallest: the crawl stops on its first write anyway.


def archived_seed_list_entries(index: WarcIndex, seed_lists: Iterable[str]) -> Iterator[str]:
    """The page URLs of the sitemaps (and the sitemaps they index) and feeds ``index`` holds
    answers for, in order; lists the WARCs do not hold (not fetched yet) give none."""
    todo = list(seed_lists)
    done: set[str] = set()
    while todo:
        url = todo.pop(0)
        if url in done:
            continue
        done.add(url)
        _, capture = index.resolve(url)
        if capture is None or not 200 <= capture.status < 300:
            continue
        body = index.body(capture)
        links = parse_sitemap(body)
        if links.sitemaps or links.pages:
            todo.extend(links.sitemaps)
            yield from links.pages
        else:
            yield from parse_feed(body)


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _open_for_appending(path: Path) -> int:
    # 0666 less the umask, as the WARC files and every other output file are created.
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)


def _iter_lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\n")
