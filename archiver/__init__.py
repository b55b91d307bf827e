"""Listicle archiver: extract numbered listicle items into validated records and archive pages."""

from archiver.errors import ParseError
from archiver.models import SCHEMA_VERSION, Credit, Embed, Image, Item, Link, ListiclePage
from archiver.parse.page import parse_page

__version__ = "0.1.0"

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
