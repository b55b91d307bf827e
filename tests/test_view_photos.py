"""Photos in the item view come from the WARC records their articles name: a gzip-encoded photo
decoded, a revisit followed to its original, thumbnails bounded, and a photo that is no image
shown as a placeholder that says so (never a picture), served only as a download."""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin

import pytest
from PIL import Image

from archiver.view.catalog import photo_key, read_catalog
from archiver.view.export import export_site
from archiver.view.photos import PhotoArchive, PhotoUnavailable
from archiver.view.server import view_server
from archiver.view.thumbs import THUMB_MAX_HEIGHT, THUMB_WIDTH, NotDecodable, thumbnail
from tests.view_command import fetch
from tests.view_folder import SITE, WARC_NAME, MadeFolder, picture

BIG = picture(1200, 800)
ALPHA = picture(300, 200, "PNG", "RGBA")
NOT_AN_IMAGE = b"<html><body><script>alert(1)</script>sorry</body></html>"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = MadeFolder(tmp_path / "out")
    big = made.response(f"{SITE}/big.jpg", BIG, "image/jpeg", encoding="gzip")
    made.item("Gzip-encoded", f"{SITE}/big.jpg", made.capture(big))
    stored = gzip.compress(BIG)  # a revisit repeats the payload as stored (still encoded)
    coded = [("Content-Type", "image/jpeg"), ("Content-Encoding", "gzip")]
    again = made.revisit(f"{SITE}/big-again.jpg", stored, big, f"{SITE}/big.jpg", coded)
    made.item("Revisit", f"{SITE}/big-again.jpg", made.capture(again, kind="revisit"))
    alpha = made.response(f"{SITE}/alpha.png", ALPHA, "image/png")
    made.item("Transparent", f"{SITE}/alpha.png", made.capture(alpha))
    lie = made.response(f"{SITE}/lie.jpg", NOT_AN_IMAGE, "text/html")
    made.item("Not an image", f"{SITE}/lie.jpg", made.capture(lie))
    made.item("Answered 404", f"{SITE}/gone.jpg", made.capture("<urn:uuid:404>", status=404))
    made.item("Elsewhere", f"{SITE}/elsewhere.jpg", made.capture("<urn:uuid:not-in-any-file>"))
    made.item("Never fetched", f"{SITE}/never.jpg", None)
    return made.save()


@contextmanager
def serving(out: Path) -> Iterator[str]:
    with view_server(out) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.url
        finally:
            server.shutdown()
            thread.join()


def _photos(out: Path) -> list[object]:
    catalog = read_catalog(out)
    return [photo for item in catalog.articles[0].items for photo in item.photos]


def test_photos_are_read_from_their_records_content_encoding_undone_and_a_revisit_followed(
    folder: Path,
) -> None:
    catalog = read_catalog(folder)
    archive = PhotoArchive(catalog.warc_dir)
    photos = [photo for item in catalog.articles[0].items for photo in item.photos]
    assert archive.photo(photos[0]).body == BIG
    assert archive.photo(photos[1]).body == BIG
    assert archive.photo(photos[2]).body == ALPHA
    assert archive.photo(photos[3]).body == NOT_AN_IMAGE
    for photo in photos[4:]:
        with pytest.raises(PhotoUnavailable):
            archive.photo(photo)


def test_the_server_shows_bounded_thumbnails_and_serves_each_photo_as_archived(folder: Path) -> None:
    with serving(folder) as url:
        index = fetch(url)[2].decode()
        article = index.split('<h2><a href="', 1)[1].split('"', 1)[0]
        page = fetch(urljoin(url, article))[2].decode()
        for record_photo, expected in ((0, BIG), (1, BIG), (2, ALPHA)):
            key = photo_key(WARC_NAME, str(_photos(folder)[record_photo].record_id))  # type: ignore[attr-defined]
            assert f'src="/thumbs/{key}.jpg"' in page
            _, headers, thumb = fetch(urljoin(url, f"/thumbs/{key}.jpg"))
            assert headers["content-type"] == "image/jpeg"
            with Image.open(io.BytesIO(thumb)) as image:
                assert image.format == "JPEG" and image.width <= THUMB_WIDTH
                original = Image.open(io.BytesIO(expected))
                assert image.width == min(original.width, THUMB_WIDTH)
            _, headers, body = fetch(urljoin(url, f"/photos/{key}"))
            assert body == expected
            assert headers["content-type"] == ("image/png" if expected is ALPHA else "image/jpeg")


def test_a_photo_that_is_no_image_gets_a_placeholder_saying_so_and_is_only_offered_as_a_download(
    folder: Path,
) -> None:
    key = photo_key(WARC_NAME, str(_photos(folder)[3].record_id))  # type: ignore[attr-defined]
    with serving(folder) as url:
        index = fetch(url)[2].decode()
        article = index.split('<h2><a href="', 1)[1].split('"', 1)[0]
        page = fetch(urljoin(url, article))[2].decode()
        assert page.count("<img ") == 3  # the three decodable photos only: no stand-in picture
        assert page.count('data-missing="not-decodable"') == 1
        assert "Photo not decodable</strong>: not an image format Pillow reads" in page
        assert page.count('data-missing="unavailable"') == 3
        with pytest.raises(HTTPError) as thumb:
            fetch(urljoin(url, f"/thumbs/{key}.jpg"))
        assert thumb.value.code == 404
        _, headers, body = fetch(urljoin(url, f"/photos/{key}"))
        assert body == NOT_AN_IMAGE
        assert headers["content-type"] == "application/octet-stream"  # never the archived text/html
        assert headers["content-disposition"].startswith("attachment")
        assert "sandbox" in headers["content-security-policy"]


def test_the_export_writes_decodable_photos_with_thumbnails_and_the_rest_as_placeholders(
    folder: Path, tmp_path: Path
) -> None:
    summary = export_site(read_catalog(folder), tmp_path / "site")
    assert (summary.articles, summary.photos, summary.unshown) == (
        1,
        3,
        3,
    )  # never fetched: no photo to count
    thumbs = sorted((tmp_path / "site" / "thumbs").iterdir())
    photos = sorted(path.suffix for path in (tmp_path / "site" / "photos").iterdir())
    assert len(thumbs) == 3 and photos == [".bin", ".jpg", ".jpg", ".png"]
    page = next((tmp_path / "site" / "articles").iterdir()).read_text()
    assert page.count("<img ") == 3 and 'data-missing="not-decodable"' in page


def test_thumbnails_are_bounded_in_both_directions_and_broken_images_are_not_decodable() -> None:
    strip = thumbnail(picture(600, 6000, "PNG"))
    assert (strip.width, strip.height) == (THUMB_MAX_HEIGHT // 10, THUMB_MAX_HEIGHT)
    small = thumbnail(picture(40, 30, "GIF", "P"))
    assert (small.width, small.height, small.extension, small.content_type) == (40, 30, "gif", "image/gif")
    for broken in (BIG[: len(BIG) // 2], b"GIF89a" + b"\0" * 20, b"", NOT_AN_IMAGE):
        with pytest.raises(NotDecodable):
            thumbnail(broken)
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # 400 megapixels in a few kilobytes
    with pytest.raises(NotDecodable, match="too many pixels"):
        thumbnail(bomb.getvalue())
