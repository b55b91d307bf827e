# ruff: noqa: E501
# fmt: off
"""Listicles L01–L38 (the tester's ``gen_list.py``): real-world templates, one page each
(a slideshow and a three-page list give one page per slide or page).

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``write(name, html, truth)`` become ``yield Page(...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent.chrome import SENT, cap, comments, esc, footer, head, nav, related, sidebar_most_read
from tests.independent.truth import L, Page


# ---------- 01 WordPress Gutenberg, h2.wp-block-heading "1. Title", ads between ----------
def p01() -> Iterator[Page]:
    url = "https://www.wanderlustdaily.com/north-korea-photos-smuggled/"
    heads = ["The Empty Highway to Kaesong", "Schoolchildren Marching in Formation", "A Pyongyang Metro Station at Rush Hour",
             "Farmers Pulling a Plough by Hand", "Soldiers Resting by the Roadside", "The Ryugyong Hotel at Dusk",
             "A Department Store With No Customers", "Kim Il Sung Square Before a Parade", "Fishermen on the Taedong River",
             "A Village Without Electricity at Night", "Traffic Girl in Her Booth", "Bicycles Lined Up at a Factory Gate"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2 class="wp-block-heading" id="{i}-{h.lower().replace(" ", "-")}">{i}. {esc(h)}</h2>')
        body.append(f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="https://www.wanderlustdaily.com/wp-content/uploads/2023/05/nk-{i:02d}-1024x683.jpg" alt="{esc(h)}" class="wp-image-{4400+i}" srcset="https://www.wanderlustdaily.com/wp-content/uploads/2023/05/nk-{i:02d}-1024x683.jpg 1024w, https://www.wanderlustdaily.com/wp-content/uploads/2023/05/nk-{i:02d}-300x200.jpg 300w, https://www.wanderlustdaily.com/wp-content/uploads/2023/05/nk-{i:02d}.jpg 1600w" sizes="(max-width: 1024px) 100vw, 1024px"><figcaption class="wp-element-caption">Image Source: Michal Huniewicz</figcaption></figure>')
        body.append(f'<p>{cap(i)}</p>')
        if i % 4 == 0:
            body.append('<div class="code-block code-block-3" style="margin: 8px auto; text-align: center;"><ins class="adsbygoogle" data-ad-client="ca-pub-123" data-ad-slot="999"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>')
    html_ = head("12 Pictures Smuggled Out of North Korea", url) + '<body class="post-template-default single single-post">' + nav() + \
        '<div id="content" class="site-content"><main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">12 Pictures Smuggled Out of North Korea</h1><div class="entry-meta">By <a href="/author/jane/">Jane Doe</a> · May 14, 2023</div></header><div class="entry-content">' + \
        '<p>Photographer Michal Huniewicz visited the hermit kingdom and brought back these photos, some of which he was not supposed to take.</p>' + "".join(body) + \
        '<p>Have you been to North Korea? Tell us in the comments.</p></div><footer class="entry-footer"><span class="tags-links">Tags: <a href="/tag/asia/">asia</a>, <a href="/tag/photography/">photography</a></span></footer></article>' + \
        related(["21 Photos of Soviet Bus Stops", "15 Abandoned Places That Nature Took Back", "The 10 Strangest Border Crossings"]) + comments() + '</main>' + sidebar_most_read() + '</div>' + footer()
    yield Page("L01_wp_gutenberg_h2", html_, L(url, 12, heads[0], heads[-1], list(range(1, 13)), "WordPress Gutenberg h2 '1. Title' + figure, ads every 4"))

# ---------- 02 WordPress ez-toc TOC at top, h3 "#1 – Title" ----------
def p02() -> Iterator[Page]:
    url = "https://www.homeandhearth.net/small-kitchen-ideas/"
    heads = ["Use the Inside of Cabinet Doors", "Install a Pegboard Wall", "Go for Open Shelving", "Add a Rolling Cart",
             "Hang Pots From the Ceiling", "Choose a Drop-Leaf Table", "Mount a Magnetic Knife Strip", "Put a Shelf Above the Window",
             "Use Stackable Containers", "Swap the Oven for a Combi Microwave"]
    toc = "".join(f'<li class="ez-toc-page-1 ez-toc-heading-level-3"><a class="ez-toc-link ez-toc-heading-{i}" href="#{i}_{h.replace(" ", "_")}" title="#{i} – {esc(h)}">#{i} – {esc(h)}</a></li>' for i, h in enumerate(heads, 1))
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h3><span class="ez-toc-section" id="{i}_{h.replace(" ", "_")}"></span>#{i} – {esc(h)}<span class="ez-toc-section-end"></span></h3>')
        body.append(f'<div class="wp-block-image"><figure class="aligncenter size-full"><img loading="lazy" src="https://www.homeandhearth.net/wp-content/uploads/kitchen-{i}.webp" alt="" width="800" height="1200"></figure></div>')
        body.append(f'<p>{cap(i, 3)}</p><p><em>Via: <a href="https://www.pinterest.com/pin/{9000+i}/">Pinterest</a></em></p>')
    html_ = head("10 Clever Small Kitchen Ideas That Actually Work", url, site="Home & Hearth") + '<body class="single">' + nav("Home & Hearth") + \
        '<main class="site-main"><article><h1 class="entry-title">10 Clever Small Kitchen Ideas That Actually Work</h1><div class="entry-content">' + \
        '<p>A small kitchen does not have to feel cramped. Here are our favourite tricks.</p>' + \
        f'<div id="ez-toc-container" class="ez-toc-v2_0_61 counter-hierarchy ez-toc-counter ez-toc-grey ez-toc-container-direction"><div class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p></div><nav><ul class="ez-toc-list ez-toc-list-level-1">{toc}</ul></nav></div>' + \
        "".join(body) + '<h3><span class="ez-toc-section" id="Final_Thoughts"></span>Final Thoughts<span class="ez-toc-section-end"></span></h3><p>Whichever you try first, start with the one that costs least.</p></div></article></main>' + footer()
    yield Page("L02_wp_eztoc_h3_hash", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "WP ez-toc TOC (ul of '#N – Title' links) then h3 '#N – Title'; trailing 'Final Thoughts' h3"))

# ---------- 03 Drupal paragraphs, number in separate field div ----------
def p03() -> Iterator[Page]:
    url = "https://www.cityguide.org/articles/8-hidden-gems-lisbon"
    heads = ["LX Factory", "Miradouro da Graça", "Feira da Ladra", "Jardim do Torel", "Museu Nacional do Azulejo", "Tasca do Chico", "Cemitério dos Prazeres", "Pink Street"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'''<div class="paragraph paragraph--type--list-item paragraph--view-mode--default">
  <div class="field field--name-field-item-number field--type-integer field--label-hidden field__item">{i}</div>
  <div class="clearfix text-formatted field field--name-field-title field--type-string field--label-hidden field__item"><h3>{esc(h)}</h3></div>
  <div class="field field--name-field-media-image field--type-entity-reference field--label-hidden field__item"><article class="media media--type-image media--view-mode-default"><div class="field field--name-field-media-image field--type-image field--label-visually_hidden"><div class="field__label visually-hidden">Image</div><div class="field__item"><img loading="lazy" src="/sites/default/files/styles/large/public/2023-04/lisbon-{i}.jpg?itok=ab{i}X" width="960" height="640" alt="{esc(h)}"></div></div></article></div>
  <div class="clearfix text-formatted field field--name-field-body field--type-text-long field--label-hidden field__item"><p>{cap(i)}</p></div>
  <div class="field field--name-field-credit field--type-string field--label-inline clearfix"><div class="field__label">Photo credit</div><div class="field__item">Ana Silva</div></div>
</div>''')
    html_ = head("8 Hidden Gems in Lisbon Only Locals Know", url, site="City Guide") + '<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas">' + nav("City Guide") + \
        '<main role="main"><div class="region region-content"><article role="article" class="node node--type-article node--view-mode-full"><h1 class="page-title"><span class="field field--name-title">8 Hidden Gems in Lisbon Only Locals Know</span></h1><div class="node__content"><div class="field field--name-body"><p>Skip the tram 28 queue. These are the places Lisboetas actually go.</p></div><div class="field field--name-field-list-items field--type-entity-reference-revisions field__items">' + \
        "".join(f'<div class="field__item">{b}</div>' for b in body) + '</div></div></article></div></main></div>' + footer()
    yield Page("L03_drupal_paragraph_number_field", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "Drupal paragraphs: number in its own field div, h3 title in sibling div"))

# ---------- 04 Ghost countdown 10..1 ----------
def p04() -> Iterator[Page]:
    url = "https://blog.retrogamer.io/top-10-snes-games/"
    heads = ["Star Fox", "Mega Man X", "Donkey Kong Country 2", "Secret of Mana", "Final Fantasy VI", "EarthBound", "Super Metroid", "Yoshi's Island", "Chrono Trigger", "The Legend of Zelda: A Link to the Past"]
    body: list[str] = []
    for k, h in enumerate(heads):
        n = 10 - k
        body.append(f'<h2 id="{n}-{h.lower().replace(" ", "-")}">{n}. {esc(h)}</h2>')
        body.append(f'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="https://blog.retrogamer.io/content/images/2023/02/snes-{n}.png" class="kg-image" alt loading="lazy" width="1280" height="720" srcset="https://blog.retrogamer.io/content/images/size/w600/2023/02/snes-{n}.png 600w, https://blog.retrogamer.io/content/images/size/w1000/2023/02/snes-{n}.png 1000w, https://blog.retrogamer.io/content/images/2023/02/snes-{n}.png 1280w" sizes="(min-width: 720px) 720px"><figcaption>Screenshot: Nintendo</figcaption></figure>')
        body.append(f'<p>{cap(k, 3)}</p>')
    html_ = head("Top 10 SNES Games of All Time, Ranked", url, site="Retro Gamer Blog") + '<body class="post-template tag-snes">' + \
        '<div class="viewport"><header class="gh-head"><nav class="gh-head-inner"><a class="gh-head-logo" href="/">Retro Gamer</a><ul class="nav"><li class="nav-home"><a href="/">Home</a></li><li class="nav-reviews"><a href="/tag/reviews/">Reviews</a></li><li class="nav-lists"><a href="/tag/lists/">Lists</a></li></ul></nav></header>' + \
        '<main id="site-main" class="site-main"><article class="article post tag-snes"><header class="article-header gh-canvas"><h1 class="article-title">Top 10 SNES Games of All Time, Ranked</h1><p class="article-excerpt">We argued for weeks. Here is the result.</p></header><section class="gh-content gh-canvas">' + \
        "".join(body) + '<hr><p>Agree? Disagree? <a href="#/portal/signup">Subscribe</a> and tell us.</p></section></article></main>' + \
        '<aside class="read-more-wrap"><div class="read-more inner"><article class="post-card"><a href="/top-10-n64-games/"><h2 class="post-card-title">Top 10 N64 Games</h2></a></article><article class="post-card"><a href="/top-10-genesis-games/"><h2 class="post-card-title">Top 10 Genesis Games</h2></a></article><article class="post-card"><a href="/top-10-ps1-games/"><h2 class="post-card-title">Top 10 PS1 Games</h2></a></article></div></aside></div>' + footer("Retro Gamer")
    yield Page("L04_ghost_countdown", html_, L(url, 10, heads[0], heads[-1], list(range(10, 0, -1)), "Ghost kg-image-card, h2 countdown 10..1, read-more post cards with h2"))

# ---------- 05 Medium-like, "1 — Title" ----------
def p05() -> Iterator[Page]:
    url = "https://medium.com/@devtips/7-vs-code-extensions-i-cant-live-without-3f2a9c1b7e11"
    heads = ["GitLens", "Error Lens", "Prettier", "REST Client", "Todo Tree", "Code Spell Checker", "Live Share"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h1 id="a{i}b2" class="pw-post-body-paragraph nt nu fs be nv nw nx ny nz oa ob oc od oe of og oh oi oj ok ol om on oo op gx bj" data-selectable-paragraph=""><strong class="be ou">{i} — {esc(h)}</strong></h1>')
        body.append(f'<figure class="ov ow ox oy oz pa pb pc paragraph-image"><div role="button" tabindex="0" class="pd pe ed pf bg pg"><div class="pb pc pu"><picture><source srcset="https://miro.medium.com/v2/resize:fit:640/format:webp/1*ab{i}cd.png 640w, https://miro.medium.com/v2/resize:fit:1400/format:webp/1*ab{i}cd.png 1400w" sizes="(min-resolution: 4dppx) and (max-width: 700px) 50vw, 100vw" type="image/webp"><img alt="" class="bg mq pi c" width="700" height="394" loading="lazy" role="presentation" src="https://miro.medium.com/v2/resize:fit:700/1*ab{i}cd.png"></picture></div></div></figure>')
        body.append(f'<p id="p{i}" class="pw-post-body-paragraph nt nu fs nv b nw nx ny nz oa ob oc od oe of og oh oi oj ok ol om on oo op fl bj" data-selectable-paragraph="">{cap(i, 3)}</p>')
    html_ = head("7 VS Code Extensions I Can’t Live Without", url, site="Medium") + '<body><div id="root"><div class="a b c"><div class="l c"><div class="l"><div class="ab ca"><div class="ch bg fy fz ga gb">' + \
        '<article><div class="l"><div class="l"><section><div><div class="fl fm fn fo fp"></div><div class="ab ca"><div class="ch bg fy fz ga gb"><div><h1 id="9a7e" class="pw-post-title gr gs gt be gu gv gw gx gy gz ha hb hc hd he hf hg hh hi hj hk hl hm hn ho hp bj" data-testid="storyTitle">7 VS Code Extensions I Can’t Live Without</h1><div class="speechify-ignore ab cp"><div class="speechify-ignore bg l"><div class="hq hr hs ht hu ab"><div><div class="ab hv"><a href="/@devtips" rel="noopener follow"><div class="l ee"><img alt="Dev Tips" class="l ec by dd de cx" src="https://miro.medium.com/v2/resize:fill:88:88/1*avatar.jpeg" width="44" height="44" loading="lazy"></div></a></div></div><span class="be b bf z bj"><a href="/@devtips">Dev Tips</a> · 4 min read · Mar 3, 2023</span></div></div></div>' + \
        '<p class="pw-post-body-paragraph">After ten years of writing code, these are the ones that survived every reinstall.</p>' + "".join(body) + \
        '</div></div></div></div></section></div></div></article></div></div></div></div></div>' + \
        '<div class="more-from"><h2>More from Dev Tips</h2><div><a href="/@devtips/10-git-aliases"><h2>10 Git Aliases That Save Me an Hour a Day</h2></a></div><div><a href="/@devtips/5-css-tricks"><h2>5 CSS Tricks Nobody Told You About</h2></a></div></div></div></body></html>'
    yield Page("L05_medium_h1_emdash", html_, L(url, 7, heads[0], heads[-1], list(range(1, 8)), "Medium: items are h1.pw-post-body-paragraph '1 — Title' with <strong>, obfuscated classes, 'More from' h2s"))

# ---------- 06 AMP news, amp-img ----------
def p06() -> Iterator[Page]:
    url = "https://amp.dailynewsnow.com/lifestyle/15-photos-of-the-1970s/amp/"
    heads = ["Disco at Studio 54", "A Gas Station Queue in 1973", "The First Walkman Commercial Shoot", "Roller Skating in Venice Beach", "A Living Room With Shag Carpet",
             "Punk Kids in London", "The Concorde's First Flight", "A Fondue Dinner Party", "Bell-Bottoms at a Bus Stop", "Kids on Chopper Bikes",
             "The Pong Arcade Cabinet", "A Wood-Panelled Station Wagon", "New York Subway Graffiti", "An Afro Pick in a Back Pocket", "Farrah Fawcett Hair at Prom"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2><strong>{i}.</strong> {esc(h)}</h2>')
        body.append(f'<amp-img src="https://i.dailynewsnow.com/2023/1970s/{i}.jpg" width="1200" height="800" layout="responsive" alt="{esc(h)}"></amp-img>')
        body.append(f'<p class="credit">Credit: Getty Images</p><p>{cap(i)}</p>')
        if i in (5, 10):
            body.append('<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/amp_article" layout="responsive"><div placeholder></div></amp-ad><p class="ad-label">Advertisement</p>')
    extra = '<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style><style amp-custom>.credit{font-size:12px}</style>'
    html_ = head("15 Photos That Show What Life Was Really Like in the 1970s", url, extra=extra, site="Daily News Now").replace('<html lang="en">', '<html ⚡ lang="en">') + \
        '<body><header class="amp-header"><a href="https://www.dailynewsnow.com/"><amp-img src="/logo.png" width="120" height="30" alt="Daily News Now"></amp-img></a><amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/news/">News</a></li><li><a href="/lifestyle/">Lifestyle</a></li></ul></amp-sidebar></header>' + \
        '<article class="amp-article"><h1>15 Photos That Show What Life Was Really Like in the 1970s</h1><div class="byline">By Mark Hill | Updated 14 May 2023</div><div class="article-body">' + \
        '<p>Flares, fondue and fuel crises: the decade in pictures.</p>' + "".join(body) + '</div></article>' + \
        '<amp-social-share type="facebook"></amp-social-share><div class="amp-related"><h3>Read More</h3><ul><li><a href="/20-photos-1980s/amp/">20 Photos of the 1980s</a></li><li><a href="/12-photos-1960s/amp/">12 Photos of the 1960s</a></li></ul></div></body></html>'
    yield Page("L06_amp_news_ampimg", html_, L(url, 15, heads[0], heads[-1], list(range(1, 16)), "AMP: amp-img only (no <img>), h2 '<strong>1.</strong> Title', amp-ad"))

# ---------- 07 BuzzFeed subbuzz ----------
def p07() -> Iterator[Page]:
    url = "https://www.buzzfeed.com/sarahsmith/tumblr-posts-that-are-too-funny"
    heads = ["This very honest review", "The cat who knew exactly what it was doing", "This perfect comeback", "When autocorrect saved the day",
             "The most relatable grocery list", "This dad joke that went too far", "The sign that said it all", "This very specific fear",
             "Whoever wrote this menu", "This plant parent", "The group chat that got out of hand", "This cursed image",
             "The library's Twitter account", "This tiny act of rebellion", "This pun that took effort", "The roommate note",
             "This accidental poem", "The dog who is simply vibing", "This absolute legend", "And finally, this wholesome moment"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'''<div class="subbuzz subbuzz-image subbuzz-image--standard xs-mb4 xs-relative" id="mod-subbuzz-image-{i}" data-module="subbuzz-image">
<h2 class="subbuzz__title js-subbuzz__title"><span class="subbuzz__number">{i}.</span> <span class="js-subbuzz__title-text">{esc(h)}:</span></h2>
<div class="subbuzz-image__container"><picture><source srcset="https://img.buzzfeed.com/buzzfeed-static/static/2023-05/12/{i}/asset/abc{i}.jpg?downsize=700%3A%2A&amp;output-quality=auto&amp;output-format=auto" media="(min-width: 40rem)"><img class="img-wireframe__image js-progressive-image" alt="a tumblr post" src="https://img.buzzfeed.com/buzzfeed-static/static/2023-05/12/{i}/asset/abc{i}.jpg?downsize=600:*&amp;output-format=auto&amp;output-quality=auto" width="625" height="466" loading="lazy"></picture></div>
<span class="subbuzz__attribution">Tumblr / via <a href="https://user{i}.tumblr.com/post/{7000+i}">user{i}.tumblr.com</a></span>
</div>''')
        if i % 6 == 0:
            body.append('<div class="ad-awareness ad-wireframe-wrapper ad-flexpro js-ad-flexpro"><div class="ad-wireframe-text">Advertisement</div></div>')
        if i == 10:
            body.append('<div class="subbuzz subbuzz-text"><div class="subbuzz-text__content"><p>Scroll on, there is more.</p></div></div>')
    html_ = head("20 Tumblr Posts That Are Just Too Funny Not To Share", url, site="BuzzFeed") + '<body><div id="__next"><div class="page-main"><nav class="nav" data-module="nav"><a href="/">BuzzFeed</a><ul><li><a href="/quizzes">Quizzes</a></li><li><a href="/shopping">Shopping</a></li></ul></nav>' + \
        '<main id="buzz-content" class="buzz--long"><article class="buzz"><div class="buzz-header"><h1 class="headline_title__ZfTXn">20 Tumblr Posts That Are Just Too Funny Not To Share</h1><p class="description">Number 14 made me snort.</p><div class="byline"><a href="/sarahsmith">Sarah Smith</a><span>BuzzFeed Staff</span></div></div>' + \
        '<div class="js-buzz-subbuzzes subbuzzes-wrapper">' + "".join(body) + '</div></article>' + \
        '<section class="trending"><h2>Trending</h2><ol><li><a href="/a">23 Times Cats Were Unhinged</a></li><li><a href="/b">People Are Sharing Things That Are Overrated</a></li><li><a href="/c">17 Products That Really Work</a></li></ol></section></main></div></div></body></html>'
    yield Page("L07_buzzfeed_subbuzz", html_, L(url, 20, heads[0], heads[-1], list(range(1, 21)), "BuzzFeed subbuzz: number span + title span with trailing colon, attribution span, text subbuzz between"))

# ---------- 08 Bored Panda ----------
def p08() -> Iterator[Page]:
    url = "https://www.boredpanda.com/funny-signs-spotted/"
    heads = ["This Parking Sign Has Given Up", "Honest Advertising", "The Sign Everyone Ignores", "Clearly A Local Knows",
             "This Bakery Knows Its Audience", "Caution Indeed", "Whoever Made This Deserves A Raise", "A Very Specific Warning",
             "This Is How You Do Customer Service", "The Shop That Closed For Feelings", "Directions Unclear", "Just Keep Walking",
             "This Restaurant Is Not Sorry", "The Wifi Password", "I Would Stop Here", "No Running, Please", "The Bathroom Situation", "Found At A Car Wash"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'''<div class="open-list-item open-list-block clearfix" data-id="{8800+i}">
<h2 class="open-list-heading"><span class="order-number">#{i}</span> <span class="bordered-description">{esc(h)}</span></h2>
<div class="image-size-full"><img class="image-size-full" src="https://www.boredpanda.com/blog/wp-content/uploads/2023/06/sign{i}-png__700.jpg" alt="{esc(h)}" width="700" height="{500+i}" data-src="https://www.boredpanda.com/blog/wp-content/uploads/2023/06/sign{i}-png__700.jpg"></div>
<div class="bordered-description"><p>{cap(i, 1)}</p></div>
<div class="image-source-wrap"><span class="image-source-title">Image source:</span> <a class="image-source-link" href="https://www.reddit.com/r/funnysigns/comments/{i}abc" target="_blank" rel="nofollow">u/signguy{i}</a></div>
<div class="open-list-footer"><div class="points"><span class="points-count">{1200 - i*37}</span> points</div><a class="share-button" href="#">Share</a><div class="comments-count">{40-i} comments</div></div>
</div>''')
        if i % 5 == 0:
            body.append(f'<div class="ad-placeholder ad-middle"><div class="bp-ad" data-ad-unit="mid-{i}"></div></div>')
        if i == 9:
            body.append('<div class="newsletter-inline"><h3>Get the best of Bored Panda in your inbox</h3><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>')
    html_ = head("People Are Sharing Funny Signs They Spotted In The Wild (18 Pics)", url, site="Bored Panda") + '<body class="post">' + nav("Bored Panda", ("Art", "Animals", "Funny", "Lists")) + \
        '<div class="post-content"><h1 class="post-title">People Are Sharing Funny Signs They Spotted In The Wild (18 Pics)</h1><div class="author-info">Rūta Mikaliūnė · Community member</div><div class="intro"><p>Signs are meant to inform. Some of them inform a lot more than intended.</p></div>' + \
        '<div class="open-list-items clearfix">' + "".join(body) + '</div>' + \
        '<div class="bp-related"><h3>See Also on Bored Panda</h3><div class="rel"><a href="/x/"><img src="https://www.boredpanda.com/rel1.jpg"><span>50 Times People Found Something So Unexpected</span></a></div><div class="rel"><a href="/y/"><img src="https://www.boredpanda.com/rel2.jpg"><span>30 Funny Dog Memes</span></a></div></div></div>' + footer("Bored Panda")
    yield Page("L08_boredpanda", html_, L(url, 18, heads[0], heads[-1], list(range(1, 19)), "Bored Panda open-list-item: '#N' span + title span, points counters, newsletter + ads"))

# ---------- 09 German "Platz 1:" ----------
def p09() -> Iterator[Page]:
    url = "https://www.reisemagazin.de/bayern/die-10-schoensten-orte-in-bayern/"
    heads = ["Schloss Neuschwanstein", "Königssee", "Rothenburg ob der Tauber", "Zugspitze", "Altmühltal", "Bamberger Altstadt", "Partnachklamm", "Chiemsee mit Herreninsel", "Regensburg", "Eibsee"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2 class="article-subheadline">Platz {i}: {esc(h)}</h2>')
        body.append(f'<figure class="article-image"><img src="https://img.reisemagazin.de/bayern/{i}.jpg" alt="{esc(h)}" width="900" height="600" loading="lazy"><figcaption>{esc(h)} <span class="copyright">© Foto: iStock / Bildautor{i}</span></figcaption></figure>')
        body.append(f'<p>Wer hierher kommt, sollte früh aufstehen: Ab zehn Uhr wird es voll. Der Eintritt kostet {5+i} Euro, Kinder zahlen die Hälfte.</p>')
        if i == 5:
            body.append('<div class="teaser-box"><span class="teaser-label">Auch interessant</span><a href="/italien/gardasee-tipps/"><strong>Gardasee: 7 Tipps für den perfekten Urlaub</strong></a></div>')
    html_ = head("Die 10 schönsten Orte in Bayern", url, lang="de", site="Reisemagazin") + '<body>' + nav("Reisemagazin", ("Reiseziele", "Deutschland", "Europa", "Tipps")) + \
        '<main><article class="article"><nav class="breadcrumb"><a href="/">Startseite</a> › <a href="/bayern/">Bayern</a></nav><h1>Die 10 schönsten Orte in Bayern</h1><p class="article-meta">Von Lena Huber · 14.05.2023 · Lesezeit: 6 Minuten</p><div class="article-body">' + \
        '<p class="intro">Von Seen bis Schlössern: Unsere Redaktion hat abgestimmt.</p>' + "".join(body) + '</div></article></main>' + footer("Reisemagazin")
    yield Page("L09_de_platz", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "German 'Platz N: Title' h2, © credits in figcaption, teaser box with '7 Tipps'"))

# ---------- 10 French "1 – Gordes" with nbsp ----------
def p10() -> Iterator[Page]:
    url = "https://www.voyages-france.fr/les-12-plus-beaux-villages-de-france/"
    heads = ["Gordes (Vaucluse)", "Rocamadour (Lot)", "Eguisheim (Haut-Rhin)", "Saint-Cirq-Lapopie (Lot)", "Riquewihr (Haut-Rhin)", "Collonges-la-Rouge (Corrèze)",
             "Yvoire (Haute-Savoie)", "Roussillon (Vaucluse)", "Locronan (Finistère)", "Conques (Aveyron)", "Èze (Alpes-Maritimes)", "Moustiers-Sainte-Marie (Alpes-de-Haute-Provence)"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2 class="wp-block-heading">{i}&nbsp;– {esc(h)}</h2>')
        body.append(f'<figure class="wp-block-image size-full"><img src="https://www.voyages-france.fr/wp-content/uploads/2022/village-{i}.jpg" alt="Le village de {esc(h)}" width="1200" height="800"><figcaption>Crédit photo : Shutterstock – Photographe{i}</figcaption></figure>')
        body.append('<p>Perché sur son rocher, le village attire chaque année des milliers de visiteurs. On y vient pour les ruelles pavées et la vue sur la vallée.</p><p><strong>Notre conseil :</strong> venez hors saison, en octobre par exemple.</p>')
    html_ = head("Les 12 plus beaux villages de France", url, lang="fr", site="Voyages France") + '<body>' + nav("Voyages France", ("Destinations", "Week-end", "Conseils")) + \
        '<main><article><h1>Les 12 plus beaux villages de France</h1><div class="entry-content"><p>Ils sont classés parmi les plus beaux villages de France et ne manquent pas de charme. Voici notre sélection.</p>' + \
        "".join(body) + '<h2 class="wp-block-heading">À lire aussi</h2><ul><li><a href="/10-plus-belles-plages/">Les 10 plus belles plages de France</a></li><li><a href="/5-chateaux-loire/">5 châteaux de la Loire à visiter</a></li></ul></div></article></main>' + footer("Voyages France")
    yield Page("L10_fr_nbsp_dash", html_, L(url, 12, heads[0], heads[-1], list(range(1, 13)), "French '1&nbsp;– Title' h2, 'À lire aussi' h2 + ul with numbered titles at end"))

# ---------- 11 Spanish "1.- Título" h3 ----------
def p11() -> Iterator[Page]:
    url = "https://www.vidasana.es/15-cosas-que-solo-entienden-los-espanoles/"
    heads = ["La siesta es sagrada", "Cenar a las diez de la noche", "El «ya si eso»", "Dar dos besos a todo el mundo", "La tortilla, con cebolla",
             "Las abuelas y el táper", "El aperitivo del domingo", "Quedar «a las ocho y pico»", "El puente de diciembre", "La sobremesa eterna",
             "Las uvas de Nochevieja", "El ventilador en verano", "El «¿qué tal?» que no espera respuesta", "Las fiestas del pueblo", "El churro con chocolate"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h3>{i}.- {esc(h)}</h3><p><img class="aligncenter size-full wp-image-{300+i}" src="https://www.vidasana.es/wp-content/uploads/2021/03/cosa{i}.jpg" alt="" width="640" height="427"></p><p>Si no lo has vivido, no lo entiendes. Y si lo has vivido, ya sabes de qué hablamos. {i*2} de cada 10 lectores nos lo confirmaron.</p>')
    html_ = head("15 cosas que solo entienden los españoles", url, lang="es", site="Vida Sana") + '<body>' + nav("Vida Sana", ("Salud", "Cultura", "Humor")) + \
        '<div id="primary"><main><article><h1 class="entry-title">15 cosas que solo entienden los españoles</h1><div class="entry-content"><p>Hay cosas que, por mucho que lo expliques, un extranjero nunca entenderá.</p>' + \
        "".join(body) + '</div></article></main></div>' + sidebar_most_read() + footer("Vida Sana")
    yield Page("L11_es_dot_dash_h3", html_, L(url, 15, heads[0], heads[-1], list(range(1, 16)), "Spanish '1.- Título' h3, image in <p>, sentences with 'N de cada 10'"))

# ---------- 12 Japanese 第1位 ----------
def p12() -> Iterator[Page]:
    url = "https://gourmet.example.jp/ramen/tokyo-ranking-10/"
    heads = ["一蘭 渋谷店", "中華蕎麦 とみ田", "らぁ麺 飯田商店", "麺屋 武蔵", "AFURI 恵比寿", "蔦", "ラーメン二郎 三田本店", "青葉 中野本店", "すみれ 新宿店", "六厘舎"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2 class="rank-heading">第{i}位：{esc(h)}</h2><div class="shop-img"><img src="https://gourmet.example.jp/img/ramen/{i}.jpg" alt="{esc(h)}" width="800" height="533"></div><p>スープは濃厚でありながら後味はすっきり。平日でも昼時は30分待ちは覚悟したい。</p><table class="shop-info"><tr><th>住所</th><td>東京都渋谷区{i}-{i}-{i}</td></tr><tr><th>営業時間</th><td>11:00〜22:00</td></tr><tr><th>定休日</th><td>なし</td></tr></table><p class="source">出典：食べログ</p>')
    html_ = head("東京のおすすめラーメン店ランキングTOP10【2023年版】", url, lang="ja", site="グルメ通信") + '<body>' + nav("グルメ通信", ("ラーメン", "寿司", "カフェ")) + \
        '<main><article><h1>東京のおすすめラーメン店ランキングTOP10【2023年版】</h1><div class="toc"><p>目次</p><ol><li><a href="#r1">第1位：一蘭 渋谷店</a></li><li><a href="#r2">第2位：中華蕎麦 とみ田</a></li><li><a href="#more">まとめ</a></li></ol></div><div class="article-body"><p>ラーメン激戦区・東京で本当に美味しい店を編集部が厳選しました。</p>' + \
        "".join(body) + '<h2 id="more">まとめ</h2><p>気になるお店は見つかりましたか？</p></div></article></main>' + footer("グルメ通信")
    yield Page("L12_ja_dai_i", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "Japanese '第N位：店名' h2 + shop-info table each, partial TOC, まとめ h2"))

# ---------- 13 Recipe roundup 27 items, h3 linked titles ----------
def p13() -> Iterator[Page]:
    url = "https://www.thekitchn-like.com/easy-weeknight-dinners/"
    dishes = ["One-Pan Lemon Chicken", "Sheet-Pan Gnocchi", "Black Bean Tacos", "Creamy Tuscan Salmon", "Shrimp Fried Rice", "Chickpea Curry", "Pesto Pasta With Peas",
              "Turkey Chili", "Honey Garlic Pork Chops", "Veggie Quesadillas", "Beef and Broccoli", "Greek Chicken Bowls", "Tomato Soup With Grilled Cheese",
              "Baked Ziti", "Teriyaki Tofu", "Chicken Fajitas", "Lentil Bolognese", "Crispy Fish Tacos", "Sausage and Peppers", "Mushroom Risotto",
              "Thai Basil Chicken", "Stuffed Peppers", "Cacio e Pepe", "Korean Beef Bowls", "Spinach Ricotta Pie", "Cajun Shrimp Pasta", "Egg Roll in a Bowl"]
    body: list[str] = []
    for i, h in enumerate(dishes, 1):
        slug = h.lower().replace(" ", "-")
        body.append(f'<h3 class="wp-block-heading"><a href="https://www.thekitchn-like.com/recipes/{slug}/">{i}. {esc(h)}</a></h3>')
        body.append(f'<figure class="wp-block-image size-full"><a href="https://www.thekitchn-like.com/recipes/{slug}/"><img src="https://www.thekitchn-like.com/wp-content/uploads/{slug}.jpg" alt="{esc(h)}" width="735" height="1102"></a><figcaption class="wp-element-caption">Photo: Sarah Lee</figcaption></figure>')
        body.append(f'<p>Ready in {15 + i % 4 * 5} minutes. {cap(i, 1)}</p>')
        body.append(f'<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://www.thekitchn-like.com/recipes/{slug}/">Get the recipe</a></div></div>')
    html_ = head("27 Easy Weeknight Dinners You Can Make in 30 Minutes", url, site="The Kitchen Table") + '<body class="single">' + nav("The Kitchen Table", ("Recipes", "Dinner", "Baking", "Guides")) + \
        '<div class="jump-to-recipe"><a href="#wprm-recipe-container">Jump to Recipe</a></div><main><article><h1>27 Easy Weeknight Dinners You Can Make in 30 Minutes</h1><div class="entry-content"><p>When it is 6 p.m. and everyone is hungry, these are the recipes we reach for.</p>' + \
        "".join(body) + '</div></article></main>' + sidebar_most_read() + footer("The Kitchen Table")
    yield Page("L13_recipe_roundup_linked_h3", html_, L(url, 27, dishes[0], dishes[-1], list(range(1, 28)), "Recipe roundup: h3 whose whole text is a link to another recipe '1. Dish', 'Get the recipe' buttons"))

# ---------- 14 Product roundup, top picks summary, pros/cons, Buy on Amazon ----------
def p14() -> Iterator[Page]:
    url = "https://www.gearreviewer.com/best-air-fryers/"
    prods = [("Ninja AF101", "Best Overall"), ("Cosori Pro II", "Best Value"), ("Instant Vortex Plus", "Best for Families"), ("Philips Premium XXL", "Best Splurge"),
             ("Dash Compact", "Best Small"), ("Ninja Foodi DualZone", "Best Dual Basket"), ("Breville Smart Oven Air", "Best Countertop Oven"), ("Chefman TurboFry", "Best Budget"), ("Typhur Dome", "Most Innovative")]
    heads = [f"{p} — {t}" for p, t in prods]
    picks = "".join(f'<li><strong>{t}:</strong> <a href="https://www.amazon.com/dp/B0{i}XYZ?tag=gear-20" rel="sponsored nofollow">{p}</a></li>' for i, (p, t) in enumerate(prods, 1))
    body: list[str] = []
    for i, (p, t) in enumerate(prods, 1):
        body.append(f'''<div class="product-review" id="product-{i}">
<h3 class="product-title">{i}. {esc(p)} — {esc(t)}</h3>
<div class="product-image"><img src="https://m.media-amazon.com/images/I/{i}1abcdEFG._AC_SL1500_.jpg" alt="{esc(p)}" width="500" height="500"></div>
<p>{cap(i, 2)}</p>
<div class="pros-cons"><div class="pros"><h4>Pros</h4><ul><li>Fast preheat</li><li>Dishwasher-safe basket</li><li>Quiet</li></ul></div><div class="cons"><h4>Cons</h4><ul><li>Bulky</li><li>Short cord</li></ul></div></div>
<table class="specs"><tr><th>Capacity</th><td>{3+i%4} quarts</td></tr><tr><th>Wattage</th><td>{1500+i*50} W</td></tr><tr><th>Warranty</th><td>1 year</td></tr></table>
<div class="buy-buttons"><a class="btn btn-amazon" href="https://www.amazon.com/dp/B0{i}XYZ?tag=gear-20" rel="sponsored nofollow" target="_blank">Buy on Amazon — ${60+i*10}.99</a> <a class="btn btn-walmart" href="https://www.walmart.com/ip/{i}">${62+i*10}.00 at Walmart</a></div>
</div>''')
    faq = '<h2>FAQ</h2><h3>Are air fryers healthy?</h3><p>They use less oil than deep fryers.</p><h3>How long do air fryers last?</h3><p>Usually 3 to 5 years.</p><h3>Can you put foil in an air fryer?</h3><p>Yes, with care.</p>'
    html_ = head("The 9 Best Air Fryers of 2024, Tested and Reviewed", url, site="Gear Reviewer") + '<body>' + nav("Gear Reviewer", ("Kitchen", "Tech", "Outdoors", "Deals")) + \
        '<main><article><h1>The 9 Best Air Fryers of 2024, Tested and Reviewed</h1><p class="disclosure">We may earn a commission when you buy through links on our site.</p><div class="article-body">' + \
        f'<div class="top-picks"><h2>Our Top Picks</h2><ul>{picks}</ul></div><p>We cooked 40 pounds of fries in 22 air fryers over six weeks. Here is what we found.</p><h2>The Best Air Fryers</h2>' + \
        "".join(body) + '<h2>How We Tested</h2><p>Each fryer cooked frozen fries, chicken wings and a cake.</p>' + faq + '</div></article></main>' + footer("Gear Reviewer")
    yield Page("L14_product_roundup_amazon", html_, L(url, 9, heads[0], heads[-1], list(range(1, 10)), "Product roundup: top-picks ul, h3 '1. Product — Award', pros/cons h4+ul, spec tables, Buy buttons, FAQ h3s"))

# ---------- 15 Top 10 with summary table, h2 "#1 Name" ----------
def p15() -> Iterator[Page]:
    url = "https://www.filmranker.com/highest-grossing-films-of-all-time/"
    films = [("Avatar", "2009", "$2.92B"), ("Avengers: Endgame", "2019", "$2.80B"), ("Avatar: The Way of Water", "2022", "$2.32B"), ("Titanic", "1997", "$2.26B"),
             ("Star Wars: The Force Awakens", "2015", "$2.07B"), ("Avengers: Infinity War", "2018", "$2.05B"), ("Spider-Man: No Way Home", "2021", "$1.92B"),
             ("Jurassic World", "2015", "$1.67B"), ("The Lion King", "2019", "$1.66B"), ("The Avengers", "2012", "$1.52B")]
    rows = "".join(f'<tr><td>{i}</td><td><a href="#film-{i}">{esc(f)}</a></td><td>{y}</td><td>{g}</td></tr>' for i, (f, y, g) in enumerate(films, 1))
    table = f'<table class="ranking-table"><thead><tr><th>Rank</th><th>Film</th><th>Year</th><th>Worldwide gross</th></tr></thead><tbody>{rows}</tbody></table>'
    body: list[str] = []
    for i, (f, y, g) in enumerate(films, 1):
        body.append(f'<section id="film-{i}" class="rank-entry"><h2><span class="rank">#{i}</span> {esc(f)} ({y})</h2><img src="https://img.filmranker.com/posters/{i}.jpg" alt="{esc(f)} poster" width="400" height="600"><p><strong>Worldwide gross:</strong> {g}</p><p>{cap(i, 2)}</p></section>')
    html_ = head("Top 10 Highest-Grossing Films of All Time", url, site="FilmRanker") + '<body>' + nav("FilmRanker", ("Rankings", "Reviews", "Box Office")) + \
        f'<main><article><h1>Top 10 Highest-Grossing Films of All Time</h1><p>Box office figures are not adjusted for inflation. Source: Box Office Mojo.</p>{table}' + "".join(body) + '</article></main>' + footer("FilmRanker")
    yield Page("L15_top10_table_then_sections", html_, L(url, 10, films[0][0] + " (2009)", films[-1][0] + " (2012)", list(range(1, 11)), "Ranking table at top (rank column 1..10) then section per film with h2 '#N Film (Year)'"))

# ---------- 16 Slideshow, one slide per page ----------
def p16() -> Iterator[Page]:
    base = "https://www.celebnews.com/gallery/stars-then-and-now"
    titles = {1: "Jennifer Aniston", 2: "Keanu Reeves", 20: "Jennifer Lopez"}
    for n in (1, 2, 20):
        url = f"{base}/{n}/" if n > 1 else f"{base}/"
        nxt = f"{base}/{n+1}/" if n < 20 else None
        prev = f"{base}/{n-1}/" if n > 2 else (f"{base}/" if n == 2 else None)
        h = titles[n]
        pa = ('<a class="prev" href="' + prev + '">‹ Previous</a>') if prev else ""
        na = ('<a class="next" rel="next" href="' + nxt + '">Next ›</a>') if nxt else ""
        pager = f'<div class="slideshow-nav">{pa}<span class="counter">{n} of 20</span>{na}</div>'
        link = f'<link rel="next" href="{nxt}">' if nxt else ""
        slide = f'<div class="slide"><div class="slide-image"><img src="https://img.celebnews.com/gallery/then-now/{n}.jpg" alt="{h}" width="1000" height="667"><span class="photo-credit">Getty Images</span></div><div class="slide-text"><h2 class="slide-title">{n}. {esc(h)}</h2><p>{cap(n, 2)}</p></div></div>'
        html_ = head("20 Stars Then and Now: You Won't Believe How They've Changed", url, extra=link, site="CelebNews") + '<body>' + nav("CelebNews", ("Celebs", "TV", "Style")) + \
            '<main><article class="gallery"><h1>20 Stars Then and Now: You Won\'t Believe How They\'ve Changed</h1>' + pager + slide + pager + \
            '<div class="ad-unit">Advertisement</div></article></main>' + related(["30 Child Stars All Grown Up", "15 Celebrity Couples Who Lasted"], "More Galleries") + footer("CelebNews")
        yield Page(f"L16_slideshow_p{n:02d}", html_, L(url, 1, h, h, [n], "Slideshow one slide per page ('N of 20' + Next)", next=nxt))

# ---------- 17 Reddit-style "people share" with tweet/instagram embeds, heading = number only ----------
def p17() -> Iterator[Page]:
    url = "https://www.buzzfeed.com/jdoe/tweets-about-working-from-home"
    body: list[str] = []
    users = ["dril", "sosadtoday", "jennyjohnsonhi", "ConanOBrien", "pourmecoffee", "TheBloggess", "KimKierkegaard", "robdelaney", "chrissyteigen", "mindykaling", "kumailn", "NicolaSturgeon", "nytimes", "BoredElonMusk"]
    for i, u in enumerate(users, 1):
        if i % 4 == 0:
            embed = f'<div class="subbuzz-instagram"><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cabc{i}/" data-instgrm-version="14"><a href="https://www.instagram.com/p/Cabc{i}/">A post shared by @{u.lower()}</a></blockquote></div>'
        else:
            embed = f'<div class="subbuzz-tweet"><blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">Day {i*3} of working from home: I have started narrating my own life like a nature documentary.</p>— {u} (@{u}) <a href="https://twitter.com/{u}/status/12{i}45678901234">April {i}, 2020</a></blockquote></div>'
        body.append(f'<div class="subbuzz subbuzz-tweet"><h2 class="subbuzz__title"><span class="subbuzz__number">{i}.</span></h2>{embed}<span class="subbuzz__attribution">Twitter: @{u}</span></div>')
    html_ = head("14 Tweets About Working From Home That Are Way Too Real", url, site="BuzzFeed", extra='<script async src="https://platform.twitter.com/widgets.js"></script><script async src="//www.instagram.com/embed.js"></script>') + \
        '<body><main id="buzz-content"><article><h1>14 Tweets About Working From Home That Are Way Too Real</h1><p class="description">"I have not worn real pants since March."</p>' + \
        '<div class="subbuzzes-wrapper">' + "".join(body) + '</div></article></main></body></html>'
    yield Page("L17_tweets_number_only_headings", html_, L(url, 14, None, None, list(range(1, 15)), "BuzzFeed tweet list: h2 holds only the number, item = twitter/instagram blockquote embed"))

# ---------- 18 Quiz-like checklist ----------
def p18() -> Iterator[Page]:
    url = "https://www.throwbackzone.com/quiz/90s-snacks-checklist/"
    snacks = ["Dunkaroos", "Gushers", "Surge", "Lunchables", "Crystal Pepsi", "Fruit by the Foot", "Bagel Bites", "Ecto Cooler", "Trix Yogurt", "Oreo O's",
              "Squeezits", "Pop Rocks", "Bubble Tape", "Butterfinger BB's", "Planters Cheez Balls", "Kudos Bars", "Fruitopia", "French Toast Crunch", "Jell-O Pudding Pops", "Baby Bottle Pop"]
    body: list[str] = []
    for i, s in enumerate(snacks, 1):
        body.append(f'<li class="checklist-item"><label class="checklist-label"><input type="checkbox" class="checklist-box" name="snack{i}"><span class="checklist-num">{i}.</span> <span class="checklist-text">{esc(s)}</span></label><img class="checklist-img" src="https://cdn.throwbackzone.com/snacks/{i}.jpg" alt="{esc(s)}" width="300" height="300"></li>')
    html_ = head("How Many of These 20 '90s Snacks Have You Tried?", url, site="Throwback Zone") + '<body>' + nav("Throwback Zone", ("Quizzes", "90s", "80s")) + \
        '<main><div class="quiz-container"><h1>How Many of These 20 \'90s Snacks Have You Tried?</h1><p>Check off every one you have eaten, then hit the button to see your score.</p>' + \
        f'<ul class="checklist" data-quiz-id="4411">{"".join(body)}</ul><button class="quiz-submit">See my score</button><div class="quiz-result" hidden><h2>You scored <span class="score">0</span>/20</h2></div></div></main>' + footer("Throwback Zone")
    yield Page("L18_quiz_checklist", html_, L(url, 20, snacks[0], snacks[-1], list(range(1, 21)), "Quiz checklist: ul > li > label(checkbox, number span, text span) + img"))

# ---------- 19 h2 number span without punctuation ----------
def p19() -> Iterator[Page]:
    url = "https://www.tastydigest.com/food-trends-2024/"
    heads = ["Swicy Everything", "Tinned Fish Boards", "Cottage Cheese Glow-Up", "Mushroom Coffee", "Hot Honey", "Ube Desserts", "Salted Egg Yolk", "Seaweed Snacks", "Date Syrup", "Sourdough Discard", "Birria"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2 class="listicle-heading"><span class="listicle-number">{i}</span>{esc(h)}</h2><img src="https://tastydigest.imgix.net/trends/{i}.jpg?w=1200&amp;auto=format" alt="" width="1200" height="800"><p class="img-credit">Photo: Unsplash / photographer{i}</p><p>{cap(i)}</p>')
    html_ = head("11 Food Trends You'll See Everywhere in 2024", url, site="Tasty Digest") + '<body>' + nav("Tasty Digest") + \
        '<main><article><h1>11 Food Trends You\'ll See Everywhere in 2024</h1><div class="article-content">' + "".join(body) + '</div></article></main>' + footer("Tasty Digest")
    yield Page("L19_h2_number_span_nopunct", html_, L(url, 11, heads[0], heads[-1], list(range(1, 12)), "h2 <span class=number>1</span>Title — no space/punct in text (textContent '1Swicy Everything')"))

# ---------- 20 <section> cards with zero-padded rank div ----------
def p20() -> Iterator[Page]:
    url = "https://www.outdoorsy-mag.com/best-hikes-in-the-alps/"
    heads = ["Tour du Mont Blanc", "Haute Route", "Alta Via 1", "Eiger Trail", "Five Lakes Walk", "Adlerweg", "Stubai Höhenweg", "Via Alpina Red Trail"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<section class="card card--listing" id="item-{i}"><div class="card__rank" aria-hidden="true">{i:02d}</div><div class="card__media"><img src="https://images.outdoorsy-mag.com/alps/{i}.jpg" alt="" width="1600" height="900"><small class="card__credit">© Tourism Board</small></div><div class="card__body"><h3 class="card__title">{esc(h)}</h3><ul class="card__facts"><li>Distance: {40+i*13} km</li><li>Days: {3+i}</li><li>Difficulty: {"hard" if i%2 else "moderate"}</li></ul><p class="card__text">{cap(i)}</p></div></section>')
    html_ = head("The 8 Best Hikes in the Alps", url, site="Outdoorsy") + '<body>' + nav("Outdoorsy") + \
        '<main><article><h1>The 8 Best Hikes in the Alps</h1><p class="dek">From weekend walks to two-week treks.</p><div class="cards">' + "".join(body) + '</div></article></main>' + footer("Outdoorsy")
    yield Page("L20_section_cards_padded_rank", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "<section> cards: rank '01' in div before media, unnumbered h3 inside card__body, facts ul"))

# ---------- 21 ads/newsletter/related boxes between items with numbered titles ----------
def p21() -> Iterator[Page]:
    url = "https://www.historyhub.com/abandoned-places-around-the-world/"
    heads = ["Pripyat, Ukraine", "Hashima Island, Japan", "Kolmanskop, Namibia", "Craco, Italy", "Bodie, California", "Spreepark, Germany", "Ross Island, India", "Kayaköy, Turkey",
             "Plymouth, Montserrat", "Oradour-sur-Glane, France", "Varosha, Cyprus", "Grytviken, South Georgia", "Hashima's Sister Ship", "Humberstone, Chile", "Centralia, Pennsylvania", "Sanzhi UFO Houses, Taiwan"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        body.append(f'<h2>{i}. {esc(h)}</h2><figure><img src="https://cdn.historyhub.com/abandoned/{i}.jpg" alt="" width="1000" height="700"><figcaption>Credit: Wikimedia Commons</figcaption></figure><p>{cap(i, 2)}</p>')
        if i % 3 == 0:
            body.append(f'<aside class="inline-related"><h4>Related</h4><ul><li><a href="/r{i}a/">{i+10} Photos of Ghost Towns in America</a></li><li><a href="/r{i}b/">{i+3}. The Town That Burned for 60 Years</a></li></ul></aside>')
        if i % 5 == 0:
            body.append('<div class="newsletter-box"><h3>Love history? Get our 5 best stories every week</h3><p>Join 200,000 readers.</p><form><input type="email"><button>Sign up</button></form></div>')
        if i % 4 == 0:
            body.append('<div class="ad-container"><span>ADVERTISEMENT</span><div id="div-gpt-ad-1" style="min-height:250px"></div></div>')
    html_ = head("16 Abandoned Places Around the World and Their Haunting Stories", url, site="History Hub") + '<body>' + nav("History Hub") + \
        '<main><article><h1>16 Abandoned Places Around the World and Their Haunting Stories</h1><div class="body">' + "".join(body) + '</div></article></main>' + sidebar_most_read(6) + footer("History Hub")
    yield Page("L21_boxes_between_items", html_, L(url, 16, heads[0], heads[-1], list(range(1, 17)), "h2 '1. Place' items with inline related asides (li '12. ...'), newsletter h3 'our 5 best', ads"))

# ---------- 22-24 list over 3 pages ----------
def p22() -> Iterator[Page]:
    base = "https://www.animalplanet-fans.com/cute-animals-that-look-fake"
    heads = ["Pink Fairy Armadillo", "Axolotl", "Glaucus Atlanticus", "Fennec Fox", "Red Panda", "Quokka", "Sea Bunny", "Shoebill",
             "Pangolin", "Star-Nosed Mole", "Mandarin Fish", "Leaf Sheep", "Okapi", "Saiga Antelope", "Aye-Aye", "Dumbo Octopus",
             "Blue Dragon", "Pufferfish", "Tarsier", "Maned Wolf", "Irrawaddy Dolphin", "Gerenuk", "Blobfish", "Lowland Streaked Tenrec"]
    for p in (1, 2, 3):
        url = base + "/" if p == 1 else f"{base}/{p}/"
        nxt = f"{base}/{p+1}/" if p < 3 else None
        idx = range((p - 1) * 8 + 1, p * 8 + 1)
        body = "".join(f'<h2><span class="num">{i}.</span> {esc(heads[i-1])}</h2><p><a href="https://cdn.animalplanet-fans.com/{i}-full.jpg"><img class="size-large" data-lazy-src="https://cdn.animalplanet-fans.com/{i}-1024x768.jpg" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" alt="" width="1024" height="768"></a></p><noscript><img src="https://cdn.animalplanet-fans.com/{i}-1024x768.jpg"></noscript><p>{cap(i)}</p><p class="source">Source: <a href="https://flickr.com/photos/{i}">Flickr</a></p>' for i in idx)
        pages = "".join(f'<a class="post-page-numbers{" current" if k == p else ""}" href="{base + "/" if k == 1 else base + "/" + str(k) + "/"}">{k}</a>' for k in (1, 2, 3))
        nextlink = f'<a class="next-page-btn" href="{nxt}">Next Page »</a>' if nxt else ''
        link = f'<link rel="next" href="{nxt}">' if nxt else ''
        html_ = head("24 Cute Animals That Look Fake But Are Totally Real", url, extra=link, site="Animal Fans") + '<body>' + nav("Animal Fans") + \
            f'<main><article><h1>24 Cute Animals That Look Fake But Are Totally Real</h1><div class="entry-content">{"<p>Nature has a sense of humour.</p>" if p == 1 else ""}{body}<div class="page-links">Pages: {pages}</div>{nextlink}</div></article></main>' + footer("Animal Fans")
        yield Page(f"L22_multipage_p{p}", html_, L(url, 8, heads[idx[0]-1], heads[idx[-1]-1], list(idx), "list over 3 pages, 8 per page, data-lazy-src images, WP page-links", next=nxt))

# ---------- 25 ordered list items with images in li ----------
def p25() -> Iterator[Page]:
    url = "https://www.lifehackery.com/tips-for-better-sleep/"
    tips = ["Keep a consistent schedule.", "Get morning sunlight.", "Cut caffeine after noon.", "Keep your bedroom cool.", "Ditch the phone an hour before bed.",
            "Try a wind-down routine.", "Watch the alcohol.", "Exercise, but not too late.", "Use white noise.", "Don't lie awake for hours.", "See a doctor if it persists."]
    lis = "".join(f'<li><p><strong>{esc(t)}</strong> {cap(i, 2)}</p><figure><img src="https://lifehackery.com/img/sleep/{i}.jpg" alt="" width="800" height="500"><figcaption>Photo: Getty</figcaption></figure></li>' for i, t in enumerate(tips, 1))
    html_ = head("11 Science-Backed Tips for Better Sleep", url, site="Lifehackery") + '<body>' + nav("Lifehackery") + \
        f'<main><article><h1>11 Science-Backed Tips for Better Sleep</h1><div class="entry"><p>Tossing and turning? You are not alone: one in three adults does not get enough sleep.</p><ol class="wp-block-list">{lis}</ol><p>Sweet dreams.</p></div></article></main>' + footer("Lifehackery")
    yield Page("L25_ol_li_bold_lead", html_, L(url, 11, tips[0].rstrip("."), tips[-1].rstrip("."), list(range(1, 12)), "<ol> with li: <p><strong>Tip.</strong> text</p> + figure; no printed numbers", numbers_alt=[None] * 11))

# ---------- 26 unnumbered h2 places ----------
def p26() -> Iterator[Page]:
    url = "https://www.coastalliving-like.com/best-beaches-portugal/"
    heads = ["Praia da Marinha", "Praia de Benagil", "Praia da Falésia", "Praia do Camilo", "Praia da Ursa", "Praia de Odeceixe", "Praia do Guincho", "Praia de Galapinhos", "Praia da Adraga"]
    body = "".join(f'<h2 class="wp-block-heading">{esc(h)}</h2><figure class="wp-block-image"><img src="https://coastal.example/pt/{i}.jpg" alt="{esc(h)}" width="1200" height="800"><figcaption>Photo: Getty Images</figcaption></figure><p>{cap(i, 2)}</p><p><strong>Best for:</strong> {"families" if i % 2 else "surfers"}</p>' for i, h in enumerate(heads, 1))
    html_ = head("The Most Beautiful Beaches in Portugal", url, site="Coastal Living") + '<body>' + nav("Coastal Living") + \
        f'<main><article><h1>The Most Beautiful Beaches in Portugal</h1><div class="entry-content"><p>Golden cliffs, turquoise water and not a crowd in sight, if you time it right.</p>{body}<h2 class="wp-block-heading">When to Go</h2><p>June and September are ideal.</p></div></article></main>' + footer("Coastal Living")
    yield Page("L26_unnumbered_h2", html_, L(url, 9, heads[0], heads[-1], [None] * 9, "Unnumbered h2 items, no count in title, trailing 'When to Go' h2 (no image)"))

# ---------- 27 Squarespace "1) Title" ----------
def p27() -> Iterator[Page]:
    url = "https://www.annasjournal.com/blog/things-i-learned-in-my-first-year-freelancing"
    heads = ["Charge more than you think", "Get everything in writing", "Invoices are not optional", "Say no to spec work", "Your network is your pipeline", "Take real weekends"]
    blocks: list[str] = []
    for i, h in enumerate(heads, 1):
        blocks.append(f'<div class="sqs-block html-block sqs-block-html" data-block-type="2" id="block-{i}a"><div class="sqs-block-content"><div class="sqs-html-content"><h3 style="white-space:pre-wrap;">{i}) {esc(h)}</h3><p class="" style="white-space:pre-wrap;">{cap(i, 3)}</p></div></div></div>')
        blocks.append(f'<div class="sqs-block image-block sqs-block-image" data-block-type="5" id="block-{i}b"><div class="sqs-block-content"><div class="image-block-outer-wrapper layout-caption-below design-layout-inline"><figure class="sqs-block-image-figure intrinsic"><div class="image-block-wrapper" data-animation-role="image"><div class="sqs-image-shape-container-element has-aspect-ratio"><img data-stretch="false" data-src="https://images.squarespace-cdn.com/content/v1/5f2a/{i}abc/IMG_{1000+i}.jpg" data-image="https://images.squarespace-cdn.com/content/v1/5f2a/{i}abc/IMG_{1000+i}.jpg" data-image-dimensions="2500x1667" data-image-focal-point="0.5,0.5" alt="" data-load="false" src="https://images.squarespace-cdn.com/content/v1/5f2a/{i}abc/IMG_{1000+i}.jpg" width="2500" height="1667" sizes="100vw" srcset="https://images.squarespace-cdn.com/content/v1/5f2a/{i}abc/IMG_{1000+i}.jpg?format=100w 100w, https://images.squarespace-cdn.com/content/v1/5f2a/{i}abc/IMG_{1000+i}.jpg?format=2500w 2500w" loading="lazy" decoding="async"></div></div></figure></div></div></div>')
    html_ = head("6 Things I Learned in My First Year Freelancing", url, site="Anna's Journal") + '<body class="collection-type-blog view-item">' + \
        '<header id="header"><div class="header-title"><a href="/">Anna\'s Journal</a></div><nav class="header-nav"><div class="header-nav-item"><a href="/blog">Blog</a></div><div class="header-nav-item"><a href="/work">Work</a></div></nav></header>' + \
        '<main id="page"><article class="BlogItem hentry"><div class="blog-item-top-wrapper"><h1 class="entry-title" data-content-field="title">6 Things I Learned in My First Year Freelancing</h1></div><div class="blog-item-content-wrapper"><div class="sqs-layout sqs-grid-12 columns-12"><div class="row sqs-row"><div class="col sqs-col-12 span-12">' + \
        '<div class="sqs-block html-block"><div class="sqs-block-content"><div class="sqs-html-content"><p>A year ago I quit my agency job. Here is what nobody told me.</p></div></div></div>' + "".join(blocks) + '</div></div></div></div></article></main></body></html>'
    yield Page("L27_squarespace_paren", html_, L(url, 6, heads[0], heads[-1], list(range(1, 7)), "Squarespace: each item split over an html-block ('1) Title' h3 + text) and a following image-block"))

# ---------- 28 classic editor <p><strong>1. Title</strong></p> ----------
def p28() -> Iterator[Page]:
    url = "https://www.weirdhistory.net/2014/07/13-bizarre-medieval-jobs.html"
    heads = ["Gong Farmer", "Whipping Boy", "Leech Collector", "Plague Burier", "Groom of the Stool", "Rat Catcher", "Mudlark", "Toad Eater", "Sin Eater", "Fuller", "Pure Finder", "Alchemist", "Barber Surgeon"]
    body = "".join(f'<p><strong>{i}. {esc(h)}</strong></p><p><a href="https://2.bp.blogspot.com/-abc{i}/s1600/job{i}.jpg" style="clear: both; margin-left: auto; margin-right: auto;"><img border="0" height="300" src="https://2.bp.blogspot.com/-abc{i}/s400/job{i}.jpg" width="400"></a></p><p>{cap(i, 2)}</p><p><span style="font-size: x-small;">(image: British Library)</span></p><p>&nbsp;</p>' for i, h in enumerate(heads, 1))
    html_ = head("13 Bizarre Medieval Jobs You're Glad Don't Exist Anymore", url, site="Weird History") + \
        '<body><div class="outer-wrapper"><div id="header"><h1 class="title">Weird History</h1><p class="description">Strange but true since 2009</p></div><div class="main-inner"><div class="blog-posts hfeed"><div class="date-outer"><h2 class="date-header"><span>Sunday, July 13, 2014</span></h2><div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">13 Bizarre Medieval Jobs You\'re Glad Don\'t Exist Anymore</h3><div class="post-body entry-content" id="post-body-4411">' + \
        body + '</div><div class="post-footer">Posted by Tom at 3:14 PM · <a href="#comments">12 comments</a></div></div></div></div></div></div>' + \
        '<div class="sidebar"><div class="widget BlogArchive"><h2>Blog Archive</h2><ul><li><a href="/2014/">2014 (42)</a></li><li><a href="/2013/">2013 (67)</a></li><li><a href="/2012/">2012 (88)</a></li></ul></div><div class="widget PopularPosts"><h2>Popular Posts</h2><ul><li><a href="/a.html">10 Forgotten Inventions</a></li><li><a href="/b.html">7 Kings Who Lost Their Minds</a></li></ul></div></div></div></body></html>'
    yield Page("L28_blogger_p_strong", html_, L(url, 13, heads[0], heads[-1], list(range(1, 14)), "Blogger classic: <p><strong>1. Title</strong></p>, image in <p><a>, &nbsp; spacer paragraphs, archive sidebar with counts"))

# ---------- 29 CSS counter numbering (numbers not in DOM) ----------
def p29() -> Iterator[Page]:
    url = "https://www.designmilk-like.com/tiny-homes-we-love/"
    heads = ["The Glass Cabin in Norway", "A Converted Water Tower", "The Treehouse Studio", "A Shipping Container Loft", "The A-Frame in Joshua Tree",
             "A Floating Home in Amsterdam", "The Micro-Apartment in Tokyo", "A Yurt With a View", "The Bus Conversion", "A Hobbit Hole in Wales"]
    body = "".join(f'<div class="list-entry"><h2 class="counted">{esc(h)}</h2><img src="https://img.designmilk-like.com/tiny/{i}.jpg" alt="" width="1400" height="933"><p class="photo-credit">Photo by Studio {i}</p><p>{cap(i, 2)}</p></div>' for i, h in enumerate(heads, 1))
    style = '<style>.post-body{counter-reset:item}.counted::before{counter-increment:item;content:counter(item) ". "}</style>'
    html_ = head("10 Tiny Homes We'd Move Into Tomorrow", url, extra=style, site="Design Daily") + '<body>' + nav("Design Daily") + \
        f'<main><article><h1>10 Tiny Homes We\'d Move Into Tomorrow</h1><div class="post-body">{body}</div></article></main>' + footer("Design Daily")
    yield Page("L29_css_counter", html_, L(url, 10, heads[0], heads[-1], [None] * 10, "Numbers only via CSS counter ::before; DOM h2s unnumbered, title says 10", numbers_alt=list(range(1, 11))))

# ---------- 30 figure-only gallery, number in figcaption ----------
def p30() -> Iterator[Page]:
    url = "https://www.urbanphoto.org/soviet-bus-stops/"
    places = ["Pitsunda, Abkhazia", "Kyrgyzstan, near Lake Issyk-Kul", "Taraz, Kazakhstan", "Echmiadzin, Armenia", "Gagra, Georgia", "Ukraine, Crimea",
              "Lithuania, Vilnius district", "Belarus, Minsk region", "Estonia, Tallinn road", "Moldova, Orhei", "Russia, Sochi", "Uzbekistan, Samarkand"]
    body = "".join(f'<figure class="gallery-figure"><img data-src="https://www.urbanphoto.org/img/busstops/{i}.jpg" class="lazyload" alt="Bus stop in {esc(p)}" width="1200" height="900"><figcaption>{i}. {esc(p)}. {SENT[i % len(SENT)]} <span class="credit">Photo: Christopher Herwig</span></figcaption></figure>' for i, p in enumerate(places, 1))
    html_ = head("12 Photos of Soviet Bus Stops That Look Like Art", url, site="Urban Photo") + '<body>' + nav("Urban Photo") + \
        f'<main><article><h1>12 Photos of Soviet Bus Stops That Look Like Art</h1><p>Canadian photographer Christopher Herwig spent 12 years photographing them.</p><div class="gallery">{body}</div></article></main>' + footer("Urban Photo")
    yield Page("L30_figcaption_numbered", html_, L(url, 12, places[0], places[-1], list(range(1, 13)), "Gallery: figure+figcaption only, caption begins '1. Place. sentence...'; data-src lazy images", heading_lenient=True))

# ---------- 31 grouped: h2 decades, h3 numbered items continuing ----------
def p31() -> Iterator[Page]:
    url = "https://www.musicmag.com/20-greatest-albums-by-decade/"
    groups = {"The 1960s": ["Revolver", "Pet Sounds", "Abbey Road", "Blonde on Blonde", "Are You Experienced"],
              "The 1970s": ["Rumours", "What's Going On", "Led Zeppelin IV", "Born to Run", "London Calling"],
              "The 1980s": ["Thriller", "Purple Rain", "The Joshua Tree", "Remain in Light", "Graceland"],
              "The 1990s": ["Nevermind", "OK Computer", "The Miseducation of Lauryn Hill", "Illmatic", "Loveless"]}
    body: list[str] = []
    n = 0
    allh: list[str] = []
    for g, albums in groups.items():
        body.append(f'<h2>{g}</h2><p>The decade that {"changed everything" if n == 0 else "kept going"}.</p>')
        for a in albums:
            n += 1
            allh.append(a)
            body.append(f'<h3>{n}. {esc(a)}</h3><img src="https://musicmag.com/covers/{n}.jpg" alt="{esc(a)} cover" width="600" height="600"><p>{cap(n, 2)}</p>')
    html_ = head("The 20 Greatest Albums, Decade by Decade", url, site="Music Mag") + '<body>' + nav("Music Mag") + \
        f'<main><article><h1>The 20 Greatest Albums, Decade by Decade</h1><div class="content">{"".join(body)}</div></article></main>' + footer("Music Mag")
    yield Page("L31_grouped_h2_sections_h3_items", html_, L(url, 20, allh[0], allh[-1], list(range(1, 21)), "Grouped: h2 decade headings, h3 '1. Album' numbering continues across groups"))

# ---------- 32 items then Conclusion + FAQ (numbered questions) ----------
def p32() -> Iterator[Page]:
    url = "https://www.moneysavvy.com/ways-to-save-money-on-groceries/"
    heads = ["Plan Your Meals", "Shop With a List", "Buy Store Brands", "Use Cashback Apps", "Buy in Bulk (Carefully)", "Shop Seasonal Produce", "Never Shop Hungry"]
    body = "".join(f'<h2 id="tip-{i}">{i}. {esc(h)}</h2><figure><img src="https://moneysavvy.com/img/groc/{i}.jpg" alt="" width="800" height="533"></figure><p>{cap(i, 3)}</p>' for i, h in enumerate(heads, 1))
    faq = '<h2>Frequently Asked Questions</h2>' + "".join(f'<h3>{i}. {q}</h3><p>{cap(i, 1)}</p>' for i, q in enumerate(["How much should a family spend on groceries?", "Is Costco worth it?", "Do coupons still work?", "What is the cheapest grocery store?"], 1))
    html_ = head("7 Ways to Save Money on Groceries", url, site="Money Savvy") + '<body>' + nav("Money Savvy") + \
        f'<main><article><h1>7 Ways to Save Money on Groceries</h1><div class="entry-content"><p>Food prices are up 25% since 2020. Here is how to fight back.</p>{body}<h2>The Bottom Line</h2><p>Start with one tip and build from there.</p>{faq}</div></article></main>' + footer("Money Savvy")
    yield Page("L32_items_then_numbered_faq", html_, L(url, 7, heads[0], heads[-1], list(range(1, 8)), "h2 '1. Tip' items, then 'Bottom Line' h2 and FAQ h2 with numbered h3 questions 1..4 (no images)"))

# ---------- 33 deep nesting with sidebar numbered trending ----------
def p33() -> Iterator[Page]:
    url = "https://www.techradar-like.com/news/apps-you-should-delete-now"
    heads = ["Flashlight apps", "Battery savers", "RAM boosters", "Free VPNs", "Antivirus for Android", "Weather apps with trackers", "Keyboard apps from unknown developers", "QR code scanners", "Facebook"]
    body = "".join(f'<div class="article-block"><div class="inner"><div class="block-wrap"><div class="heading-wrap"><h2 class="block-heading"><span class="block-heading__index">{i}</span><span class="block-heading__sep">/</span><span class="block-heading__text">{esc(h)}</span></h2></div><div class="block-media"><picture><source type="image/webp" srcset="https://cdn.techradar-like.com/{i}-970-80.jpg.webp 970w, https://cdn.techradar-like.com/{i}-320-80.jpg.webp 320w"><img src="https://cdn.techradar-like.com/{i}-970-80.jpg" alt="" width="970" height="546"></picture><span class="credit">(Image credit: Shutterstock)</span></div><div class="block-text"><p>{cap(i, 2)}</p></div></div></div></div>' for i, h in enumerate(heads, 1))
    trending = '<div class="trending-widget"><h3>Trending</h3><ol>' + "".join(f'<li class="trending-item"><span class="index">{k}</span><a href="/t{k}"><img src="https://cdn.techradar-like.com/thumb{k}.jpg" alt=""><h4>{t}</h4></a></li>' for k, t in enumerate(["iPhone 16 leak reveals new button", "Best laptops 2024", "Windows 12 release date", "Netflix price hike", "PS5 Pro specs"], 1)) + '</ol></div>'
    html_ = head("9 Apps You Should Delete From Your Phone Right Now", url, site="TechRadar") + '<body>' + nav("TechRadar", ("News", "Reviews", "Best", "Deals")) + \
        f'<div class="page-layout"><div class="main-col"><main><article><header><h1>9 Apps You Should Delete From Your Phone Right Now</h1><p class="strapline">Some of them are spying on you</p></header><div id="article-body">{body}</div></article></main></div><div class="side-col">{trending}</div></div>' + footer("TechRadar")
    yield Page("L33_nested_index_sep_spans", html_, L(url, 9, heads[0], heads[-1], list(range(1, 10)), "h2 with 3 spans index/sep '/'/text, deep nesting, sidebar trending ol with thumbs+h4"))

# ---------- 34 Spanish product "Comprar en Amazon" with H3 without numbers + title count ----------
def p34() -> Iterator[Page]:
    url = "https://www.tecnoblog.es/mejores-moviles-calidad-precio/"
    prods = ["Xiaomi Redmi Note 13 Pro", "Samsung Galaxy A55", "Google Pixel 7a", "Poco X6 Pro", "Motorola Edge 40 Neo"]
    body = "".join(f'<div class="aawp-product"><h3 class="aawp-product__title">{esc(p)}</h3><div class="aawp-product__thumb"><img class="aawp-product__image" src="https://m.media-amazon.com/images/I/7{i}abc._SL500_.jpg" alt="{esc(p)}"></div><div class="aawp-product__description"><ul><li>Pantalla AMOLED de {6+i/10:.1f} pulgadas</li><li>Batería de {4500+i*100} mAh</li><li>Carga rápida de {30+i*5} W</li></ul></div><div class="aawp-product__footer"><span class="aawp-product__price">{199+i*40},99 €</span><a class="aawp-button aawp-button--buy" href="https://www.amazon.es/dp/B0C{i}?tag=tecno-21" rel="nofollow noopener sponsored">Comprar en Amazon</a></div></div><p>{cap(i, 2)}</p>' for i, p in enumerate(prods, 1))
    html_ = head("Los 5 mejores móviles calidad-precio de 2024", url, lang="es", site="TecnoBlog") + '<body>' + nav("TecnoBlog", ("Móviles", "Portátiles", "Ofertas")) + \
        f'<main><article><h1>Los 5 mejores móviles calidad-precio de 2024</h1><p class="aviso">Como afiliado de Amazon, obtenemos ingresos por las compras adscritas.</p><div class="entry-content"><p>Hemos probado más de 30 móviles de gama media.</p>{body}<h2>¿Qué móvil comprar?</h2><p>Si solo puedes elegir uno, el Redmi.</p></div></article></main>' + footer("TecnoBlog")
    yield Page("L34_es_aawp_product_boxes", html_, L(url, 5, prods[0], prods[-1], [None] * 5, "Spanish AAWP affiliate boxes: unnumbered h3 product titles, spec ul, 'Comprar en Amazon'"))

# ---------- 35 Japanese circled numbers in h3 ----------
def p35() -> Iterator[Page]:
    url = "https://life.example.jp/cleaning/tips-7/"
    heads = ["重曹で油汚れを落とす", "クエン酸で水垢を落とす", "メラミンスポンジを使う", "換気扇は月1回", "お風呂は入浴後すぐ", "窓はスクイージーで", "掃除は上から下へ"]
    circ = "①②③④⑤⑥⑦"
    body = "".join(f'<h3 class="wp-block-heading">{circ[i-1]}{esc(h)}</h3><figure class="wp-block-image"><img src="https://life.example.jp/wp-content/uploads/clean{i}.jpg" alt="" width="750" height="500"></figure><p>ちょっとした工夫で、掃除の時間はぐっと短くなります。{i}分でできるので試してみてください。</p>' for i, h in enumerate(heads, 1))
    html_ = head("掃除がラクになる7つのコツ", url, lang="ja", site="暮らしの知恵") + '<body>' + nav("暮らしの知恵", ("掃除", "料理", "収納")) + \
        f'<main><article><h1>掃除がラクになる7つのコツ</h1><div class="entry-content"><p>毎日の掃除、もっとラクにしたいですよね。</p><h2 class="wp-block-heading">掃除のコツ</h2>{body}<h2 class="wp-block-heading">まとめ</h2><p>ぜひ試してみてください。</p></div></article></main>' + footer("暮らしの知恵")
    yield Page("L35_ja_circled_h3", html_, L(url, 7, heads[0], heads[-1], list(range(1, 8)), "Japanese '①title' circled digits, no space, h3 under h2 section"))

# ---------- 36 number in heading as image-like badge <div class=number> preceding h2, plus word-numbers "One:" ----------
def p36() -> Iterator[Page]:
    url = "https://www.mentalfloss-like.com/reasons-cats-are-weird"
    words = ["One", "Two", "Three", "Four", "Five", "Six"]
    heads = ["They sleep 16 hours a day", "They knock things over on purpose", "They bring you 'gifts'", "They sit in boxes", "They stare at nothing", "They make biscuits"]
    body = "".join(f'<h2>Reason {words[i-1]}: {esc(h)}</h2><img src="https://mentalfloss-like.com/cats/{i}.jpg" alt="" width="900" height="600"><p>{cap(i, 2)}</p>' for i, h in enumerate(heads, 1))
    html_ = head("Six Reasons Cats Are Weirder Than You Thought", url, site="Floss") + '<body>' + nav("Floss") + \
        f'<main><article><h1>Six Reasons Cats Are Weirder Than You Thought</h1><div class="body">{body}</div></article></main>' + footer("Floss")
    yield Page("L36_word_numbers", html_, L(url, 6, heads[0], heads[-1], list(range(1, 7)), "Items 'Reason One: ...' spelled numbers, title 'Six Reasons'", numbers_alt=[None] * 6))

# ---------- 37 WordPress listicle where h2 number is "No. 1" and items in countdown with honorable... no, "Tip #1:" in h4 ----------
def p37() -> Iterator[Page]:
    url = "https://www.photographylife-like.com/composition-tips/"
    heads = ["Use the Rule of Thirds", "Find Leading Lines", "Fill the Frame", "Use Negative Space", "Look for Symmetry", "Frame Within a Frame", "Change Your Perspective", "Simplify the Scene"]
    body = "".join(f'<h4 style="text-align: center;"><span style="color: #ff6600;"><strong>Tip #{i}: {esc(h)}</strong></span></h4><p style="text-align: center;"><img class="aligncenter wp-image-{9000+i} size-full" src="https://photographylife-like.com/wp-content/uploads/tip{i}.jpg" alt="{esc(h)}" width="1500" height="1000" srcset="https://photographylife-like.com/wp-content/uploads/tip{i}.jpg 1500w, https://photographylife-like.com/wp-content/uploads/tip{i}-300x200.jpg 300w" sizes="(max-width: 1500px) 100vw, 1500px"></p><p>{cap(i, 2)}</p><p style="text-align: right;"><em>Photo © Jim Harmer</em></p><hr>' for i, h in enumerate(heads, 1))
    html_ = head("8 Composition Tips That Will Instantly Improve Your Photos", url, site="Photo Life") + '<body>' + nav("Photo Life") + \
        f'<main><article><h1>8 Composition Tips That Will Instantly Improve Your Photos</h1><div class="entry-content"><h2>Why Composition Matters</h2><p>Good light is half the battle. The other half is where you put things.</p>{body}<h2>Conclusion</h2><p>Practise one tip per week.</p></div></article></main>' + footer("Photo Life")
    yield Page("L37_h4_tip_hash_styled", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "h4 > span(style) > strong 'Tip #1: Title', hr separators, h2 intro/conclusion"))

# ---------- 38 Vox-like: h3 with numbers and <cite> credits; one item has two images and a video ----------
def p38() -> Iterator[Page]:
    url = "https://www.vox-like.com/culture/best-tv-shows-2023"
    heads = ["Succession", "The Bear", "Beef", "Blue Eye Samurai", "Reservation Dogs", "The Last of Us", "Jury Duty", "Poker Face", "Slow Horses", "Barry", "I'm a Virgo", "Somebody Somewhere"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        media = f'<figure class="e-image"><span class="e-image__inner"><span class="e-image__image" data-original="https://cdn.vox-cdn.com/uploads/chorus_asset/file/{2400+i}/show{i}.jpg"><picture class="c-picture"><source srcset="https://cdn.vox-cdn.com/thumbor/abc{i}=/0x0:3000x2000/400x0/show{i}.jpg 400w, https://cdn.vox-cdn.com/thumbor/abc{i}=/0x0:3000x2000/1200x0/show{i}.jpg 1200w" sizes="(min-width: 1221px) 846px, 100vw"><img alt="A scene from {esc(h)}" src="https://cdn.vox-cdn.com/thumbor/abc{i}=/0x0:3000x2000/1200x0/show{i}.jpg"></picture></span></span><figcaption>A scene from {esc(h)}. <cite>HBO</cite></figcaption></figure>'
        if i == 3:
            media += '<div class="c-video-embed"><iframe src="https://www.youtube.com/embed/AbC123xyz" width="560" height="315" allowfullscreen></iframe></div>'
        body.append(f'<h3 id="h{i}">{i}) <em>{esc(h)}</em> ({"HBO" if i%3==0 else "FX" if i%3==1 else "Netflix"})</h3>{media}<p>{cap(i, 3)}</p>')
    html_ = head("The 12 best TV shows of 2023", url, site="Vox") + '<body>' + nav("Vox", ("Politics", "Culture", "Science")) + \
        f'<main><article class="l-main-content"><div class="c-entry-hero"><h1 class="c-page-title">The 12 best TV shows of 2023</h1><h2 class="c-entry-summary">From Succession\'s finale to a surprise animated hit.</h2></div><div class="c-entry-content">{"".join(body)}<div id="newsletter"><h3>Sign up for the newsletter Today, Explained</h3></div></div></article></main>' + footer("Vox")
    hh = [f"{h} ({'HBO' if i%3==0 else 'FX' if i%3==1 else 'Netflix'})" for i, h in enumerate(heads, 1)]
    yield Page("L38_vox_paren_em", html_, L(url, 12, hh[0], hh[-1], list(range(1, 13)), "h3 '1) <em>Show</em> (Network)', picture inside span data-original, <cite> credits, iframe video", heading_lenient=True, imgs=[1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]))  # gen.py: item 3 has a video too


GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20, p21, p22, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35, p36, p37, p38)
