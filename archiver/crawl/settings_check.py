"""Settings given on the command line (``archiver crawl --set``, ``scrapy crawl -s``), checked
before the crawl starts: a value Scrapy would fail on (or silently misread) an hour into a crawl
is refused at once, and a misspelt name is pointed at its nearest known name.

Pure: the known names and their defaults are passed in (:func:`known_settings` gathers Scrapy's
and the archiver's).
"""

from __future__ import annotations

import difflib
import importlib
import json
import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
# Numbers that must be above zero (0 would stall or break the crawl, not mean "no limit").
POSITIVE = frozenset(
    {
        "DOWNLOAD_TIMEOUT",
        "CONCURRENT_REQUESTS",
        "CONCURRENT_REQUESTS_PER_DOMAIN",
        "CONCURRENT_ITEMS",
        "AUTOTHROTTLE_TARGET_CONCURRENCY",
        "REACTOR_THREADPOOL_MAXSIZE",
        "ARCHIVER_WARC_MAX_SIZE",
        "ARCHIVER_DEDUP_INDEX_SIZE",
        "ARCHIVER_SEED_WINDOW",
        "ARCHIVER_REDIS_HEARTBEAT",
        "ARCHIVER_REDIS_POLL",
        "ARCHIVER_REDIS_OUTAGE_LIMIT",
    }
)


# A Python dotted path ("package.module.Name"): a default of this shape names a component
# Scrapy imports when the crawl starts.
_DOTTED_PATH = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")
# Dicts whose keys (or, for handlers, exporters and storages, values) are component paths.
_COMPONENT_DICTS = re.compile(
    r"(MIDDLEWARES|EXTENSIONS|ITEM_PIPELINES|DOWNLOAD_HANDLERS|FEED_EXPORTERS|FEED_STORAGES"
    r"|SPIDER_CONTRACTS|ADDONS)(_BASE)?$"
)


class SettingError(ValueError):
    """A setting's value that cannot be used; the message names the setting, the value and
    what is expected."""


@dataclass
class CheckedSettings:
    """``values``: the settings as they should be set (strings converted to the default's
    type); ``warnings``: one line each (unknown names, with the nearest known one)."""

    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def known_settings() -> dict[str, Any]:
    """Every setting Scrapy and the archiver define, with its default."""
    from scrapy.settings import default_settings

    import archiver.settings

    known = {}
    for module in (default_settings, archiver.settings):
        known.update({name: getattr(module, name) for name in dir(module) if name.isupper()})
    return known


def nearest_name(name: str, known: Mapping[str, Any]) -> str | None:
    matches = difflib.get_close_matches(name.upper(), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def check_settings(given: Mapping[str, Any], known: Mapping[str, Any]) -> CheckedSettings:
    """Check ``given`` (name -> a string from the command line, or a typed value) against
    ``known`` (name -> default). Raises :class:`SettingError` for the first bad value."""
    checked = CheckedSettings()
    for name, value in given.items():
        if name not in known:
            nearest = nearest_name(name, known)
            hint = f" (did you mean {nearest}?)" if nearest else ""
            checked.warnings.append(f"unknown setting {name}{hint}; it is passed on as given")
            checked.values[name] = value
            continue
        checked.values[name] = check_value(name, value, known[name])
    return checked


def _bad(name: str, value: Any, expected: str) -> SettingError:
    return SettingError(f"setting {name}={value!s} is not valid: {expected}")


def check_value(name: str, value: Any, default: Any) -> Any:
    """``value`` as the setting should hold it, of the type of ``default`` (None: any)."""
    if name == "LOG_LEVEL":
        level = str(value).upper()
        if level not in LOG_LEVELS:
            raise _bad(name, value, f"expected one of {', '.join(LOG_LEVELS)}")
        return level
    if default is None:
        return value
    converted = _convert(name, value, default)
    if isinstance(converted, int | float) and not isinstance(converted, bool):
        _check_range(name, converted)
    if isinstance(default, list | tuple) and default and all(_is_int(item) for item in default):
        converted = [_to_int_element(name, value, item) for item in converted]
    if name == "ARCHIVER_DNS_SERVERS":
        _check_dns_servers(name, value, converted)
    _check_components(name, value, default, converted)
    return converted


def _is_int(item: Any) -> bool:
    return isinstance(item, int) and not isinstance(item, bool)


def _to_int_element(name: str, value: Any, item: Any) -> int:
    """An element of a list whose default holds whole numbers (RETRY_HTTP_CODES): Scrapy
    compares them with ints, so "abc" would never match instead of failing."""
    if _is_int(item):
        return int(item)
    text = str(item).strip()
    if not text.lstrip("-").isdigit():
        raise _bad(name, value, f"expected whole numbers, not {item!r}")
    return int(text)


def _check_dns_servers(name: str, value: Any, servers: list[Any]) -> None:
    from archiver.crawl.resolver import server_address

    for server in servers:
        try:
            server_address(str(server))
        except ValueError as error:
            raise _bad(name, value, f'expected "host:port" entries; {error}') from None


def _check_components(name: str, value: Any, default: Any, converted: Any) -> None:
    """Dotted paths given for a component setting (SCHEDULER, TWISTED_REACTOR, ITEM_PIPELINES
    keys...) must import: Scrapy imports them only once the crawl has started, and fails then
    with a traceback."""
    paths: list[str] = []
    if isinstance(default, str) and _DOTTED_PATH.match(default) and isinstance(converted, str):
        paths = [converted]
    elif isinstance(converted, Mapping) and _COMPONENT_DICTS.search(name):
        paths = [
            item for item in [*converted.keys(), *converted.values()] if isinstance(item, str) and "." in item
        ]
    for path in paths:
        problem = _import_problem(path.strip())
        if problem:
            raise _bad(name, value, f"{path!r} cannot be imported ({problem})")


def _import_problem(path: str) -> str | None:
    """Why the object at ``path`` ("package.module.Name") cannot be loaded; None if it can."""
    module_name, _, attribute = path.rpartition(".")
    if not module_name or not _DOTTED_PATH.match(path):
        return "expected a dotted path such as package.module.Name"
    try:
        module = importlib.import_module(module_name)
    except Exception as error:  # any failure of a module to import is the answer
        return f"{type(error).__name__}: {error}"
    if not hasattr(module, attribute):
        return f"module {module_name} has no {attribute}"
    return None


def _convert(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return _to_bool(name, value)
    if isinstance(default, int | float):
        return _to_number(name, value, int if isinstance(default, int) else float)
    if isinstance(default, list | tuple):
        return _to_list(name, value)
    if isinstance(default, dict):
        return _to_dict(name, value)
    if isinstance(default, str) and not isinstance(value, str):
        raise _bad(name, value, "expected text")
    return value


def _to_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _bad(name, value, "expected True or False")


def _to_number(name: str, value: Any, kind: type[int] | type[float]) -> int | float:
    sized = name.endswith("SIZE") and kind is int
    expected = "expected a whole number of bytes" if sized else "expected a number"
    if isinstance(value, int | float) and not isinstance(value, bool):
        number: int | float = value
    else:
        text = str(value).strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            # Scrapy reads many integer defaults with getfloat (delays, timeouts): 0.5 is fine.
            number = float(text)
        except ValueError:
            raise _bad(name, value, expected) from None
    # nan compares false with everything (a timeout of nan never fires), inf never ends.
    if not math.isfinite(number):
        raise _bad(name, value, f"{expected}, not {number}")
    return number


def _check_range(name: str, number: float) -> None:
    # Priorities are signed by design (DEPTH_PRIORITY=-1 crawls depth-first).
    if name.endswith("PRIORITY") or name.endswith("PRIORITY_ADJUST"):
        return
    if name in POSITIVE and number <= 0:
        raise _bad(name, number, "expected a number above 0")
    if number < 0:
        raise _bad(name, number, "expected 0 or more")


def _to_list(name: str, value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    expected = "expected a JSON list or comma-separated values"
    if isinstance(value, Mapping):
        raise _bad(name, value, expected)
    text = str(value).strip()
    if text.startswith("{"):  # a JSON object, where Scrapy would split it at its commas
        raise _bad(name, value, expected)
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            raise _bad(name, value, expected) from None
        if isinstance(parsed, list):
            return parsed
    return [part.strip() for part in text.split(",") if part.strip()]


def _to_dict(name: str, value: Any) -> Any:
    if isinstance(value, Mapping):  # a dict, or Scrapy's BaseSettings holding one
        return value
    try:
        parsed = json.loads(str(value))
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise _bad(name, value, 'expected a JSON object, e.g. {"name": 100}')
    return parsed


def check_cmdline_settings(settings: BaseSettings, *, warn: bool = True) -> list[str]:
    """Check the settings given on the command line (``scrapy crawl -s``, ``archiver crawl
    --set``: Scrapy's ``cmdline`` priority) in place: converted values are set back, unknown
    names logged as warnings if ``warn`` (and returned). Raises :class:`SettingError`."""
    from scrapy.settings import SETTINGS_PRIORITIES

    cmdline = SETTINGS_PRIORITIES["cmdline"]
    given = {
        name: settings[name] for name in list(settings.attributes) if settings.getpriority(name) == cmdline
    }
    checked = check_settings(given, known_settings())
    for name, value in checked.values.items():
        if value is not given[name]:
            settings.set(name, value, priority="cmdline")
    for warning in checked.warnings if warn else []:
        logger.warning(warning)
    return checked.warnings
