"""A photo ready to show: its archived bytes and thumbnail, or why it cannot be shown. The
server and the static export both show photos this way."""

from __future__ import annotations

from dataclasses import dataclass

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
