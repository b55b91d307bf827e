"""A crawl output folder made here, for the item-view tests of what a crawl of the loopback site
never holds: photos stored gzip-encoded or as revisits, photos that are not images, photos not
captured, and hostile text. The WARC is written with warcio; ``articles.jsonl`` from the
project's own models, so it is what a crawl writes."""

from __future__ import annotations

import gzip
import hashlib
import io
from base64 import b32encode
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from PIL import Image as PillowImage
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archiver.models import Article, Credit, Image, ImageCapture, Item, Link, PageCapture

SITE = "https://lists.example"
DATE = "2026-11-30T10:00:00Z"
WARC_NAME = "made-00000.warc.gz"


def digest(payload: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(payload).digest()).decode()


def picture(width: int, height: int, kind: str = "JPEG", mode: str = "RGB") -> bytes:
    colour = (200, 120, 40, 128) if mode == "RGBA" else (200, 120, 40)
    buffer = io.BytesIO()
    PillowImage.new(mode, (width, height), colour).save(buffer, kind)
    return buffer.getvalue()


@dataclass
class MadeFolder:
    """An output folder being made: records go into one WARC, items into one article."""

    out: Path
    buffer: BytesIO = field(default_factory=BytesIO)
    items: list[Item] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.writer = WARCWriter(self.buffer, gzip=True, warc_version="WARC/1.1")
        self.page_id = self.response(f"{SITE}/list/", b"<html><body>the list</body></html>", "text/html")

    def response(self, url: str, body: bytes, content_type: str, encoding: str | None = None) -> str:
        headers = [("Content-Type", content_type)]
        if encoding == "gzip":
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": DATE}
        )
        self.writer.write_record(record)
        return str(record.rec_headers.get_header("WARC-Record-ID"))

    def revisit(
        self, url: str, stored: bytes, refers_to: str, refers_uri: str, headers: list[tuple[str, str]]
    ) -> str:
        """A revisit of ``refers_to`` (whose payload is ``stored``, as stored), with the HTTP
        ``headers`` of its own answer (the same coding as the original's, as a server sends)."""
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(url, digest(stored), refers_uri, DATE, http_headers=http)
        record.rec_headers.add_header("WARC-Refers-To", refers_to)
        self.writer.write_record(record)
        return str(record.rec_headers.get_header("WARC-Record-ID"))

    def item(
        self,
        heading: str,
        photo_url: str,
        capture: ImageCapture | None,
        *,
        caption: str | None = None,
        credit: str | None = None,
        alt: str | None = None,
    ) -> None:
        number = len(self.items) + 1
        credit_line = Credit(text=credit, name=credit) if credit else None
        image = Image(url=photo_url, source_attr="src", alt=alt, capture=capture)
        self.items.append(
            Item(
                position=number,
                number=number,
                heading=heading,
                caption=caption,
                images=[image],
                credit=credit_line,
                page_url=f"{SITE}/list/",
            )
        )

    def capture(self, record_id: str, status: int = 200, kind: str = "response") -> ImageCapture:
        return ImageCapture(
            status=status,
            content_type="image/jpeg",
            length=0,
            payload_digest="sha1:X",
            warc_filename=WARC_NAME,
            warc_record_id=record_id,
            warc_type=kind,  # type: ignore[arg-type]
        )

    def save(
        self,
        title: str = "7 Made Things",
        warnings: list[str] | None = None,
        recommendations: list[Link] | None = None,
    ) -> Path:
        (self.out / "warc").mkdir(parents=True, exist_ok=True)
        (self.out / "warc" / WARC_NAME).write_bytes(self.buffer.getvalue())
        page = PageCapture(
            url=f"{SITE}/list/",
            status=200,
            fetched_at=DATE,
            warc_filename=WARC_NAME,
            warc_offset=0,
            warc_record_id=self.page_id,
        )
        article = Article(
            url=f"{SITE}/list/",
            title=title,
            declared_count=len(self.items),
            complete=True,
            media_complete=False,
            pages=[page],
            items=self.items,
            warnings=warnings or [],
            recommendations=recommendations or [],
        )
        (self.out / "articles.jsonl").write_text(article.to_json() + "\n")
        return self.out
