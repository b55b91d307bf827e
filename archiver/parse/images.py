"""The real URL of an image, whatever form the page gives it in.

Forms: ``<img src>``; lazy loaders' attributes (``data-src``, ``data-lazy-src``, ``data-original``,
size-named ``data-src-large``, ``srcset``/``data-srcset``) while ``src`` holds a ``data:`` URI or a
1x1 gif; ``<picture>`` whose ``<source srcset|data-srcset type media>`` carry the URLs while the
``<img>`` has no usable ``src``; ``<amp-img>`` (its ``placeholder`` and ``fallback`` children are
not further images); a copy only inside ``<noscript>``; a CSS ``background-image`` on an element
with ``role="img"`` (its ``aria-label`` is the alt text), or on a block that stands where a figure
would (see ``is_background_block``).

``url`` is the single URL the page names for the image (a lazy loader's attribute or ``src``).
Without one, it is the candidate that stands for ``src`` (the "1x" or plain one; with widths
only, the widest) of the img's own srcset, or else of the first ``<source>`` a browser would take
(a type it shows, a media query that is not print-only). ``largest_url`` is the widest candidate
of the img's srcset and every such ``<source>``, when it is known to be larger than ``url`` (a
wider ``w``, a higher density, a wider screen's media query) and is another file.
``displayed_url`` is, for a ``<picture>``, the file a browser requests on a default screen
(``media_query``: 1280 CSS px wide, 1x), when it is another file than ``url``: the first
``<source>`` whose type it shows and whose ``media`` matches (else the ``<img>``), and of its
candidates the one Chromium picks: the lowest density at least 1x, a width descriptor counting as
its width over the ``sizes`` width (``100vw`` by default); without one, the highest. A
``<source type="image/webp">`` beside ``<img src="a.jpg">`` is what replay asks the archive for.

Placeholders are recognised by what they are, never by a word inside an ordinary file name:
``data:`` URIs, a declared size of at most ``TINY_IMAGE_SIDE`` pixels, file stems and folders made
only of placeholder words ("blank.gif", "1x1.png", "lazy-placeholder.png"), consent and tracking
beacons (by query keys, endpoint or host label), and decoration named only by decoration words
("site-logo.svg", "facebook-icon.png"). "iconic-bridge.jpg", "logo-wall-mural.jpg" and
"grey-heron.jpg" are photos. The word lists are in ``vocabulary.py``.

Where an image is drawn decides too (``image_from_element``):

- an image drawn on a control is the control's face, not a photo: inside a ``<button>``, or a link
  styled as a button ("pin-it-button", "aff-btn"), or a link to a network's share or save endpoint
  ("pinterest.com/pin/create/...", "facebook.com/sharer/..."), unless its declared size is a
  photo's or the link shares this very image; and an image declared small (no larger than a
  ``SMALL_IMAGE_SIDE``-pixel square: a retailer's logo on "Buy on Amazon", a "Save" badge, an icon)
  inside a link with its own text, or beside a larger photo in the same small box;
- an image whose ``<noscript>`` neighbour holds another image stands in for that copy when its URL
  is its plain ``src`` or it is declared smaller (Medium's 30-pixel blurred preview with the real
  image in ``<noscript>``): it yields nothing, and the copy is read once, in its place. A lazy
  loader's own attribute (``data-src``, ``data-lazy-srcset``) names what the script shows, so that
  image is kept and the copy is a duplicate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import parse_qsl, unquote

from lxml import etree

from archiver.models import Image
from archiver.parse import media_query
from archiver.parse.dom import HEADING_TAGS, HtmlElement, tag_of, text_of
from archiver.parse.vocabulary import (
    BUTTON_CLASS_WORDS,
    DECORATION_ENDING_WORDS,
    DECORATION_FOLDER_WORDS,
    DECORATION_NAME_WORDS,
    DECORATION_QUALIFIERS,
    FIGURE_NOTE_CLASS_WORDS,
    PHOTO_CLASS_WORDS,
    PLACEHOLDER_FOLDER_WORDS,
    PLACEHOLDER_NAME_FILLERS,
    PLACEHOLDER_NAME_WORDS,
    SHARE_HOST_NAMES,
    SHARE_PATH_WORDS,
    SHARE_SERVICE_HOSTS,
    TRACKING_DOMAIN_WORDS,
    TRACKING_ENDPOINT_WORDS,
    TRACKING_HOST_WORDS,
    TRACKING_QUERY_KEYS,
    TRACKING_QUERY_PAIRS,
)
from archiver.urls import absolute_url

# Elements that are one image each: item_content hands them to ``image_from_element`` whole
# (a <picture>'s <source> and <img>, an <amp-img>'s fallback and noscript children).
IMAGE_ELEMENT_TAGS = frozenset({"img", "amp-img", "amp-anim", "picture"})

# A declared width or height at most this many pixels (0 included) is a pixel or a spacer line.
TINY_IMAGE_SIDE = 3
# Below this declared size (either side) an image may be decoration; at or above it in both
# sides it is drawn as a picture, whatever its file is called.
_PHOTO_MIN_SIDE = 100
# An image declared no larger than a square of this side (by area: a retailer's logo on a buy
# button, 80x24; a "Save" badge, 56x20; a 32-pixel icon), or declaring one side only and that at
# most this (Medium's 30-pixel preview), is small: a control's, a glyph's or a blurred preview's
# size, well under a photo's. Such an image is UI inside a link that has its own text or beside a
# larger photo, and a stand-in beside a larger <noscript> copy. A 352x47 strip is not small.
SMALL_IMAGE_SIDE = 64
# How many ancestors up an image's link or button is looked for (<a><span><img>), and how many a
# larger photo beside a small image.
_CONTROL_DEPTH = 3
# No image URL is this long; a longer value is an inlined payload or garbage, never kept.
MAX_URL_CHARS = 8192

# Single-URL attributes, most specific first: a lazy loader's attribute beats a placeholder src.
_SINGLE_URL_ATTRS = (
    "data-lazy-src",
    "data-src",
    "data-original",
    "data-lazy",
    "data-lazyload",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-large-file",
    "data-original-src",
    "data-orig-src",
    "data-actualsrc",
    "data-echo",
    "data-img-src",
    "data-ezsrc",
    "nitro-lazy-src",
)
_SRCSET_ATTRS = ("data-lazy-srcset", "data-srcset", "nitro-lazy-srcset", "srcset")
# Lazy background loaders on role="img" elements (lazysizes' unveilhooks, WP Rocket, Elementor).
_BACKGROUND_ATTRS = ("data-bg", "data-background-image", "data-bg-src", "data-background", "data-lazy-bg")
# Responsive size ladders such as CNN's data-src-mini ... data-src-large.
_SIZE_LADDER = ("mini", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
# Image types Chromium shows; a <source> of another type (HEIC, JPEG 2000) is skipped, as
# Chromium skips it. JPEG XL is shown again: Chromium 156 (Debian's, which the replay tests
# drive) picks a <source type="image/jxl"> over the WebP after it, so that is what replay asks
# the archive for.
_SHOWN_TYPES = frozenset(
    {
        "image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/apng", "image/webp",
        "image/avif", "image/gif", "image/svg+xml", "image/jxl",
    }
)  # fmt: skip
_NOT_SHOWN_MEDIA = re.compile(r"^\s*(?:print|not\s+all|speech)\b", re.IGNORECASE)
_DESCRIPTOR = re.compile(r"([\d.]+)([wx])", re.IGNORECASE)
_URL_RUN = re.compile(r"[\s,]*(\S*)")
_DESCRIPTOR_RUN = re.compile(r"[^,]*")
_NAME_TOKENS = re.compile(r"[-_.\s+~]+")
# Size tokens in names: "300", "300x200", "2x", "@2x", "32px", "sm", "lg".
_SIZE_TOKEN = re.compile(r"^@?\d+(?:[.x]\d+)*(?:x|px|w|h)?$|^(?:xs|sm|md|lg|xl|xxl)$")
_STYLE_SIDE = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)
# Ad-server macros left unexpanded in a pixel's URL: "${GDPR_CONSENT_755}", "%%CACHEBUSTER%%".
_MACRO = re.compile(r"\$\{|%%[A-Z_]+%%|\[timestamp\]", re.IGNORECASE)
# url(...) in a CSS declaration, with an image-set() density after it.
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)(?:\s+([\d.]+)x)?""", re.IGNORECASE | re.DOTALL)
_BACKGROUND_DECLARATION = re.compile(r"background(?:-image)?\s*:([^;]*)", re.IGNORECASE)
# Any listed word anywhere in a path: the cheap first look before tokens are compared.
_PLACEHOLDER_HINT = re.compile(
    "|".join(sorted(map(re.escape, PLACEHOLDER_NAME_WORDS | PLACEHOLDER_FOLDER_WORDS | {"no", "lazy"})))
)
_DECORATION_HINT = re.compile(
    "|".join(
        sorted(map(re.escape, DECORATION_NAME_WORDS | DECORATION_ENDING_WORDS | DECORATION_FOLDER_WORDS))
    )
)


# -- what a URL is -------------------------------------------------------------------------


def _tokens(name: str) -> list[str]:
    return [token for token in _NAME_TOKENS.split(name.lower()) if token]


def _placeholder_name(tokens: list[str], words: frozenset[str]) -> bool:
    """Every token a placeholder word, a filler or a size, and at least one a placeholder word."""
    if not tokens:
        return False
    if "".join(tokens) in words:
        return True
    core = False
    for token in tokens:
        if token in words:
            core = True
        elif token not in PLACEHOLDER_NAME_FILLERS and not _SIZE_TOKEN.match(token):
            return False
    return core


def _decoration_name(tokens: list[str], drawing: bool = False) -> bool:
    """Every token a decoration word, a qualifier or a size, and at least one a decoration word;
    or a name ending in a divider word; or, for a vector drawing (".svg", or a raster copy of one,
    "20px-Commons-logo.svg.png"), any decoration word: photos are never drawn as SVG."""
    # "icons8", "logo2": a counter glued to the word is not another word.
    words = [token.rstrip("0123456789") for token in tokens if not _SIZE_TOKEN.match(token)]
    if not words:
        return False
    if words[-1] in DECORATION_ENDING_WORDS:
        return True
    if drawing and any(token in DECORATION_NAME_WORDS for token in words):
        return True
    core = False
    for token in words:
        if token in DECORATION_NAME_WORDS:
            core = True
        elif token not in DECORATION_QUALIFIERS:
            return False
    return core


def _split_path(path: str) -> tuple[list[str], str, str]:
    """(folders, file stem, extension) of a URL path, lower-cased."""
    segments = [segment for segment in path.lower().split("/") if segment]
    if not segments:
        return [], "", ""
    name = segments[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 5:
        stem, extension = name, ""
    return segments[:-1], stem, extension


def _is_tracking(host: str, folders: list[str], stem: str, extension: str, query: str) -> bool:
    labels = host.split(".")
    if any(label in TRACKING_DOMAIN_WORDS for label in labels[:-1]):
        return True
    subdomain = labels[:-2]
    if any(token in TRACKING_HOST_WORDS for label in subdomain for token in label.split("-")):
        return True
    if extension in {"", "gif", "php"} and stem in TRACKING_ENDPOINT_WORDS:
        return True
    if query:
        if extension == "gif" and len(stem) <= 3:
            return True  # "c.gif?...", "one.gif?...", "g.gif?...": a counter, not a picture
        keys = {key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)}
        if keys & TRACKING_QUERY_KEYS or any(a in keys and b in keys for a, b in TRACKING_QUERY_PAIRS):
            return True
    return False


def _url_parts(url: str) -> tuple[str, str, str]:
    """(host, path, query) of an absolute, scheme-relative or relative URL: string splits, a
    quarter of urlsplit's cost, for the only three parts the tests read."""
    url = url.split("#", 1)[0]
    url, _, query = url.partition("?")
    host = ""
    scheme_end = url.find("://")
    if url.startswith("//") or (0 < scheme_end < 12 and url[:scheme_end].isalpha()):
        rest = url[2:] if url.startswith("//") else url[scheme_end + 3 :]
        authority, slash, path = rest.partition("/")
        host = authority.rpartition("@")[2].split(":", 1)[0].lower()
        return host, slash + path, query
    return host, url, query


def _url_kind(url: str) -> str | None:
    """The kind of URL that is never a picture ("placeholder", "tracking", "decoration"), or None."""
    head = url[:16].lstrip().lower()
    if not head or head.startswith(("data:", "about:", "javascript:", "blob:", "#")):
        return "placeholder"
    if len(url) > MAX_URL_CHARS:
        return "placeholder"
    return _http_url_kind(url.strip())


@lru_cache(maxsize=4096)
def _http_url_kind(url: str) -> str | None:
    # Cached: a page names each image URL several times (src, srcset, data-src, noscript copy).
    if _MACRO.search(url):
        return "tracking"  # an ad server's template, never expanded
    host, path, query = _url_parts(url)
    folders, stem, extension = _split_path(path)
    lowered_path = path.lower()
    # One look for any listed word first: most photo URLs hold none, and skip the token work.
    if _PLACEHOLDER_HINT.search(lowered_path) and (
        _placeholder_name(_tokens(stem), PLACEHOLDER_NAME_WORDS)
        or any(folder in PLACEHOLDER_FOLDER_WORDS for folder in folders)
    ):
        return "placeholder"
    if _is_tracking(host, folders, stem, extension, query):
        return "tracking"
    if _DECORATION_HINT.search(lowered_path):
        stem_tokens = _tokens(stem)
        drawing = extension == "svg" or "svg" in stem_tokens
        if _decoration_name(stem_tokens, drawing) or any(
            folder in DECORATION_FOLDER_WORDS or _decoration_name(_tokens(folder)) for folder in folders
        ):
            return "decoration"
    return None


def is_placeholder(url: str) -> bool:
    """True for URLs that are never the picture: data: URIs, spacers and 1x1 files, tracking and
    consent pixels, and decoration named only by decoration words."""
    return _url_kind(url) is not None


def _not_a_picture(url: str, drawn_as_photo: bool) -> bool:
    kind = _url_kind(url)
    return kind is not None and not (kind == "decoration" and drawn_as_photo)


# -- srcset ---------------------------------------------------------------------------------


def _srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """(URL, descriptor) pairs, split as the HTML spec does: a URL runs to whitespace, so the
    commas inside a data: URI do not split it; a URL ending in a comma has no descriptor.
    Regular expressions do the scanning, so a multi-megabyte data: URI costs little."""
    candidates = []
    position, end = 0, len(srcset)
    while position < end:
        match = _URL_RUN.match(srcset, position)
        if match is None or not match.group(1):
            break
        url, position, descriptor = match.group(1), match.end(), ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            run = _DESCRIPTOR_RUN.match(srcset, position)
            if run is not None:
                descriptor, position = run.group(0).strip(), run.end()
        if url:
            candidates.append((url, descriptor))
    return candidates


# How large a candidate is known to be: (2, width) for a width descriptor; (1, min-width) for a
# <source> without one whose media query starts at a viewport width (art direction: the widest
# screens get the largest file); (0, density) otherwise, a plain candidate being 1x.
Rank = tuple[int, float]
_PLAIN: Rank = (0, 1.0)
_MEDIA_MIN_WIDTH = re.compile(r"min-width\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)


def _rank(descriptor: str, media_min_width: float | None = None) -> Rank:
    match = _DESCRIPTOR.search(descriptor)
    value = 1.0
    if match is not None:
        try:
            value = float(match.group(1))
        except ValueError:
            match = None
    if match is not None and match.group(2).lower() == "w":
        return (2, value)
    if media_min_width is not None:
        return (1, media_min_width * value)
    return (0, value)


def _is_larger(rank: Rank) -> bool:
    """True when a candidate is known to be larger than a plain 1x image (a width, a wider
    media query, a density above 1x): only then is it a ``largest_url``."""
    return rank > _PLAIN


# One srcset's usable candidates: (rank, URL) in the page's order.
Candidates = list[tuple[Rank, str]]


def _candidates(
    srcset: str, drawn_as_photo: bool = False, media_min_width: float | None = None
) -> Candidates:
    return [
        (_rank(descriptor, media_min_width), url)
        for url, descriptor in _srcset_candidates(srcset)
        if not _not_a_picture(url, drawn_as_photo)
    ]


def _widest(candidates: Candidates) -> tuple[Rank, str] | None:
    """The candidate of the highest rank, the first of equals."""
    return max(candidates, key=lambda candidate: candidate[0], default=None)


def _standing_for_src(candidates: Candidates) -> tuple[Rank, str] | None:
    """The candidate a 1x screen shows: a plain or "1x" one (what ``src`` would be, in the HTML
    spec's terms); with widths only, the widest, as there is no default to name."""
    plain = next((candidate for candidate in candidates if candidate[0] == _PLAIN), None)
    return plain if plain is not None else _widest(candidates)


def largest_srcset_candidate(srcset: str) -> str | None:
    """URL of the widest candidate in a srcset ("a.jpg 320w, b.jpg 1200w" -> "b.jpg")."""
    best = _widest(_candidates(srcset))
    return best[1] if best else None


# -- <img>, <amp-img> -------------------------------------------------------------------------


def _as_int(value: str | None) -> int | None:
    if value is None:
        return None
    match = re.match(r"\s*(\d{1,6})", value)
    return int(match.group(1)) if match else None


def _declared_size(attrs: Mapping[str, str]) -> tuple[int | None, int | None]:
    width, height = _as_int(attrs.get("width")), _as_int(attrs.get("height"))
    style = attrs.get("style")
    if style and (width is None or height is None):
        for name, value in _STYLE_SIDE.findall(style):
            side = int(float(value))
            if name.lower() == "width" and width is None:
                width = side
            elif name.lower() == "height" and height is None:
                height = side
    return width, height


def _is_tiny(width: int | None, height: int | None) -> bool:
    return (width is not None and width <= TINY_IMAGE_SIDE) or (
        height is not None and height <= TINY_IMAGE_SIDE
    )


def _drawn_as_photo(width: int | None, height: int | None) -> bool:
    return width is not None and height is not None and min(width, height) >= _PHOTO_MIN_SIDE


def _single_url(attrs: Mapping[str, str], drawn_as_photo: bool) -> tuple[str, str] | None:
    for name in _SINGLE_URL_ATTRS:
        value = attrs.get(name)
        if value and not _not_a_picture(value, drawn_as_photo):
            return value.strip(), name
    ladder = [
        (rank, name)
        for name in attrs
        if name.startswith("data-src-")
        and (rank := _SIZE_LADDER.index(name[9:]) if name[9:] in _SIZE_LADDER else -1) >= 0
    ]
    if ladder:
        _, name = max(ladder)
        if not _not_a_picture(attrs[name], drawn_as_photo):
            return attrs[name].strip(), name
    src = attrs.get("src")
    if src and not _not_a_picture(src, drawn_as_photo):
        return src.strip(), "src"
    return _unlisted_lazy_url(attrs, drawn_as_photo)


# A photo file's name: what an unlisted data-* attribute must hold to be taken for the lazy URL.
_PHOTO_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|jxl)$", re.IGNORECASE)


def _unlisted_lazy_url(attrs: Mapping[str, str], drawn_as_photo: bool) -> tuple[str, str] | None:
    """The URL a lazy loader whose attribute is not listed above would show ("data-img",
    "data-lazy-original", "data-hires"): only for an img with no usable src and no srcset, the
    first data-* attribute whose value is one URL naming a photo file. Loaders are many and
    their attribute names free; the value's shape is what they share."""
    if any(attrs.get(name) for name in _SRCSET_ATTRS):
        return None
    for name, value in attrs.items():
        url = value.strip()
        if not name.startswith("data-") or not url or any(space in url for space in " \t\n,"):
            continue
        path = url.split("#", 1)[0].split("?", 1)[0]
        if _PHOTO_FILE.search(path) and "/" in path and not _not_a_picture(url, drawn_as_photo):
            return url, name
    return None


def _srcset_group(
    attrs: Mapping[str, str], drawn_as_photo: bool, media_min_width: float | None = None
) -> tuple[Candidates, str] | None:
    """The usable candidates of the first srcset attribute that has any, and its name."""
    for name in _SRCSET_ATTRS:
        value = attrs.get(name)
        if value:
            candidates = _candidates(value, drawn_as_photo, media_min_width)
            if candidates:
                return candidates, name
    return None


def _displayed(attrs: Mapping[str, str], drawn_as_photo: bool, single: str | None = None) -> str | None:
    """The candidate of one srcset (a <source>'s, or an <img>'s with ``single`` as 1x) that a
    browser requests on the default screen: sorted by density (a ``w`` descriptor's width over the
    ``sizes`` width), the lowest at least ``DEVICE_PIXEL_RATIO``, else the highest (Chromium's
    rule, ``HTMLSrcsetParser``'s pickCandidate, for a 1x screen). None without a usable one."""
    found = _srcset_group(attrs, drawn_as_photo)
    pairs = _srcset_candidates(attrs[found[1]]) if found else []
    slot = media_query.sizes_width(attrs.get("sizes"))
    densities: list[tuple[float, str]] = []
    widths = False
    for url, descriptor in pairs:
        if _not_a_picture(url, drawn_as_photo):
            continue
        rank = _rank(descriptor)
        widths = widths or rank[0] == 2
        densities.append((rank[1] / slot if rank[0] == 2 else rank[1], url))
    if single is not None and not widths and all(density != 1.0 for density, _ in densities):
        densities.append((1.0, single))  # src is the 1x candidate, unless widths are given (HTML spec)
    densities.sort(key=lambda candidate: candidate[0])
    chosen = next((url for density, url in densities if density >= media_query.DEVICE_PIXEL_RATIO), None)
    return chosen or (densities[-1][1] if densities else None)


def _displayed_in_picture(picture: HtmlElement, img_attrs: Mapping[str, str], photo: bool) -> str | None:
    """What a browser shows for a <picture> on the default screen: the first <source> of a type
    it renders whose media query matches and which has a usable candidate, else the <img>."""
    for source in picture.iter("source"):
        kind = (source.get("type") or "").split(";")[0].strip().lower()
        if (kind and kind not in _SHOWN_TYPES) or not media_query.matches(source.get("media") or ""):
            continue
        source_attrs = _attrs(source)
        chosen = _displayed(source_attrs, photo)
        if chosen is None:  # <source data-src="..."> of some lazy loaders
            single = _single_url({k: v for k, v in source_attrs.items() if k != "src"}, photo)
            chosen = single[0] if single else None
        if chosen is not None:
            return chosen
    single = _single_url(img_attrs, photo)
    return _displayed(img_attrs, photo, single[0] if single else None)


def _make_image(
    url: str,
    source_attr: str,
    largest: str | None,
    base_url: str,
    attrs: Mapping[str, str],
    width: int | None,
    height: int | None,
    in_noscript: bool,
    displayed: str | None = None,
) -> Image:
    absolute = absolute_url(url, base_url)
    largest_absolute = absolute_url(largest, base_url) if largest else None
    displayed_absolute = absolute_url(displayed, base_url) if displayed else None
    return Image(
        url=absolute,
        largest_url=largest_absolute if largest_absolute != absolute else None,
        displayed_url=displayed_absolute if displayed_absolute != absolute else None,
        alt=(attrs.get("alt") or "").strip() or None,
        title=(attrs.get("title") or "").strip() or None,
        width=width,
        height=height,
        source_attr=source_attr,
        in_noscript=in_noscript,
    )


def image_from_attributes(
    attrs: Mapping[str, str], base_url: str, *, in_noscript: bool = False
) -> Image | None:
    """An Image record from an <img>'s (or <amp-img>'s) attributes, or None for placeholders,
    pixels and decoration. An AMP ``placeholder`` or ``fallback`` child is not an image of its
    own: it stands in for its parent."""
    if "placeholder" in attrs or "fallback" in attrs:
        return None
    return _image_from_img(attrs, base_url, in_noscript)


def _image_from_img(attrs: Mapping[str, str], base_url: str, in_noscript: bool) -> Image | None:
    width, height = _declared_size(attrs)
    if _is_tiny(width, height):
        return None  # a pixel or a spacer line
    photo = _drawn_as_photo(width, height)
    return _resolve(attrs, [], base_url, width, height, photo, in_noscript)


def _resolve(
    img_attrs: Mapping[str, str],
    sources: list[tuple[Candidates, str]],
    base_url: str,
    width: int | None,
    height: int | None,
    photo: bool,
    in_noscript: bool,
    displayed: str | None = None,
) -> Image | None:
    """One image from an <img>'s own URLs and the candidate groups of its <picture>'s sources
    (in the page's order, those a browser could show).

    ``url``: the img's single URL (lazy attribute or src); else, from the img's own srcset or
    else the first source (the one a browser takes), the candidate standing for src (1x). Then
    ``largest_url``: the widest candidate of all, when it is known to be larger than ``url``
    (see ``_is_larger``) and another file.
    """
    single = _single_url(img_attrs, photo)
    own = _srcset_group(img_attrs, photo)
    # The img's own candidates first: of equally wide ones, the variant in the img's own format.
    groups = [*([own] if own else []), *sources]
    widest = _widest([candidate for candidates, _ in groups for candidate in candidates])
    if single is not None:
        url, source_attr = single
        floor = _PLAIN
    else:
        group = own or (sources[0] if sources else None)
        chosen = _standing_for_src(group[0]) if group else None
        if group is None or chosen is None:
            return None
        (floor, url), source_attr = chosen, group[1]
    larger = widest is not None and widest[0] > floor and _is_larger(widest[0])
    if larger and widest is not None and single is not None and width is not None and widest[0][0] == 2:
        larger = widest[0][1] > width  # "970w" beside <img src width="970">: the same size
    largest = widest[1] if widest is not None and larger else None
    return _make_image(url, source_attr, largest, base_url, img_attrs, width, height, in_noscript, displayed)


# -- elements ---------------------------------------------------------------------------------


def _attrs(element: HtmlElement) -> dict[str, str]:
    return {str(key): str(value) for key, value in element.attrib.items()}


def _image_from_picture(picture: HtmlElement, base_url: str, in_noscript: bool) -> Image | None:
    """The picture's <img> gives alt, size and its own URL; its <source>s (those the browser
    could show: a type it renders, a media query that is not print-only) give the widest
    candidate, or the URL itself when the <img> has none that is usable."""
    img = next(picture.iter("img"), None)
    img_attrs = _attrs(img) if img is not None else {}
    width, height = _declared_size(img_attrs)
    photo = _drawn_as_photo(width, height)
    sources: list[tuple[Candidates, str]] = []
    for source in picture.iter("source"):
        kind = (source.get("type") or "").split(";")[0].strip().lower()
        media = source.get("media") or ""
        if (kind and kind not in _SHOWN_TYPES) or _NOT_SHOWN_MEDIA.match(media):
            continue
        found = _MEDIA_MIN_WIDTH.search(media)
        min_width = float(found.group(1)) if found else None
        source_attrs = _attrs(source)
        group = _srcset_group(source_attrs, photo, min_width)
        if group is None:  # <source data-src="..."> of some lazy loaders
            single = _single_url({k: v for k, v in source_attrs.items() if k != "src"}, photo)
            if single is None:
                continue
            group = [(_rank("", min_width), single[0])], single[1]
        sources.append((group[0], f"source:{group[1]}"))
    if _is_tiny(width, height):
        if not sources:
            return None
        # A 1x1 <img> inside a <picture> is the lazy loader's stand-in: only the sources count.
        img_attrs = {name: img_attrs[name] for name in ("alt", "title") if name in img_attrs}
        width = height = None
    displayed = _displayed_in_picture(picture, img_attrs, photo)
    image = _resolve(img_attrs, sources, base_url, width, height, photo, in_noscript, displayed)
    if image is not None:
        return image
    # Nothing but placeholders outside: a lazy loader's <noscript> copy inside the picture.
    for noscript in picture.iter("noscript"):
        for copy in noscript.iter("img"):
            image = _image_from_img(_attrs(copy), base_url, True)
            if image is not None:
                return image
    return None


def _image_from_amp(element: HtmlElement, base_url: str, in_noscript: bool) -> Image | None:
    attrs = _attrs(element)
    if "placeholder" in attrs or "fallback" in attrs:
        return None
    image = _image_from_img(attrs, base_url, in_noscript)
    if image is not None:
        return image
    for child in element.iter("amp-img", "amp-anim", "img"):
        if child is element:
            continue
        child_attrs = _attrs(child)
        if "placeholder" in child_attrs:
            continue
        inside_noscript = any(tag_of(node) == "noscript" for node in child.iterancestors())
        image = _image_from_img(child_attrs, base_url, in_noscript or inside_noscript)
        if image is not None:
            return image
    return None


def background_image_url(style: str) -> tuple[str, str | None] | None:
    """(URL, densest image-set() URL or None) of a CSS background in a style attribute; the last
    background declaration wins, as in CSS; gradients and data: URIs are skipped."""
    declarations = _BACKGROUND_DECLARATION.findall(style)
    for value in reversed(declarations):
        candidates = [
            (float(density) if density else 1.0, url.strip())
            for _, url, density in _CSS_URL.findall(value)
            if url.strip() and not is_placeholder(url.strip())
        ]
        if candidates:
            densest = max(candidates, key=lambda candidate: candidate[0])[1]
            return candidates[0][1], densest if densest != candidates[0][1] else None
    return None


def _image_from_background(element: HtmlElement, base_url: str, in_noscript: bool) -> Image | None:
    """An element drawn with a CSS background (``role="img"``, or a background block): the
    background is the picture and its aria-label (or title) the alt text."""
    attrs = _attrs(element)
    width, height = _declared_size(attrs)
    if _is_tiny(width, height):
        return None
    url: str | None = None
    largest: str | None = None
    source_attr = "style"
    for name in _BACKGROUND_ATTRS:
        value = (attrs.get(name) or "").strip()
        if value:
            found = background_image_url(f"background:{value}") if "url(" in value else (value, None)
            if found is not None and not is_placeholder(found[0]):
                url, largest = found
                source_attr = name
                break
    if url is None:
        found = background_image_url(attrs.get("style") or "")
        if found is None:
            return None
        url, largest = found
    label = (attrs.get("aria-label") or "").strip()
    title = (attrs.get("title") or "").strip()
    texts = {"alt": label or title, "title": title if label else ""}
    return _make_image(url, source_attr, largest, base_url, texts, width, height, in_noscript)


# -- where an image is drawn ---------------------------------------------------------------------

_FIGURE_NOTE_CLASS = re.compile("|".join(map(re.escape, FIGURE_NOTE_CLASS_WORDS)), re.IGNORECASE)
# Never a picture's block: the page itself, a control, an inline drawing.
_NOT_PICTURE_BLOCK_TAGS = frozenset({"html", "body", "head", "button", "svg", "input", "select", "textarea"})
# Content that makes a block more than a picture: a heading, an image of its own, text blocks.
_BLOCK_CONTENT_TAGS = (
    *IMAGE_ELEMENT_TAGS, *HEADING_TAGS, "p", "ul", "ol", "table", "iframe", "video", "form", "blockquote"
)  # fmt: skip
# Text a picture's block may print over the picture besides its caption ("1 / 6", "Sponsored").
_MAX_OVERLAY_TEXT = 40
# Ancestors that bound the look for a larger photo beside a small image.
_BOX_LIMIT_TAGS = frozenset({"html", "body", "main", "article"})


def _is_small(width: int | None, height: int | None) -> bool:
    if width is not None and height is not None:
        return width * height <= SMALL_IMAGE_SIDE * SMALL_IMAGE_SIDE
    side = width if width is not None else height
    return side is not None and side <= SMALL_IMAGE_SIDE


def _control_of(element: HtmlElement) -> HtmlElement | None:
    """The link or button an image is drawn on: the nearest <a> or <button> among its
    ``_CONTROL_DEPTH`` nearest ancestors."""
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= _CONTROL_DEPTH:
            break
        if tag_of(ancestor) in {"a", "button"}:
            return ancestor
    return None


def _is_share_link(href: str) -> bool:
    """A link to a network's share or save endpoint ("pinterest.com/pin/create/button/?media=..",
    "facebook.com/sharer/sharer.php?u=..", "twitter.com/intent/tweet?url=..") or to a share
    service (AddThis, ShareThis, AddToAny)."""
    host, path, _ = _url_parts(href.strip())
    labels = host.split(".")[:-1]
    if any(label in SHARE_SERVICE_HOSTS for label in labels):
        return True
    if not any(label in SHARE_HOST_NAMES for label in labels):
        return False
    return any(segment in SHARE_PATH_WORDS for segment in path.lower().split("/"))


def _names_image(href: str, image_url: str) -> bool:
    """The link names the image's own file ("..?media=https%3A%2F%2F..%2Flavender.jpg"): a
    "Pin it" link wrapped around the photo itself."""
    name = _url_parts(image_url)[1].rsplit("/", 1)[-1]
    return len(name) > 4 and name in unquote(unquote(href))


def _beside_larger_photo(element: HtmlElement, image_url: str, base_url: str) -> bool:
    """Another image declared at a photo's size (a side of ``_PHOTO_MIN_SIDE`` or more, and not
    small) in the same small box: a parent up to ``_CONTROL_DEPTH`` levels up that holds no
    heading (so never a neighbouring item's photo)."""
    own = set(element.iter())
    node = element
    for _ in range(_CONTROL_DEPTH):
        parent = node.getparent()
        if parent is None or tag_of(parent) in _BOX_LIMIT_TAGS:
            return False
        if any(True for _ in parent.iter(*HEADING_TAGS)):
            return False
        for other in parent.iter("img", "amp-img"):
            if other in own:
                continue
            attrs = _attrs(other)
            width, height = _declared_size(attrs)
            if _is_small(width, height) or max(width or 0, height or 0) < _PHOTO_MIN_SIDE:
                continue
            found = _image_from_img(attrs, base_url, False)
            if found is not None and found.url != image_url:
                return True
        node = parent
    return False


def _is_control_image(element: HtmlElement, image: Image, base_url: str) -> bool:
    """An image drawn as a control's face: inside a <button> or a link styled as one, or a link to
    a share or save endpoint (unless the link shares this very image); or declared small
    (``SMALL_IMAGE_SIDE``) inside a link with its own text ("<img amazon-logo.png> Buy on Amazon")
    or beside a larger photo. An image declared at a photo's size is never one."""
    if _drawn_as_photo(image.width, image.height):
        return False
    control = _control_of(element)
    if control is not None:
        classes = _tokens(control.get("class") or "")
        if tag_of(control) == "button" or not BUTTON_CLASS_WORDS.isdisjoint(classes):
            return True
        href = control.get("href") or ""
        if href and _is_share_link(href) and not _names_image(href, image.url):
            return True
    if not _is_small(image.width, image.height):
        return False
    if control is not None and tag_of(control) == "a" and text_of(control):
        return True
    return _beside_larger_photo(element, image.url, base_url)


def _noscript_copy(element: HtmlElement, base_url: str) -> Image | None:
    """The first image of a <noscript> printed right beside the element, or beside its wrapper
    when the element is the wrapper's only child (``<a><img></a><noscript>``)."""
    node = element
    for _ in range(2):
        for sibling in (node.getnext(), node.getprevious()):
            if sibling is not None and tag_of(sibling) == "noscript":
                copies = images_in(sibling, base_url, in_noscript=True)
                if copies:
                    return copies[0]
        parent = node.getparent()
        if parent is None or len(parent) != 1 or tag_of(parent) in _BOX_LIMIT_TAGS:
            break
        node = parent
    return None


def _stands_in_for(image: Image, copy: Image) -> bool:
    """The image is the script's stand-in for its <noscript> copy: another URL, named by the plain
    ``src`` (the lazy loader swaps it for the copy's) or declared smaller than the copy."""
    if copy.url == image.url:
        return False
    pairs = [(image.width, copy.width), (image.height, copy.height)]
    if any(mine is not None and theirs is not None and theirs < mine for mine, theirs in pairs):
        return False  # the copy is the smaller one
    smaller = any(mine is not None and theirs is not None and mine < theirs for mine, theirs in pairs)
    return (
        image.source_attr == "src"
        or smaller
        or (_is_small(image.width, image.height) and not _is_small(copy.width, copy.height))
    )


def _has_background(element: HtmlElement) -> bool:
    if any(element.get(name) for name in _BACKGROUND_ATTRS):
        return True
    style = element.get("style") or ""
    return "url(" in style.lower() and background_image_url(style) is not None


def _is_figure_note(element: HtmlElement | None) -> bool:
    """A figcaption or a caption/credit box ("imageCaption", "style-card__credit")."""
    if element is None:
        return False
    tag = tag_of(element)
    if tag == "figcaption":
        return True
    return tag in {"p", "div", "span", "small", "cite"} and bool(
        _FIGURE_NOTE_CLASS.search(element.get("class") or "")
    )


def is_background_block(element: HtmlElement) -> bool:
    """A block without ``role="img"`` drawn with a CSS background image (an inline style, or a
    lazy loader's ``data-bg``) that stands where a figure would: a <figure>, a photo-like class
    word ("bg-image", "item-media", "hero", "post-thumb"; ``PHOTO_CLASS_WORDS``), or a caption or
    credit box as its child or right after it. It holds no other content: no heading, no image of
    its own, no text blocks, at most ``_MAX_OVERLAY_TEXT`` characters besides its captions (a hero
    banner with a headline printed over its background is not a photo). Its caption or credit box
    is read as a figure's: a walker reads the block's image and then its children."""
    tag = tag_of(element)
    if not tag or tag in IMAGE_ELEMENT_TAGS or tag in _NOT_PICTURE_BLOCK_TAGS:
        return False
    if (element.get("role") or "").strip().lower() == "img" or not _has_background(element):
        return False
    notes = [child for child in element if _is_figure_note(child)]
    for child in element:
        if child not in notes and any(True for _ in child.iter(*_BLOCK_CONTENT_TAGS)):
            return False
    if len(text_of(element)) - sum(len(text_of(note)) for note in notes) > _MAX_OVERLAY_TEXT:
        return False
    return (
        tag == "figure"
        or not PHOTO_CLASS_WORDS.isdisjoint(_tokens(element.get("class") or ""))
        or bool(notes)
        or _is_figure_note(element.getnext())
    )


def image_from_element(element: HtmlElement, base_url: str, in_noscript: bool = False) -> Image | None:
    """The one image an element shows, or None: an <img>, an <amp-img> (or its fallback), a
    <picture> (best <source> or its <img>), a ``role="img"`` element drawn with a CSS background,
    or a background block (``is_background_block``). An image drawn on a control, or standing in
    for its <noscript> copy, is None (see the module's notes).

    item_content calls it for every element ``is_image_element`` accepts, and skips the element's
    subtree when it returns an image (or when the element is in ``IMAGE_ELEMENT_TAGS``)."""
    tag = tag_of(element)
    if tag in IMAGE_ELEMENT_TAGS:
        if tag == "picture":
            image = _image_from_picture(element, base_url, in_noscript)
        elif tag == "img":
            image = image_from_attributes(_attrs(element), base_url, in_noscript=in_noscript)
        else:
            image = _image_from_amp(element, base_url, in_noscript)
        if image is None:
            return None
        if not in_noscript:
            copy = _noscript_copy(element, base_url)
            if copy is not None and _stands_in_for(image, copy):
                return None  # the copy, read next, is the image
        return None if _is_control_image(element, image, base_url) else image
    if (element.get("role") or "").strip().lower() == "img" or is_background_block(element):
        return _image_from_background(element, base_url, in_noscript)
    return None


def is_image_element(element: HtmlElement) -> bool:
    """An element ``image_from_element`` reads: an image tag, a ``role="img"`` element or a
    background block."""
    return (
        tag_of(element) in IMAGE_ELEMENT_TAGS
        or (element.get("role") or "").strip().lower() == "img"
        or is_background_block(element)
    )


def images_in(root: HtmlElement, base_url: str, in_noscript: bool = False) -> list[Image]:
    """Every image under ``root`` (itself included) in document order, each element read once:
    a <picture>'s <img> is not read again, a noscript copy is marked ``in_noscript``."""
    images: list[Image] = []
    depth = 1 if in_noscript else 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = tag_of(element)
        if tag == "noscript":
            depth += 1 if event == "start" else -1
            continue
        if event == "end" or not tag:
            continue
        if is_image_element(element):
            image = image_from_element(element, base_url, depth > 0)
            if image is not None:
                images.append(image)
            if image is not None or tag in IMAGE_ELEMENT_TAGS:
                walker.skip_subtree()
    return images


def is_photo_figure(element: HtmlElement, base_url: str) -> bool:
    """A <figure> holding a photo is content whatever its class says ("fig--has-share",
    "social-photo", "shared-gallery"): share bars, ads and follow boxes are not drawn as a
    figure of a photo. item_content asks this before treating a figure as furniture."""
    return tag_of(element) == "figure" and bool(images_in(element, base_url))
