"""Scrapy's cookie middleware, kept off the network: imported by the spider before any crawl.

Scrapy's cookie middleware builds a TLDExtract that downloads the public suffix list from GitHub
on first use. A crawler must not make requests it was not asked to make (and the tests run
offline): use the snapshot bundled with tldextract instead. Not in ``archiver/crawl/__init__``:
commands that only read (extract, export, merge) would import Scrapy for it (~1 s a start).
"""

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

_cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)
