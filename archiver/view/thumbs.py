"""Thumbnails of archived photos (Pillow): JPEG, at most :data:`THUMB_WIDTH` pixels wide and
:data:`THUMB_MAX_HEIGHT` high (smaller photos keep their size; EXIF rotation applied), and what
kind of image a photo is.

A photo Pillow cannot decode (damaged, a format it does not read, an HTML error page served as
an image, a decompression bomb) gets no thumbnail: :class:`NotDecodable` says why, and the page
shows a placeholder that says so, never a stand-in picture.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

THUMB_WIDTH = 480  # CSS pixels: a phone's width at 1x, half a laptop's column
THUMB_MAX_HEIGHT = 4 * THUMB_WIDTH  # a long strip (an infographic) stays a few screens high
THUMB_QUALITY = 82
# Pillow's format names -> file extension and content type of the photo served as is.
_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
    "AVIF": ("avif", "image/avif"),
    "BMP": ("bmp", "image/bmp"),
    "TIFF": ("tiff", "image/tiff"),
    "ICO": ("ico", "image/x-icon"),
}


class NotDecodable(Exception):
    """Pillow cannot decode the photo; the message says why."""


@dataclass(frozen=True)
class Thumbnail:
    """A JPEG thumbnail (``body``) of ``width`` x ``height`` pixels, and the kind of the photo it
    was made from (``extension``, ``content_type``: ``bin``/octet-stream when unknown)."""

    body: bytes
    width: int
    height: int
    extension: str
    content_type: str


def thumbnail(photo: bytes) -> Thumbnail:
    """A thumbnail of the image ``photo``. Raises :class:`NotDecodable`."""
    try:
        with warnings.catch_warnings():
            # A decompression bomb warning (past Pillow's pixel limit) is refused like the error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(photo)) as image:
                kind = image.format or ""
                # JPEG: decode at the smallest scale still at least THUMB_WIDTH wide.
                image.draft("RGB", (THUMB_WIDTH, 1))
                image.load()
                small = _flattened(ImageOps.exif_transpose(image))
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise NotDecodable(_reason(error)) from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:  # Pillow's words for bad data
        raise NotDecodable(f"damaged image data ({error})") from None
    small.thumbnail((THUMB_WIDTH, THUMB_MAX_HEIGHT), Image.Resampling.LANCZOS)  # never enlarges
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=THUMB_QUALITY, optimize=True)
    extension, content_type = _FORMATS.get(kind, ("bin", "application/octet-stream"))
    return Thumbnail(buffer.getvalue(), small.width, small.height, extension, content_type)


def _flattened(image: Image.Image) -> Image.Image:
    """RGB, transparency laid over white (JPEG has no alpha), the first frame of an animation."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _reason(error: Exception) -> str:
    if isinstance(error, UnidentifiedImageError):
        return "not an image format Pillow reads"
    return "too many pixels (a decompression bomb?)"
