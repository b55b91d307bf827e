"""Scrapy spiders of the listicle archiver (the crawl issue adds the listicle spider)."""
