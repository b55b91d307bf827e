"""The Scrapy side: capture middleware, crawl session, pipeline and the crawl runner.

Importing this package imports no Scrapy: the read-only commands use a few of its pure modules
(outcome, quantities, settings_check); ``public_suffix`` keeps the cookie middleware offline.
"""
