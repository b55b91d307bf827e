# ruff: noqa: E501
# fmt: off
"""Pages p13–p24 (the tester's ``pages_b.py``): Japanese and Spanish pages, lazy YouTube embeds,
tweets, Instagram, affiliate product boxes, a recipe roundup, credits printed before the photo, CSS
background images, <picture> sources, URLs only in <noscript>, tracking pixels and Pin-it buttons.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``register(pid, url, html, items, note)`` become
``yield Page(pid, url, html, items, note)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent_fields.common import EN, ES, JA, chrome, esc, txt
from tests.independent_fields.truth import Item, Page, T


# ---------------------------------------------------------------- p13 Japanese
def p13() -> Iterator[Page]:
    base = "https://kyoto-tabi.jp/wp-content/uploads/2023/04/"
    names = ["清水寺", "伏見稲荷大社", "金閣寺", "嵐山・竹林の小径", "銀閣寺", "南禅寺", "東福寺", "二条城"]
    creds = ["写真：山田太郎", "写真：PIXTA", "写真：鈴木花子", "写真：京都市観光協会", "写真：PIXTA", "写真：佐藤健", "写真：東福寺提供", "写真：アフロ"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(JA, i, 1)
        u = f"{base}kyoto-spot-{i+1:02d}.jpg"
        if i % 3 == 2:   # credit line BEFORE the photo (small text above image)
            blk = f'<p class="photo-credit" style="font-size:11px;text-align:right">{creds[i]}</p>\n<figure class="wp-block-image size-large"><img src="{u}" alt="{n}" width="1200" height="800"></figure>\n<p>{cap}</p>'
        elif i % 3 == 1:  # credit in a span inside p under the photo
            blk = f'<figure class="wp-block-image size-large"><img src="{u}" alt="{n}" width="1200" height="800"></figure>\n<p><span style="font-size:12px;color:#888">{creds[i]}</span></p>\n<p>{cap}</p>'
        else:
            blk = f'<figure class="wp-block-image size-large"><img src="{u}" alt="{n}" width="1200" height="800"><figcaption>{creds[i]}</figcaption></figure>\n<p>{cap}</p>'
        body.append(f'<h2 class="wp-block-heading">{i+1}．{n}</h2>\n{blk}\n<div class="spot-info"><table><tr><th>住所</th><td>京都市東山区{i+1}丁目</td></tr><tr><th>アクセス</th><td>市バス「五条坂」下車 徒歩10分</td></tr></table></div>')
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("京都のおすすめ観光スポット8選！定番から穴場まで", f"""<main class="l-main"><article class="p-entry">
<h1 class="c-postTitle__ttl">京都のおすすめ観光スポット8選！定番から穴場まで</h1>
<div class="post_content">
<p>京都には数え切れないほどの観光名所があります。今回は編集部が厳選したおすすめスポットを8つご紹介します。</p>
<div class="p-toc"><p class="p-toc__ttl">目次</p><ol>{''.join(f'<li><a href="#s{k}">{m}</a></li>' for k, m in enumerate(names))}</ol></div>
{''.join(body)}
<h2>まとめ</h2><p>いかがでしたか？季節ごとに違った表情を見せる京都へ、ぜひ足を運んでみてください。</p>
</div></article></main>""", site="京都旅ナビ", lang="ja", nav=["ホーム", "観光", "グルメ"])
    items[-1]["excl"] += ["いかがでしたか", "まとめ"]
    yield Page("p13_ja", "https://kyoto-tabi.jp/kyoto-osusume-spot/", html, items,
             "Japanese: 写真： credit in figcaption / span after photo / line BEFORE photo, spot-info table per item, まとめ outro")

# ---------------------------------------------------------------- p14 Spanish
def p14() -> Iterator[Page]:
    base = "https://www.escapadas-hoy.es/img/2023/06/"
    names = ["Cala Macarella", "Playa de Rodas", "Cala Saona", "Playa de las Catedrales", "Cala Mitjana", "Playa de Bolonia"]
    creds = ["Foto: Laura Gil", "Fuente: Turismo de Galicia", "Vía Instagram @formentera_love", "Foto: EFE",
             "Foto: Getty Images", "Imagen: Shutterstock"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(ES, i)
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        ex = []
        extra = ""
        if i in (1, 4):
            extra = f'<p><strong>Lee también:</strong> <a href="/playas-{i}/">Las mejores playas nudistas de España</a></p>'
            ex = ["Lee también", "playas nudistas"]
        body.append(f"""<h2>{i+1}. {n}</h2>
<figure class="foto"><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="{u}" alt="{n}" width="900" height="600"><figcaption><span class="pie">{esc(n)} en un día de verano.</span> <span class="firma">{creds[i]}</span></figcaption></figure>
<p>{cap}</p>{extra}""")
        if i == 2:
            body.append('<div class="publicidad"><p class="etiqueta">Publicidad</p><div id="div-gpt-ad-mpu2"></div></div>')
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=[*ex, "Publicidad"]))
    html = chrome("Las 6 playas más bonitas de España para este verano", f"""<main><article>
<h1>Las 6 playas más bonitas de España para este verano</h1><p class="entradilla">Aguas cristalinas y arena fina: nuestra selección.</p>
<div class="cuerpo">
<p>España tiene casi 8.000 kilómetros de costa. Estas son las playas que no te puedes perder.</p>
{''.join(body)}
</div></article></main>""", site="Escapadas Hoy", lang="es", nav=["Viajes", "Gastronomía", "Escapadas"])
    yield Page("p14_es", "https://www.escapadas-hoy.es/playas-mas-bonitas-espana", html, items,
             "Spanish: gif placeholder + data-src, figcaption pie + firma credit (Foto:, Fuente:, Vía, Imagen:), Lee también, Publicidad")

# ---------------------------------------------------------------- p15 YouTube lazy embeds
def p15() -> Iterator[Page]:
    names = ["Bohemian Rhapsody – Queen", "Take On Me – a-ha", "Thriller – Michael Jackson", "Sabotage – Beastie Boys",
             "Hurt – Johnny Cash", "Bad Romance – Lady Gaga"]
    vids = ["fJ9rUzIMcZQ", "djV11Xbc914", "sOnqjkJTMaA", "z5rRZdiu1UE", "8AHCfZTRGiI", "qrO4YZeyl0I"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 4, 1)
        v = vids[i]
        k = i % 3
        if k == 0:   # WP Rocket lazy iframe
            emb = f'<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper"><div class="rll-youtube-player" data-src="https://www.youtube.com/embed/{v}" data-id="{v}" data-query="feature=oembed"></div><noscript><iframe title="{esc(n)}" width="800" height="450" src="https://www.youtube.com/embed/{v}?feature=oembed" frameborder="0" allowfullscreen></iframe></noscript></div></figure>'
        elif k == 1:  # lazysizes iframe
            emb = f'<div class="video-container"><iframe class="lazyload" data-src="https://www.youtube-nocookie.com/embed/{v}?rel=0" width="560" height="315" frameborder="0" allowfullscreen></iframe></div>'
        else:         # lite-youtube web component
            emb = f'<lite-youtube videoid="{v}" playlabel="Play: {esc(n)}" style="background-image: url(\'https://i.ytimg.com/vi/{v}/hqdefault.jpg\');"></lite-youtube>'
        after = txt(EN, i + 12, 1)
        body.append(f'<h3>{i+1}. {n}</h3>\n<p>{cap}</p>\n{emb}\n<p>{after}</p>')
        items.append(T(n, [], [], None, cap, embeds=[v]))
    html = chrome("The 6 Greatest Music Videos of All Time", f"""<main><article class="post">
<h1 class="entry-title">The 6 Greatest Music Videos of All Time</h1><div class="entry-content">
<p>Music videos turned songs into cultural events. Here are the six that changed everything.</p>
{''.join(body)}
</div></article></main>""", site="Loud Culture")
    yield Page("p15_youtube_lazy", "https://loudculture.com/greatest-music-videos/", html, items,
             "YouTube lazy embeds: WP Rocket rll-youtube-player + noscript, lazysizes iframe data-src, lite-youtube; text before and after")

# ---------------------------------------------------------------- p16 tweets list
def p16() -> Iterator[Page]:
    handles = ["dadjokeman", "sarcasticmum", "officepets", "nyc_overheard", "grammarpolice", "catperson99", "pun_intended"]
    body: list[str] = []
    items: list[Item] = []
    for i, h in enumerate(handles):
        sid = f"16{i}2345678901234567"
        tweet = f'<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">tweet number {i} from @{h} that is very funny indeed</p>&mdash; {h.title()} (@{h}) <a href="https://twitter.com/{h}/status/{sid}?ref_src=twsrc%5Etfw">March {i+3}, 2023</a></blockquote>'
        if i % 2 == 0:
            lead = txt(EN, i, 1)
            body.append(f'<h2>{i+1}. This one from @{h}</h2>\n<p>{lead}</p>\n{tweet}')
            items.append(T(f"This one from @{h}", [], [], None, lead, embeds=[sid]))
        else:
            body.append(f'<h2>{i+1}. This one from @{h}</h2>\n{tweet}')
            items.append(T(f"This one from @{h}", [], [], None, None, embeds=[sid]))
    body.append('<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')
    html = chrome("7 Tweets That Are Funnier Than They Should Be", f"""<main><article class="post">
<h1 class="entry-title">7 Tweets That Are Funnier Than They Should Be</h1><div class="entry-content">
<p>Twitter can be a terrible place, but sometimes it is brilliant. These made us laugh this week.</p>
{''.join(body)}
<p>Follow us on Twitter for more!</p>
</div></article></main>""", site="LOL Daily")
    items[-1]["excl"].append("Follow us on Twitter")
    yield Page("p16_tweets", "https://loldaily.com/funniest-tweets/", html, items,
             "Tweet embeds, alternating with and without lead text, outro")

# ---------------------------------------------------------------- p17 Instagram
def p17() -> Iterator[Page]:
    codes = ["CxA1b2C3d4E", "CyB2c3D4e5F", "CzC3d4E5f6G", "C0D4e5F6g7H", "C1E5f6G7h8I"]
    names = ["Hallstatt", "Santorini", "Lake Bled", "Chefchaouen", "Colmar"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        c = codes[i]
        before = txt(EN, i + 6, 1)
        after = txt(EN, i + 16, 1)
        ig = f"""<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/{c}/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14" style="background:#FFF;"><div style="padding:16px;"><a href="https://www.instagram.com/p/{c}/?utm_source=ig_embed&amp;utm_campaign=loading" style="background:#FFFFFF;" target="_blank"><div style="display:flex"><div style="background-color:#F4F4F4;border-radius:50%;height:40px;width:40px"></div></div><div style="padding:19% 0;"></div><div style="display:block;height:50px;margin:0 auto 12px;width:50px;"><svg width="50px" height="50px" viewBox="0 0 60 60"><g></g></svg></div><div style="padding-top:8px;"><div style="color:#3897f0;font-family:Arial,sans-serif;font-size:14px;">View this post on Instagram</div></div></a><p style="margin:8px 0 0 0;"><a href="https://www.instagram.com/p/{c}/" target="_blank">A post shared by Wander {n} (@wander_{n.lower().replace(' ','')})</a></p></div></blockquote>"""
        if i == 3:
            body.append(f'<h2>{i+1}. {n}</h2>\n{ig}\n<p>{after}</p>')
            items.append(T(n, [], [], None, after, embeds=[c], excl=["View this post on Instagram", "A post shared by"]))
        else:
            body.append(f'<h2>{i+1}. {n}</h2>\n<p>{before}</p>\n{ig}\n<p>{after}</p>')
            items.append(T(n, [], [], None, before, embeds=[c], excl=["View this post on Instagram", "A post shared by"]))
    body.append('<script async src="//www.instagram.com/embed.js"></script>')
    html = chrome("5 Most Instagrammable Towns in Europe", f"""<main><article class="post">
<h1 class="entry-title">5 Most Instagrammable Towns in Europe</h1><div class="entry-content">
<p>Bring a fully charged phone. These towns are ridiculously photogenic.</p>
{''.join(body)}
</div></article></main>""", site="Wander Feed")
    yield Page("p17_instagram", "https://wanderfeed.com/instagrammable-towns-europe/", html, items,
             "Instagram blockquote embeds with 'View this post' / 'A post shared by' junk, text before/after")

# ---------------------------------------------------------------- p18 affiliate roundup
def p18() -> Iterator[Page]:
    base = "https://www.kitchenpicks.com/wp-content/uploads/2023/10/"
    names = ["Ninja AF101", "Cosori Pro LE", "Instant Vortex Plus", "Philips Premium XXL", "Chefman TurboFry"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 9, 1)
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        body.append(f"""<h3>{i+1}. {n}</h3>
<div class="product-box"><div class="product-image"><a href="https://www.amazon.com/dp/B0{i}XYZ?tag=kitchenpicks-20" rel="nofollow sponsored"><img src="{u}" alt="{n}" width="600" height="600"></a></div>
<p>{cap}</p>
<ul class="pros-cons"><li><strong>Pros:</strong> Fast, easy to clean</li><li><strong>Cons:</strong> Basket is a bit small</li></ul>
<div class="price-box"><span class="price">${79 + i*20}.99</span> <a class="aff-btn" href="https://www.amazon.com/dp/B0{i}XYZ?tag=kitchenpicks-20" rel="nofollow sponsored"><img src="{base.replace('2023/10/','2021/01/')}amazon-logo.png" width="80" height="24" alt="Amazon"> Buy on Amazon</a> <a class="aff-btn" href="https://goto.walmart.com/c/123/{i}">Check price at Walmart</a></div>
<img src="https://ir-na.amazon-adsystem.com/e/ir?t=kitchenpicks-20&amp;l=am2&amp;o=1&amp;a=B0{i}XYZ" width="1" height="1" border="0" alt="" style="border:none !important; margin:0px !important;" />
</div>""")
        items.append(T(n, [u], [None], None, cap, excl=["Buy on Amazon", "Check price at Walmart"]))
    html = chrome("The 5 Best Air Fryers of 2023, Tested and Reviewed", f"""<main><article class="post">
<h1 class="entry-title">The 5 Best Air Fryers of 2023, Tested and Reviewed</h1>
<div class="entry-content">
<p class="disclosure"><em>This post contains affiliate links. As an Amazon Associate we earn from qualifying purchases.</em></p>
<p>We cooked more than 40 pounds of fries to find the best air fryer for every kitchen.</p>
<div class="lasso-container"><table class="comparison"><tr><th>Model</th><th>Capacity</th></tr>{''.join(f'<tr><td>{m}</td><td>{4+k} qt</td></tr>' for k, m in enumerate(names))}</table></div>
{''.join(body)}
<h2>How we tested</h2><p>Every model cooked frozen fries, chicken wings and roasted vegetables three times.</p>
</div></article></main>""", site="Kitchen Picks")
    items[-1]["excl"] += ["How we tested", "chicken wings"]
    yield Page("p18_affiliate", "https://www.kitchenpicks.com/best-air-fryers/", html, items,
             "affiliate product boxes: image link, pros/cons, price box with Amazon logo img and Buy buttons, amazon 1x1 pixel, 'How we tested' outro")

# ---------------------------------------------------------------- p19 recipe roundup
def p19() -> Iterator[Page]:
    base = "https://www.weeknightbites.com/wp-content/uploads/2024/01/"
    names = ["One-Pan Lemon Chicken", "Creamy Tuscan Gnocchi", "Sheet Pan Fajitas", "Thai Peanut Noodles", "Black Bean Tacos", "Miso Salmon"]
    srcs = ["Half Baked Harvest", "Gimme Some Oven", "Budget Bytes", "Pinch of Yum", "Cookie and Kate", "Love and Lemons"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 2, 1)
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        cr = f"Photo credit: {srcs[i]}"
        body.append(f"""<h2 class="wp-block-heading">{i+1}. {n}</h2>
<figure class="wp-block-image size-full"><a href="https://{srcs[i].lower().replace(' ','')}.com/{n.lower().replace(' ','-')}/"><img src="{u}" alt="{n}" class="wp-image-1{i}" width="735" height="1102" data-pin-description="{esc(n)} recipe" /></a></figure>
<p class="has-small-font-size"><em>{cr}</em></p>
<p>{cap}</p>
<p><strong>Get the recipe:</strong> <a href="https://{srcs[i].lower().replace(' ','')}.com/{n.lower().replace(' ','-')}/">{n}</a></p>
""")
        items.append(T(n, [u], [cr], cr, cap, excl=["Get the recipe"]))
    html = chrome("6 Easy Weeknight Dinners Ready in 30 Minutes", f"""<main><article class="post">
<h1 class="entry-title">6 Easy Weeknight Dinners Ready in 30 Minutes</h1>
<div class="entry-content">
<p>Dinner does not have to be complicated. These recipes from our favourite bloggers come together fast.</p>
{''.join(body)}
<div class="wp-block-group newsletter"><h3>Never miss a recipe</h3><p>Join 50,000 home cooks and get our meal plans by email.</p></div>
</div></article></main>""", site="Weeknight Bites")
    items[-1]["excl"] += ["Never miss a recipe", "Join 50,000"]
    yield Page("p19_recipe_roundup", "https://www.weeknightbites.com/easy-weeknight-dinners/", html, items,
             "recipe roundup: linked image, 'Photo credit:' em paragraph, Get the recipe link, newsletter group after")

# ---------------------------------------------------------------- p20 credit printed before photo
def p20() -> Iterator[Page]:
    base = "https://trailsandtales.blog/images/"
    names = ["Angels Landing", "The Narrows", "Half Dome", "Delicate Arch", "Grinnell Glacier"]
    creds = ["Image: NPS / Kurt Moses", "Image: Jamie Lin", "Image: NPS Photo", "Image: Utah Office of Tourism", "Image: Tim Rains / NPS"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 13)
        u = f"{base}{n.lower().replace(' ','-')}-hike.jpg"
        body.append(f"""<h2>{i+1}. {n}</h2>
<div class="photo"><div class="photo-credit">{creds[i]}</div><img src="{u}" alt="{n}" width="1000" height="667"></div>
<p>{cap}</p>
<p class="stats"><b>Distance:</b> {5+i} miles · <b>Elevation gain:</b> {1000+i*300} ft</p>""")
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("5 Epic Day Hikes in America's National Parks", f"""<main><article>
<h1>5 Epic Day Hikes in America's National Parks</h1>
<div class="post-body">
<p>Lace up your boots. These hikes are hard, but the views are worth every step.</p>
{''.join(body)}
<p>Always check trail conditions with the park rangers before heading out, and carry more water than you think you need.</p>
</div></article></main>""", site="Trails and Tales")
    items[-1]["excl"].append("Always check trail conditions")
    yield Page("p20_credit_before_photo", "https://trailsandtales.blog/epic-day-hikes/", html, items,
             "credit div printed BEFORE the img in same wrapper, stats line, outro advice paragraph")

# ---------------------------------------------------------------- p21 background images
def p21() -> Iterator[Page]:
    base = "https://cdn.roomsandstyle.com/uploads/"
    names = ["Japandi", "Mid-Century Modern", "Scandinavian", "Industrial", "Boho", "Coastal"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 18, 1)
        u = f"{base}{n.lower().replace(' ','-')}-living-room.jpg"
        k = i % 3
        if k == 0:
            img = f'<div class="hero-img" role="img" aria-label="{n} living room" style="background-image: url(\'{u}\'); height:420px; background-size:cover"></div>'
        elif k == 1:
            img = f'<div class="bg-image lazyload" data-bg="{u}" style="height:420px"></div>'
        else:
            img = f'<div class="item-media" style="background-image:url({u});padding-top:66%"></div>'
        who = ["Houzz", "West Elm", "IKEA", "Unsplash", "Urban Outfitters", "Serena & Lily"][i]
        body.append(f"""<section class="style-card"><h2 class="style-card__title">{i+1}. {n}</h2>
{img}
<span class="style-card__credit">Photo: {who}</span>
<div class="style-card__text"><p>{cap}</p></div></section>""")
        items.append(T(n, [u], [f"Photo: {who}"], f"Photo: {who}", cap))
    body_html = "\n".join(body)
    html = chrome("6 Interior Design Styles Explained", f"""<main><article>
<h1>6 Interior Design Styles Explained</h1>
<div class="article-body"><p>Not sure what to call your taste? Here is a guide to the most popular interior styles right now.</p>
{body_html}
</div></article></main>""", site="Rooms and Style")
    yield Page("p21_background_images", "https://roomsandstyle.com/interior-design-styles/", html, items,
             "photos as CSS backgrounds: role=img style, lazysizes data-bg, plain inline style background-image")

# ---------------------------------------------------------------- p22 picture/source only
def p22() -> Iterator[Page]:
    base = "https://images.petworld-mag.com/"
    names = ["Golden Retriever", "Labrador", "Poodle", "Beagle", "Border Collie"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 21, 1)
        slug = n.lower().replace(' ', '-')
        k = i % 3
        if k == 0:
            pic = f'<picture><source type="image/avif" srcset="{base}{slug}.avif"><source type="image/webp" srcset="{base}{slug}.webp"><img src="{base}{slug}.jpg" alt="{n}" width="800" height="600"></picture>'
            want, big = f"{base}{slug}.jpg", None
        elif k == 1:
            pic = f'<picture><source media="(max-width: 600px)" srcset="{base}{slug}-600.jpg 600w"><source media="(min-width: 601px)" srcset="{base}{slug}-1200.jpg 1200w, {base}{slug}-2400.jpg 2400w"><img src="{base}{slug}-1200.jpg" alt="{n}"></picture>'
            want, big = f"{base}{slug}-1200.jpg", f"{base}{slug}-2400.jpg"
        else:   # lazysizes: no src at all, data-srcset on sources and img
            pic = f'<picture><source type="image/webp" data-srcset="{base}{slug}-800.webp 800w, {base}{slug}-1600.webp 1600w"><img class="lazyload" data-src="{base}{slug}-800.jpg" data-srcset="{base}{slug}-800.jpg 800w, {base}{slug}-1600.jpg 1600w" alt="{n}"></picture>'
            want, big = f"{base}{slug}-800.jpg", f"{base}{slug}-1600.jpg|{base}{slug}-1600.webp"
        body.append(f'<h2>{i+1}. {n}</h2>\n<figure>{pic}<figcaption>© PetWorld / {n} Club</figcaption></figure>\n<p>{cap}</p>')
        items.append(T(n, [want], [f"© PetWorld / {n} Club"], f"© PetWorld / {n} Club", cap, largest=[big]))
    html = chrome("The 5 Most Popular Family Dog Breeds", f"""<main><article>
<h1>The 5 Most Popular Family Dog Breeds</h1>
<div class="article-body"><p>Thinking about a dog? These breeds are famous for being great with kids.</p>
{''.join(body)}
</div></article></main>""", site="PetWorld")
    yield Page("p22_picture_sources", "https://www.petworld-mag.com/family-dog-breeds", html, items,
             "<picture> with avif/webp sources, media-query sources, lazysizes data-srcset without src")

# ---------------------------------------------------------------- p23 noscript-only real URL
def p23() -> Iterator[Page]:
    base = "https://miro.medium-like.com/v2/resize:fit:1400/"
    names = ["Read every day", "Write by hand", "Walk without headphones", "Keep a decision journal", "Teach what you learn", "Sleep on big choices"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 7)
        u = f"{base}1*Ab{i}Cd{i}Ef{i}Gh.jpeg"
        k = i % 2
        if k == 0:  # blurred low-res placeholder in src, real one only in noscript
            img = f'<figure class="paragraph-image"><div class="aspect-ratio-fill"></div><img class="progressiveMedia-thumbnail" src="https://miro.medium-like.com/v2/resize:fit:30/1*Ab{i}Cd{i}Ef{i}Gh.jpeg" alt="" width="30"><noscript><img class="progressiveMedia-noscript" src="{u}" alt="" width="1400" height="933"></noscript><figcaption class="imageCaption">Photo by <a href="https://unsplash.com/@p{i}">Priya {i}</a> on <a href="https://unsplash.com">Unsplash</a></figcaption></figure>'
        else:        # empty img + noscript copy
            img = f'<figure class="paragraph-image"><img class="lazy" alt="" width="1400" height="933"><noscript><img src="{u}" alt="" width="1400" height="933"></noscript><figcaption class="imageCaption">Photo by <a href="https://unsplash.com/@p{i}">Priya {i}</a> on <a href="https://unsplash.com">Unsplash</a></figcaption></figure>'
        body.append(f'<h3 class="graf graf--h3">{i+1}. {n}</h3>\n{img}\n<p class="graf graf--p">{cap}</p>')
        items.append(T(n, [u], [f"Photo by Priya {i} on Unsplash"], f"Photo by Priya {i} on Unsplash", cap))
    html = chrome("6 Habits That Made Me Think More Clearly", f"""<main><article>
<h1 class="graf graf--title">6 Habits That Made Me Think More Clearly</h1>
<section class="section-content"><div class="section-inner">
<p class="graf graf--p">I spent a year experimenting with small habits. These are the ones that stuck.</p>
{''.join(body)}
<p class="graf graf--p">Thanks for reading. If you enjoyed this, give it a clap and follow me for more.</p>
</div></section></article></main>""", site="Medium Like")
    items[-1]["excl"].append("Thanks for reading")
    yield Page("p23_noscript_only", "https://medium-like.com/@writer/habits-think-clearly-1a2b3c", html, items,
             "real URL only in <noscript>: tiny blurred thumbnail src, or img with no src; 'Photo by X on Unsplash' figcaption")

# ---------------------------------------------------------------- p24 pixels, spacers, pin-it, icons
def p24() -> Iterator[Page]:
    base = "https://www.gardenjoy.co/wp-content/uploads/2023/03/"
    names = ["Lavender", "Rosemary", "Hostas", "Daylilies", "Sedum", "Russian Sage", "Coneflower"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 3, 1)
        u = f"{base}{n.lower().replace(' ','-')}-plant.jpg"
        junk = [
            '<img src="https://www.gardenjoy.co/wp-content/plugins/lazy/img/spacer.gif" width="1" height="1" alt="">',
            f'<img src="https://pixel.quantserve.com/pixel/p-abc{i}.gif" style="display:none" height="1" width="1" alt="Quantcast">',
            '<img src="https://www.facebook.com/tr?id=123&amp;ev=PageView&amp;noscript=1" height="1" width="1" style="display:none">',
            '',
        ][i % 4]
        body.append(f"""<h2 class="wp-block-heading">{i+1}. {n}</h2>
<div class="pin-wrapper" style="position:relative"><img src="{u}" alt="{n}" width="700" height="1050" class="wp-image-5{i}"><a class="pin-it-button" href="https://pinterest.com/pin/create/button/?media={u}"><img src="https://www.gardenjoy.co/wp-content/plugins/social-pug/assets/img/pinterest-save.png" width="56" height="20" alt="Save"></a></div>
{junk}
<p>{cap}</p>
<div class="plant-facts"><img src="https://www.gardenjoy.co/wp-content/themes/gj/icons/sun.svg" width="16" height="16" alt=""> Full sun · <img src="https://www.gardenjoy.co/wp-content/themes/gj/icons/drop.svg" width="16" height="16" alt=""> Low water</div>""")
        items.append(T(n, [u], [None], None, cap))
    html = chrome("7 Low-Maintenance Plants That Thrive on Neglect", f"""<main><article class="post">
<h1 class="entry-title">7 Low-Maintenance Plants That Thrive on Neglect</h1>
<div class="entry-content">
<p>Busy? These hardy perennials look great with almost no effort from you.</p>
{''.join(body)}
</div>
<div class="author-box"><img src="https://secure.gravatar.com/avatar/abc?s=96" width="96" height="96" alt="Anna"><p>Anna is a master gardener who writes about easy plants.</p></div>
</article></main>""", site="Garden Joy")
    yield Page("p24_pixels_pinit", "https://www.gardenjoy.co/low-maintenance-plants/", html, items,
             "Pinterest Save overlay image, 1x1 spacer/quantcast/facebook pixels, svg icons in fact line, author box avatar")

GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (p13, p14, p15, p16, p17, p18, p19, p20, p21, p22, p23, p24)
