"""WARC writing behind one small interface: hand a WarcWriter an HttpExchange, get a WrittenRecord."""

from archiver.appending import DiskFullError
from archiver.warc.exchange import HttpExchange, payload_digest
from archiver.warc.repair import recover_open_file
from archiver.warc.writer import RevisitTarget, WarcWriter, WrittenRecord

__all__ = [
    "DiskFullError",
    "HttpExchange",
    "RevisitTarget",
    "WarcWriter",
    "WrittenRecord",
    "payload_digest",
    "recover_open_file",
]
