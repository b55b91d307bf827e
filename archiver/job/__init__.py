"""Scheduled crawl jobs (issue 13)."""
