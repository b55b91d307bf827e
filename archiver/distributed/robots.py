"""robots.txt fetched once per site per distributed job, shared through Redis.

Scrapy's RobotsTxtMiddleware fetches a site's robots.txt in each process: every worker would
fetch it again (a URL fetched twice). Here the first worker that needs it claims the site
(``robots-claim:<netloc>``, SET NX with a TTL), fetches it as Scrapy does and stores the body in
``robots`` (hash: netloc -> body; an empty value with ``robots-failed`` for a fetch that got no
answer, as Scrapy then obeys nothing). Other workers wait for the stored body and parse it
themselves. A claimant that dies lets its claim expire; a worker that cannot reach Redis
fetches robots.txt itself (at worst twice, never unobeyed).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from archiver.distributed.connection import connect
from archiver.distributed.keys import JobKeys
from archiver.distributed.outbox import OUTAGE_ERRORS

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 60  # a claimant that died frees the site after this long
WAIT_STEP = 0.1  # seconds between looks for a body another worker is fetching
NO_ANSWER = b"\x00no answer"  # stored for a robots.txt fetch that got no response


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's middleware; with ARCHIVER_REDIS_URL, the robots.txt bodies come from Redis."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        url = crawler.settings.get("ARCHIVER_REDIS_URL")
        self._server = connect(url) if url else None
        self._keys = JobKeys(crawler.settings.get("ARCHIVER_JOB_NAME") or "crawl")
        self._worker = crawler.settings.get("ARCHIVER_WORKER_ID") or ""

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        if self._server is None or netloc in self._parsers:
            return await super().robot_parser(request)
        waiting: Deferred[Any] = Deferred()
        self._parsers[netloc] = waiting
        try:
            body = await self._shared_body(netloc)
        except OUTAGE_ERRORS:
            body = None
        if body is None:  # ours to fetch (claimed, or Redis unreachable): as Scrapy does
            del self._parsers[netloc]
            parser = await super().robot_parser(request)
            waiting.callback(parser)
            return parser
        parser = None if body == NO_ANSWER else build_from_crawler(self._parserimpl, self.crawler, body)
        self._parsers[netloc] = parser
        waiting.callback(parser)
        return parser

    async def _shared_body(self, netloc: str) -> bytes | None:
        """The body another worker stored, waiting while it fetches; None when this worker
        claimed the site (it fetches and stores)."""
        assert self._server is not None
        from twisted.internet import reactor
        from twisted.internet.task import deferLater

        claim = f"{self._keys.prefix}robots-claim:{netloc}"
        while True:
            stored = self._server.hget(f"{self._keys.prefix}robots", netloc)
            if stored is not None:
                return stored.encode() if isinstance(stored, str) else stored
            if self._server.set(claim, self._worker, nx=True, ex=CLAIM_SECONDS):
                return None
            clock: Any = reactor  # typed as a zope interface, which deferLater does not take
            await maybe_deferred_to_future(deferLater(clock, WAIT_STEP, lambda: None))

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        self._store(netloc, response.body)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._store(netloc, NO_ANSWER)
        super()._robots_error(exc, netloc)

    def _store(self, netloc: str, body: bytes) -> None:
        if self._server is None:
            return
        try:
            self._server.hset(f"{self._keys.prefix}robots", netloc, body)
        except OUTAGE_ERRORS:
            logger.warning("robots.txt of %s not shared (Redis unreachable): other workers fetch it", netloc)
