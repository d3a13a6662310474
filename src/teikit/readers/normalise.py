"""Input normalisation at the reader boundary: characters XML cannot hold, kept losslessly.

XML 1.0 forbids most C0 controls, U+FFFE, U+FFFF and lone surrogates; lxml raises ValueError
when one reaches a text node. Before a reader sees the text, `normalise` puts a private
stand-in character (from Unicode's private use plane 16, one not already in the text) in the
place of each such character; after the reader and the passes, `restore` turns the stand-ins
into TEI (docs/encoding.md):

* a form feed (pdftotext's page break) inside the text becomes `<pb/>`; one in the header,
  or the form feeds that end the text (they start no page), are treated like the others:
* every other one becomes `<g ref="#U000B"/>`, declared once in
  `encodingDesc/charDecl/char` with its code point (`mapping type="codepoint"`) and name
  (`localProp name="name"`); in an attribute value it becomes U+FFFD.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

from ..tei import NSMAP, XML_ID, tei

# What XML 1.0 allows (Char production); \r is allowed but never left by decode_text.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
PAGE_BREAK = "\U0010fffd"  # stands for a form feed that becomes <pb/>
_FIRST_STAND_IN = 0x10FC00
_TRAILING = "\f \t\n\r"
_CONTROL_NAMES = {
    0: "NULL", 7: "BELL", 8: "BACKSPACE", 11: "LINE TABULATION", 12: "FORM FEED", 27: "ESCAPE",
    0x7F: "DELETE",
}


@dataclass
class Normalised:
    """The text a reader may read, and what each stand-in character stands for."""

    text: str
    stand_ins: dict[str, str] = field(default_factory=dict)  # stand-in -> original character


def normalise(text: str) -> Normalised:
    """Replace XML-incompatible characters by stand-ins (linear; a no-op for ordinary text)."""
    (out,), stand_ins = normalise_all([text])
    return Normalised(out, stand_ins)


def normalise_all(texts: list[str]) -> tuple[list[str], dict[str, str]]:
    """`normalise` of several texts that go into one document: one table of stand-ins."""
    if not any(_NOT_XML.search(t) or PAGE_BREAK in t for t in texts):
        return list(texts), {}
    present = set().union(*map(set, texts))
    originals = sorted(set().union(*(_NOT_XML.findall(t) for t in texts)) | ({PAGE_BREAK} & present))
    free = (chr(cp) for cp in range(_FIRST_STAND_IN, ord(PAGE_BREAK)) if chr(cp) not in present)
    stand_ins = {ch: next(free) for ch in originals if ch != "\f"}
    table = {ord(ch): s for ch, s in stand_ins.items()}
    table[ord("\f")] = "\n" + PAGE_BREAK + "\n"
    out = []
    for text in texts:
        body, tail = _split_trailing(text)
        out.append(body.translate(table) + tail.replace("\f", ""))
    reverse = {s: ch for ch, s in stand_ins.items()}
    reverse[PAGE_BREAK] = "\f"
    return out, reverse


def _split_trailing(text: str) -> tuple[str, str]:
    """The text, and the white space and form feeds that end it (pdftotext ends every page,
    the last one too, with a form feed: that one starts no page)."""
    body = text.rstrip(_TRAILING)  # (a regex anchored at the end would retry every position)
    return body, text[len(body):]


def restore(tree: etree._ElementTree, stand_ins: dict[str, str]) -> etree._ElementTree:
    """Turn the stand-ins in the tree into pb and g elements (and their charDecl)."""
    if not stand_ins:
        return tree
    root = tree.getroot()
    pattern = re.compile("[" + "".join(map(re.escape, stand_ins)) + "]")
    used: set[str] = set()
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if pattern.search(value):  # attributes hold no markup: the replacement character
                el.set(name, pattern.sub("\ufffd", value))
        if el.text and pattern.search(el.text):
            _expand(el, None, stand_ins, pattern, used)
        if el.tail and pattern.search(el.tail):
            _expand(el.getparent(), el, stand_ins, pattern, used)
    if used:
        _declare(root, sorted(used))
    return tree


def _expand(parent, after, stand_ins, pattern, used) -> None:
    """Split parent.text (after is None) or after.tail at stand-ins into elements."""
    text = parent.text if after is None else after.tail
    pieces = pattern.split(text)
    found = pattern.findall(text)
    in_text = bool(parent.xpath("ancestor-or-self::tei:text", namespaces=NSMAP))
    if after is None:
        parent.text = pieces[0]
        index = 0
    else:
        after.tail = pieces[0]
        index = parent.index(after) + 1
    for ch, piece in zip(found, pieces[1:]):
        original = stand_ins[ch]
        if original == "\f" and in_text:
            el = etree.Element(tei("pb"))
        else:
            el = etree.Element(tei("g"), ref="#" + char_id(original))
            used.add(original)
        el.tail = piece
        parent.insert(index, el)
        index += 1


def char_id(ch: str) -> str:
    return f"U{ord(ch):04X}"


def _declare(root: etree._Element, chars: list[str]) -> None:
    """charDecl/char for each character met, in encodingDesc (made if absent)."""
    header = root.find(tei("teiHeader"))
    enc = header.find(tei("encodingDesc"))
    if enc is None:
        enc = etree.Element(tei("encodingDesc"))
        header.find(tei("fileDesc")).addnext(enc)
    decl = etree.SubElement(enc, tei("charDecl"))
    for ch in chars:
        char = etree.SubElement(decl, tei("char"))
        char.set(XML_ID, char_id(ch))
        etree.SubElement(char, tei("localProp"), name="name", value=_name(ch))
        etree.SubElement(char, tei("mapping"), type="codepoint").text = f"U+{ord(ch):04X}"
        etree.SubElement(char, tei("desc")).text = "a character of the input that XML cannot hold"


def _name(ch: str) -> str:
    cp = ord(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return "SURROGATE (UNPAIRED)"
    return unicodedata.name(ch, "") or _CONTROL_NAMES.get(cp, f"CONTROL U+{cp:04X}" if cp < 0x20 else f"NONCHARACTER U+{cp:04X}")
