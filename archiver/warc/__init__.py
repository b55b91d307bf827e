"""WARC writing behind one small interface: hand a WarcWriter an HttpExchange, get a WrittenRecord."""

from archiver.warc.exchange import HttpExchange, payload_digest
from archiver.warc.writer import WarcWriter, WrittenRecord

__all__ = ["HttpExchange", "WarcWriter", "WrittenRecord", "payload_digest"]
