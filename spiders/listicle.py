"""The listicle spider: seeds -> article pages (following the article's own next pages) ->
item images; recommendation links lead to more listicles within the seeds' sites.

    scrapy crawl listicle -a url=https://site.example/25-pictures/ -a out=output/nk
"""

from __future__ import annotations

import importlib.metadata
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

import archiver.crawl.public_suffix  # noqa: F401  (the cookie middleware kept offline)
from archiver import parse_page
from archiver.articles import ArticleDraft
from archiver.captures import image_capture_of, is_success, page_capture_of
from archiver.chain import (
    PAGE_ERRORS,
    add_page,
    draft_urls,
    end_with_failure,
    error_status_failure,
    fetch_failure,
    leads_back_reason,
    rejected_failure,
    repeated_page_reason,
    starts_article,
    stop_chain,
)
from archiver.crawl.credentials import seeds_and_credentials
from archiver.crawl.identity import derive_user_agent
from archiver.crawl.items import ArticleItem
from archiver.crawl.journal import CRAWL_SOFTWARE, PAGES_NOTED_FIELD, PAGES_NOTED_VALUE, page_fields
from archiver.crawl.lock import OutputLock
from archiver.crawl.middleware import WARC_META_KEY, NotArchived, stop_for_full_disk
from archiver.crawl.offsite import on_site_rule
from archiver.crawl.outcome import NOT_A_SEED_LIST
from archiver.crawl.redirect_dedup import AlreadyRequested
from archiver.crawl.redirects import EARLIER_PAGES, LeadsBack
from archiver.crawl.session import CrawlSession, Rebuilt
from archiver.crawl.settings_check import check_cmdline_settings
from archiver.job.run_context import JobRunContext
from archiver.models import ListiclePage, PageFailure
from archiver.page_log import NO_ITEMS, page_entry
from archiver.redirects import status_failure_reason
from archiver.seeds import parse_feed, parse_sitemap, seed_list_problem
from archiver.urls import canonical_url
from archiver.warc import DiskFullError, WarcWriter, WrittenRecord

RUNNING_MARKER = "archiver.running"
_FROM_BACKLOG = "archiver_seed"  # request meta: a sitemap/feed page counted in the seed window
# Error statuses reach the callbacks (redirects are still followed): they are part of the record.
ERROR_STATUSES = list(range(400, 600))


def _failure_reason(failure: Failure) -> str:
    """What went wrong, as crawl.json and the article's warnings say it ("HTTP 500", a timeout)."""
    if isinstance(failure.value, HttpError):
        response = failure.value.response
        return status_failure_reason(response.status, response.headers.get(b"Location"))
    return f"{failure.type.__name__}: {failure.getErrorMessage()}" if failure.type else str(failure)


def _page_role(meta: dict[str, Any]) -> str:
    """A page request's role in crawl.json errors: the next page of an article, a seed (hops
    0: given, or listed by a sitemap or feed) or a recommended page."""
    if meta.get("article_key") is not None:
        return "article-page"
    return "seed" if meta.get("hops", 0) == 0 else "recommended"


def _content_type(response: Response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None


class ListicleSpider(scrapy.Spider):
    name = "listicle"
    session: CrawlSession
    depth: int
    max_pages: int
    earlier_warcs: list[Path]
    job_dir: Path | None
    output_lock: OutputLock
    run_id: str
    on_site: Callable[[str], bool]  # recommendations followed (archiver.crawl.offsite)
    job: JobRunContext | None  # a run of a job (ARCHIVER_JOB_ROOT): its earlier runs
    worker_id: str = ""  # a worker of a distributed job (ARCHIVER_WORKER_ID); "" otherwise

    def __init__(
        self,
        url: str = "",
        urls: list[str] | None = None,
        sitemap: str = "",
        feed: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        seeds = [u for u in [*(urls or []), *url.split(",")] if u]
        sitemaps = [u for u in sitemap.split(",") if u] if isinstance(sitemap, str) else list(sitemap)
        feeds = [u for u in feed.split(",") if u] if isinstance(feed, str) else list(feed)
        # Canonical URLs (as requested and archived); credentials split off, never written.
        self.seeds, self.seed_credentials = seeds_and_credentials(seeds)
        self.sitemaps, self.feeds = seeds_and_credentials(sitemaps)[0], seeds_and_credentials(feeds)[0]
        if not (self.seeds or self.sitemaps or self.feeds):
            raise ValueError("give at least one seed: -a url=https://... (or sitemap=..., feed=...)")
        every_seed = [*self.seeds, *self.sitemaps, *self.feeds]
        self.allowed_domains = sorted({urlsplit(seed).hostname or "" for seed in every_seed})

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        # scrapy crawl -s NAME=VALUE: a bad value is refused before the crawl. archiver crawl
        # (which sets the run id) has checked and warned already.
        check_cmdline_settings(settings, warn=not settings.get("ARCHIVER_RUN_ID"))
        derive_user_agent(settings)  # USER_AGENT names ARCHIVER_CONTACT, however we are started

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ListicleSpider:
        job_run = None
        if kwargs.get("job_file"):  # a scheduled job (archiver job run, scrapyd): archiver.job
            from archiver.job.spider import prepare_job_run, skip_locked_run

            with skip_locked_run():
                job_run = prepare_job_run(crawler.settings, Path(kwargs.pop("job_file")), kwargs)
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        out_dir = Path(kwargs.get("out") or settings.get("ARCHIVER_OUTPUT_DIR"))
        job = str(kwargs.get("job") or settings.get("ARCHIVER_JOB_NAME"))
        spider.depth = int(kwargs.get("depth", settings.getint("ARCHIVER_DEPTH")))
        # Before anything in the folder is touched (a killed run's files are repaired below).
        spider.run_id = settings.get("ARCHIVER_RUN_ID") or uuid.uuid4().hex
        spider.output_lock = OutputLock(out_dir)
        spider.output_lock.acquire(spider.run_id)
        # Every version as installed (package metadata), not as a module says of itself.
        info = {
            "software": f"{CRAWL_SOFTWARE}/{importlib.metadata.version('listicle-archiver')}",
            "scrapy-version": importlib.metadata.version("scrapy"),
            "warcio-version": importlib.metadata.version("warcio"),
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": job,
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": settings.get("USER_AGENT"),
            "seeds": " ".join(spider.seeds),
            PAGES_NOTED_FIELD: PAGES_NOTED_VALUE,
        }
        if spider.sitemaps or spider.feeds:  # the sitemaps and feeds the seeds were listed in
            info["seed-lists"] = " ".join([*spider.sitemaps, *spider.feeds])
        contact = settings.get("ARCHIVER_CONTACT")
        if contact:
            info["operator"] = str(contact)  # only a contact the user gave names an operator
        else:
            spider.logger.warning(
                "no contact given: add --contact URL-or-email (archiver crawl) or "
                "-s ARCHIVER_CONTACT=URL-or-email (scrapy crawl) so that site owners can reach "
                "you; the user agent names the project's page instead"
            )
        # A worker of a distributed job (archiver.distributed): its id names its WARC files.
        spider.worker_id = str(settings.get("ARCHIVER_WORKER_ID") or "")
        if spider.worker_id:
            info["worker-id"] = spider.worker_id
        spider.job = JobRunContext.from_settings(settings, out_dir)
        warc = WarcWriter(
            out_dir / "warc",
            prefix=f"{job}-{spider.worker_id}" if spider.worker_id else job,
            info=info,
            max_size=settings.getint("ARCHIVER_WARC_MAX_SIZE"),
            dedup_index_size=settings.getint("ARCHIVER_DEDUP_INDEX_SIZE"),
            record_secrets=settings.getbool("ARCHIVER_RECORD_SECRETS"),
            earlier_original=spider.job.earlier_original if spider.job else None,
        )
        spider.session = CrawlSession(out_dir, warc)
        spider.session.write_wacz = settings.getbool("ARCHIVER_WACZ")
        if settings.get("ARCHIVER_JOB_ROOT"):  # a job run: health compares the job's run folders
            spider.session.job_root = Path(settings["ARCHIVER_JOB_ROOT"])
        # archiver crawl (which sets the run id) prints the health line in its report.
        spider.session.log_health = not settings.get("ARCHIVER_RUN_ID")
        if spider.output_lock.unreleased is not None:
            spider.session.unrecorded_runs.append(spider.output_lock.unreleased)
        spider.session.on_disk_full = lambda error: stop_for_full_disk(crawler, error)
        # WARC files of earlier runs of this job (after recovering any a kill left .open).
        spider.earlier_warcs = sorted((out_dir / "warc").glob("*.warc.gz"))
        if spider.worker_id:
            spider.earlier_warcs = []  # a worker's frontier is in Redis, not in its own WARCs
        spider.job_dir = Path(settings["JOBDIR"]) if settings.get("JOBDIR") else None
        spider._forget_state_of_a_killed_run()
        spider.max_pages = settings.getint("ARCHIVER_MAX_PAGES")
        extra_domains = settings.getlist("ARCHIVER_ALLOWED_DOMAINS")
        spider.allowed_domains = sorted({*spider.allowed_domains, *extra_domains})
        spider.on_site = on_site_rule(spider.allowed_domains)
        crawler.signals.connect(spider.closed_session, signal=signals.spider_closed)
        crawler.signals.connect(spider.spider_idle, signal=signals.spider_idle)
        if job_run is not None:  # connected after closed_session: runs once the files are closed
            # weak=False: nothing else holds the job run (signals keep weak references by default).
            crawler.signals.connect(job_run.spider_closed, signal=signals.spider_closed, weak=False)
        return spider

    # -- requests -----------------------------------------------------------------------------
    def _forget_state_of_a_killed_run(self) -> None:
        """Scrapy saves JOBDIR state only on a clean stop. A run that was killed left a marker;
        its saved queue and state would not match what it fetched after saving them, so they are
        dropped, and the WARC files (which have everything) rebuild the frontier
        (``CrawlSession.rebuild_from_warcs``)."""
        if self.job_dir is None:
            return
        marker = self.job_dir / RUNNING_MARKER
        if marker.exists():
            for name in ("requests.queue", "requests.seen", "spider.state"):
                target = self.job_dir / name
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink(missing_ok=True)
        self.job_dir.mkdir(parents=True, exist_ok=True)
        marker.write_text("a crawl is running, or was killed\n")

    async def start(self) -> AsyncIterator[Request]:
        # With JOBDIR, Scrapy's SpiderState extension has loaded ``self.state`` by now (it runs
        # on spider_opened, before the engine asks for start requests).
        persisted = getattr(self, "state", None)
        resumed_cleanly = isinstance(persisted, dict) and "archiver" in persisted
        if isinstance(persisted, dict):
            self.session.adopt_state(persisted)
        if resumed_cleanly and self.session.state.pages_requested:
            return  # resumed from JOBDIR after a clean stop: Scrapy's queue holds the rest
        rebuilt = Rebuilt()
        if self.earlier_warcs:
            # A killed run, or one into the same --out without --job-dir: the WARC files hold
            # all that earlier runs reached; what they left undone is fetched now.
            rebuilt = self.session.rebuild_from_warcs(
                self.earlier_warcs,
                depth=self.depth,
                seeds=self.seeds,
                seed_lists=[*self.sitemaps, *self.feeds],
                retry_statuses=self._retry_statuses(),
                fetch_images=self.settings.getbool("ARCHIVER_FETCH_IMAGES"),
                follows=self.on_site,
                references=self.job.reference_warcs() if self.job else (),
            )
            self.session.state.add_to_backlog(rebuilt.listed)
            for key, url, hops in rebuilt.next_pages:
                yield self._page_request(url, hops=hops, article_key=key)
            for url in rebuilt.images:
                yield self._image_request(url)
            for article in rebuilt.ready:
                self.session.write_article(article)
        for seed in self.seeds:
            for request in self._new_page(seed, hops=0):
                yield request
        for url, hops in rebuilt.pages:
            if not self._may_start_article():
                break
            for request in self._new_page(url, hops=hops):
                yield request
        for request in self._feed_seeds():  # the backlog a killed run left
            yield request
        for sitemap in self.sitemaps:
            yield Request(sitemap, callback=self.parse_sitemap, errback=self.seed_list_failed)
        for feed in self.feeds:
            yield Request(feed, callback=self.parse_feed, errback=self.seed_list_failed)

    def _retry_statuses(self) -> set[int]:
        """Statuses the crawl answers with a retry (none when retries are off)."""
        if not self.settings.getbool("RETRY_ENABLED"):
            return set()
        return {int(status) for status in self.settings.getlist("RETRY_HTTP_CODES")}

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        self._check_seed_list(response, "sitemap")
        links = parse_sitemap(response.body)
        for sitemap in links.sitemaps:
            yield Request(sitemap, callback=self.parse_sitemap, errback=self.seed_list_failed)
        pages = links.pages
        if self.job is not None:
            pages, skipped = self.job.skip_by_lastmod(pages, links.lastmod)
            if self.job.lastmod_skip:
                counts = self.session.counts
                counts["skipped_by_lastmod"] = counts.get("skipped_by_lastmod", 0) + len(skipped)
        self.session.state.add_to_backlog(pages)
        yield from self._feed_seeds()

    def parse_feed(self, response: Response) -> Iterator[Request]:
        self._check_seed_list(response, "feed")
        self.session.state.add_to_backlog(parse_feed(response.body))
        yield from self._feed_seeds()

    def _check_seed_list(self, response: Response, kind: str) -> None:
        """A sitemap or feed that lists nothing (not XML, an HTML page, an empty urlset) is a
        failed seed list, not a quiet success: the run's outcome says so (archiver.crawl.outcome)."""
        problem = seed_list_problem(response.body, kind)
        if problem:
            error = f"{NOT_A_SEED_LIST}: {problem}"
            self.session.record_error(response.url, error, "seed-list", role="seed-list", answered=True)

    def _feed_seeds(self) -> Iterator[Request]:
        """Turn backlog URLs into requests while fewer than ARCHIVER_SEED_WINDOW are out."""
        state = self.session.state
        window = self.settings.getint("ARCHIVER_SEED_WINDOW")
        if self.worker_id:
            # A worker pushes them all to Redis: a backlog held here would die with it.
            window = len(state.seed_backlog) + state.seeds_in_flight + 1
        while state.seed_backlog and state.seeds_in_flight < window:
            if not self._may_start_article():
                state.seed_backlog.clear()
                state.backlog_urls.clear()
                return
            for request in self._new_page(state.next_from_backlog(), hops=0):
                request.meta[_FROM_BACKLOG] = True
                state.seeds_in_flight += 1
                yield request

    def _seed_done(self, meta: dict[str, Any]) -> Iterator[Request]:
        """A backlog page got its answer (or failed): make room for the next."""
        if meta.get(_FROM_BACKLOG):
            state = self.session.state
            state.seeds_in_flight = max(0, state.seeds_in_flight - 1)  # idle may have reset it
            yield from self._feed_seeds()

    def spider_idle(self) -> None:
        """Nothing is queued or downloading: whatever the in-flight count says (a request
        dropped without a callback), the window is free. Keep the crawl open while seeds wait."""
        state = self.session.state
        state.seeds_in_flight = 0
        requests = list(self._feed_seeds())
        for request in requests:
            self.crawler.engine.crawl(request)
        if requests:
            raise DontCloseSpider

    def adopt_leased(self, request: Request) -> Request:
        """A distributed crawl's scheduler hands over each request it took from Redis: a next
        page of an article whose draft this worker does not hold (handed back from a worker
        that died, the draft with it) becomes the article's first page again, past the seen-set,
        so that the article is whole (its earlier pages' photos were never asked for)."""
        key = request.meta.get("article_key")
        if key is None or key in self.session.state.drafts:
            return request
        from archiver.distributed.scheduler import FETCH_AGAIN

        again = self._page_request(str(key), hops=request.meta.get("hops", 0), article_key=None)
        again.meta[FETCH_AGAIN] = True
        return again

    def fetched_elsewhere(self, request: Request) -> None:
        """A distributed crawl's seen-set dropped ``request``: another worker asked for its URL.
        A photo is done here, not captured by this worker (the merge finds it in the other
        worker's WARC), so that its article does not wait for it."""
        if "image_url" not in request.meta:
            return
        from archiver.articles import CAPTURED_ELSEWHERE

        for article in self.session.image_done(request.meta["image_url"], None, CAPTURED_ELSEWHERE):
            self.write_output(ArticleItem(article))

    def _worker_fields(self) -> dict[str, Any]:
        """crawl.json's worker id and job name, for a worker of a distributed crawl."""
        if not self.worker_id:
            return {}
        return {"worker_id": self.worker_id, "job": self.settings.get("ARCHIVER_JOB_NAME")}

    def write_output(self, item: Any) -> None:
        """Write an item produced outside a callback (an article finished by the scheduler)."""
        if isinstance(item, ArticleItem):
            self._archive(self.session.write_article, item.article)

    def _fetch_failed(self, request: Request, failure: Failure, kind: str) -> str:
        """A request that got no response: in crawl.json's errors and, as a metadata record with
        fetch-error, in the WARC ("not captured" is not "did not exist"). Returns the reason."""
        reason = _failure_reason(failure)
        role = {"page": _page_role(request.meta), "image": "image"}.get(kind, kind)
        # A response archived before a middleware dropped it (an undecodable body): answered.
        answered = request.meta.get(WARC_META_KEY) is not None
        self.session.record_error(request.url, reason, kind, role=role, answered=answered)
        self._archive(self.session.warc.write_fetch_error, request.url, reason)
        return reason

    def seed_list_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        self._fetch_failed(request, failure, "seed-list")

    def _may_start_article(self) -> bool:
        return not self.max_pages or self.session.state.pages_requested < self.max_pages

    def _new_page(self, url: str, *, hops: int) -> Iterator[Request]:
        """A page that may start an article, unless it was asked for already or is a recommendation
        (``hops`` > 0) to a site outside the seeds' and ``--allow-domain``'s. A page a sitemap or
        feed lists waits for its turn in the seed backlog, at hops 0 (a page's hops are the lowest
        of the ways it is reached)."""
        seen = self.session.state.pages_seen
        if hops > 0 and canonical_url(url) in self.session.state.backlog_urls:
            return
        if hops > 0 and not self.on_site(url):
            return  # a recommendation to another site (dont_filter bypasses Scrapy's offsite check)
        if url not in seen:
            seen.add(url)
            # --max-pages counts the pages that may start an article: not the next pages of a
            # started one, which are always fetched, so that the count does not depend on the
            # order pages come in (a run rebuilt after a kill asks for next pages first).
            self.session.state.pages_requested += 1
            yield self._page_request(url, hops=hops, article_key=None)

    def _page_request(
        self, url: str, *, hops: int, article_key: str | None, earlier: list[str] | None = None
    ) -> Request:
        """``earlier``: for a next page, the URLs of its article's pages so far (a redirect back
        to one of them ends the chain before it is fetched again, archiver.crawl.redirects)."""
        self.session.state.pages_seen.add(url)
        meta: dict[str, Any] = {
            "hops": hops,
            "article_key": article_key,
            "handle_httpstatus_list": ERROR_STATUSES,
        }
        if earlier:
            meta[EARLIER_PAGES] = earlier
        return Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            meta=meta,
            # Pages are deduplicated by the crawl state (pages_seen), not Scrapy's filter: the
            # filter would silently drop the second hop of a redirect loop, which must instead
            # end in a recorded "redirect loop" error (archiver.redirects). A next page is
            # always fetched.
            dont_filter=True,
            priority=10 if article_key else 0,
        )

    def _lost_to_full_disk(self, failure: Failure) -> bool:
        """A failure that is no outcome: the response was not archived for a full disk, or the
        crawl is stopping for one (nothing more can be recorded). The article it belongs to is
        left unfinished, not written with a failure or a missing capture."""
        return isinstance(failure.value, NotArchived) or not self._archiving()

    def _archiving(self) -> bool:
        return not (self.crawler.stats and self.crawler.stats.get_value("archiver/disk_full"))

    def _archive(self, write: Callable[..., None], *args: Any) -> None:
        """Run one output write; a full disk stops the crawl instead of raising in a callback."""
        if not self._archiving():
            return
        try:
            write(*args)
        except DiskFullError as error:
            stop_for_full_disk(self.crawler, error)

    # -- pages --------------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        session: CrawlSession = self.session
        written: WrittenRecord | None = response.meta.get(WARC_META_KEY)
        key: str | None = response.meta.get("article_key")
        hops: int = response.meta.get("hops", 0)
        yield from self._seed_done(response.meta)
        if key is not None and self._leads_back(key, response, written):
            yield from self._finish_article(key)
            return
        failure = error_status_failure(response.url, response.status)
        if failure is not None:
            role = _page_role(response.meta)
            session.record_error(response.url, failure.reason, "http", role=role, answered=True)
            self._log_page(response, written, hops, key, failure.reason)
            yield from self._page_failed_in_chain(key, failure)
            return
        session.counts["pages"] += 1
        try:
            record = parse_page(response.body, response.url, content_type=_content_type(response))
        except PAGE_ERRORS as error:
            reason = str(error).splitlines()[0]
            self._archive(session.write_reject, response.url, reason, written, response.status)
            failure = rejected_failure(response.url, error)
            self._log_page(response, written, hops, key, failure.reason)
            yield from self._page_failed_in_chain(key, failure)
            return
        if written is not None and self._archiving():
            outlinks = [record.next_page_url] if record.next_page_url else []
            outlinks += [link.url for link in record.recommendations]
            outlinks += [image.url for item in record.items for image in item.images]
            # Written before any request this page leads to: a run that rebuilds the frontier
            # after a kill finds the hops of every page whose links were followed.
            self._archive(
                session.warc.write_metadata,
                response.url,
                written.record_id,
                written.date,
                page_fields(outlinks, hops),
            )
        if key is None:
            if starts_article(record):
                # Its items, or its own next page (a cover slide, an intro): whether the chain
                # is a listicle is decided when it ends.
                key = response.url
                session.state.drafts[key] = ArticleDraft(hops=hops)
            else:
                session.counts["non_listicles"] += 1
                # Pages of a chain are listed when the chain ends (archiver.page_log).
                self._archive(
                    session.write_page,
                    page_entry(response.url, response.status, written, hops, record=record, reason=NO_ITEMS),
                )
        if key is not None and written is not None:
            yield from self._add_page(key, record, response, written, hops)
        if hops < self.depth:
            for link in record.recommendations:
                if not self._may_start_article():
                    break
                yield from self._new_page(link.url, hops=hops + 1)

    def _log_page(
        self, response: Response, written: WrittenRecord | None, hops: int, key: str | None, reason: str
    ) -> None:
        """A line of pages.jsonl for a page that failed (an error status, a rejected body)."""
        draft = self.session.state.drafts.get(key) if key is not None else None
        entry = page_entry(
            response.url,
            response.status,
            written,
            hops,
            article_url=key,
            page_number=len(draft.pages) + 1 if draft is not None else None,
            reason=reason,
        )
        self._archive(self.session.write_page, entry)

    def _leads_back(self, key: str, response: Response, written: WrittenRecord | None) -> bool:
        """Whether a next page that arrived is an earlier page of its article again: reached by
        a redirect the middleware could not check (a request without the article's pages in its
        meta), or the same payload under another URL. Ends the chain (True) if so."""
        draft = self.session.state.drafts.get(key)
        if draft is None:
            return False
        linked = [*response.meta.get("redirect_urls", []), response.url][0]
        reason = leads_back_reason(draft_urls(draft), linked, response.url)
        if reason is None and written is not None and 200 <= response.status < 300:
            reason = repeated_page_reason(draft, response.url, written.payload_digest)
        if reason is None:
            return False
        stop_chain(draft, reason)
        return True

    def _add_page(
        self, key: str, record: ListiclePage, response: Response, written: WrittenRecord, hops: int
    ) -> Iterator[Any]:
        # A draft is missing only if the crawl state was lost (a killed crawl): start it afresh.
        draft = self.session.state.drafts.setdefault(key, ArticleDraft(hops=hops))
        capture = page_capture_of(response.url, response.status, written)
        next_url = add_page(draft, record, capture, written.payload_digest)
        if next_url is not None:
            yield self._page_request(next_url, hops=hops, article_key=key, earlier=draft_urls(draft))
            return
        yield from self._finish_article(key)

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        yield from self._seed_done(request.meta)
        if isinstance(failure.value, AlreadyRequested):
            return  # a redirect to a page asked for already: that request reports on it
        if self._lost_to_full_disk(failure):
            return  # its article stays unfinished: the next run completes it
        key = request.meta.get("article_key")
        if isinstance(failure.value, LeadsBack) and key in self.session.state.drafts:
            # Not a failed fetch: the chain ends where it loops, as re-extraction ends it.
            stop_chain(self.session.state.drafts[key], failure.value.reason)
            yield from self._finish_article(key)
            return
        reason = self._fetch_failed(request, failure, "page")
        yield from self._page_failed_in_chain(
            request.meta.get("article_key"), fetch_failure(request.url, reason)
        )

    def _page_failed_in_chain(self, key: str | None, failure: PageFailure) -> Iterator[Any]:
        """A page of an article failed: the article ends there, with the failure recorded."""
        if key is None:
            return
        end_with_failure(self.session.state.drafts.setdefault(key, ArticleDraft()), failure)
        yield from self._finish_article(key)

    # -- images and completion ----------------------------------------------------------------
    def _finish_article(self, key: str) -> Iterator[Any]:
        fetch = self.settings.getbool("ARCHIVER_FETCH_IMAGES")
        for url in self.session.finish_pages(key, fetch_images=fetch):
            yield self._image_request(url)
        article = self.session.ready_without_images(key)
        if article is not None:
            yield ArticleItem(article)

    def _image_request(self, url: str) -> Request:
        return Request(
            url,
            callback=self.parse_image,
            errback=self.image_failed,
            meta={"image_url": url, "allow_offsite": True, "handle_httpstatus_list": ERROR_STATUSES},
            dont_filter=True,
            priority=5,
        )

    def parse_image(self, response: Response) -> Iterator[Any]:
        written: WrittenRecord | None = response.meta.get(WARC_META_KEY)
        if written is None and not self._archiving():
            return  # not archived (the disk is full): no outcome
        capture = None
        if written is not None:
            capture = image_capture_of(response.status, _content_type(response), written)
        if not is_success(response.status):
            # Archived (provenance), but the photo is not captured: a failed photo, the run is
            # partial, and the next run asks again if the status is one worth retrying.
            reason = status_failure_reason(response.status, response.headers.get(b"Location"))
            # kind "image", not "http": the report takes an http 404/410 off a seed for a dead link.
            self.session.record_error(response.url, reason, "image", role="image", answered=True)
        for article in self.session.image_done(response.meta["image_url"], capture):
            yield ArticleItem(article)

    def image_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        if self._lost_to_full_disk(failure):
            return
        reason = self._fetch_failed(request, failure, "image")
        for article in self.session.image_done(request.meta["image_url"], None, reason):
            yield ArticleItem(article)

    # -- closing ------------------------------------------------------------------------------
    def closed_session(self, spider: scrapy.Spider, reason: str) -> None:
        if self.job_dir is not None:
            (self.job_dir / RUNNING_MARKER).unlink(missing_ok=True)
        resumable = bool(self.settings.get("JOBDIR")) and reason != "finished"
        # After a full disk, unfinished articles stay unfinished (not written with what is
        # missing): the next run rebuilds them from the WARCs and completes them.
        if not resumable and reason != "disk_full":
            # The crawl is over: articles still waiting for a page or image are written as they
            # are, flagged (crawl_stopped); the next run into the same --out finishes them.
            unfinished = self.session.flush_unfinished()
            for article in unfinished:
                try:
                    self.session.write_article(article)
                except DiskFullError as error:
                    # What is written stays valid; crawl.json must still say what was saved.
                    self.session.record_error(article.url, f"not written: {error}", "output", role="output")
                    break
            stopped = sum(article.crawl_stopped for article in unfinished)
            if stopped:
                self.logger.warning(
                    "%d articles written unfinished (crawl_stopped: pages or photos not fetched): "
                    "run the same command again to finish them",
                    stopped,
                )
        self.session.close_page_log()
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        self.session.close(
            {
                "finish_reason": reason,
                "run_id": self.run_id,
                "job_dir": self.settings.get("JOBDIR") or None,
                **self._worker_fields(),
                "seeds": self.seeds,
                "seed_lists": [*self.sitemaps, *self.feeds],
                "non_listicle_seeds": self.session.non_listicle_seeds,
                "responses": stats.get("downloader/response_count", 0),
                "bytes": stats.get("downloader/response_bytes", 0),
                "status_counts": {
                    key.rsplit("/", 1)[1]: value
                    for key, value in stats.items()
                    if key.startswith("downloader/response_status_count/")
                },
            }
        )
        self.output_lock.release()
