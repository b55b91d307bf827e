"""Listicle archiver: extract numbered listicle items into validated records and archive pages.

The public names below are imported on first use (PEP 562): the console command's entry point
(archiver.command) must be running, able to catch a Ctrl-C, before pydantic, lxml and Scrapy load.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import warnings
from typing import TYPE_CHECKING, Any

# pyamf (pulled in by cdxj-indexer, which the replay index and the WACZ use) imports
# pkg_resources to find its adapters and falls back to its own folder without it; setuptools
# warns about that import on every run ("pkg_resources is deprecated as an API"), a warning the
# user can do nothing about. Only that warning, only when pyamf's import raises it, is silenced.
warnings.filterwarnings(
    "ignore", message="pkg_resources is deprecated as an API", category=UserWarning, module="pyamf"
)

if TYPE_CHECKING:
    from archiver.errors import ParseError
    from archiver.models import SCHEMA_VERSION, Credit, Embed, Image, Item, Link, ListiclePage
    from archiver.parse.page import parse_page

# As installed (the user agent and the WARCs' warcinfo name it): pyproject.toml is the one source.
__version__ = importlib.metadata.version("listicle-archiver")

_MODULE_OF = {
    "ParseError": "archiver.errors",
    "SCHEMA_VERSION": "archiver.models",
    "Credit": "archiver.models",
    "Embed": "archiver.models",
    "Image": "archiver.models",
    "Item": "archiver.models",
    "Link": "archiver.models",
    "ListiclePage": "archiver.models",
    "parse_page": "archiver.parse.page",
}

__all__ = [
    "SCHEMA_VERSION",
    "Credit",
    "Embed",
    "Image",
    "Item",
    "Link",
    "ListiclePage",
    "ParseError",
    "__version__",
    "parse_page",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'archiver' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
