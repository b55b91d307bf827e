"""Distributed crawls on Redis (``archiver crawl --redis``, ``archiver worker``).

Modules: :mod:`keys` (key names of a job), :mod:`spec` (the job's settings in Redis),
:mod:`worker_id` (a worker's id, kept in its --out folder), :mod:`connection` (the client),
:mod:`queue` (the leased request queue and the seen-set, as atomic scripts), :mod:`outbox`
(ordered Redis writes that survive an outage), :mod:`heartbeat` (liveness and reaping of dead
workers), :mod:`scheduler` (the Scrapy scheduler that puts them together).
"""
