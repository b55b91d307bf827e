"""Scoring ``parse_page`` on the field pages, by the tester's rules (their ``score.py``).

Truth items are matched to extracted items by heading, in order (a heading holding the other will
do), falling back to the same position when the page gives as many items as the truth. Then, for
each truth item:

- ``images``: as many images as the truth, each URL one of the truth's alternatives (``a|b``);
- ``icredits``: each image's credit (only when the images are right);
- ``credit``: the item's credit;
- ``caption``: the item's text starts with the truth's start (within its first 250 characters,
  but not after the heading repeated), and holds none of the truth's excluded words, nor its
  credits (those longer than six characters);
- ``embeds``: as many embeds as the truth, each URL holding the truth's part;
- ``largest``: each image's ``largest_url``, where the truth gives it.

A credit is right when, with its label ("Photo:", "Foto:", "©", "via", "写真：", ...) and outer
punctuation removed, the truth's equals the extracted credit's text or name; ``*`` is not checked,
``None`` wants no credit. An item is **right** when every field it is checked on is right; the
heading is counted on its own (NFKC, case and punctuation folded) and is not part of it. A crash of
the extractor fails every item of the page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from archiver.models import Credit, ListiclePage
from archiver.models import Item as GotItem
from archiver.urls import canonical_url
from tests.independent_fields.truth import Item, Page

FLOORS = Path(__file__).resolve().parent.parent / "independent_fields_floors.json"
REGENERATE = ".venv/bin/python -m tests.independent_fields --write-floors"
FIELDS = ("images", "icredits", "credit", "caption", "embeds", "largest")
LABEL = re.compile(
    r"^\s*(?:\(|\[)?\s*(?:image courtesy of|photo courtesy of|courtesy of|courtesy|photo credit|"
    r"image credit|image source|photo by|photograph by|photographs?|photos?|images?|pictures?|fotos?|"
    r"bild|quelle|source|credits?|crédit photo|crédits?|fotografía|imagen|fuente|vía|via|写真|出典|画像|"
    r"提供|©|\(c\)|copyright)\s*[:：]?\s*",
    re.I,
)


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"\s+", " ", s).strip()


def core(s: str | None) -> str:
    s = norm(s).lower()
    for _ in range(3):
        s2 = LABEL.sub("", s)
        if s2 == s:
            break
        s = s2
    return s.strip(" .;,()[]-–—")


def credit_ok(got: Credit | None, want: str | None) -> bool:
    if want == "*":
        return True
    if want is None:
        return got is None
    if got is None:
        return False
    w = core(want)
    return w in (core(got.text), core(got.name or ""))


def hnorm(s: str | None) -> str:
    return re.sub(r"[\W_]+", " ", norm(s).lower()).strip()


def align(truth: Sequence[Item], got: Sequence[GotItem]) -> list[tuple[Item, GotItem | None]]:
    """Match truth items to extracted ones by heading, in order; fall back to position."""
    pairs: list[tuple[Item, GotItem | None]] = []
    j = 0
    used: set[int] = set()
    for i, t in enumerate(truth):
        th = hnorm(t["heading"])
        hit = None
        for k in range(j, len(got)):
            gh = hnorm(got[k].heading or "")
            if th and gh and (th == gh or th in gh or gh in th):
                hit = k
                break
        if hit is None and i < len(got) and i not in used and len(got) == len(truth):
            hit = i
        if hit is not None:
            used.add(hit)
            j = hit + 1
        pairs.append((t, got[hit] if hit is not None else None))
    return pairs


def _same_url(got: str | None, wanted: str) -> bool:
    """``got`` is one of the "|"-separated truth URLs. Truths copy URLs as pages print them
    (raw spaces, umlauts); records hold them in canonical form: compared canonical, since both
    name the same resource."""
    return got is not None and canonical_url(got) in {canonical_url(url) for url in wanted.split("|")}


def check(t: Item, g: GotItem | None) -> dict[str, tuple[bool, str]]:
    """Return {field: (ok, detail)} for one truth item and its extracted item (or None)."""
    r: dict[str, tuple[bool, str]] = {}
    if g is None:
        return {f: (False, "item missing") for f in FIELDS if f != "largest" or "largest" in t}
    gi = [im.url for im in g.images]
    ok = len(gi) == len(t["images"]) and all(_same_url(u, w) for u, w in zip(gi, t["images"], strict=False))
    r["images"] = (ok, f"got {gi}" if not ok else "")
    if ok:
        bad = [(k, g.images[k].credit, w) for k, w in enumerate(t["icredits"])
               if not credit_ok(g.images[k].credit, w)]  # fmt: skip
        r["icredits"] = (
            not bad,
            "; ".join(f"img{k + 1}: got {(c.text if c else None)!r} want {w!r}" for k, c, w in bad),
        )
    else:
        r["icredits"] = (False, "images wrong")
    if "largest" in t:
        if ok:
            gl = [im.largest_url for im in g.images]
            okl = all(_same_url(g_, w) if w else g_ is None for g_, w in zip(gl, t["largest"], strict=False))
            r["largest"] = (okl, f"got {gl} want {t['largest']}" if not okl else "")
        else:
            r["largest"] = (False, "images wrong")
    c = g.credit
    r["credit"] = (credit_ok(c, t["credit"]), f"got {(c.text if c else None)!r} want {t['credit']!r}")
    cap = norm(g.caption)
    want = norm(t["caption"]) if t["caption"] else None
    why = ""
    if want is None:
        if cap:
            why = f"expected none, got {cap[:90]!r}"
    else:
        if want not in cap[: len(want) + 250]:
            why = f"want start {want!r}, got {cap[:120]!r}"
        elif not cap.startswith(want):
            pre = cap[: cap.index(want)]
            if t["heading"] and hnorm(t["heading"]) and hnorm(pre).startswith(hnorm(t["heading"])):
                why = f"caption starts with heading: {cap[:90]!r}"
    low = cap.lower()
    for x in t["excl"] + [w for w in [*t["icredits"], t["credit"]] if w and w != "*" and len(w) > 6]:
        if x and norm(x).lower() in low:
            why = (why + "; " if why else "") + f"contains {x!r}"
    r["caption"] = (not why, why + (f"  [caption tail: ...{cap[-80:]!r}]" if why and cap else ""))
    ge = [e.url for e in g.embeds]
    ok = len(ge) == len(t["embeds"]) and all(w in u for u, w in zip(ge, t["embeds"], strict=False))
    r["embeds"] = (ok, f"got {ge}" if not ok else "")
    return r


@dataclass
class ItemScore:
    page: str
    index: int  # 1-based, in the truth's order
    truth: Item
    got: GotItem | None
    fields: dict[str, tuple[bool, str]]  # field -> (right, what is wrong)

    @property
    def id(self) -> str:
        """``page#index``, as the floors name it."""
        return f"{self.page}#{self.index}"

    @property
    def right(self) -> bool:
        return all(ok for ok, _ in self.fields.values())

    @property
    def heading_ok(self) -> bool:
        return self.got is not None and hnorm(self.got.heading or "") == hnorm(self.truth["heading"])

    @property
    def wrong(self) -> list[str]:
        return [name for name, (ok, _) in self.fields.items() if not ok]


@dataclass
class PageScore:
    page: Page
    record: ListiclePage | None
    error: str | None = None
    items: list[ItemScore] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.page.name

    @property
    def got_items(self) -> int:
        return len(self.record.items) if self.record else 0

    @property
    def count_ok(self) -> bool:
        return self.record is not None and self.got_items == len(self.page.items)

    @property
    def right(self) -> int:
        return sum(item.right for item in self.items)

    @property
    def exact(self) -> bool:
        return self.count_ok and self.right == len(self.items)


def score_page(page: Page, record: ListiclePage | None, error: str | None = None) -> PageScore:
    score = PageScore(page, record, error)
    if record is None:
        pairs: list[tuple[Item, GotItem | None]] = [(t, None) for t in page.items]
    else:
        pairs = align(page.items, record.items)
    for index, (t, g) in enumerate(pairs, 1):
        fields = check(t, g)
        if error is not None:
            fields = {name: (False, f"error: {error}") for name in fields}
        score.items.append(ItemScore(page.name, index, t, g, fields))
    return score


def score_pages(pages: Iterable[Page]) -> list[PageScore]:
    from archiver.parse import parse_page

    scores = []
    for page in pages:
        try:
            record = parse_page(page.data, page.url)
        except Exception as error:  # the set reports what the extractor does, crashes included
            scores.append(score_page(page, None, f"{type(error).__name__}: {error}"))
            continue
        scores.append(score_page(page, record))
    return scores


def totals(scores: Sequence[PageScore]) -> dict[str, str]:
    items = [item for s in scores for item in s.items]
    result = {
        "pages": str(len(scores)),
        "pages exact (count and every item)": f"{sum(s.exact for s in scores)}/{len(scores)}",
        "item count right": f"{sum(s.count_ok for s in scores)}/{len(scores)}",
        "items with every field right (pinned)": f"{sum(i.right for i in items)}/{len(items)}",
        "headings right (not in the above)": f"{sum(i.heading_ok for i in items)}/{len(items)}",
    }
    for name in FIELDS:
        checked = [i.fields[name][0] for i in items if name in i.fields]
        result[f"  {name}"] = f"{sum(checked)}/{len(checked)}"
    return result


def item_key(item_id: str) -> tuple[str, int]:
    page, _, index = item_id.rpartition("#")
    return page, int(index)


def load_floors(path: Path = FLOORS) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8")).get("items", []))


def write_floors(items: Iterable[str], path: Path = FLOORS) -> None:
    data = {
        "about": (
            "Items of the field pages (tests/independent_fields) whose fields are all right today, "
            "as page#item (the item's place in the truth, from 1). tests/test_independent_fields.py "
            "fails if one stops being right or an unlisted one becomes right. "
            f"Regenerate with: {REGENERATE}"
        ),
        "items": sorted(items, key=item_key),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
