"""The archive's remarks on a document, not words of it: "[Classification level blacked out:
Top Secret]", "[Handwritten: …]", "[Stamp: …]". A paragraph that is only such a remark becomes
an editorial note of the division (note type="editorial"), never a salutation or a sentence.
"""
from __future__ import annotations

import re

from lxml import etree

from ..tei import XML_ID, tei

_REMARK = re.compile(
    r"^\s*\[\s*(?P<text>(?:Classification (?:level|mark(?:ing)?)s?|Handwritten(?: note)?|Stamp(?:ed)?|Seal|"
    r"Illegible|Signature|Page break|Document (?:ends|continues)|Translator['’]s note|Editor['’]s note)\b[^\[\]]*)\]\s*[.:]?\s*$",
    re.I,
)


def editorial_remark(text: str) -> str | None:
    """The remark's text when the whole paragraph is one bracketed archive remark."""
    m = _REMARK.match(text)
    return " ".join(m.group("text").split()) if m else None


def editorial_note(text: str, prefix: str, count: int) -> etree._Element:
    """<note type="editorial" xml:id="en-ed1" n="ed1">Classification level blacked out: …</note>"""
    note = etree.Element(tei("note"), type="editorial", n=f"ed{count}")
    note.set(XML_ID, f"{prefix}-ed{count}")
    note.text = text
    return note
