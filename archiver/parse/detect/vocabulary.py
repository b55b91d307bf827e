"""Every word list item detection reads, in one place, all languages together.

Each list names the evidence it gives; a word belongs here only when pages of two or more sites
print it (the note on each list says where it was seen).
"""

from __future__ import annotations

import re

# Words printed before an item number: "Mistake #3:", "Tip No. 4", "Step 2 –", "Übung 1:",
# "Platz 5:", "Reason 3". Seen on how-to, fitness and ranking pages in English and German; the
# generator accepts any one or two words there and the scorer asks that they repeat, so this
# list is only used to tell *steps* from items.
STEP_LABELS = frozenset({"step", "schritt", "étape", "paso", "stap"})

# A title or headline that introduces instructions rather than a list: numbered steps under it
# are a procedure (how-to, recipe, DIY), not listicle items — unless the title promises a count.
_INSTRUCTION_TITLE = re.compile(
    r"\b(?:how to|how-to|try this|diy|recipe|tutorial|instructions|step[- ]by[- ]step|"
    r"anleitung|so geht|rezept|wie man|selber machen|recette|receta)\b",
    re.IGNORECASE,
)

# Class/id words of blocks whose numbered lines are never listicle items: references, notes,
# licence and legal text, tables of contents, comment threads, track lists, ingredient lists.
# Matched as whole words inside a class token ("mw-references-wrap", "footnotes").
_NON_ITEM_CONTAINER = re.compile(
    r"(?:^|[-_\s])(?:references|reflist|footnotes?|endnotes?|citations|licen[cs]e|toc|"
    r"table-of-contents|comments|commentlist|comment-list|tracklist|track-list|ingredients|zutaten)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)

# Headings of page furniture that carry a count of their own ("Top 5 Stories", "Most read"):
# a count next to these words was not promised by the article.
FURNITURE_HEADLINE = re.compile(
    r"\b(?:stories|most read|most popular|trending|top stories|headlines|meistgelesen|"
    r"beliebteste|newsletter|related)\b",
    re.IGNORECASE,
)

# Headings that close a list rather than start an item: "Conclusion", "Fazit", "The bottom line".
CLOSING_HEADINGS = re.compile(
    r"^(?:conclusion|summary|final thoughts|the bottom line|bottom line|wrapping up|fazit|"
    r"zusammenfassung|schlusswort|related|more|sources|references|quellen)\b",
    re.IGNORECASE,
)

# Class words that mark an element styled as a heading (AMP and card templates print headings as
# <div class="...title..."> or <div class="h6">).
HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:title|heading|headline|hed|subheading|h[1-6])(?:$|[-_\s])", re.I)


# A title of legal text: its numbered sections are clauses, not items.
_LEGAL_TITLE = re.compile(
    r"\b(?:licen[cs]e|terms of (?:use|service)|terms and conditions|privacy policy|cookie policy|"
    r"nutzungsbedingungen|datenschutzerklärung|lizenz|allgemeine geschäftsbedingungen|agb|"
    r"conditions générales|mentions légales)\b",
    re.IGNORECASE,
)


def is_non_list_title(text: str) -> bool:
    """True when a title introduces a procedure (how-to, recipe) or legal text rather than a list."""
    return _INSTRUCTION_TITLE.search(text) is not None or _LEGAL_TITLE.search(text) is not None


def is_non_item_container(names: str) -> bool:
    """True for class/id strings of references, notes, licences, TOCs, comments and the like."""
    return _NON_ITEM_CONTAINER.search(names) is not None
