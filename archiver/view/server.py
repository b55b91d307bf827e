"""The item view's HTTP server (standard library ``ThreadingHTTPServer``, 127.0.0.1 only).

Routes (GET and HEAD)::

    /                       the index; query string: site, q (words), credit
    /articles/<slug>        one article's items
    /thumbs/<key>.jpg       a photo's thumbnail, made from the archived photo (.svg: an SVG photo)
    /photos/<key>           the archived photo itself (its bytes as the site sent them, decoded)

Photos come only from the WARC files, and only those an article names (no other record of the
archive is served). Archived bytes are served with the type Pillow found in them, never the
archived ``Content-Type`` (an SVG is ``image/svg+xml``; in ``<img>`` its scripts never run),
and every answer forbids scripts (``Content-Security-Policy``), so a
page that lied about being a photo cannot run in the view's origin. ``articles.jsonl`` is read
again when it changes (a crawl still writing it).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from archiver.lru import LruDict
from archiver.view.catalog import ARTICLES_FILE, ArticleView, Catalog, PhotoView, read_catalog
from archiver.view.markup import Html
from archiver.view.photos import PhotoArchive
from archiver.view.prepared import Prepared, Unshowable, download_kind, prepare
from archiver.view.render import Links, MissingPhoto, ShownPhoto, article_page, index_page, not_found_page
from archiver.view.scroll import ScrollTexts
from archiver.view.search import Query, filtered

_CACHED_PHOTOS = 256  # prepared photos (bytes + thumbnail) kept in memory
# data: in img-src: the empty inline favicon, so the browser asks for no /favicon.ico.
_PAGE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'self'"
_PHOTO_POLICY = "default-src 'none'; sandbox"
_THUMB = re.compile(r"^/thumbs/([0-9a-f]{32})\.(?:jpg|svg)$")
_PHOTO = re.compile(r"^/photos/([0-9a-f]{32})$")
_ARTICLE = re.compile(r"^/articles/([a-z0-9-]+)$")


class ViewState:
    """What the handlers share: the catalog (read again when ``articles.jsonl`` changes), the
    photo archive and a cache of prepared photos."""

    def __init__(self, out: Path, replay_prefix: str | None) -> None:
        self.out = out
        self.archive = PhotoArchive(out / "warc")
        self.scroll = ScrollTexts(self.archive)
        self.links = self._links(replay_prefix)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._catalog = self._read()
        self._photos: dict[str, PhotoView] = self._catalog.photos()
        self._prepared = LruDict[str, Prepared | Unshowable](max_size=_CACHED_PHOTOS)

    def use_replay(self, prefix: str) -> None:
        """Link items to the replay at ``prefix`` from now on (one started after the server)."""
        self.links = self._links(prefix)

    def _links(self, replay_prefix: str | None) -> Links:
        return Links(
            index="/",
            article=lambda a: f"/articles/{a.slug}",
            replay_prefix=replay_prefix,
            scroll=self.scroll.of,
            crawled=lambda url: self.catalog.by_url.get(url),
            archived=self.archive.status_of,
        )

    def _read(self) -> Catalog:
        # The stamp before the read: a change made while reading is read again next time.
        try:
            stat = (self.out / ARTICLES_FILE).stat()
            self._stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            self._stamp = None
        return read_catalog(self.out)

    @property
    def catalog(self) -> Catalog:
        with self._lock:
            try:
                stat = (self.out / ARTICLES_FILE).stat()
                if (stat.st_mtime_ns, stat.st_size) != self._stamp:
                    self._catalog = self._read()
                    self._photos = self._catalog.photos()
            except OSError:
                pass  # gone or unreadable for a moment: keep showing what was read
            return self._catalog

    def photo(self, key: str) -> PhotoView | None:
        with self._lock:
            return self._photos.get(key)

    def prepared(self, photo: PhotoView) -> Prepared | Unshowable:
        assert photo.key is not None
        with self._lock:
            cached = self._prepared.get(photo.key)
        if cached is None:
            cached = prepare(self.archive, photo)
            with self._lock:
                self._prepared[photo.key] = cached
        return cached

    def shown(self, photo: PhotoView) -> ShownPhoto | MissingPhoto:
        """How the article page shows ``photo``."""
        if photo.key is None:
            return MissingPhoto("not captured")
        state = self.prepared(photo)
        href = f"/photos/{photo.key}"
        if isinstance(state, Prepared):
            thumb = state.thumb
            return ShownPhoto(f"/thumbs/{photo.key}.{thumb.thumb_extension}", href, thumb.width, thumb.height)
        return MissingPhoto(state.reason, state.not_decodable, href if state.not_decodable else None)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # no line per request: the terminal shows the URL and errors only

    def _answer(self, *, with_body: bool) -> None:
        state = self.server.state
        parts = urlsplit(self.path)
        path = parts.path
        try:
            if path == "/":
                catalog = state.catalog
                query = Query.from_params(parse_qs(parts.query))
                page = index_page(catalog, filtered(catalog.articles, query), query, state.links)
                return self._send_page(HTTPStatus.OK, page, with_body)
            if match := _ARTICLE.match(path):
                article = state.catalog.by_slug.get(match.group(1))
                if article is not None:
                    return self._send_article(article, with_body)
            elif match := _THUMB.match(path):
                return self._send_photo(match.group(1), thumb=True, with_body=with_body)
            elif match := _PHOTO.match(path):
                return self._send_photo(match.group(1), thumb=False, with_body=with_body)
            self._send_page(
                HTTPStatus.NOT_FOUND, not_found_page(f"Nothing at {path}.", state.links), with_body
            )
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away
        except Exception as error:  # one failed page, not a dead server
            print(f"archiver view: error serving {quote(path)}: {error!r}", file=sys.stderr)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b"internal error\n", "text/plain", with_body)

    def _send_article(self, article: ArticleView, with_body: bool) -> None:
        state = self.server.state
        self._send_page(HTTPStatus.OK, article_page(article, state.links, state.shown), with_body)

    def _send_photo(self, key: str, *, thumb: bool, with_body: bool) -> None:
        state = self.server.state
        photo = state.photo(key)
        prepared = state.prepared(photo) if photo is not None else None
        if isinstance(prepared, Prepared):
            if thumb:
                body, kind = prepared.thumb.body, prepared.thumb.thumb_type
            else:
                body, kind = prepared.photo.body, prepared.thumb.content_type
            return self._send(HTTPStatus.OK, body, kind, with_body, _PHOTO_POLICY, cache=True)
        if (
            isinstance(prepared, Unshowable)
            and prepared.photo is not None
            and photo is not None
            and not thumb
        ):
            # Bytes that are no image the view decodes: offered as a download, never rendered.
            extension, kind = download_kind(photo, prepared.photo)
            extra = {"Content-Disposition": f'attachment; filename="{key}.{extension}"'}
            body = prepared.photo.body
            return self._send(HTTPStatus.OK, body, kind, with_body, _PHOTO_POLICY, extra)
        why = prepared.reason if isinstance(prepared, Unshowable) else "no such photo in the articles"
        self._send(HTTPStatus.NOT_FOUND, f"{why}\n".encode(), "text/plain; charset=utf-8", with_body)

    def _send_page(self, status: HTTPStatus, page: Html, with_body: bool) -> None:
        self._send(status, page.encode("utf-8"), "text/html; charset=utf-8", with_body)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str,
        with_body: bool,
        policy: str = _PAGE_POLICY,
        extra: dict[str, str] | None = None,
        *,
        cache: bool = False,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # Archived photos never change; pages do (a crawl may still be writing articles.jsonl).
        self.send_header("Cache-Control", "max-age=86400, immutable" if cache else "no-cache")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a browser's open connection does not keep the command alive
    # ... nor its closing: ThreadingMixIn joins every handler thread on close, daemon or not,
    # and one waiting on a browser's idle keep-alive connection never ends.
    block_on_close = False

    def __init__(self, address: tuple[str, int], state: ViewState) -> None:
        self.state = state
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"


@contextmanager
def view_server(out: Path, port: int = 0, replay_prefix: str | None = None) -> Iterator[_Server]:
    """The item view of the output folder ``out`` on ``127.0.0.1:port`` (0: a free port), not
    yet serving: call ``serve_forever()`` (or serve in a thread); ``url`` is its address. Closed
    on exit. Raises :class:`archiver.view.catalog.NotAnOutputFolder` for an ``out`` that is
    not a crawl's output folder, ``OSError`` when the port cannot be bound (taken)."""
    server = _Server(("127.0.0.1", port), ViewState(out, replay_prefix))
    try:
        yield server
    finally:
        server.server_close()
