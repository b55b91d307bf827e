"""The pages a killed crawl still had to start: every recommendation of an archived page, to
the configured depth, that no run has fetched yet.

A crawl keeps its queue in memory (and, with ``--job-dir``, saves it only on a clean stop), so
after a kill the WARC files are the record of what it reached. Each parsed page is archived with
its hop count (:mod:`archiver.crawl.journal`) and its recommendations are read again from its
body, so the links it led to are known; those whose fetch left nothing in the WARCs (queued or
in flight at the kill) are the pages to request again, at the hops the lost run would have
given them. Pure: the caller feeds it parsed pages and says which URLs the WARCs hold.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterable, Mapping


class FrontierPlanner:
    """Collects the pages of earlier runs and works out the frontier they leave.

    ``depth``: recommendation hops followed from a seed (a page at ``hops < depth`` has its
    recommendations followed at ``hops + 1``). ``hops``: the counts the WARCs' metadata records
    hold (page URL -> hops). ``settle(url)`` -> (the URL a link leads to after the redirects the
    WARCs hold, whether the crawl is done with it: archived, or failed with a recorded error).
    ``seeds``: the run's seed URLs (hops 0). ``listed``: entries of the sitemaps and feeds the
    WARCs hold: hops 0 too, whatever recommends them (a page's hops are the lowest of every way
    it is reached), and never returned as pages to fetch (the seed backlog requests them).
    ``follows(url)``: whether the crawl follows a recommendation to ``url`` (its offsite rule);
    the links it does not follow are neither fetched nor counted.

    A page archived without a count (the run was killed after archiving its response, before
    parsing it) gets the hops of its article's first page, else the smallest count of the pages
    that recommend it, else 0 (nothing recommended it: a seed or a sitemap page). Memory: sets
    of URLs (the pages parsed, the frontier), and the recommendations of pages without a count
    only (a handful after a kill).
    """

    def __init__(
        self,
        depth: int,
        hops: Mapping[str, int],
        settle: Callable[[str], tuple[str, bool]],
        seeds: Iterable[str] = (),
        listed: Collection[str] = (),
        follows: Callable[[str], bool] = lambda url: True,
    ) -> None:
        self.depth = depth
        self._listed = listed
        self._follows = follows
        self._known = hops
        self._settle = settle
        self._seeds = dict.fromkeys(seeds)  # ordered, and quick to look up
        self._resolved: dict[str, int] = {}  # pages without a count, once worked out
        self._candidates: dict[str, int] = {}  # archived, not in the journal -> smallest hops offered
        self._uncounted: dict[str, list[str]] = {}  # page without a count -> its recommendations
        self._first_page: dict[str, str] = {}  # a later page of an article -> the article's first
        self._todo: dict[str, int] = {}  # not fetched yet -> smallest hops, in discovery order
        self._parsed: set[str] = set()
        self._offered: set[str] = set()  # links a page within the depth offered (as linked)

    @property
    def pages_parsed(self) -> int:
        """How many distinct pages the WARCs hold that parse."""
        return len(self._parsed)

    def pages_started(self) -> int:
        """How many pages that may start an article the earlier runs asked for, as
        ``--max-pages`` counts them: seeds, sitemap/feed entries and the recommendations of pages
        within the depth, each once, that the WARCs answer for (any status, a redirect, a
        recorded error). Call after :meth:`pages_to_fetch`."""
        candidates = {*self._seeds, *self._listed, *self._offered}
        return sum(1 for url in candidates if self._settle(url)[1])

    def page_parsed(self, url: str, recommendations: Iterable[str]) -> None:
        """A page the WARCs hold that parses, with the URLs of its recommendation links in order."""
        if url in self._parsed:
            return  # parsed twice (re-extraction may do so): nothing new
        self._parsed.add(url)
        hops = 0 if url in self._listed else self._known.get(url)
        if hops is None:
            self._uncounted[url] = list(recommendations)
        else:
            self._recommend(recommendations, hops, in_journal=True)

    def chain(self, urls: Iterable[str]) -> None:
        """The pages of one article in order: they share the hops of the first."""
        pages = list(urls)
        for url in pages[1:]:
            if url not in self._known:
                self._first_page[url] = pages[0]

    def hops_of(self, url: str) -> int:
        """The hops a parsed page was (or would have been) requested at; call after
        :meth:`pages_to_fetch`."""
        if url in self._listed:
            return 0
        return self._known.get(url, self._resolved.get(url, 0))

    def pages_to_fetch(self) -> list[tuple[str, int]]:
        """(URL, hops) of every page a seed or an archived page leads to and no run fetched:
        the seeds' first (where an archived redirect leads), then in the order they were found."""
        self._count_uncounted_pages()
        seeds = {}
        for seed in self._seeds:
            target, done = self._settle(seed)
            if not done:
                seeds[target] = 0
        return [*seeds.items(), *((url, hops) for url, hops in self._todo.items() if url not in seeds)]

    def _recommend(self, recommendations: Iterable[str], hops: int, *, in_journal: bool) -> None:
        if hops >= self.depth:
            return
        for link in recommendations:
            if not self._follows(link):
                continue  # off the allowed sites: the live crawl does not ask for it either
            self._offered.add(link)
            target, done = self._settle(link)
            if target in self._listed:
                continue  # a seed: requested from the backlog, at hops 0
            if not done:
                self._todo[target] = min(self._todo.get(target, hops + 1), hops + 1)
            elif in_journal and target not in self._known:
                # Perhaps archived without a count: what this page offers it.
                self._candidates[target] = min(self._candidates.get(target, hops + 1), hops + 1)

    def _count_uncounted_pages(self) -> None:
        """Hops for pages without a count: a breadth-first pass from the counted pages, with
        seeds and pages that nothing recommended as sources at 0."""
        if not self._uncounted:
            return
        recommended = {self._settle(link)[0] for links in self._uncounted.values() for link in links}
        followers: dict[str, list[str]] = {}
        queue: list[tuple[int, str]] = []
        for url in self._uncounted:
            first = self._first_page.get(url)
            if first is not None:
                followers.setdefault(first, []).append(url)
                if first in self._known:
                    queue.append((self._known[first], url))
            elif url in self._seeds or url in self._listed:
                queue.append((0, url))
            elif url in self._candidates:
                queue.append((self._candidates[url], url))
            elif url not in recommended:
                queue.append((0, url))
        heapq.heapify(queue)
        while True:
            while queue:
                hops, url = heapq.heappop(queue)
                if url in self._resolved:
                    continue
                self._resolved[url] = hops
                for follower in followers.get(url, []):
                    heapq.heappush(queue, (hops, follower))
                links = self._uncounted[url]
                for link in links if hops < self.depth else []:
                    target = self._settle(link)[0]
                    if target in self._uncounted and target not in self._resolved:
                        heapq.heappush(queue, (hops + 1, target))
                self._recommend(links, hops, in_journal=False)
            # Pages recommended only by each other, none reached: one of them was a seed.
            left = next((url for url in self._uncounted if url not in self._resolved), None)
            if left is None:
                return
            queue.append((0, left))
