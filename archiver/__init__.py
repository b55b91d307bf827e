"""Listicle archiver: extract numbered listicle items into validated records and archive pages."""

import importlib.metadata

from archiver.errors import ParseError
from archiver.models import SCHEMA_VERSION, Credit, Embed, Image, Item, Link, ListiclePage
from archiver.parse.page import parse_page

# As installed (the user agent and the WARCs' warcinfo name it): pyproject.toml is the one source.
__version__ = importlib.metadata.version("listicle-archiver")

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
