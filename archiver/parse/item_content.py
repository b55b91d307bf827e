"""What belongs to each item: its text, images, embeds and credit, between one head and the next.

Two layouts occur. In a *flat* layout the heads are siblings in one article body and an item
runs from its head to the next head, whatever the nesting in between (CNN closes item 1 in one
div and continues it inside a collapsed "read all" div). In a *wrapper* layout every item is its
own element (``<article class="card">`` with the image before the heading); the item is that
element. The walk is one pass in document order with explicit skips, never recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from archiver.models import Credit, Embed, Image, Item
from archiver.parse.credits import parse_credit, split_credit
from archiver.parse.detect import Head, Selection
from archiver.parse.dom import (
    HEADING_TAGS,
    HtmlElement,
    ancestors_and_self,
    is_furniture,
    link_text_ratio,
    lowest_common_ancestor,
    normalise_space,
    tag_of,
    text_of,
)
from archiver.parse.images import (
    IMAGE_ELEMENT_TAGS,
    image_from_element,
    images_in,
    is_background_block,
    is_image_element,
    is_photo_figure,
)
from archiver.parse.vocabulary import AD_LABEL, ARTICLE_IMAGE_CREDIT, RELATED_LINE
from archiver.urls import absolute_url

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "hr",
        "pre",
        "main",
        "header",
        "footer",
        "aside",
        "center",
    }
)
# Caption and credit boxes under images: their text describes the image, not the item.
_CAPTION_CLASS = re.compile(r"caption|credit|image-source|photo-source|attribution", re.IGNORECASE)
# A credit printed in its own element inside a caption.
_CREDIT_CLASS = re.compile(r"credit|image-source|photo-source|attribution|copyright", re.IGNORECASE)
_EMBED_CLASS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|reddit-card", re.IGNORECASE)
# Embed code classes and the kind they name.
_EMBED_KINDS = (
    ("twitter", "twitter"),
    ("instagram", "instagram"),
    ("tiktok", "tiktok"),
    ("fb-", "facebook"),
    ("reddit", "reddit"),
)
_POST_PERMALINK = re.compile(r"/status(?:es)?/\d+|instagram\.com/(?:p|reel|tv)/|tiktok\.com/@[^/]+/video/")
_EMBED_TAGS = {
    "iframe": "iframe",
    "lite-youtube": "youtube",
    "amp-instagram": "instagram",
    "amp-twitter": "twitter",
    "amp-youtube": "youtube",
    "amp-iframe": "iframe",
}


@dataclass
class _Segment:
    kind: str  # "text", "credit", "image", "caption", "embed", "embed-caption"
    text: str = ""
    image: Image | None = None
    embed: Embed | None = None
    credit: Credit | None = None
    ends_text: bool = False  # a credit split off the end of a text paragraph
    heading: bool = False  # text of a heading element (h1-h6) inside the item


@dataclass
class _Region:
    segments: list[_Segment] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    buffer_links: list[str] = field(default_factory=list)

    def add_text(self, text: str | None) -> None:
        if text and text.strip():
            self.buffer.append(text)

    def flush(self, heading: bool = False) -> None:
        if not self.buffer:
            return
        text = normalise_space("".join(self.buffer))
        self.buffer.clear()
        if not text:
            return
        # A paragraph may end with its photo's credit ("... at dawn. (Photo: Jo Roe)").
        text, credit = split_credit(text)
        if text:
            self.segments.append(_Segment("text", text, heading=heading))
        if credit is not None:
            self.segments.append(_Segment("credit", credit.text, credit=credit, ends_text=bool(text)))


def _caption_segments(element: HtmlElement, base_url: str) -> list[_Segment]:
    """A figcaption or caption/credit box: its caption and its credit. A credit printed in its own
    element (``<span class=credit>``, ``<cite>``) is taken whole; otherwise it is split from the
    end of the text ("... Photo by X"). The caption of a video or tweet figure describes that
    embed, not the item."""
    lines = [normalise_space(line) for line in _text_by_line(element)]
    lines = [line for line in lines if line]
    if not lines:
        return []
    text = " ".join(lines)
    credit_element = next(
        (
            node
            for node in element.iter()
            # The box itself when it is the credit (<span class=credit>Name</span>), else a child.
            if (node is not element or tag_of(node) != "figcaption")
            and (tag_of(node) == "cite" or _CREDIT_CLASS.search(node.get("class") or ""))
        ),
        None,
    )
    link = next((a.get("href") for a in element.iter("a") if a.get("href")), None)
    link_url = absolute_url(link, base_url) if link else None
    credit: Credit | None = None
    caption = text
    if credit_element is not None:
        credit_text = text_of(credit_element)
        split_caption, split = split_credit(credit_text, link_url)
        if split is not None and split_caption.endswith((".", "!", "?")):
            # A box classed as a credit that prints a caption sentence too ("Coney Island. Photo:
            # Getty"); "u/someone / Via reddit.com" is one credit.
            credit, caption = split, normalise_space(text.replace(credit_text, split_caption, 1))
        else:
            credit = split or (
                Credit(text=credit_text, name=credit_text, url=link_url) if credit_text else None
            )
            caption = normalise_space(text.replace(credit_text, "", 1)) if credit_text else text
    if credit is None and len(lines) > 1:
        # A credit on a line of its own ("<strong>Title</strong><br>Credit: X").
        for line in lines:
            credit = parse_credit(line, link_url)
            if credit is not None:
                caption = " ".join(other for other in lines if other is not line)
                break
    if credit is None:
        caption, credit = split_credit(text, link_url)
    segments: list[_Segment] = []
    if caption:
        figure = element.getparent()
        describes_embed = (
            figure is not None
            and tag_of(figure) == "figure"
            and not any(is_image_element(node) for node in figure.iter())
            and any(True for _ in figure.iter(*_EMBED_TAGS, "blockquote"))
        )
        kind = "embed-caption" if describes_embed else "caption"
        # One segment per printed line, so that a title line ("Pyongyang Train Station" above
        # the text) can be told from the caption.
        caption_lines = [caption]
        if len(lines) > 1:
            without_credit = [
                normalise_space(line.replace(credit.text, "")) if credit else line for line in lines
            ]
            if " ".join(line for line in without_credit if line) == caption:
                caption_lines = [line for line in without_credit if line]
        segments.extend(_Segment(kind, line) for line in caption_lines)
    if credit:
        segments.append(_Segment("credit", credit.text, credit=credit))
    return segments


def _text_by_line(element: HtmlElement) -> list[str]:
    """The element's text split where it breaks lines (``<br>``, block children)."""
    lines = [""]
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = tag_of(node)
        if event == "start":
            if tag == "br" or (node is not element and tag in _BLOCK_TAGS):
                lines.append("")
            lines[-1] += node.text or "" if tag != "br" else ""
        else:
            if node is not element and tag in _BLOCK_TAGS and tag != "br":
                lines.append("")
            if node is not element:
                lines[-1] += node.tail or ""
    return lines


def _is_link_card(element: HtmlElement) -> bool:
    """An inline promo for another article: a block whose text is all link, with a title or image."""
    if tag_of(element) not in {"div", "section", "aside", "figure", "ul"}:
        return False
    if element.find(".//a") is None:
        return False
    has_title_or_image = any(True for _ in element.iter("h2", "h3", "h4", "h5", "img"))
    return has_title_or_image and link_text_ratio(element) > 0.9 and len(text_of(element)) > 15


# Blocks short enough to be a widget's line inside an item (checked for the marks below).
MAX_UI_LINE_CHARS = 200
MAX_UI_CHILDREN = 8
# Links that make a line a button: affiliate and call-to-action boxes ("Buy on Amazon $11.99").
MIN_BUTTON_LINK_SHARE = 0.6
_UI_LINE_TAGS = frozenset({"p", "div", "li", "span", "section", "aside", "small"})
_BUTTON_CLASS = re.compile(
    r"(?:^|[-_\s])(?:button|buttons|btn|cta|buy|shop|affiliate)(?:$|[-_\s])", re.IGNORECASE
)


def _is_ui_line(element: HtmlElement) -> bool:
    """A short block inside an item that is a widget, not the item's text: an ad slot's label, a
    "Related: ..." line, an affiliate or call-to-action button box."""
    if tag_of(element) not in _UI_LINE_TAGS or len(element) > MAX_UI_CHILDREN:
        return False
    text = text_of(element)
    if not text or len(text) > MAX_UI_LINE_CHARS:
        return False
    if AD_LABEL.match(text):
        return True
    links = link_text_ratio(element)
    if RELATED_LINE.match(text) and links >= MIN_BUTTON_LINK_SHARE / 2:
        return True
    if links < MIN_BUTTON_LINK_SHARE:
        return False
    sponsored = any("sponsored" in (a.get("rel") or "").lower() for a in element.iter("a"))
    styled = any(_BUTTON_CLASS.search(node.get("class") or "") for node in element.iter())
    return sponsored or styled


def _embed_of(element: HtmlElement, base_url: str) -> Embed | None:
    tag = tag_of(element)
    video_id = element.get("data-videoid") or element.get("videoid")
    if tag in {"amp-youtube", "lite-youtube"} and video_id:
        return Embed(kind="youtube", url=f"https://www.youtube.com/watch?v={video_id}")
    if tag == "amp-twitter" and element.get("data-tweetid"):
        return Embed(kind="twitter", url=f"https://twitter.com/i/status/{element.get('data-tweetid')}")
    if tag in {"amp-instagram"}:
        code = element.get("data-shortcode")
        return Embed(kind="instagram", url=f"https://www.instagram.com/p/{code}/") if code else None
    if tag == "blockquote":
        links = [a.get("href") or "" for a in element.iter("a") if a.get("href")]
        classes = (element.get("class") or "").lower()
        kind = next((name for word, name in _EMBED_KINDS if word in classes), "embed")
        if element.get("data-tweetid"):
            kind = "twitter"
        # The post's own address ("/status/123", "/p/CODE/"), else the permalink the embed code
        # prints last; the first link is often a picture or a mention inside the post.
        link = next((href for href in links if _POST_PERMALINK.search(href)), links[-1] if links else None)
        permalink = element.get("data-instgrm-permalink") or element.get("cite") or link
        return Embed(kind=kind, url=absolute_url(permalink, base_url)) if permalink else None
    src = element.get("src") or element.get("data-src")
    if not src or src.startswith(("about:", "javascript:", "data:")):
        return None
    url = absolute_url(src, base_url)
    kind = "youtube" if "youtube" in url or "youtu.be" in url else _EMBED_TAGS.get(tag, "iframe")
    return Embed(kind=kind, url=url)


def _walk(
    root: HtmlElement,
    head_index: dict[HtmlElement, int],
    heads: list[Head],
    base_url: str,
    stop_after_last: tuple[int, frozenset[HtmlElement]] | None,
    regions: list[_Region],
    preamble: _Region,
    start_index: int = -1,
    absorbed: frozenset[HtmlElement] = frozenset(),
) -> None:
    """Distribute the content under ``root`` over the items, in document order."""
    current = start_index
    noscript_depth = 0
    last = len(heads) - 1

    def region() -> _Region:
        return regions[current] if current >= 0 else preamble

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = tag_of(element)
        if event == "end":
            if tag == "noscript":
                noscript_depth -= 1
            if tag in _BLOCK_TAGS:
                region().flush(heading=tag in HEADING_TAGS)
            if element is not root and noscript_depth == 0:
                region().add_text(element.tail)
            continue
        if not tag:
            walker.skip_subtree()
            continue
        if element in absorbed:  # a heading read into its head already
            walker.skip_subtree()
            continue
        index = head_index.get(element)
        if index is not None:
            region().flush()
            current = index
            head = heads[index]
            if head.kind == "list-item" and head.absorbed is not None and _holds_blocks(element):
                # A rich list item (heading, figure, paragraphs): walk its content like any item's;
                # its heading element is skipped as absorbed.
                continue
            for head_image in images_in(element, base_url):
                regions[current].segments.append(_Segment("image", image=head_image))
            regions[current].add_text(head.rest)
            regions[current].flush()
            walker.skip_subtree()
            continue
        if current == last and stop_after_last is not None and element is not root:
            last_rank, stop_elements = stop_after_last
            if (tag in HEADING_TAGS and int(tag[1]) <= last_rank) or (element in stop_elements):
                region().flush()
                return  # past the last item: the rest of the container is not the list
        if tag == "noscript":
            noscript_depth += 1
            continue
        if is_image_element(element):
            found = image_from_element(element, base_url, noscript_depth > 0)
            if found is not None:
                region().segments.append(_Segment("image", image=found))
            # A background block's caption or credit box inside it is read below, as a figure's.
            if tag in IMAGE_ELEMENT_TAGS or (found is not None and not is_background_block(element)):
                walker.skip_subtree()
                continue
        if tag in _EMBED_TAGS or (
            tag == "blockquote"
            and (element.get("data-tweetid") or _EMBED_CLASS.search(element.get("class") or ""))
        ):
            region().flush()
            embed = _embed_of(element, base_url)
            if embed is not None:
                region().segments.append(_Segment("embed", embed=embed))
            walker.skip_subtree()
            continue
        if element is not root and (
            (is_furniture(element) and not is_photo_figure(element, base_url))
            or _is_link_card(element)
            or _is_ui_line(element)
        ):
            region().flush()
            walker.skip_subtree()
            continue
        if tag == "figcaption" or (
            tag in {"p", "div", "span", "small", "cite"}
            and _CAPTION_CLASS.search(element.get("class") or "")
            and element.find(".//img") is None
        ):
            region().flush()
            region().segments.extend(_caption_segments(element, base_url))
            walker.skip_subtree()
            continue
        if tag in _BLOCK_TAGS:
            region().flush()
        if noscript_depth == 0:
            region().add_text(element.text)
    region().flush()


def _item_block(head: Head, others: set[HtmlElement], stop: HtmlElement) -> HtmlElement:
    """Highest ancestor of the head that holds no other head, below ``stop``."""
    block = head.element
    for ancestor in ancestors_and_self(head.element):
        if ancestor is stop:
            break
        if any(node in others for node in ancestor.iter() if node is not head.element):
            break
        block = ancestor
    return block


# Items needed before the others' shared template may decide where the last one ends.
MIN_ITEMS_FOR_TEMPLATE_END = 4
_CONTENT_BLOCKS = frozenset(
    {"p", "figure", "div", "img", "picture", "blockquote", "ul", "ol", "table", "iframe"}
)


def _holds_blocks(element: HtmlElement) -> bool:
    return any(tag_of(child) in _CONTENT_BLOCKS for child in element)


def _wrapper_blocks(heads: list[Head], container: HtmlElement) -> list[HtmlElement] | None:
    """Each item's own wrapper element, when every head sits in one that also holds content."""
    if len(heads) < 2:
        return None
    elements = {head.element for head in heads}
    blocks = []
    for head in heads:
        block = _item_block(head, elements - {head.element}, container)
        if block is head.element:
            return None
        # A heading printed beside the head (absorbed) is part of it, not the item's content.
        own = len(text_of(head.element)) + (len(text_of(head.absorbed)) if head.absorbed is not None else 0)
        extra = len(text_of(block)) - own
        if extra < 20 and block.find(".//img") is None:
            return None
        blocks.append(block)
    if not any(_holds_image(block) for block in blocks) and _holds_image(container):
        # Each heading sits in a box with its text while the photos stand in boxes of their own
        # between them ("<section><figure/></section><section><h4/><p/></section>"): the items
        # run across boxes, as in a flat layout, or their photos would be lost.
        return None
    return blocks


def _holds_image(element: HtmlElement) -> bool:
    return any(True for _ in element.iter(*IMAGE_ELEMENT_TAGS))


def _trailing_media(segments: list[_Segment]) -> int:
    """Index of the first image (or embed) after the region's last text: where a run of media
    that belongs to the *next* item would begin. Credits right after the text stay put."""
    last_text = max((i for i, s in enumerate(segments) if s.kind == "text"), default=-1)
    for index in range(last_text + 1, len(segments)):
        if segments[index].kind in {"image", "embed"}:
            return index
    return len(segments)


def _leading_image(segments: list[_Segment]) -> bool:
    """An image comes before the region's first text (a photo printed right after its heading)."""
    for segment in segments:
        if segment.kind == "image":
            return True
        if segment.kind == "text":
            return False
    return False


def _drop_dangling_headings(region: _Region) -> None:
    """Drop the headings that end a region with nothing after them before the next item: the
    title of a widget whose content is all furniture ("Recommended Videos" over a player), which
    introduces no text of the item and would hide the photo before it from the boundary."""
    end = len(region.segments)
    while end > 0 and region.segments[end - 1].heading:
        end -= 1
    others = region.segments[:end]
    if end < len(region.segments) and any(s.kind == "text" for s in others):
        region.segments = others + [s for s in region.segments[end:] if s.kind != "text"]


def _assign_boundary_media(preamble: _Region, regions: list[_Region]) -> None:
    """Decide, at each boundary between items, whose the photos there are.

    Media after an item's last text either close that item or open the next one ("image,
    credit, then heading" is a common CMS order). The page's template decides first: when a photo
    stands before item 1 and most items end with photos and few start with one, photos precede
    their headings. Then each
    boundary on its own: a photo never moves to an item that has its own leading photo, and an
    item that already shows a photo right after its heading hands a trailing photo on to a next
    item that has none. The article's lead image before item 1 moves only in the first case.
    """
    sources = [preamble, *regions[:-1]]
    for source in sources:
        _drop_dangling_headings(source)
    cuts = [_trailing_media(region.segments) for region in sources]
    trailing = [
        any(s.kind == "image" for s in region.segments[cut:])
        for region, cut in zip(sources, cuts, strict=True)
    ]
    leading = [_leading_image(region.segments) for region in regions]
    before_votes = sum(trailing[1:])
    # Item 1's photo must then stand before item 1's heading too: without one there, photos at
    # the ends of items close their own items.
    template_before = (
        trailing[0] and before_votes > sum(leading) and before_votes >= max(1, (len(regions) - 1) * 0.6)
    )
    moved: list[list[_Segment]] = []
    for index, (source, cut) in enumerate(zip(sources, cuts, strict=True)):
        owns_photo = index > 0 and any(s.kind == "image" for s in source.segments[:cut])
        goes = (
            trailing[index]
            and not leading[index]
            and (template_before or (owns_photo and leading[index - 1]))
        )
        moved.append(source.segments[cut:] if goes else [])
        if goes:
            source.segments = source.segments[:cut]
    for region, carried in zip(regions, moved, strict=True):
        region.segments = carried + region.segments


def _end_last_item_with_the_template(regions: list[_Region]) -> None:
    """Cut the article's closing paragraphs off the last item: when every other item prints the
    same number of text paragraphs, the last item keeps that many (an outro after a gallery of
    captioned photos is not the last photo's caption)."""
    if len(regions) < MIN_ITEMS_FOR_TEMPLATE_END:
        return
    counts = {sum(s.kind == "text" for s in region.segments) for region in regions[:-1]}
    if len(counts) != 1:
        return
    keep = counts.pop()
    last = regions[-1]
    texts = [index for index, segment in enumerate(last.segments) if segment.kind == "text"]
    if len(texts) > keep:
        last.segments = last.segments[: texts[keep]]


def _build_item(position: int, head: Head, region: _Region, page_url: str) -> Item:
    images: list[Image] = []
    seen_urls: set[str] = set()
    captions: list[str] = []
    texts: list[str] = []
    credits: list[Credit] = []
    embeds: list[Embed] = []
    embed_captions: list[str] = []
    # A credit belongs to the photo before it, or to the next photo when it is printed first.
    image_credits: dict[int, Credit] = {}
    waiting_credit: Credit | None = None
    heading_key = _comparable(head.heading)
    for segment in region.segments:
        if segment.kind == "image" and segment.image is not None:
            if segment.image.url not in seen_urls:
                seen_urls.add(segment.image.url)
                images.append(segment.image)
                if waiting_credit is not None:
                    image_credits[len(images) - 1] = waiting_credit
                    waiting_credit = None
        elif segment.kind == "embed" and segment.embed is not None:
            embeds.append(segment.embed)
        elif segment.kind == "credit" and segment.credit is not None:
            if ARTICLE_IMAGE_CREDIT.match(segment.credit.text):
                continue  # the article's lead image's credit, wherever the template prints it
            if segment.ends_text and not images and not any(s.kind == "image" for s in region.segments):
                # "... Quelle: NABU" in an item without a photo cites the text's source: keep it there.
                if texts:
                    texts[-1] = f"{texts[-1]} {segment.text}"
                continue
            credits.append(segment.credit)
            if images and len(images) - 1 not in image_credits:
                image_credits[len(images) - 1] = segment.credit
            elif not images or len(images) - 1 in image_credits:
                waiting_credit = segment.credit
        elif segment.kind in {"caption", "text"} and heading_key and _comparable(segment.text) == heading_key:
            continue  # a photo-title line that repeats the heading ("Pyongyang Train Station")
        elif segment.kind == "caption":
            captions.append(segment.text)
        elif segment.kind == "embed-caption":
            embed_captions.append(segment.text)
        elif segment.kind == "text":
            texts.append(segment.text)
    if images and captions and images[0].caption is None:
        images[0] = images[0].model_copy(update={"caption": " ".join(captions)})
    if captions and (not images or not texts):
        # With no image to describe (AMP slides), or no other text (a gallery), the figcaption
        # is the item's own text.
        texts = captions + texts
    if not texts:
        # A video's or post's caption describes the embed; it is the item's text only when the
        # item has no other (an AMP slide that is one Instagram post and its caption).
        texts = embed_captions
    images = [
        image.model_copy(update={"credit": image_credits[index]}) if index in image_credits else image
        for index, image in enumerate(images)
    ]
    heading = head.heading
    if heading is None and images:
        heading = images[0].title or images[0].alt
    first_credit = next((image.credit for image in images if image.credit is not None), None)
    return Item(
        position=position,
        number=head.number,
        heading=heading,
        caption=" ".join(texts) or None,
        images=images,
        embeds=embeds,
        # A credit line with no image in the item is a page-wide note ("Images: Pexels; ..."),
        # not this item's credit.
        credit=(first_credit or (credits[0] if credits else None)) if images else None,
        page_url=page_url,
    )


def _comparable(text: str | None) -> str:
    return normalise_space(text or "").rstrip(" .:").casefold()


def build_items(selection: Selection, page_url: str, base_url: str) -> list[Item]:
    heads = selection.heads
    if not heads:
        return []
    head_index = {head.element: index for index, head in enumerate(heads)}
    regions = [_Region() for _ in heads]
    preamble = _Region()
    if len(heads) == 1:
        # A slideshow slide: the head's own box (image, text, credit around one heading).
        parent = heads[0].element.getparent()
        box = parent if parent is not None and tag_of(parent) not in {"body", "html"} else heads[0].element
        _walk(box, head_index, heads, base_url, None, regions, preamble, 0, selection.absorbed)
        return [_build_item(1, heads[0], regions[0], page_url)]
    container = lowest_common_ancestor([head.element for head in heads])
    blocks = _wrapper_blocks(heads, container)
    if blocks is not None:
        for index, block in enumerate(blocks):
            _walk(block, head_index, heads, base_url, None, regions, preamble, index, selection.absorbed)
    else:
        last_rank = heads[-1].rank if heads[-1].kind == "heading" else 4
        stops = (last_rank, selection.stop_elements)
        _walk(container, head_index, heads, base_url, stops, regions, preamble, -1, selection.absorbed)
        # Rich list items hold their own photos: nothing sits between two of them to reassign.
        if not all(head.kind == "list-item" and _holds_blocks(head.element) for head in heads):
            _assign_boundary_media(preamble, regions)
        _end_last_item_with_the_template(regions)
    return [
        _build_item(position, head, region, page_url)
        for position, (head, region) in enumerate(zip(heads, regions, strict=True), start=1)
    ]
