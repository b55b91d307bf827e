"""A photo ready to show: its archived bytes and thumbnail, or why it cannot be shown. The
server and the static export both show photos this way."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from archiver.view.catalog import PhotoView
from archiver.view.photos import ArchivedPhoto, PhotoArchive, PhotoUnavailable
from archiver.view.thumbs import NotDecodable, Thumbnail, thumbnail


@dataclass(frozen=True)
class Prepared:
    """``photo``: the archived bytes; ``thumb``: their thumbnail."""

    photo: ArchivedPhoto
    thumb: Thumbnail


@dataclass(frozen=True)
class Unshowable:
    """Why a photo is not shown; ``photo``: the archived bytes, when they are there but are not
    a decodable image (``not_decodable``)."""

    reason: str
    photo: ArchivedPhoto | None = None

    @property
    def not_decodable(self) -> bool:
        return self.photo is not None


def prepare(archive: PhotoArchive, photo: PhotoView) -> Prepared | Unshowable:
    """``photo`` read from ``archive`` and made a thumbnail of."""
    if not photo.captured:
        status = f"HTTP {photo.status}" if photo.status is not None else "never fetched"
        return Unshowable(f"not captured ({status})")
    try:
        archived = archive.photo(photo)
    except PhotoUnavailable as error:
        return Unshowable(str(error))
    try:
        return Prepared(archived, thumbnail(archived.body))
    except NotDecodable as error:
        return Unshowable(str(error), archived)


_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,5})$")


def download_kind(photo: PhotoView, archived: ArchivedPhoto) -> tuple[str, str]:
    """(file extension, content type) of bytes offered as a download: when the archived type
    names an image (``image/heic``), that type and its extension (from the type, else from the
    photo's URL); else ``bin`` and ``application/octet-stream`` (an HTML page served for a
    photo is no image, whatever its URL says). Served as an attachment, never shown.

    >>> view = PhotoView("http://s/a/b.HEIF?x=1", "", None, None, None, 200, None)
    >>> download_kind(view, ArchivedPhoto(b"", "image/heic; q=1"))
    ('heic', 'image/heic')
    >>> download_kind(view, ArchivedPhoto(b"", "image/vnd.x-raw"))
    ('heif', 'image/vnd.x-raw')
    >>> download_kind(view, ArchivedPhoto(b"", "text/html"))
    ('bin', 'application/octet-stream')
    """
    declared = (archived.content_type or "").split(";", 1)[0].strip().lower()
    if not re.fullmatch(r"image/[a-z0-9.+-]+", declared):
        return "bin", "application/octet-stream"
    guessed = mimetypes.guess_extension(declared)
    if guessed:
        return guessed.lstrip("."), declared
    subtype = declared.split("/", 1)[1]
    if re.fullmatch(r"[a-z0-9]{1,5}", subtype):
        return subtype, declared
    match = _EXTENSION.search(urlsplit(photo.url).path)
    return (match.group(1).lower() if match else "bin"), declared
