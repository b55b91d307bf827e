"""Limits of the parser that the command line names before the parser itself is loaded."""

from __future__ import annotations

# Bytes of a page the parser accepts; larger pages are refused (ParseError), not parsed slowly.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
