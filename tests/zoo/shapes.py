"""The zoo's shapes: one small function per page template, each returning the HTML of an article's
pages together with the truth the generator knows (items, numbers, headings, next pages).

Every case draws its variations from ``random.Random("zoo/SHAPE/VARIANT")``: class names,
wrapper depth, number separators, lazy-image markup and the noise mixed in (ads between items, a
table of contents, "Most read — Top 5" boxes, a newsletter box, numbered comments, an author
box, inline "Related" links, a ``<link rel=next>`` to the next *post*). The truth is written here,
from the same values that went into the HTML, never read back from the extractor.

Each item's fields (its photos, their credits, its text, its embeds) are recorded as the item is
printed: ``Maker.begin_item`` opens an item, ``img``, ``figure``, ``credit`` and ``paras`` record
what they print into it, other text and media are noted with ``note_*``, and ``Maker.page`` gives
the records to the page's items in order. The hero image, the intro and outro, ads and related
boxes are printed outside any item, so they are nobody's.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any

from tests.zoo import words as w
from tests.zoo.truth import CAPTION_START, MORE, Case, ItemTruth, PageTruth

GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
NOISE = (
    "lazy",
    "ads",
    "toc",
    "most-read",
    "newsletter",
    "comments",
    "author-box",
    "related",
    "rel-next-post",
)
LAZY_MODES = ("data-src", "data-lazy-src", "srcset", "noscript", "picture")

CHROME: dict[str, dict[str, str]] = {
    "en": {
        "nav": "News|Travel|Food|Tech|Culture|Photos|Video|Newsletter",
        "by": "By",
        "ad": "Advertisement",
        "ad_more": "Story continues below advertisement",
        "most_read": "Most read — Top 5 stories",
        "trending": "Trending now",
        "newsletter": "Get our 5 best reads every Sunday",
        "newsletter_p": "One email a week, hand-picked by our editors. Unsubscribe any time.",
        "signup": "Sign up",
        "related": "Related",
        "next": "Next page",
        "prev": "Previous page",
        "comments": "Comments",
        "about": "About the author",
        "toc": "Contents",
        "footer": "About us|Contact|Privacy policy|Terms of use|Advertise|Careers|Cookie settings",
        "rights": "All rights reserved.",
        "writes": "writes about travel, food and the places in between. Before joining us, they spent",
        "tags": "Tags",
    },
    "de": {
        "nav": "Aktuelles|Reisen|Essen|Technik|Kultur|Fotos|Videos|Newsletter",
        "by": "Von",
        "ad": "Anzeige",
        "ad_more": "Weiterlesen nach der Anzeige",
        "most_read": "Meistgelesen — Top 5",
        "trending": "Beliebt",
        "newsletter": "Die 5 besten Geschichten jeden Sonntag",
        "newsletter_p": "Einmal pro Woche, von der Redaktion ausgewählt. Jederzeit abbestellbar.",
        "signup": "Anmelden",
        "related": "Mehr zum Thema",
        "next": "Nächste Seite",
        "prev": "Vorherige Seite",
        "comments": "Kommentare",
        "about": "Über die Autorin",
        "toc": "Inhalt",
        "footer": "Über uns|Kontakt|Datenschutz|Impressum|Werbung|Jobs|Cookie-Einstellungen",
        "rights": "Alle Rechte vorbehalten.",
        "writes": "schreibt über Reisen, Wandern und gutes Essen. Vorher arbeitete sie",
        "tags": "Schlagworte",
    },
    "ja": {
        "nav": "ニュース|旅行|グルメ|テクノロジー|カルチャー|写真|動画|メルマガ",
        "by": "文：",
        "ad": "広告",
        "ad_more": "記事は広告の後に続きます",
        "most_read": "人気記事ランキング TOP5",
        "trending": "注目の記事",
        "newsletter": "毎週日曜日におすすめ記事を5本お届け",
        "newsletter_p": "編集部が選んだ記事を週に一度お届けします。いつでも解除できます。",
        "signup": "登録する",
        "related": "関連記事",
        "next": "次のページ",
        "prev": "前のページ",
        "comments": "コメント",
        "about": "この記事を書いた人",
        "toc": "目次",
        "footer": "会社概要|お問い合わせ|プライバシーポリシー|利用規約|広告掲載|採用情報",
        "rights": "無断転載を禁じます。",
        "writes": "京都在住のライター。旅と食をテーマに",
        "tags": "タグ",
    },
}
SITES = {
    "en": [
        "The Daily Wander",
        "Pocket Culture",
        "Gadget Bureau",
        "Lens & Lantern",
        "Field Notes Weekly",
        "Roamly",
    ],
    "de": ["Reisezeit", "Wanderlust Magazin", "Schwarzwald Aktuell", "Bergfreunde Journal"],
    "ja": ["旅ナビ", "京都さんぽ", "ことりっぷ通信"],
}
# Class names real templates use, one drawn per case for each part of the page.
HEADER_CLASSES = ["site-header", "masthead", "global-header", "c-header", "hdr"]
BODY_CLASSES = [
    "entry-content",
    "article-body",
    "post__content",
    "c-article__body",
    "story-text",
    "rich-text",
]
ITEM_CLASSES = ["listicle-item", "list-item", "post-item", "card", "gallery-item", "entry-block"]
WRAPPER_CLASSES = ["container", "row", "col-md-8", "content-inner", "wrap", "l-main", "post-wrapper"]
SIDEBAR_CLASSES = ["sidebar", "widget-area", "c-rail", "aside-col", "secondary"]
HEADING_CLASSES = ["", "item-title", "wp-block-heading", "title", "c-heading", "subhead"]


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_GERMAN)).strip("-")
    return slug[:60].rstrip("-") or "article"


def roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def circled(number: int) -> str:
    assert 1 <= number <= 20
    return chr(0x245F + number)


def fullwidth(number: int) -> str:
    return "".join(chr(0xFF10 + int(d)) for d in str(number))


_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


@dataclass
class _Photo:
    url: str
    largest: str | None
    credit: str | None = None


@dataclass
class _ItemRecord:
    """An item's fields as the generator prints them (see ``ItemTruth``), recorded between
    ``Maker.begin_item`` and ``Maker.end_item``."""

    heading: str | None
    photos: list[_Photo] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    embeds: list[tuple[str, str]] = field(default_factory=list)
    not_caption: list[str] = field(default_factory=list)
    credit_before: list[str] = field(default_factory=list)  # printed before its photo

    def credit(self, text: str) -> None:
        """A credit belongs to the last photo printed without one, or to the next photo when
        it is printed before it."""
        if self.photos and self.photos[-1].credit is None:
            self.photos[-1].credit = text
        else:
            self.credit_before.append(text)

    def photo(self, url: str, largest: str | None) -> None:
        self.photos.append(_Photo(url, largest, self.credit_before.pop(0) if self.credit_before else None))

    def fields(self) -> dict[str, Any]:
        assert not self.credit_before, f"a credit without a photo in {self.heading!r}"
        text = _SPACE.sub(" ", " ".join(self.texts)).strip()
        credits = [p.credit for p in self.photos]
        # The truth's promise: the text holds neither the heading nor a credit line, so the score
        # may fail a caption that repeats them anywhere.
        for other in [self.heading, *credits, *self.not_caption]:
            assert not other or _squash(other) not in _squash(text), (other, text)
        start = text if len(text) <= CAPTION_START else text[:CAPTION_START].rstrip() + MORE
        return {
            "image_urls": tuple(p.url for p in self.photos),
            "largest_urls": tuple(p.largest for p in self.photos),
            "image_credits": tuple(credits),
            "caption_start": start or None,
            "credit": next((c for c in credits if c), None),
            "embeds": tuple(self.embeds),
            "not_caption": tuple(self.not_caption),
        }


@dataclass(frozen=True)
class Skin:
    site: str
    header: str
    body: str
    item: str
    sidebar: str
    heading: str
    wrappers: tuple[str, ...]
    title_sep: str


class Maker:
    """Draws everything one case varies (from its own seeded RNG) and renders its pages."""

    def __init__(self, shape: str, variant: str, base: str, seed: str = "") -> None:
        self.shape, self.variant, self.base = shape, variant, base
        parts = variant.split("-")
        self.lang = "de" if "de" in parts else "ja" if "ja" in parts else "en"
        self.rng = rng = random.Random(f"zoo{seed}/{shape}/{variant}")
        self.chrome = CHROME[self.lang]
        self.skin = Skin(
            site=rng.choice(SITES[self.lang]),
            header=rng.choice(HEADER_CLASSES),
            body=rng.choice(BODY_CLASSES),
            item=rng.choice(ITEM_CLASSES),
            sidebar=rng.choice(SIDEBAR_CLASSES),
            heading=rng.choice(HEADING_CLASSES),
            wrappers=tuple(rng.sample(WRAPPER_CLASSES, rng.randint(0, 3))),
            title_sep=rng.choice([" | ", " – ", " - ", " :: "]),
        )
        if "clean" in parts:
            self.noise: set[str] = set()
        else:
            self.noise = set(rng.sample(NOISE, rng.randint(1, 4)))
        self.image_mode = rng.choice(LAZY_MODES) if "lazy" in self.noise else "src"
        self.used: set[str] = set()  # the noise that went into a page (for the notes)
        self.section = ""  # the URL's section, set by path()
        self.related_boxed = rng.random() < 0.5
        # Drawn for the shapes that leave them open: the item heading's tag, the item wrappers.
        self.htag = rng.choice(["h2", "h2", "h3", "h4"])
        self.item_depth = rng.choice([0, 0, 1, 2])
        self.author = w.person(rng)
        self.case_id = (
            int(hashlib.sha1(f"{shape}/{variant}".encode()).hexdigest()[:8], 16) % 9_000_000 + 1_000_000
        )
        self.media = f"/media/{shape}-{variant}"
        self.published = (
            f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f"T{rng.randint(6, 20):02d}:{rng.choice(['00', '15', '30', '45'])}:00+00:00"
        )
        self.credit_form = {
            "en": rng.choice(["Photo: {}", "Image Source: {}", "Credit: {}"]),
            "de": "Foto: {}",
            "ja": "写真：{}",
        }[self.lang]
        # The fields of the item being printed, and those printed but not yet given to a page.
        self.item: _ItemRecord | None = None
        self.recorded: list[_ItemRecord] = []

    # -- the truth of an item's fields -------------------------------------------------------------
    def begin_item(self, heading: str | None) -> None:
        """From here to ``end_item`` the item's photos, credits, text and embeds are recorded as
        they are printed (``img``, ``figure``, ``credit``, ``paras`` record themselves; other
        text and media are noted with ``note_*``). ``page`` gives them to the page's items."""
        assert self.item is None, "items do not nest"
        self.item = _ItemRecord(heading)

    def end_item(self) -> None:
        assert self.item is not None
        self.recorded.append(self.item)
        self.item = None

    def note_text(self, text: str) -> str:
        if self.item is not None:
            self.item.texts.append(text)
        return text

    def note_image(self, url: str, largest: str | None = None) -> None:
        """A photo of the item: root-relative paths are made absolute on the case's base."""
        if self.item is not None:
            self.item.photo(self.absolute(url), self.absolute(largest) if largest else None)

    def note_credit(self, text: str) -> str:
        if self.item is not None:
            self.item.credit(text)
        return text

    def note_embed(self, kind: str, url: str) -> None:
        if self.item is not None:
            self.item.embeds.append((kind, url.split("?")[0]))

    def note_not_caption(self, text: str) -> str:
        """Text printed in the item that is not its text (an embed's own words)."""
        if self.item is not None:
            self.item.not_caption.append(text)
        return text

    def absolute(self, url: str) -> str:
        return self.base + url if url.startswith("/") else url

    # -- text --------------------------------------------------------------------------------------
    def text(self, sentences: int) -> str:
        joiner = "" if self.lang == "ja" else " "
        return joiner.join(w.unique(self.rng, lambda rng: w.sentence_in(rng, self.lang), sentences))

    def other_text(self, than: str) -> str:
        """A sentence that is not ``than`` (an embed's words beside the item's own)."""
        text = self.text(1)
        while text in than or than in text:
            text = self.text(1)
        return text

    def paras(self, count: int | None = None) -> str:
        """Paragraphs of text (the item's text when an item is being printed)."""
        count = self.rng.randint(1, 3) if count is None else count
        return "".join(
            f"<p>{escape(self.note_text(self.text(self.rng.randint(2, 4))))}</p>" for _ in range(count)
        )

    def headings(
        self, count: int, topic: str = "travel", make: Callable[[random.Random], str] | None = None
    ) -> list[str]:
        maker = make or (lambda rng: w.heading_in(rng, self.lang, topic))
        return w.unique(self.rng, maker, count)

    def pick(self, options: Sequence[str], count: int) -> list[str]:
        return self.rng.sample(list(options), count)

    def credit_name(self) -> str:
        return self.rng.choice(w.AGENCIES) if self.rng.random() < 0.4 else w.person(self.rng)

    def credit(self) -> str:
        """A credit line in the case's form (the credit of the item's photo when printing one)."""
        return self.note_credit(self.credit_form.format(self.credit_name()))

    def title_for(self, topic: str, count: int | None) -> str:
        region = self.rng.choice(w.REGIONS)
        if count is None:
            return self.rng.choice(w.TOPIC_TITLES_UNCOUNTED[topic]).format(region=region)
        template = self.rng.choice(w.TOPIC_TITLES[topic])
        # Some English titles spell the count out ("Twelve Hidden Places ...").
        spelled = self.lang == "en" and count in w.SPELLED and self.rng.random() < 0.25
        return template.format(n=w.SPELLED[count] if spelled else count, region=region)

    # -- media -------------------------------------------------------------------------------------
    def img(self, number: int, alt: str, mode: str | None = None, src: str | None = None) -> str:
        """The item's photo ``number`` (or the file ``src``) in the case's lazy-load form."""
        mode = mode or self.image_mode
        src = src or f"{self.media}/{number:02d}.jpg"
        alt = escape(alt)
        size = 'width="800" height="533"'
        if mode != "src":
            self.used.add(f"img:{mode}")
        stem = src[:-4]
        if mode == "srcset":
            self.note_image(f"{stem}-800.jpg", f"{stem}-1600.jpg")
        else:
            self.note_image(src)  # picture: the <img>'s src (its webp <source> is no larger)
        if mode == "src":
            return f'<img src="{src}" alt="{alt}" {size}>'
        if mode == "data-src":
            return f'<img class="lazyload" src="{GIF}" data-src="{src}" alt="{alt}" {size}>'
        if mode == "data-lazy-src":
            return f'<img src="{GIF}" data-lazy-src="{src}" alt="{alt}" {size} class="lazy">'
        if mode == "srcset":
            return (
                f'<img src="{stem}-800.jpg" srcset="{stem}-400.jpg 400w, {stem}-800.jpg 800w, '
                f'{stem}-1600.jpg 1600w" sizes="(max-width: 800px) 100vw, 800px" alt="{alt}" {size}>'
            )
        if mode == "noscript":
            return (
                f'<img class="js-lazy" data-original="{src}" alt="{alt}" {size}>'
                f'<noscript><img src="{src}" alt="{alt}" {size}></noscript>'
            )
        if mode == "picture":
            return (
                f'<picture><source type="image/webp" srcset="{stem}.webp">'
                f'<img src="{src}" alt="{alt}" loading="lazy" {size}></picture>'
            )
        raise ValueError(mode)

    def figure(self, number: int, alt: str, style: str | None = None) -> str:
        """An item's picture with its credit line, in one of the forms sites print."""
        style = style or self.rng.choice(["figcaption", "credit-p", "p-img", "div"])
        image, credit = self.img(number, alt), escape(self.credit())
        if style == "figcaption":
            return (
                f'<figure class="wp-block-image size-large">{image}<figcaption>{credit}</figcaption></figure>'
            )
        if style == "credit-p":
            return f'<figure>{image}</figure><p class="credit"><small>{credit}</small></p>'
        if style == "p-img":
            return f"<p>{image}</p><p>{credit}</p>"
        return f'<div class="media">{image}<span class="image-credit">{credit}</span></div>'

    # -- noise -------------------------------------------------------------------------------------
    def between(self, index: int, total: int) -> str:
        """What sits after item ``index`` (0-based) of ``total``: ads, an inline related link."""
        out = ""
        if "ads" in self.noise and index % 3 == 2 and index < total - 1:
            self.used.add("ads")
            out += (
                f'<div class="ad ad-inarticle" data-slot="mid-{index}"><span class="ad-label">'
                f'{self.chrome["ad"]}</span><div id="div-gpt-ad-{self.case_id}-{index}"></div>'
                f'<p class="ad-note">{self.chrome["ad_more"]}</p></div>'
            )
        if "related" in self.noise and index == total // 2 - 1:
            self.used.add("related")
            out += self.related_box() if self.related_boxed else self.related_inline()
        return out

    def related_inline(self) -> str:
        title = self.teaser_title()
        return (
            f'<p class="related-inline"><strong>{self.chrome["related"]}:</strong> '
            f'<a href="{self.teaser_href(title)}">{escape(title)}</a></p>'
        )

    def related_box(self) -> str:
        """A boxed list of numbered links to other posts, in the middle of the article."""
        titles = [self.teaser_title() for _ in range(self.rng.randint(3, 5))]
        rows = "".join(
            f'<li><a href="{self.teaser_href(t)}">{n}. {escape(t)}</a></li>'
            for n, t in enumerate(titles, start=1)
        )
        return (
            f'<aside class="related-posts"><h3 class="related-posts__title">{self.chrome["related"]}</h3>'
            f"<ul>{rows}</ul></aside>"
        )

    def item_wrap(self, html: str, number: int) -> str:
        """An item inside the case's item wrappers (none, or one to two nested divs)."""
        for depth in range(self.item_depth, 0, -1):
            suffix = "" if depth == 1 else "__outer"
            ident = f' id="{self.skin.item}-{number}"' if depth == self.item_depth else ""
            html = f'<div class="{self.skin.item}{suffix}"{ident}>{html}</div>'
        return html

    def toc(self, entries: Sequence[tuple[str, str]]) -> str:
        """A table of contents linking to the items (only when the case draws it)."""
        if "toc" not in self.noise:
            return ""
        self.used.add("toc")
        numbered = self.rng.random() < 0.5
        rows = "".join(
            f'<li><a href="#{anchor}">{f"{n}. " if numbered else ""}{escape(label)}</a></li>'
            for n, (anchor, label) in enumerate(entries, start=1)
        )
        tag = "ul" if numbered else "ol"
        return (
            f'<div class="toc" id="toc"><p class="toc-title"><strong>{self.chrome["toc"]}</strong></p>'
            f"<{tag}>{rows}</{tag}></div>"
        )

    def teaser_title(self) -> str:
        topic = self.rng.choice(sorted(w.TOPIC_TITLES))
        if self.lang == "de":
            return self.rng.choice(
                [
                    f"Die {self.rng.randint(5, 15)} schönsten Seen in Bayern",
                    "So gelingt der perfekte Hefezopf",
                    "Neue Bahnstrecke: Was Pendler jetzt wissen müssen",
                    f"{self.rng.randint(5, 12)} Tipps für den Herbsturlaub",
                ]
            )
        if self.lang == "ja":
            return self.rng.choice(
                [
                    f"大阪の人気カフェ{self.rng.randint(5, 15)}選",
                    "秋の京都を歩く",
                    "新しい展望台がオープン",
                    f"温泉宿ランキングTOP{self.rng.randint(5, 10)}",
                ]
            )
        return self.title_for(topic, self.rng.randint(5, 30))

    def teaser_href(self, title: str) -> str:
        return f"/{slugify(title)}-{self.rng.randint(100000, 999999)}/"

    def sidebar(self) -> str:
        teasers = [self.teaser_title() for _ in range(5)]
        if "most-read" in self.noise:
            self.used.add("most-read")
            style = self.rng.choice(["span", "text", "ol"])
            rows = []
            for n, title in enumerate(teasers, start=1):
                link = f'<a href="{self.teaser_href(title)}">{escape(title)}</a>'
                if style == "span":
                    rows.append(f'<li><span class="rank">{n}</span>{link}</li>')
                elif style == "text":
                    rows.append(f'<li><a href="{self.teaser_href(title)}">{n}. {escape(title)}</a></li>')
                else:
                    rows.append(f"<li>{link}</li>")
            tag = "ol" if style == "ol" else "ul"
            box = (
                f'<section class="widget most-read"><h3 class="widget-title">{self.chrome["most_read"]}</h3>'
                f"<{tag}>{''.join(rows)}</{tag}></section>"
            )
        else:
            rows = [f'<li><a href="{self.teaser_href(t)}">{escape(t)}</a></li>' for t in teasers[:4]]
            box = (
                f'<section class="widget trending"><h3 class="widget-title">{self.chrome["trending"]}</h3>'
                f"<ul>{''.join(rows)}</ul></section>"
            )
        if "newsletter" in self.noise:
            self.used.add("newsletter")
            box += (
                f'<div class="newsletter-box"><h3>{self.chrome["newsletter"]}</h3>'
                f"<p>{self.chrome['newsletter_p']}</p>"
                f'<form action="/newsletter/subscribe" method="post"><input type="email" name="email" '
                f'placeholder="you@example.com"><button type="submit">{self.chrome["signup"]}</button>'
                "</form></div>"
            )
        box += (
            f'<div class="ad ad-rail"><span class="ad-label">{self.chrome["ad"]}</span>'
            f'<div id="rail-{self.case_id}"></div></div>'
        )
        return f'<aside class="{self.skin.sidebar}" role="complementary">{box}</aside>'

    def author_box(self) -> str:
        if "author-box" not in self.noise:
            return ""
        self.used.add("author-box")
        return (
            f'<div class="author-box"><img src="/media/authors/{slugify(self.author)}.jpg" '
            f'alt="{escape(self.author)}" width="96" height="96"><h4>{self.chrome["about"]}</h4>'
            f'<p><a href="/author/{slugify(self.author)}/">{escape(self.author)}</a> {self.chrome["writes"]} '
            f"{self.rng.randint(3, 12)} years at a regional paper.</p></div>"
        )

    def comments(self) -> str:
        if "comments" not in self.noise:
            return ""
        self.used.add("comments")
        picks = (
            self.headings(3, "travel")
            if self.lang == "en"
            else [w.heading_in(self.rng, self.lang, "travel") for _ in range(3)]
        )
        numbered = "".join(f"<p>{n}. {escape(text)}</p>" for n, text in enumerate(picks, start=1))
        people = [w.person(self.rng) for _ in range(3)]
        return (
            '<section id="comments" class="comments-area">'
            f'<h3 class="comments-title">{self.rng.randint(4, 60)} '
            f'{self.chrome["comments"]}</h3><ol class="comment-list">'
            f'<li class="comment"><div class="comment-author vcard"><b class="fn">{people[0]}</b></div>'
            f'<div class="comment-content"><p>{escape(self.text(2))}</p></div></li>'
            f'<li class="comment"><div class="comment-author vcard"><b class="fn">{people[1]}</b></div>'
            f'<div class="comment-content"><p>My own top three:</p>{numbered}</div></li>'
            f'<li class="comment"><div class="comment-author vcard"><b class="fn">{people[2]}</b></div>'
            f'<div class="comment-content"><p>{escape(self.text(1))}</p></div></li></ol></section>'
        )

    # -- pages -------------------------------------------------------------------------------------
    def path(self, title: str, section: str = "", suffix: str = "/") -> str:
        section = section or self.rng.choice(["travel", "culture", "lifestyle", "photos", "food", "tech"])
        self.section = section
        return f"/{section}/{slugify(title)}-{self.case_id}{suffix}"

    def wrap(self, inner: str) -> str:
        for name in self.skin.wrappers:
            inner = f'<div class="{name}">{inner}</div>'
        return inner

    def render(
        self,
        path: str,
        title: str,
        body: str,
        *,
        h1: str | None = None,
        head_extra: str = "",
        after_body: str = "",
        html_attrs: str = "",
        scripts: str = "",
        section: str | None = None,
        charset: str = "utf-8",
        byline: bool = True,
    ) -> str:
        """A whole page: doctype, head (title, og:, canonical, dates), header nav, the article,
        sidebar, footer."""
        site, chrome = self.skin.site, self.chrome
        url = self.base + path
        description = escape(self.text(1))
        nav_items = chrome["nav"].split("|")
        nav = "".join(
            f'<li><a href="/{slugify(x) or "s" + str(i)}/">{escape(x)}</a></li>'
            for i, x in enumerate(nav_items)
        )
        footer_links = " ".join(
            f'<a href="/{slugify(x) or "p" + str(i)}/">{escape(x)}</a>'
            for i, x in enumerate(chrome["footer"].split("|"))
        )
        if "rel-next-post" in self.noise and 'rel="next"' not in head_extra:
            self.used.add("rel-next-post")
            other = self.teaser_title()
            head_extra += (
                f'<link rel="next" href="{self.base}{self.teaser_href(other)}" title="{escape(other)}">'
            )
        date = self.published[:10]
        kicker = section or (self.section.replace("-", " ").capitalize() if self.section else nav_items[1])
        tags = ", ".join(
            f'<a href="/tag/{slugify(t) or "t" + str(i)}/" rel="tag">{escape(t)}</a>'
            for i, t in enumerate(self.pick(nav_items[1:6], 3))
        )
        article = (
            f'<article class="post type-post status-publish hentry" id="post-{self.case_id}">'
            '<header class="entry-header">'
            f'<p class="kicker"><a href="/{slugify(kicker) or "k"}/">{escape(kicker)}</a></p>'
            f'<h1 class="entry-title">{escape(h1 or title)}</h1>'
            + (
                f'<p class="byline">{chrome["by"]} <a href="/author/{slugify(self.author)}/" rel="author">'
                f'{escape(self.author)}</a> · <time datetime="{self.published}">{date}</time></p>'
                if byline
                else ""
            )
            + "</header>"
            f'<div class="{self.skin.body}">{body}</div>{after_body}'
            f"{self.author_box()}"
            f'<footer class="entry-footer"><span class="tags-links">{chrome["tags"]}: {tags}</span></footer>'
            f"</article>"
        )
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}"{html_attrs}>\n<head>\n<meta charset="{charset}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}{self.skin.title_sep}{escape(site)}</title>\n"
            f'<meta name="description" content="{description}">\n'
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{escape(title)}">\n'
            f'<meta property="og:url" content="{url}">\n'
            f'<meta property="og:site_name" content="{escape(site)}">\n'
            f'<meta property="article:published_time" content="{self.published}">\n'
            f'<meta name="author" content="{escape(self.author)}">\n<link rel="canonical" href="{url}">\n'
            f'{head_extra}\n<link rel="stylesheet" href="/assets/site.css">\n'
            "<script>window.dataLayer = window.dataLayer || [];"
            " dataLayer.push({'pageType': 'article'});</script>\n"
            f'</head>\n<body class="single single-post postid-{self.case_id}">\n'
            f'<header class="{self.skin.header}"><a class="logo" href="/">{escape(site)}</a>'
            f'<nav class="main-nav" aria-label="Main"><ul>{nav}</ul></nav>'
            f'<form class="search" action="/search"><input type="search" name="q"></form></header>\n'
            '<div class="site-content"><main id="main" class="site-main">'
            f"{self.wrap(article)}{self.comments()}</main>"
            f"{self.sidebar()}</div>\n"
            f'<footer class="site-footer"><nav class="footer-nav">{footer_links}</nav>'
            f"<p>© {self.published[:4]} {escape(site)}. {chrome['rights']}</p></footer>\n"
            f'{scripts}<script src="/assets/app.js" defer></script>\n</body>\n</html>\n'
        )

    def page(
        self,
        path: str,
        html: str,
        items: Sequence[ItemTruth],
        declared: int | None,
        next_path: str | None = None,
        *,
        is_listicle: bool | None = None,
        encoding: str = "utf-8",
    ) -> PageTruth:
        content_type = "text/html; charset=utf-8" if encoding == "utf-8" else "text/html"
        if self.recorded and items:
            # The fields recorded while the page's items were printed, in order.
            assert len(self.recorded) >= len(items), (self.shape, self.variant)
            records, self.recorded = self.recorded[: len(items)], self.recorded[len(items) :]
            for item, record in zip(items, records, strict=True):
                assert item.heading == record.heading, (item.heading, record.heading)
            items = [replace(item, **record.fields()) for item, record in zip(items, records, strict=True)]
        return PageTruth(
            path=path,
            html=html.encode(encoding, "xmlcharrefreplace"),  # &#183; for what the charset lacks
            is_listicle=bool(items) if is_listicle is None else is_listicle,
            declared_count=declared,
            items=tuple(items),
            next_path=next_path,
            content_type=content_type,
        )

    def case(self, pages: Sequence[PageTruth], listicle: bool = True) -> Case:
        assert self.item is None and not self.recorded, f"fields recorded for no item: {self.shape}"
        return Case(self.shape, self.variant, listicle, tuple(pages), tuple(sorted(self.used)))

    def single(
        self, path: str, title: str, body: str, items: Sequence[ItemTruth], declared: int | None
    ) -> Case:
        """A one-page listicle."""
        return self.case([self.page(path, self.render(path, title, body), items, declared)])

    def intro(self) -> str:
        lead = f'<p class="lead">{escape(self.text(self.rng.randint(2, 3)))}</p>'
        return lead + self.paras(self.rng.randint(0, 2))


ShapeFunction = Callable[[Maker], Case]


@dataclass(frozen=True)
class Shape:
    name: str
    variants: tuple[str, ...]
    build: ShapeFunction
    listicle: bool


SHAPES: list[Shape] = []


def shape(name: str, *variants: str, listicle: bool = True) -> Callable[[ShapeFunction], ShapeFunction]:
    def register(function: ShapeFunction) -> ShapeFunction:
        SHAPES.append(Shape(name, variants, function, listicle))
        return function

    return register


def build_cases(base: str, seed: str = "") -> list[Case]:
    """Every case of every shape, for pages served under ``base`` (no trailing slash). ``seed``
    draws another zoo (same shapes and variants, other draws); the pinned zoo has none."""
    cases = []
    for entry in SHAPES:
        for variant in entry.variants:
            case = entry.build(Maker(entry.name, variant, base, seed))
            assert case.is_listicle == entry.listicle, case.key
            cases.append(case)
    return cases


def _h(tag: str, m: Maker, inner: str, cls: str | None = None) -> str:
    cls = m.skin.heading if cls is None else cls
    return f'<{tag} class="{cls}">{inner}</{tag}>' if cls else f"<{tag}>{inner}</{tag}>"


def listing(
    m: Maker, heads: Sequence[str | None], render_item: Callable[[int, str], str], *, toc: bool = True
) -> str:
    """Intro, table of contents (if drawn), the items with the noise between them, an outro."""
    total = len(heads)
    parts = [m.intro()]
    if toc:
        parts.append(m.toc([(f"item-{i + 1}", h or str(i + 1)) for i, h in enumerate(heads)]))
    for index, heading in enumerate(heads):
        m.begin_item(heading)
        parts.append(render_item(index, heading or ""))
        m.end_item()
        parts.append(m.between(index, total))
    parts.append(m.paras(1))
    return "".join(parts)


def _force_lazy(m: Maker) -> None:
    m.noise.add("lazy")
    m.image_mode = m.rng.choice(LAZY_MODES)


def _printed(numbers: Sequence[int], heads: Sequence[str | None]) -> list[ItemTruth]:
    return [ItemTruth(n, h) for n, h in zip(numbers, heads, strict=True)]


# -- 1. <h2>1. Heading</h2> + figure + paragraphs + credit --------------------------------------------------
@shape(
    "heading_figure",
    "clean-image-source",
    "h3-photo-figcaption",
    "wrapped-credit",
    "lazy-copyright",
    "de-foto",
)
def heading_figure(m: Maker) -> Case:
    v = m.variant
    topic = "history" if v == "clean-image-source" else m.rng.choice(["travel", "food", "history"])
    count = m.rng.randint(6, 12) if m.lang == "de" else m.rng.randint(8, 20)
    title = (
        f"Die {count} schönsten Wanderwege im Schwarzwald" if m.lang == "de" else m.title_for(topic, count)
    )
    heads = m.headings(count, topic)
    sep = ". " if v == "clean-image-source" else m.rng.choice([". ", ". ", ") ", " – "])
    m.credit_form = {
        "clean-image-source": "Image Source: {}",
        "h3-photo-figcaption": "Photo: {}",
        "wrapped-credit": "Credit: {}",
        "lazy-copyright": m.rng.choice(["(c) {}", "© {}"]),
        "de-foto": "Foto: {}",
    }[v]
    if v == "lazy-copyright":
        _force_lazy(m)
    cls = m.skin.item

    def item(i: int, h: str) -> str:
        n = i + 1
        label = escape(f"{n}{sep}{h}")
        if v == "clean-image-source":
            return f'<h2 id="item-{n}">{label}</h2><p>{m.img(n, h)}</p><p>{escape(m.credit())}</p>{m.paras()}'
        if v == "h3-photo-figcaption":
            return f"{_h('h3', m, label)}{m.figure(n, h, 'figcaption')}{m.paras()}"
        if v == "wrapped-credit":
            return (
                f'<div class="{cls}" id="item-{n}"><div class="{cls}__inner">'
                f'<h2 class="{cls}__title">{label}</h2>'
                f'{m.figure(n, h, "div")}<div class="{cls}__text">{m.paras()}</div></div></div>'
            )
        t = m.htag
        if v == "lazy-copyright":
            return m.item_wrap(f"<{t}><strong>{label}</strong></{t}>{m.figure(n, h)}{m.paras()}", n)
        return m.item_wrap(f"<{t}>{label}</{t}>{m.figure(n, h, 'figcaption')}{m.paras()}", n)

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 2. the number in its own element beside (or inside) the heading ----------------------------------------
@shape("separate_number", "span-before-h3", "span-inside-h2", "badge-div", "ja-span")
def separate_number(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 15)
    topic = m.rng.choice(["travel", "tech", "food"])
    title = f"京都の絶景スポット{count}選" if m.lang == "ja" else m.title_for(topic, count)
    heads = m.headings(count, topic)

    def item(i: int, h: str) -> str:
        n, text = i + 1, escape(h)
        if v == "span-before-h3":
            return (
                f'<div class="item-head" id="item-{n}"><span class="num">{n}</span>{_h("h3", m, text)}</div>'
                f"{m.figure(n, h)}{m.paras()}"
            )
        if v == "span-inside-h2":
            dot = m.rng.choice(["", "."])
            heading = f'<h2 id="item-{n}"><span class="count">{n}{dot}</span> {text}</h2>'
            return heading + m.figure(n, h) + m.paras()
        if v == "badge-div":
            return (
                f'<div class="rank" id="item-{n}"><div class="rank__badge">{n}</div><div class="rank__body">'
                f'<h2 class="rank__title">{text}</h2>{m.figure(n, h)}{m.paras()}</div></div>'
            )
        heading = f'<h3 id="item-{n}"><span class="num">{n}</span>{text}</h3>'
        return heading + m.figure(n, h, "figcaption") + m.paras()

    return m.single(
        m.path(title, "travel"), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 3. countdowns ------------------------------------------------------------------------------------------
@shape("countdown", "count-in-title", "no-count", "bold-p-lazy")
def countdown(m: Maker) -> Case:
    v = m.variant
    if v == "count-in-title":
        count, topic, declared = 30, "film", 30
    elif v == "no-count":
        count, topic, declared = m.rng.randint(10, 20), m.rng.choice(["film", "album"]), None
    else:
        count, topic, declared = 25, "album", 25
        _force_lazy(m)
    title = m.title_for(topic, declared)
    heads = m.headings(count, topic)
    numbers = list(range(count, 0, -1))

    def item(i: int, h: str) -> str:
        n = numbers[i]
        if v == "count-in-title":
            return f'<h2 id="item-{n}">{n}. {escape(h)}</h2>{m.figure(n, h)}{m.paras()}'
        if v == "no-count":
            return f"{_h('h3', m, f'{n}) {escape(h)}')}{m.paras(1)}{m.figure(n, h, 'credit-p')}{m.paras(1)}"
        return f"<p><strong>{n}. {escape(h)}</strong></p><p>{m.img(n, h)}</p>{m.paras()}"

    return m.single(
        m.path(title, "culture"), title, listing(m, heads, item), _printed(numbers, heads), declared
    )


# -- 4. label words: "Mistake #3:", "Tip No. 4", "Step 2 –", "Übung 1:", "#7" -------------------------------
@shape("label_words", "mistake-hash", "tip-no", "step-dash", "uebung-de", "bare-hash")
def label_words(m: Maker) -> Case:
    v = m.variant
    if v == "mistake-hash":
        count = m.rng.randint(7, 12)
        heads = m.pick(w.MISTAKES, count)
        title = f"{count} Hiking Mistakes Almost Every Beginner Makes"
        form, tag = "Mistake #{n}: {h}", "h2"
    elif v == "tip-no":
        count = m.rng.randint(8, 15)
        heads = m.pick(w.TIPS, count)
        title = f"{count} Travel Tips I Wish I Had Known Sooner"
        form, tag = "Tip No. {n}: {h}", "h3"
    elif v == "step-dash":
        count = m.rng.randint(6, 10)
        heads = m.pick(w.STEPS, count)
        title = f"Build Your Own Floating Shelves in {count} Easy Steps"
        form, tag = "Step {n} – {h}", "h2"
    elif v == "uebung-de":
        count = m.rng.randint(6, 10)
        heads = m.pick(w.UEBUNGEN_DE, count)
        title = f"{count} Übungen für einen starken Rücken"
        form, tag = "Übung {n}: {h}", "h3"
    else:
        count = m.rng.randint(6, 12)
        heads = m.headings(count, "tech")
        title = m.title_for("tech", count)
        form, tag = "#{n}" + m.rng.choice([" ", ": ", " – "]) + "{h}", "h2"

    def item(i: int, h: str) -> str:
        n = i + 1
        media = m.figure(n, h) if m.rng.random() < 0.7 else ""
        return f'<{tag} id="item-{n}">{escape(form.format(n=n, h=h))}</{tag}>{media}{m.paras()}'

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 5. zero-padded, circled and full-width numbers ---------------------------------------------------------
@shape("padded_circled", "zero-padded", "zero-padded-de", "circled", "circled-ja", "fullwidth-ja")
def padded_circled(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 15)
    if m.lang == "ja":
        title = m.rng.choice([f"京都の紅葉スポット{count}選", f"一度は行きたい京都の名所{count}選"])
    elif m.lang == "de":
        title = f"Die {count} schönsten Ausflugsziele im Schwarzwald"
    else:
        title = m.title_for("travel", count)
    heads = m.headings(count, "travel")

    def label(n: int, h: str) -> str:
        if v.startswith("zero-padded"):
            return f"{n:02d}. {h}"
        if v == "circled":
            return f"{circled(n)} {h}"
        if v == "circled-ja":
            return f"{circled(n)}{h}"
        return f"{fullwidth(n)}．{h}"

    def item(i: int, h: str) -> str:
        n = i + 1
        tag = "h3" if v.startswith("circled") else m.htag
        return m.item_wrap(f"{_h(tag, m, escape(label(n, h)))}{m.figure(n, h)}{m.paras()}", n)

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 6. Roman numerals --------------------------------------------------------------------------------------
@shape("roman", "roman-dot", "roman-colon", "roman-de")
def roman_numerals(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(5, 12)
    title = (
        f"Die {count} schönsten Wanderwege im Schwarzwald"
        if m.lang == "de"
        else m.title_for("history", count)
    )
    heads = m.headings(count, "history")

    def item(i: int, h: str) -> str:
        n = i + 1
        text = f"{roman(n)}: {h}" if v == "roman-colon" else f"{roman(n)}. {h}"
        tag = "h3" if v == "roman-de" else m.htag
        return m.item_wrap(f'<{tag} id="item-{n}">{escape(text)}</{tag}>{m.figure(n, h)}{m.paras()}', n)

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 7. <ol><li> items numbered by the browser --------------------------------------------------------------
@shape("ordered_list", "ol-rich", "ol-strong-lead", "ol-start-per-item", "ol-de")
def ordered_list(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(5, 12)
    topic = m.rng.choice(["travel", "food", "gift"])
    title = (
        f"Die {count} schönsten Ausflugsziele im Schwarzwald" if m.lang == "de" else m.title_for(topic, count)
    )
    heads = m.headings(count, topic)
    items = [ItemTruth(i + 1, h, rendered=True) for i, h in enumerate(heads)]
    body = [m.intro(), m.toc([(f"item-{i + 1}", h) for i, h in enumerate(heads)])]
    if v == "ol-start-per-item":
        for i, h in enumerate(heads):
            m.begin_item(h)
            item = (
                f'<ol start="{i + 1}"><li><h2 id="item-{i + 1}">{escape(h)}</h2></li></ol>'
                f"{m.figure(i + 1, h)}{m.paras()}"
            )
            m.end_item()
            body.append(item + m.between(i, count))
    else:
        rows = []
        for i, h in enumerate(heads):
            m.begin_item(h)
            if v == "ol-strong-lead":
                rows.append(
                    f"<li><p><strong>{escape(h)}.</strong> {escape(m.note_text(m.text(3)))}</p>"
                    f"{m.figure(i + 1, h)}</li>"
                )
            else:
                rows.append(f'<li id="item-{i + 1}"><h3>{escape(h)}</h3>{m.figure(i + 1, h)}{m.paras()}</li>')
            m.end_item()
        body.append(f'<ol class="{m.skin.item}-list">{"".join(rows)}</ol>')
    body.append(m.paras(1))
    return m.single(m.path(title), title, "".join(body), items, count)


# -- 8. <ul> items when the title promises N ----------------------------------------------------------------
@shape("unordered_list", "ul-rich", "ul-bold-lead", "ul-de")
def unordered_list(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(5, 12)
    topic = m.rng.choice(["gift", "tech", "food"])
    title = (
        f"Die {count} schönsten Ausflugsziele im Schwarzwald" if m.lang == "de" else m.title_for(topic, count)
    )
    heads = m.headings(count, topic)
    rows = []
    for i, h in enumerate(heads):
        m.begin_item(h)
        if v == "ul-bold-lead":
            rows.append(f"<li><b>{escape(h)}</b> – {escape(m.note_text(m.text(2)))}</li>")
        else:
            rows.append(f'<li class="{m.skin.item}"><h3>{escape(h)}</h3>{m.figure(i + 1, h)}{m.paras()}</li>')
        m.end_item()
    body = m.intro() + f'<ul class="{m.skin.item}-list">{"".join(rows)}</ul>' + m.paras(1)
    return m.single(m.path(title), title, body, [ItemTruth(None, h) for h in heads], count)


# -- 9. repeated unnumbered headings (gift guides) ----------------------------------------------------------
@shape("unnumbered_headings", "gift-h2", "product-cards-h3", "de-h2", "ja-h3")
def unnumbered_headings(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 14)
    if m.lang == "ja":
        title = f"京都で訪れたい絶景スポット{count}選"
    elif m.lang == "de":
        title = f"{count} Ausflugsziele für den Herbst im Schwarzwald"
    else:
        title = m.title_for("gift", count)
    heads = m.headings(count, "gift")
    shop = m.rng.choice(["Outfitter", "Northway Supply", "Amazon", "the brand's shop"])

    def item(i: int, h: str) -> str:
        n = i + 1
        price = f"${m.rng.randint(12, 180)}"
        shop_url = f"https://shop.example.com/p/{m.rng.randint(10000, 99999)}"
        buy = f"Buy at {shop}"

        def button() -> str:  # the button's words end the item's text
            m.note_text(buy)
            return f'<p><a class="button buy" href="{shop_url}" rel="sponsored nofollow">{buy}</a></p>'

        if v == "product-cards-h3":
            return (
                f'<section class="product-card" id="item-{n}">'
                f'<div class="product-card__media">{m.img(n, h)}</div>'
                f'<div class="product-card__body"><h3 class="product-card__name">{escape(h)}</h3>'
                f'<p class="price">{m.note_text(price)}</p>{m.paras(1)}{button()}</div></section>'
            )
        if v == "gift-h2":
            price_line = f"<p><strong>Price:</strong> {price}</p>"
            figure = m.figure(n, h)
            m.note_text(f"Price: {price}")
            return f"{_h('h2', m, escape(h))}{figure}{price_line}{m.paras()}{button()}"
        tag = "h3" if m.lang == "ja" else "h2"
        return f'<{tag} id="item-{n}">{escape(h)}</{tag}>{m.figure(n, h, "figcaption")}{m.paras()}'

    return m.single(
        m.path(title, "lifestyle"), title, listing(m, heads, item), [ItemTruth(None, h) for h in heads], count
    )


# -- 10. bold or ALL-CAPS lead-in paragraphs ----------------------------------------------------------------
@shape("bold_leadin", "strong-colon", "b-dash", "all-caps", "strong-numbered")
def bold_leadin(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["food", "travel"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    if v == "all-caps":
        heads = [h.upper() for h in heads]

    def item(i: int, h: str) -> str:
        n, text = i + 1, escape(m.note_text(m.text(m.rng.randint(2, 4))))
        picture = f"<p>{m.img(n, h)}</p>" if m.rng.random() < 0.6 else ""
        if v == "strong-colon":
            return f"{picture}<p><strong>{escape(h)}:</strong> {text}</p>"
        if v == "b-dash":
            return f"<p><b>{escape(h)}</b> — {text}</p>{picture}"
        if v == "all-caps":
            return f"{picture}<p>{escape(h)}. {text}</p>"
        return f"<p><strong>{n}. {escape(h)}:</strong> {text}</p>{picture}"

    numbers: list[int | None] = list(range(1, count + 1)) if v == "strong-numbered" else [None] * count
    items = [ItemTruth(n, h) for n, h in zip(numbers, heads, strict=True)]
    return m.single(m.path(title), title, listing(m, heads, item, toc=False), items, count)


# -- 11. AMP: divs styled as headings, amp-img --------------------------------------------------------------
@shape("amp", "amp-heading-class", "amp-title-class", "amp-de", "amp-srcset")
def amp(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 14)
    title = (
        f"Die {count} schönsten Wanderwege im Schwarzwald" if m.lang == "de" else m.title_for("travel", count)
    )
    heads = m.headings(count, "travel")
    cls = "amp-heading heading-2" if v != "amp-title-class" else "article-subtitle"

    def item(i: int, h: str) -> str:
        n = i + 1
        stem = f"{m.media}/{n:02d}"
        if v == "amp-srcset":
            m.note_image(f"{stem}-800.jpg", f"{stem}-1600.jpg")
            image = (
                f'<amp-img src="{stem}-800.jpg" srcset="{stem}-480.jpg 480w, {stem}-800.jpg 800w, '
                f'{stem}-1600.jpg 1600w" width="800" height="533" layout="responsive" '
                f'alt="{escape(h)}"></amp-img>'
            )
        else:
            m.note_image(f"{stem}.jpg")
            image = (
                f'<amp-img src="{stem}.jpg" width="800" height="533" layout="responsive" '
                f'alt="{escape(h)}"></amp-img>'
            )
        return (
            f'<div class="{cls}" id="item-{n}">{n}. {escape(h)}</div><figure class="amp-figure">{image}'
            f"<figcaption>{escape(m.credit())}</figcaption></figure>{m.paras()}"
        )

    head = (
        '<script async src="https://cdn.ampproject.org/v0.js"></script>'
        "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>"
        "<style amp-custom>.heading-2,.article-subtitle{font-size:1.5rem;font-weight:700}</style>"
    )
    path = m.path(title, "amp")
    html = m.render(path, title, listing(m, heads, item), head_extra=head, html_attrs=" ⚡")
    return m.case([m.page(path, html, _printed(range(1, count + 1), heads), count)])


# -- 12. items as runs separated by <br> inside one block ---------------------------------------------------
@shape("br_runs", "b-double-br", "strong-single-br", "div-br-de")
def br_runs(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(5, 12)
    title = f"{count} Tipps für die erste Hüttentour" if m.lang == "de" else m.title_for("food", count)
    heads = m.pick(w.TIPPS_DE, count) if m.lang == "de" else m.headings(count, "food")
    runs = []
    for i, h in enumerate(heads):
        tag = "strong" if v == "strong-single-br" else "b"
        m.begin_item(h)
        runs.append(f"<{tag}>{i + 1}. {escape(h)}</{tag}> {escape(m.note_text(m.text(2)))}")
        m.end_item()
    joiner = "<br>" if v == "strong-single-br" else "<br><br>"
    block = joiner.join(runs)
    body = (
        m.intro()
        + (f'<div class="entry">{block}</div>' if v == "div-br-de" else f"<p>{block}</p>")
        + m.paras(1)
    )
    return m.single(m.path(title), title, body, _printed(range(1, count + 1), heads), count)


# -- 13. "1." before an embed -------------------------------------------------------------------------------
@shape("number_embed", "tweet", "youtube", "instagram-headed")
def number_embed(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 15)
    title = {
        "tweet": f"{count} Tweets That Perfectly Sum Up Working From Home",
        "youtube": f"{count} Videos That Made Us Laugh This Week",
        "instagram-headed": f"{count} Posts From People Who Got Their Holiday Exactly Right",
    }[v]
    heads: list[str | None] = [None] * count if v != "instagram-headed" else list(m.headings(count, "travel"))

    def item(i: int, h: str) -> str:
        n = i + 1
        handle = slugify(w.person(m.rng)).replace("-", "_")[:14]
        if v == "tweet":  # the tweet's words are the tweet's, not the item's
            text, person = m.note_not_caption(m.text(1)), w.person(m.rng)
            status = f"https://twitter.com/{handle}/status/{m.rng.randint(10**17, 10**18)}"
            m.note_embed("twitter", status)
            return (
                f'<p>{n}.</p><blockquote class="twitter-tweet"><p lang="en" dir="ltr">{escape(text)}</p>'
                f'&mdash; {escape(person)} (@{handle}) <a href="{status}">'
                f"March {m.rng.randint(1, 28)}, 2023</a></blockquote>"
            )
        if v == "youtube":
            video = "".join(
                m.rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-") for _ in range(11)
            )
            m.note_embed("youtube", f"https://www.youtube.com/embed/{video}")
            return (
                f'<p><strong>{n}.</strong></p><div class="embed-responsive"><iframe width="560" height="315" '
                f'src="https://www.youtube.com/embed/{video}" frameborder="0" allowfullscreen></iframe></div>'
            )
        code = "".join(
            m.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(11)
        )
        m.note_embed("instagram", f"https://www.instagram.com/p/{code}/")
        return (
            f'<p>{n}. {escape(h)}</p><blockquote class="instagram-media" data-instgrm-permalink='
            f'"https://www.instagram.com/p/{code}/"><a href="https://www.instagram.com/p/{code}/">'
            f"{escape(m.note_not_caption(f'A post shared by @{handle}'))}</a></blockquote>"
        )

    script = (
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        if v == "tweet"
        else ""
    )
    path = m.path(title, "culture")
    html = m.render(path, title, listing(m, heads, item, toc=False), scripts=script)
    return m.case([m.page(path, html, _printed(range(1, count + 1), heads), count)])


# -- 14. numbers restarting in each section -----------------------------------------------------------------
@shape("restart_sections", "h3-under-h2", "hash-under-h2", "de")
def restart_sections(m: Maker) -> Case:
    v = m.variant
    per, sections = 4, 3
    count = per * sections
    if m.lang == "de":
        names = ["Frühling", "Sommer", "Herbst"]
        title = f"{count} Wochenendausflüge für jede Jahreszeit"
    else:
        names = (
            m.rng.sample(w.SECTIONS[:4], sections)
            if m.rng.random() < 0.5
            else ["Budget", "Mid-range", "Splurge"]
        )
        title = f"{count} Weekend Trips, Sorted by {'Season' if names[0] in w.SECTIONS[:4] else 'Budget'}"
    heads = m.headings(count, "travel")
    parts, items = [m.intro()], []
    for s, name in enumerate(names):
        parts.append(f'<h2 class="section-title">{escape(name)}</h2>{m.paras(1)}')
        for k in range(per):
            h = heads[s * per + k]
            label = f"#{k + 1} {h}" if v == "hash-under-h2" else f"{k + 1}. {h}"
            m.begin_item(h)
            parts.append(f"<h3>{escape(label)}</h3>{m.figure(s * per + k + 1, h)}{m.paras()}")
            m.end_item()
            items.append(ItemTruth(k + 1, h))
    parts.append(m.paras(1))
    return m.single(m.path(title), title, "".join(parts), items, count)


# -- 15. multi-page articles --------------------------------------------------------------------------------
@shape("multipage", "slash-rel-next", "query-page", "p2-html", "three-pages-de", "numbered-pager")
def multipage(m: Maker) -> Case:
    v = m.variant
    m.noise.discard("rel-next-post")  # a <link rel=next> to another post would contradict the pager
    pages_n = 3 if v in ("three-pages-de", "numbered-pager") else 2
    per = 5
    count = per * pages_n
    topic = m.rng.choice(["travel", "history", "food"])
    title = (
        f"Die {count} schönsten Wanderwege im Schwarzwald" if m.lang == "de" else m.title_for(topic, count)
    )
    heads = m.headings(count, topic)
    first = m.path(title)

    def page_path(k: int) -> str:
        if k == 1:
            return first.rstrip("/") + ".html" if v == "p2-html" else first
        if v == "query-page":
            return f"{first}?page={k}"
        if v == "p2-html":
            return f"{first.rstrip('/')}_p{k}.html"
        return f"{first}{k}/"

    pages = []
    for k in range(1, pages_n + 1):
        numbers = range((k - 1) * per + 1, k * per + 1)
        next_path = page_path(k + 1) if k < pages_n else None
        prev_path = page_path(k - 1) if k > 1 else None
        parts = [m.intro() if k == 1 else m.paras(1)]
        for i, n in enumerate(numbers):
            h = heads[n - 1]
            t = m.htag
            m.begin_item(h)
            item = f'<{t} id="item-{n}">{n}. {escape(h)}</{t}>{m.figure(n, h)}{m.paras()}'
            m.end_item()
            parts.append(m.item_wrap(item, n) + m.between(i, per))
        head = ""
        pager = ""
        if v == "slash-rel-next":
            if next_path:
                head += f'<link rel="next" href="{m.base}{next_path}">'
                pager = f'<a class="next page-numbers" rel="next" href="{next_path}">Next page »</a>'
            if prev_path:
                head += f'<link rel="prev" href="{m.base}{prev_path}">'
            pager = f'<div class="pagination">{pager}</div>'
        elif v == "query-page":
            pager = (
                f'<nav class="pager"><a href="{next_path}">{m.chrome["next"]}</a></nav>' if next_path else ""
            )
        elif v == "p2-html":
            pager = f'<p class="pages"><a href="{next_path}">Next »</a></p>' if next_path else ""
        elif v == "three-pages-de":
            back = f'<a class="zurueck" href="{prev_path}">« Zurück</a> ' if prev_path else ""
            on = f'<a class="weiter" href="{next_path}">Weiter »</a>' if next_path else ""
            pager = f'<div class="seiten-navigation">{back}{on}</div>'
        else:
            cells = "".join(
                f'<li><span class="current">{j}</span></li>'
                if j == k
                else f'<li><a href="{page_path(j)}">{j}</a></li>'
                for j in range(1, pages_n + 1)
            )
            if next_path:
                cells += f'<li><a class="next" href="{next_path}">Next</a></li>'
            pager = f'<ul class="page-numbers">{cells}</ul>'
        if next_path is None and v in ("query-page", "numbered-pager"):
            other = m.teaser_title()
            pager += f'<p class="up-next">Up next: <a href="{m.teaser_href(other)}">{escape(other)}</a></p>'
        page_title = title if k == 1 or v != "numbered-pager" else f"{title} (Page {k} of {pages_n})"
        path = page_path(k)
        html = m.render(path, page_title, "".join(parts) + pager, h1=title, head_extra=head)
        pages.append(m.page(path, html, _printed(numbers, heads[(k - 1) * per : k * per]), count, next_path))
    return m.case(pages)


# -- 16. slideshows: one item a page ------------------------------------------------------------------------
@shape("slideshow", "of-counter", "slash-counter", "photos-counter-cover", "de-bild-von")
def slideshow(m: Maker) -> Case:
    v = m.variant
    m.noise.discard("rel-next-post")
    m.noise.discard("toc")
    count = m.rng.randint(8, 12)
    if v == "de-bild-von":
        title: str = f"{count} Bilder: So schön ist der Schwarzwald im Herbst"
        declared: int | None = count
    elif v == "slash-counter":
        title, declared = m.title_for("history", None), None
    else:
        title, declared = m.title_for("history", count), count
    heads = m.headings(count, "history")
    first = m.path(title, "gallery")
    cover = v == "photos-counter-cover"

    def slide_path(k: int) -> str:  # k: 1-based slide; with a cover, slide 1 is the second page
        if cover:
            return f"{first}photo-{k}.html"
        if k == 1:
            return first
        if v == "slash-counter":
            return f"{first}?slide={k}"
        if v == "de-bild-von":
            return f"{first}bild-{k}/"
        return f"{first}{k}/"

    counter = {
        "of-counter": "{k} of {n}",
        "slash-counter": "{k}/{n}",
        "photos-counter-cover": "{k}/{n} photos",
        "de-bild-von": "Bild {k} von {n}",
    }[v]
    next_label = "Weiter ›" if m.lang == "de" else m.rng.choice(["Next ›", "Next slide", "Next »"])
    pages = []
    if cover:
        body = (
            m.intro()
            + f'<figure class="cover">{m.img(0, title)}</figure>'
            + f'<p><a class="start-slideshow button" href="{slide_path(1)}">Start the slideshow ›</a></p>'
        )
        pages.append(
            m.page(first, m.render(first, title, body), [], declared, slide_path(1), is_listicle=False)
        )
    for k in range(1, count + 1):
        h = heads[k - 1]
        next_path = slide_path(k + 1) if k < count else None
        prev = f'<a class="prev" href="{slide_path(k - 1)}">‹ Previous</a> ' if k > 1 else ""
        if next_path:
            nav = f'<a class="next" href="{next_path}">{next_label}</a>'
        else:
            other = m.teaser_title()
            nav = f'<a class="next-gallery" href="{m.teaser_href(other)}">Next gallery: {escape(other)} ›</a>'
        intro = m.intro() if k == 1 else ""
        m.begin_item(h)
        slide = (
            f'<div class="slide"><h2 class="slide-title">{escape(h)}</h2>{m.figure(k, h, "figcaption")}'
            f"{m.paras(1)}</div>"
        )
        m.end_item()
        body = (
            intro
            + f'<div class="slideshow"><div class="slide-counter">{counter.format(k=k, n=count)}</div>'
            + f'{slide}<div class="slide-nav">{prev}{nav}</div></div>'
        )
        path = slide_path(k)
        pages.append(m.page(path, m.render(path, title, body), [ItemTruth(k, h)], declared, next_path))
    return m.case(pages)


# -- 17. items only in a script -----------------------------------------------------------------------------
@shape("script_json", "next-data-html", "slides-state", "ld-itemlist")
def script_json(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    path = m.path(title)
    captions = [m.text(2) for _ in heads]
    images = [f"{m.base}{m.media}/{n:02d}.jpg" for n in range(1, count + 1)]
    items = _printed(range(1, count + 1), heads)
    credits: list[str | None] = [None] * count
    if v == "next-data-html":
        fragment = "".join(
            f'<h2>{n}. {escape(h)}</h2><p><img src="{img}" alt="{escape(h)}"></p><p>{escape(c)}</p>'
            for n, (h, c, img) in enumerate(zip(heads, captions, images, strict=True), start=1)
        )
        data = {
            "props": {
                "pageProps": {
                    "post": {"title": title, "slug": path.strip("/").split("/")[-1], "content": fragment}
                }
            },
            "page": "/[section]/[slug]",
            "buildId": f"b{m.case_id}",
        }
        payload = json.dumps(data, ensure_ascii=False)
        script = f'<script id="__NEXT_DATA__" type="application/json">{payload}</script>'
    elif v == "slides-state":
        slides = []
        for n, (h, c, img) in enumerate(zip(heads, captions, images, strict=True), start=1):
            slide_id = m.rng.randint(10000, 99999)
            credit = m.credit()
            credits[n - 1] = credit
            slides.append(
                {
                    "id": slide_id,
                    "headline": f"{n}. {h}",
                    "caption": c,
                    "image": {"url": img, "credit": credit},
                }
            )
        state = {"gallery": {"title": title, "slides": slides}}
        script = f"<script>window.__INITIAL_STATE__ = {json.dumps(state, ensure_ascii=False)};</script>"
    else:
        listing_data = {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": title,
            "numberOfItems": count,
            "itemListElement": [
                {"@type": "ListItem", "position": n, "name": h, "description": c, "image": img}
                for n, (h, c, img) in enumerate(zip(heads, captions, images, strict=True), start=1)
            ],
        }
        script = f'<script type="application/ld+json">{json.dumps(listing_data, ensure_ascii=False)}</script>'
        items = [ItemTruth(n, h, rendered=True) for n, h in enumerate(heads, start=1)]
    for h, c, img, given in zip(heads, captions, images, credits, strict=True):
        m.begin_item(h)  # what the script gives each item: its photo (and credit) and its text
        m.note_image(img)
        if given is not None:
            m.note_credit(given)
        m.note_text(c)
        m.end_item()
    body = (
        '<div id="__next"><div class="skeleton" aria-busy="true"><p class="loading">Loading…</p></div></div>'
    )
    html = m.render(path, title, body, scripts=script)
    return m.case([m.page(path, html, items, count)])


# -- 18. non-English rankings -------------------------------------------------------------------------------
@shape("ranking_foreign", "de-platz", "ja-dai-i", "ja-sjis")
def ranking_foreign(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    heads = m.headings(count)
    if v == "de-platz":
        title = f"Die {count} besten Wanderwege Deutschlands"
        numbers = list(range(count, 0, -1))
        labels = [f"Platz {n}: {h}" for n, h in zip(numbers, heads, strict=True)]
    elif v == "ja-dai-i":
        title = f"京都の人気観光スポットランキングTOP{count}"
        numbers = list(range(1, count + 1))
        labels = [f"【第{n}位】{h}" for n, h in zip(numbers, heads, strict=True)]
    else:
        title = f"京都の絶景{count}選"
        numbers = list(range(1, count + 1))
        labels = [f"{n}．{h}" for n, h in zip(numbers, heads, strict=True)]

    def item(i: int, h: str) -> str:
        t, n = m.htag, numbers[i]
        return m.item_wrap(f'<{t} id="item-{n}">{escape(labels[i])}</{t}>{m.figure(n, h)}{m.paras()}', n)

    path = m.path(title, "ranking")
    body = listing(m, heads, item)
    if v == "ja-sjis":
        html = m.render(path, title, body, charset="shift_jis")
        return m.case([m.page(path, html, _printed(numbers, heads), count, encoding="shift_jis")])
    return m.single(path, title, body, _printed(numbers, heads), count)


# == item fields: where each item's photo, credit and text sit ==============================================
# The shapes below print every item with the fields the extractor must give it: the photo in each
# source form, credits in each printed form and place, captions next to embeds and photo titles.
def _field_title(m: Maker, count: int, topic: str) -> str:
    if m.lang == "de":
        return f"Die {count} schönsten Wanderwege im Schwarzwald"
    return m.title_for(topic, count)


# -- 19. the photo before its heading (photo, credit, then heading: a common CMS order) ---------------------
@shape("image_first", "figure-h2", "p-img-credit-h3", "wrapped-block", "de-bild")
def image_first(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food", "history"])
    title = _field_title(m, count, topic)
    heads = m.headings(count, topic)
    m.credit_form = {
        "figure-h2": "Photo: {}",
        "p-img-credit-h3": "Image credit: {}",
        "wrapped-block": "Credit: {}",
        "de-bild": "Bild: {}",
    }[v]
    cls = m.skin.item

    def item(i: int, h: str) -> str:
        n = i + 1
        label = escape(f"{n}. {h}")
        if v == "figure-h2":
            return f'{m.figure(n, h, "figcaption")}<h2 id="item-{n}">{label}</h2>{m.paras()}'
        if v == "p-img-credit-h3":
            return f"<p>{m.img(n, h)}</p><p><em>{escape(m.credit())}</em></p>{_h('h3', m, label)}{m.paras()}"
        if v == "wrapped-block":
            return (
                f'<div class="{cls}" id="item-{n}">{m.figure(n, h, "div")}'
                f'<h2 class="{cls}__title">{label}</h2><div class="{cls}__text">{m.paras()}</div></div>'
            )
        t = m.htag
        return m.item_wrap(f'{m.figure(n, h)}<{t} id="item-{n}">{label}</{t}>{m.paras()}', n)

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 20. the article's hero image before item 1 (it is not item 1's) ----------------------------------------
@shape("hero_image", "hero-figure", "item1-without-photo", "hero-then-image-first")
def hero_image(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food", "history"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    hero_class = m.rng.choice(["post-thumbnail", "featured-image", "article-hero", "lead-image"])
    hero = (  # printed outside any item: its credit is nobody's
        f'<figure class="{hero_class}"><img src="{m.media}/hero.jpg" alt="{escape(title)}" width="1200" '
        f'height="675" class="attachment-full wp-post-image" fetchpriority="high">'
        f"<figcaption>{escape(m.credit())}</figcaption></figure>"
    )

    def item(i: int, h: str) -> str:
        n, t = i + 1, m.htag
        heading = f'<{t} id="item-{n}">{escape(f"{n}. {h}")}</{t}>'
        if v == "hero-then-image-first":
            return m.item_wrap(f"{m.figure(n, h)}{heading}{m.paras()}", n)
        if v == "item1-without-photo" and n == 1:
            return m.item_wrap(f"{heading}{m.paras(2)}", n)
        return m.item_wrap(f"{heading}{m.figure(n, h)}{m.paras()}", n)

    body = hero + listing(m, heads, item)
    return m.single(m.path(title), title, body, _printed(range(1, count + 1), heads), count)


# -- 21. the photo only in one source form ------------------------------------------------------------------
@shape(
    "image_sources",
    "noscript-only",
    "picture-source",
    "background-role-img",
    "json-slider",
    "tracking-pixel",
    "consent-placeholder",
)
def image_sources(m: Maker) -> Case:
    v = m.variant
    m.noise.discard("lazy")
    m.image_mode = "src"
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food", "tech"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    size = 'width="800" height="533"'
    # Drawn once per case: the markup that stands where src would be, and so on.
    blank = m.rng.choice([f'src="{GIF}"', 'src=""', ""])
    placeholder = m.rng.choice(
        [
            f'<img class="lazy" src="{GIF}" alt="" {size}>',
            '<span class="lazy-placeholder" style="padding-bottom:66.6%"></span>',
        ]
    )
    webp = m.rng.random() < 0.5
    quote = m.rng.choice(["'", "", "&quot;"])
    consent = m.rng.choice(
        [
            '<img class="consent-placeholder" src="data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2F'
            'www.w3.org%2F2000%2Fsvg%22%20viewBox%3D%220%200%20800%20533%22%2F%3E" width="800" '
            'height="533" alt="" aria-hidden="true">',
            '<img class="cmp-placeholder" src="/assets/cmp/blank.gif" alt="" aria-hidden="true">',
            '<img class="consent-thumb" src="/assets/cmp/placeholder.png" width="16" height="9" alt="">',
        ]
    )
    sliders: list[str] = []

    def item(i: int, h: str) -> str:
        n, alt = i + 1, escape(h)
        src = f"{m.media}/{n:02d}.jpg"
        heading = f'<h2 id="item-{n}">{escape(f"{n}. {h}")}</h2>'
        if v == "noscript-only":
            m.note_image(src)
            photo = f'{placeholder}<noscript><img src="{src}" alt="{alt}" {size}></noscript>'
            return (
                f"{heading}<figure>{photo}<figcaption>{escape(m.credit())}</figcaption></figure>{m.paras()}"
            )
        if v == "picture-source":
            ext, kind = ("webp", ' type="image/webp"') if webp else ("jpg", "")
            stem = src[:-4]
            m.note_image(f"{stem}.{ext}", f"{stem}@2x.{ext}")  # the 1x candidate stands for src
            photo = (
                f'<picture><source{kind} srcset="{stem}.{ext} 1x, {stem}@2x.{ext} 2x">'
                f'<img {blank} alt="{alt}" {size} loading="lazy"></picture>'
            )
            return (
                f"{heading}<figure>{photo}<figcaption>{escape(m.credit())}</figcaption></figure>{m.paras()}"
            )
        if v == "background-role-img":
            m.note_image(src)
            photo = (
                f'<div class="item-photo" role="img" aria-label="{alt}" '
                f'style="background-image: url({quote}{src}{quote}); aspect-ratio: 3 / 2"></div>'
            )
            return f'{heading}{photo}<p class="photo-credit">{escape(m.credit())}</p>{m.paras()}'
        if v == "json-slider":
            slides = []
            for letter in "ab":
                path = f"{m.media}/{n:02d}{letter}.jpg"
                m.note_image(path)
                slides.append({"src": path, "w": 1200, "h": 800, "alt": h})
            sliders.append(f'window.galleries["gallery-{n}"] = {json.dumps({"slides": slides})};')
            photo = (
                f'<div class="gallery-slider" id="gallery-{n}" data-gallery="gallery-{n}">'
                '<div class="gallery-slider__track"></div><button class="gallery-slider__prev" '
                'aria-label="Previous"></button><button class="gallery-slider__next" aria-label="Next">'
                "</button></div>"
            )
            return f"{heading}{photo}{m.paras()}"
        if v == "tracking-pixel":  # a sponsored list: an ad server's impression pixel by each photo
            pixel = (
                f'<img src="https://ad.doubleclick.example/ddm/trackimp/N{m.case_id}.{n};dc_trk_aid='
                f'{m.rng.randint(100000, 999999)};ord=[timestamp]?" width="1" height="1" border="0" '
                'alt="" style="display:none">'
            )
            return f"{heading}{pixel}{m.figure(n, h)}{m.paras()}"
        return f"{heading}{consent}{m.figure(n, h)}{m.paras()}"

    body = listing(m, heads, item)
    scripts = ""
    if sliders:  # the sliders' script sits after the article, as slider plugins print it
        scripts = "<script>window.galleries = window.galleries || {};\n" + "\n".join(sliders) + "</script>"
    path = m.path(title)
    html = m.render(path, title, body, scripts=scripts)
    return m.case([m.page(path, html, _printed(range(1, count + 1), heads), count)])


# -- 22. real photos whose file names or classes hold words that look like furniture -----------------------
_FURNITURE_WORDS = ["iconic", "logo-wall", "grey", "iconic-view", "grey-heron", "logo-wall-at-night"]


@shape("furniture_words", "file-names", "share-class")
def furniture_words(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "history"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    share = m.rng.choice(["is-shareable", "shareable-image", "photo--shareable", "js-pin-shareable"])

    def item(i: int, h: str) -> str:
        n = i + 1
        heading = _h("h2", m, escape(f"{n}. {h}"))
        if v == "file-names":
            word = _FURNITURE_WORDS[i % len(_FURNITURE_WORDS)]
            src = f"{m.media}/{word}-{slugify(h)}-1024x683.jpg"
            photo = m.img(n, h, src=src)
        else:
            photo = m.img(n, h)
        figure = (
            f'<figure class="wp-block-image size-large {share}">{photo}'
            f"<figcaption>{escape(m.credit())}</figcaption></figure>"
        )
        return f"{heading}{figure}{m.paras()}"

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 23. an item whose only text is its figcaption, the credit inside the same figcaption -----------------
@shape("figcaption_only", "caption-credit", "caption-span-credit", "caption-cite", "de-foto")
def figcaption_only(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 14)
    topic = m.rng.choice(["history", "travel"])
    title = _field_title(m, count, topic)
    heads = m.headings(count, topic)
    m.credit_form = {"caption-span-credit": "© {}", "caption-cite": "{}"}.get(v, m.credit_form)

    def item(i: int, h: str) -> str:
        n = i + 1
        text = escape(m.note_text(m.text(m.rng.randint(1, 2))))
        credit = escape(m.credit())
        if v == "caption-span-credit":
            caption = f'{text} <span class="wp-caption-credit">{credit}</span>'
        elif v == "caption-cite":
            caption = f"{text} <cite>{credit}</cite>"
        else:
            caption = f"{text} {credit}"
        return (
            f'{_h(m.htag, m, escape(f"{n}. {h}"))}<figure class="wp-block-image size-large">{m.img(n, h)}'
            f"<figcaption>{caption}</figcaption></figure>"
        )

    return m.single(
        m.path(title, "photos"), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 24. the photo's title printed before its credit, the same words as the heading ------------------------
@shape("photo_title", "title-br-source", "title-strong-figcaption", "title-p-then-credit")
def photo_title(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(8, 16)
    title = m.title_for("history", count)
    heads = m.headings(count, "history")
    m.credit_form = {"title-br-source": "Image Source: {}", "title-strong-figcaption": "Credit: {}"}.get(
        v, "Photo: {}"
    )

    def item(i: int, h: str) -> str:
        n, name = i + 1, escape(h)
        heading = f'<h2 id="item-{n}">{n}. {name}</h2>'
        if v == "title-br-source":  # as on the seed page
            return f"{heading}<p>{m.img(n, h)}</p><p>{name}<br>{escape(m.credit())}</p>{m.paras()}"
        if v == "title-strong-figcaption":
            return (
                f"{heading}<figure>{m.img(n, h)}<figcaption><strong>{name}</strong><br>"
                f"{escape(m.credit())}</figcaption></figure>{m.paras()}"
            )
        return (
            f'{heading}<p>{m.img(n, h)}</p><p class="photo-title"><em>{name}</em></p>'
            f'<p class="photo-credit">{escape(m.credit())}</p>{m.paras()}'
        )

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 25. the item's text, then an embed with words of its own ----------------------------------------------
@shape("embed_text", "tweet-after-text", "youtube-figcaption", "instagram-after-text")
def embed_text(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)

    def item(i: int, h: str) -> str:
        n = i + 1
        heading = _h("h2", m, escape(f"{n}. {h}"))
        sentence = m.note_text(m.text(1))
        text = f"<p>{escape(sentence)}</p>"  # one sentence: a caption run on shows
        handle = slugify(w.person(m.rng)).replace("-", "_")[:14]
        if v == "tweet-after-text":
            words, person = m.note_not_caption(m.other_text(sentence)), w.person(m.rng)
            status = f"https://twitter.com/{handle}/status/{m.rng.randint(10**17, 10**18)}"
            m.note_embed("twitter", status)
            pic = "".join(m.rng.choice("abcdefghijkmnopqrstuvwxyz0123456789") for _ in range(10))
            return (
                f'{heading}{text}<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">'
                f'{escape(words)} <a href="https://t.co/{pic}">pic.twitter.com/{pic}</a></p>'
                f'&mdash; {escape(person)} (@{handle}) <a href="{status}?ref_src=twsrc%5Etfw">'
                f"May {m.rng.randint(1, 28)}, 2023</a></blockquote>"
            )
        if v == "youtube-figcaption":
            video = "".join(
                m.rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-") for _ in range(11)
            )
            src = f"https://www.youtube.com/embed/{video}?feature=oembed"
            m.note_embed("youtube", src)
            own = m.note_not_caption(f"Video: {m.other_text(sentence)}")
            return (
                f'{heading}{text}<figure class="wp-block-embed is-type-video is-provider-youtube '
                'wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio">'
                f'<div class="wp-block-embed__wrapper"><iframe title="{escape(h)}" width="500" height="281" '
                f'src="{src}" frameborder="0" allow="accelerometer; autoplay; encrypted-media; '
                f'picture-in-picture" allowfullscreen></iframe></div><figcaption>{escape(own)}</figcaption>'
                "</figure>"
            )
        code = "".join(
            m.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(11)
        )
        permalink = f"https://www.instagram.com/p/{code}/?utm_source=ig_embed&amp;utm_campaign=loading"
        m.note_embed("instagram", f"https://www.instagram.com/p/{code}/")
        view = m.note_not_caption("View this post on Instagram")
        shared = m.note_not_caption(f"A post shared by {w.person(m.rng)} (@{handle})")
        return (
            f'{heading}{text}<blockquote class="instagram-media" data-instgrm-captioned '
            f'data-instgrm-permalink="{permalink}" data-instgrm-version="14"><div>'
            f'<a href="{permalink}" target="_blank">{view}</a><p><a href="{permalink}" target="_blank">'
            f"{escape(shared)}</a></p></div></blockquote>"
        )

    script = {
        "tweet-after-text": '<script async src="https://platform.twitter.com/widgets.js"></script>',
        "instagram-after-text": '<script async src="//www.instagram.com/embed.js"></script>',
    }.get(v, "")
    path = m.path(title)
    html = m.render(path, title, listing(m, heads, item), scripts=script)
    return m.case([m.page(path, html, _printed(range(1, count + 1), heads), count)])


# -- 26. credit lines in the forms sites print ---------------------------------------------------------------
_CREDIT_FORMS = {
    "image-credit": "Image credit: {}",
    "credit": "Credit: {}",
    "de-foto": "Foto: {}",
    "de-bild": "Bild: {}",
    "copyright": "© {}",
    "c-paren": "(c) {}",
    "via": "via {}",
    "courtesy": "Courtesy of {}",
    "span-credit": "{}",  # a bare name in <span class="credit">
    "cite": "{}",  # a bare name in <cite>
}


@shape("credit_forms", *_CREDIT_FORMS)
def credit_forms(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food", "history"])
    title = _field_title(m, count, topic)
    heads = m.headings(count, topic)
    m.credit_form = _CREDIT_FORMS[v]
    place = m.rng.choice(["figcaption", "p-after", "small-in-figure"])

    def item(i: int, h: str) -> str:
        n = i + 1
        image, credit = m.img(n, h), escape(m.credit())
        if v == "span-credit":
            figure = f'<figure class="photo">{image}<span class="credit">{credit}</span></figure>'
        elif v == "cite":
            figure = f"<figure>{image}<figcaption><cite>{credit}</cite></figcaption></figure>"
        elif place == "figcaption":
            figure = f"<figure>{image}<figcaption>{credit}</figcaption></figure>"
        elif place == "p-after":
            figure = f'<p>{image}</p><p class="wp-caption-text">{credit}</p>'
        else:
            figure = f'<figure class="image">{image}<small class="image-credit">{credit}</small></figure>'
        return m.item_wrap(f'<{m.htag} id="item-{n}">{escape(f"{n}. {h}")}</{m.htag}>{figure}{m.paras()}', n)

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 27. where the credit sits: before its photo; two photos, each with its own ----------------------------
@shape("credit_placement", "credit-before-image", "two-photos", "gallery-pair")
def credit_placement(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(6, 12)
    topic = m.rng.choice(["travel", "food"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    m.credit_form = m.rng.choice(["Photo: {}", "© {}", "Credit: {}"])
    before = m.rng.choice(["p-small", "figcaption-first"])

    def photo(n: int, h: str, letter: str) -> str:
        return m.img(n, h, src=f"{m.media}/{n:02d}{letter}.jpg")

    def item(i: int, h: str) -> str:
        n = i + 1
        heading = f'<h2 id="item-{n}">{escape(f"{n}. {h}")}</h2>'
        if v == "credit-before-image":
            if before == "p-small":
                credit = f'<p class="photo-credit"><small>{escape(m.credit())}</small></p>'
                return f"{heading}{credit}<p>{m.img(n, h)}</p>{m.paras()}"
            return (
                f"{heading}<figure><figcaption>{escape(m.credit())}</figcaption>{m.img(n, h)}</figure>"
                f"{m.paras()}"
            )
        if v == "two-photos":
            first = f"<figure>{photo(n, h, 'a')}<figcaption>{escape(m.credit())}</figcaption></figure>"
            if n % 2 == 0:  # every other item has one photo
                return f"{heading}{first}{m.paras()}"
            second = f"<figure>{photo(n, h, 'b')}<figcaption>{escape(m.credit())}</figcaption></figure>"
            return f"{heading}{first}{m.paras(1)}{second}{m.paras(1)}"
        pair = "".join(
            f'<figure class="wp-block-image size-large">{photo(n, h, letter)}'
            f"<figcaption>{escape(m.credit())}</figcaption></figure>"
            for letter in "ab"
        )
        gallery = f'<figure class="wp-block-gallery has-nested-images columns-2 is-cropped">{pair}</figure>'
        return f"{heading}{gallery}{m.paras()}"

    return m.single(
        m.path(title), title, listing(m, heads, item), _printed(range(1, count + 1), heads), count
    )


# -- 27. what sits around an item's photo: a loader nobody listed, a video player's widget ----------------
_UNLISTED_LAZY_ATTRS = ["data-img", "data-lazy-original", "data-hires", "data-image-src", "data-delayed-url"]
_WIDGET_TITLES = ["Recommended Videos", "Watch next", "Featured video", "More videos"]
_PLAYER_FAILURES = [
    "We apologize, but this video has failed to load.",
    "This video is unavailable in your browser.",
    "Sorry, the player could not be loaded. Try refreshing the page.",
]


@shape("photo_surroundings", "unlisted-lazy-attr", "player-before-item1", "player-fallback-in-item")
def photo_surroundings(m: Maker) -> Case:
    v = m.variant
    count = m.rng.randint(3, 9)
    topic = m.rng.choice(["travel", "food", "history"])
    title = m.title_for(topic, count)
    heads = m.headings(count, topic)
    attr = m.rng.choice(_UNLISTED_LAZY_ATTRS)
    tag = m.rng.choice(["h3", "h4"])
    numbered = m.rng.random() < 0.5  # unnumbered headings stand on the title's count

    def player() -> str:
        """A script-drawn player: what the HTML holds is its box, a button and the message shown
        when it fails to load (AMP's ``fallback`` attribute, which players copy)."""
        failure = escape(m.note_not_caption(m.rng.choice(_PLAYER_FAILURES)))
        return (
            f'<div class="video-box"><div class="video-placeholder"></div><div fallback>'
            f'<p>{failure}</p></div><button type="button">Play Video</button></div>'
        )

    def item(i: int, h: str) -> str:
        n = i + 1
        label = f"{n}. {h}" if numbered else h
        heading = f'<{tag} id="item-{n}"><b>{escape(label)}</b></{tag}>'
        if v == "unlisted-lazy-attr":
            src = f"{m.media}/{n:02d}.jpg"
            m.note_image(src)
            image = f'<img {attr}="{src}" alt="{escape(h)}" width="610" height="386">'
            return (
                f'{heading}<p align="center">{image}</p><p class="credit">{escape(m.credit())}</p>{m.paras()}'
            )
        if v == "player-before-item1":
            # Photo first, then the heading; the page's one video widget, with its own title,
            # stands between item 1's photo and item 1's heading.
            photo = f'<figure class="embedded-image">{m.img(n, h)}</figure>'
            widget = ""
            if n == 1:
                widget = (
                    f"<section><h3>{escape(m.note_not_caption(m.rng.choice(_WIDGET_TITLES)))}</h3>"
                    f"{player()}</section>"
                )
            text = m.paras(m.rng.randint(1, 2))
            return f"<section>{photo}</section>{widget}<section>{heading}{text}</section>"
        return f"{heading}{m.figure(n, h)}{m.paras(1)}{player()}{m.paras(1)}"

    body = listing(m, heads, item)
    items = _printed(range(1, count + 1), heads) if numbered else [ItemTruth(None, h) for h in heads]
    return m.single(m.path(title), title, body, items, count)


# == non-listicles: every one must give zero items ==========================================================
def _not_listicle(m: Maker, path: str, title: str, body: str, *, byline: bool = True) -> Case:
    html = m.render(path, title, body, byline=byline)
    return m.case([m.page(path, html, [], None, is_listicle=False)], listicle=False)


@shape("news_story", "top5-sidebar", "de-meistgelesen", listicle=False)
def news_story(m: Maker) -> Case:
    m.noise.add("most-read")
    if m.lang == "de":
        title = "Stadtrat beschließt neue Fährverbindung nach Jahren des Streits"
        quote = "„Das ist ein guter Tag für die Pendler“, sagte die Bürgermeisterin."
        sub = "Wie es jetzt weitergeht"
    else:
        place = w.place(m.rng)
        title = f"{place} Council Approves New Ferry Link After Years of Delay"
        quote = f"“This is a good day for everyone who commutes,” said mayor {w.person(m.rng)}."
        sub = "What happens next"
    body = (
        m.intro()
        + f"<p>{escape(quote)}</p>"
        + m.figure(1, title, "figcaption")
        + m.paras(2)
        + f"<h2>{escape(sub)}</h2>"
        + m.paras(3)
    )
    return _not_listicle(m, m.path(title, "news"), title, body)


@shape("wiki_article", "footnotes", listicle=False)
def wiki_article(m: Maker) -> Case:
    place = w.place(m.rng)
    title = f"{place} (town)"
    refs = m.rng.randint(8, 16)

    def cite() -> str:
        n = m.rng.randint(1, refs)
        return f'<sup class="reference" id="cite_ref-{n}"><a href="#cite_note-{n}">[{n}]</a></sup>'

    sections = "".join(
        f'<h2><span class="mw-headline" id="{name}">{name}</span></h2>'
        + "".join(f"<p>{escape(m.text(3))}{cite()} {escape(m.text(2))}{cite()}</p>" for _ in range(2))
        for name in ["History", "Geography", "Economy", "Culture", "Transport"]
    )
    notes = "".join(
        f'<li id="cite_note-{n}"><span class="mw-cite-backlink"><a href="#cite_ref-{n}">^</a></span> '
        f'<span class="reference-text"><cite>{escape(w.person(m.rng))} ({m.rng.randint(1950, 2022)}). '
        f"“{escape(w.heading(m.rng, 'history'))}”. {escape(m.rng.choice(w.AGENCIES))}. "
        f"p. {m.rng.randint(3, 400)}."
        f"</cite></span></li>"
        for n in range(1, refs + 1)
    )
    infobox = (
        f'<table class="infobox"><caption>{place}</caption>'
        f"<tr><th>Country</th><td>{m.rng.choice(w.REGIONS)}</td></tr>"
        f"<tr><th>Population</th><td>{m.rng.randint(2000, 90000):,}</td></tr>"
        f"<tr><th>Founded</th><td>{m.rng.randint(900, 1700)}</td></tr></table>"
    )
    body = (
        infobox
        + f"<p><b>{place}</b> is a town on the coast. {escape(m.text(2))}{cite()}</p>"
        + sections
        + '<h2><span class="mw-headline" id="References">References</span></h2>'
        + f'<div class="reflist"><ol class="references">{notes}</ol></div>'
    )
    return _not_listicle(m, f"/wiki/{place}_(town)", title, body)


_CLAUSES = [
    (
        "Definitions",
        "In this Agreement, “Software” means the program, its documentation and any updates we provide.",
    ),
    (
        "Grant of Licence",
        "We grant you a non-exclusive, non-transferable licence to install and use the Software.",
    ),
    (
        "Restrictions",
        "You may not copy, modify, sublicense or reverse engineer the Software except as the law allows.",
    ),
    ("Ownership", "The Software is licensed, not sold; we keep all rights not expressly granted to you."),
    (
        "Fees and Payment",
        "Fees are due in advance and are not refundable except where this Agreement says so.",
    ),
    (
        "Term and Termination",
        "This Agreement runs until terminated; it ends automatically if you breach its terms.",
    ),
    (
        "Warranty Disclaimer",
        "The Software is provided “as is”, without warranty of any kind, express or implied.",
    ),
    (
        "Limitation of Liability",
        "In no event shall we be liable for any indirect, incidental or consequential damages.",
    ),
    (
        "Governing Law",
        "This Agreement is governed by the laws of the place where we have our registered office.",
    ),
    (
        "Changes to These Terms",
        "We may update these terms; continued use after a change means you accept it.",
    ),
    ("Contact", "Questions about this Agreement can be sent to the address given on our contact page."),
]


@shape("licence_text", "numbered-sections", listicle=False)
def licence_text(m: Maker) -> Case:
    title = m.rng.choice(["Software Licence Agreement", "End User Licence Agreement", "Terms of Service"])
    sections = _CLAUSES[: m.rng.randint(8, len(_CLAUSES))]
    body = f"<p>Last updated: {m.published[:10]}. Please read these terms carefully.</p>" + "".join(
        f"<h2>{n}. {name}</h2><p>{n}.1 {escape(text)}</p><p>{n}.2 {escape(m.text(2))}</p>"
        for n, (name, text) in enumerate(sections, start=1)
    )
    return _not_listicle(m, f"/legal/{slugify(title)}/", title, body, byline=False)


@shape("longread_toc", "numbered-toc", listicle=False)
def longread_toc(m: Maker) -> Case:
    place = w.place(m.rng)
    title = f"What the River Remembers: A Year on the Water at {place}"
    names = [
        "The flood of the old mill",
        "Winter on the ferry",
        "The people who stayed",
        "Counting the salmon",
        "A new bridge, an old argument",
        "What comes next",
    ]
    toc = "".join(f'<li><a href="#s{n}">{escape(name)}</a></li>' for n, name in enumerate(names, start=1))
    sections = "".join(
        f'<h2 id="s{n}">{escape(name)}</h2>{m.paras(4)}' + (m.figure(n, name) if n % 2 else "")
        for n, name in enumerate(names, start=1)
    )
    body = m.intro() + f'<nav class="toc"><h2>{m.chrome["toc"]}</h2><ol>{toc}</ol></nav>' + sections
    return _not_listicle(m, m.path(title, "longreads"), title, body)


_HOWTO = [
    ("Water the orchid the day before", "Damp roots are more flexible and tear less."),
    ("Ease the plant out of its pot", "Squeeze the pot gently and tip it sideways."),
    ("Remove the old bark", "Shake it loose and rinse what sticks between the roots."),
    ("Trim dead roots", "Firm green or silver roots stay; brown, hollow ones go."),
    ("Choose a pot one size up", "A clear pot with holes lets you watch the roots."),
    ("Add fresh bark around the roots", "Tap the pot so the bark settles into the gaps."),
    ("Wait a week before watering", "Cut roots need a few days to heal."),
]


@shape("howto_steps", "ol-steps", "numbered-paragraphs", listicle=False)
def howto_steps(m: Maker) -> Case:
    title = "How to Repot an Orchid Without Killing It"
    if m.variant == "ol-steps":
        steps = "".join(f"<li><strong>{escape(a)}.</strong> {escape(b)}</li>" for a, b in _HOWTO)
        method = f"<h2>Steps</h2><ol>{steps}</ol>"
    else:
        method = "".join(f"<p>{n}. {escape(a)}. {escape(b)}</p>" for n, (a, b) in enumerate(_HOWTO, start=1))
    body = (
        m.intro()
        + "<h2>What you need</h2><ul><li>Orchid bark</li><li>A clean pot</li><li>Sharp scissors</li></ul>"
        + method
        + m.paras(1)
    )
    return _not_listicle(m, m.path(title, "home-garden"), title, body)


@shape("recipe", "ol-instructions", "step-headings", listicle=False)
def recipe(m: Maker) -> Case:
    title = m.rng.choice(["Rye Sourdough With Caraway and Honey", "Slow-Roasted Lamb Shoulder With Juniper"])
    ingredients = [
        "500 g dark rye flour",
        "150 g sourdough starter",
        "12 g salt",
        "1 tbsp caraway seeds",
        "2 tbsp honey",
        "400 ml warm water",
    ]
    steps = [
        "Mix the starter with the water and honey.",
        "Stir in the flour, salt and caraway.",
        "Cover and leave for 12 hours.",
        "Shape the dough and put it in a tin.",
        "Prove for two hours.",
        "Bake at 230 °C for 15 minutes, then at 200 °C for 45 minutes.",
        "Cool completely before slicing.",
    ]
    meta = (
        f'<ul class="recipe-meta"><li>Serves {m.rng.randint(4, 8)}</li>'
        "<li>Prep: 30 min</li><li>Cook: 1 hr</li></ul>"
    )
    if m.variant == "ol-instructions":
        method = (
            '<h2>Method</h2><ol class="instructions">'
            + "".join(f"<li>{escape(s)}</li>" for s in steps)
            + "</ol>"
        )
    else:
        method = "<h2>Method</h2>" + "".join(
            f"<h3>Step {n}</h3><p>{escape(s)}</p>" for n, s in enumerate(steps, start=1)
        )
    body = (
        m.intro()
        + meta
        + m.figure(1, title, "figcaption")
        + '<h2>Ingredients</h2><ul class="ingredients">'
        + "".join(f"<li>{escape(x)}</li>" for x in ingredients)
        + "</ul>"
        + method
    )
    return _not_listicle(m, m.path(title, "recipes"), title, body)


@shape("home_page", "teasers", listicle=False)
def home_page(m: Maker) -> Case:
    m.noise.add("most-read")
    teasers = []
    for n in range(12):
        title = m.teaser_title()
        href = m.teaser_href(title)
        teasers.append(
            f'<div class="teaser"><a href="{href}">{m.img(n + 1, title)}</a>'
            f'<h2 class="teaser__title"><a href="{href}">{escape(title)}</a></h2>'
            f'<p class="teaser__dek">{escape(m.text(1))}</p>'
            f'<span class="teaser__meta">{escape(w.person(m.rng))}</span></div>'
        )
    body = f'<div class="teaser-grid">{"".join(teasers)}</div>'
    section = m.rng.choice(["travel", "culture", "lifestyle"])
    return _not_listicle(m, f"/{section}/", section.capitalize(), body, byline=False)


@shape("album_page", "track-list", "track-table", listicle=False)
def album_page(m: Maker) -> Case:
    album, band = m.rng.choice(w.ALBUM_WORDS), m.rng.choice(w.BAND_NAMES)
    title = f"{album} — {band}"
    tracks = m.headings(m.rng.randint(9, 13), make=w.song)
    times = [f"{m.rng.randint(2, 6)}:{m.rng.randint(0, 59):02d}" for _ in tracks]
    if m.variant == "track-list":
        listing_html = (
            '<ol class="tracklist">'
            + "".join(
                f'<li><span class="track-title">{escape(t)}</span> <span class="duration">{d}</span></li>'
                for t, d in zip(tracks, times, strict=True)
            )
            + "</ol>"
        )
    else:
        listing_html = (
            '<table class="tracklist"><tr><th>#</th><th>Title</th><th>Length</th></tr>'
            + "".join(
                f"<tr><td>{n}.</td><td>{escape(t)}</td><td>{d}</td></tr>"
                for n, (t, d) in enumerate(zip(tracks, times, strict=True), start=1)
            )
            + "</table>"
        )
    body = (
        f'<p class="album-meta">Released {m.published[:4]} · '
        f"{m.rng.choice(['Indie', 'Folk', 'Electronic'])} · "
        f"{len(tracks)} tracks</p>"
        + m.figure(1, title, "figcaption")
        + m.paras(2)
        + "<h2>Track listing</h2>"
        + listing_html
        + m.paras(1)
    )
    return _not_listicle(m, m.path(title, "music"), title, body)
