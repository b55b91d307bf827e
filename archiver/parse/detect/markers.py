"""The number printed at the start of an item: every way pages print it, read into one shape.

``read_marker(text)`` gives the number, the text after it, and how it was printed, so the scorer
can ask that one list prints its numbers one way. Pure string functions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from archiver.parse.vocabulary import STEP_LABELS, UNIT_LABELS

_MAX_NUMBER = 9999

# "1.", "1)", "1:", "01.", "#1", "# 1", "No. 1", "Nr. 1", "1 –". "3.Charlotte" (no space) is
# accepted; "3.5 million" (a decimal) and "1,000" are not.
_DIGITS = re.compile(
    r"""^\s*
    (?P<hash>\#\s*|(?:No|Nr|Number|Nummer|Nº|N°|№)\.?\s*)?
    (?P<number>\d{1,4})
    (?:[º°ª]|\uFE0F?\u20E3)?      # 1º – (Portuguese, Spanish ordinals), 1️⃣ (keycap emoji)
    (?P<end>
        \s*[.):．：）、]\s*(?![\d,])  # 1.  1)  1:  1．(full-width)  but not 3.5
      | \s+[-–—|]\s+                # 1 – Heading
      | \s*[-–—]\s*(?=\D)           # 1–Heading
      | (?<=[º°ª\u20E3])\s*(?=\S)    # "1️⃣ Heading", "1º Heading": the sign separates
    )
    """,
    re.VERBOSE,
)
# "#7 Heading", "No. 7 Heading": a marked number needs no separator after it.
_MARKED = re.compile(
    r"^\s*(?:\#\s*|(?:No|Nr|Number|Nummer|Nº|N°)\.?\s+|№\s*)(?P<number>\d{1,4})\b\s*[.):–—-]?\s*"
)
# "(1) Heading": a bracketed number that opens a heading (footnote markers sit in references
# blocks, which never give heads).
_PARENTHESIZED = re.compile(r"^\s*[(（](?P<number>\d{1,3})[)）]\s+(?=\S)")
# Chinese numerals with an enumeration comma: "一、", "十二．".
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_NUMBER = re.compile(r"^\s*(?P<numeral>[一二三四五六七八九十]{1,3})\s*[、．.：:]\s*")
# One or two words before the number: "Mistake #3:", "Tip No. 4:", "Step 2 –", "Übung 1:", "Platz 5".
# The label must end in a separator after the number (or the number be marked) so that prose
# such as "Windows 10 brings" is not read as item 10.
_LABELLED = re.compile(
    r"""^\s*
    (?P<label>[^\W\d_][\w'’-]{0,20}(?:\s+[^\W\d_][\w'’-]{0,20})?)
    \s+(?:\#\s*|(?:No|Nr)\.?\s*)?
    (?P<number>\d{1,3})
    \s*(?:[.:)]|[-–—])\s*(?!\d)
    """,
    re.VERBOSE,
)
# Slideshows print the position among the total: "3 of 25: Heading", "Slide 3/25 - Heading",
# "3/12 photos".
_OF_TOTAL = re.compile(
    r"^\s*(?:slide|bild|photo|foto|image|picture)?\s*(?P<number>\d{1,4})\s*(?:of|von|/|de|sur)\s*"
    r"(?P<total>\d{1,4})(?:\s*(?:photos|fotos|bilder|images|slides))?\s*[.):–—-]?\s*",
    re.IGNORECASE,
)
# Roman numerals with a separator: "IV. Heading", "XII) Heading". Single letters like "I." are
# ambiguous (a pronoun, an initial), so the scorer asks for a long sequence.
_ROMAN = re.compile(
    r"^\s*(?P<roman>M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?:[.)]|:)\s+(?=\S)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# A bare "12 Heading" is only a number when it stands in its own element; callers check that.
# (No space needed: Japanese and Chinese run the heading on: "<span>1</span>嵐山".)
_KEYCAP_TEN = "\U0001f51f"  # 🔟
_BARE = re.compile(r"^\s*(?P<number>\d{1,4})\s*(?=[^\s\d])")
# Japanese and Chinese rankings: "【第1位】", "第3位：", "No.1" in brackets, "［1］".
_CJK_RANK = re.compile(
    r"^\s*[【\[［〔(（]?\s*(?:第\s*(?P<number>\d{1,4})\s*[位番名]?|(?P<ranked>\d{1,4})\s*[位위])"
    r"\s*[】\]］〕)）]?\s*[.:：．、]?\s*"
)
_BRACKETED = re.compile(r"^\s*[【［〔]\s*(?P<number>\d{1,4})\s*[】］〕]\s*")


@dataclass(frozen=True)
class Marker:
    number: int
    rest: str
    # How it was printed: "digits", "marked" (#1, No. 1), "labelled" (Tip 3:), "of-total" (3 of 12),
    # "symbol" (①, ❶, full-width), "roman", "ranked" (【第1位】, 1위), "bracketed" ((1), ［1］),
    # "chinese" (一、), "bare" (number in its own element).
    style: str
    label: str = ""  # the lower-cased label word(s) of a "labelled" number
    total: int | None = None  # the total of an "of-total" number


# Characters a printed number can start with when no digit is near the start: roman numerals,
# Chinese numerals, marks and brackets before a number, and the keycap "10".
_NON_DIGIT_OPENERS = frozenset("IVXLCDM一二三四五六七八九十#№(（【［〔\U0001f51f")
_DIGIT = re.compile(r"\d")


def _could_open_with_number(head: str) -> bool:
    """A cheap first look: most paragraphs and blocks start with no number at all."""
    stripped = head.lstrip()
    if not stripped:
        return False
    first = stripped[0]
    return first in _NON_DIGIT_OPENERS or first.isnumeric() or _DIGIT.search(stripped, 0, 40) is not None


def _chinese_value(numeral: str) -> int:
    """一 .. 九十九: "十" alone is 10, "十二" 12, "二十" 20, "二十三" 23."""
    if "十" not in numeral:
        return _CHINESE_DIGITS.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CHINESE_DIGITS.get(units, 0) if units else 0
    )


def _roman_value(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _symbol_number(text: str) -> Marker | None:
    """①, ❶, ➀ (circled and dingbat digits) or full-width digits (１．): what NFKC folds to digits."""
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if "0" <= first <= "9":
        return None
    if not unicodedata.category(first).startswith("N"):
        return None
    # Circled numbers: one character is the whole number ("⑩" is 10).
    try:
        value = int(unicodedata.numeric(first))
    except (TypeError, ValueError):
        return None
    if unicodedata.decomposition(first).startswith("<wide>"):  # full-width digit: read the run
        folded = unicodedata.normalize("NFKC", stripped[:12])
        marker = _DIGITS.match(folded)
        if marker is None:
            return None
        consumed = len(unicodedata.normalize("NFKC", stripped[: len(marker.group(0))]))
        # NFKC keeps one character per full-width character, so lengths line up.
        return Marker(int(marker.group("number")), stripped[consumed:].strip(), "symbol")
    if not 0 < value <= 50 or unicodedata.name(first, "").find("ROMAN") != -1:
        return None
    rest = stripped[1:].lstrip(" .:)．：、")
    return Marker(value, rest.strip(), "symbol")


def read_marker(text: str) -> Marker | None:
    """The item number printed at the start of ``text``, or None.

    >>> read_marker("1. Don't Only Compliment Appearance")
    Marker(number=1, rest="Don't Only Compliment Appearance", style='digits', label='', total=None)
    >>> read_marker("Übung 3: Trab").number, read_marker("Mistake #2: Typos").label
    (3, 'mistake')
    >>> read_marker("⑩ Kubernetes").number, read_marker("１２．見出し").number
    (10, 12)
    >>> read_marker("XIV. The end").number, read_marker("3 of 12: Slide").total
    (14, 12)
    >>> read_marker("3.5 million people") is None, read_marker("1,000 people") is None
    (True, True)
    >>> read_marker("Windows 10 brings") is None
    True
    >>> read_marker("【第1位】嵐山").rest, read_marker("2．清水寺").number, read_bare_number("3嵐山").rest
    ('嵐山', 2, '嵐山')
    >>> forms = ["1️⃣ Ask", "(2) Pay", "№3. Kizhi", "4위. Cafe", "5º – Praia", "十二、丽江"]
    >>> [(read_marker(t).number, read_marker(t).rest) for t in forms]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'Ask'), (2, 'Pay'), (3, 'Kizhi'), (4, 'Cafe'), (5, 'Praia'), (12, '丽江')]
    """
    if not text:
        return None
    head = text[:80]
    if not _could_open_with_number(head):
        return None
    if head.lstrip().startswith(_KEYCAP_TEN):  # the one keycap emoji without a digit in it
        return Marker(10, head.lstrip()[1:].strip() + text[80:], "digits")
    # "3 of 12" first: its number is also a plain leading number.
    of_total = _OF_TOTAL.match(head)
    if of_total:
        number, total = int(of_total.group("number")), int(of_total.group("total"))
        return Marker(number, text[of_total.end() :].strip(), "of-total", total=total)
    if "0" <= head.lstrip()[:1] <= "9" or head.lstrip()[:1] in "#N№":
        marked = _MARKED.match(head)
        if marked:
            return _bounded(Marker(int(marked.group("number")), text[marked.end() :].strip(), "marked"))
        digits = _DIGITS.match(head)
        if digits:
            style = "marked" if digits.group("hash") else "digits"
            return _bounded(Marker(int(digits.group("number")), text[digits.end() :].strip(), style))
    cjk = _CJK_RANK.match(head)
    if cjk:
        rank = cjk.group("number") or cjk.group("ranked")
        return _bounded(Marker(int(rank), text[cjk.end() :].strip(), "ranked"))
    bracketed = _BRACKETED.match(head) or _PARENTHESIZED.match(head)
    if bracketed:
        return _bounded(Marker(int(bracketed.group("number")), text[bracketed.end() :].strip(), "bracketed"))
    chinese = _CHINESE_NUMBER.match(head)
    if chinese:
        return Marker(_chinese_value(chinese.group("numeral")), text[chinese.end() :].strip(), "chinese")
    labelled = _LABELLED.match(head)
    if labelled:
        label = " ".join(labelled.group("label").lower().split())
        return _bounded(
            Marker(int(labelled.group("number")), text[labelled.end() :].strip(), "labelled", label=label)
        )
    roman = _ROMAN.match(head)
    if roman and roman.group("roman"):
        return Marker(_roman_value(roman.group("roman")), text[roman.end() :].strip(), "roman")
    return _symbol_number(head) if head.lstrip()[:1] not in "0123456789" else None


def read_bare_number(text: str) -> Marker | None:
    """``read_marker``, plus "12 Heading" where the caller knows the number has its own element."""
    marker = read_marker(text)
    if marker is not None:
        return marker
    bare = _BARE.match(text)
    if bare is None:
        return None
    return _bounded(Marker(int(bare.group("number")), text[bare.end() :].strip(), "bare"))


def _bounded(marker: Marker) -> Marker | None:
    return marker if 0 <= marker.number <= _MAX_NUMBER else None


def is_step_label(label: str) -> bool:
    """True for "Step", "Schritt" and the like: numbered steps of a procedure."""
    return label.split()[-1] in STEP_LABELS if label else False


def is_unit_label(label: str) -> bool:
    """True for "Module", "Lesson", "Talk", "Day" and the like: numbered parts of a programme."""
    return label.split()[-1] in UNIT_LABELS if label else False
