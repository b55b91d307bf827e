"""The crawl's logging, set up by the CLI before the crawl starts (Scrapy is told not to install
its own root handler: ``LOG_INSTALL_ROOT_HANDLER = False``).

On the terminal (stderr), by default: the archiver's own lines from INFO up, and other loggers'
(Scrapy, Twisted) from WARNING up; never Scrapy's start-up dump or its per-request and per-item
DEBUG lines. A traceback becomes one line (the exception) unless ``debug``. With ``level`` every
logger shows from that level; ``quiet`` shows errors only; with ``log_file`` the file gets the
whole log at ``level`` (INFO unless given) with tracebacks, and the terminal shows errors only.

Lines go out through ``tqdm.write``, which draws them above a live progress display
(archiver.crawl.progress) without breaking it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from pathlib import Path
from typing import Any

from tqdm import tqdm

# Loggers whose INFO lines are the archiver's own: the package's modules and the spider
# (Scrapy names a spider's logger after the spider).
OWN_LOGGERS = ("archiver", "spiders", "listicle")
FILE_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
TRACEBACK_START = "Traceback (most recent call last):"
_installed: list[logging.Handler] = []


def is_own(name: str) -> bool:
    return any(name == own or name.startswith(own + ".") for own in OWN_LOGGERS)


def level_number(level: str | int) -> int:
    """``level`` as a logging level number; raises ValueError for an unknown name."""
    if isinstance(level, int):
        return level
    number = logging.getLevelName(level.strip().upper())
    if not isinstance(number, int):
        raise ValueError(f"unknown log level {level!r} (one of DEBUG, INFO, WARNING, ERROR, CRITICAL)")
    return number


# Loggers whose errors the crawl reports itself: the robots.txt middleware's "Error downloading"
# of a robots.txt is followed by the pages' own failures (crawl.json, the report, the final
# line). Not on the terminal unless a --log-level is given; always in the --log-file.
REPORTED_ELSEWHERE = ("scrapy.downloadermiddlewares.robotstxt",)


class TerminalFilter(logging.Filter):
    """Own loggers from ``own_level``, everything else from ``other_level``; with
    ``hide_reported``, :data:`REPORTED_ELSEWHERE` loggers below CRITICAL are left out."""

    def __init__(self, own_level: int, other_level: int, *, hide_reported: bool = True) -> None:
        super().__init__()
        self.own_level = own_level
        self.other_level = other_level
        self.hide_reported = hide_reported

    def filter(self, record: logging.LogRecord) -> bool:
        if self.hide_reported and record.name in REPORTED_ELSEWHERE and record.levelno < logging.CRITICAL:
            return False
        threshold = self.own_level if is_own(record.name) else self.other_level
        return record.levelno >= threshold


class OneLineFormatter(logging.Formatter):
    """A record as one line: the message's first line, and of an attached or embedded traceback
    only its last line (the exception). Own INFO lines are printed bare; the rest are prefixed
    with their level, and with their logger when it is not the archiver's. ``whole_messages``:
    keep a multi-line message's other lines (Scrapy's settings dump at an explicit INFO)."""

    def __init__(self, *, whole_messages: bool = False) -> None:
        super().__init__()
        self.whole_messages = whole_messages

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        exception = ""
        if record.exc_info and record.exc_info[1] is not None:
            value = record.exc_info[1]
            exception = f"{type(value).__name__}: {value}" if str(value) else type(value).__name__
        elif TRACEBACK_START in message:  # Twisted's failures arrive as text
            message, _, trace = message.partition(TRACEBACK_START)
            exception = next((line.strip() for line in reversed(trace.splitlines()) if line.strip()), "")
        lines = message.strip().splitlines() or [""]
        text = lines[0]
        if exception and exception not in text and exception.split(": ", 1)[-1] not in text:
            text = f"{text.rstrip(': ')}: {exception}" if text else exception
        if len(lines) > 1 and not exception:
            if self.whole_messages:
                text = "\n".join(lines)
            else:
                text += f" (+{len(lines) - 1} lines; --log-level or --log-file shows them)"
        if record.levelno == logging.INFO and is_own(record.name):
            return text
        where = "" if is_own(record.name) else f" [{record.name}]"
        return f"{record.levelname.lower()}{where}: {text}"


class TqdmHandler(logging.Handler):
    """Writes to the current ``sys.stderr`` through ``tqdm.write`` (above any live display)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tqdm.write(self.format(record), file=sys.stderr)
        except Exception:  # a log line must never end the crawl
            self.handleError(record)


class LogFileHandler(logging.FileHandler):
    """The --log-file. Its first line is written (and flushed) when it is opened, so a file that
    cannot take a line (``/dev/full``, a full disk) is refused before the crawl starts. A write
    that fails later (the disk filled up) is said once on stderr, and the file gets no more
    lines: the crawl goes on (its outputs have their own full-disk stop), and the terminal is
    not flooded with logging's "--- Logging error ---" for every line that follows."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.failed = False
        stream = self.stream if self.stream is not None else self._open()
        self.stream = stream
        try:
            stream.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} [archiver] INFO: log opened\n")
            stream.flush()
        except OSError:
            self._close_quietly()
            raise

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or str(error)
        with contextlib.suppress(Exception):
            tqdm.write(
                f"archiver: warning: cannot write --log-file {self.baseFilename}: {reason}; "
                "the log is not written from here on",
                file=sys.stderr,
            )
        self._close_quietly()

    def _close_quietly(self) -> None:
        # Closing flushes what is buffered, which fails again on a full disk.
        with contextlib.suppress(OSError):
            self.close()


def configure_logging(
    *,
    level: str | None = None,
    quiet: bool = False,
    log_file: Path | None = None,
    debug: bool = False,
) -> dict[str, Any]:
    """Install the terminal (and file) handlers on the root logger, replacing any this function
    installed before. Returns the Scrapy settings that go with them (no root handler of
    Scrapy's; LOG_LEVEL for Scrapy's log counters). Raises ValueError for an unknown ``level``
    and OSError if ``log_file`` cannot be opened for appending or cannot take its first line."""
    chosen = level_number(level) if level else None
    for handler in _installed:
        logging.root.removeHandler(handler)
        handler.close()
    _installed.clear()

    terminal = TqdmHandler()
    if quiet or log_file is not None:
        terminal.addFilter(TerminalFilter(logging.ERROR, logging.ERROR))
    elif chosen is not None:
        terminal.addFilter(TerminalFilter(chosen, chosen, hide_reported=False))
    else:
        terminal.addFilter(TerminalFilter(logging.INFO, logging.WARNING))
    if debug:
        terminal.setFormatter(logging.Formatter("%(levelname)s [%(name)s]: %(message)s"))
    else:
        terminal.setFormatter(OneLineFormatter(whole_messages=chosen is not None))
    handlers: list[logging.Handler] = [terminal]
    lowest = chosen or logging.INFO
    if log_file is not None:
        file_handler = LogFileHandler(log_file)
        file_handler.setLevel(chosen or logging.INFO)
        file_handler.setFormatter(logging.Formatter(FILE_FORMAT))  # tracebacks included
        handlers.append(file_handler)
    for handler in handlers:
        logging.root.addHandler(handler)
        _installed.append(handler)
    logging.root.setLevel(lowest)
    return {"LOG_INSTALL_ROOT_HANDLER": False, "LOG_LEVEL": logging.getLevelName(lowest)}
