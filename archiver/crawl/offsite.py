"""Which recommendation links the crawl follows: those within the seeds' sites and the
``--allow-domain`` hosts, by Scrapy's own offsite rule.

Page requests carry ``dont_filter=True`` (a redirect loop must reach the spider as an error, not
vanish in Scrapy's duplicate filter), and Scrapy's OffsiteMiddleware lets every such request
through. So the spider asks this rule before it requests a recommended page, and the rebuild of
a lost frontier from the WARCs (:class:`archiver.crawl.frontier.FrontierPlanner`) asks the same,
so a rerun schedules exactly what the live crawl would. Next pages of a started article and item
photos are not subject to it (photos are archived from any host).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware

__all__ = ["on_site_rule"]


class _OffsiteRule(OffsiteMiddleware):
    """Scrapy's :meth:`OffsiteMiddleware.should_follow` on its own: without a crawler, so no
    signals and no stats (nothing is filtered here; the caller skips the link)."""

    def __init__(self) -> None:
        self.domains_seen = set()
        self._allowed_domains = None


def on_site_rule(allowed_domains: Iterable[str]) -> Callable[[str], bool]:
    """A predicate ``url -> bool``: whether a link to ``url`` stays on the allowed sites, i.e.
    its host is one of ``allowed_domains`` (host names, no port) or a subdomain of one; the
    port is not compared (``http://127.0.0.1:8080/`` is on ``127.0.0.1``). A URL Scrapy cannot
    request (no scheme, no host) is not on site. No DNS lookup is made.

    >>> follows = on_site_rule(["example.org", "127.0.0.1"])
    >>> follows("https://www.example.org/a"), follows("http://127.0.0.1:8080/b")
    (True, True)
    >>> follows("http://localhost:8080/b"), follows("https://example.org.evil.test/")
    (False, False)
    """
    holder = Spider(name="listicle", allowed_domains=sorted(set(allowed_domains)))
    rule = _OffsiteRule()

    def follows(url: str) -> bool:
        try:
            request = Request(url)
        except ValueError:
            return False
        return rule.should_follow(request, holder)

    return follows
