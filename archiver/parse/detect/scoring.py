"""One scorer for every candidate segmentation, on evidence that holds across sites.

Evidence, each computed the same way for every generator's candidates:

- **sequence**: how well the printed numbers read as one list's numbering (ascending or
  descending by one, or restarting at 1 per section), 0..1;
- **count agreement**: the count the page promises (its title's, or the total its slide
  counters print) equals the number of items (or the highest number; or, on one page of a
  multi-page article, the items are a run within it);
- **consistency**: the numbers are printed one way (all "1.", all "Tip N:");
- **headings**: the share of items with a heading (numbered sentences are steps or notes);
- **prose**: the text each item introduces (item headings introduce prose; sidebars link lists);
- **links**: the share of heads that are all link text (tables of contents, teasers);
- **main content**: the share of heads inside the article container (``main_content``);
- **what the numbers number**, when nothing promises a count: steps of a how-to or clauses of a
  legal text, parts of a programme ("Module 3"), questions of an FAQ, three key points.

Score = items × sequence × consistency × (1 − links/2) + count bonus + unit steps, times the
main-content weight. A candidate is *rejected*, with the reason kept for debugging, when the
evidence cannot make it a list. The best-scoring accepted candidate wins; none accepted means
the page is not a listicle.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from archiver.parse.detect.candidates import Candidate, Head
from archiver.parse.detect.markers import is_step_label, is_unit_label
from archiver.parse.dom import HEADING_TAGS, HtmlElement, is_furniture, link_text_ratio, tag_of, text_of
from archiver.parse.images import IMAGE_ELEMENT_TAGS
from archiver.parse.main_content import MainContent

# Sequence: share of consecutive pairs that keep one direction / step by exactly one.
MIN_MONOTONE = 0.7
MIN_UNIT_STEPS_WHEN_NOT_FROM_ONE = 0.8
# Numbers above this are not item numbers (years, SKUs, prices).
MAX_ITEM_NUMBER = 5000
# A run of numbers must start (or, counting down, end) this low to be a list read from the top.
MAX_FIRST_NUMBER = 100
# Fewer numbered items than this need the title's count to agree.
MIN_ITEMS_WITHOUT_TITLE = 3
# With no count in the title at all, a list needs more: three numbered points close a news story.
MIN_ITEMS_WITHOUT_ANY_COUNT = 4
# With no count in the title, numbered headings that are mostly questions are an FAQ.
MAX_QUESTION_SHARE_WITHOUT_TITLE = 0.5
QUESTION_MARKS = ("?", "？", "¿")
# Roman numerals ("I.", "V.") are letters too: ask for a longer run.
MIN_ROMAN_ITEMS = 4
# Without a count in the title, numbered items must mostly have a heading (not numbered sentences).
MIN_HEADED_SHARE_WITHOUT_TITLE = 0.5
TITLE_AGREEMENT_BONUS = 5.0
# Printed numbers that match the title are direct evidence; an unnumbered group of the promised
# size may match by chance (a teaser rail of six cards under "6 Things"), so it earns less.
UNNUMBERED_TITLE_BONUS = 3.0
UNIT_STEP_BONUS = 1.0
# Unnumbered candidates only stand when the title promises their count; they weigh less than
# printed numbers of the same size.
UNNUMBERED_WEIGHT = 0.5
# Unnumbered heads that repeat one text ("Die wichtigsten Infos:", "Details") are labels inside
# each item, not the items' headings: this share of them must be distinct.
MIN_DISTINCT_HEADINGS = 0.8
# Mean characters of non-link text an item introduces below which it is a bare label.
MIN_PROSE_CHARS = 25
PROSE_WINDOW_SIBLINGS = 6
# How many wrappers that hold only the head are stepped out of to find what follows it.
MAX_WRAPPER_LEVELS = 4
# Heads outside the article container (main_content) are likely page furniture: a candidate whose
# heads all lie outside keeps this share of its score; one wholly inside keeps all of it.
OUTSIDE_MAIN_WEIGHT = 0.5
# Linked heads (tables of contents, teasers) weigh a candidate down; past this share the
# candidate is a link list, not the article's items.
LINKED_PENALTY = 0.5
MAX_LINKED_SHARE = 0.5


@dataclass(frozen=True)
class Context:
    """What the page says about its list, from outside the candidates."""

    declared: int | None  # the count the title or headline promises
    continues: bool  # the article has a next page
    paginated: bool  # it has a next page or this is a later page
    non_list_title: bool  # the title introduces a procedure (how-to, recipe) or legal text


def sequence_quality(numbers: list[int]) -> float:
    """How much printed numbers look like one list's numbering: 0 (not at all) to 1.

    >>> sequence_quality([1, 2, 3, 4]), sequence_quality([21, 20, 19])
    (1.0, 1.0)
    >>> sequence_quality([1, 2, 3, 4, 1, 2, 3, 4])   # restarting per section
    1.0
    >>> sequence_quality([3, 17, 2, 2019])
    0.0
    """
    if len(numbers) < 2:
        return 1.0 if numbers else 0.0
    if max(numbers) > MAX_ITEM_NUMBER or min(numbers) > MAX_FIRST_NUMBER:
        return 0.0
    runs = _restart_runs(numbers)
    if runs is not None:
        return 1.0
    pairs = list(itertools.pairwise(numbers))
    rising = sum(b > a for a, b in pairs)
    falling = sum(b < a for a, b in pairs)
    monotone = max(rising, falling) / len(pairs)
    unit_steps = sum(abs(b - a) == 1 for a, b in pairs) / len(pairs)
    if monotone < MIN_MONOTONE:
        return 0.0
    if min(numbers) > 2 and unit_steps < MIN_UNIT_STEPS_WHEN_NOT_FROM_ONE:
        return 0.0
    return (monotone + unit_steps) / 2


def _restart_runs(numbers: list[int]) -> list[list[int]] | None:
    """The runs of a list numbered 1..k again under each section, or None if it is not one."""
    runs: list[list[int]] = []
    for number in numbers:
        if number == 1:
            runs.append([1])
        elif runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            return None
    return runs if len(runs) >= 2 and all(len(run) >= 2 for run in runs) else None


def _wrapper(head: Head) -> HtmlElement:
    """The outermost element around a head that holds nothing but it (``<div><h3>..</h3></div>``,
    ``<ol start=3><li><h2>..</h2></li></ol>``): the item's content follows that, not the head."""
    node = head.element
    own = len(text_of(node))
    for _ in range(MAX_WRAPPER_LEVELS):
        parent = node.getparent()
        if parent is None or tag_of(parent) in {"body", "html"} or len(text_of(parent)) > own + 5:
            break
        node = parent
    return node


def _prose_length(heads: list[Head]) -> float:
    """Mean length of the non-link text each head introduces (its own rest, its tail and the next
    few siblings of its wrapper). Item headings introduce prose; sidebar titles link lists."""
    total = 0.0
    wrappers = [_wrapper_of(head) for head in heads]
    wrapper_set = set(wrappers)
    for head, node in zip(heads, wrappers, strict=True):
        total += len(head.rest)
        total += len((node.tail or "").strip())  # "<b>Name:</b> text<br>": the text after a lead
        for count, sibling in enumerate(node.itersiblings()):
            if count >= PROSE_WINDOW_SIBLINGS or tag_of(sibling) in HEADING_TAGS or sibling in wrapper_set:
                break
            text = len(text_of(sibling))
            total += text * (1 - link_text_ratio(sibling)) if text else 0
    return total / len(heads)


def _text_outside_furniture(element: HtmlElement) -> str:
    """The element's text, less what its furniture (a player's failure message, its buttons)
    holds."""
    text = text_of(element)
    if not text:
        return ""
    for node in element.iterdescendants():
        if isinstance(node.tag, str) and is_furniture(node):
            inner = text_of(node)
            if inner:
                text = text.replace(inner, "", 1)
    return text.strip()


def _wrapper_of(head: Head) -> HtmlElement:
    return head.element if head.kind == "line-lead" else _wrapper(head)


def _introduces_nothing(head: Head, node: HtmlElement, others: set[HtmlElement]) -> bool:
    if head.rest.strip() or (node.tail or "").strip():
        return False
    for count, sibling in enumerate(node.itersiblings()):
        tag = tag_of(sibling)
        if count >= PROSE_WINDOW_SIBLINGS or tag in HEADING_TAGS or sibling in others:
            break
        if not tag or is_furniture(sibling):
            continue
        if tag in IMAGE_ELEMENT_TAGS or any(True for _ in sibling.iter(*IMAGE_ELEMENT_TAGS)):
            return False
        if _text_outside_furniture(sibling) or (sibling.tail or "").strip():
            return False
    return True


def without_silent_heads(heads: list[Head]) -> list[Head]:
    """The heads less those followed by neither text nor a photo before the next head: a
    widget's title ("Recommended Videos" over a player the script draws) printed in the items'
    heading style. Item headings introduce their text or their photo."""
    wrappers = [_wrapper_of(head) for head in heads]
    every = set(wrappers)
    return [
        head
        for head, node in zip(heads, wrappers, strict=True)
        if not _introduces_nothing(head, node, every - {node})
    ]


def _counter_total(heads: list[Head]) -> int | None:
    """The total every slide counter of the candidate prints ("3 / 12" -> 12), if they agree."""
    totals = {head.total for head in heads}
    return totals.pop() if len(totals) == 1 else None


def _title_agrees(candidate: Candidate, context: Context) -> bool:
    """The count the page promises (its title's, or its slide counters' total) fits the candidate."""
    declared = context.declared or _counter_total(candidate.heads)
    if declared is None:
        return False
    count = len(candidate.heads)
    if count == declared:
        return True
    numbers = [head.number for head in candidate.heads if head.number is not None]
    if candidate.numbering == "printed" and numbers and max(numbers) == declared and count >= declared // 2:
        return True
    # One page of a multi-page article holds a run of the promised items.
    return context.paginated and count < declared and (not numbers or max(numbers) <= declared)


def score_candidate(candidate: Candidate, context: Context) -> None:
    """Fill ``candidate.score`` or ``candidate.rejected``."""
    heads = candidate.heads
    count = len(heads)
    agrees = _title_agrees(candidate, context)
    linked = sum(head.linked for head in heads) / count if count else 0.0
    headed = sum(bool(head.heading) for head in heads) / count if count else 0.0

    # Linked headings that introduce content are items (a gift guide links each product); links
    # in a row with nothing between them are a table of contents or a teaser list.
    if linked > MAX_LINKED_SHARE and _prose_length(heads) < MIN_PROSE_CHARS:
        candidate.rejected = "most heads are links with no content between them (a TOC or teaser list)"
        return

    if candidate.method == "slide":
        total = context.declared or heads[0].total  # the title's count, or the counter's total
        if total is None or not context.paginated or (heads[0].number or 0) > total:
            candidate.rejected = "a single numbered heading is a slide only on a paginated page with a count"
            return
        candidate.score = TITLE_AGREEMENT_BONUS
        return

    if candidate.numbering == "printed":
        numbers = [head.number for head in heads if head.number is not None]
        quality = sequence_quality(numbers)
        styles = Counter(head.style for head in heads)
        consistency = styles.most_common(1)[0][1] / count
        if quality == 0.0 or count < 2:
            candidate.rejected = "the printed numbers do not form a sequence"
            return
        if count < MIN_ITEMS_WITHOUT_TITLE and not agrees:
            candidate.rejected = f"only {count} numbered items and the title promises another count"
            return
        if styles.get("roman", 0) > count // 2 and count < MIN_ROMAN_ITEMS:
            candidate.rejected = "too few roman numerals to tell them from letters"
            return
        if context.declared is None and not agrees:
            low = min(numbers)
            if not (low <= 1 or (numbers[0] > numbers[-1] and numbers[-1] <= 1)) and not context.paginated:
                candidate.rejected = f"numbers start at {low} and the title promises no count"
                return
            if headed < MIN_HEADED_SHARE_WITHOUT_TITLE:
                candidate.rejected = (
                    "numbered sentences without headings and no count in the title (steps, notes)"
                )
                return
            if count < MIN_ITEMS_WITHOUT_ANY_COUNT:
                candidate.rejected = f"only {count} numbered headings and no count in the title (key points)"
                return
            labels = Counter(head.label for head in heads if head.label)
            if context.non_list_title or (labels and is_step_label(labels.most_common(1)[0][0])):
                candidate.rejected = (
                    "numbered steps or clauses (how-to, recipe, legal text) and no count in the title"
                )
                return
            if labels and is_unit_label(labels.most_common(1)[0][0]):
                candidate.rejected = (
                    "numbered parts of a programme (module, lesson, talk) and no count in the title"
                )
                return
            questions = sum(
                bool(head.heading and head.heading.rstrip().endswith(QUESTION_MARKS)) for head in heads
            )
            if questions > MAX_QUESTION_SHARE_WITHOUT_TITLE * count:
                candidate.rejected = "numbered questions and no count in the title (an FAQ)"
                return
        unit = sum(abs(b - a) == 1 for a, b in itertools.pairwise(numbers)) / max(1, len(numbers) - 1)
        candidate.score = (
            count * quality * consistency * (1 - LINKED_PENALTY * linked)
            + (TITLE_AGREEMENT_BONUS if agrees else 0.0)
            + UNIT_STEP_BONUS * unit
        )
        return

    # Unnumbered heads and lists without printed numbers: the title's count is the evidence.
    # (Photo lists without a count were tried twice: "short items with a photo each" matched a
    # held-out news story with four photo sections; stricter (5+ distinct short headings, all in
    # the article, even lengths, a photo each) it still took a long read's sections, a wiki
    # article and a home page's trending block. Unannounced unnumbered lists stay out.)
    if not agrees:
        candidate.rejected = "unnumbered items and the title does not promise their count"
        return
    if context.declared is not None and count != context.declared and not context.continues:
        candidate.rejected = f"{count} unnumbered items for a title that promises {context.declared}"
        return
    distinct = len({head.heading for head in heads if head.heading})
    if candidate.method == "unnumbered-headings" and distinct < MIN_DISTINCT_HEADINGS * count:
        candidate.rejected = "the unnumbered heads repeat one label; they are not item headings"
        return
    prose = _prose_length(heads)
    if prose < MIN_PROSE_CHARS:
        candidate.rejected = "unnumbered heads that introduce no text (labels, menus)"
        return
    candidate.score = (
        count * UNNUMBERED_WEIGHT * (1 - LINKED_PENALTY * linked) * min(1.0, prose / MIN_PROSE_CHARS)
        # An <ol> is the author numbering the items in markup: as direct as printed numbers.
        + (TITLE_AGREEMENT_BONUS if candidate.method == "ordered-list" else UNNUMBERED_TITLE_BONUS)
        + (1.0 if count == context.declared else 0.0)
        + prose / 1000  # among equals, the one that sits in the most prose (an article body)
    )


def choose(
    candidates: list[Candidate], context: Context, main: MainContent | None = None
) -> Candidate | None:
    """The best accepted candidate, or None. ``main``: the article container, when one was found;
    candidates are weighted by the share of their heads inside it."""
    best: Candidate | None = None
    for candidate in candidates:
        if not candidate.heads:
            candidate.rejected = "no items"
            continue
        score_candidate(candidate, context)
        if candidate.rejected is not None:
            continue
        if main is not None:
            inside = main.share_inside([head.element for head in candidate.heads])
            # (Rejecting candidates wholly outside it was tried: slides whose counter sits beside
            # the article container were lost, so it only weighs.)
            candidate.score *= OUTSIDE_MAIN_WEIGHT + (1 - OUTSIDE_MAIN_WEIGHT) * inside
        if best is None or candidate.score > best.score:
            best = candidate
    return best
