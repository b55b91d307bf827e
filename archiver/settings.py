"""Scrapy settings shared by ``scrapy crawl listicle`` and ``archiver crawl``.

Kept in the library so a bare ``CrawlerProcess`` and the ``scrapy`` command behave the same.
"""

from archiver import __version__

BOT_NAME = "listicle-archiver"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Who we are: an honest user agent naming the tool and how to reach its operator. The operator
# is whoever runs the crawl: only they can give a contact (--contact URL-or-email); without one,
# the user agent names the project's page, and the warcinfo record names no operator.
ARCHIVER_CONTACT = ""
PROJECT_URL = "https://github.com/listicle-archiver/listicle-archiver"


def user_agent(contact: str) -> str:
    """The user agent naming ``contact``, or the project's page when none is given.

    >>> user_agent("mailto:me@example.org").endswith("(+mailto:me@example.org)")
    True
    """
    return f"listicle-archiver/{__version__} (+{contact or PROJECT_URL})"


# The spider derives it again from the ARCHIVER_CONTACT in effect (archiver.crawl.identity).
USER_AGENT = user_agent(ARCHIVER_CONTACT)

# Polite by default.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# The asyncio reactor starts one task per callback output; 16 is cheaper than 100 here.
CONCURRENT_ITEMS = 16
RETRY_ENABLED = True
RETRY_TIMES = 3
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
# A body cut by a dropped connection is kept (and archived with WARC-Truncated), not discarded.
DOWNLOAD_FAIL_ON_DATALOSS = False
COOKIES_ENABLED = True
REDIRECT_MAX_TIMES = 10

# Both run code sent to a local port; an unattended crawler must not open them unless asked.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Scrapy's lint for "return value" in generator callbacks re-reads and parses the callback's
# source whenever its cache of bound methods misses: ~3% of the crawl's CPU in a profile of the
# bench crawl (1,519 getsource + ast.parse calls for 10,756 responses). The spider's callbacks
# are typed Iterator[...] and checked by mypy instead.
WARN_ON_GENERATOR_RETURN_VALUE = False

RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
ARCHIVER_RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry; doubles each time
ARCHIVER_RETRY_MAX_DELAY = 60.0  # cap, also for a server's Retry-After
# Retries for a host that does not resolve or refuses the connection (not busy: absent).
ARCHIVER_RETRY_UNREACHABLE_TIMES = 1
# Holds retries until their backoff is over without taking a downloader place.
SCHEDULER = "archiver.crawl.scheduler.DelayingScheduler"

# Scrapy's HTTP/1.1 handler, also keeping each response's status line and header bytes as
# received, for the WARC (archiver/crawl/handler.py).
DOWNLOAD_HANDLERS = {
    "http": "archiver.crawl.handler.AsSentDownloadHandler",
    "https": "archiver.crawl.handler.AsSentDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "archiver.crawl.retry.BackoffRetryMiddleware": 550,
    # Content codings and meta refresh by the rules archiver extract uses (archiver.codings,
    # archiver.parse.refresh); Accept-Encoding asks only for codings pywb and ReplayWeb.page replay.
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "archiver.crawl.compression.ContentDecodingMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "archiver.crawl.compression.MetaRefreshFollower": 580,
    "archiver.crawl.middleware.WarcCaptureMiddleware": 750,
    # Job runs only: conditional requests from the job's capture index; a 304 (archived by the
    # capture middleware first) becomes the earlier capture before decoding (590) undoes its coding.
    "archiver.crawl.conditional.ConditionalRequestMiddleware": 700,
    # Above the capture middleware: its process_response runs first, so a response from a
    # refused address is never archived.
    "archiver.crawl.scope.ScopeGuardMiddleware": 760,
    # Credentials of a seed URL become an Authorization header; no URL keeps userinfo.
    "archiver.crawl.credentials.SeedCredentialsMiddleware": 350,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "archiver.crawl.credentials.UserinfoFreeRedirectMiddleware": 600,
    # A redirect to a page asked for already is not followed (one fetch, one article per URL).
    "archiver.crawl.redirect_dedup.RedirectTargetDedupMiddleware": 100,
}
# Loopback, private and link-local targets are refused unless this is set (the demo sets it).
ARCHIVER_ALLOW_PRIVATE = False
# The connections' resolver refuses non-public answers itself (DNS rebinding): the address a
# connection uses is the address that was checked.
TWISTED_DNS_RESOLVER = "archiver.crawl.resolver.PublicAddressResolver"
# DNS servers ("host:port") to ask instead of the system resolver; empty: the system's.
ARCHIVER_DNS_SERVERS: list[str] = []
ITEM_PIPELINES = {"archiver.crawl.pipeline.ArticleWriterPipeline": 300}
EXTENSIONS = {
    # A 304 lowers the delay as a 200 does (archiver.crawl.throttle): job runs re-check fast.
    "scrapy.extensions.throttle.AutoThrottle": None,
    "archiver.crawl.throttle.NotModifiedAwareAutoThrottle": 0,
    "archiver.crawl.progress.ProgressLog": 500,
    "archiver.crawl.limits.WarcSizeLimit": 510,  # ARCHIVER_SIZE_LIMIT (archiver crawl --size-limit)
}
# One progress source: ours (archiver.crawl.progress), not Scrapy's per-minute LogStats lines.
LOGSTATS_INTERVAL = 0
# Scrapy logs each item whole ("Scraped from ..." + its repr: 23 KB for one article); this names it.
LOG_FORMATTER = "archiver.crawl.logformatter.ArticleLogFormatter"
# Feed exports (scrapy crawl listicle -O FILE): JSON formats write each article as its
# articles.jsonl line (the items are that dict), in UTF-8 as the file is; csv and parquet
# write the flat item table of `archiver export` (archiver/export/table.py).
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "csv": "archiver.crawl.feeds.ItemsCsvExporter",
    "parquet": "archiver.crawl.feeds.ItemsParquetExporter",
}

# Archiver settings (override with -s NAME=VALUE or archiver crawl options).
ARCHIVER_OUTPUT_DIR = "output/crawl"
ARCHIVER_JOB_NAME = "crawl"
ARCHIVER_DEPTH = 1  # recommendation hops from a seed article
ARCHIVER_WARC_MAX_SIZE = 1_000_000_000
ARCHIVER_DEDUP_INDEX_SIZE = 20_000  # recent payload digests remembered for revisit records
ARCHIVER_RECORD_SECRETS = False  # Cookie/Authorization values in request records
ARCHIVER_FETCH_IMAGES = True
ARCHIVER_ALLOWED_DOMAINS: list[str] = []  # follow recommendations to these sites too
ARCHIVER_MAX_PAGES = 0  # 0: no limit; else start no article after this many pages that may start one
# Sitemap and feed URLs wait as plain strings and become requests this many at a time: a
# sitemap of 100,000 URLs does not put 100,000 requests in Scrapy's in-memory queue.
ARCHIVER_SEED_WINDOW = 100
# Seconds between progress lines in the log when stderr is not a terminal; 0 turns them off.
ARCHIVER_PROGRESS_INTERVAL = 30.0
# On a terminal (stderr a TTY): a live progress display in place of the lines; False: lines only.
ARCHIVER_PROGRESS_DISPLAY = True
# Bytes of WARC this run may write before it stops (finish reason size_limit); 0: no limit.
ARCHIVER_SIZE_LIMIT = 0
# Package the output folder as OUT/<job>.wacz at the end of every run (archiver crawl --no-wacz,
# scrapy crawl -s ARCHIVER_WACZ=False: not); `archiver wacz OUT` writes one for any folder.
ARCHIVER_WACZ = True
# Set by archiver crawl for each run, written into crawl.json: the command reports this run's
# summary, never an older one left in the folder. Empty: the spider makes one.
ARCHIVER_RUN_ID = ""

# Scheduled jobs (issue 13). The job folder OUT, set by `archiver job run` for each run (the run
# writes into OUT/runs/<ts>); None: a plain crawl (no conditional requests, no cross-run revisits).
ARCHIVER_JOB_ROOT: str | None = None
# In a job run: If-None-Match / If-Modified-Since from the URL's last capture in an earlier run.
ARCHIVER_CONDITIONAL = True
# In a job run: a sitemap entry whose <lastmod> is not newer than the URL's last capture is not
# requested (counted in crawl.json as skipped_by_lastmod).
ARCHIVER_LASTMOD_SKIP = False

# Distributed crawls (issue 14, archiver.distributed). The job's Redis, set by `archiver crawl
# --redis` and `archiver worker`; empty: a crawl in this process alone.
ARCHIVER_REDIS_URL = ""
# This worker's id (archiver.distributed.worker_id: kept in the --out folder); in WARC names,
# warcinfo and crawl.json. Set with ARCHIVER_REDIS_URL.
ARCHIVER_WORKER_ID = ""
# Seconds a worker's heartbeat lives in Redis (refreshed every third of it): a worker silent for
# this long is dead, and its leased requests go back to the shared queue.
ARCHIVER_REDIS_HEARTBEAT = 15.0
# Seconds between an idle worker's looks at Redis (new requests, dead workers, the job's end).
ARCHIVER_REDIS_POLL = 0.2
# Seconds a worker waits for an unreachable Redis (paused, retrying with backoff) before it
# stops cleanly (finish reason redis_unavailable; run the same command again to continue).
ARCHIVER_REDIS_OUTAGE_LIMIT = 300.0
