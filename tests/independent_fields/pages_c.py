# ruff: noqa: E501
# fmt: off
"""Pages p25–p36 (the tester's ``pages_c.py``): several photos each with its own credit, bare agency
names, 'via' credits, a slideshow with inline agency credits, a lead image before item 1, photos
before headings, <ol> items, image and tweet in one item, credits before the photo, overlay credits,
share bars, credits at the end of the text.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``register(pid, url, html, items, note)`` become
``yield Page(pid, url, html, items, note)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent_fields.common import DE, EN, ES, chrome, esc, txt
from tests.independent_fields.truth import Item, Page, T


# ---------------------------------------------------------------- p25 several photos, each with own credit
def p25() -> Iterator[Page]:
    base = "https://www.archdigest-like.com/photos/"
    names = ["Fallingwater", "Villa Savoye", "Sydney Opera House", "Guggenheim Bilbao", "The Barbican"]
    body: list[str] = []
    items: list[Item] = []
    people = ["Ezra Stoller", "Paul Kozlowski", "Hans Madsen", "Jeff Goldberg", "Iwan Baan", "Lucy Orta", "Ken Nakamura", "Tim Brotherton", "Hélène Binet"]
    for i, n in enumerate(names):
        cap = txt(EN, i + 1)
        nimg = [3, 2, 1, 2, 3][i]
        imgs, crs, blk = [], [], ""
        for k in range(nimg):
            u = f"{base}{n.lower().replace(' ','-')}-{k+1}.jpg"
            who = people[(i * 2 + k) % len(people)]
            cr = f"Photo: {who}/Esto" if k % 2 == 0 else f"Photo: {who}"
            imgs.append(u)
            crs.append(cr)
            if i % 2 == 0:
                blk += f'<figure class="gallery-photo"><img src="{u}" alt="" width="1200" height="800"><figcaption><span class="credit">{cr}</span></figcaption></figure>\n'
            else:
                blk += f'<div class="photo"><img src="{u}" alt="" width="1200" height="800"><small class="photo-credit">{cr}</small></div>\n'
        body.append(f'<h2>{i+1}. {n}</h2>\n<p>{cap}</p>\n{blk}')
        items.append(T(n, imgs, crs, crs[0] if nimg == 1 else "*", cap))
    html = chrome("5 Buildings That Changed Architecture Forever", f"""<main><article>
<h1>5 Buildings That Changed Architecture Forever</h1>
<div class="article-body"><p>Some buildings are so bold that they rewrite the rules. These five did exactly that.</p>
{''.join(body)}
</div></article></main>""", site="Arch Digest Like")
    yield Page("p25_multi_photo_credits", "https://www.archdigest-like.com/story/buildings-changed-architecture", html, items,
             "text first, then 1-3 photos each with own credit (figcaption span / small after img)")

# ---------------------------------------------------------------- p26 agency name alone as credit
def p26() -> Iterator[Page]:
    base = "https://img.huffpost-like.com/asset/"
    names = ["Succession", "The Bear", "Severance", "Abbott Elementary", "The Last of Us", "Beef"]
    creds = ["HBO", "FX", "Apple TV+", "ABC via Getty Images", "Getty Images", "Netflix"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 4)
        u = f"{base}64{i}f0a1b2.jpeg?ops=1778_1000"
        body.append(f"""<div class="listicle__slide"><div class="listicle__slide-header"><span class="listicle__slide-number">{i+1}</span><h2 class="listicle__slide-title">{n}</h2></div>
<div class="listicle__slide-media"><figure class="image"><div class="image__container"><img class="image__src" src="{u}" alt="A still from {n}" loading="lazy"></div><div class="image__credit"><span class="image__credit-text">{creds[i]}</span></div></figure></div>
<div class="listicle__slide-content"><p>{cap}</p></div></div>
""")
        if i in (1, 3):
            body.append('<div class="advertisement-holder"><div class="ad-label">ADVERTISEMENT</div><div id="ad-inline-{i}"></div></div>')
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=["ADVERTISEMENT"]))
    html = chrome("The 6 Best TV Shows of the Decade So Far", f"""<main><article class="entry">
<h1 class="headline">The 6 Best TV Shows of the Decade So Far</h1>
<div class="entry__content-list">
<div class="cli-text"><p>Streaming gave us more television than ever. Here are the series that rose above the noise.</p></div>
<div class="listicle">{''.join(body)}</div>
<div class="cli-related-articles"><h3>RELATED...</h3><ul><li><a href="/entry/best-movies/">The best movies of 2023</a></li></ul></div>
</div></article></main>""", site="HuffPost Like")
    yield Page("p26_agency_credit_alone", "https://www.huffpost-like.com/entry/best-tv-shows-decade", html, items,
             "HuffPost-like slides, bare agency/studio names as credit in image__credit span (HBO, FX, Getty Images), ADVERTISEMENT between")

# ---------------------------------------------------------------- p27 'via' credits
def p27() -> Iterator[Page]:
    base = "https://i.memebase-like.com/full/"
    names = ["The toaster that knows too much", "A sign with one job", "When the GPS gives up", "This cursed sandwich",
             "The most honest menu", "Parking like a pro", "The cat that owns the house"]
    creds = ["via Reddit", "via u/signfail_hunter", "via Imgur", "Source: Twitter/@foodcrimes", "via Tumblr", "h/t r/mildlyinfuriating", "via @catsofinstagram"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 10, 1)
        u = f"{base}00{i}7{i}1.jpg"
        k = i % 3
        if k == 0:
            blk = f'<p><img src="{u}" alt="" width="640" height="480"></p>\n<p class="source"><a href="https://reddit.com/r/x/{i}">{creds[i]}</a></p>\n<p>{cap}</p>'
        elif k == 1:
            blk = f'<p><img src="{u}" alt="" width="640" height="480"><br><em>{creds[i]}</em></p>\n<p>{cap}</p>'
        else:
            blk = f'<p>{cap}</p>\n<p><img src="{u}" alt="" width="640" height="480"></p>\n<p style="text-align:right"><small>{creds[i]}</small></p>'
        body.append(f'<h3>{i+1}. {n}</h3>\n{blk}')
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("7 Photos That Prove the World Is a Weird Place", f"""<main><article class="post">
<h1 class="entry-title">7 Photos That Prove the World Is a Weird Place</h1><div class="entry-content">
<p>We scoured the internet for the strangest sights. Enjoy.</p>
{''.join(body)}
</div></article></main>""", site="Meme Base Like")
    yield Page("p27_via_credits", "https://memebase-like.com/weird-world-photos/", html, items,
             "'via X', 'Source:', 'h/t' credits: linked p after img, <br><em> in same p as img, small after img with text BEFORE photo")

# ---------------------------------------------------------------- p28 slideshow w/ inline Getty credit in caption
def p28() -> Iterator[Page]:
    base = "https://media.newsdaily-like.com/photo/2023/12/"
    names = ["Wildfires in Greece", "Flooding in Libya", "Earthquake in Morocco", "Coronation of King Charles",
             "Barbie premiere", "Women's World Cup final", "Lunar landing in India", "Taylor Swift Eras Tour"]
    agencies = ["Angelos Tzortzinis/AFP via Getty Images", "Reuters/Esam Omran Al-Fetori", "AP Photo/Mosa'ab Elshamy",
                "Photo by Chris Jackson/Getty Images", "Photo by Kevin Winter/Getty Images", "Photo by Cameron Spencer/Getty Images",
                "ISRO via AP", "Photo by Fernando Leon/TAS23/Getty Images"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 14, 1)
        u = f"{base}year-in-photos-{i+1:02d}.jpg"
        credit_txt = f"({agencies[i]})"
        body.append(f"""<div class="slide" data-slide="{i+1}">
<div class="slide__image"><img src="{u}" alt="{esc(n)}" width="1600" height="1067"></div>
<div class="slide__counter">{i+1} of {len(names)}</div>
<h3 class="slide__title">{n}</h3>
<p class="slide__caption">{cap} {credit_txt}</p>
</div>""")
        items.append(T(n, [u], [credit_txt], credit_txt, cap))
    html = chrome("The 8 photos that defined 2023", f"""<main><article class="gallery-article">
<h1>The 8 photos that defined 2023</h1>
<p class="dek">From disasters to celebrations, these images tell the story of the year.</p>
<div class="slideshow">
{''.join(body)}
</div></article></main>""", site="News Daily Like")
    yield Page("p28_inline_agency_credit", "https://www.newsdaily-like.com/photos/year-in-photos-2023", html, items,
             "news slideshow: photo, '1 of 8', title, caption ending with '(Photo by X/Getty Images)' / '(AP Photo/X)' inline")

# ---------------------------------------------------------------- p29 lead image right before item 1
def p29() -> Iterator[Page]:
    base = "https://www.outdoorgearlab-like.com/photos/"
    names = ["Patagonia Nano Puff", "Arc'teryx Atom", "Rab Microlight", "Mountain Hardwear Ghost Whisperer", "REI Co-op 650"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 19)
        u = f"{base}{n.lower().replace(' ','-').replace(chr(39),'')}-review.jpg"
        body.append(f"""<h2>{i+1}. {n}</h2>
<figure class="photo"><img src="{u}" alt="{esc(n)}" width="900" height="600"><figcaption>Testing the {esc(n)} on a cold morning. Credit: Jack Cramer</figcaption></figure>
<p>{cap}</p>""")
        items.append(T(n, [u], ["Credit: Jack Cramer"], "Credit: Jack Cramer", cap))
    html = chrome("The 5 Best Insulated Jackets", f"""<main><article class="review">
<h1>The 5 Best Insulated Jackets</h1>
<div class="byline">By Jack Cramer · Updated Nov 2023</div>
<p class="intro">We put 20 jackets through six months of testing in the Sierra Nevada to find the warmest, lightest and best value options.</p>
<figure class="lead"><img src="{base}insulated-jackets-lineup.jpg" alt="The jackets we tested" width="1400" height="700"><figcaption>Our full test lineup. Credit: Jack Cramer</figcaption></figure>
{''.join(body)}
</article></main>""", site="Gear Lab Like")
    yield Page("p29_lead_before_item1", "https://www.outdoorgearlab-like.com/topics/insulated-jackets", html, items,
             "lead figure placed directly before item 1's heading (no text between); items have photo after heading")

# ---------------------------------------------------------------- p30 photo-before-heading + ads + outro
def p30() -> Iterator[Page]:
    base = "https://www.thetravelbucket-like.com/wp-content/uploads/2023/09/"
    names = ["Kyoto, Japan", "Lisbon, Portugal", "Cape Town, South Africa", "Oaxaca, Mexico", "Tbilisi, Georgia", "Hoi An, Vietnam"]
    creds = ["Sean Pavone/Shutterstock", "Getty Images", "Jenny Rowe", "Courtesy of Oaxaca Tourism", "iStock", "Khanh Bui/Unsplash"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 5)
        u = f"{base}{n.split(',')[0].lower().replace(' ','-')}-travel.jpg"
        body.append(f"""<div class="wp-block-image"><figure class="aligncenter size-large"><img src="{u}" alt="" width="1024" height="683"><figcaption>{creds[i]}</figcaption></figure></div>
<h2>{i+1}. {n}</h2>
<p>{cap}</p>""")
        if i % 2 == 1:
            body.append(f'<div class="code-block code-block-{i}" style="margin: 8px auto; text-align: center;"><div id="ezoic-pub-ad-placeholder-1{i}"></div><script>ezstandalone.cmd.push(function(){{}});</script></div>')
        c = "*" if creds[i] == "Jenny Rowe" else creds[i]
        items.append(T(n, [u], [c], c, cap))
    outro = "Have you been to any of these cities? Tell us your favourite in the comments, and don't forget to pin this post for later."
    html = chrome("6 Underrated Cities to Visit in 2024", f"""<main><article class="post">
<h1 class="entry-title">6 Underrated Cities to Visit in 2024</h1><div class="entry-content">
<p>Skip the crowds. These cities deliver culture, food and beauty without the queues.</p>
{''.join(body)}
<p>{outro}</p>
<p><img src="{base}pin-underrated-cities.jpg" alt="Pin for later: 6 underrated cities" width="600" height="900" class="pinterest-image"></p>
</div></article></main>""", site="The Travel Bucket")
    items[-1]["excl"].append("Have you been to any")
    yield Page("p30_photo_before_heading_ads_outro", "https://www.thetravelbucket-like.com/underrated-cities/", html, items,
             "photo (with credit figcaption) BEFORE each heading, ezoic ad blocks, outro + tall Pinterest image at the end")

# ---------------------------------------------------------------- p31 items in <ol><li>
def p31() -> Iterator[Page]:
    base = "https://www.smartliving-like.com/images/"
    names = ["Declutter one drawer a day", "Use the two-minute rule", "Make your bed every morning", "Batch your errands", "Set up a launch pad by the door"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 22)
        u = f"{base}tip-{i+1}.jpg"
        who = ["Canva", "Pexels", "Shutterstock", "Canva", "Pexels"][i]
        body.append(f'<li><h3>{n}</h3><img src="{u}" alt="" width="800" height="500"><p class="img-credit">Image: {who}</p><p>{cap}</p></li>')
        items.append(T(n, [u], [f"Image: {who}"], f"Image: {who}", cap))
    html = chrome("5 Simple Habits for a Tidier Home", f"""<main><article>
<h1>5 Simple Habits for a Tidier Home</h1>
<div class="content"><p>A tidy home is not about one big clean. It is about small daily habits.</p>
<ol class="tips">{''.join(body)}</ol>
<p>Start with just one of these this week, and add another when it feels automatic.</p>
</div></article></main>""", site="Smart Living Like")
    items[-1]["excl"].append("Start with just one")
    yield Page("p31_ol_items", "https://www.smartliving-like.com/tidy-home-habits", html, items,
             "<ol><li> items with h3, img, 'Image:' credit p, text; outro after the list")

# ---------------------------------------------------------------- p32 image + tweet in the same item
def p32() -> Iterator[Page]:
    base = "https://www.sportsnet-like.com/images/2023/"
    names = ["Messi's free kick", "The bicycle kick", "The 40-yard lob", "The solo run", "The last-minute header"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 8, 1)
        u = f"{base}goal-{i+1}.jpg"
        sid = f"17{i}9988776655443322"
        tweet = f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">WHAT A GOAL 🤯 #{i}</p>&mdash; Football Daily (@footballdaily) <a href="https://twitter.com/footballdaily/status/{sid}">May {i+1}, 2023</a></blockquote>'
        if i % 2 == 0:
            body.append(f'<h2>{i+1}. {n}</h2>\n<figure><img src="{u}" alt="" width="1200" height="675"><figcaption>Photo: Getty Images</figcaption></figure>\n<p>{cap}</p>\n{tweet}')
            items.append(T(n, [u], ["Photo: Getty Images"], "Photo: Getty Images", cap, embeds=[sid]))
        else:
            body.append(f'<h2>{i+1}. {n}</h2>\n<p>{cap}</p>\n{tweet}\n<figure><img src="{u}" alt="" width="1200" height="675"><figcaption>Photo: PA Images</figcaption></figure>')
            items.append(T(n, [u], ["Photo: PA Images"], "Photo: PA Images", cap, embeds=[sid]))
    html = chrome("The 5 Best Goals of the Season", f"""<main><article>
<h1>The 5 Best Goals of the Season</h1><div class="article-body">
<p>It was a season of screamers. We ranked the very best.</p>
{''.join(body)}
</div></article></main>""", site="SportsNet Like")
    yield Page("p32_image_and_tweet", "https://www.sportsnet-like.com/football/best-goals-season", html, items,
             "each item has a credited photo AND a tweet embed, in either order")

# ---------------------------------------------------------------- p33 Spanish news gallery, credit before photo
def p33() -> Iterator[Page]:
    base = "https://fotos.eldiario-like.es/2023/08/"
    names = ["La Tomatina de Buñol", "Los Sanfermines", "Las Fallas de Valencia", "La Feria de Abril", "El Carnaval de Cádiz"]
    creds = ["Foto: EFE/Manuel Bruque", "Foto: Europa Press", "Foto: EFE/Biel Aliño", "Foto: Joaquín Corchero", "Foto: EFE/Román Ríos"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(ES, i + 3)
        u = f"{base}fiesta-{i+1}.jpg"
        body.append(f"""<article class="galeria-item">
<h2>{i+1}. {n}</h2>
<div class="credito-superior">{creds[i]}</div>
<img src="{u}" alt="{esc(n)}" width="980" height="650">
<p>{cap}</p>
</article>""")
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("Las 5 fiestas más multitudinarias de España", f"""<main><div class="noticia">
<h1>Las 5 fiestas más multitudinarias de España</h1>
<p class="entradilla">Millones de personas participan cada año en estas celebraciones.</p>
{''.join(body)}
<p class="firma-autor">Redacción / Agencias</p>
</div></main>""", site="El Diario Like", lang="es", nav=["Portada", "España", "Cultura"])
    items[-1]["excl"].append("Redacción")
    yield Page("p33_es_credit_before", "https://www.eldiario-like.es/cultura/fiestas-multitudinarias", html, items,
             "Spanish gallery: 'Foto: EFE/X' div between heading and photo (credit printed first)")

# ---------------------------------------------------------------- p34 German copyright overlay + Bild/Quelle
def p34() -> Iterator[Page]:
    base = "https://www.stadtmagazin-like.de/bilder/2023/"
    names = ["Café Einstein", "Konditorei Rabien", "Café Sacher", "Kaffeehaus Jacobs", "Café Luitpold", "Rösterei Vier"]
    creds = ["© dpa", "Bild: Konditorei Rabien", "Quelle: Café Sacher", "© Jens Kalaene/dpa", "Bild: Luitpold GmbH", "© imago/Rüdiger Wölk"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(DE, i + 4)
        u = f"{base}cafe-{i+1}.jpg"
        if creds[i].startswith("©"):  # overlay span inside figure BEFORE the img
            fig = f'<figure class="bild"><span class="copyright">{creds[i]}</span><img src="{u}" alt="{esc(n)}" width="900" height="600"></figure>'
        else:
            fig = f'<figure class="bild"><img src="{u}" alt="{esc(n)}" width="900" height="600"><figcaption class="bildunterschrift">{creds[i]}</figcaption></figure>'
        body.append(f'<h3>{i+1}. {n}</h3>\n{fig}\n<p>{cap}</p>')
        if i == 2:
            body.append('<div class="anzeige"><span>Anzeige</span><div class="ad-medrec"></div></div>')
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=["Anzeige"]))
    html = chrome("6 Cafés, in denen man den perfekten Kuchen bekommt", f"""<main><article class="artikel">
<h1>6 Cafés, in denen man den perfekten Kuchen bekommt</h1>
<div class="artikel-text"><p>Kaffee und Kuchen gehören zusammen. Wir haben uns durch die Stadt probiert.</p>
{''.join(body)}
</div></article></main>""", site="Stadtmagazin Like", lang="de", nav=["Essen", "Kultur", "Stadt"])
    yield Page("p34_de_overlay_credit", "https://www.stadtmagazin-like.de/essen/cafes-kuchen", html, items,
             "German: '© dpa' overlay span inside figure before img, 'Bild:' / 'Quelle:' figcaptions, Anzeige")

# ---------------------------------------------------------------- p35 share bars & counters inside items
def p35() -> Iterator[Page]:
    base = "https://www.craftycorner-like.com/wp-content/uploads/2023/11/"
    names = ["Mason jar lanterns", "Pinecone garland", "Felt ball wreath", "Salt dough ornaments", "Cinnamon stick stars", "Paper snowflakes"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 11)
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        body.append(f"""<h2>{i+1}. {n}</h2>
<div class="tasty-pins-banner-container"><img src="{u}" alt="{n}" width="735" height="1102"><div class="tasty-pins-banner">Save to Pinterest</div></div>
<p class="image-source">Image and project: <a href="https://example-blog{i}.com/">Craft Blog {i+1}</a></p>
<p>{cap}</p>
<div class="item-share"><span class="share-count">{(i+1)*213} shares</span> <a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>""")
        cr = f"Image and project: Craft Blog {i+1}"
        items.append(T(n, [u], [cr], cr, cap, excl=["Save to Pinterest", "shares", "Share on Facebook", "Tweet"]))
    html = chrome("6 Easy DIY Christmas Decorations", f"""<main><article class="post">
<h1 class="entry-title">6 Easy DIY Christmas Decorations</h1><div class="entry-content">
<p>Make your home festive on a budget with these simple projects.</p>
{''.join(body)}
</div></article></main>""", site="Crafty Corner")
    yield Page("p35_share_bars", "https://www.craftycorner-like.com/diy-christmas-decorations/", html, items,
             "per-item 'Save to Pinterest' banner, 'Image and project:' credit, share counters/buttons after text")

# ---------------------------------------------------------------- p36 caption credit at end of the text paragraph
def p36() -> Iterator[Page]:
    base = "https://www.naturenotes-like.org/img/"
    names = ["Monarch butterfly", "Snowy owl", "Axolotl", "Pangolin", "Red panda", "Narwhal"]
    tails = ["(Photo: Judy Gallagher/Flickr)", "— Photo by Jan Meeus", "(Image: Wikimedia Commons)", "Photo courtesy of Save Pangolins.",
             "(Credit: Smithsonian's National Zoo)", "(Image credit: Glenn Williams/NOAA)"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 15)
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        body.append(f'<h2>{i+1}. {n}</h2>\n<img src="{u}" alt="{n}" width="900" height="600">\n<p>{cap} {tails[i]}</p>')
        items.append(T(n, [u], [tails[i]], tails[i], cap))
    html = chrome("6 Remarkable Animals Worth Protecting", f"""<main><article>
<h1>6 Remarkable Animals Worth Protecting</h1><div class="article-body">
<p>Every species on this list faces real threats. Here is why they matter.</p>
{''.join(body)}
<p>Want to help? Consider donating to a local wildlife charity.</p>
</div></article></main>""", site="Nature Notes")
    items[-1]["excl"].append("Want to help")
    yield Page("p36_credit_end_of_text", "https://www.naturenotes-like.org/remarkable-animals", html, items,
             "credit appended to the end of the text paragraph: '(Photo: X)', '— Photo by X', 'Photo courtesy of X.'")

GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35, p36)
