# ruff: noqa: E501
# fmt: off
"""The chrome and text pools the tester's pages share (``common.py`` of their red-team folder):
English, German, French, Japanese and Spanish sentences, a WordPress-like sidebar, and ``chrome``,
which wraps an article in head, masthead, navigation, sidebar and footer.

Kept as written, typed. The set draws nothing at random and calls no ``hash()``: every run builds
the same bytes.
"""

from __future__ import annotations

import html as _h
from collections.abc import Sequence

__all__ = ["DE", "EN", "ES", "FR", "JA", "SIDEBAR", "chrome", "esc", "txt"]

EN = [
    "Perched on a windswept headland, it has guided sailors since the nineteenth century.",
    "Locals swear the best time to visit is just after sunrise, before the tour buses arrive.",
    "The whitewashed tower was restored in 2012 after decades of neglect and storm damage.",
    "Visitors can climb 219 steps to the gallery for a view across the entire bay.",
    "Its red and white stripes make it one of the most photographed landmarks on the coast.",
    "A small museum in the keeper's cottage tells the story of the families who lived here.",
    "Reaching it requires a short ferry ride and a walk across the tidal flats at low water.",
    "Built from local granite, the structure has survived more than a dozen major hurricanes.",
    "At night the beam can be seen from nearly thirty kilometres out to sea.",
    "The surrounding nature reserve is home to puffins, seals and rare coastal orchids.",
    "Photographers flock here in autumn, when the fog rolls in and softens the light.",
    "The original Fresnel lens is still on display in the lantern room upstairs.",
    "A narrow causeway connects the rock to the mainland, but only for a few hours a day.",
    "Legend has it that a ghostly keeper still climbs the stairs on stormy nights.",
    "The café at the foot of the tower serves what many call the best chowder in the region.",
    "Few places feel as remote, yet it is only an hour's drive from the nearest city.",
    "In summer, guided tours run every half hour and tickets often sell out by noon.",
    "The tower leans slightly, a quirk engineers have monitored closely since the 1980s.",
    "Its keeper's logbooks, now digitised, record more than a century of shipwrecks.",
    "Cyclists can reach it on a scenic coastal path that winds past sheltered coves.",
    "The beach below is covered in smooth black pebbles polished by the relentless surf.",
    "A solar panel array now powers the light, replacing the old paraffin lamps.",
    "Whale watchers gather on the cliffs each spring to spot migrating humpbacks.",
    "Sunset here paints the white walls in shades of pink, orange and deep violet.",
    "The building has appeared in at least four feature films and countless adverts.",
]
DE = [
    "Hoch über dem Tal thront die Burg seit dem zwölften Jahrhundert auf einem Felsen.",
    "Besucher erreichen den Eingang über einen steilen Fußweg durch den Buchenwald.",
    "Im Sommer finden im Innenhof regelmäßig Konzerte und Theateraufführungen statt.",
    "Die Führung dauert etwa eine Stunde und ist auch für Kinder gut geeignet.",
    "Vom Bergfried aus reicht der Blick bei klarem Wetter bis zu den Alpen.",
    "Nach einem Brand im Jahr 1820 wurde die Anlage aufwendig wieder aufgebaut.",
    "Das kleine Museum zeigt Rüstungen, Waffen und Alltagsgegenstände der Burgbewohner.",
    "Parkplätze gibt es am Fuß des Berges, von dort fährt ein Shuttlebus nach oben.",
    "Wer früh kommt, hat die prächtigen Säle fast ganz für sich allein.",
    "Der Rittersaal gilt als einer der schönsten gotischen Räume in ganz Süddeutschland.",
]
FR = [
    "Accroché à flanc de colline, le village domine une vallée couverte de lavande.",
    "Ses ruelles pavées mènent à une église romane du douzième siècle.",
    "Le marché du mardi matin attire les habitants de toute la région.",
    "On y accède par une route sinueuse bordée de vignes et d'oliviers.",
    "Les maisons en pierre dorée prennent une teinte magnifique au coucher du soleil.",
    "Un petit musée retrace l'histoire des artisans potiers qui ont fait sa renommée.",
    "En été, les terrasses des cafés débordent sur la place centrale.",
    "Le château en ruine offre une vue imprenable sur la mer Méditerranée.",
    "Classé parmi les plus beaux villages de France, il compte à peine trois cents habitants.",
    "Les randonneurs apprécient les sentiers balisés qui partent du lavoir.",
]
JA = [
    "清水の舞台から眺める京都の街並みは、四季を通じて訪れる人々を魅了しています。",
    "早朝に訪れると、観光客が少なく静かな雰囲気の中で参拝することができます。",
    "境内には樹齢数百年の杉の木が立ち並び、神秘的な空気に包まれています。",
    "春には約千本の桜が咲き誇り、夜間のライトアップも大変人気があります。",
    "最寄り駅から徒歩十五分ほどで、途中には老舗の和菓子店が軒を連ねています。",
    "秋の紅葉シーズンには、庭園一面が真っ赤に染まり息をのむ美しさです。",
    "拝観料は大人五百円で、英語の音声ガイドも用意されています。",
    "寺院の奥にある竹林の小径は、写真撮影スポットとしても知られています。",
]
ES = [
    "Situada entre acantilados, esta cala de aguas turquesas es un secreto bien guardado.",
    "Se llega tras una caminata de veinte minutos por un sendero entre pinos.",
    "En verano conviene madrugar, porque el aparcamiento se llena antes de las diez.",
    "El chiringuito de la playa sirve un arroz negro que merece el viaje por sí solo.",
    "Sus aguas tranquilas la convierten en un lugar ideal para hacer esnórquel.",
    "Los atardeceres desde el mirador cercano son de los más bonitos de la costa.",
    "La arena es fina y dorada, y la playa apenas tiene cincuenta metros de largo.",
    "Fue declarada espacio natural protegido en 1998 y conserva su aspecto salvaje.",
    "En temporada alta hay un barco que la conecta con el puerto más cercano.",
    "Los pescadores del pueblo todavía varan sus barcas en un extremo de la arena.",
]

def txt(pool: Sequence[str], i: int, n: int = 2) -> str:
    """Distinct prose for item i: n consecutive sentences from the pool."""
    return " ".join(pool[(i * n + k) % len(pool)] for k in range(n))

def esc(s: str) -> str:
    return _h.escape(s, quote=True)

SIDEBAR = """<aside class="sidebar widget-area">
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
<li><a href="/2024/03/spring-hikes/">Ten spring hikes you can do in a day</a></li>
<li><a href="/2024/02/winter-coats/">The warmest winter coats we tested</a></li>
<li><a href="/2024/01/best-bakeries/">Our favourite bakeries in the city</a></li></ul></section>
<section class="widget"><h2 class="widget-title">Follow us</h2><a href="https://facebook.com/x"><img src="/static/fb.svg" width="24" height="24" alt="Facebook"></a> <a href="https://twitter.com/x"><img src="/static/tw.svg" width="24" height="24" alt="Twitter"></a></section>
</aside>"""

def chrome(
    title: str,
    body: str,
    site: str = "Example",
    lang: str = "en",
    head: str = "",
    sidebar: bool = True,
    nav: list[str] | None = None,
) -> str:
    nav = nav or ["News", "Travel", "Food", "Style", "About"]
    navh = "".join(f'<li><a href="/{n.lower()}/">{n}</a></li>' for n in nav)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {esc(site)}</title>
<meta property="og:title" content="{esc(title)}"><meta property="og:site_name" content="{esc(site)}">
{head}
</head><body class="single single-post">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home"><img src="/static/logo.png" class="custom-logo" alt="{esc(site)}" width="180" height="40"></a></div>
<nav id="site-navigation" class="main-navigation"><ul class="menu">{navh}</ul></nav></header>
<div id="content" class="site-content">
{body}
{SIDEBAR if sidebar else ''}
</div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2024 {esc(site)}. All rights reserved. <a href="/privacy/">Privacy policy</a> · <a href="/contact/">Contact</a></div></footer>
<script src="/static/app.js"></script>
</body></html>"""
