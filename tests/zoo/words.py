"""Word banks for the zoo's pages: English, German and Japanese, enough that no two articles read
alike. Headings are built from parts (adjective + feature + place, brand + product + model, ...),
sentences from small templates, so every article is different text drawn from a seeded RNG."""

from __future__ import annotations

import random
from collections.abc import Callable

# -- people and places ------------------------------------------------------------------------------
FIRST_NAMES = [
    "Anna",
    "Jonas",
    "Maya",
    "Tomasz",
    "Ingrid",
    "Lucas",
    "Priya",
    "Omar",
    "Helena",
    "Felix",
    "Sofia",
    "Daniel",
    "Keiko",
    "Marco",
    "Elif",
    "Rafael",
    "Nora",
    "Samuel",
    "Leila",
    "Victor",
    "Clara",
    "Mateo",
    "Hannah",
    "Yusuf",
    "Greta",
    "Arjun",
    "Lena",
    "Tobias",
    "Chloe",
    "Kenji",
]
LAST_NAMES = [
    "Keller",
    "Berger",
    "Huniewicz",
    "Lindqvist",
    "Okafor",
    "Marchetti",
    "Novak",
    "Hargreaves",
    "Delacroix",
    "Brandt",
    "Castillo",
    "Yamamoto",
    "Kowalski",
    "Fitzgerald",
    "Moreau",
    "Schneider",
    "Nakamura",
    "Haddad",
    "Petrov",
    "Van Dijk",
    "Oyelaran",
    "Sandoval",
    "Whitfield",
    "Abernathy",
]
AGENCIES = [
    "Getty Images",
    "Wikimedia Commons",
    "Reuters",
    "Shutterstock",
    "Alamy",
    "AP Photo",
    "Unsplash",
    "Flickr",
    "National Archives",
    "Library of Congress",
    "iStock",
    "dpa",
]
_SYLLABLES_START = ["Hal", "Vel", "Kar", "Brun", "Ost", "Mar", "Lind", "Tor", "Ash", "Wester", "Fal", "Gren"]
_SYLLABLES_END = [
    "vik",
    "dale",
    "mouth",
    "by",
    "holm",
    "ford",
    "stead",
    "wick",
    "moor",
    "haven",
    "ness",
    "ton",
]
REGIONS = [
    "Norway",
    "Portugal",
    "Scotland",
    "Japan",
    "Patagonia",
    "the Balkans",
    "Vermont",
    "the Alps",
    "Iceland",
    "New Zealand",
    "Sicily",
    "the Baltic Coast",
    "Andalusia",
    "Tasmania",
    "Quebec",
]


def place(rng: random.Random) -> str:
    return rng.choice(_SYLLABLES_START) + rng.choice(_SYLLABLES_END)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# -- English headings, by topic ---------------------------------------------------------------------
_ADJ = [
    "Hidden",
    "Frozen",
    "Forgotten",
    "Sunken",
    "Crooked",
    "Painted",
    "Whispering",
    "Abandoned",
    "Floating",
    "Copper",
    "Silent",
    "Emerald",
    "Windswept",
    "Ancient",
    "Vanishing",
    "Golden",
]
_FEATURE = [
    "Falls",
    "Lighthouse",
    "Chapel",
    "Salt Flats",
    "Harbour",
    "Stone Bridge",
    "Sea Caves",
    "Pass",
    "Glacier",
    "Market Hall",
    "Lagoon",
    "Tea House",
    "Ferry Pier",
    "Observatory",
    "Dunes",
    "Orchard",
]
_DISH_BASE = [
    "Trout",
    "Lamb Shoulder",
    "Rye Dumplings",
    "Barley Soup",
    "Smoked Eel",
    "Cabbage Rolls",
    "Pork Belly",
    "Mushroom Pie",
    "Clam Chowder",
    "Flatbread",
    "Apple Cake",
    "Herring",
]
_DISH_STYLE = [
    "with Juniper Butter",
    "in Cider Broth",
    "on Charred Leeks",
    "with Sour Cream",
    "and Brown Butter",
    "Baked in Hay",
    "with Pickled Onions",
    "over Open Fire",
    "with Dill Oil",
    "in a Clay Pot",
]
_BRANDS = [
    "Korva",
    "Lumin",
    "Strato",
    "Pebblewave",
    "Northgear",
    "Fennik",
    "Ardent",
    "Moxa",
    "Tallis",
    "Quill",
]
_GADGETS = [
    "Air Earbuds",
    "Desk Lamp",
    "Travel Kettle",
    "Smart Scale",
    "E-Reader",
    "Trail Camera",
    "Mechanical Keyboard",
    "Power Bank",
    "Coffee Grinder",
    "Rain Jacket",
    "Daypack",
    "Headlamp",
]
_MODELS = ["2", "3", "Pro", "Mini", "Max", "X", "SE", "Lite", "One", "Plus"]
_FILM_WORDS_A = ["The Glass", "Midnight", "Signal", "The Last", "Orbit", "Paper", "Iron", "Silver", "Hollow"]
_FILM_WORDS_B = [
    "Harbour",
    "Protocol",
    "Garden",
    "Machine",
    "Horizon",
    "Tide",
    "Archive",
    "Empire",
    "Meridian",
]
_HISTORY_SUBJECT = [
    "Dock workers",
    "Schoolchildren",
    "A tram conductor",
    "Fishermen",
    "Miners",
    "A street vendor",
    "Nurses",
    "Suffragettes",
    "A lamplighter",
    "Factory girls",
    "Railway builders",
    "Ice cutters",
]
_HISTORY_ACTION = [
    "posing at the pier",
    "waiting for the last ferry",
    "lining up for rations",
    "marching through the square",
    "taking a break on the quay",
    "watching the first airship",
    "clearing snow from the tracks",
    "gathering outside the mill",
    "selling oysters by the bridge",
    "testing a new fire engine",
]
MISTAKES = [
    "Skipping the warm-up",
    "Buying shoes that are too small",
    "Ignoring the weather forecast",
    "Packing too much",
    "Forgetting to tell anyone your route",
    "Drinking only when thirsty",
    "Starting too late in the day",
    "Trusting your phone battery",
    "Wearing cotton socks",
    "Going too fast on day one",
    "Leaving the map at home",
    "Not checking the last bus",
    "Underestimating the descent",
    "Carrying cash only",
    "Booking the cheapest hostel blindly",
    "Overwatering your plants",
    "Repotting in winter",
    "Using tap water for everything",
    "Choosing looks over comfort",
    "Skipping travel insurance",
]
TIPS = [
    "Keep a spare charging cable in your day bag",
    "Photograph your passport",
    "Learn ten words of the language",
    "Book the first train of the day",
    "Eat where the taxi drivers eat",
    "Carry a foldable tote",
    "Download offline maps",
    "Pack a headlamp",
    "Ask for the lunch menu",
    "Walk the old town at dawn",
    "Split cash between two pockets",
    "Bring a sink stopper",
    "Check museum free days",
    "Sit on the left side of the bus",
    "Keep a paper copy of your booking",
    "Buy a regional rail pass",
    "Refill water at public fountains",
    "Tip in local currency",
    "Leave one free afternoon",
    "Charge everything the night before",
]
STEPS = [
    "Measure the space twice",
    "Clear and sand the surface",
    "Mark the drill holes",
    "Mix the filler",
    "Fit the brackets",
    "Level the first board",
    "Glue and clamp the joints",
    "Let it dry overnight",
    "Apply the first coat",
    "Sand lightly between coats",
    "Add the second coat",
    "Fit the hardware",
    "Hang it and check the level",
    "Seal the edges",
]
GIFT_PRODUCTS = [
    "Enamel Camping Mug",
    "Linen Apron",
    "Pocket Field Guide",
    "Wool Beanie",
    "Ceramic Pour-Over Set",
    "Leather Card Holder",
    "Scented Candle Trio",
    "Cast-Iron Skillet",
    "Bamboo Chopping Board",
    "Insulated Bottle",
    "Puzzle of the Night Sky",
    "Hand Cream Set",
    "Herb Growing Kit",
    "Vinyl Cleaning Kit",
    "Weekender Bag",
    "Book Light",
]
ALBUM_WORDS = [
    "Harbour Lights",
    "Blue Static",
    "Paper Moons",
    "Northbound",
    "Small Hours",
    "Low Tide",
    "Glass Houses",
    "Ember",
    "Satellite Hearts",
    "Neon Orchard",
    "Quiet Machines",
    "Winter Signal",
]
BAND_NAMES = ["Nightjar Parade", "The Copper Saints", "Lowland Echo", "Velvet Harbour", "Paper Kites Club"]
SECTIONS = ["Spring", "Summer", "Autumn", "Winter", "Budget", "Mid-range", "Splurge"]


def heading(rng: random.Random, topic: str) -> str:
    """One item heading on ``topic`` (travel, food, tech, film, history, gift, animal)."""
    if topic == "travel":
        return f"The {rng.choice(_ADJ)} {rng.choice(_FEATURE)} of {place(rng)}"
    if topic == "food":
        return f"{rng.choice(_DISH_BASE)} {rng.choice(_DISH_STYLE)}"
    if topic == "tech":
        return f"{rng.choice(_BRANDS)} {rng.choice(_GADGETS)} {rng.choice(_MODELS)}"
    if topic == "film":
        return f"{rng.choice(_FILM_WORDS_A)} {rng.choice(_FILM_WORDS_B)} ({rng.randint(1968, 2023)})"
    if topic == "history":
        return f"{rng.choice(_HISTORY_SUBJECT)} {rng.choice(_HISTORY_ACTION)}, {rng.randint(1890, 1965)}"
    if topic == "gift":
        return f"{rng.choice(_BRANDS)} {rng.choice(GIFT_PRODUCTS)}"
    if topic == "album":
        return f"{rng.choice(ALBUM_WORDS)} by {rng.choice(BAND_NAMES)}"
    raise ValueError(topic)


TOPIC_TITLES: dict[str, list[str]] = {
    # {n}: the count; {region}: a region. Title-case, as sites print them.
    "travel": [
        "{n} Hidden Places in {region} Most Tourists Miss",
        "{n} Breathtaking Spots in {region} You Have to See Once",
        "The {n} Most Beautiful Villages in {region}",
    ],
    "food": [
        "{n} Dishes From {region} Worth Travelling For",
        "{n} Comfort Foods Every Visitor to {region} Should Try",
    ],
    "tech": ["The {n} Best Gadgets for Travellers This Year", "{n} Gadgets Our Editors Actually Use"],
    "film": ["The {n} Best Sci-Fi Films of All Time", "{n} Overlooked Films Worth Watching Tonight"],
    "history": [
        "{n} Rare Photos of Everyday Life a Century Ago",
        "{n} Old Photographs That Show How {region} Used to Look",
    ],
    "gift": ["{n} Gifts for People Who Love the Outdoors", "{n} Thoughtful Gifts Under $50"],
    "album": ["The {n} Best Albums of the Decade", "{n} Records That Defined the Summer"],
}
TOPIC_TITLES_UNCOUNTED: dict[str, list[str]] = {
    "travel": ["Where to Go in {region} When Everyone Else Goes South"],
    "film": ["Counting Down the Greatest Sci-Fi Films Ever Made"],
    "album": ["Counting Down the Albums That Shaped a Generation"],
    "history": ["In Pictures: Everyday Life in {region} a Century Ago"],
    "food": ["What to Eat in {region}, From Breakfast to Midnight"],
}
SPELLED = {
    5: "Five",
    6: "Six",
    7: "Seven",
    8: "Eight",
    9: "Nine",
    10: "Ten",
    11: "Eleven",
    12: "Twelve",
    13: "Thirteen",
    14: "Fourteen",
    15: "Fifteen",
    20: "Twenty",
}

# -- English prose ----------------------------------------------------------------------------------
_SUBJECTS = [
    "Locals",
    "Most visitors",
    "The owners",
    "Our editors",
    "Photographers",
    "Families",
    "Early risers",
    "Regulars",
    "Critics",
    "First-timers",
    "Hikers",
    "The staff",
    "Collectors",
    "Old-timers",
]
_VERBS = [
    "swear by",
    "keep coming back for",
    "rarely mention",
    "still talk about",
    "line up for",
    "recommend",
    "underestimate",
    "love",
    "plan whole trips around",
    "argue about",
]
_OBJECTS = [
    "the view from the top",
    "the quiet mornings",
    "the handmade details",
    "the price",
    "the late crowd",
    "the light in October",
    "the old wooden benches",
    "the second floor",
    "the smell of fresh bread",
    "the long walk in",
    "the sound design",
    "the battery life",
    "the last scene",
    "the colours",
]
_TAILS = [
    "",
    ", and it is easy to see why",
    " even on a grey day",
    " more than anything else here",
    ", though few people know it",
    " after a long week",
    " in every season",
    ", especially in spring",
]
_OPENERS = [
    "It first opened in {year}, and little has changed since.",
    "The place was nearly forgotten until a local newspaper ran a story about it in {year}.",
    "You will need about {hours} hours to do it justice.",
    "Expect to pay around {price} euros, which is fair for what you get.",
    "The road in is narrow, so leave the rental car at the bottom and walk the last part.",
    "Nobody agrees on where the name comes from, but everyone has a theory.",
    "It looks small in photos, and much bigger once you are standing in front of it.",
    "Bring a jacket: the wind changes direction without warning.",
    "The best time to go is just after the lunch rush, when the light softens.",
    "There is no sign at the entrance, which is part of the charm.",
    "Our reviewer used it every day for three weeks before writing a word.",
    "The picture was taken in the summer of {year} by an amateur photographer.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return rng.choice(_OPENERS).format(
            year=rng.randint(1890, 2019), hours=rng.randint(2, 6), price=rng.randint(8, 140)
        )
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{rng.choice(_TAILS)}."
    return text


# -- German -----------------------------------------------------------------------------------------
_DE_ORTE = [
    "Todtnau",
    "Triberg",
    "Bad Wildbad",
    "Titisee",
    "Feldberg",
    "Baiersbronn",
    "Gengenbach",
    "Schiltach",
    "Wolfach",
    "Hornberg",
    "Staufen",
    "Sasbachwalden",
    "Oberkirch",
    "Alpirsbach",
]
_DE_DINGE = [
    "Wasserfall",
    "Aussichtsturm",
    "Höhenweg",
    "Klettersteig",
    "Schluchtenpfad",
    "Bergsee",
    "Mühlenweg",
    "Panoramaweg",
    "Genießerpfad",
    "Burgweg",
    "Moorpfad",
    "Felsenweg",
]
_DE_ADJ = ["Stille", "Wilde", "Verwunschene", "Sonnige", "Alte", "Steile", "Einsame", "Romantische"]
UEBUNGEN_DE = [
    "Kniebeuge an der Wand",
    "Brücke",
    "Vierfüßlerstand",
    "Seitstütz",
    "Wadenheben",
    "Ausfallschritt",
    "Unterarmstütz",
    "Katzenbuckel",
    "Hüftheben",
    "Schulterkreisen",
    "Rudern mit dem Band",
    "Standwaage",
]
TIPPS_DE = [
    "Früh aufbrechen",
    "Wetterbericht prüfen",
    "Wasser auffüllen",
    "Route vorher teilen",
    "Feste Schuhe tragen",
    "Bargeld mitnehmen",
    "Pausen einplanen",
    "Karte offline speichern",
    "Regenjacke einpacken",
    "Einkehr reservieren",
    "Sonnencreme nicht vergessen",
    "Akku laden",
]
_DE_SAETZE = [
    "Der Weg ist gut ausgeschildert und auch für Familien geeignet.",
    "Im Herbst färben sich die Buchen hier besonders schön.",
    "Wer früh startet, hat den Aussichtspunkt oft ganz für sich allein.",
    "Die Hütte am Ende des Weges serviert einen hervorragenden Kuchen.",
    "Nach starkem Regen kann der Pfad rutschig sein.",
    "Parkplätze gibt es direkt am Bahnhof, die Anreise mit dem Zug lohnt sich trotzdem.",
    "Für die gesamte Runde sollte man etwa {h} Stunden einplanen.",
    "Der Eintritt kostet {p} Euro, Kinder zahlen die Hälfte.",
    "Schon seit {j} zieht es Wanderer an diesen Ort.",
    "Einheimische empfehlen, die Tour gegen den Uhrzeigersinn zu gehen.",
    "Von oben reicht der Blick bei klarem Wetter bis zu den Alpen.",
    "Die Übung kräftigt den Rumpf und schont die Gelenke.",
]


def heading_de(rng: random.Random) -> str:
    # Every noun is masculine: "Stille" + "r" = "Stiller Wasserfall".
    return f"{rng.choice(_DE_ADJ)}r {rng.choice(_DE_DINGE)} bei {rng.choice(_DE_ORTE)}"


def sentence_de(rng: random.Random) -> str:
    return rng.choice(_DE_SAETZE).format(h=rng.randint(2, 6), p=rng.randint(3, 15), j=rng.randint(1850, 1990))


# -- Japanese ---------------------------------------------------------------------------------------
_JA_PLACES = [
    "嵐山",
    "清水寺",
    "伏見",
    "貴船",
    "大原",
    "宇治",
    "鞍馬",
    "祇園",
    "哲学の道",
    "東山",
    "伊根",
    "天橋立",
]
_JA_THINGS = [
    "竹林",
    "紅葉",
    "夜景",
    "桜並木",
    "朝市",
    "茶屋",
    "石畳",
    "庭園",
    "渓谷",
    "展望台",
    "古民家",
    "舟屋",
]
_JA_SENTENCES = [
    "早朝に訪れると、人が少なく静かな雰囲気を楽しめます。",
    "駅から徒歩{m}分ほどで、アクセスも便利です。",
    "秋には多くの観光客でにぎわいます。",
    "地元の人にも愛されている定番のスポットです。",
    "写真を撮るなら、夕方の光がおすすめです。",
    "周辺には老舗の和菓子屋もあります。",
    "入場料は{y}円で、季節ごとに特別公開もあります。",
    "雨の日でもしっとりとした景色が楽しめます。",
]


def heading_ja(rng: random.Random) -> str:
    return f"{rng.choice(_JA_PLACES)}の{rng.choice(_JA_THINGS)}"


def sentence_ja(rng: random.Random) -> str:
    return rng.choice(_JA_SENTENCES).format(m=rng.randint(3, 20), y=rng.choice([300, 500, 600, 800, 1000]))


def sentence_in(rng: random.Random, lang: str) -> str:
    if lang == "de":
        return sentence_de(rng)
    if lang == "ja":
        return sentence_ja(rng)
    return sentence(rng)


def heading_in(rng: random.Random, lang: str, topic: str) -> str:
    if lang == "de":
        return heading_de(rng)
    if lang == "ja":
        return heading_ja(rng)
    return heading(rng, topic)


def unique(rng: random.Random, make: Callable[[random.Random], str], count: int) -> list[str]:
    """``count`` distinct results of ``make(rng)``, in draw order."""
    seen: list[str] = []
    attempts = 0
    while len(seen) < count:
        attempts += 1
        value = make(rng)
        if value not in seen:
            seen.append(value)
        if attempts > count * 200:
            raise RuntimeError(f"cannot draw {count} distinct values")
    return seen


def song(rng: random.Random) -> str:
    return f"{rng.choice(_ADJ)} {rng.choice(_FILM_WORDS_B)}"
