"""Generators: each proposes segmentations of the page into items, independently of the others.

A generator never decides; it proposes every plausible candidate and ``scoring`` compares them
on one scale. Generators: printed numbers per template group (headings, paragraphs, blocks,
line-start bold runs); one run 1, 2, 3 ... across templates; unnumbered heads per template group;
ordered lists (one ``<ol>``, or one ``<ol start=N>`` per item); unordered lists; single slides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from archiver.parse.detect.candidates import Candidate, GroupKey, Head
from archiver.parse.detect.heads import (
    LINKED_HEAD_RATIO,
    group_key,
    lead_of_list_item,
    list_item_lead_element,
)
from archiver.parse.detect.markers import read_marker
from archiver.parse.detect.scoring import without_silent_heads
from archiver.parse.dom import HtmlElement, furniture_ancestor, link_text_ratio, tag_of, text_of
from archiver.parse.vocabulary import CLOSING_HEADINGS

# A list whose text is mostly link text is a table of contents or a "most read" box.
MAX_LIST_LINK_RATIO = 0.8
MAX_LIST_ITEMS = 2000
# Runs across templates: tried from this many "1"s at most, and kept from this length on.
MAX_SEQUENCE_STARTS = 5
MIN_SEQUENCE_ITEMS = 3


def _dedupe(heads: list[Head]) -> list[Head]:
    """Drop a second visible copy of the same numbered heading (mobile/desktop duplicates)."""
    seen: set[tuple[int | None, str | None]] = set()
    unique = []
    for head in heads:
        marker = (head.number, head.heading)
        if marker in seen:
            continue
        seen.add(marker)
        unique.append(head)
    return unique


def _groups(heads: list[Head]) -> dict[GroupKey, list[Head]]:
    groups: dict[GroupKey, list[Head]] = defaultdict(list)
    for head in heads:
        groups[head.key].append(head)
    return groups


def _unprinted_first(members: list[Head], first_numbered: Head) -> Head | None:
    """Item 1 of a list printed from 2 on: the same template's unnumbered head right before it,
    whose "1" the markup draws (an ``<ol>`` inside the heading, a CSS counter)."""
    if first_numbered.number != 2:
        return None
    index = members.index(first_numbered)
    if index == 0:
        return None
    before = members[index - 1]
    if before.number is not None or not before.heading:
        return None
    return Head(
        before.element,
        before.kind,
        1,
        before.heading,
        before.rest,
        before.rank,
        before.key,
        before.linked,
        first_numbered.style,
    )


def printed_number_candidates(heads: list[Head]) -> Iterator[Candidate]:
    """Per template group, the heads that print a number."""
    for members in _groups(heads).values():
        numbered = _dedupe([head for head in members if head.number is not None])
        if len(numbered) < 1:
            continue
        first_item = _unprinted_first(members, numbered[0])
        if first_item is not None:
            numbered.insert(0, first_item)
        stops = frozenset(head.element for head in members if head.number is None)
        yield Candidate("printed-numbers", numbered, "printed", stop_elements=stops)


def unnumbered_candidates(heads: list[Head]) -> Iterator[Candidate]:
    """Per template group, the heads without a number that have a heading (a gift guide's h3s,
    bold lead-ins, ALL-CAPS questions)."""
    for members in _groups(heads).values():
        plain = [head for head in members if head.number is None and head.heading]
        # "Read more:", "Conclusion": the same template closes the list after its items.
        while plain and CLOSING_HEADINGS.match(plain[-1].heading or ""):
            plain.pop()
        # A widget's title in the items' heading style introduces nothing the reader reads.
        plain = without_silent_heads(plain)
        if len(plain) < 2:
            continue
        # Renumbered 1..N by position: the record's numbers are positions for unnumbered items.
        yield Candidate(
            "unnumbered-headings",
            [Head(h.element, h.kind, None, h.heading, h.rest, h.rank, h.key, h.linked) for h in plain],
            "unnumbered",
            stop_elements=frozenset(head.element for head in members if head not in plain),
            warnings=[
                f"items have no printed numbers; matched {len(plain)} headings to the count in the title"
            ],
        )


def _list_item_head(item: HtmlElement, position: int) -> Head:
    heading, rest = lead_of_list_item(item)
    linked = link_text_ratio(item) > LINKED_HEAD_RATIO
    head = Head(item, "list-item", position, heading, rest, 7, group_key(item, "list-item"), linked)
    if heading is not None:
        head.absorbed = list_item_lead_element(item)
    return head


def list_candidates(root: HtmlElement) -> Iterator[Candidate]:
    """Each ``<ol>``/``<ul>`` of the page, and the run of one-item ``<ol start=N>`` lists."""
    single_item_lists: list[Head] = []
    for element in root.iter("ol", "ul"):
        items = [child for child in element if tag_of(child) == "li"][:MAX_LIST_ITEMS]
        if furniture_ancestor(element) is not None or link_text_ratio(element) > MAX_LIST_LINK_RATIO:
            continue
        if tag_of(element) == "ol" and len(items) == 1 and (element.get("start") or "").strip().isdigit():
            head = _list_item_head(items[0], int((element.get("start") or "0").strip()))
            single_item_lists.append(head)
            continue
        if len(items) < 2:
            continue
        # Items that print their own numbers are found by the printed-number generator.
        if sum(read_marker(text_of(item)[:40]) is not None for item in items) > len(items) // 2:
            continue
        if tag_of(element) == "ol":
            start = (element.get("start") or "1").strip()
            first = int(start) if start.isdigit() else 1
            heads = [_list_item_head(item, first + index) for index, item in enumerate(items)]
            yield Candidate(
                "ordered-list",
                heads,
                "ordered-list",
                warnings=["item numbers come from an <ol> without printed numbers"],
            )
        else:
            heads = [_list_item_head(item, index) for index, item in enumerate(items, start=1)]
            for head in heads:
                head.number = None
            yield Candidate(
                "unordered-list",
                heads,
                "unnumbered",
                warnings=["items have no printed numbers; matched a <ul> to the count in the title"],
            )
    if len(single_item_lists) >= 2:
        yield Candidate(
            "ordered-list",
            single_item_lists,
            "ordered-list",
            warnings=["item numbers come from <ol start=N> lists without printed numbers"],
        )


def sequence_candidates(heads: list[Head]) -> Iterator[Candidate]:
    """Numbered heads read in document order as one run 1, 2, 3 ... across templates: items whose
    author made some headings h3 or bold paragraphs among h2s ("4. Boston Terrier" one level down)."""
    numbered = [head for head in heads if head.number is not None and head.heading and not head.linked]
    starts = [index for index, head in enumerate(numbered) if head.number == 1][:MAX_SEQUENCE_STARTS]
    for start in starts:
        run = [numbered[start]]
        for head in numbered[start + 1 :]:
            if head.number == len(run) + 1:
                run.append(head)
        if len(run) >= MIN_SEQUENCE_ITEMS and len({head.key for head in run}) > 1:
            yield Candidate("printed-sequence", run, "printed")


def slide_candidates(heads: list[Head]) -> Iterator[Candidate]:
    """One numbered heading, or one slide counter ("3 of 12"), on the page: a slideshow slide."""
    numbered = [
        head for head in heads if head.kind == "heading" and head.rank <= 3 and head.number is not None
    ]
    counters = [head for head in heads if head.style == "of-total" and head.heading]
    for found in (counters, numbered):
        if len(found) == 1:
            yield Candidate("slide", found, "printed")
            return


def generate(root: HtmlElement, heads: list[Head]) -> list[Candidate]:
    """Every candidate segmentation of the page."""
    return [
        *printed_number_candidates(heads),
        *sequence_candidates(heads),
        *unnumbered_candidates(heads),
        *list_candidates(root),
        *slide_candidates(heads),
    ]
