# ruff: noqa: E501
# fmt: off
"""Pages p01–p12 (the tester's ``pages_a.py``): WordPress (Gutenberg, classic with WP Rocket lazy
loading), Bored Panda, Elementor, Drupal, Ghost, Squarespace, AMP, BuzzFeed, a Guardian-like
gallery, a German and a French news page.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``register(pid, url, html, items, note)`` become
``yield Page(pid, url, html, items, note)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent_fields.common import DE, EN, FR, chrome, esc, txt
from tests.independent_fields.truth import Item, Page, T


# ---------------------------------------------------------------- p01 WordPress Gutenberg
def p01() -> Iterator[Page]:
    base = "https://coastalwanderer.com/wp-content/uploads/2023/05/"
    names = ["Peggy's Cove", "Portland Head Light", "Hook Head", "Fanad Head", "Split Point",
             "Cabo da Roca", "Les Éclaireurs"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        slug = f"lighthouse-{i+1}"
        cap = txt(EN, i)
        if i == 3:   # two photos, two credits
            imgs = [base + slug + "-1024x683.jpg", base + slug + "-b-1024x683.jpg"]
            figs = ""
            cr = ["Photo: Marta Quinn / Unsplash", "Photo: Dev Patel / Unsplash"]
            for u, c in zip(imgs, cr, strict=True):
                big = u.replace("-1024x683", "")
                who = c.split(": ")[1].split(" /")[0]
                figs += (f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="683" src="{u}" alt="" class="wp-image-88{i}" '
                         f'srcset="{u} 1024w, {u.replace("1024x683","300x200")} 300w, {u.replace("1024x683","768x512")} 768w, {big} 2048w" sizes="(max-width: 1024px) 100vw, 1024px" />'
                         f'<figcaption class="wp-element-caption">Photo: <a href="https://unsplash.com/@x{i}">{who}</a> / Unsplash</figcaption></figure>\n')
            body.append(f'<h2 class="wp-block-heading" id="{slug}">{i+1}. {n}</h2>\n{figs}<p>{cap}</p>')
            items.append(T(n, imgs, cr, "*", cap, largest=[u.replace("-1024x683", "") for u in imgs]))
            continue
        u = base + slug + "-1024x683.jpg"
        big = base + slug + ".jpg"
        who = ["Alex Moreau", "Jin Park", "Sara Olsen", "", "Tom Hughes", "Rita Gomes", "Luc Bernard"][i]
        extra = ""
        ex = []
        if i == 5:
            extra = '<p><strong>Related:</strong> <a href="/2023/04/portugal-road-trip/">The ultimate Portugal road trip itinerary</a></p>'
            ex = ["Related", "road trip itinerary"]
        body.append(f'<h2 class="wp-block-heading" id="{slug}">{i+1}. {n}</h2>\n'
                    f'<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="683" src="{u}" alt="{esc(n)} at dusk" class="wp-image-77{i}" '
                    f'srcset="{u} 1024w, {u.replace("1024x683","300x200")} 300w, {u.replace("1024x683","768x512")} 768w, {big} 2048w" sizes="(max-width: 1024px) 100vw, 1024px" />'
                    f'<figcaption class="wp-element-caption">Photo: <a href="https://unsplash.com/@w{i}">{who}</a> / Unsplash</figcaption></figure>\n'
                    f'<p>{cap}</p>\n{extra}')
        items.append(T(n, [u], [f"Photo: {who} / Unsplash"], f"Photo: {who} / Unsplash", cap, excl=ex, largest=[big]))
    outro = "Whichever you choose, pack a windproof jacket and check the tide tables before you set off."
    html = chrome("7 Stunning Lighthouses You Need to See", f"""<main id="primary" class="site-main"><article id="post-4411" class="post-4411 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">7 Stunning Lighthouses You Need to See</h1><div class="entry-meta"><span class="byline">By <a href="/author/jane/">Jane Cole</a></span> <time datetime="2023-05-03">May 3, 2023</time></div></header>
<figure class="wp-block-post-featured-image"><img width="1536" height="1024" src="{base}lighthouses-hero-1536x1024.jpg" class="attachment-post-thumbnail wp-post-image" alt="" srcset="{base}lighthouses-hero-1536x1024.jpg 1536w, {base}lighthouses-hero-300x200.jpg 300w"></figure>
<div class="entry-content">
<p>There is something about a lighthouse that draws people in. We asked our readers for their favourites and compiled this list of towers worth a detour.</p>
<p>Each of these is open to visitors for at least part of the year.</p>
{''.join(body)}
<h2 class="wp-block-heading">Final thoughts</h2>
<p>{outro}</p>
</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/travel/">Travel</a></span></footer></article></main>""", site="Coastal Wanderer")
    items[-1]["excl"] += [outro[:40], "Final thoughts"]
    yield Page("p01_wp_gutenberg", "https://coastalwanderer.com/stunning-lighthouses/", html, items,
             "Gutenberg figure+figcaption credit, featured image, 2 photos item 4, Related, outro h2")

# ---------------------------------------------------------------- p02 WP classic + WP Rocket lazy
def p02() -> Iterator[Page]:
    base = "https://www.dailyplate.net/wp-content/uploads/2022/11/"
    names = ["Pho Bo", "Banh Mi", "Bun Cha", "Cao Lau", "Goi Cuon", "Banh Xeo", "Com Tam", "Ca Phe Trung"]
    cred = ["Courtesy of Hanoi Street Eats", "Courtesy of Lisa Tran", "Courtesy of Bun Cha Huong Lien",
            "Courtesy of Hoi An Tourism", "Courtesy of Mai Nguyen", "Courtesy of Saigon Food Tours",
            "Courtesy of Quan Com Tam Ba Ghien", "Courtesy of Giang Cafe"]
    svg = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20800%20533'%3E%3C/svg%3E"
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        u = f"{base}{n.lower().replace(' ','-')}.jpg"
        cap = txt(EN, i + 3)
        body.append(f"""<h3>#{i+1} – {n}</h3>
<div id="attachment_90{i}" style="width: 810px" class="wp-caption aligncenter"><img aria-describedby="caption-attachment-90{i}" class="size-full wp-image-90{i}" src="{svg}" alt="{esc(n)}" width="800" height="533" data-lazy-srcset="{u} 800w, {u[:-4]}-300x200.jpg 300w, {u[:-4]}-768x512.jpg 768w" data-lazy-sizes="(max-width: 800px) 100vw, 800px" data-lazy-src="{u}" /><noscript><img aria-describedby="caption-attachment-90{i}" class="size-full wp-image-90{i}" src="{u}" alt="{esc(n)}" width="800" height="533" srcset="{u} 800w, {u[:-4]}-300x200.jpg 300w" sizes="(max-width: 800px) 100vw, 800px" /></noscript><p id="caption-attachment-90{i}" class="wp-caption-text">{cred[i]}</p></div>
<p>{cap}</p>""")
        items.append(T(n, [u], [cred[i]], cred[i], cap))
        if i == 2:
            body.append("""<div class="newsletter-box" style="background:#f4f4f4;padding:20px"><h3>Hungry for more?</h3><p>Sign up for our weekly newsletter and get new recipes, restaurant picks and travel guides every Friday.</p><form action="/subscribe" method="post"><input type="email" name="email" placeholder="Your email"><button>Subscribe</button></form></div>""")
        if i == 4:
            body.append("""<div class="ad-slot ad-incontent"><span class="ad-label">Advertisement</span><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-123" data-ad-slot="456"></ins><img src="https://pixel.adsafeprotected.com/jload?anId=9291&amp;advId=1" width="1" height="1" alt=""></div>""")
    items[2]["excl"] += ["newsletter", "Hungry for more"]
    items[4]["excl"] += ["Advertisement"]
    outro = "Which one would you order first? Let us know in the comments below and tag us in your food photos!"
    items[-1]["excl"].append(outro[:40])
    html = chrome("8 Vietnamese Street Foods You Have to Try", f"""<div id="primary" class="content-area"><main id="main"><article class="post hentry">
<h1 class="entry-title">8 Vietnamese Street Foods You Have to Try</h1><div class="entry-meta">Posted on November 12, 2022 by Kim</div>
<div class="entry-content">
<p>Vietnam's street food scene is legendary. From steaming bowls of noodles to crispy pancakes, here are the dishes you should not leave without tasting.</p>
{''.join(body)}
<p>{outro}</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#" class="share-facebook">Facebook</a></li><li><a href="#" class="share-twitter">Twitter</a></li></ul></div>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “8 Vietnamese Street Foods”</h2><ol class="comment-list"><li class="comment"><p>Banh mi is the best thing ever!</p></li></ol></div>
</main></div>""", site="Daily Plate")
    yield Page("p02_wp_rocket_lazy", "https://www.dailyplate.net/vietnamese-street-foods/", html, items,
             "WP classic wp-caption, data-lazy-src svg placeholder + noscript, Courtesy of, newsletter/ad between, outro")

# ---------------------------------------------------------------- p03 Bored Panda like
def p03() -> Iterator[Page]:
    base = "https://static.boredpanda-like.com/blog/wp-content/uploads/2023/08/"
    users = ["catlover_88", "MeowMeowBeans", "u/whiskers_and_co", "tabbytales", "reddit_user_4411",
             "floofdaily", "ginger_george", "SirPounce", "u/loafmode", "kittenkaboodle"]
    names = ["This Cat Who Refuses To Leave The Box", "My Cat Discovered The Heated Blanket",
             "He Thinks He Is Hiding", "The Judgemental Stare", "Caught Red-Pawed",
             "When You Hear The Can Opener", "Ginger Cat Brain Strikes Again", "Sir Pounce Demands Tribute",
             "Perfect Loaf Achieved", "Tiny Kitten, Enormous Yawn"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        desc = txt(EN, i + 5, 1) if i % 3 != 2 else None
        imgs = [f"{base}funny-cats-{i+1}-64d1f{i}.jpg"]
        if i == 4:
            imgs.append(f"{base}funny-cats-{i+1}b-64d1f{i}.jpg")
        blocks = ""
        cr = []
        for k, u in enumerate(imgs):
            who = users[i] if k == 0 else "purrfect_pics"
            cr.append(f"Image source: {who}")
            blocks += f"""<div class="image-size-full"><img loading="lazy" class="image-size-full" src="https://static.boredpanda-like.com/blog/wp-content/themes/boredpanda/images/placeholder.png" data-src="{u}" alt="{esc(n)}" width="700" height="{600+i}"><div class="bordered-description"><span class="image-source-description">Image source: <a href="https://www.reddit.com/user/{who}" rel="nofollow" target="_blank">{who}</a></span></div></div>
"""
        dh = f'<div class="post-content-description-text">{desc}</div>' if desc else ""
        body.append(f"""<div class="open-list-item open-list-block clearfix" data-id="{i+1}">
<h2 class="post-content-description-title"><span class="order-number">#{i+1}</span> <span class="bordered-title">{n}</span></h2>
{dh}
{blocks}<div class="open-list-footer"><div class="points-container"><span class="points">{ (i+3)*117 }</span> <span class="points-label">points</span></div><a class="vote-up" href="#">Upvote</a><a class="report" href="#">Report</a><div class="share-buttons"><a class="pinterest" href="#">Pin</a><a class="facebook" href="#">Share</a></div></div>
</div>""")
        if i % 4 == 1:
            body.append(f'<div class="ad-container ad-in-list"><div id="div-gpt-ad-{i}" data-slot="/1234/bp_in_list"></div><span class="ad-label">Ad</span></div>')
        items.append(T(n, imgs, cr, "*" if len(imgs) > 1 else cr[0], desc, excl=["points", "Upvote", "Report", "Pin"]))
    html = chrome("50 Times Cats Were So Funny, We Laughed Out Loud (New Pics)", f"""<div class="main-content"><article class="post open-list">
<h1 class="post-title">50 Times Cats Were So Funny, We Laughed Out Loud (New Pics)</h1>
<div class="author-info">By <a href="/author/ieva/">Ieva</a> and <a href="/author/bp/">Bored Panda staff</a></div>
<div class="post-content">
<p>Cats are hilarious. Whether they are knocking things off tables or squeezing into tiny boxes, they never fail to entertain. We have gathered some of the funniest cat pictures shared online, so scroll down and upvote your favorites!</p>
<div class="open-list-items clearfix">
{''.join(body)}
</div></div></article></div>""", site="Bored Panda Like")
    yield Page("p03_boredpanda", "https://www.boredpanda-like.com/funny-cats-pics/", html, items,
             "heading, optional text, placeholder src + data-src, Image source credit per image, points/report junk, ads")

# ---------------------------------------------------------------- p04 Elementor
def p04() -> Iterator[Page]:
    base = "https://alpine-escapes.ch/wp-content/uploads/2023/02/"
    names = ["Zermatt", "Grindelwald", "Lauterbrunnen", "Appenzell", "Gruyères", "Lugano"]
    creds = ["Foto: Andrea Keller", "Foto: Schweiz Tourismus", "Foto: Marco Rossi",
             "Foto: Appenzellerland Tourismus", "Foto: Claire Dubois", "Foto: Ticino Turismo"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 8)
        imgs = [f"{base}{n.lower()}-scaled.jpg"]
        cr = [creds[i]]
        if i in (1, 4):
            imgs.append(f"{base}{n.lower()}-village-scaled.jpg")
            cr.append("Foto: Unsplash")
        widgets = ""
        for u, c in zip(imgs, cr, strict=True):
            widgets += f"""<div class="elementor-element elementor-element-{i}a{len(widgets)} elementor-widget elementor-widget-image" data-widget_type="image.default"><div class="elementor-widget-container">
<figure class="wp-caption"><img decoding="async" width="2560" height="1707" src="{u}" class="attachment-full size-full wp-image-31{i}" alt="" srcset="{u} 2560w, {u.replace('-scaled','-300x200')} 300w, {u.replace('-scaled','-1024x683')} 1024w" sizes="(max-width: 2560px) 100vw, 2560px" /><figcaption class="widget-image-caption wp-caption-text">{c}</figcaption></figure>
</div></div>
"""
        body.append(f"""<div class="elementor-element elementor-element-h{i} elementor-widget elementor-widget-heading" data-widget_type="heading.default"><div class="elementor-widget-container"><h2 class="elementor-heading-title elementor-size-default">{i+1}. {n}</h2></div></div>
{widgets}<div class="elementor-element elementor-element-t{i} elementor-widget elementor-widget-text-editor" data-widget_type="text-editor.default"><div class="elementor-widget-container"><p>{cap}</p></div></div>
""")
        if i == 2:
            body.append("""<div class="elementor-element elementor-widget elementor-widget-html"><div class="elementor-widget-container"><div class="ezoic-ad"><span>Advertisement</span><iframe src="https://ads.example-adnetwork.com/slot?id=77" width="300" height="250"></iframe></div></div></div>""")
        items.append(T(n, imgs, cr, "*" if len(imgs) > 1 else cr[0], cap, excl=["Advertisement"]))
    html = chrome("6 Swiss Villages That Look Like a Fairytale", f"""<div data-elementor-type="wp-post" data-elementor-id="5512" class="elementor elementor-5512">
<section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap elementor-element-populated">
<div class="elementor-element elementor-widget elementor-widget-theme-post-title"><div class="elementor-widget-container"><h1 class="elementor-heading-title">6 Swiss Villages That Look Like a Fairytale</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>Switzerland is full of storybook villages. These six are our favourites for a long weekend, whatever the season.</p></div></div>
{''.join(body)}
<div class="elementor-element elementor-widget elementor-widget-button"><div class="elementor-widget-container"><a class="elementor-button" href="/guides/switzerland/"><span class="elementor-button-text">Download our free Switzerland guide</span></a></div></div>
</div></div></div></section></div>""", site="Alpine Escapes")
    yield Page("p04_elementor", "https://alpine-escapes.ch/swiss-fairytale-villages/", html, items,
             "Elementor widgets, 'Foto:' figcaption credits, 2 photos in items 2/5, ad widget, button after")

# ---------------------------------------------------------------- p05 Drupal paragraphs
def p05() -> Iterator[Page]:
    base = "https://www.heritage-trust.org.uk/sites/default/files/styles/large/public/2023-06/"
    names = ["Bodiam Castle", "Stourhead", "Fountains Abbey", "Giant's Causeway", "Sissinghurst", "Mount Stewart", "Lindisfarne"]
    creds = ["© National Trust Images/John Millar", "© Andrew Butler", "© National Trust Images/Chris Lacey",
             "© Arnhel de Serra", "© National Trust Images/Jonathan Buckley", "© Mark Bolton", "© Joe Cornish"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 11)
        f = n.lower().replace(" ", "_").replace("'", "")
        u = f"{base}{f}.jpg?itok=Ab{i}xYz"
        body.append(f"""<div class="paragraph paragraph--type--list-item paragraph--view-mode--default">
  <div class="clearfix text-formatted field field--name-field-title field--type-string field--label-hidden field__item"><h3>{i+1}. {n}</h3></div>
  <div class="field field--name-field-media-image field--type-entity-reference field--label-hidden field__item">
    <article class="media media--type-image media--view-mode-default">
      <div class="field field--name-field-media-image field--type-image field--label-hidden field__item">
        <picture>
          <source srcset="{base.replace('large','large_webp')}{f}.webp?itok=Wb{i} 1x" type="image/webp"/>
          <source srcset="{u} 1x" type="image/jpeg"/>
          <img loading="lazy" src="{u}" width="960" height="640" alt="{esc(n)}" typeof="foaf:Image" />
        </picture>
      </div>
      <div class="field field--name-field-credit field--type-string field--label-hidden field__item">{creds[i]}</div>
    </article>
  </div>
  <div class="clearfix text-formatted field field--name-field-body field--type-text-long field--label-hidden field__item"><p>{cap}</p></div>
</div>
""")
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("7 of the most beautiful places we care for", f"""<main role="main"><div class="region region-content">
<article role="article" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">7 of the most beautiful places we care for</span></h1>
<div class="node__content">
<div class="field field--name-field-hero-image"><picture><img src="https://www.heritage-trust.org.uk/sites/default/files/styles/hero/public/2023-06/hero.jpg?itok=HHH" alt=""></picture><div class="field--name-field-credit">© National Trust Images/Hero Photographer</div></div>
<div class="clearfix text-formatted field field--name-body"><p>From medieval castles to wild coastlines, these are the places our members return to again and again.</p></div>
<div class="field field--name-field-paragraphs field--type-entity-reference-revisions field--label-hidden field__items">
{''.join(body)}
</div>
<div class="field field--name-field-tags"><div class="field__label">Tags</div><div class="field__items"><a href="/tags/castles">Castles</a> <a href="/tags/gardens">Gardens</a></div></div>
</div></article></div></main>""", site="Heritage Trust")
    yield Page("p05_drupal", "https://www.heritage-trust.org.uk/visit/most-beautiful-places", html, items,
             "Drupal paragraphs, picture/source, © credit field after picture, hero with credit")

# ---------------------------------------------------------------- p06 Ghost
def p06() -> Iterator[Page]:
    base = "https://ghost-notes.io/content/images/2023/09/"
    names = ["Obsidian", "Logseq", "Notion", "Bear", "Craft", "Anytype"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 14)
        u = f"{base}{n.lower()}-screenshot.png"
        sizes = f'srcset="{base.replace("images/","images/size/w600/")}{n.lower()}-screenshot.png 600w, {base.replace("images/","images/size/w1000/")}{n.lower()}-screenshot.png 1000w, {u} 1600w" sizes="(min-width: 720px) 720px"'
        if i == 2:  # gallery card with two images
            u2 = f"{base}{n.lower()}-mobile.png"
            fig = f"""<figure class="kg-card kg-gallery-card kg-width-wide kg-card-hascaption"><div class="kg-gallery-container"><div class="kg-gallery-row"><div class="kg-gallery-image"><img src="{u}" width="1600" height="1000" loading="lazy" alt=""></div><div class="kg-gallery-image"><img src="{u2}" width="800" height="1600" loading="lazy" alt=""></div></div></div><figcaption>Screenshots by the author</figcaption></figure>"""
            body.append(f'<h2 id="{n.lower()}">{i+1}. {n}</h2>\n<p>{cap}</p>\n{fig}')
            items.append(T(n, [u, u2], ["*", "*"], "*", cap))
            continue
        fig = f"""<figure class="kg-card kg-image-card kg-card-hascaption"><img src="{u}" class="kg-image" alt="{n} interface" loading="lazy" width="1600" height="1000" {sizes}><figcaption><span style="white-space: pre-wrap;">Photo by </span><a href="https://unsplash.com/@dev{i}"><span style="white-space: pre-wrap;">Dev {n}son</span></a><span style="white-space: pre-wrap;"> / </span><a href="https://unsplash.com"><span style="white-space: pre-wrap;">Unsplash</span></a></figcaption></figure>"""
        extra, ex = "", []
        if i == 3:
            extra = """<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://ghost-notes.io/bear-review/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Bear 2 review: the prettiest notes app gets better</div><div class="kg-bookmark-description">We spent a month with Bear 2.</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://ghost-notes.io/content/images/size/w256h256/2023/01/icon.png" alt=""><span class="kg-bookmark-author">Ghost Notes</span></div></div><div class="kg-bookmark-thumbnail"><img src="https://ghost-notes.io/content/images/2023/07/bear-review-cover.jpg" alt=""></div></a></figure>"""
            ex = ["prettiest notes app", "spent a month"]
        body.append(f'<h2 id="{n.lower()}">{i+1}. {n}</h2>\n{fig}\n<p>{cap}</p>\n{extra}')
        cr = f"Photo by Dev {n}son / Unsplash"
        items.append(T(n, [u], [cr], cr, cap, excl=ex, largest=[None]))
    html = chrome("The 6 best note-taking apps in 2023", f"""<main id="site-main" class="site-main"><article class="article post">
<header class="article-header gh-canvas"><h1 class="article-title">The 6 best note-taking apps in 2023</h1><p class="article-excerpt">We tried twenty apps so you don't have to.</p>
<figure class="article-image"><img srcset="/content/images/size/w300/2023/09/notes-cover.jpg 300w, /content/images/size/w2000/2023/09/notes-cover.jpg 2000w" src="/content/images/size/w2000/2023/09/notes-cover.jpg" alt="Notes apps"></figure></header>
<section class="gh-content gh-canvas">
<p>Picking a notes app is personal. Here is what we found after six months of testing on every platform.</p>
{''.join(body)}
<hr>
<p>Did we miss your favourite? Reply to this newsletter and tell us about it.</p>
</section></article></main>""", site="Ghost Notes")
    items[-1]["excl"].append("Did we miss your favourite")
    yield Page("p06_ghost", "https://ghost-notes.io/best-note-taking-apps/", html, items,
             "Ghost kg cards, figcaption 'Photo by X / Unsplash' in spans, gallery card (2 images, shared caption), bookmark card with thumbnail")

# ---------------------------------------------------------------- p07 Squarespace
def p07() -> Iterator[Page]:
    names = ["Bar Termini", "Prufrock", "Monmouth", "Kaffeine", "Workshop Coffee"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 17)
        u = f"https://images.squarespace-cdn.com/content/v1/5f1a2b3c4d/16{i}0000000-ABC{i}/{n.replace(' ','+')}.jpg"
        who = ["Emma Lowe", "Prufrock Coffee", "Jack Hill", "Kaffeine London", "Nadia Aziz"][i]
        body.append(f"""<div class="sqs-block html-block sqs-block-html" data-block-type="2"><div class="sqs-block-content"><div class="sqs-html-content"><h3>{i+1}. {n}</h3></div></div></div>
<div class="sqs-block image-block sqs-block-image" data-block-type="5"><div class="sqs-block-content"><div class="image-block-outer-wrapper layout-caption-below design-layout-inline"><figure class="sqs-block-image-figure intrinsic" style="max-width:1500px;">
<div class="image-block-wrapper" data-animation-role="image"><div class="sqs-image-shape-container-element has-aspect-ratio" style="position: relative;padding-bottom:66.6%;overflow: hidden;">
<noscript><img src="{u}" alt="{esc(n)}" /></noscript><img class="thumb-image" data-src="{u}" data-image="{u}" data-image-dimensions="1500x1000" data-image-focal-point="0.5,0.5" alt="{esc(n)}" data-load="false" data-image-id="60{i}" data-type="image" />
</div></div>
<figcaption class="image-caption-wrapper"><div class="image-caption"><p>Image via {who}</p></div></figcaption>
</figure></div></div></div>
<div class="sqs-block html-block sqs-block-html" data-block-type="2"><div class="sqs-block-content"><div class="sqs-html-content"><p>{cap}</p></div></div></div>
""")
        items.append(T(n, [u], [f"Image via {who}"], f"Image via {who}", cap))
    body.append("""<div class="sqs-block newsletter-block sqs-block-newsletter" data-block-type="51"><div class="newsletter-form-wrapper"><h2 class="newsletter-form-header-title">Subscribe</h2><p>Sign up with your email address to receive news and updates.</p><form><input type="email"><button>Sign Up</button></form><p>We respect your privacy.</p></div></div>""")
    html = chrome("5 Coffee Shops in London Worth Queueing For", f"""<main id="page" role="main"><article class="BlogItem hentry"><div class="BlogItem-title"><h1 class="entry-title">5 Coffee Shops in London Worth Queueing For</h1></div>
<div class="sqs-layout sqs-grid-12 columns-12" data-type="item">
<div class="row sqs-row"><div class="col sqs-col-12 span-12">
<div class="sqs-block html-block sqs-block-html"><div class="sqs-block-content"><p>London's coffee scene has exploded in the past decade. These are the five we keep going back to.</p></div></div>
{''.join(body)}
</div></div></div></article></main>""", site="Flat White Diaries")
    items[-1]["excl"] += ["Subscribe", "Sign up with your email", "respect your privacy"]
    yield Page("p07_squarespace", "https://www.flatwhitediaries.com/blog/london-coffee-shops", html, items,
             "Squarespace blocks, data-src/data-image without src + noscript, 'Image via' caption, newsletter block at end")

# ---------------------------------------------------------------- p08 AMP
def p08() -> Iterator[Page]:
    base = "https://cdn.speedmag.com/amp/2023/"
    names = ["Ferrari F40", "Porsche 959", "Lamborghini Countach", "BMW M1", "Lancia Stratos", "McLaren F1"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 20)
        u = f"{base}{n.lower().replace(' ','-')}-1200.jpg"
        if i == 2:
            body.append(f"""<h2>{i+1}. {n}</h2><p>{cap}</p><amp-youtube data-videoid="Qm3xT1pWkZs" layout="responsive" width="480" height="270"></amp-youtube>""")
            items.append(T(n, [], [], None, cap, embeds=["Qm3xT1pWkZs"]))
            continue
        if i == 4:
            body.append(f"""<h2>{i+1}. {n}</h2><amp-img src="{u}" srcset="{u.replace('-1200','-600')} 600w, {u} 1200w, {u.replace('-1200','-2400')} 2400w" width="1200" height="800" layout="responsive" alt="{n}"></amp-img><p>{cap}</p><amp-twitter width="375" height="472" layout="responsive" data-tweetid="1651234567890123456"></amp-twitter>""")
            items.append(T(n, [u], [None], None, cap, embeds=["1651234567890123456"], largest=[u.replace('-1200', '-2400')]))
            continue
        who = ["Ferrari Media", "Porsche AG", "", "BMW Group Classic", "", "McLaren Automotive"][i]
        body.append(f"""<h2>{i+1}. {n}</h2>
<figure class="amp-fig"><amp-img src="{u}" srcset="{u.replace('-1200','-600')} 600w, {u} 1200w, {u.replace('-1200','-2400')} 2400w" width="1200" height="800" layout="responsive" alt="{n}"><noscript><img src="{u}" width="1200" height="800" alt="{n}"></noscript></amp-img><figcaption>Photo: {who}</figcaption></figure>
<p>{cap}</p>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/amp_incontent_{i}"><div placeholder>Loading ad…</div></amp-ad>""")
        items.append(T(n, [u], [f"Photo: {who}"], f"Photo: {who}", cap, excl=["Loading ad"], largest=[u.replace('-1200', '-2400')]))
    html = f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>6 Greatest Supercars of the 1980s</title><link rel="canonical" href="https://www.speedmag.com/greatest-supercars-1980s/"><meta name="viewport" content="width=device-width"><script async src="https://cdn.ampproject.org/v0.js"></script><style amp-custom>body{{font-family:sans-serif}}</style></head>
<body><header class="amp-header"><a href="/"><amp-img src="https://cdn.speedmag.com/logo.png" width="120" height="30" alt="SpeedMag"></amp-img></a></header>
<article class="amp-article"><h1>6 Greatest Supercars of the 1980s</h1><div class="byline">By Rob Vance</div>
<amp-img class="lead" src="{base}supercars-lead.jpg" width="1600" height="900" layout="responsive" alt=""></amp-img>
<p>The 1980s were the decade of posters on bedroom walls. These are the machines that earned their place there.</p>
{''.join(body)}
</article><footer>© SpeedMag 2023</footer></body></html>"""
    yield Page("p08_amp", "https://www.speedmag.com/greatest-supercars-1980s/amp/", html, items,
             "AMP amp-img with srcset+noscript, amp-youtube, amp-twitter, amp-ad, lead amp-img")

# ---------------------------------------------------------------- p09 BuzzFeed like
def p09() -> Iterator[Page]:
    names = ["This dog who got stuck in a fence", "This pigeon with a very specific complaint",
             "This tweet about airport lounges", "This perfectly timed photo", "This candle that is way too honest",
             "This restaurant sign", "This $12 phone grip that holds up"]
    body: list[str] = []
    items: list[Item] = []
    def img(i: int) -> str:
        return f"https://img.buzzfeed-like.com/buzzfeed-static/static/2023-10/4/16/asset/{i}a2b3c4d5e6f/sub-buzz-{1000+i}-169{i}.jpg?downsize=700%3A%2A&output-quality=auto&output-format=auto"
    for i, n in enumerate(names):
        desc = txt(EN, i + 1, 1)
        if i == 2:
            body.append(f"""<div class="subbuzz subbuzz-tweet" id="mod-subbuzz-tweet-{i}"><h2 class="subbuzz__title"><span class="subbuzz__number">{i+1}. </span><span class="js-subbuzz__title-text">{n}:</span></h2>
<div class="subbuzz-tweet__container"><blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">airport lounges are just adult ball pits with worse snacks</p>&mdash; Dana (@danajokes) <a href="https://twitter.com/danajokes/status/1709876543210987654">October 4, 2023</a></blockquote></div>
<div class="subbuzz__attribution">Twitter: @danajokes</div></div>""")
            items.append(T(n, [], [], "Twitter: @danajokes", None, embeds=["1709876543210987654"]))
            continue
        if i == 6:
            u = img(i)
            body.append(f"""<div class="subbuzz subbuzz-image subbuzz--product" id="mod-subbuzz-image-{i}"><h2 class="subbuzz__title"><span class="subbuzz__number">{i+1}. </span><span class="js-subbuzz__title-text"><a href="https://www.amazon.com/dp/B07XYZ?tag=buzzfeed-20" rel="nofollow">{n}</a></span></h2>
<div class="subbuzz__media"><picture><source srcset="{u}&output-format=webp" type="image/webp"><img src="{u}" alt="A phone grip" width="625" height="625" class="subbuzz__media-image"></picture></div>
<div class="subbuzz__attribution">Amazon</div>
<div class="subbuzz__description"><p>{desc}</p><p><b>Promising review:</b> "I have dropped my phone exactly zero times since getting this." —Kelly</p><p><a href="https://www.amazon.com/dp/B07XYZ?tag=buzzfeed-20" class="js-skimlink-subtag-tracked"><b>Get it from Amazon for $11.99.</b></a></p></div>
<div class="subbuzz__product-price"><span class="price">$11.99</span> <a class="button" href="https://www.amazon.com/dp/B07XYZ?tag=buzzfeed-20">Buy on Amazon</a></div></div>""")
            items.append(T(n, [u], ["Amazon"], "Amazon", desc, excl=["Buy on Amazon"]))
            continue
        u = img(i)
        attr = ["Reddit / u/fencedog", "Getty Images", "", "Imgur", "Instagram: @honestcandles", "u/signwatcher / Via reddit.com"][i]
        body.append(f"""<div class="subbuzz subbuzz-image" id="mod-subbuzz-image-{i}"><h2 class="subbuzz__title"><span class="subbuzz__number">{i+1}. </span><span class="js-subbuzz__title-text">{n}:</span></h2>
<div class="subbuzz__media"><picture><source srcset="{u}&output-format=webp" type="image/webp"><img src="{u}" alt="" width="625" height="800" class="subbuzz__media-image"></picture></div>
<div class="subbuzz__attribution">{attr}</div>
<div class="subbuzz__description"><p>{desc}</p></div></div>""")
        items.append(T(n, [u], [attr], attr, desc))
    html = chrome("7 Posts That Made Me Laugh Way Too Hard This Week", f"""<main class="buzz"><article class="buzz--long">
<h1 class="buzz-title">7 Posts That Made Me Laugh Way Too Hard This Week</h1><p class="buzz-dek">Number 4 is perfection.</p>
<div class="subbuzz-container js-buzz-content">
<div class="subbuzz subbuzz-text"><p>Hi, hello. Here are the funniest things I saw on the internet this week.</p></div>
{''.join(body)}
<div class="subbuzz subbuzz-text"><p><i>Note: Prices are accurate at the time of publication. BuzzFeed may collect a share of sales.</i></p></div>
</div></article></main>""", site="BuzzFeed Like")
    items[-1]["excl"] += ["Prices are accurate", "share of sales"]
    yield Page("p09_buzzfeed", "https://www.buzzfeed-like.com/writer/funny-posts-this-week", html, items,
             "subbuzz with attribution divs (Getty Images alone, Reddit, Instagram:), tweet subbuzz, product subbuzz with Buy on Amazon")

# ---------------------------------------------------------------- p10 Guardian-like gallery
def p10() -> Iterator[Page]:
    base = "https://i.guim-like.co.uk/img/media/"
    names = ["A red fox in the snow, Yellowstone", "Flamingos at Lake Natron, Tanzania", "A kingfisher dives, Norfolk",
             "Elephants cross a river, Botswana", "A macaque warms up in a hot spring, Japan", "Puffins on Skomer island, Wales",
             "A humpback whale breaches off Tonga", "A hedgehog in a garden, Kent"]
    creds = ["Photograph: Jim Zuckerman/Getty Images", "Photograph: Anup Shah/Nature Picture Library",
             "Photograph: Ben Andrew/RSPB Images", "Photograph: Zute Lightfoot/Alamy",
             "Photograph: Hiroya Minakuchi/Minden", "Photograph: Mark Wallace/AFP/Getty Images",
             "Photograph: Reinhard Dirscherl/Ullstein Bild", "Photograph: Gareth Fuller/PA"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(EN, i + 2, 1)
        h = f"{i}f3a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b"
        u = f"{base}{h}/0_0_4000_2667/master/4000.jpg?width=700&quality=85&auto=format&fit=max&s=abc{i}"
        body.append(f"""<li class="gallery__item"><figure class="gallery__figure" itemprop="associatedMedia image" itemscope itemtype="http://schema.org/ImageObject">
<div class="gallery__img-container"><picture><source media="(min-width: 1300px)" srcset="{u.replace('width=700','width=1900')} 1900w, {u.replace('width=700','width=1300')} 1300w" sizes="1300px"><source media="(min-width: 660px)" srcset="{u} 700w" sizes="700px"><img class="gallery__img" itemprop="contentUrl" alt="{esc(n)}" src="{u}"></picture></div>
<figcaption class="gallery__figcaption"><h2 class="gallery__caption-title">{n}</h2><div class="gallery__caption"><p>{cap}</p></div><p class="gallery__credit">{creds[i]}</p></figcaption>
</figure></li>
""")
        items.append(T(n, [u], [creds[i]], creds[i], cap))
    html = chrome("The week in wildlife: 8 of the best photos", f"""<main><article class="content content--gallery">
<header class="content__head"><h1 class="content__headline">The week in wildlife: 8 of the best photos</h1><div class="content__standfirst"><p>A fox in the snow, dancing flamingos and a diving kingfisher are among this week's pictures</p></div></header>
<ul class="gallery">
{''.join(body)}
</ul>
<div class="submeta"><a href="/environment/series/weekinwildlife">The week in wildlife</a></div></article></main>""", site="The Guardian Like", sidebar=False)
    yield Page("p10_gallery_figcaption_heading", "https://www.theguardian-like.com/environment/gallery/2023/nov/24/week-in-wildlife", html, items,
             "gallery: photo first, heading inside figcaption, 'Photograph: X/Getty Images' credit, picture sources")

# ---------------------------------------------------------------- p11 German news
def p11() -> Iterator[Page]:
    base = "https://cdn.reisewelt-magazin.de/images/2023/"
    names = ["Schloss Neuschwanstein", "Burg Eltz", "Burg Hohenzollern", "Schloss Heidelberg", "Wartburg", "Burg Cochem", "Schloss Schwerin"]
    creds = ["Foto: Karl Weber / dpa", "Foto: imago images / Westend61", "Foto: Burg Hohenzollern",
             "Foto: Uwe Anspach / dpa", "Foto: Martin Schutt / dpa", "Foto: Thomas Frey / dpa", "Foto: Jens Büttner / dpa"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(DE, i)
        slug = n.lower().replace(" ", "-").replace("ü", "ue")
        u = f"{base}{slug}-w960.jpg"
        ex = []
        rel = ""
        if i in (1, 4):
            rel = f'<p class="mehr-zum-thema"><strong>Mehr zum Thema:</strong> <a href="/reise/burgen-wandern-{i}/">Die schönsten Burgenwanderungen in Rheinland-Pfalz</a></p>'
            ex = ["Mehr zum Thema", "Burgenwanderungen"]
        body.append(f"""<section class="listicle-item"><h2 class="item-title">{i+1}. {n}</h2>
<figure class="media-image"><picture><source type="image/webp" srcset="{u[:-4]}.webp 960w, {u.replace('w960','w1920')[:-4]}.webp 1920w"><img src="{u}" srcset="{u} 960w, {u.replace('w960','w1920')} 1920w" alt="{esc(n)}" loading="lazy" width="960" height="540"></picture>
<figcaption><span class="caption-text">Blick auf {esc(n)} im Abendlicht.</span> <span class="credit">{creds[i]}</span></figcaption></figure>
<p>{cap}</p>{rel}</section>
""")
        if i == 2:
            body.append("""<div class="newsletter-teaser"><p class="nl-title">Newsletter</p><p>Die besten Reisetipps jeden Donnerstag in Ihrem Postfach. Jetzt kostenlos abonnieren!</p><form><input type="email" placeholder="E-Mail-Adresse"><button>Abonnieren</button></form></div>""")
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=[*ex, "Abonnieren", "Newsletter"], largest=[u.replace('w960', 'w1920')]))
    html = chrome("Die 7 schönsten Burgen und Schlösser in Deutschland", f"""<main><article class="article">
<header><p class="kicker">Reise</p><h1 class="headline">Die 7 schönsten Burgen und Schlösser in Deutschland</h1><p class="teaser">Märchenhafte Türme, dicke Mauern und viel Geschichte: Diese Burgen lohnen einen Ausflug.</p></header>
<div class="article-body">
<p>Deutschland ist reich an Burgen. Wir haben die eindrucksvollsten Anlagen zusammengestellt, die Sie unbedingt einmal besuchen sollten.</p>
{''.join(body)}
<p class="autor">Mit Material von dpa</p>
</div></article></main>""", site="Reisewelt Magazin", lang="de", nav=["Reise", "Politik", "Sport", "Kultur"])
    items[-1]["excl"].append("Mit Material von dpa")
    yield Page("p11_de_news", "https://www.reisewelt-magazin.de/reise/schoenste-burgen-deutschland-a-1234.html", html, items,
             "German: figcaption with caption span + 'Foto: X / dpa' credit span, Mehr zum Thema links, newsletter")

# ---------------------------------------------------------------- p12 French
def p12() -> Iterator[Page]:
    base = "https://www.voyages-france.fr/uploads/2023/07/"
    names = ["Gordes", "Rocamadour", "Eguisheim", "Yvoire", "Collonges-la-Rouge", "Saint-Cirq-Lapopie"]
    creds = ["© Jean Dupont / Adobe Stock", "Crédit photo : Lot Tourisme", "© Office de tourisme d'Eguisheim",
             "© Marie Laurent", "Crédit photo : Pierre Martin", "© Shutterstock"]
    body: list[str] = []
    items: list[Item] = []
    for i, n in enumerate(names):
        cap = txt(FR, i)
        u = f"{base}{n.lower()}.jpg"
        ex = []
        extra = ""
        if i in (0, 3):
            extra = f'<p><strong>À lire aussi :</strong> <a href="/week-end-{i}/">Nos idées de week-end en Provence</a></p>'
            ex = ["À lire aussi", "idées de week-end"]
        if i % 2 == 0:
            blk = f"""<figure class="image"><img src="{u}" alt="{n}" width="800" height="533"><figcaption>{creds[i]}</figcaption></figure>\n<p>{cap}</p>"""
        else:  # credit as a small paragraph after the photo
            blk = f"""<p class="image"><img src="{u}" alt="{n}" width="800" height="533"></p>\n<p class="credit"><small>{creds[i]}</small></p>\n<p>{cap}</p>"""
        body.append(f"<h2>{i+1} - {n}</h2>\n{blk}\n{extra}")
        items.append(T(n, [u], [creds[i]], creds[i], cap, excl=ex))
    html = chrome("Les 6 plus beaux villages de France à visiter cet été", f"""<main><article class="article">
<h1>Les 6 plus beaux villages de France à visiter cet été</h1><p class="chapo">Pierres dorées, ruelles fleuries et panoramas exceptionnels : notre sélection.</p>
<div class="article-content">
<p>La France regorge de villages de caractère. Voici ceux qui nous ont le plus séduits cette année.</p>
{''.join(body)}
<p>Et vous, quel est votre village préféré ? Dites-le-nous en commentaire !</p>
</div></article></main>""", site="Voyages France", lang="fr", nav=["Destinations", "Week-end", "Gastronomie"])
    items[-1]["excl"].append("Et vous, quel est votre village")
    yield Page("p12_fr", "https://www.voyages-france.fr/plus-beaux-villages-de-france", html, items,
             "French: '©' figcaption and 'Crédit photo :' small paragraph after photo, 'À lire aussi' links, outro")

GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12)
