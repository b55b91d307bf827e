"""The Redis client of a worker: blocking redis-py, called from the reactor thread (as
scrapy-redis does), with short timeouts and no retries of its own: an outage is seen at once
and handled by the worker (pause, retry with backoff, :mod:`archiver.distributed.outbox`)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlsplit, urlunsplit

from redis import Redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from archiver.distributed.keys import redacted_url

SCHEMES = ("redis://", "rediss://", "unix://")
URL_VARIABLE = "ARCHIVER_REDIS_URL"  # the URL, kept off the command line (ps shows arguments)
PASSWORD_VARIABLE = "REDISCLI_AUTH"  # the password, as redis-cli reads it


def url_from_environment(given: str, environ: Mapping[str, str]) -> str:
    """The Redis URL to use: ``given`` (``--redis URL``), or ``$ARCHIVER_REDIS_URL`` when
    ``given`` is empty (``--redis`` alone); a URL without a password gets ``$REDISCLI_AUTH``'s.
    Raises ValueError when neither gives a URL."""
    url = given or environ.get(URL_VARIABLE, "")
    if not url:
        raise ValueError(f"--redis without a URL needs the environment variable {URL_VARIABLE}")
    password = environ.get(PASSWORD_VARIABLE)
    parts = urlsplit(url)
    if password and parts.password is None and parts.scheme in ("redis", "rediss"):
        user = quote(parts.username or "", safe="")
        netloc = f"{user}:{quote(password, safe='')}@{parts.netloc.rsplit('@', 1)[-1]}"
        url = urlunsplit(parts._replace(netloc=netloc))
    return url


def check_redis_url(url: str) -> str:
    """``url`` if it is a Redis URL (``redis://HOST:PORT/DB``, ``rediss://``, ``unix://``);
    raises ValueError naming it (password hidden) otherwise."""
    if not url.startswith(SCHEMES):
        raise ValueError(f"--redis {redacted_url(url)} is not a Redis URL; use redis://HOST:PORT/DB")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises ValueError for a port out of range or not a number
        # redis-py reads a DB that is not a number as DB 0: refuse it instead.
        database = parts.path.strip("/")
        if parts.scheme != "unix" and database and not database.isdigit():
            raise ValueError(f"database {database!r} is not a number")
        Redis.from_url(url)
    except ValueError as error:
        raise ValueError(f"--redis {redacted_url(url)}: {error}; use redis://HOST:PORT/DB") from None
    return url


def connect(url: str, timeout: float = 5.0) -> Redis:
    """A client for ``url`` (no connection is made until the first command)."""
    return Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )
