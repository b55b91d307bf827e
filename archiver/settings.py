"""Scrapy settings shared by `scrapy crawl` and programmatic crawls.

Kept in the library so a bare ``CrawlerProcess`` and the ``scrapy`` command behave the same.
"""

BOT_NAME = "listicle-archiver"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

ROBOTSTXT_OBEY = True
# Both run code sent to a local port; an unattended crawler must not open them unless asked.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
