"""The 304-aware AutoThrottle (archiver/crawl/throttle.py): the delay a slot is left with after
N fast answers, for 200s, 304s and errors, against Scrapy's own AutoThrottle on the same
answers (which keeps a run answered with 304s at AUTOTHROTTLE_START_DELAY)."""

from __future__ import annotations

import pytest
from scrapy.core.downloader import Slot
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response
from scrapy.utils.test import get_crawler

import archiver.settings
from archiver.crawl.throttle import NotModifiedAwareAutoThrottle

SETTINGS = {name: getattr(archiver.settings, name) for name in dir(archiver.settings) if name.isupper()}
LATENCY = 0.004  # seconds: a loopback server's answer
ANSWERS = 20


def _delay_after(cls: type[AutoThrottle], status: int) -> float:
    """The slot's delay after ANSWERS answers of ``status``, each after LATENCY seconds."""
    crawler = get_crawler(settings_dict=SETTINGS)
    throttle = cls(crawler)
    throttle.mindelay = crawler.settings.getfloat("DOWNLOAD_DELAY")
    throttle.maxdelay = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")
    slot = Slot(4, crawler.settings.getfloat("AUTOTHROTTLE_START_DELAY"))
    for _ in range(ANSWERS):
        throttle._adjust_delay(slot, LATENCY, Response("http://127.0.0.1/p", status=status))
    return float(slot.delay)


def test_the_project_registers_the_304_aware_throttle_in_place_of_scrapys() -> None:
    assert SETTINGS["EXTENSIONS"]["scrapy.extensions.throttle.AutoThrottle"] is None
    assert "archiver.crawl.throttle.NotModifiedAwareAutoThrottle" in SETTINGS["EXTENSIONS"]


def test_304s_lower_the_delay_as_200s_do() -> None:
    start = SETTINGS["AUTOTHROTTLE_START_DELAY"]
    after_200s = _delay_after(NotModifiedAwareAutoThrottle, 200)
    after_304s = _delay_after(NotModifiedAwareAutoThrottle, 304)
    assert after_304s == after_200s
    assert after_304s < start / 100  # halved 20 times towards latency / target concurrency (2 ms)
    # Scrapy's own leaves a 304-answered slot at the start delay: the 10-25x slow re-check runs.
    assert _delay_after(AutoThrottle, 304) == start


@pytest.mark.parametrize("status", [301, 404, 500])
def test_other_non_200_answers_still_do_not_lower_the_delay(status: int) -> None:
    start = SETTINGS["AUTOTHROTTLE_START_DELAY"]
    assert _delay_after(NotModifiedAwareAutoThrottle, status) == start
