"""Thumbnails of archived photos (Pillow): JPEG, at most :data:`THUMB_WIDTH` pixels wide and
:data:`THUMB_MAX_HEIGHT` high (smaller photos keep their size; EXIF rotation applied), and what
kind of image a photo is.

An SVG photo is shown as itself (in ``<img>``, where its scripts never run). A photo Pillow
cannot decode (damaged, a format it does not read, an HTML error page served as an image, over
:data:`MAX_PIXELS`) gets no thumbnail: :class:`NotDecodable` says why, and the page
shows a placeholder that says so, never a stand-in picture.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from dataclasses import dataclass

from lxml import etree
from PIL import Image, ImageOps, UnidentifiedImageError

THUMB_WIDTH = 480  # CSS pixels: a phone's width at 1x, half a laptop's column
THUMB_MAX_HEIGHT = 4 * THUMB_WIDTH  # a long strip (an infographic) stays a few screens high
THUMB_QUALITY = 82
# The most pixels a photo may have to get a thumbnail. Pillow cannot decode a PNG at a smaller
# scale, so the whole image is in memory once: at most 4 bytes a pixel (RGBA), 1 GB here, plus
# its reduced copy; decodes take turns (_DECODING), so the view never holds two at once. A
# 15000 x 13000 photo (195 megapixels) passes; a decompression bomb's 400 megapixels do not.
MAX_PIXELS = 250_000_000
SVG_TYPE = "image/svg+xml"
_DECODING = threading.Lock()
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
    """A thumbnail (``body``, ``thumb_type``, file extension ``thumb_extension``: a JPEG, or an
    SVG photo itself) shown at ``width`` x ``height`` pixels, and the kind of the photo it was
    made from (``extension``, ``content_type``: ``bin``/octet-stream when unknown)."""

    body: bytes
    width: int
    height: int
    extension: str
    content_type: str
    thumb_extension: str = "jpg"
    thumb_type: str = "image/jpeg"


def thumbnail(photo: bytes) -> Thumbnail:
    """A thumbnail of the image ``photo`` (an SVG is its own thumbnail: see :func:`svg_size`).
    Raises :class:`NotDecodable`."""
    size = svg_size(photo)
    if size is not None:
        return Thumbnail(photo, *size, "svg", SVG_TYPE, thumb_extension="svg", thumb_type=SVG_TYPE)
    try:
        # One decode at a time, with Pillow's limit raised to ours for its duration (Pillow reads
        # the module-wide MAX_IMAGE_PIXELS while it opens; nothing else in the view decodes).
        with _DECODING, warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            default = Image.MAX_IMAGE_PIXELS
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2  # Pillow refuses past twice its limit
            try:
                image = Image.open(io.BytesIO(photo))
            finally:
                Image.MAX_IMAGE_PIXELS = default
            with image:
                kind = image.format or ""
                # JPEG: decode at the smallest scale still at least THUMB_WIDTH wide.
                image.draft("RGB", (THUMB_WIDTH, 1))
                image.load()
                # A huge photo is cut down at once (box average), so what follows works on a
                # copy a few times the thumbnail's size, not on hundreds of megabytes.
                factor = image.width // (2 * THUMB_WIDTH)
                reduced = image.reduce(factor) if factor >= 2 and image.mode not in ("P", "1") else image
                small = _flattened(ImageOps.exif_transpose(reduced))
    except (UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise NotDecodable(_reason(error)) from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:  # Pillow's words for bad data
        raise NotDecodable(f"damaged image data ({error})") from None
    small.thumbnail((THUMB_WIDTH, THUMB_MAX_HEIGHT), Image.Resampling.LANCZOS)  # never enlarges
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=THUMB_QUALITY, optimize=True)
    extension, content_type = _FORMATS.get(kind, ("bin", "application/octet-stream"))
    return Thumbnail(buffer.getvalue(), small.width, small.height, extension, content_type)


_SVG_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$")


def svg_size(photo: bytes) -> tuple[int, int] | None:
    """When ``photo`` is an SVG document (its root element is ``svg``): the size it is shown at,
    from its ``width``/``height`` (pixels) or ``viewBox``, at most :data:`THUMB_WIDTH` wide
    (``THUMB_WIDTH`` x 3/4 of it when it says none). None for anything else. Parsed without
    entities, DTDs or network access.

    >>> svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 480"/>')
    (480, 240)
    >>> svg_size(b"<html></html>") is None
    True
    """
    head = photo[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        not (head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")))
        or b"<svg" not in photo[:4096].lower()
    ):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(photo, parser)
    except etree.XMLSyntaxError:
        return None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return None
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            width, height = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            width, height = float(THUMB_WIDTH), THUMB_WIDTH * 0.75
    if width <= 0 or height <= 0:
        return None
    scale = min(1.0, THUMB_WIDTH / width)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _svg_length(value: str | None) -> float | None:
    match = _SVG_LENGTH.match(value or "")
    return float(match.group(1)) if match else None


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
    return f"too many pixels (over {MAX_PIXELS // 1_000_000} megapixels: a decompression bomb?)"
