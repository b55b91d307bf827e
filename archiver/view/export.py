"""The item view as static files: a folder a researcher can zip and open anywhere (file://
included), all links relative::

    DIR/index.html                 every article; search by an inline script (the list
                                   itself needs none)
    DIR/articles/<slug>.html       one article's items
    DIR/photos/<key>.<ext>         archived photos, as the site sent them (decoded)
    DIR/thumbs/<key>.jpg           their thumbnails (.svg: an SVG photo itself)
    DIR/.archiver-view-export      marks the folder as an export (may be replaced)

The export is built in a new folder beside ``DIR`` and put in place by renames: an earlier
export in ``DIR`` is replaced whole (renamed aside, then deleted), never mixed with the new
one; a crash leaves the old export or the new one (and a hidden ``.DIR.*`` folder to delete).
A ``DIR`` that holds anything else is refused (:class:`ExportRefused`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from archiver.view.catalog import Catalog, PhotoView
from archiver.view.markup import Html, json_for_script
from archiver.view.photos import PhotoArchive
from archiver.view.prepared import Prepared, download_kind, prepare
from archiver.view.render import Links, MissingPhoto, ShownPhoto, article_page, index_page
from archiver.view.scroll import ScrollTexts
from archiver.view.search import Query, search_data

MARKER = ".archiver-view-export"


class ExportRefused(Exception):
    """``DIR`` cannot be (re)placed: not empty and not an earlier export, or not writable."""


@dataclass(frozen=True)
class ExportSummary:
    """What was written: ``articles`` pages, ``photos`` (with thumbnails), ``unshown`` photos
    (not captured or not decodable), into ``folder``."""

    folder: Path
    articles: int
    photos: int
    unshown: int


def check_target(target: Path) -> None:
    """Raises :class:`ExportRefused` unless ``target`` is absent, an empty folder or an earlier
    export."""
    try:
        _check_target(target)
    except OSError as error:
        raise ExportRefused(f"cannot use {target} ({error.strerror or error})") from error


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ExportRefused(f"{target} is not a folder; give a new or empty folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise ExportRefused(
            f"{target} is not empty and not an earlier export of archiver view; give a new or empty folder"
        )


def export_site(catalog: Catalog, target: Path, replay_prefix: str | None = None) -> ExportSummary:
    """Write the static view of ``catalog`` into ``target``, its items linked to the replay at
    ``replay_prefix`` if given (else citing their WARC records). Raises :class:`ExportRefused`
    (also when writing fails: ``OSError`` as its cause)."""
    check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise ExportRefused(f"cannot write beside {target} ({error.strerror or error})") from error
    try:
        summary = _write(catalog, building, replay_prefix)
        _put_in_place(building, target)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        raise ExportRefused(f"cannot write {target} ({error.strerror or error})") from error
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return ExportSummary(target, summary.articles, summary.photos, summary.unshown)


def _put_in_place(building: Path, target: Path) -> None:
    building.chmod(0o777 & ~_umask())  # mkdtemp makes it 0700: a shared folder needs the usual mode
    if not target.exists():
        building.rename(target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    aside.rmdir()
    target.rename(aside)
    building.rename(target)
    shutil.rmtree(aside, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(catalog: Catalog, folder: Path, replay_prefix: str | None) -> ExportSummary:
    for name in ("articles", "photos", "thumbs"):
        (folder / name).mkdir()
    archive = PhotoArchive(catalog.warc_dir)
    shown = _write_photos(catalog, archive, folder)
    links = Links(
        index="../index.html",
        article=lambda a: f"articles/{a.slug}.html",
        replay_prefix=replay_prefix,
        scroll=ScrollTexts(archive).of,
        peer=lambda a: f"{a.slug}.html",
        crawled=catalog.by_url.get,
        archived=archive.status_of,
    )

    def lookup(photo: PhotoView) -> ShownPhoto | MissingPhoto:
        return shown.get(photo.key or "", MissingPhoto("not captured"))

    for article in catalog.articles:
        page = article_page(article, links, lookup)
        (folder / "articles" / f"{article.slug}.html").write_text(page, encoding="utf-8")
    index_links = Links(index="index.html", article=links.article)
    index = index_page(
        catalog, catalog.articles, Query(), index_links, action="index.html", tail=_search_script(catalog)
    )
    (folder / "index.html").write_text(index, encoding="utf-8")
    (folder / MARKER).write_text(json.dumps({"archiver_view_export": 1, "source": str(catalog.out)}) + "\n")
    photos = sum(isinstance(state, ShownPhoto) for state in shown.values())
    return ExportSummary(folder, len(catalog.articles), photos, len(shown) - photos)


def _write_photos(
    catalog: Catalog, archive: PhotoArchive, folder: Path
) -> dict[str, ShownPhoto | MissingPhoto]:
    """Each photo and its thumbnail as files; how each article page shows it (relative to
    ``articles/``)."""
    shown: dict[str, ShownPhoto | MissingPhoto] = {}
    for key, photo in catalog.photos().items():
        state = prepare(archive, photo)
        if isinstance(state, Prepared):
            name = f"{key}.{state.thumb.extension}"
            (folder / "photos" / name).write_bytes(state.photo.body)
            thumb = state.thumb
            thumb_name = f"{key}.{thumb.thumb_extension}"
            (folder / "thumbs" / thumb_name).write_bytes(thumb.body)
            shown[key] = ShownPhoto(f"../thumbs/{thumb_name}", f"../photos/{name}", thumb.width, thumb.height)
        elif state.photo is not None:
            name = f"{key}.{download_kind(photo, state.photo)[0]}"
            (folder / "photos" / name).write_bytes(state.photo.body)
            shown[key] = MissingPhoto(state.reason, True, f"../photos/{name}")
        else:
            shown[key] = MissingPhoto(state.reason)
    return shown


# Filters the list in the browser by the same rules as the server (archiver.view.search); reads
# the query string too, so the form's GET to index.html?q=... works as on the server.
_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var form = document.getElementById("search");
  var count = document.getElementById("result-count");
  var entries = {};
  document.querySelectorAll("#articles > li").forEach(function (li) { entries[li.dataset.slug] = li; });
  data.forEach(function (a) { a.wordSet = new Set(a.words); });
  var params = new URLSearchParams(location.search);
  var sites = form.elements.site;
  var askedSite = (params.get("site") || "").trim().toLowerCase();
  if (askedSite &&
      !Array.prototype.some.call(sites.options, function (o) { return o.value === askedSite; })) {
    // A site this crawl lacks (a shared link): kept, so no article matches, as on the server.
    var asked = document.createElement("option");
    asked.value = askedSite;
    asked.textContent = params.get("site").trim() + " (not in this crawl)";
    sites.appendChild(asked);
  }
  ["site", "q", "credit"].forEach(function (name) {
    if (params.has(name)) {
      form.elements[name].value = name === "site" ? params.get(name).trim().toLowerCase() : params.get(name);
    }
  });
  function words(text) { return text.toLowerCase().match(/[\\p{L}\\p{N}_]+/gu) || []; }
  function apply() {
    var site = form.elements.site.value.trim().toLowerCase();
    var wanted = words(form.elements.q.value);
    var credit = form.elements.credit.value.trim().toLowerCase();
    var shown = 0;
    data.forEach(function (a) {
      var ok = (!site || a.site === site) && wanted.every(function (w) { return a.wordSet.has(w); }) &&
        (!credit || a.credits.indexOf(credit) >= 0);
      entries[a.slug].hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + data.length + " articles";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();
"""


def _search_script(catalog: Catalog) -> Html:
    data = json_for_script(search_data(catalog.articles))
    return Html(
        "<noscript><p>Searching this copy needs JavaScript; every article is listed above.</p></noscript>\n"
        f'<script type="application/json" id="search-data">{data}</script>\n<script>{_SCRIPT}</script>'
    )
