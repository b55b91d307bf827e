"""Numbers as listicles print them: the count a title promises and the number before an item.

Pure string functions; regexes are compiled once here with a note on the case each one handles.
"""

from __future__ import annotations

import re
import unicodedata

from archiver.parse.vocabulary import CJK_COUNT, SPELLED_NUMBERS, TOP_COUNT

_SPELLED_ALTERNATION = "|".join(sorted((re.escape(w) for w in SPELLED_NUMBERS), key=len, reverse=True))

# A count in a title: "25 Pictures", "Top 10", "90+ DIY Costumes", "Seven mobile trends",
# "Fünf HR-Trends". The number must be followed by a word (so "iPhone 7" or "COVID-19" at the
# end do not count) and must not sit inside a larger token ("22.700", "3D", "2,000").
_DIGIT_COUNT = re.compile(r"(?<![\w.,:/-])(\d{1,4})(\+)?(?![\w.,:/%]|\s*%)(?=\+?\s*[^\W\d_])", re.UNICODE)
_WORD_COUNT = re.compile(rf"(?<![\w-])({_SPELLED_ALTERNATION})(?![\w-])(?=\s+[^\W\d_])", re.IGNORECASE)
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
        for match in [*CJK_COUNT.finditer(folded), *TOP_COUNT.finditer(folded)]:
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
