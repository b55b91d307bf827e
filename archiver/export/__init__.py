"""Flat tables of a crawl's items (CSV, Parquet) for analyses: pure, no Scrapy import."""
