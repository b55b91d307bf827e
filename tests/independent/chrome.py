# ruff: noqa: E501
"""The chrome the tester's pages share (``common.py`` of the red-team set): head, navigation,
footer, a "Most Read" sidebar, related posts, comments, and the filler sentences.

Kept as written, with one change: the tester's ``hash()`` (salted per process) picked the
og:image and related-post image numbers; ``stable_hash`` makes them the same on every run.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Sequence

__all__ = [
    "SENT",
    "cap",
    "comments",
    "esc",
    "footer",
    "head",
    "nav",
    "related",
    "sidebar_most_read",
    "std_page",
]


def stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


SENT = [
    "It took the photographer almost three weeks to get permission for this shot.",
    "Locals say the view is best just after sunrise, before the tour buses arrive.",
    "The building was finished in 1987 and has barely changed since.",
    "Nobody is quite sure who started the tradition, but it has stuck around for decades.",
    "You can still find a handful of these in antique shops, if you know where to look.",
    "Prices have doubled since 2019, yet the queue outside never seems to get shorter.",
    "The original plan called for twice as many, but the budget ran out halfway through.",
    "Visitors are asked not to touch anything, a rule that is, predictably, ignored.",
    "According to the guide, the family has run the place for four generations.",
    "It looks ordinary from the street; the surprise is what waits inside.",
    "This one divided the office: half of us loved it, the other half did not get it.",
    "The colours are not edited. It really looks like that on a clear afternoon.",
]


def cap(i: int, n: int = 2) -> str:
    return " ".join(SENT[(i * 3 + k) % len(SENT)] for k in range(n))


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def head(
    title: str,
    url: str,
    lang: str = "en",
    extra: str = "",
    site: str = "Example Media",
    og_image: bool = True,
) -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {esc(site)}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:site_name" content="{esc(site)}">
<meta property="og:type" content="article">
{'<meta property="og:image" content="https://cdn.example-media.com/og/' + str(stable_hash(title) % 99999) + '.jpg">' if og_image else ""}
<meta property="article:published_time" content="2023-05-14T09:30:00+00:00">
<link rel="stylesheet" href="/wp-content/themes/site/style.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}</script>
{extra}
</head>
"""


def nav(
    site: str = "Example Media",
    items: Sequence[str] = ("News", "Travel", "Food", "Entertainment", "Lists", "Shop"),
) -> str:
    lis = "".join(f'<li class="menu-item"><a href="/{i.lower()}/">{i}</a></li>' for i in items)
    return f"""<header class="site-header"><div class="logo"><a href="/"><img src="/logo.svg" alt="{esc(site)}"></a></div>
<nav class="main-navigation"><ul id="primary-menu" class="menu">{lis}</ul></nav>
<form class="search-form" action="/"><input type="search" name="s" placeholder="Search…"></form></header>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. <a href="/privacy/">Learn more</a></p><button>Accept</button></div>
"""


def footer(site: str = "Example Media") -> str:
    return f"""<footer class="site-footer">
<div class="footer-widgets"><div class="widget"><h4>About</h4><ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li><li><a href="/advertise/">Advertise</a></li><li><a href="/jobs/">Jobs</a></li></ul></div>
<div class="widget"><h4>Follow</h4><ul><li><a href="https://facebook.com/x">Facebook</a></li><li><a href="https://twitter.com/x">Twitter</a></li><li><a href="https://instagram.com/x">Instagram</a></li></ul></div></div>
<p class="copyright">© 2024 {esc(site)}. All rights reserved. <a href="/privacy/">Privacy</a> · <a href="/terms/">Terms</a></p>
</footer>
<script src="/wp-includes/js/jquery.min.js"></script>
</body></html>
"""


def sidebar_most_read(
    n: int = 5,
    start_title: Sequence[str] = (
        "17 Celebrities Who Quit Hollywood",
        "The 8 Best Sunscreens Dermatologists Swear By",
        "22 Times Airlines Actually Got It Right",
        "Why Everyone Is Talking About This Tiny Town",
        "11 Facts About Sharks That Will Ruin Your Day",
        "People Share Their Worst First Date Stories (35 Posts)",
    ),
) -> str:
    lis = "".join(
        f'<li><a href="/post-{k}/"><img src="https://cdn.example-media.com/thumbs/t{k}.jpg" alt="" width="80" height="60"><span class="rank">{k + 1}</span> {esc(start_title[k % len(start_title)])}</a></li>'
        for k in range(n)
    )
    return f'<aside class="sidebar widget-area"><section class="widget popular-posts"><h3 class="widget-title">Most Read</h3><ol>{lis}</ol></section><section class="widget"><div class="ad-slot" id="sidebar-ad-1">Advertisement</div></section></aside>'


def related(titles: Sequence[str], heading: str = "You May Also Like") -> str:
    lis = "".join(
        f'<div class="related-post"><a href="/{esc(t.lower().replace(" ", "-")[:40])}/"><img src="https://cdn.example-media.com/rel/{stable_hash(t) % 9999}.jpg" alt=""><h4>{esc(t)}</h4></a></div>'
        for t in titles
    )
    return f'<section class="related-posts"><h3>{heading}</h3><div class="grid">{lis}</div></section>'


def comments(n: int = 3) -> str:
    cs = "".join(
        f'<li class="comment" id="comment-{100 + k}"><div class="comment-author"><img src="https://secure.gravatar.com/avatar/{k}?s=48" class="avatar" width="48" height="48"><cite class="fn">User{k}</cite></div><div class="comment-content"><p>{SENT[k]}</p></div><a class="comment-reply-link" href="#">Reply</a></li>'
        for k in range(n)
    )
    return f'<div id="comments" class="comments-area"><h2 class="comments-title">{n} thoughts on this post</h2><ol class="comment-list">{cs}</ol></div>'


def std_page(
    url: str,
    title: str,
    body: str,
    site: str = "Example Media",
    lang: str = "en",
    extra: str = "",
    sidebar: bool = True,
) -> str:
    """A standard article page around ``body`` (from the tester's ``gen_list2.py``)."""
    return (
        head(title, url, lang=lang, site=site, extra=extra)
        + '<body class="single">'
        + nav(site)
        + f'<div class="wrap"><main><article><h1 class="entry-title">{esc(title)}</h1><div class="entry-content">{body}</div></article></main>'
        + (sidebar_most_read() if sidebar else "")
        + "</div>"
        + footer(site)
    )
