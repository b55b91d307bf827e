"""The Scrapy side: capture middleware, crawl session, pipeline and the crawl runner."""

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

# Scrapy's cookie middleware builds a TLDExtract that downloads the public suffix list from
# GitHub on first use. A crawler must not make requests it was not asked to make (and the tests
# run offline): use the snapshot bundled with tldextract instead.
_cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)
