"""The baseline: a bare Scrapy spider that fetches a list of URLs and does nothing else.

python -m bench.bare_spider URLS_FILE [-s NAME=VALUE ...]
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls_file = urls_file

    async def start(self) -> AsyncIterator[scrapy.Request]:
        with open(self.urls_file, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield scrapy.Request(line.strip(), callback=self.ignore, dont_filter=True)

    def ignore(self, response: scrapy.http.Response) -> None:
        return None


def main(argv: list[str]) -> None:
    settings: dict[str, Any] = {
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
    }
    for item in argv[1:]:
        if item != "-s":
            name, _, value = item.partition("=")
            settings[name] = value
    process = CrawlerProcess(settings)
    process.crawl(BareSpider, urls_file=argv[0])
    process.start()


if __name__ == "__main__":
    main(sys.argv[1:])
