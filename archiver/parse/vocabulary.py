"""Every word list extraction reads, in one place, all languages together.

Each list names the evidence it gives; a word belongs here only when pages of two or more sites
print it (the note on each list says where it was seen).
"""

from __future__ import annotations

import re

# Words printed before an item number: "Mistake #3:", "Tip No. 4", "Step 2 –", "Übung 1:",
# "Platz 5:", "Reason 3". Seen on how-to, fitness and ranking pages in English and German; the
# generator accepts any one or two words there and the scorer asks that they repeat, so this
# list is only used to tell *steps* from items.
STEP_LABELS = frozenset({"step", "schritt", "étape", "paso", "stap"})
# Labels of the numbered parts of a programme, a course or a series (schedules, syllabi, episode
# guides): without a count in the title they are not a listicle's items.
UNIT_LABELS = frozenset(
    {
        "module", "lesson", "chapter", "part", "session", "talk", "day", "week", "episode", "season",
        "round", "stage", "level", "unit", "track", "question", "exercise", "lektion", "kapitel",
        "teil", "tag", "woche", "folge", "runde", "modul", "leçon", "chapitre", "partie", "jour",
        "lección", "capítulo", "día",
    }
)  # fmt: skip

# A title or headline that introduces instructions rather than a list: numbered steps under it
# are a procedure (how-to, recipe, DIY), not listicle items — unless the title promises a count.
_INSTRUCTION_TITLE = re.compile(
    r"\b(?:how to|how-to|try this|diy|recipe|tutorial|instructions|step[- ]by[- ]step|"
    r"anleitung|so geht|rezept|wie man|selber machen|recette|receta)\b",
    re.IGNORECASE,
)

# Class/id words of blocks whose numbered lines are never listicle items: references, notes,
# licence and legal text, tables of contents, comment threads, track lists, ingredient lists.
# Matched as whole words inside a class token ("mw-references-wrap", "footnotes").
_NON_ITEM_CONTAINER = re.compile(
    r"(?:^|[-_\s])(?:references|reflist|footnotes?|endnotes?|citations|licen[cs]e|toc|"
    r"table-of-contents|comments|commentlist|comment-list|tracklist|track-list|ingredients|zutaten)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)

# Headings of page furniture that carry a count of their own ("Top 5 Stories", "Most read"):
# a count next to these words was not promised by the article.
FURNITURE_HEADLINE = re.compile(
    r"\b(?:stories|most read|most popular|trending|top stories|headlines|meistgelesen|"
    r"beliebteste|newsletter|related)\b",
    re.IGNORECASE,
)

# Headings that close a list rather than start an item: "Conclusion", "Fazit", "The bottom line".
CLOSING_HEADINGS = re.compile(
    r"^(?:conclusion|summary|final thoughts|the bottom line|bottom line|wrapping up|fazit|"
    r"zusammenfassung|schlusswort|related|more|sources|references|quellen|read more|read next|"
    r"keep reading|weiterlesen|noch mehr|mehr zum thema|lesen sie auch|à lire aussi|en savoir plus|"
    r"leer más|más información)\b",
    re.IGNORECASE,
)

# Class words that mark an element styled as a heading (AMP and card templates print headings as
# <div class="...title..."> or <div class="h6">).
HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:title|heading|headline|hed|subheading|h[1-6])(?:$|[-_\s])", re.I)


# A title of legal text: its numbered sections are clauses, not items.
_LEGAL_TITLE = re.compile(
    r"\b(?:licen[cs]e|terms of (?:use|service)|terms and conditions|privacy policy|cookie policy|"
    r"nutzungsbedingungen|datenschutzerklärung|lizenz|allgemeine geschäftsbedingungen|agb|"
    r"conditions générales|mentions légales)\b",
    re.IGNORECASE,
)


def is_non_list_title(text: str) -> bool:
    """True when a title introduces a procedure (how-to, recipe) or legal text rather than a list."""
    return _INSTRUCTION_TITLE.search(text) is not None or _LEGAL_TITLE.search(text) is not None


def is_non_item_container(names: str) -> bool:
    """True for class/id strings of references, notes, licences, TOCs, comments and the like."""
    return _NON_ITEM_CONTAINER.search(names) is not None


# -- counts in titles (parse/counting.py) --------------------------------------------------
EN_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
DE_UNITS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
DE_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}


def _spelled_numbers() -> dict[str, int]:
    # "one"/"ein" are left out on purpose: "One of the best..." promises no list.
    words: dict[str, int] = {**EN_UNITS, **EN_TENS, **DE_UNITS, **DE_TENS}
    for tens_word, tens in EN_TENS.items():
        for unit_word, unit in list(EN_UNITS.items())[:8]:  # two..nine
            words[f"{tens_word}-{unit_word}"] = tens + unit
            words[f"{tens_word} {unit_word}"] = tens + unit
        words[f"{tens_word}-one"] = tens + 1
    for tens_word, tens in DE_TENS.items():
        words[f"einund{tens_word}"] = tens + 1
        for unit_word, unit in list(DE_UNITS.items())[:8]:
            words[f"{unit_word}und{tens_word}"] = tens + unit
    words["hundred"] = words["one hundred"] = words["hundert"] = words["einhundert"] = 100
    return words


SPELLED_NUMBERS = _spelled_numbers()

# Japanese and Chinese titles put a counter word right after the number, with no space:
# "10選" (10 picks), "5つの" (5 things), "7個", "3位". Full-width digits are folded first.
CJK_COUNT = re.compile(
    r"(?<![0-9A-Za-z.,:/-])(\d{1,4})\s*(?:選|つ|個|件|本|枚|品|項目|カ所|ヶ所|か所|箇所|大|種類|款|条|招)"
)
# "ランキングTOP10": the count glued to a Latin word in a CJK title.
TOP_COUNT = re.compile(r"(?:TOP|Top|BEST|Best)\s*(\d{1,4})(?!\d)")


# -- links (parse/links.py) ------------------------------------------------------------
# Labels of recommendation blocks, English and German.
RECOMMENDATION_LABEL = re.compile(
    r"^(?:our best content for you|related(?: posts| articles| stories| content| reading)?|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|read (?:this )?next|read more|more like this|"
    r"recommended(?: for you| stories| reading)?|more (?:from|in|on|to explore|stories|articles)\b.*|"
    r"up next|don't miss|popular posts|most popular(?: content)?|most read|trending(?: now)?|"
    r"recent (?:posts|features|articles)|stories chosen for you|further reading|see also|"
    r"lesen sie auch|auch interessant(?: für dich)?|das könnte (?:dich|sie) (?:auch )?interessieren|"
    r"weitere (?:artikel|beiträge)|ähnliche (?:artikel|beiträge)|neue beiträge|top-themen|"
    r"mehr zum thema|empfehlungen)\s*:?$",
    re.IGNORECASE,
)
# "Next", "Next page ›", "Next slide", "Weiter ›", "Nächstes Bild", "Page suivante »".
NEXT_TEXT = re.compile(
    r"^(?:(?:next|continue|weiter|nächste|nächstes|page suivante)"
    r"(?:\s+(?:page|slide|photo|image|picture|reading|seite|bild|foto))?\s*[→›»>]?|[›»>]|→|"
    r"(?:start|begin|view|open)(?:\s+the)?\s+(?:slideshow|gallery|galerie|bildergalerie)\s*[→›»>]?)$",
    re.IGNORECASE,
)
# Candidates for "next page": rel/class/id saying "next", or a short link text ("Next »", "2").
NEXT_WORDS = re.compile(
    r"next|weiter|continue|nächste|suivante|slideshow|galerie|gallery|[»›→>]", re.IGNORECASE
)


# -- page furniture (parse/dom.py) ------------------------------------------------------
# Class or id words of furniture blocks. Matched as whole words of a class token
# ("sidebar", "post-sidebar", "related_posts"), so "has-sidebar" on a page wrapper also
# matches; callers stop at <body> and at the article container. ("avatar": author and commenter
# portraits, which two corpus sites print right after the last item; "helpful": "Was this article
# helpful? Yes / No" feedback widgets, which help-centre and blog templates put after the text.
# Not "widget" alone: page builders name every content block "...-widget-heading", "...-widget-
# text"; a sidebar's widgets sit in a "widget-area", "widgets" block, an <aside> or a "sidebar".)
FURNITURE_WORDS = re.compile(
    r"(?:^|[-_\s])(?:sidebar|widget-area|widgets|related|relatedposts|popular|trending|mostread|most-read|"
    r"breadcrumbs?|share|sharing|social|newsletter|subscribe|promo|advert|ads?|ad-slot|adslot|"
    r"sponsor(?:ed)?|comments?|commentlist|respond|toc|table-of-contents|"
    r"read-more|readmore|author-box|authorbox|about-author|avatar|byline|tags|tag-list|"
    r"pagination|pager|page-numbers|recommend(?:ed|ations)?|teasers?|outbrain|taboola|"
    r"cookie|consent|modal|popup|skip-link|screen-reader-text|sr-only|visually-hidden|"
    r"helpful|feedback|rating|reactions?|voting|code-block|print-only)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)


# -- images (parse/images.py) ----------------------------------------------------------
# Every list below is matched against whole *tokens* of a file stem, a folder name or a host
# label (split at "-", "_", "." and spaces), never as a substring: "iconic-bridge.jpg",
# "logo-wall-mural.jpg", "grey-heron.jpg" and "pixel-art-castle.jpg" are photos.

# Names of lazy-loading placeholders and spacers: "blank.gif", "spacer.gif", "pixel.gif",
# "1x1.png", "transparent.png", "placeholder.jpg", "lazy-placeholder.png", "loading.gif",
# "no-image.png", "jetpack-lazy-images-blank.gif" (WordPress lazy-load plugins, Drupal and Blogger
# themes, old table layouts). A stem is a placeholder when *every* token is one of these or a
# filler (or a size, "300x200") and at least one is one of these; the tokens are also tried
# joined ("lazy-load" is "lazyload", "no-image" is "noimage").
PLACEHOLDER_NAME_WORDS = frozenset(
    {
        "blank", "spacer", "pixel", "1x1", "1px", "transparent", "trans", "placeholder",
        "placeholders", "lazy", "lazyload", "lazyloaded", "loading", "loader", "spinner", "clear",
        "empty", "dummy", "shim", "noimage", "nophoto", "nopicture", "imagenotfound",
    }
)  # fmt: skip
# Tokens that go with those without naming a picture: colours, "img", plugin names.
PLACEHOLDER_NAME_FILLERS = frozenset(
    {
        "img", "image", "images", "photo", "pic", "gif", "png", "svg", "white", "grey", "gray",
        "black", "light", "dark", "default", "small", "tiny", "base64", "bg", "data", "icon", "wp",
        "jetpack", "a3", "no", "not", "found", "available",
    }
)  # fmt: skip
# Folder names that hold only placeholders ("/assets/placeholders/photo.png"). Not "1x1" or
# "pixel": image CDNs name square crops "/1x1/", and "/pixel/" holds phone photos on tech sites.
PLACEHOLDER_FOLDER_WORDS = frozenset(
    {"placeholder", "placeholders", "spacer", "spacers", "blank", "lazyload"}
)

# Decoration, not content: dividers, icons, site logos, avatars, emoji, share buttons. A stem is
# decoration when every token is one of these or a qualifier and at least one is one of these
# ("site-logo.svg", "facebook-icon-32.png", "content-divider.png", "arrow-right.png"), or when it
# *ends* in a divider word ("floral-divider.png"). "nike-logo.jpg" and "logo-wall-mural.jpg"
# carry a word that is neither, so they stay; so does any image whose declared size is a photo's.
DECORATION_NAME_WORDS = frozenset(
    {
        "divider", "separator", "spacer", "bullet", "icon", "icons", "ico", "logo", "logos",
        "avatar", "gravatar", "emoji", "emoticon", "smiley", "smilie", "sprite", "sprites", "button",
        "btn", "badge", "arrow", "arrows", "rating", "stars", "hr",
    }
)  # fmt: skip
DECORATION_ENDING_WORDS = frozenset({"divider", "dividers", "separator", "separators"})
DECORATION_QUALIFIERS = frozenset(
    {
        # where on the page, whose, what it looks like
        "site", "header", "footer", "nav", "menu", "content", "post", "page", "section", "article",
        "entry", "main", "brand", "user", "author", "default", "generic", "line", "horizontal",
        "vertical", "star", "half", "full", "empty", "filled", "solid", "outline", "round",
        "circle", "square", "mobile", "desktop", "retina", "white", "black", "grey", "gray", "red",
        "blue", "green", "dark", "light", "color", "colour", "mono", "inverse", "inverted", "alt",
        "new", "old", "top", "bottom", "img", "image", "small", "large", "big", "mini", "tiny",
        # what it does
        "share", "sharing", "social", "close", "open", "search", "next", "prev", "previous",
        "back", "left", "right", "up", "down", "play", "pause", "more", "less", "plus", "minus",
        "home", "link", "external", "email", "mail", "print", "rss", "feed", "comment", "comments",
        "like", "follow", "subscribe", "download", "check", "tick", "cross", "info", "warning",
        # networks printed on share and follow buttons
        "facebook", "fb", "twitter", "tw", "x", "instagram", "insta", "ig", "pinterest", "pin",
        "linkedin", "whatsapp", "telegram", "reddit", "tumblr", "youtube", "tiktok", "snapchat",
        "flipboard", "google", "gplus", "messenger", "threads", "mastodon", "bluesky", "xing",
    }
)  # fmt: skip
# Folders of decoration: WordPress's emoji ("/images/core/emoji/14.0.0/72x72/1f600.png"),
# forum smilies, theme icon sets.
DECORATION_FOLDER_WORDS = frozenset(
    {"emoji", "emojis", "twemoji", "smilies", "smileys", "emoticons", "icons"}
)

# Consent and tracking pixels, seen in the corpus's noscript blocks and footers. Host labels left
# of the registrable domain that name a pixel or analytics endpoint ("pixel.quantserve.com",
# "pixel.wp.com", "px.ads.linkedin.com", "analytics.twitter.com") ...
TRACKING_HOST_WORDS = frozenset(
    {"pixel", "pixels", "px", "beacon", "beacons", "tracking", "tracker", "analytics", "telemetry", "collect"}
)
# ... and the pixel domains whose own name says so, matched in any label.
TRACKING_DOMAIN_WORDS = frozenset(
    {"doubleclick", "scorecardresearch", "quantserve", "google-analytics", "2o7", "omtrdc", "getclicky"}
)
# Path endpoints of beacons, when they carry no extension (or .gif, .php): Facebook's
# "/tr?id=..", Google's and LinkedIn's "/collect", Twitter's "/i/adsct", Matomo's "/matomo.php".
TRACKING_ENDPOINT_WORDS = frozenset(
    {
        "tr", "collect", "pixel", "beacon", "track", "tracking", "adsct", "matomo", "piwik",
        "impression", "impressions", "ping", "__utm",
    }
)  # fmt: skip
# Query keys that only a beacon sends: Facebook and Pinterest ("ev=PageView&noscript=1"),
# urchin ("utmwv", "utmn", "utmac"), consent syncs ("gdpr", "gdpr_consent", "us_privacy"),
# Twitter ("txn_id"), Matomo ("idsite"), MSN ("evt=impr").
TRACKING_QUERY_KEYS = frozenset(
    {
        "ev", "noscript", "utmwv", "utmn", "utmac", "utmhn", "gdpr", "gdpr_consent", "gdpr_pd",
        "us_privacy", "txn_id", "idsite", "evt",
    }
)  # fmt: skip
# Pairs of keys that together mark a beacon: Google Analytics ("tid" + "cid"), comScore ("c1" +
# "c2").
TRACKING_QUERY_PAIRS = (("tid", "cid"), ("c1", "c2"))


# -- credits (parse/credits.py) ---------------------------------------------------------
# Photo agencies and libraries that credit lines name without a label ("Jo Roe/Getty Images").
# Two- and three-letter names ("AP", "EPA", "dpa") stand for much else in short lines; they count
# only in their photo forms ("AP Photo") or after a label.
PHOTO_AGENCIES = (
    "Getty Images", "Getty", "iStock", "iStockphoto", "Shutterstock", "Alamy", "Adobe Stock",
    "AP Photo", "Reuters", "AFP", "EPA-EFE", "dpa-Zentralbild", "picture alliance", "imago",
    "Keystone", "ANSA", "Kyodo", "Xinhua", "Unsplash", "Pexels", "Pixabay", "Wikimedia Commons",
    "Flickr", "NASA", "Bloomberg", "Corbis", "Magnum Photos", "Gamma-Rapho", "SIPA", "Anadolu",
)  # fmt: skip
# Credit labels that name the article's own lead image, not an item's photo ("Featured Image:
# Rawpixel via Shutterstock" under the last item of a WordPress post).
ARTICLE_IMAGE_CREDIT = re.compile(
    r"^\(?\s*(?:featured|header|hero|lead|top|cover|teaser|title)\s+(?:image|photo|picture)|"
    r"^\(?\s*(?:titelbild|beitragsbild|aufmacherbild|headerbild|image\s+(?:de\s+)?une|photo\s+de\s+une)",
    re.IGNORECASE,
)

# -- images that are controls, and blocks drawn as photos (parse/images.py) ---------------------
# Class words of a link or button styled as a button: "pin-it-button" (Pinterest savers of social
# plugins), "aff-btn" and Bootstrap's "btn" (affiliate "Buy on Amazon" buttons), "wp-block-button",
# "cta" (call-to-action boxes). An image drawn on one is the button's face, not a photo.
BUTTON_CLASS_WORDS = frozenset({"button", "btn", "cta"})
# Networks whose share and save endpoints wrap "Pin it", "Share" and "Tweet" buttons, by the name
# label of the host ("pinterest.com", "www.facebook.com", "x.com", "wa.me", "t.me") ...
SHARE_HOST_NAMES = frozenset(
    {
        "facebook", "twitter", "x", "pinterest", "linkedin", "reddit", "whatsapp", "wa", "telegram",
        "t", "tumblr", "flipboard", "vk", "xing", "getpocket", "mix", "bsky", "threads",
    }
)  # fmt: skip
# ... and the path segments of those endpoints ("/pin/create/button/", "/sharer/sharer.php",
# "/intent/tweet", "/shareArticle", "/submit", "/send").
SHARE_PATH_WORDS = frozenset(
    {
        "sharer", "sharer.php", "share", "share.php", "sharearticle", "intent", "create", "submit",
        "send", "bookmarklet", "offsite", "save",
    }
)  # fmt: skip
# Share services whose every link is a share button (AddThis, ShareThis, AddToAny).
SHARE_SERVICE_HOSTS = frozenset({"addthis", "sharethis", "addtoany"})
# Class words of a block drawn with a CSS background where a figure would stand: "bg-image",
# "item-media", "hero", "post-thumb", "featured-photo", German "bild"/"foto", Spanish "imagen".
# Not "cover": Tailwind's "bg-cover" is only the background's sizing.
PHOTO_CLASS_WORDS = frozenset(
    {
        "image", "images", "img", "photo", "photos", "picture", "pic", "hero", "thumb", "thumbs",
        "thumbnail", "media", "figure", "bild", "foto", "imagen",
    }
)  # fmt: skip
# Class words (matched inside a class, "imageCaption", "style-card__credit") of a figure's
# caption or credit box.
FIGURE_NOTE_CLASS_WORDS = ("caption", "credit", "attribution", "copyright", "image-source", "photo-source")

# -- blocks inside items that are not the item's text (parse/item_content.py) ----------------
# A line that opens with one of these and is mostly link text points elsewhere ("Related: ...",
# "À lire aussi : ...", "Mehr zum Thema: ...").
RELATED_LINE = re.compile(
    r"^(?:related(?:\s+(?:story|stories|article|articles|post|posts|reading))?|see also|also read|"
    r"read (?:more|also|next)|more(?:\s+from|\s+on)?|lesen sie auch|mehr zum thema|auch interessant|"
    r"weiterlesen|siehe auch|à lire aussi|lire aussi|voir aussi|à voir aussi|lee también|leer más|"
    r"ver también|te puede interesar|関連記事|あわせて読みたい|こちらもおすすめ)\b\s*[:：»›>\-–—]?",
    re.IGNORECASE,
)
# The whole text of an ad slot's label.
AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|ad|ads|sponsored|sponsored content|anzeige|werbung|publicidad|"
    r"publicité|pubblicità|reklame|advertentie|reklama|広告|pr|スポンサーリンク)$",
    re.IGNORECASE,
)
