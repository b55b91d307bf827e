"""WACZ 1.1.1 packages of a crawl's output folder: writing (:func:`write_wacz`), checking
(:func:`check_wacz`) and reading the WARCs inside one in place (:func:`warc_sources`)."""

from archiver.wacz.check import check_wacz
from archiver.wacz.members import WaczReadError, warc_sources
from archiver.wacz.writer import WaczError, WaczSummary, job_name, write_wacz

__all__ = [
    "WaczError",
    "WaczReadError",
    "WaczSummary",
    "check_wacz",
    "job_name",
    "warc_sources",
    "write_wacz",
]
