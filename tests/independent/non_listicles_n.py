# ruff: noqa: E501
# fmt: off
"""Not listicles N01–N19 (the tester's ``gen_non.py``): news, FAQ, docs, forum, legal, shop and
other pages with numbered things on them that must give zero items.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``write(name, html, truth)`` become ``yield Page(...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.independent.chrome import cap, esc, footer, head, nav, related, sidebar_most_read
from tests.independent.truth import N, Page


def n01() -> Iterator[Page]:  # news with numbered points & quotes
    url = "https://www.citytimes.com/news/2024/03/12/council-approves-budget"
    paras = ["The city council approved a $4.2 billion budget on Tuesday after a six-hour meeting that ran past midnight.",
             "“This is the hardest budget I have voted on in 12 years,” said Councillor Maria Lopez, who represents Ward 3.",
             "The plan includes three main changes:",
             ]
    ol = '<ol><li>A 2.5% property tax increase, the first in four years.</li><li>$40 million for road repairs on 120 streets.</li><li>A hiring freeze for non-emergency departments.</li></ol>'
    more = ["Mayor Tom Reed called the vote “a responsible compromise.”", "“We heard from 1,400 residents,” he said. “Not everyone got what they wanted.”",
            "Opponents said the tax increase would hit seniors hardest. “I have lived here 41 years,” said resident Joan Park, 78. “I cannot afford another increase.”",
            "The budget takes effect July 1."]
    img = '<figure class="lead-image"><img src="https://img.citytimes.com/2024/03/council.jpg" alt="Council chamber" width="1200" height="675"><figcaption>Council members vote on Tuesday night. (Photo: Dan Lee / City Times)</figcaption></figure>'
    html_ = head("Council approves $4.2B budget with first tax increase in 4 years", url, site="City Times") + '<body>' + nav("City Times", ("Local", "Politics", "Sports", "Opinion")) + \
        f'<main><article><h1>Council approves $4.2B budget with first tax increase in 4 years</h1><p class="byline">By Sam Ortiz · March 12, 2024</p>{img}' + "".join(f"<p>{p}</p>" for p in paras) + ol + "".join(f"<p>{p}</p>" for p in more) + '</article></main>' + sidebar_most_read() + footer("City Times")
    yield Page("N01_news_with_ol_and_quotes", html_, N(url, "News story: 3-item <ol> of plan changes, quotes, 'most read' ol sidebar"))

def n02() -> Iterator[Page]:  # FAQ page
    url = "https://help.shopfast.com/faq"
    qs = ["How do I track my order?", "What is your return policy?", "How long does shipping take?", "Do you ship internationally?", "How do I change my password?", "Can I cancel my order?", "What payment methods do you accept?", "How do I contact support?", "Do you offer gift cards?", "Is my data safe?"]
    sec = "".join(f'<details class="faq-item"><summary><h3>{i}. {esc(q)}</h3></summary><div class="faq-answer"><p>{cap(i, 2)}</p></div></details>' for i, q in enumerate(qs, 1))
    html_ = head("Frequently Asked Questions", url, site="ShopFast Help Center", og_image=False) + '<body>' + nav("ShopFast", ("Shop", "Deals", "Help")) + \
        f'<main><h1>Frequently Asked Questions</h1><p>Can’t find what you are looking for? <a href="/contact">Contact us</a>.</p><section class="faq">{sec}</section></main>' + footer("ShopFast")
    yield Page("N02_faq_numbered_details", html_, N(url, "FAQ: 10 <details> with h3 '1. Question?' summaries, no images"))

def n03() -> Iterator[Page]:  # product spec page
    url = "https://www.shopfast.com/p/acme-x200-wireless-headphones"
    specs = [("Driver size", "40 mm"), ("Frequency response", "4 Hz – 40,000 Hz"), ("Battery life", "30 hours"), ("Charging", "USB-C, 10 min = 5 hours"), ("Weight", "250 g"), ("Bluetooth", "5.3"), ("Colors", "3")]
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in specs)
    thumbs = "".join(f'<li><img src="https://img.shopfast.com/x200/{i}.jpg" alt="ACME X200 view {i}" width="80" height="80"></li>' for i in range(1, 7))
    reviews = "".join(f'<div class="review"><div class="stars">{5 - i % 3} out of 5 stars</div><h4>{t}</h4><p>{cap(i, 1)}</p><p class="review-meta">Reviewed by Buyer{i} on March {i}, 2024 · {i*4} people found this helpful</p></div>' for i, t in enumerate(["Great sound", "Comfortable for 8 hours", "Battery is amazing", "Noise cancelling could be better"], 1))
    html_ = head("ACME X200 Wireless Noise-Cancelling Headphones", url, site="ShopFast", og_image=True).replace('content="article"', 'content="product"') + '<body>' + nav("ShopFast", ("Shop", "Audio", "Deals")) + \
        f'<main class="pdp"><div class="gallery"><img src="https://img.shopfast.com/x200/main.jpg" alt="ACME X200" width="800" height="800"><ul class="thumbs">{thumbs}</ul></div><div class="buy-box"><h1>ACME X200 Wireless Noise-Cancelling Headphones</h1><div class="rating">4.6 out of 5 (2,314 ratings)</div><div class="price">$199.99</div><ul class="features"><li>Industry-leading noise cancelling</li><li>30-hour battery life</li><li>Multipoint connection</li><li>Touch controls</li></ul><label>Qty <select><option>1</option><option>2</option><option>3</option></select></label><button class="add-to-cart">Add to Cart</button></div>' + \
        f'<section class="specs"><h2>Specifications</h2><table>{rows}</table></section><section class="reviews"><h2>Customer Reviews</h2>{reviews}</section>' + related(["ACME X100 Earbuds", "ACME Travel Case", "ACME Charging Stand"], "Customers also bought") + '</main>' + footer("ShopFast")
    yield Page("N03_product_spec_page", html_, N(url, "Product detail page: thumbs ul, features ul, spec table, 4 reviews with h4 + stars"))

def n04() -> Iterator[Page]:  # changelog
    url = "https://docs.fastlib.dev/changelog/"
    vers = [("3.2.1", "2024-03-01", ["Fix crash when config file is empty (#1432)", "Update dependencies"]), ("3.2.0", "2024-02-10", ["Add `--dry-run` flag", "Support Python 3.12", "Deprecate `old_api()`"]),
            ("3.1.2", "2024-01-05", ["Fix Windows path handling (#1399)"]), ("3.1.1", "2023-12-12", ["Fix regression in 3.1.0"]), ("3.1.0", "2023-11-30", ["New plugin system", "Faster startup (2x)"]),
            ("3.0.0", "2023-10-01", ["Drop Python 3.7", "Rename `run()` to `execute()`", "New config format"]), ("2.9.4", "2023-08-19", ["Security fix for CVE-2023-1234"])]
    body = "".join(f'<section id="v{v.replace(".", "-")}"><h2>{v} <small>({d})</small><a class="headerlink" href="#v{v}">¶</a></h2><ul>' + "".join(f"<li>{c}</li>" for c in cs) + '</ul></section>' for v, d, cs in vers)
    html_ = head("Changelog — fastlib 3.2.1 documentation", url, site="fastlib", og_image=False) + '<body><div class="wy-grid-for-nav"><nav class="wy-nav-side"><div class="wy-menu"><ul><li class="toctree-l1"><a href="/install/">1. Installation</a></li><li class="toctree-l1"><a href="/quickstart/">2. Quickstart</a></li><li class="toctree-l1"><a href="/api/">3. API reference</a></li><li class="toctree-l1 current"><a href="/changelog/">4. Changelog</a></li></ul></div></nav>' + \
        f'<section class="wy-nav-content-wrap"><div class="rst-content"><div role="main" class="document"><div class="section"><h1>Changelog</h1>{body}</div></div></div></section></div></body></html>'
    yield Page("N04_changelog_versions", html_, N(url, "Sphinx changelog: h2 version numbers '3.2.1' with ul, numbered toctree nav"))

def n05() -> Iterator[Page]:  # forum thread numbered posts with avatars
    url = "https://forum.carfans.net/threads/best-winter-tires-for-a-2015-civic.44120/"
    posts: list[str] = []
    for i in range(1, 13):
        att = ('<br><img src="https://forum.carfans.net/attachments/tire' + str(i) + '.jpg" class="bbImage">') if i % 3 == 0 else ''
        posts.append(f'<article class="message message--post" data-author="driver{i}" id="post-{880+i}"><div class="message-inner"><div class="message-cell message-cell--user"><div class="message-avatar"><img src="https://forum.carfans.net/data/avatars/m/{i}/{i}00.jpg" alt="driver{i}" width="96" height="96"></div><h4 class="message-name"><a href="/members/driver{i}.{i}/">driver{i}</a></h4><h5 class="userTitle">Member</h5><dl class="pairs"><dt>Joined</dt><dd>Mar {i}, 2019</dd><dt>Messages</dt><dd>{i*113}</dd></dl></div><div class="message-cell message-cell--main"><header class="message-attribution"><a href="/threads/44120/post-{880+i}" class="message-attribution-opposite">#{i}</a><time datetime="2023-11-{i:02d}T10:00:00">Nov {i}, 2023</time></header><div class="message-content"><div class="bbWrapper">{cap(i, 2)}{att}</div></div><footer class="message-footer"><a class="actionBar-action--like">Like</a> <a class="actionBar-action--reply">Reply</a></footer></div></div></article>')
    html_ = head("Best winter tires for a 2015 Civic?", url, site="CarFans Forum", og_image=False) + '<body>' + nav("CarFans Forum", ("Forums", "What's new", "Members")) + \
        f'<main><div class="p-title"><h1 class="p-title-value">Best winter tires for a 2015 Civic?</h1></div><div class="pageNav"><ul><li class="pageNav-page pageNav-page--current"><a href="#">1</a></li><li class="pageNav-page"><a href="page-2">2</a></li><li class="pageNav-page"><a href="page-3">3</a></li></ul><a class="pageNav-jump--next" href="page-2">Next</a></div><div class="block-body js-replyNewMessageContainer">{"".join(posts)}</div></main>' + footer("CarFans")
    yield Page("N05_forum_thread_numbered_posts", html_, N(url, "XenForo thread: 12 posts '#N' permalinks, avatars, attachments, pager with Next"))

def n06() -> Iterator[Page]:  # docs numbered steps with screenshots
    url = "https://docs.cloudhost.io/getting-started/deploy-your-first-app"
    steps = ["Create an account", "Install the CLI", "Log in", "Create a project", "Deploy", "Open your app"]
    code = ["", "<pre><code>curl -fsSL https://get.cloudhost.io | sh</code></pre>", "<pre><code>cloudhost login</code></pre>", "<pre><code>cloudhost init my-app</code></pre>", "<pre><code>cloudhost deploy</code></pre>", "<pre><code>cloudhost open</code></pre>"]
    body = "".join(f'<h2 id="step-{i}">Step {i}: {s}</h2><p>{cap(i, 1)}</p>{code[i-1]}<img src="/img/docs/step{i}.png" alt="Screenshot of step {i}" width="1200" height="700">' for i, s in enumerate(steps, 1))
    side = '<nav class="docs-sidebar"><ul><li><a href="/getting-started/">Getting started</a><ul><li><a class="active" href="#">Deploy your first app</a></li><li><a href="/getting-started/domains">Custom domains</a></li></ul></li><li><a href="/cli/">CLI reference</a></li><li><a href="/pricing/">Pricing</a></li></ul></nav>'
    html_ = head("Deploy your first app", url, site="CloudHost Docs", og_image=False) + f'<body><div class="docs-layout">{side}<main class="docs-content"><nav class="breadcrumbs"><a href="/">Docs</a> / <a href="/getting-started/">Getting started</a></nav><h1>Deploy your first app</h1><p>This guide takes about 5 minutes.</p><div class="admonition note"><p class="admonition-title">Note</p><p>You need Node.js 18 or later.</p></div>{body}<h2>Next steps</h2><ul><li><a href="/getting-started/domains">Add a custom domain</a></li><li><a href="/scaling/">Scale your app</a></li></ul><div class="docs-pagination"><a class="prev" href="/getting-started/">← Introduction</a><a class="next" href="/getting-started/domains">Custom domains →</a></div></main></div></body></html>'
    yield Page("N06_docs_numbered_steps", html_, N(url, "Docs how-to: h2 'Step N: ...' with code and screenshot each, docs pagination Next"))

def n07() -> Iterator[Page]:  # legal
    url = "https://www.shopfast.com/legal/terms-of-service"
    secs = ["Acceptance of Terms", "Changes to These Terms", "Your Account", "Orders and Payment", "Shipping and Delivery", "Returns and Refunds", "Intellectual Property", "Limitation of Liability", "Governing Law", "Contact Us"]
    body = "".join(f'<h2>{i}. {s}</h2><p>{i}.1 ' + cap(i, 2) + f'</p><p>{i}.2 ' + cap(i + 1, 1) + '</p>' for i, s in enumerate(secs, 1))
    html_ = head("Terms of Service", url, site="ShopFast", og_image=False) + '<body>' + nav("ShopFast") + f'<main class="legal"><h1>Terms of Service</h1><p>Last updated: January 1, 2024</p>{body}</main>' + footer("ShopFast")
    yield Page("N07_legal_numbered_sections", html_, N(url, "Terms of service: h2 '1. Section' x10 with '1.1' paragraphs, no images"))

def n08() -> Iterator[Page]:  # album page
    url = "https://photos.example-family.net/albums/summer-2023"
    grid = "".join(f'<div class="photo-tile"><a href="/albums/summer-2023/photo/{i}"><img src="https://photos.example-family.net/thumbs/IMG_{4100+i}.jpg" alt="IMG_{4100+i}.jpg" width="240" height="180" loading="lazy"></a><div class="photo-meta"><span class="photo-index">{i}</span> <span class="photo-date">Jul {i % 28 + 1}, 2023</span></div></div>' for i in range(1, 41))
    html_ = head("Summer 2023 — 40 photos", url, site="Family Photos", og_image=True) + '<body><header><a href="/">Family Photos</a><nav><a href="/albums">Albums</a> <a href="/upload">Upload</a></nav></header>' + \
        f'<main><h1>Summer 2023</h1><p class="album-info">40 photos · Shared by Mom · Updated Aug 2, 2023</p><div class="photo-grid">{grid}</div><div class="pager"><span>Photos 1–40 of 40</span></div></main></body></html>'
    yield Page("N08_album_grid", html_, N(url, "Photo album grid: 40 linked thumbs with index spans 1..40, title '40 photos'"))

def n09() -> Iterator[Page]:  # search results
    url = "https://www.example-media.com/search?q=north+korea"
    res = ["25 Pictures Smuggled Out of North Korea", "North Korea fires missile into sea, Japan says", "10 Things You Didn't Know About Pyongyang", "Inside the DMZ: a photo essay",
           "What North Koreans eat: 12 dishes", "Kim Jong Un visits factory", "Defector describes life in the north", "7 Myths About North Korea Debunked", "The Korean War in 20 photos", "How to travel to North Korea (and whether you should)"]
    lis = "".join(f'<li class="search-result"><a href="/post-{i}/"><img src="https://cdn.example-media.com/thumbs/s{i}.jpg" alt="" width="160" height="90"></a><div><h3 class="result-title"><a href="/post-{i}/">{esc(r)}</a></h3><p class="snippet">{cap(i, 1)}</p><span class="result-date">{i} days ago</span></div></li>' for i, r in enumerate(res, 1))
    html_ = head("Search results for “north korea”", url, og_image=False) + '<body>' + nav() + \
        f'<main><h1>Search results for “north korea”</h1><p class="result-count">Showing results 1–10 of 2,345</p><ol class="search-results" start="1">{lis}</ol><nav class="pagination"><a class="current" href="#">1</a><a href="?q=north+korea&amp;page=2">2</a><a href="?q=north+korea&amp;page=3">3</a><a class="next" href="?q=north+korea&amp;page=2">Next →</a></nav></main>' + footer()
    yield Page("N09_search_results", html_, N(url, "Search results: ol of 10 results (thumb + h3 link + snippet), listicle titles inside, pagination Next"))

def n10() -> Iterator[Page]:  # event schedule
    url = "https://pycon-like.org/2024/schedule/"
    slots = [("09:00", "Registration and coffee", None), ("09:30", "Opening keynote: The next 10 years of Python", "Ana Ruiz"), ("10:30", "Talk 1: Typing at scale", "Ben Ko"),
             ("11:15", "Talk 2: 5 mistakes I made with asyncio", "Cara Li"), ("12:00", "Lunch", None), ("13:30", "Talk 3: Packaging in 2024", "Dev Shah"),
             ("14:15", "Talk 4: Building a WARC crawler", "Eli Marr"), ("15:00", "Break", None), ("15:30", "Lightning talks (8 × 5 minutes)", None), ("16:30", "Closing", "Organizers")]
    rows = "".join(f'<div class="slot"><time class="slot-time">{t}</time><div class="slot-body"><h3 class="slot-title">{esc(ti)}</h3>' + (f'<div class="speaker"><img src="https://pycon-like.org/speakers/{k}.jpg" alt="{sp}" width="64" height="64"><span>{sp}</span></div>' if sp else '') + f'<span class="room">Room {k % 3 + 1}</span></div></div>' for k, (t, ti, sp) in enumerate(slots))
    html_ = head("Schedule — Day 1", url, site="PyCon 2024", og_image=False) + '<body>' + nav("PyCon 2024", ("About", "Schedule", "Speakers", "Tickets")) + \
        f'<main><h1>Schedule — Day 1 (May 15)</h1><div class="day-tabs"><a class="active" href="#">Day 1</a><a href="?day=2">Day 2</a><a href="?day=3">Day 3</a></div><div class="schedule">{rows}</div></main>' + footer("PyCon")
    yield Page("N10_event_schedule", html_, N(url, "Conference schedule: time slots, 'Talk 1:'..'Talk 4:' h3 titles, speaker photos"))

def n11() -> Iterator[Page]:  # league table
    url = "https://www.sportsnow.com/football/premier-league/table"
    clubs = ["Arsenal", "Man City", "Liverpool", "Aston Villa", "Tottenham", "Man United", "Newcastle", "West Ham", "Chelsea", "Brighton", "Wolves", "Fulham", "Bournemouth", "Crystal Palace", "Brentford", "Everton", "Nottm Forest", "Luton", "Burnley", "Sheffield Utd"]
    rows = "".join(f'<tr><td class="pos">{i}</td><td class="team"><img src="https://img.sportsnow.com/crests/{c.lower().replace(" ", "-")}.png" alt="" width="24" height="24"> <a href="/football/teams/{c.lower().replace(" ", "-")}">{c}</a></td><td>28</td><td>{20-i//2}</td><td>{4+i%4}</td><td>{i//2+2}</td><td>{60-i*2}</td></tr>' for i, c in enumerate(clubs, 1))
    html_ = head("Premier League Table 2023/24", url, site="Sports Now", og_image=False) + '<body>' + nav("Sports Now", ("Football", "Tennis", "F1", "Cricket")) + \
        f'<main><h1>Premier League Table</h1><p>Updated after Matchday 28.</p><table class="standings"><thead><tr><th>Pos</th><th>Club</th><th>P</th><th>W</th><th>D</th><th>L</th><th>Pts</th></tr></thead><tbody>{rows}</tbody></table><div class="legend"><p>1–4: Champions League · 5: Europa League · 18–20: Relegation</p></div></main>' + footer("Sports Now")
    yield Page("N11_league_table", html_, N(url, "League table: 20 rows pos 1..20 with crests"))

def n12() -> Iterator[Page]:  # related-heavy news article
    url = "https://www.worldreport.com/2024/04/02/earthquake-taiwan"
    paras = ["A magnitude 7.4 earthquake struck off Taiwan's east coast on Wednesday morning, killing at least nine people and injuring more than 800.",
             "It was the strongest quake to hit the island in 25 years. Buildings in Hualien tilted at steep angles.",
             "“The whole building was shaking,” said resident Chen Li-wei. “I grabbed my kids and ran.”",
             "Tsunami warnings were issued for Japan and the Philippines but later lifted.",
             "Rescue workers were still searching for 12 people trapped in a tunnel on Thursday."]
    def rel_inline(k: int) -> str:
        return f'<div class="related-inline"><span class="label">READ MORE</span><a href="/r{k}"><img src="https://img.worldreport.com/r{k}.jpg" alt=""><h3>{["Why Taiwan is so prone to earthquakes", "In pictures: the aftermath in Hualien", "Japan lifts tsunami warning"][k]}</h3></a></div>'
    body = ""
    for k, p in enumerate(paras):
        body += f"<p>{p}</p>"
        if k in (1, 3):
            body += rel_inline(k // 2)
    most = '<section class="most-read"><h2>Most Read</h2><ol>' + "".join(f'<li><a href="/m{i}"><span class="rank">{i}</span><img src="https://img.worldreport.com/m{i}.jpg" alt=""><h3>{t}</h3></a></li>' for i, t in enumerate(["Earthquake hits Taiwan", "Eclipse: where to watch", "Election results live", "The 10 best places to travel in 2024", "Markets fall on rate fears", "Royal family update", "Storm warning for weekend", "Recipe: 20-minute pasta", "Football transfer news", "Tech giant fined $2bn"], 1)) + '</ol></section>'
    more = '<section class="more-from"><h2>More from Asia</h2>' + "".join(f'<article class="card"><a href="/a{i}"><img src="https://img.worldreport.com/a{i}.jpg" alt="" width="300" height="200"><h3>{t}</h3><p>{cap(i, 1)}</p></a></article>' for i, t in enumerate(["China's economy slows", "Japan's new PM", "India heatwave", "Korea election", "Thailand tourism boom", "Vietnam floods"], 1)) + '</section>'
    html_ = head("Taiwan earthquake: at least 9 dead as strongest quake in 25 years hits", url, site="World Report") + '<body>' + nav("World Report", ("World", "Business", "Tech", "Sport")) + \
        f'<main><article><h1>Taiwan earthquake: at least 9 dead as strongest quake in 25 years hits</h1><figure><img src="https://img.worldreport.com/quake.jpg" width="1200" height="675" alt=""><figcaption>A tilted building in Hualien. Reuters</figcaption></figure><div class="story-body">{body}</div></article>{most}{more}</main>' + footer("World Report")
    yield Page("N12_news_related_heavy", html_, N(url, "News article with inline READ MORE cards (img+h3), Most Read ol 1..10 with img+h3, More-from cards"))

def n13() -> Iterator[Page]:  # single recipe with numbered steps and step photos
    url = "https://www.thekitchn-like.com/recipes/one-pan-lemon-chicken/"
    ings = ["4 chicken thighs", "2 lemons", "4 cloves garlic", "1 lb baby potatoes", "2 tbsp olive oil", "1 tsp oregano", "Salt and pepper"]
    steps = ["Preheat the oven to 425°F.", "Halve the potatoes and toss with oil, salt and pepper.", "Season the chicken and sear it skin-side down for 5 minutes.", "Add potatoes, lemon slices and garlic to the pan.", "Roast for 25 minutes.", "Rest for 5 minutes and serve."]
    ing = "".join(f'<li class="wprm-recipe-ingredient">{x}</li>' for x in ings)
    st = "".join(f'<li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">{s}</div><div class="wprm-recipe-instruction-media"><img src="https://www.thekitchn-like.com/wp-content/uploads/step{i}.jpg" width="600" height="400" alt="Step {i}"></div></li>' for i, s in enumerate(steps, 1))
    html_ = head("One-Pan Lemon Chicken", url, site="The Kitchen Table") + '<body>' + nav("The Kitchen Table", ("Recipes", "Dinner")) + \
        '<main><article><h1>One-Pan Lemon Chicken</h1><p>This is the dinner I make when I have 40 minutes and no plan. It serves 4.</p><img src="https://www.thekitchn-like.com/wp-content/uploads/lemon-chicken.jpg" width="1200" height="800" alt=""><h2>Why You\'ll Love It</h2><ul><li>One pan</li><li>Five minutes of prep</li><li>Kid-approved</li></ul>' + \
        f'<div id="wprm-recipe-container" class="wprm-recipe"><h2 class="wprm-recipe-name">One-Pan Lemon Chicken</h2><div class="wprm-recipe-times">Prep 10 mins · Cook 30 mins · Serves 4</div><h3 class="wprm-recipe-header">Ingredients</h3><ul class="wprm-recipe-ingredients">{ing}</ul><h3 class="wprm-recipe-header">Instructions</h3><ol class="wprm-recipe-instructions">{st}</ol><h3>Nutrition</h3><p>Calories: 520 kcal · Protein: 38 g</p></div></article></main>' + footer("The Kitchen Table")
    yield Page("N13_single_recipe_steps", html_, N(url, "Single recipe: ingredients ul, instructions ol with a step photo each"))

def n14() -> Iterator[Page]:  # live blog
    url = "https://www.worldreport.com/live/2024/election-night"
    entries = "".join(f'<article class="live-entry" id="entry-{i}"><time class="entry-time">{22 - i // 2}:{(i * 7) % 60:02d}</time><h2 class="entry-title">{t}</h2>' + (f'<img src="https://img.worldreport.com/live/{i}.jpg" alt="" width="800" height="450"><p class="credit">Photo: AP</p>' if i % 2 else '') + f'<p>{cap(i, 2)}</p><div class="share">Share this post</div></article>' for i, t in enumerate(["Polls close in 12 states", "First results from Ohio", "Turnout hits record in Georgia", "Candidate arrives at HQ", "Networks call Florida", "Crowd gathers outside", "Concession speech expected", "Victory speech: 'A new chapter'"], 1))
    html_ = head("Election night 2024: live updates", url, site="World Report") + '<body>' + nav("World Report") + \
        f'<main><h1>Election night 2024: live updates</h1><div class="live-summary"><h2>Key points</h2><ul><li>Polls have closed in all states</li><li>Turnout at record high</li><li>Results expected by 2 a.m.</li></ul></div><div class="live-feed">{entries}</div></main>' + footer("World Report")
    yield Page("N14_live_blog", html_, N(url, "Live blog: 8 timestamped entries with h2 + photos every other, key points ul"))

def n15() -> Iterator[Page]:  # e-commerce category grid
    url = "https://www.shopfast.com/c/running-shoes"
    prods = "".join(f'<li class="product-card"><a href="/p/shoe-{i}"><img src="https://img.shopfast.com/shoes/{i}.jpg" alt="Runner {i}" width="300" height="300"><h2 class="product-name">AirStride Runner {i}</h2></a><div class="price">${79 + i * 5}.99</div><div class="stars">{4 + i % 2}.{i % 10} ★ ({i * 31})</div><button>Add to cart</button></li>' for i in range(1, 25))
    html_ = head("Running Shoes (24 products)", url, site="ShopFast", og_image=False) + '<body>' + nav("ShopFast", ("Men", "Women", "Kids", "Sale")) + \
        f'<main><h1>Running Shoes</h1><p>24 products</p><aside class="filters"><h3>Brand</h3><ul><li><input type="checkbox"> AirStride (12)</li><li><input type="checkbox"> Pacer (8)</li><li><input type="checkbox"> Zoomer (4)</li></ul></aside><ul class="product-grid">{prods}</ul></main>' + footer("ShopFast")
    yield Page("N15_category_grid", html_, N(url, "E-commerce category: 24 product cards (img + h2 'Runner N' + price), filter checkboxes"))

def n16() -> Iterator[Page]:  # wiki-like article with numbered TOC and refs
    url = "https://en.wikiexample.org/wiki/Hualien_City"
    toc = '<div id="toc" class="toc"><h2>Contents</h2><ul><li class="toclevel-1"><a href="#History"><span class="tocnumber">1</span> <span class="toctext">History</span></a><ul><li class="toclevel-2"><a href="#Japanese_era"><span class="tocnumber">1.1</span> <span class="toctext">Japanese era</span></a></li></ul></li><li class="toclevel-1"><a href="#Geography"><span class="tocnumber">2</span> <span class="toctext">Geography</span></a></li><li class="toclevel-1"><a href="#Economy"><span class="tocnumber">3</span> <span class="toctext">Economy</span></a></li><li class="toclevel-1"><a href="#Tourism"><span class="tocnumber">4</span> <span class="toctext">Tourism</span></a></li><li class="toclevel-1"><a href="#References"><span class="tocnumber">5</span> <span class="toctext">References</span></a></li></ul></div>'
    secs = "".join(f'<h2><span class="mw-headline" id="{s}">{s}</span></h2><p>{cap(k, 3)}<sup class="reference"><a href="#cite_note-{k}">[{k}]</a></sup></p>' + (f'<figure class="mw-default-size"><a href="/wiki/File:{s}.jpg"><img src="//upload.wikiexample.org/{s}.jpg" width="250" height="167"></a><figcaption>{s} in 2019</figcaption></figure>' if k % 2 else '') for k, s in enumerate(["History", "Geography", "Economy", "Tourism"], 1))
    refs = '<h2><span class="mw-headline" id="References">References</span></h2><ol class="references">' + "".join(f'<li id="cite_note-{k}"><span class="reference-text">Source number {k}. Retrieved 2023.</span></li>' for k in range(1, 9)) + '</ol>'
    html_ = head("Hualien City", url, site="Wikiexample", og_image=False) + f'<body class="mediawiki"><div id="content"><h1 id="firstHeading">Hualien City</h1><div id="bodyContent"><div class="mw-parser-output"><table class="infobox"><tr><th>Country</th><td>Taiwan</td></tr><tr><th>Population</th><td>100,000</td></tr></table><p>Hualien City is a county-administered city.</p>{toc}{secs}{refs}</div></div></div></body></html>'
    yield Page("N16_wiki_article", html_, N(url, "Wiki article: numbered TOC (tocnumber spans), h2 sections, refs ol, some figures"))

def n17() -> Iterator[Page]:  # biography with year subheads
    url = "https://www.worldreport.com/obituaries/2024/jane-goodall-style-life-in-pictures"
    years = [("1934", "Born in London"), ("1960", "Arrives at Gombe"), ("1965", "Earns her PhD"), ("1977", "Founds the institute"), ("1991", "Launches Roots & Shoots"), ("2002", "Named UN Messenger of Peace")]
    body = "".join(f'<h2>{y}: {t}</h2><figure><img src="https://img.worldreport.com/bio/{y}.jpg" alt="" width="900" height="600"><figcaption>Photo: Getty</figcaption></figure><p>{cap(k, 2)}</p>' for k, (y, t) in enumerate(years))
    html_ = head("A life in the field: the primatologist who changed how we see chimpanzees", url, site="World Report") + '<body>' + nav("World Report") + \
        f'<main><article><h1>A life in the field: the primatologist who changed how we see chimpanzees</h1><p class="byline">By R. Patel</p><div class="story-body"><p>She died on Tuesday at the age of 90.</p>{body}</div></article></main>' + footer("World Report")
    yield Page("N17_biography_year_headings", html_, N(url, "Obituary/timeline: h2 'YEAR: event' with photo each (1934..2002)"))

def n18() -> Iterator[Page]:  # podcast archive
    url = "https://www.thehistorypod.com/episodes/"
    eps = "".join(f'<article class="episode"><img src="https://cdn.thehistorypod.com/art/ep{200-i}.jpg" width="150" height="150" alt=""><h2 class="episode-title"><a href="/episodes/{200-i}/">Episode {200-i}: {t}</a></h2><p class="meta">{i + 3} days ago · {40 + i} min</p><p>{cap(i, 1)}</p><audio controls src="https://cdn.thehistorypod.com/ep{200-i}.mp3"></audio></article>' for i, t in enumerate(["The Fall of Constantinople", "The Tulip Mania", "The Great Stink", "The Dancing Plague", "The Emu War", "The Boston Molasses Flood", "Operation Mincemeat", "The Radium Girls"]))
    html_ = head("All Episodes", url, site="The History Pod", og_image=False) + '<body>' + nav("The History Pod", ("Episodes", "About", "Support")) + \
        f'<main><h1>All Episodes</h1><div class="episode-list">{eps}</div><nav class="pagination"><a href="/episodes/page/2/" class="next">Older episodes</a></nav></main>' + footer("The History Pod")
    yield Page("N18_podcast_archive_countdown", html_, N(url, "Podcast archive: 'Episode 200: ...' .. 'Episode 193' descending h2 with cover art (countdown-like)"))

def n19() -> Iterator[Page]:  # German news article with numbered points in paragraphs
    url = "https://www.nachrichten-example.de/politik/bundestag-beschliesst-heizungsgesetz-100.html"
    body = "".join(f"<p>{p}</p>" for p in ["Der Bundestag hat am Freitag das umstrittene Heizungsgesetz beschlossen. 399 Abgeordnete stimmten dafür, 275 dagegen.",
        "„Das ist ein guter Tag für den Klimaschutz“, sagte der Minister.", "Die wichtigsten Punkte im Überblick:"]) + \
        "".join(f'<h3>{i}. {t}</h3><p>{cap(i, 1)}</p>' for i, t in enumerate(["Ab 2024 gilt die 65-Prozent-Regel", "Bestehende Heizungen dürfen bleiben", "Der Staat fördert bis zu 70 Prozent"], 1)) + \
        "<p>Der Bundesrat muss noch zustimmen.</p>"
    html_ = head("Bundestag beschließt Heizungsgesetz", url, lang="de", site="Nachrichten") + '<body>' + nav("Nachrichten", ("Politik", "Wirtschaft", "Sport")) + \
        f'<main><article><h1>Bundestag beschließt Heizungsgesetz</h1><figure><img src="https://img.nachrichten-example.de/bt.jpg" width="1200" height="675" alt=""><figcaption>Abstimmung im Bundestag. Foto: dpa</figcaption></figure>{body}</article></main>' + related(["Heizungsgesetz: 5 Fragen und Antworten", "Wärmepumpe: Was kostet sie wirklich?"], "Mehr zum Thema") + footer("Nachrichten")
    yield Page("N19_de_news_three_points", html_, N(url, "German news with 'Die wichtigsten Punkte': 3 h3 '1. ...' without images, no count in title"))


GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11, n12, n13, n14, n15, n16, n17, n18, n19)
