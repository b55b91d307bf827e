# ruff: noqa: E501
# fmt: off
"""Listicles M01–M31 (the tester's ``gen_list2.py``): page builders, editor mistakes, number forms
in many languages, items without headings.

The page texts and truth are the tester's, written without looking at the extractor: keep
them. The code is theirs too, typed, with ``write(name, html, truth)`` become ``yield Page(...)``.
"""

from __future__ import annotations

import json as _json
from collections.abc import Callable, Iterator

from tests.independent.chrome import SENT, cap, esc, footer, head, nav, std_page
from tests.independent.truth import L, Page


# A/EE: Elementor, image column LEFT of heading column (image precedes heading in DOM)
def q01() -> Iterator[Page]:
    url = "https://www.decorinspo.com/bedroom-makeover-ideas/"
    heads = ["Paint an Accent Wall", "Layer Your Lighting", "Upgrade the Headboard", "Add a Reading Nook", "Swap Out Hardware", "Hang Curtains High", "Bring in Plants", "Use a Statement Rug", "Declutter the Nightstand", "Invest in Bedding"]
    secs: list[str] = []
    for i, h in enumerate(heads, 1):
        secs.append(f'''<section class="elementor-section elementor-top-section elementor-element elementor-element-{i}a1 elementor-section-boxed" data-id="{i}a1" data-element_type="section"><div class="elementor-container elementor-column-gap-default">
<div class="elementor-column elementor-col-50 elementor-top-column elementor-element" data-element_type="column"><div class="elementor-widget-wrap elementor-element-populated"><div class="elementor-element elementor-widget elementor-widget-image" data-widget_type="image.default"><div class="elementor-widget-container"><img decoding="async" width="800" height="1000" src="https://www.decorinspo.com/wp-content/uploads/2023/bed-{i}.jpg" class="attachment-large size-large wp-image-{700+i}" alt=""></div></div></div></div>
<div class="elementor-column elementor-col-50 elementor-top-column elementor-element" data-element_type="column"><div class="elementor-widget-wrap elementor-element-populated"><div class="elementor-element elementor-widget elementor-widget-heading" data-widget_type="heading.default"><div class="elementor-widget-container"><h2 class="elementor-heading-title elementor-size-default">{i}. {esc(h)}</h2></div></div><div class="elementor-element elementor-widget elementor-widget-text-editor" data-widget_type="text-editor.default"><div class="elementor-widget-container"><p>{cap(i, 3)}</p><p><em>Photo: @home_by_{i}</em></p></div></div></div></div>
</div></section>''')
    body = '<div data-elementor-type="wp-post" data-elementor-id="5512" class="elementor elementor-5512">' + "".join(secs) + '</div>'
    html_ = std_page(url, "10 Bedroom Makeover Ideas on a Budget", '<p>No renovation needed.</p>' + body, site="Decor Inspo")
    yield Page("M01_elementor_image_left", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "Elementor: per-item section, image column BEFORE heading column (image precedes heading in DOM)", imgs=1))

# B: numbering errors: duplicate 7, skip 12 (title says 15, 15 items printed 1..16 without 12 & with two 7s)
def q02() -> Iterator[Page]:
    url = "https://www.funfactz.com/facts-about-space/"
    nums = [1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 13, 14, 15]
    heads = ["A Day on Venus Is Longer Than a Year", "Neutron Stars Spin 600 Times a Second", "Space Is Completely Silent", "The Sun Is Losing Mass", "There Is Water on the Moon",
             "Mars Has the Tallest Volcano", "Footprints on the Moon Last Forever", "Saturn Could Float in Water", "Jupiter Has 95 Moons", "One Million Earths Fit in the Sun",
             "Space Smells Like Seared Steak", "Astronauts Grow Taller", "The ISS Travels at 17,500 mph", "Uranus Spins on Its Side", "We Are Made of Stardust"]
    body = "".join(f'<h2>{n}. {esc(h)}</h2><img src="https://funfactz.com/space/{k}.jpg" alt="" width="800" height="500"><p>{cap(k, 2)}</p><p>Image: NASA</p>' for k, (n, h) in enumerate(zip(nums, heads, strict=True), 1))
    html_ = std_page(url, "15 Mind-Blowing Facts About Space", body, site="FunFactz")
    yield Page("M02_numbering_typos_dup_and_gap", html_, L(url, 15, heads[0], heads[-1], nums, "Editor typos: '7.' printed twice, 12 skipped; title says 15, 15 items", imgs=1))

# D: whole card is a link (product roundup with card links)
def q03() -> Iterator[Page]:
    url = "https://www.giftguru.com/gifts-for-dad/"
    prods = ["Leatherman Wave+", "Yeti Rambler Mug", "Kindle Paperwhite", "Weber Meat Thermometer", "Bombas Socks", "Ember Smart Mug", "Theragun Mini", "Stanley Flask", "Bose SoundLink Flex", "Traeger Rub Set", "LEGO Icons Camaro", "Carhartt Beanie"]
    body = "".join(f'<div class="product-card"><a class="product-card__link" href="https://www.amazon.com/dp/B0{i}GG?tag=gg-20" rel="sponsored nofollow" target="_blank"><div class="product-card__img"><img src="https://m.media-amazon.com/images/I/8{i}GG._AC_SX679_.jpg" alt="{esc(p)}" width="400" height="400"></div><h3 class="product-card__title">{i}. {esc(p)}</h3><span class="product-card__price">${20+i*9}</span><span class="product-card__cta">Shop now at Amazon</span></a><p class="product-card__blurb">{cap(i, 1)}</p></div>' for i, p in enumerate(prods, 1))
    html_ = std_page(url, "12 Gifts for Dad He'll Actually Use", f'<p>Fathers Day is June 16.</p><div class="product-grid">{body}</div>', site="Gift Guru")
    yield Page("M03_card_is_link", html_, L(url, 12, prods[0], prods[-1], list(range(1, 13)), "Gift guide: whole card (img + h3 '1. Product' + price + CTA) inside one affiliate <a>", imgs=1))

# E: nested numbered sublists inside each item
def q04() -> Iterator[Page]:
    url = "https://www.travelbug.com/european-cities-weekend/"
    cities = ["Lisbon", "Prague", "Budapest", "Copenhagen", "Seville", "Edinburgh", "Kraków"]
    body: list[str] = []
    for i, c in enumerate(cities, 1):
        subs = "".join(f'<li><strong>{t}</strong> – {SENT[(i+k) % 12]}</li>' for k, t in enumerate(["Day 1 morning:", "Day 1 evening:", "Day 2:"]))
        body.append(f'<h2>{i}. {c}</h2><figure><img src="https://travelbug.com/img/{c.lower()}.jpg" alt="" width="1200" height="800"><figcaption>© Adobe Stock</figcaption></figure><p>{cap(i, 2)}</p><h3>Top 3 things to do in {c}</h3><ol><li>Walk the old town at sunrise.</li><li>Eat where the locals queue.</li><li>Take the tram to the viewpoint.</li></ol><h3>Sample itinerary</h3><ul>{subs}</ul>')
    html_ = std_page(url, "7 European Cities Perfect for a Weekend Break", "".join(body), site="Travel Bug")
    yield Page("M04_nested_numbered_sublists", html_, L(url, 7, cities[0], cities[-1], list(range(1, 8)), "h2 '1. City' items each containing h3 'Top 3 things…' + <ol> of 3 + h3 + ul", imgs=1))

# F: mixed heading levels (editor inconsistency), one item missing number
def q05() -> Iterator[Page]:
    url = "https://www.petlovers.net/dog-breeds-for-apartments/"
    heads = ["French Bulldog", "Cavalier King Charles Spaniel", "Shih Tzu", "Boston Terrier", "Pug", "Bichon Frise", "Greyhound", "Havanese", "Basset Hound", "Chihuahua", "Maltese"]
    body: list[str] = []
    for i, h in enumerate(heads, 1):
        tag = "h3" if i in (4, 9) else "h2"
        txt = f"{i}. {esc(h)}" if i != 7 else f"<strong>{i}.</strong> <strong>{esc(h)}</strong>"
        if i == 11:
            body.append(f'<p><strong><span style="font-size: 22px;">{i}. {esc(h)}</span></strong></p>')
        else:
            body.append(f'<{tag}>{txt}</{tag}>')
        body.append(f'<img class="aligncenter" src="https://petlovers.net/wp-content/uploads/breed-{i}.jpg" alt="{esc(h)}" width="700" height="467"><p>{cap(i, 2)}</p><p><strong>Size:</strong> small · <strong>Energy:</strong> low</p>')
    html_ = std_page(url, "11 Best Dog Breeds for Apartment Living", "<p>Small space? No problem.</p>" + "".join(body) + "<h2>Final Word</h2><p>Adopt, don't shop.</p>", site="Pet Lovers")
    yield Page("M05_mixed_heading_levels", html_, L(url, 11, heads[0], heads[-1], list(range(1, 12)), "Editor inconsistency: items 4,9 are h3 not h2, 7 has <strong> parts, 11 is a bold <p> with font-size span", imgs=1))

# H: two lists in one article, restart numbering
def q06() -> Iterator[Page]:
    url = "https://www.flyerguide.com/best-and-worst-airlines-2024/"
    best = ["Qatar Airways", "Singapore Airlines", "Emirates", "ANA", "Cathay Pacific", "Japan Airlines", "Turkish Airlines", "EVA Air", "Air France", "Swiss"]
    worst = ["Airline Alpha", "Budget Air", "SkyCheap", "FlyNow", "JetLow"]
    b = "".join(f'<h3>{i}. {esc(h)}</h3><img src="https://flyerguide.com/best/{i}.jpg" alt="" width="900" height="600"><p>{cap(i, 1)}</p>' for i, h in enumerate(best, 1))
    w = "".join(f'<h3>{i}. {esc(h)}</h3><img src="https://flyerguide.com/worst/{i}.jpg" alt="" width="900" height="600"><p>{cap(i+3, 1)}</p>' for i, h in enumerate(worst, 1))
    html_ = std_page(url, "The 10 Best and 5 Worst Airlines of 2024", f"<p>Based on 120,000 passenger reviews.</p><h2>The 10 Best Airlines</h2>{b}<h2>The 5 Worst Airlines</h2>{w}", site="Flyer Guide")
    yield Page("M06_two_lists_restart", html_, L(url, 15, best[0], worst[-1], list(range(1, 11)) + list(range(1, 6)), "Two numbered lists (10 best, 5 worst) under h2 sections, numbering restarts", imgs=1))

# I: titles that start with numbers (numbered list of TV shows with numeric names)
def q07() -> Iterator[Page]:
    url = "https://www.tvbuzz.com/best-sitcoms-ever/"
    heads = ["30 Rock", "3rd Rock from the Sun", "Seinfeld", "2 Broke Girls", "Parks and Recreation", "8 Simple Rules", "Brooklyn Nine-Nine", "227", "Friends", "1600 Penn"]
    body = "".join(f'<h2>{i}. {esc(h)}</h2><img src="https://tvbuzz.com/sitcom/{i}.jpg" alt="" width="800" height="450"><p>{cap(i, 2)}</p><p class="credit">Photo: NBC</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "10 Best Sitcoms Ever Made", body, site="TV Buzz")
    yield Page("M07_titles_starting_with_digits", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "h2 '1. 30 Rock', '4. 2 Broke Girls', '8. 227' — item titles that begin with digits", imgs=1))

def q08() -> Iterator[Page]:  # unnumbered, names start with digits (dystopian novels)
    url = "https://www.bookriot-like.com/dystopian-novels-everyone-should-read/"
    heads = ["1984 by George Orwell", "Brave New World by Aldous Huxley", "Fahrenheit 451 by Ray Bradbury", "The Handmaid's Tale by Margaret Atwood", "2312 by Kim Stanley Robinson", "We by Yevgeny Zamyatin", "The Road by Cormac McCarthy"]
    body = "".join(f'<h2>{esc(h)}</h2><img src="https://bookriot-like.com/covers/{i}.jpg" alt="Book cover" width="400" height="600"><p>{cap(i, 3)}</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "Dystopian Novels Everyone Should Read at Least Once", "<p>Grim, but essential.</p>" + body, site="Book Riot")
    yield Page("M08_unnumbered_titles_with_digits", html_, L(url, 7, heads[0], heads[-1], [None] * 7, "Unnumbered h2 book titles where '1984', '2312', 'Fahrenheit 451' contain numbers; no count in title", imgs=1))

# J: emoji keycap numbers
def q09() -> Iterator[Page]:
    url = "https://www.socialsavvy.co/instagram-caption-ideas/"
    keys = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]
    heads = ["Use a question", "Tell a micro-story", "Add a call to action", "Keep it short", "Use line breaks", "Add emojis sparingly", "Share a behind-the-scenes fact", "Quote someone", "Use a pun", "End with a hashtag"]
    body = "".join(f'<h3>{k} {esc(h)}</h3><p><img src="https://socialsavvy.co/img/cap{i}.png" alt="" width="1080" height="1080"></p><p>{cap(i, 2)}</p>' for i, (k, h) in enumerate(zip(keys, heads, strict=True), 1))
    html_ = std_page(url, "10 Instagram Caption Ideas That Boost Engagement", body, site="Social Savvy")
    yield Page("M09_emoji_keycap_numbers", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "h3 '1️⃣ Title' keycap emoji numbers, '🔟' for ten", imgs=1))

def q10() -> Iterator[Page]:  # "(1)" and "1/" style
    url = "https://www.nerdwallet-like.com/ways-to-build-credit/"
    heads = ["Pay on time", "Keep utilization under 30%", "Become an authorized user", "Get a secured card", "Don't close old accounts", "Use Experian Boost"]
    body = "".join(f'<h2>({i}) {esc(h)}</h2><img src="https://nerdwallet-like.com/img/credit{i}.jpg" width="700" height="400" alt=""><p>{cap(i, 2)}</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "6 Ways to Build Credit Fast", body, site="NerdWallet")
    yield Page("M10_paren_numbers", html_, L(url, 6, heads[0], heads[-1], list(range(1, 7)), "h2 '(1) Title' parenthesised numbers", imgs=1))

# Russian №
def q11() -> Iterator[Page]:
    url = "https://www.puteshestvie.ru/10-luchshih-mest-rossii/"
    heads = ["Озеро Байкал", "Кижи", "Долина гейзеров", "Эльбрус", "Куршская коса", "Плато Путорана", "Столбы Выветривания", "Алтай", "Соловки", "Казанский Кремль"]
    body = "".join(f'<h2>№{i}. {esc(h)}</h2><img src="https://puteshestvie.ru/img/{i}.jpg" alt="{esc(h)}" width="900" height="600"><p>Сюда стоит приехать летом, когда дороги открыты. Билет стоит около {i*300} рублей.</p><p class="foto">Фото: Shutterstock</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "10 лучших мест России, которые стоит увидеть", body, site="Путешествие", lang="ru")
    yield Page("M11_ru_numero", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "Russian h2 '№1. Title'", imgs=1))

# Chinese 一、
def q12() -> Iterator[Page]:
    url = "https://www.lvyou-example.cn/article/8-places-yunnan"
    cn = "一二三四五六七八"
    heads = ["丽江古城", "大理洱海", "玉龙雪山", "香格里拉", "西双版纳", "元阳梯田", "泸沽湖", "虎跳峡"]
    body = "".join(f'<h2>{cn[i-1]}、{h}</h2><p><img src="https://img.lvyou-example.cn/yn/{i}.jpg" alt="{h}"></p><p>这里风景优美，适合春秋两季前往。门票约{i*20}元。</p><p>图片来源：视觉中国</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "云南最值得去的8个地方", body, site="旅游网", lang="zh-CN")
    yield Page("M12_zh_chinese_numerals", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "Chinese h2 '一、丽江古城' (CJK numerals + ideographic comma), title '8个'", imgs=1, numbers_alt=[None] * 8))

# Korean 1위
def q13() -> Iterator[Page]:
    url = "https://www.example-kr.com/travel/seoul-cafe-top7"
    heads = ["어니언 성수", "카페 레이어드", "대림창고", "테라로사", "앤트러사이트", "블루보틀 삼청", "프릳츠"]
    body = "".join(f'<h3>{i}위. {h}</h3><img src="https://img.example-kr.com/cafe/{i}.jpg" alt="{h}" width="800" height="600"><p>분위기가 좋고 커피 맛도 훌륭하다. 주말에는 대기 시간이 {i*5}분 정도다.</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "서울 카페 추천 TOP 7", body, site="여행매거진", lang="ko")
    yield Page("M13_ko_wi", html_, L(url, 7, heads[0], heads[-1], list(range(1, 8)), "Korean h3 '1위. Name'", imgs=1))

# Portuguese 1º
def q14() -> Iterator[Page]:
    url = "https://www.viagem-exemplo.com.br/melhores-praias-do-brasil/"
    heads = ["Baía do Sancho (PE)", "Praia do Espelho (BA)", "Jericoacoara (CE)", "Lopes Mendes (RJ)", "Praia dos Carneiros (PE)", "Praia do Forte (BA)"]
    body = "".join(f'<h2>{i}º – {esc(h)}</h2><figure><img src="https://viagem-exemplo.com.br/praias/{i}.jpg" alt="" width="1000" height="667"><figcaption>Foto: Divulgação</figcaption></figure><p>Água cristalina e areia branca. Melhor época: de setembro a março.</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "As 6 melhores praias do Brasil em 2024", body, site="Viagem", lang="pt-BR")
    yield Page("M14_pt_ordinal", html_, L(url, 6, heads[0], heads[-1], list(range(1, 7)), "Portuguese h2 '1º – Praia' ordinal indicator", imgs=1))

# Arabic with Arabic-Indic digits
def q15() -> Iterator[Page]:
    url = "https://www.safar-example.com/ar/top-5-places-morocco"
    ad = "١٢٣٤٥"
    heads = ["مراكش", "شفشاون", "فاس", "الصويرة", "مرزوكة"]
    body = "".join(f'<h2>{ad[i-1]}. {h}</h2><img src="https://safar-example.com/img/ma{i}.jpg" alt="{h}" width="900" height="600"><p>مدينة جميلة تستحق الزيارة في فصل الربيع.</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "أفضل ٥ أماكن لزيارتها في المغرب", body, site="سفر", lang="ar").replace('<html lang="ar">', '<html lang="ar" dir="rtl">')
    yield Page("M15_ar_indic_digits", html_, L(url, 5, heads[0], heads[-1], list(range(1, 6)), "Arabic RTL, h2 '١. مراكش' Arabic-Indic digits", imgs=1))

# K: single-page carousel slideshow
def q16() -> Iterator[Page]:
    url = "https://www.newsweek-like.com/photos/wildlife-photographer-of-the-year-2023"
    caps = ["A snow leopard in the Himalayas", "Orcas hunting off Norway", "A fox in the Arctic", "Elephants at a waterhole", "A macaque in the rain", "Penguins in a blizzard", "A tiger in Ranthambore", "Fireflies in a forest", "A humpback breaching", "An owl at dusk", "Flamingos from above", "A gorilla family"]
    slides = "".join(f'<li class="gallery-slide" data-slide-index="{i-1}" aria-roledescription="slide" aria-label="{i} of 12"><figure><img class="gallery-img" data-lazy="https://d.newsweek-like.com/en/full/{2000+i}/wpy-{i}.jpg" src="https://d.newsweek-like.com/en/full/{2000+i}/wpy-{i}.jpg?w=100" alt="{esc(c)}"><figcaption><span class="slide-counter">{i} / 12</span><p class="slide-caption">{esc(c)}. {SENT[i % 12]}</p><span class="slide-credit">Photographer {i}/Wildlife Photographer of the Year</span></figcaption></figure></li>' for i, c in enumerate(caps, 1))
    html_ = std_page(url, "Wildlife Photographer of the Year 2023: The Winning Photos", f'<p>The winners were announced Tuesday at London\'s Natural History Museum.</p><div class="gallery-carousel" data-gallery-id="88"><button class="prev">‹</button><ul class="slides">{slides}</ul><button class="next">›</button></div><p>The exhibition runs until June.</p>', site="Newsweek")
    yield Page("M16_single_page_carousel", html_, L(url, 12, None, None, list(range(1, 13)), "Single-page carousel: ul > li slides with figure, figcaption '3 / 12' counter + caption + credit, no headings", imgs=1, numbers_alt=[None] * 12, heading_any=True))

# M: heading inside figcaption after image
def q17() -> Iterator[Page]:
    url = "https://www.petapixel-like.com/drone-photo-awards-winners/"
    heads = ["Salt Flats of Bolivia", "Tulip Fields, Netherlands", "Icebergs in Greenland", "Rice Terraces, Vietnam", "Flamingo Lake, Kenya", "Highway Interchange, Shanghai", "Lavender Rows, Provence", "Sand Dunes, Namibia", "Beach Umbrellas, Italy"]
    body = "".join(f'<figure class="award-photo"><img src="https://petapixel-like.com/drone/{i}.jpg" alt="" width="1600" height="1067"><figcaption><h3>{i}. {esc(h)}</h3><p>{SENT[i % 12]}</p><p class="credit">© Pilot Name {i} / Drone Awards</p></figcaption></figure>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "9 Stunning Winners of the Drone Photo Awards", "<p>The jury picked these from 8,000 entries.</p>" + body, site="PetaPixel")
    yield Page("M17_heading_inside_figcaption", html_, L(url, 9, heads[0], heads[-1], list(range(1, 10)), "figure > img + figcaption > h3 '1. Title' + p + credit (heading after its image, inside figure)", imgs=1))

# N: div soup styled headings
def q18() -> Iterator[Page]:
    url = "https://www.viralstories.info/weird-laws-around-the-world/"
    heads = ["No Chewing Gum in Singapore", "No High Heels at the Acropolis", "No Feeding Pigeons in Venice", "Mandatory Breathalyzer in France", "No Running Out of Petrol on the Autobahn", "No Camouflage in Barbados", "Sunday Silence in Switzerland", "No Goldfish Bowls in Rome"]
    body = "".join(f'<div class="post-item"><div class="post-item-title" style="font-size:26px;font-weight:700;margin:30px 0 10px">{i}. {esc(h)}</div><div class="post-item-img"><img src="https://viralstories.info/img/law{i}.jpg" width="760" height="500" alt=""></div><div class="post-item-text">{cap(i, 2)}</div><div class="post-item-source">Source: <a href="https://example.org/{i}">example.org</a></div></div>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "8 Weird Laws Around the World", body, site="Viral Stories")
    yield Page("M18_div_soup_styled_titles", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "No heading tags: div.post-item-title with inline bold/large style, text in divs not <p>", imgs=1))

# O: Next.js JSON only
def q19() -> Iterator[Page]:
    url = "https://www.modernmag.com/lists/best-coffee-cities"
    cities = ["Melbourne", "Seattle", "Oslo", "Vienna", "Portland", "Tokyo", "Bogotá"]
    blocks: list[dict[str, object]] = [{"type": "paragraph", "text": "Where to find the best cup on earth."}]
    for i, c in enumerate(cities, 1):
        blocks.append({"type": "list-item", "rank": i, "title": c, "image": {"src": f"https://images.modernmag.com/coffee/{i}.jpg", "alt": c, "credit": "Getty"}, "body": cap(i, 2)})
    data = {"props": {"pageProps": {"article": {"headline": "The 7 Best Coffee Cities in the World", "blocks": blocks}}}, "page": "/lists/[slug]", "buildId": "abc123"}
    html_ = head("The 7 Best Coffee Cities in the World", url, site="Modern Mag") + f'<body><div id="__next"><header><a href="/">Modern Mag</a></header><main><h1>The 7 Best Coffee Cities in the World</h1><div class="skeleton" aria-busy="true"></div></main></div><script id="__NEXT_DATA__" type="application/json">{_json.dumps(data)}</script><script src="/_next/static/chunks/main.js" defer></script></body></html>'
    yield Page("M19_nextjs_json_only", html_, L(url, 7, cities[0], cities[-1], list(range(1, 8)), "JS-rendered: items only in __NEXT_DATA__ JSON blocks (type list-item, rank, title, image.src)", numbers_alt=[None] * 7))

# S: <br> between number and title in heading, number in big span
def q20() -> Iterator[Page]:
    url = "https://www.healthline-like.com/foods-high-in-protein"
    heads = ["Eggs", "Chicken Breast", "Greek Yogurt", "Lentils", "Salmon", "Cottage Cheese", "Almonds", "Tofu", "Quinoa"]
    body = "".join(f'<h2 class="item-heading"><span class="item-num">{i}</span><br>{esc(h)}</h2><img src="https://healthline-like.com/protein/{i}.jpg" alt="" width="800" height="533"><p>Protein: {6+i*2} grams per serving. {cap(i, 1)}</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "9 Delicious Foods High in Protein", body, site="Healthline")
    yield Page("M20_br_between_number_title", html_, L(url, 9, heads[0], heads[-1], list(range(1, 10)), "h2 <span>1</span><br>Title (number and title separated only by <br>)", imgs=1))

# CC: roman numerals
def q21() -> Iterator[Page]:
    url = "https://www.classicalnotes.org/greatest-symphonies/"
    rom = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    heads = ["Beethoven: Symphony No. 9", "Mahler: Symphony No. 2", "Mozart: Symphony No. 41", "Brahms: Symphony No. 4", "Dvořák: Symphony No. 9", "Tchaikovsky: Symphony No. 6", "Beethoven: Symphony No. 3", "Sibelius: Symphony No. 5", "Shostakovich: Symphony No. 5", "Berlioz: Symphonie fantastique"]
    body = "".join(f'<h2>{r}. {esc(h)}</h2><img src="https://classicalnotes.org/img/sym{i}.jpg" width="600" height="400" alt=""><p>{cap(i, 2)}</p>' for i, (r, h) in enumerate(zip(rom, heads, strict=True), 1))
    html_ = std_page(url, "The 10 Greatest Symphonies Ever Written", body, site="Classical Notes")
    yield Page("M21_roman_numerals_with_no_in_titles", html_, L(url, 10, heads[0], heads[-1], list(range(1, 11)), "Roman numeral items 'I. Beethoven: Symphony No. 9' — titles contain 'No. 9'", imgs=1))

# DD: duplicate responsive headings via classes
def q22() -> Iterator[Page]:
    url = "https://www.styletrends.com/fall-fashion-trends/"
    heads = ["Burgundy Everything", "Leather Trench Coats", "Sheer Layers", "Oversized Blazers", "Ballet Flats", "Fringe", "Metallic Accessories", "Knee-High Boots"]
    body = "".join(f'<div class="trend"><h2 class="trend-title d-none d-md-block">{i}. {esc(h)}</h2><h2 class="trend-title d-block d-md-none">{i}. {esc(h)}</h2><picture><source media="(max-width: 767px)" srcset="https://styletrends.com/img/m/{i}.jpg"><img src="https://styletrends.com/img/d/{i}.jpg" alt="" width="1200" height="800"></picture><p>{cap(i, 2)}</p><p class="credit">Photo: Launchmetrics</p></div>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "8 Fall Fashion Trends to Try Now", body, site="Style Trends")
    yield Page("M22_duplicate_responsive_headings", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "Each h2 duplicated for desktop/mobile via Bootstrap classes d-none/d-md-block (CSS-hidden, not inline)", imgs=1))

# HH: countdown over 2 pages
def q23() -> Iterator[Page]:
    base = "https://www.rankingz.com/most-expensive-cars"
    cars = {10: "Ferrari LaFerrari", 9: "Lamborghini Sián", 8: "McLaren Elva", 7: "Koenigsegg Jesko", 6: "Bugatti Chiron", 5: "Pagani Huayra Codalunga", 4: "Bugatti Centodieci", 3: "Rolls-Royce Sweptail", 2: "Bugatti La Voiture Noire", 1: "Rolls-Royce Boat Tail"}
    for p, rng in ((1, range(10, 5, -1)), (2, range(5, 0, -1))):
        url = base + "/" if p == 1 else base + "/2/"
        nxt = base + "/2/" if p == 1 else None
        body = "".join(f'<h2>#{n} {esc(cars[n])}</h2><img src="https://rankingz.com/cars/{n}.jpg" alt="" width="1000" height="600"><p><strong>Price:</strong> ${n*1.3+2:.1f} million</p><p>{cap(n, 1)}</p>' for n in rng)
        pg = f'<div class="pagination"><a class="nextpostslink" rel="next" href="{nxt}">Continue to #5 »</a></div>' if nxt else f'<div class="pagination"><a class="previouspostslink" rel="prev" href="{base}/">« Back to #10–#6</a></div>'
        html_ = std_page(url, "The 10 Most Expensive Cars in the World", body + pg, site="Rankingz", extra=(f'<link rel="next" href="{nxt}">' if nxt else f'<link rel="prev" href="{base}/">'))
        ns = list(rng)
        yield Page(f"M23_countdown_2pages_p{p}", html_, L(url, 5, cars[ns[0]], cars[ns[-1]], ns, "Countdown over 2 pages (#10..#6, #5..#1), 'Continue to #5' link", next=nxt, imgs=1))

# Z: Bored Panda people-share with no headings (number + image + quote)
def q24() -> Iterator[Page]:
    url = "https://www.boredpanda.com/people-share-weird-things-grandparents-house/"
    body: list[str] = []
    for i in range(1, 16):
        body.append(f'''<div class="open-list-item open-list-block clearfix"><div class="post-content-description"><span class="order-number">#{i}</span></div><div class="bordered-description">"{SENT[i % 12]} {SENT[(i + 5) % 12]}"</div><div class="image-size-full"><img src="https://www.boredpanda.com/blog/wp-content/uploads/2023/07/grandparents-{i}.jpg" alt="" width="640" height="{480+i}"></div><div class="image-source-wrap"><span class="image-source-title">Image credits:</span> <a class="image-source-link" href="https://reddit.com/u/user{i}">user{i}</a></div><div class="open-list-footer"><span class="points-count">{900-i*20}</span> points</div></div>''')
    html_ = head("People Share The Weirdest Things They Found In Their Grandparents' House (15 Pics)", url, site="Bored Panda") + '<body>' + nav("Bored Panda") + \
        f'<div class="post-content"><h1 class="post-title">People Share The Weirdest Things They Found In Their Grandparents\' House (15 Pics)</h1><div class="intro"><p>Grandparents keep everything.</p></div><div class="open-list-items">{"".join(body)}</div></div>' + footer("Bored Panda")
    yield Page("M24_boredpanda_no_headings", html_, L(url, 15, None, None, list(range(1, 16)), "Bored Panda people-share: '#N' span alone, quote text in div, no heading text", imgs=1, heading_any=True))

# KK: bonus item
def q25() -> Iterator[Page]:
    url = "https://www.diyproject.com/uses-for-mason-jars/"
    heads = ["Herb Garden", "Soap Dispenser", "Pendant Lights", "Salad Jars", "Candle Holders", "Bathroom Organizer", "Piggy Bank", "Snow Globe"]
    body = "".join(f'<h2>{i}. {esc(h)}</h2><img src="https://diyproject.com/jars/{i}.jpg" alt="" width="700" height="900"><p>{cap(i, 2)}</p>' for i, h in enumerate(heads, 1))
    body += '<h2>Bonus: Mason Jar Cocktail Shaker</h2><img src="https://diyproject.com/jars/bonus.jpg" alt="" width="700" height="900"><p>Screw the lid on tight.</p>'
    html_ = std_page(url, "8 Genius Uses for Mason Jars", body, site="DIY Project")
    yield Page("M25_bonus_item", html_, L(url, 9, heads[0], "Mason Jar Cocktail Shaker", [*range(1, 9), None], "8 numbered items + 'Bonus: …' h2 with image (judgment: bonus is an item)", imgs=1, heading_lenient=True, alt=dict(count=8, last="Snow Globe", numbers=list(range(1, 9)))))

# W: ol split by ad with start attribute, items = li with h3 + img
def q26() -> Iterator[Page]:
    url = "https://www.smarthome-tips.com/alexa-commands/"
    heads = ["“Alexa, drop in”", "“Alexa, where is my phone?”", "“Alexa, whisper mode”", "“Alexa, start my day”", "“Alexa, what’s on my calendar?”", "“Alexa, open Sleep Sounds”", "“Alexa, turn on guard mode”", "“Alexa, flip a coin”", "“Alexa, add milk to my list”", "“Alexa, read my Kindle book”", "“Alexa, find my keys”", "“Alexa, good night”"]
    def lis(rng: range) -> str:
        return "".join(f'<li><h3>{esc(heads[i-1])}</h3><img src="https://smarthome-tips.com/alexa/{i}.png" width="600" height="338" alt=""><p>{cap(i, 1)}</p></li>' for i in rng)
    body = f'<ol>{lis(range(1, 5))}</ol><div class="ad-inline">Advertisement</div><ol start="5">{lis(range(5, 9))}</ol><div class="newsletter"><h3>Get 3 smart home tips every week</h3></div><ol start="9">{lis(range(9, 13))}</ol>'
    html_ = std_page(url, "12 Alexa Commands You Didn't Know Existed", body, site="Smart Home Tips")
    yield Page("M26_ol_split_by_ads_start", html_, L(url, 12, heads[0], heads[-1], list(range(1, 13)), "<ol> of li(h3 quote title + img) split by ad/newsletter into 3 <ol>, start=5, start=9", imgs=1, heading_lenient=True))

# Extra: heading number after title "Title (#3)" e.g. ranking of universities "1 |" pipe, and heading wrapped inside <a name>
def q27() -> Iterator[Page]:
    url = "https://www.edurank-like.com/top-universities-europe/"
    heads = ["University of Oxford", "ETH Zurich", "University of Cambridge", "Imperial College London", "UCL", "EPFL", "TU Munich", "KU Leuven"]
    body = "".join(f'<h3><a name="u{i}"></a>{i} | {esc(h)}</h3><img src="https://edurank-like.com/uni/{i}.jpg" width="800" height="500" alt=""><p>Founded in {1100+i*90}. Students: {10+i*3},000.</p><p>{cap(i, 1)}</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "Top 8 Universities in Europe (2024 Ranking)", body, site="EduRank")
    yield Page("M27_pipe_separator", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "h3 '1 | University' pipe separator, founded years in text", imgs=1))

# Listicle with caption paragraphs starting with numbers ("3 tablespoons…") and unnumbered h2 + title count
def q28() -> Iterator[Page]:
    url = "https://www.cookingclassy-like.com/smoothie-recipes/"
    heads = ["Green Detox Smoothie", "Berry Blast", "Peanut Butter Banana", "Mango Lassi Smoothie", "Chocolate Cherry", "Pineapple Ginger"]
    body = "".join(f'<h2>{esc(h)}</h2><img src="https://cookingclassy-like.com/smoothie/{i}.jpg" width="600" height="900" alt=""><p>{i+1} cups of fruit, 1 cup of milk and 2 tablespoons of honey. {cap(i, 1)}</p><p>1. Blend. 2. Pour. 3. Enjoy.</p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "6 Healthy Smoothie Recipes for Breakfast", body, site="Cooking Classy")
    yield Page("M28_unnumbered_h2_numbered_sentences", html_, L(url, 6, heads[0], heads[-1], [None] * 6, "Unnumbered h2 items whose body paragraphs are '1. Blend. 2. Pour. 3. Enjoy.'; title count 6", imgs=1))


# isolating variants for M01
def q29() -> Iterator[Page]:
    url = "https://www.decorinspo.com/living-room-ideas/"
    heads = ["Float the Sofa", "Mix Metals", "Add a Gallery Wall", "Go Bold on the Ceiling", "Layer Rugs", "Use a Round Mirror", "Add Texture", "Style the Shelves"]
    body = "".join(f'<figure class="wp-block-image size-large"><img src="https://www.decorinspo.com/wp-content/uploads/lr-{i}.jpg" alt="" width="800" height="1000"></figure><h2 class="wp-block-heading">{i}. {esc(h)}</h2><p>{cap(i, 2)}</p><p><em>Photo: @studio_{i}</em></p>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "8 Living Room Ideas Designers Love", "<p>Refresh without a renovation.</p>" + body, site="Decor Inspo")
    yield Page("M29_image_before_heading_plain", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "Plain Gutenberg, image figure BEFORE each h2 '1. Title' in the same container", imgs=1))

def q30() -> Iterator[Page]:
    url = "https://www.decorinspo.com/kitchen-island-ideas/"
    heads = ["Waterfall Edge", "Two-Tone Cabinets", "Built-In Seating", "Open Shelving Ends", "Butcher Block Top", "Pendant Trio", "Hidden Outlets", "Wine Fridge"]
    secs = "".join(f'<section class="elementor-section elementor-top-section elementor-element"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h2 class="elementor-heading-title elementor-size-default">{i}. {esc(h)}</h2></div></div><div class="elementor-element elementor-widget elementor-widget-image"><div class="elementor-widget-container"><img src="https://www.decorinspo.com/wp-content/uploads/ki-{i}.jpg" width="800" height="600" alt=""></div></div><div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>{cap(i, 2)}</p></div></div></div></div></div></section>' for i, h in enumerate(heads, 1))
    html_ = std_page(url, "8 Kitchen Island Ideas We Love", f'<div class="elementor elementor-77">{secs}</div>', site="Decor Inspo")
    yield Page("M30_elementor_heading_first", html_, L(url, 8, heads[0], heads[-1], list(range(1, 9)), "Elementor: heading widget, then image widget, then text widget, each in its own wrapper div", imgs=1))


def q31() -> Iterator[Page]:  # unsupported marker + no count in title
    url = "https://www.socialsavvy.co/tiktok-hook-ideas/"
    keys = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣"]
    heads = ["Start with the ending", "Ask a weird question", "Show the mess first", "Use a bold claim", "Point at text", "Start mid-sentence", "Break a rule"]
    body = "".join(f'<h3>{k} {esc(h)}</h3><p><img src="https://socialsavvy.co/img/hook{i}.png" alt="" width="1080" height="1920"></p><p>{cap(i, 2)}</p>' for i, (k, h) in enumerate(zip(keys, heads, strict=True), 1))
    html_ = std_page(url, "TikTok Hook Ideas That Stop the Scroll", body, site="Social Savvy")
    yield Page("M31_keycap_numbers_no_title_count", html_, L(url, 7, heads[0], heads[-1], list(range(1, 8)), "h3 '1️⃣ Title' keycap numbers and NO count in title", imgs=1))


GENERATORS: tuple[Callable[[], Iterator[Page]], ...] = (q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22, q23, q24, q25, q26, q27, q28, q29, q30, q31)
