"""Credit lines: "Image Source: X", "Photo: X", "Photo by X", "© X", "(Source: X)", "Courtesy of X"."""

from __future__ import annotations

import re

from archiver.models import Credit

# The label group ends with ":" or is a phrase that needs none ("Photo by", "Courtesy of", "©").
_CREDIT_LINE = re.compile(
    r"""^\(?\s*
    (?:
        (?:image|images|photo|photos|picture|pictures|pic|foto|fotos|bild|bilder|video)\s*
            (?:source|sources|credits?|quelle|courtesy)?\s*[:：|]
      | (?:source|sources|credits?|quelle|bildquelle|fotoquelle|copyright)\s*[:：]
      | (?:photo|photograph|image|picture|foto|bild)\s+(?:by|von|courtesy\s+of|via)\b
      | courtesy(?:\s+of)?\b
      | via\b
      | ©|\(c\)|copyright\b
      | (?:写真|画像|出典|提供|撮影|图片来源|图片|摄影|来源|사진|출처)\s*[:：/／]  # CJK: separator required
    )
    \s*(?P<name>.+?)\s*\)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
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

    """
    if len(text) > _MAX_CREDIT_CHARS:
        return None
    match = _CREDIT_LINE.match(text)
    if match is None:
        return None
    name = match.group("name").strip(" .;,")
    if not name or len(name.split()) > 12:
        return None
    return Credit(text=text, name=name, url=url)


# Where a credit may start inside a longer caption: after a sentence end or a separator.
_CREDIT_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\s+[|/–—]\s+|\s{2,}")


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
