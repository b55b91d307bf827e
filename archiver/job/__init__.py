"""Scheduled, incremental crawl jobs (issue 13): a job's folder holds its runs, the current state
of its articles and the capture index that later runs consult."""
