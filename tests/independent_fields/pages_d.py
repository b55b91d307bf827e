# ruff: noqa: E501
# fmt: off
"""Pages p37–p50 (the tester's ``pages_d.py``): a Hatena blog, photos before headings, a 1990s table
layout, one credit for two photos, French press lazy loading, Wix, lightbox thumbnails, figcaption-
only items, slideshow ad slides, a Gutenberg gallery, Vimeo/TikTok/Facebook/Spotify/Twitch embeds, a
house-ad banner, a Blogger <br> body.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``register(pid, url, html, items, note)`` become
``yield Page(pid, url, html, items, note)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent_fields.common import EN, FR, JA, chrome, esc, txt
from tests.independent_fields.truth import Item, Page, T


# ---------------------------------------------------------------- p37 Japanese Hatena blog, 出典 / 画像提供
def p37() -> Iterator[Page]:
    names = ["ラーメン一蘭", "すし匠", "天ぷら近藤", "とんかつ丸山", "うなぎ宮川", "焼き鳥バードランド"]
    creds = ["出典：食べログ", "画像提供：すし匠", "出典：公式Instagram", "写真＝筆者撮影", "出典：ぐるなび", "写真：編集部"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(JA, i + 2, 1)
        u = f"https://cdn-ak.f.st-hatena.com/images/fotolife/g/gourmet_tokyo/20230{i+1}01/2023010112{i}000.jpg"
        k = i % 3
        if k == 0:
            blk = f'<p><span itemscope itemtype="http://schema.org/Photograph"><img src="{u}" width="1200" height="900" loading="lazy" title="" class="hatena-fotolife" itemprop="image"></span></p>\n<p><span style="font-size: 80%">{creds[i]}</span></p>\n<p>{cap}</p>'
        elif k == 1:
            blk = f'<figure class="figure-image figure-image-fotolife" title="{esc(n)}"><span itemscope itemtype="http://schema.org/Photograph"><img src="{u}" width="1200" height="900" loading="lazy" title="" class="hatena-fotolife" itemprop="image"></span><figcaption>{creds[i]}</figcaption></figure>\n<p>{cap}</p>'
        else:
            blk = f'<p>{cap}</p>\n<p><span style="font-size: 80%">{creds[i]}</span><br><span itemscope itemtype="http://schema.org/Photograph"><img src="{u}" width="1200" height="900" loading="lazy" class="hatena-fotolife" itemprop="image"></span></p>'
        card = f'<p><iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Ftabelog.com%2Ftokyo%2FA130{i}%2F" title="{n} - 食べログ" class="embed-card embed-webcard" scrolling="no" frameborder="0" style="display: block; width: 100%; height: 155px; max-width: 500px; margin: 10px 0px;"></iframe><cite class="hatena-citation"><a href="https://tabelog.com/tokyo/A130{i}/">tabelog.com</a></cite></p>'
        body.append(f'<h3 id="{i}">{i+1}. {n}</h3>\n{blk}\n{card}')
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=["tabelog.com"]))
    html = chrome("東京で絶対に行くべき和食の名店6選", f"""<div id="main"><article class="entry hentry">
<header class="entry-header"><h1 class="entry-title"><a href="#" class="entry-title-link bookmark">東京で絶対に行くべき和食の名店6選</a></h1></header>
<div class="entry-content hatenablog-entry">
<p>こんにちは。今回は東京で食べ歩いた中から、特におすすめの和食のお店を6つ紹介します。</p>
<p>[:contents]</p>
{''.join(body)}
<p>最後まで読んでいただきありがとうございました！読者登録よろしくお願いします。</p>
</div>
<div class="entry-footer"><div class="hatena-star-container"></div><a class="hatena-bookmark-button" href="#">はてなブックマーク</a></div>
</article></div>""", site="東京グルメ日記", lang="ja", nav=["トップ", "グルメ", "旅行"])
    items[-1]["excl"].append("最後まで読んで")
    yield Page("p37_ja_hatena", "https://gourmet-tokyo.hatenablog.com/entry/washoku-6", html, items,
             "Hatena blog: 出典：/画像提供：/写真＝ credits in small span after photo, figcaption, or BEFORE photo via <br>; shop link per item")

# ---------------------------------------------------------------- p38 photo before heading + featured image + intro
def p38() -> Iterator[Page]:
    base = "https://www.ideas4home-like.com/wp-content/uploads/2023/04/"
    names = ["Floating shelves", "Pegboard wall", "Under-stair drawers", "Over-door rack", "Rolling cart", "Bed risers"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 9, 1)
        u = f"{base}storage-idea-{i+1}.jpg"
        body.append(f"""<p><img class="aligncenter size-full wp-image-70{i}" src="{u}" alt="{n}" width="800" height="1000"></p>
<h3><strong>{i+1}. {n}</strong></h3>
<p>{cap} <a href="https://ideasblog{i}.com/post">Source</a></p>""")
        items.append(T(n, [u], [None], "*", cap))
    html = chrome("6 Clever Storage Ideas for Small Apartments", f"""<main><article class="post">
<h1 class="entry-title">6 Clever Storage Ideas for Small Apartments</h1>
<div class="entry-content">
<p><img class="aligncenter size-full wp-image-699" src="{base}storage-ideas-featured.jpg" alt="Storage ideas" width="1200" height="628"></p>
<p>Short on space? These clever storage hacks will help you make the most of every inch.</p>
{''.join(body)}
<p><em>Which idea is your favourite? Pin this post to save it for later!</em></p>
</div></article></main>""", site="Ideas 4 Home")
    items[-1]["excl"].append("Which idea is your favourite")
    yield Page("p38_photo_before_heading_featured", "https://www.ideas4home-like.com/storage-ideas-small-apartments/", html, items,
             "photo in <p> BEFORE each <h3>, featured image + intro before; 'Source' link at text end; outro")

# ---------------------------------------------------------------- p39 old table layout
def p39() -> Iterator[Page]:
    base = "http://www.oldtimecars-like.net/pics/"
    names = ["Ford Model T", "Volkswagen Beetle", "Citroën 2CV", "Mini Cooper", "Fiat 500"]
    rows: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 12)
        u = f"{base}car{i+1}.jpg"
        rows.append(f"""<tr><td valign="top" width="220"><img src="pics/car{i+1}.jpg" width="200" height="150" border="0" alt="{n}"><br><font size="1">Photo: collection of R. Hardy</font></td>
<td valign="top"><font face="Arial" size="3"><b>{i+1}. {n}</b></font><br><font face="Arial" size="2">{cap}</font></td></tr>
<tr><td colspan="2"><img src="images/spacer.gif" width="1" height="10"></td></tr>""")
        items.append(T(n, [u], ["Photo: collection of R. Hardy"], "Photo: collection of R. Hardy", cap))
    html = f"""<html><head><title>The 5 Most Important Cars Ever Made</title></head>
<body bgcolor="#FFFFFF"><table width="760" align="center"><tr><td><img src="images/header.gif" width="760" height="90"></td></tr>
<tr><td><table width="100%"><tr><td width="150" valign="top"><a href="index.html">Home</a><br><a href="links.html">Links</a><br><a href="guestbook.html">Guestbook</a></td>
<td valign="top"><h1><font face="Arial">The 5 Most Important Cars Ever Made</font></h1>
<p><font face="Arial" size="2">These cars put the world on wheels. Here is our list, compiled by club members.</font></p>
<table width="100%" cellpadding="4">{''.join(rows)}</table>
<p><font face="Arial" size="1">Page last updated 12/03/2004. Best viewed in 800x600.</font></p>
</td></tr></table></td></tr></table></body></html>"""
    items[-1]["excl"].append("last updated")
    yield Page("p39_table_layout", "http://www.oldtimecars-like.net/top5.html", html, items,
             "1990s table layout: photo cell (relative src, credit in <font size=1>) then text cell with bold number heading; spacer rows")

# ---------------------------------------------------------------- p40 one credit line for two photos
def p40() -> Iterator[Page]:
    base = "https://www.homesandgardens-like.com/uploads/2023/"
    names = ["The cottage kitchen", "The loft bedroom", "The garden room", "The boot room"]
    phot = ["Paul Massey", "Rachael Smith", "Jody Stewart", "Brent Darby"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 3)
        us = [f"{base}house-tour-{i+1}a.jpg", f"{base}house-tour-{i+1}b.jpg"]
        cr = f"Photos: {phot[i]}"
        body.append(f"""<h2>{i+1}. {n}</h2>
<div class="image-pair"><img src="{us[0]}" alt="" width="600" height="800"><img src="{us[1]}" alt="" width="600" height="800"></div>
<p class="credit">{cr}</p>
<p>{cap}</p>""")
        items.append(T(n, us, ["*", "*"], cr, cap))
    html = chrome("Inside a Cotswolds Farmhouse: 4 Rooms We Love", f"""<main><article>
<h1>Inside a Cotswolds Farmhouse: 4 Rooms We Love</h1><div class="article-body">
<p>This 17th-century farmhouse has been lovingly restored by its owners over a decade.</p>
{''.join(body)}
</div></article></main>""", site="Homes and Gardens Like")
    yield Page("p40_one_credit_two_photos", "https://www.homesandgardens-like.com/house-tours/cotswolds-farmhouse", html, items,
             "pair of photos side by side, ONE 'Photos: X' line for both (item credit = X)")

# ---------------------------------------------------------------- p41 French press: lazysizes, 'Photo : X', DR
def p41() -> Iterator[Page]:
    base = "https://img.lefigaro-like.fr/img/2023/10/"
    names = ["La Tour d'Argent", "Le Procope", "Bouillon Chartier", "Le Train Bleu", "Café de Flore", "Lapérouse"]
    creds = ["Photo : Jean-Luc Petit / Le Figaro", "© DR", "Photo : Bouillon Chartier", "© Francis Amiand", "Crédits photo : AFP", "© DR"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(FR, i + 4)
        slug = f"restaurant-{i+1}"
        if i % 2 == 0:
            img = f'<picture><source type="image/webp" data-srcset="{base}{slug}-640.webp 640w, {base}{slug}-1280.webp 1280w" sizes="100vw"><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{base}{slug}-640.jpg" data-srcset="{base}{slug}-640.jpg 640w, {base}{slug}-1280.jpg 1280w" alt="{esc(n)}"></picture>'
            want, big = f"{base}{slug}-640.jpg", f"{base}{slug}-1280.jpg|{base}{slug}-1280.webp"
        else:
            img = f'<img class="lazyload" data-src="{base}{slug}-640.jpg" alt="{esc(n)}" width="640" height="427"><noscript><img src="{base}{slug}-640.jpg" alt="{esc(n)}"></noscript>'
            want, big = f"{base}{slug}-640.jpg", None
        body.append(f"""<h2 class="fig-body-heading">{i+1}. {n}</h2>
<figure class="fig-media">{img}<figcaption class="fig-media__legend"><span class="fig-media__credit">{creds[i]}</span></figcaption></figure>
<p class="fig-paragraph">{cap}</p>""")
        if i == 3:
            body.append('<div class="fig-premium-paywall"><p>Cet article est réservé aux abonnés. Il vous reste 70% à découvrir.</p><a href="/abonnement">Je m\'abonne</a></div>')
        items.append(T(n, [want], [creds[i]], creds[i], cap, excl=["réservé aux abonnés", "Je m'abonne"], largest=[big]))
    html = chrome("Les 6 plus vieux restaurants de Paris", f"""<main><article class="fig-main">
<h1 class="fig-headline">Les 6 plus vieux restaurants de Paris</h1><p class="fig-standfirst">Certains servent depuis plus de trois siècles.</p>
<div class="fig-content-body">
<p class="fig-paragraph">Paris a inventé le restaurant moderne. Voici les adresses historiques toujours ouvertes.</p>
{''.join(body)}
</div></article></main>""", site="Le Figaro Like", lang="fr", nav=["Actualité", "Gastronomie", "Voyages"])
    yield Page("p41_fr_press_lazy", "https://www.lefigaro-like.fr/gastronomie/plus-vieux-restaurants-paris", html, items,
             "French press: lazysizes picture (gif src, data-src, data-srcset), 'Photo : X' with French space, '© DR', paywall box")

# ---------------------------------------------------------------- p42 Wix-like
def p42() -> Iterator[Page]:
    names = ["Morning pages", "Cold showers", "Digital sunset", "Gratitude list", "Weekly review"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 20)
        mid = f"a1b2c3_{i}f00d{i}e5f6a7b8c9d0e1f2~mv2.jpg"
        u = f"https://static.wixstatic.com/media/{mid}/v1/fill/w_740,h_493,al_c,q_85,usm_0.66_1.00_0.01,enc_auto/{mid}"
        body.append(f"""<div data-hook="rcv-block{i*3}"><h2 class="_2tl9m" dir="auto" id="viewer-h{i}"><span class="_3_JEv">{i+1}. {n}</span></h2></div>
<div data-hook="rcv-block{i*3+1}"><div class="_3CWa-" data-hook="figure-IMAGE"><div class="_1hN1O" data-hook="imageViewer" role="button" tabindex="-1"><div class="_3WJnn"><wow-image id="img_{i}" data-image-info='{{"imageData":{{"uri":"{mid}","width":1920,"height":1280}}}}'><img src="{u}" alt="" style="width:740px;height:493px;object-fit:cover" fetchpriority="high"></wow-image></div></div><span dir="auto" class="_2gs1K" data-hook="imageViewerCaption">Photo by Mia Chen</span></div></div>
<div data-hook="rcv-block{i*3+2}"><p class="_1Q9if" dir="auto"><span class="_2PHJq public-DraftStyleDefault-ltr">{cap}</span></p></div>""")
        items.append(T(n, [u], ["Photo by Mia Chen"], "Photo by Mia Chen", cap))
    html = chrome("5 Small Habits That Changed My Life", f"""<main id="PAGES_CONTAINER"><div class="post-content"><article>
<h1 class="blog-post-title-font">5 Small Habits That Changed My Life</h1>
<div class="post-content__body" data-hook="post-description"><div data-id="rich-content-viewer">
<div data-hook="rcv-block-intro"><p class="_1Q9if"><span>These five tiny changes made a bigger difference than any big resolution ever did.</span></p></div>
{''.join(body)}
</div></div></article>
<div class="post-footer"><span data-hook="like-button">12 likes</span><span>3 comments</span></div></div></main>""", site="Mindful Mia")
    items[-1]["excl"] += ["likes", "comments"]
    yield Page("p42_wix", "https://www.mindfulmia.com/post/5-small-habits", html, items,
             "Wix rich content viewer: wow-image, imageViewerCaption span 'Photo by X', data-hook blocks")

# ---------------------------------------------------------------- p43 thumbnail linked to full-size (lightbox) + wp-caption-text captions
def p43() -> Iterator[Page]:
    base = "https://www.birdwatchers-like.org/wp-content/uploads/2022/05/"
    names = ["Northern Cardinal", "Blue Jay", "American Robin", "Black-capped Chickadee", "Baltimore Oriole", "Cedar Waxwing"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        slug = n.lower().replace(' ', '-')
        thumb, full = f"{base}{slug}-600x400.jpg", f"{base}{slug}.jpg"
        figcap = f"A {n.lower()} at a backyard feeder in Ohio."
        who = ["Dan Pancamo", "Mark Moschell", "Sandy Lee", "Kelly Azar", "Rick Bohn", "Ana Vega"][i]
        cap = txt(EN, i + 2, 1)
        body.append(f"""<h2>{i+1}. {n}</h2>
<div id="attachment_{i}" class="wp-caption aligncenter" style="width: 610px"><a href="{full}" data-rel="lightbox-gallery-1"><img class="size-medium wp-image-{i}" src="{thumb}" alt="{n}" width="600" height="400"></a><p class="wp-caption-text">{figcap} Photo © {who}</p></div>
<p>{cap}</p>
<p><strong>Where to see it:</strong> Woodlands, parks and suburban gardens across the east.</p>""")
        items.append(T(n, [thumb], [f"Photo © {who}"], f"Photo © {who}", cap))
    html = chrome("6 Backyard Birds You Can Attract This Spring", f"""<main><article class="post">
<h1 class="entry-title">6 Backyard Birds You Can Attract This Spring</h1><div class="entry-content">
<p>With the right feeder and a few native plants, your garden can become a bird magnet.</p>
{''.join(body)}
</div></article></main>""", site="Birdwatchers Like")
    yield Page("p43_lightbox_wpcaption", "https://www.birdwatchers-like.org/backyard-birds-spring/", html, items,
             "thumbnail img inside lightbox link to full size; wp-caption-text with caption sentence then 'Photo © X'")

# ---------------------------------------------------------------- p44 figcaption-only items (caption + credit in one figcaption)
def p44() -> Iterator[Page]:
    base = "https://www.historyphotos-like.com/archive/"
    names = ["The first transatlantic flight", "Opening of the Golden Gate Bridge", "The Hindenburg disaster", "The first televised election debate", "Woodstock"]
    creds = ["(Photo: Library of Congress)", "Photo: Bettmann/Getty Images", "Credit: Sam Shere/Getty Images", "Photo: CBS via Getty Images", "(Photo by Tucker Ransom/Getty)"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 17, 1)
        u = f"{base}{1919 + i*12}-{i}.jpg"
        fc = f"{cap} {creds[i]}" if i % 2 == 0 else f'{cap}<br><em class="credit">{creds[i]}</em>'
        body.append(f'<h3>{i+1}. {n}</h3>\n<figure class="archive-photo"><img src="{u}" alt="" width="1000" height="750"><figcaption>{fc}</figcaption></figure>')
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("5 Historic Photos That Captured a Turning Point", f"""<main><article>
<h1>5 Historic Photos That Captured a Turning Point</h1><div class="article-body">
<p>Some photographs do more than record a moment: they change how we see the world.</p>
{''.join(body)}
</div></article></main>""", site="History Photos Like")
    yield Page("p44_figcaption_only", "https://www.historyphotos-like.com/turning-point-photos", html, items,
             "item text only in figcaption, credit in same figcaption (inline parenthesised or after <br><em>)")

# ---------------------------------------------------------------- p45 slideshow with ad slides containing images
def p45() -> Iterator[Page]:
    base = "https://media.celebmag-like.com/slides/"
    names = ["Zendaya", "Timothée Chalamet", "Rihanna", "Pedro Pascal", "Florence Pugh", "Bad Bunny", "Margot Robbie"]
    creds = ["Photo: Getty Images", "Photo: WireImage", "Photo: Shutterstock", "Photo: Getty Images", "Photo: Backgrid", "Photo: FilmMagic", "Photo: Getty Images"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 6, 1)
        u = f"{base}met-gala-{i+1}.jpg"
        body.append(f"""<div class="gallery-slide" id="slide-{i+1}">
<div class="gallery-slide__media"><img src="{u}" alt="{esc(n)}" width="900" height="1350"><span class="gallery-slide__credit">{creds[i]}</span></div>
<div class="gallery-slide__text"><span class="gallery-slide__count">{i+1}/{len(names)}</span><h2>{n}</h2><p>{cap}</p></div>
</div>""")
        if i in (2, 5):
            body.append(f"""<div class="gallery-slide gallery-slide--ad"><div class="ad-label">Advertisement</div><a href="https://adclick.g.doubleclick.net/pcs/click?xai={i}"><img src="https://tpc.googlesyndication.com/simgad/1234567{i}" width="300" height="600" alt="Advertisement"></a></div>""")
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=["Advertisement"]))
    html = chrome("The 7 Best Dressed Stars at the Met Gala", f"""<main><article class="gallery">
<h1>The 7 Best Dressed Stars at the Met Gala</h1><p class="dek">Fashion's biggest night delivered. These looks stole the show.</p>
<div class="gallery-slides">
<div class="gallery-slide gallery-slide--cover"><img src="{base}met-gala-cover.jpg" alt="" width="1600" height="900"><span class="gallery-slide__credit">Photo: Getty Images</span></div>
{''.join(body)}
</div></article></main>""", site="Celeb Mag Like")
    yield Page("p45_slides_with_ad_slides", "https://www.celebmag-like.com/fashion/met-gala-best-dressed", html, items,
             "slides: photo (credit span) before count+heading, cover slide, ad slides with a 300x600 creative image between slides")

# ---------------------------------------------------------------- p46 Gutenberg gallery block + buttons block
def p46() -> Iterator[Page]:
    base = "https://www.weddingbliss-like.com/wp-content/uploads/2023/06/"
    names = ["Rustic barn", "Beach ceremony", "Vineyard", "City rooftop", "Castle"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 14)
        slug = n.lower().replace(' ', '-')
        us = [f"{base}{slug}-{k}-1024x683.jpg" for k in range(1, 4)]
        whos = [f"Studio {chr(65+i)}{k}" for k in range(1, 4)]
        figs = "".join(f'<figure class="wp-block-image size-large"><img loading="lazy" width="1024" height="683" data-id="8{i}{k}" src="{u}" alt="" class="wp-image-8{i}{k}"/><figcaption class="wp-element-caption">Photo: {w}</figcaption></figure>' for k, (u, w) in enumerate(zip(us, whos, strict=True)))
        body.append(f"""<h2 class="wp-block-heading">{i+1}. {n}</h2>
<p>{cap}</p>
<figure class="wp-block-gallery has-nested-images columns-3 is-cropped">{figs}</figure>
<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="/venues/{slug}/">See venue details</a></div></div>""")
        items.append(T(n, us, [f"Photo: {w}" for w in whos], "*", cap, excl=["See venue details"]))
    html = chrome("5 Wedding Venue Styles for Every Couple", f"""<main><article class="post">
<h1 class="entry-title">5 Wedding Venue Styles for Every Couple</h1><div class="entry-content">
<p>Your venue sets the tone for the whole day. Here is a look at five popular styles.</p>
{''.join(body)}
</div></article></main>""", site="Wedding Bliss Like")
    yield Page("p46_gutenberg_gallery", "https://www.weddingbliss-like.com/wedding-venue-styles/", html, items,
             "Gutenberg gallery block with 3 figures each 'Photo: X', after text; buttons block")

# ---------------------------------------------------------------- p47 other embeds: Vimeo, TikTok, Facebook, Spotify
def p47() -> Iterator[Page]:
    names = ["The viral dance", "The cooking hack", "The short film", "The podcast episode", "The live stream"]
    body: list[str] = []
    items: list[Item] = []
    embs = [
        ('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@dancer/video/7212345678901234567" data-video-id="7212345678901234567" style="max-width: 605px;min-width: 325px;"><section><a target="_blank" title="@dancer" href="https://www.tiktok.com/@dancer?refer=embed">@dancer</a> new dance challenge <a title="fyp" href="https://www.tiktok.com/tag/fyp">#fyp</a> <a target="_blank" title="♬ original sound" href="https://www.tiktok.com/music/x">♬ original sound - dancer</a></section></blockquote><script async src="https://www.tiktok.com/embed.js"></script>', "7212345678901234567"),
        ('<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2Ftastychef%2Fvideos%2F998877665544%2F&show_text=false&width=560" width="560" height="314" style="border:none;overflow:hidden" scrolling="no" frameborder="0" allowfullscreen="true"></iframe>', "998877665544"),
        ('<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/824804225?h=1a2b3c&amp;badge=0" frameborder="0" allow="autoplay; fullscreen" style="position:absolute;top:0;left:0;width:100%;height:100%;" title="Short film"></iframe></div>', "824804225"),
        ('<iframe style="border-radius:12px" src="https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=generator" width="100%" height="152" frameBorder="0" allowfullscreen="" loading="lazy"></iframe>', "4rOoJ6Egrf8K2IrywzwOMk"),
        ('<iframe src="https://player.twitch.tv/?channel=speedrunner&parent=viralfeed-like.com" height="378" width="620" allowfullscreen></iframe>', "speedrunner"),
    ]
    for i, n in enumerate(names):
        cap = txt(EN, i + 1, 1)
        e, key = embs[i]
        body.append(f'<h2>{i+1}. {n}</h2>\n<p>{cap}</p>\n{e}')
        items.append(T(n, [], [], None, cap, embeds=[key], excl=["original sound", "#fyp"]))
    html = chrome("5 Videos Everyone Is Talking About This Week", f"""<main><article class="post">
<h1 class="entry-title">5 Videos Everyone Is Talking About This Week</h1><div class="entry-content">
<p>From TikTok to Twitch, here is what the internet watched this week.</p>
{''.join(body)}
</div></article></main>""", site="Viral Feed Like")
    yield Page("p47_other_embeds", "https://viralfeed-like.com/videos-this-week/", html, items,
             "TikTok blockquote, Facebook video iframe, Vimeo, Spotify, Twitch embeds after text")

# ---------------------------------------------------------------- p48 photo-before-heading, one item without photo, one with two
def p48() -> Iterator[Page]:
    base = "https://www.petsbest-like.com/wp-content/uploads/2023/02/"
    names = ["The escape artist", "The sock thief", "The drama queen", "The couch potato", "The best friends", "The foodie"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 3, 1)
        us = [] if i == 2 else ([f"{base}dog-{i+1}a.jpg", f"{base}dog-{i+1}b.jpg"] if i == 4 else [f"{base}dog-{i+1}.jpg"])
        figs = "".join(f'<figure class="wp-block-image size-full"><img src="{u}" alt="" width="700" height="700"/><figcaption class="wp-element-caption">Photo: Instagram / @dog{i}{k}</figcaption></figure>\n' for k, u in enumerate(us))
        body.append(f"{figs}<h2>{i+1}. {n}</h2>\n<p>{cap}</p>")
        cr = [f"Photo: Instagram / @dog{i}{k}" for k in range(len(us))]
        items.append(T(n, us, cr, cr[0] if len(cr) == 1 else ("*" if cr else None), cap))
    html = chrome("6 Dog Personalities Every Owner Will Recognise", f"""<main><article class="post">
<h1 class="entry-title">6 Dog Personalities Every Owner Will Recognise</h1><div class="entry-content">
<p>Every dog is unique, but some personalities pop up again and again. Which one is yours?</p>
{''.join(body)}
<p>Share this with a fellow dog owner who needs a laugh today!</p>
</div></article></main>""", site="Pets Best Like")
    items[-1]["excl"].append("Share this with")
    yield Page("p48_photo_before_heading_irregular", "https://www.petsbest-like.com/dog-personalities/", html, items,
             "photo (credited figure) BEFORE heading; item 3 has no photo, item 5 has two")

# ---------------------------------------------------------------- p49 photo after heading, one item without photo, house-ad image between items
def p49() -> Iterator[Page]:
    base = "https://www.budgettravel-like.com/images/"
    names = ["Book on a Tuesday", "Use a VPN", "Fly into secondary airports", "Travel carry-on only", "Set fare alerts", "Be flexible with dates"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 16)
        if i == 3:
            body.append(f"<h2>{i+1}. {n}</h2>\n<p>{cap}</p>")
            items.append(T(n, [], [], None, cap))
        else:
            u = f"{base}tip-{i+1}.jpg"
            body.append(f'<h2>{i+1}. {n}</h2>\n<img src="{u}" alt="" width="900" height="600">\n<p class="caption-credit">Image: Unsplash / Traveler {i}</p>\n<p>{cap}</p>')
            items.append(T(n, [u], [f"Image: Unsplash / Traveler {i}"], f"Image: Unsplash / Traveler {i}", cap))
        if i == 2:
            body.append('<div class="house-promo"><a href="/deals/"><img src="https://www.budgettravel-like.com/promo/deals-banner-728x90.png" width="728" height="90" alt="Sign up for deal alerts"></a></div>')
    html = chrome("6 Tricks for Finding Cheap Flights", f"""<main><article>
<h1>6 Tricks for Finding Cheap Flights</h1><div class="article-body">
<p>Airfare does not have to eat your whole budget. Try these proven tricks.</p>
{''.join(body)}
</div></article></main>""", site="Budget Travel Like")
    yield Page("p49_house_ad_banner", "https://www.budgettravel-like.com/cheap-flights-tricks", html, items,
             "photo after heading; item 4 without photo, a 728x90 house-promo banner image between items 3 and 4")

# ---------------------------------------------------------------- p50 Blogger: <br>-separated body, separator divs, x-small credit spans
def p50() -> Iterator[Page]:
    names = ["Hallgrímskirkja", "Skógafoss", "Jökulsárlón", "Kirkjufell", "Reynisfjara"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 7, 1)
        nimg = 2 if i in (1, 3) else 1
        us, crs, blk = [], [], ""
        for k in range(nimg):
            key = f"AVvXsEh{i}{k}Qm9vZ2xlX2ltYWdl"
            u = f"https://blogger.googleusercontent.com/img/b/R29vZ2xl/{key}/s320/iceland-{i+1}-{k+1}.jpg"
            cr = f"Photo: {['Anna', 'Bjorn', 'Kari', 'Siggi', 'Thor'][i]} {chr(65+k)}."
            us.append(u)
            crs.append(cr)
            blk += (f'<div class="separator" style="clear: both; text-align: center;"><a href="{u.replace("/s320/", "/s1600/")}" style="margin-left: 1em; margin-right: 1em;">'
                    f'<img border="0" data-original-height="1067" data-original-width="1600" height="213" src="{u}" width="320" /></a></div>'
                    f'<span style="font-size: x-small;">{cr}</span>')
        body.append(f'<b>{i+1}. {n}</b><br />{blk}<br />{cap}<br /><br />')
        items.append(T(n, us, crs, crs[0] if nimg == 1 else "*", cap))
    html = chrome("5 Places in Iceland That Took My Breath Away", f"""<div class="main-inner"><div class="post hentry" itemprop="blogPost">
<h3 class="post-title entry-title" itemprop="name">5 Places in Iceland That Took My Breath Away</h3>
<div class="post-header"><span class="post-timestamp">March 14, 2022</span></div>
<div class="post-body entry-content" id="post-body-1234" itemprop="description articleBody">
I finally made it to Iceland last winter! Here are the five places I still dream about.<br /><br />
{''.join(body)}
Thanks for reading, and see you in the next post!<br />
</div>
<div class="post-footer"><span class="post-labels">Labels: <a href="/search/label/Iceland">Iceland</a></span></div>
</div></div>""", site="Wandering Wren")
    items[-1]["excl"].append("Thanks for reading")
    yield Page("p50_blogger_br_body", "https://wanderingwren.blogspot.com/2022/03/iceland-places.html", html, items,
             "Blogger post-body: bold line heads, separator divs, x-small credit spans directly after each photo, text as bare <br> lines")

GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (p50, p48, p49, p37, p38, p39, p40, p41, p42, p43, p44, p45, p46, p47)
