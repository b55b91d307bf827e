"""What became of the known articles a job run got no article for, read from the run's WARCs:
a redirect elsewhere, a page that answered without a list (a template change), a failure, or
never asked for. Feeds archiver.job.state.merge_run's ``unfetched``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from archiver.job.state import Unfetched
from archiver.urls import canonical_url
from archiver.warc.reader import WarcIndex


def unfetched_outcomes(
    index: WarcIndex, urls: Iterable[str], errors: Iterable[Mapping[str, Any]] = ()
) -> dict[str, Unfetched]:
    """By URL (of ``urls``: the known articles that gave no article this run), what the run's
    archive ``index`` (earlier runs' WARCs as references) shows for it; ``errors``: the run's
    crawl.json errors, the reason of a failed fetch the archive holds no answer for."""
    failures = {
        canonical_url(str(error["url"])): str(error.get("error") or "failed")
        for error in errors
        if error.get("url")
    }
    outcomes = {}
    for url in urls:
        resolution = index.resolve_path(url)
        target = resolution.path[-1]
        capture = resolution.capture
        if len(resolution.path) > 1 and canonical_url(target) != canonical_url(url):
            outcomes[url] = Unfetched("redirect", target)
        elif capture is not None and 200 <= capture.status < 300 and capture.is_page:
            outcomes[url] = Unfetched(
                "not_listicle", "answered, but no list was found any more (the site's template changed?)"
            )
        elif resolution.failure or canonical_url(url) in failures:
            outcomes[url] = Unfetched("failed", resolution.failure or failures[canonical_url(url)])
        elif capture is not None:
            outcomes[url] = Unfetched("failed", f"HTTP {capture.status}")
        else:
            outcomes[url] = Unfetched("not_requested")
    return outcomes
