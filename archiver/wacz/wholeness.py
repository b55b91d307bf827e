"""Whether a ``.warc.gz`` is whole: every gzip member (one per record) complete, the last one
included. Checked on the bytes as they are copied into the WACZ, so the file is read once.

cdxj-indexer (warcio) indexes a file cut inside its last record without a word: it indexes
the records before the cut and stops. Packaged as it is, such a WARC would be served with a
record that cannot be read; the WACZ is refused instead, with where the file ends.
"""

from __future__ import annotations

import zlib

_OUT_STEP = 1 << 20  # decompressed bytes produced (and dropped) per step: memory stays flat


class GzipMembers:
    """Fed a gzip file's bytes in order (:meth:`feed`), then :meth:`problem` says whether it
    ended at the end of a member and every member inflated."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj(31)
        self._member_start = 0
        self._position = 0  # bytes fed
        self._error: str | None = None
        self._between_members = True

    def feed(self, data: bytes) -> None:
        self._position += len(data)
        pending = data
        while pending and self._error is None:
            if self._between_members:
                self._member_start = self._position - len(pending)
                self._between_members = False
            try:
                self._inflater.decompress(pending, _OUT_STEP)
            except zlib.error as error:
                self._error = f"damaged gzip data in the record at byte {self._member_start} ({error})"
                return
            if self._inflater.eof:
                pending = self._inflater.unused_data
                self._inflater = zlib.decompressobj(31)
                self._between_members = True
            else:
                pending = self._inflater.unconsumed_tail

    def problem(self) -> str | None:
        """None for a whole file; else what is wrong, e.g. ``"cut short inside the record at
        byte 80211"``."""
        if self._error is not None:
            return self._error
        if not self._between_members:
            return f"cut short inside the record at byte {self._member_start}"
        return None
