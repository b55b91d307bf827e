"""Main-content detection (archiver.parse.main_content) on small pages written for these tests."""

from __future__ import annotations

from lxml import etree

from archiver.parse.document import load_document
from archiver.parse.dom import HtmlElement, tag_of, text_of
from archiver.parse.main_content import find_main_content


def _paragraph(topic: str, words: int = 40) -> str:
    return f"<p>{topic} " + " ".join(f"{topic.lower()}{n}" for n in range(words)) + ".</p>"


def _by_id(root: HtmlElement, element_id: str) -> HtmlElement:
    found = root.xpath(f"//*[@id='{element_id}']")
    assert isinstance(found, list) and found
    element = found[0]
    assert isinstance(element, etree._Element)
    return element


_NAV_LINKS = "".join(f'<li><a href="/c{n}">Category number {n} of the site</a></li>' for n in range(30))
_ITEMS = "".join(
    f'<div class="entry"><h2 id="h{n}">{n}. Way number {n}</h2>{_paragraph(f"Way{n}")}</div>'
    for n in range(1, 6)
)
_POPULAR = "".join(
    f'<li><a href="/p{n}">A very popular story with a long headline, number {n}</a></li>' for n in range(40)
)
_COMMENTS = "".join(f'<div class="comment">{_paragraph(f"Reader{n}", 60)}</div>' for n in range(4))
_FOOTER_LINKS = "".join(f'<a href="/f{n}">Footer link {n}</a> ' for n in range(20))
ARTICLE_AMONG_FURNITURE = f"""<html><head><title>Five ways</title></head><body>
<header><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></header>
<nav id="nav"><ul>{_NAV_LINKS}</ul></nav>
<div class="layout">
  <div class="column">
    <h1 id="headline">Five ways to keep a garden alive</h1>
    <div id="article">
      <p id="intro">Gardens die of neglect more often than of frost; the fixes are cheap and quick.</p>
      {_ITEMS}
    </div>
  </div>
  <aside id="sidebar"><h3>Popular</h3><ul>{_POPULAR}</ul></aside>
</div>
<div class="comments" id="comments"><h3>12 comments</h3>{_COMMENTS}</div>
<footer id="footer"><p>Copyright notice and a long legal paragraph that nobody reads but every page
prints at the bottom.</p>{_FOOTER_LINKS}</footer>
</body></html>"""


def test_article_is_chosen_over_nav_sidebar_comments_and_footer() -> None:
    root = load_document(ARTICLE_AMONG_FURNITURE).root
    main = find_main_content(root)
    assert main.element.get("id") == "article"
    assert main.score > 0
    assert main.paragraphs == 6  # the intro and the five items' paragraphs
    for element_id in ("intro", "h1", "h5"):
        assert main.contains(_by_id(root, element_id))
    for element_id in ("nav", "sidebar", "comments", "footer", "headline"):
        assert not main.contains(_by_id(root, element_id))


def test_every_item_of_a_listicle_is_inside_not_just_the_longest_item() -> None:
    # Each item is its own wrapper and the last one is much longer: a scorer that credits the
    # paragraph's parent alone picks that item.
    items = "".join(
        f'<section id="item{n}"><h2>{n}. Item {n}</h2>{_paragraph(f"Item{n}", length)}</section>'
        for n, length in ((1, 30), (2, 30), (3, 30), (4, 200))
    )
    page = f"<html><body><nav>{'<a href=/x>link</a>' * 20}</nav><main id='list'>{items}</main></body></html>"
    root = load_document(page).root
    main = find_main_content(root)
    assert main.element.get("id") == "list"
    assert main.share_inside([_by_id(root, f"item{n}") for n in range(1, 5)]) == 1.0


def test_link_list_with_more_text_than_the_article_loses_without_any_class_hint() -> None:
    teasers = "".join(
        f'<li><a href="/story/{n}">Teaser headline number {n} that runs long enough for a paragraph</a></li>'
        for n in range(60)
    )
    page = (
        "<html><body>"
        f"<div id='story'>{_paragraph('Alpha')}{_paragraph('Beta')}{_paragraph('Gamma')}</div>"
        f"<div id='more'><ul>{teasers}</ul></div>"
        "</body></html>"
    )
    root = load_document(page).root
    main = find_main_content(root)
    assert text_of(_by_id(root, "more")).__len__() > 3 * text_of(_by_id(root, "story")).__len__()
    assert main.element.get("id") == "story"
    assert not main.contains(_by_id(root, "more"))


def test_text_held_directly_in_body_is_found() -> None:
    page = f"<html><body>{_paragraph('Only')}{_paragraph('Text')}</body></html>"
    root = load_document(page).root
    main = find_main_content(root)
    assert tag_of(main.element) == "body"
    assert main.score > 0


def test_five_thousand_nested_divs_are_walked_without_recursion() -> None:
    # libxml2 caps the parsed depth at 255, so build the tree directly: the scorer must not
    # depend on the parser's cap.
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    etree.SubElement(body, "nav").text = "Home About Contact"
    node = body
    for _ in range(5000):
        node = etree.SubElement(node, "div")
    deepest = node
    for n in range(3):
        paragraph = etree.SubElement(deepest, "p")
        paragraph.text = f"Deep paragraph {n} " + "with enough words to count as text " * 3
    main = find_main_content(root)
    assert main.paragraphs == 3
    assert main.contains(paragraph)
    # The wrappers between <body> and the paragraphs add no text: they tie, and the outermost
    # wins (it also holds whatever images or embeds the wrappers carry).
    assert main.element is body[1]
    assert main.contains(deepest)
    # The parsed version of a hostile page is handled too (libxml2 stops reading at depth 255 and
    # drops what lies deeper, so the article comes first here).
    parsed = (
        "<html><body>" + _paragraph("Deep") * 3 + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>"
    )
    parsed_main = find_main_content(load_document(parsed).root)
    assert parsed_main.paragraphs == 3


def test_a_page_without_body_falls_back_to_the_root_with_score_zero() -> None:
    root = load_document("<html><head><title>Nothing here</title></head></html>").root
    main = find_main_content(root)
    assert main.score == 0.0
    assert main.element is root or tag_of(main.element) == "body"
    assert main.contains(main.element)


def test_a_page_without_paragraphs_falls_back_to_body() -> None:
    root = load_document("<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>").root
    main = find_main_content(root)
    assert tag_of(main.element) == "body"
    assert main.score == 0.0
    assert main.paragraphs == 0


def test_contains_is_false_for_elements_of_another_tree() -> None:
    root = load_document(ARTICLE_AMONG_FURNITURE).root
    main = find_main_content(root)
    other = load_document(ARTICLE_AMONG_FURNITURE).root
    assert not main.contains(_by_id(other, "intro"))
    assert main.share_inside([]) == 0.0


def test_teasers_with_short_summaries_beside_long_links_are_not_paragraphs() -> None:
    # Each teaser has 45 unlinked characters (enough for a paragraph) next to a longer link.
    teasers = "".join(
        f'<li><a href="/t/{n}">Headline of teaser number {n:02} which runs to sixty chars</a> '
        f"Summary of the teaser number {n:02}, in 45 chars</li>"
        for n in range(20)
    )
    page = (
        "<html><body>"
        f"<div id='story'>{_paragraph('Alpha', 50)}{_paragraph('Beta', 50)}{_paragraph('Gamma', 50)}</div>"
        f"<ul id='stories'>{teasers}</ul>"
        "</body></html>"
    )
    root = load_document(page).root
    main = find_main_content(root)
    assert main.element.get("id") == "story"
    assert main.paragraphs == 3


def test_one_long_paragraph_does_not_win_alone_over_its_article() -> None:
    # The article's container also holds an unmarked link list, which lowers its density below
    # that of its longest paragraph; the short second paragraph must still be inside.
    links = "".join(f'<a href="/x/{n}">Another link in the article box {n}</a> ' for n in range(12))
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav><div id='article'>"
        f"<p id='long'>{'Long paragraph text. ' * 30}</p>"
        "<p id='short'>A short second paragraph of the same article body.</p>"
        f"<div>{links}</div></div></body></html>"
    )
    root = load_document(page).root
    main = find_main_content(root)
    assert main.element.get("id") == "article"
    assert main.contains(_by_id(root, "short"))
