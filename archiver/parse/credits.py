"""Credit lines: "Image Source: X", "Photo: X", "Photo by X", "© X", "(Source: X)", "Courtesy of X"."""

from __future__ import annotations

import re

from archiver.models import Credit
from archiver.parse.vocabulary import PHOTO_AGENCIES

# The label group ends with ":" or is a phrase that needs none ("Photo by", "Courtesy of", "©").
_CREDIT_LINE = re.compile(
    r"""^\(?\s*
    (?:
        (?:image|images|imagen|photo|photos|picture|pictures|pic|foto|fotos|bild|bilder|video)\s*
            (?:source|sources|credits?|quelle|courtesy)?\s*[:：|]
      | (?:source|sources|credits?|cr[ée]dits?(?:\s+photos?)?|quelle|bildquelle|fotoquelle|fuente|copyright)
            \s*[:：]
      | (?:photo|photograph|image|picture|foto|bild)\s+(?:by|von|courtesy\s+of|via)\b
      | (?:photo|image|foto|bild)\s*(?:©|\(c\))                       # Photo © X
      | courtesy(?:\s+of)?\b
      | v[ií]a\b
      | h/t\b
      | ©|\(c\)|copyright\b
      | (?:写真|画像提供|画像|出典|提供|撮影|图片来源|图片|摄影|来源|사진|출처)\s*[:：/／=＝]  # CJK
    )
    \s*(?P<name>.+?)\s*\)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# An agency credit with no label: "Getty Images", "Sean Pavone/Shutterstock", "(AP Photo/Jo Roe)",
# "(X/AFP via Getty Images)". The whole short text must name a photo agency.
_AGENCY_NAMES = "|".join(re.escape(name) for name in PHOTO_AGENCIES)
_AGENCY = re.compile(rf"(?:^|[\s/(])(?:{_AGENCY_NAMES})(?:$|[\s/),.])", re.IGNORECASE)
_MAX_AGENCY_CREDIT_WORDS = 8
_MAX_CREDIT_CHARS = 200


def parse_credit(text: str, url: str | None = None) -> Credit | None:
    """A Credit when the whole text is a credit line, else None.

    >>> parse_credit("Image Source: Michal Huniewicz").name
    'Michal Huniewicz'
    >>> parse_credit("© Wiebke Jann").name
    'Wiebke Jann'
    >>> parse_credit("(Source: Flickr/Giphy)").name
    'Flickr/Giphy'
    >>> parse_credit("Sources say the deal is off") is None
    True
    >>> parse_credit("写真：Wikimedia Commons").name
    'Wikimedia Commons'
    >>> parse_credit("写真を撮るなら、夕方の光がおすすめです。") is None  # "to take photos, ..."
    True
    >>> [parse_credit(t).name for t in ["Sean Pavone/Shutterstock", "(AP Photo/Jo Roe)", "Photo © Ann Lee"]]
    ['Sean Pavone/Shutterstock', 'AP Photo/Jo Roe', 'Ann Lee']
    >>> parse_credit("Getty Images bought the archive in 1995.") is None
    True
    >>> split_credit("Coney Island, New York. Photo: Getty")[1].text
    'Photo: Getty'


    """
    if len(text) > _MAX_CREDIT_CHARS:
        return None
    match = _CREDIT_LINE.match(text)
    if match is None:
        return _agency_credit(text, url)
    name = match.group("name").strip(" .;,")
    if not name or len(name.split()) > 12:
        return None
    return Credit(text=text, name=name, url=url)


def _agency_credit(text: str, url: str | None) -> Credit | None:
    """A short text that is only a photo agency and maybe a photographer ("Jo Roe/Getty Images")."""
    stripped = text.strip()
    if len(stripped.split()) > _MAX_AGENCY_CREDIT_WORDS or _AGENCY.search(stripped) is None:
        return None
    if re.search(r"[.!?](?:\s|$)", stripped.rstrip(").")) or stripped.endswith(("!", "?")):
        return None  # a sentence, or a caption before a credit: split_credit's case
    if stripped.endswith(".") and not stripped.endswith(")."):
        return None
    return Credit(text=stripped, name=stripped.strip("()").strip(), url=url)


# Where a credit may start inside a longer caption: after a sentence end or a separator.
_CREDIT_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\s+[|/–—]\s+|\s{2,}|\s+(?=\()")


def split_credit(text: str, url: str | None = None) -> tuple[str, Credit | None]:
    """Split "The path under the north face. Photo by Luca Ferri" into caption and credit.

    >>> split_credit("The path under the north face. Photo by Luca Ferri")[1].name
    'Luca Ferri'
    >>> split_credit("Just a caption.")
    ('Just a caption.', None)
    """
    whole = parse_credit(text, url)
    if whole is not None:
        return "", whole
    for boundary in _CREDIT_BOUNDARY.finditer(text):
        tail = text[boundary.end() :]
        credit = parse_credit(tail, url)
        if credit is not None:
            return text[: boundary.start()].strip(), credit
    return text, None
