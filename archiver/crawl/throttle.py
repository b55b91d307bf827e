"""AutoThrottle that lets a ``304 Not Modified`` lower the download delay, as a 200 does.

Scrapy's AutoThrottle (scrapy.extensions.throttle) adjusts a slot's delay towards
``latency / AUTOTHROTTLE_TARGET_CONCURRENCY`` on every response, but refuses to *lower* it on a
response whose status is not 200: error pages and redirects are small and fast, and letting them
speed the crawl up would feed back on itself. A 304 to a conditional request (a job run's
re-check of an unchanged page or photo) is not that: it is the server's full, healthy answer,
and its latency tells as much about the server's load as a 200's. Without this, a job run answered
mostly with 304s never leaves AUTOTHROTTLE_START_DELAY (0.5 s a request), and an unchanged site
took 10-25 times as long to re-check as to crawl the first time (issue 13, finding 5).

Only the status the policy looks at changes: the algorithm, its settings and the
``autothrottle_dont_adjust_delay`` meta key are Scrapy's own. Registered in EXTENSIONS in place
of Scrapy's (archiver.settings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.extensions.throttle import AutoThrottle

if TYPE_CHECKING:
    from scrapy.core.downloader import Slot
    from scrapy.http import Response

NOT_MODIFIED = 304


class NotModifiedAwareAutoThrottle(AutoThrottle):
    """Scrapy's AutoThrottle, with a 304 judged as a 200 (see the module docstring)."""

    def _adjust_delay(self, slot: Slot, latency: float, response: Response) -> None:
        if response.status == NOT_MODIFIED:
            # A 304 has no body: the stand-in costs nothing, and the policy sees a full answer.
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)
