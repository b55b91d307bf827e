"""Numbers as listicles print them: the count a title promises and the number before an item.

Pure string functions; regexes are compiled once here with a note on the case each one handles.
"""

from __future__ import annotations

import re
import unicodedata

_EN_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DE_UNITS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_DE_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}


def _spelled_numbers() -> dict[str, int]:
    # "one"/"ein" are left out on purpose: "One of the best..." promises no list.
    words: dict[str, int] = {**_EN_UNITS, **_EN_TENS, **_DE_UNITS, **_DE_TENS}
    for tens_word, tens in _EN_TENS.items():
        for unit_word, unit in list(_EN_UNITS.items())[:8]:  # two..nine
            words[f"{tens_word}-{unit_word}"] = tens + unit
            words[f"{tens_word} {unit_word}"] = tens + unit
        words[f"{tens_word}-one"] = tens + 1
    for tens_word, tens in _DE_TENS.items():
        words[f"einund{tens_word}"] = tens + 1
        for unit_word, unit in list(_DE_UNITS.items())[:8]:
            words[f"{unit_word}und{tens_word}"] = tens + unit
    words["hundred"] = words["one hundred"] = words["hundert"] = words["einhundert"] = 100
    return words


SPELLED_NUMBERS = _spelled_numbers()
_SPELLED_ALTERNATION = "|".join(sorted((re.escape(w) for w in SPELLED_NUMBERS), key=len, reverse=True))

# A count in a title: "25 Pictures", "Top 10", "90+ DIY Costumes", "Seven mobile trends",
# "Fünf HR-Trends". The number must be followed by a word (so "iPhone 7" or "COVID-19" at the
# end do not count) and must not sit inside a larger token ("22.700", "3D", "2,000").
_DIGIT_COUNT = re.compile(r"(?<![\w.,:/-])(\d{1,4})(\+)?(?![\w.,:/%]|\s*%)(?=\+?\s*[^\W\d_])", re.UNICODE)
_WORD_COUNT = re.compile(rf"(?<![\w-])({_SPELLED_ALTERNATION})(?![\w-])(?=\s+[^\W\d_])", re.IGNORECASE)
# Japanese and Chinese titles put a counter word right after the number, with no space:
# "10選" (10 picks), "5つの" (5 things), "7個", "3位". Full-width digits are folded first.
_CJK_COUNT = re.compile(
    r"(?<![0-9A-Za-z.,:/-])(\d{1,4})\s*(?:選|つ|個|件|本|枚|品|項目|カ所|ヶ所|か所|箇所|大|種類|款|条|招)"
)
# "ランキングTOP10": the count glued to a Latin word in a CJK title.
_TOP_COUNT = re.compile(r"(?:TOP|Top|BEST|Best)\s*(\d{1,4})(?!\d)")
# Years are dates, not counts ("Best films of 2017"), unless written as "Top 2017" which nobody does.
_YEAR_RANGE = range(1900, 2101)


def declared_count(text: str) -> int | None:
    """The number of items a title or headline promises, or None.

    >>> declared_count("25 Pictures Smuggled Out of North Korea")
    25
    >>> declared_count("Seven mobile trends to look for in 2017 - CNET")
    7
    >>> declared_count("Die 90+ besten DIY-Kostüme")
    90
    >>> declared_count("Fünf HR-Trends 2023")
    5
    >>> declared_count("The best films of 2017") is None
    True
    >>> declared_count("2018年に注目すべきOSSプロジェクト10選"), declared_count("東京の５つの名所")
    (10, 5)
    """
    candidates: list[tuple[int, int]] = []
    for match in _DIGIT_COUNT.finditer(text):
        value = int(match.group(1))
        if value in _YEAR_RANGE or value < 2:
            continue
        candidates.append((match.start(), value))
    if not text.isascii():
        folded = unicodedata.normalize("NFKC", text) if any("０" <= c <= "９" for c in text) else text
        for match in [*_CJK_COUNT.finditer(folded), *_TOP_COUNT.finditer(folded)]:
            value = int(match.group(1))
            if value >= 2 and value not in _YEAR_RANGE:
                candidates.append((match.start(), value))
    for match in _WORD_COUNT.finditer(text):
        candidates.append((match.start(), SPELLED_NUMBERS[match.group(1).lower()]))
    if not candidates:
        return None
    return min(candidates)[1]


# The number in front of an item heading: "1.", "1)", "1:", "#1", "No. 1", "Nr. 1", "1 –".
# "3.Charlotte" (no space) is accepted; "3.5 million" (a decimal) and "(2)" (a footnote) are not.
_STRONG_PREFIX = re.compile(
    r"""^\s*
    (?:\#\s*|(?:No|Nr|Number|Nummer)\.?\s*)?
    (?P<number>\d{1,4})
    (?:
        \s*[.):]\s*(?!\d)         # 1.  1)  1:   but not 3.5
      | \s+[-–—]\s+               # 1 – Heading
    )
    """,
    re.VERBOSE,
)
_MARKED_PREFIX = re.compile(
    r"^\s*(?:\#\s*|(?:No|Nr|Number|Nummer)\.?\s+)(?P<number>\d{1,4})\b\s*[.):–—-]?\s*"
)
# A bare "12 Heading" is only an item number when the number stands in its own element
# (mitvergnuegen's <div class="number">12</div>); callers check that and use this pattern.
_BARE_PREFIX = re.compile(r"^\s*(?P<number>\d{1,4})\s+(?=\S)")


# Slideshows print the position among the total: "3 of 25: Heading", "Slide 3/25 - Heading".
_OF_TOTAL_PREFIX = re.compile(
    r"^\s*(?:slide|bild|photo|foto|image)?\s*(?P<number>\d{1,4})\s*(?:of|von|/)\s*\d{1,4}\s*[.):–—-]?\s*",
    re.IGNORECASE,
)


def split_number_prefix(text: str) -> tuple[int | None, str]:
    """Split a printed item number from the heading text that follows it.

    >>> split_number_prefix("1. Don't Only Compliment Appearance")
    (1, "Don't Only Compliment Appearance")
    >>> split_number_prefix(" 21) Star Wars: The Last Jedi")
    (21, 'Star Wars: The Last Jedi')
    >>> split_number_prefix("#4 Photographers")
    (4, 'Photographers')
    >>> split_number_prefix("3.Charlotte Jones Anderson")
    (3, 'Charlotte Jones Anderson')
    >>> split_number_prefix("3.5 million people")
    (None, '3.5 million people')
    >>> split_number_prefix("Slide 3 of 25: The metro stations")
    (3, 'The metro stations')
    >>> split_number_prefix("(2) a footnote")
    (None, '(2) a footnote')
    """
    marked = _MARKED_PREFIX.match(text) or _OF_TOTAL_PREFIX.match(text)
    if marked:
        return int(marked.group("number")), text[marked.end() :].strip()
    match = _STRONG_PREFIX.match(text)
    if match:
        return int(match.group("number")), text[match.end() :].strip()
    return None, text.strip()


def split_bare_number(text: str) -> tuple[int | None, str]:
    """Split "12 Heading" where the caller knows the number was printed in its own element."""
    match = _BARE_PREFIX.match(text)
    if match is None:
        return split_number_prefix(text)
    return int(match.group("number")), text[match.end() :].strip()
