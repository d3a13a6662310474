"""What the entities pass reads of a document: its text divisions, its own date, the aligned
sentences of each sentence, the ids its names refer to, the records already in its standOff."""
from __future__ import annotations

import re

from lxml import etree

from ..lang import MONTH_NAMES
from ..tei import NSMAP, XML_ID, XML_LANG, language_divisions, local_name, tei
from .kinds import KINDS, NAME_ELEMENTS, RECORD_KINDS

_ISO = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
OWN_TEXT = etree.XPath(".//text()[not(ancestor::tei:supplied)]", namespaces=NSMAP, smart_strings=False)
NAME_TAGS = tuple(tei(t) for t in NAME_ELEMENTS)  # Clark names of the name elements
# plain strings (no smart strings: nothing asks for their parent)
_LINK_TARGETS = etree.XPath("tei:standOff/tei:linkGrp[@type='translation']/tei:link/@target",
                            namespaces=NSMAP, smart_strings=False)
SENTENCE_IDS = etree.XPath(".//tei:s/@xml:id", namespaces=NSMAP, smart_strings=False)
ALL_IDS = etree.XPath("//@xml:id", smart_strings=False)


def text_divisions(root: etree._Element) -> list[etree._Element]:
    """The body's language divisions, then the back's notes divisions (each with xml:lang)."""
    notes = root.xpath("tei:text/tei:back/tei:div[@xml:lang]", namespaces=NSMAP)
    return language_divisions(root) + notes


def record_date(root: etree._Element) -> str | None:
    """The record's own date (ISO), from the archive citation, the correspondence or the creation."""
    for path in (
        "tei:teiHeader//tei:biblStruct[@type='archive']//tei:date/@when",
        "tei:teiHeader/tei:profileDesc/tei:correspDesc//tei:date/@when",
        "tei:teiHeader/tei:profileDesc/tei:creation//tei:date/@when",
    ):
        for value in root.xpath(path, namespaces=NSMAP):
            if _ISO.match(value.strip()):
                return value.strip()
    return None


def aligned_sentences(root: etree._Element) -> dict[str, list[etree._Element]]:
    """Sentence id -> the sentences of its bead in the other language (from the translation linkGrp)."""
    sentences = {sid: s for s in root.iter(tei("s")) if (sid := s.get(XML_ID))}
    langs = _langs_of(sentences)
    beads: dict[str, list[etree._Element]] = {}
    for target in _LINK_TARGETS(root):
        ids = [t[1:] for t in target.split() if t[1:] in sentences]
        for sid in ids:
            beads[sid] = [sentences[o] for o in ids if langs[o] != langs[sid]]
    return beads


def _langs_of(elements: dict[str, etree._Element]) -> dict[str, str]:
    """Key -> lang_of(element), for many elements: each parent's language is looked up once
    (the sentences of a paragraph share it)."""
    of_parent: dict = {}
    langs = {}
    for key, el in elements.items():
        lang = el.get(XML_LANG)
        if not lang:
            parent = el.getparent()
            lang = of_parent.get(parent)
            if lang is None:
                lang = of_parent[parent] = "en" if parent is None else lang_of(parent)
        langs[key] = lang
    return langs



def refs_in(element: etree._Element) -> set[str]:
    """The ids that the name elements below `element` refer to."""
    out = set()
    for el in element.iterdescendants(*NAME_TAGS):
        ref = el.get("ref")
        if ref is not None:
            out.update(r.lstrip("#") for r in ref.split())
    return out


def lang_of(el: etree._Element) -> str:
    """The nearest xml:lang of `el` or an ancestor, else "en"."""
    node = el
    while node is not None:
        lang = node.get(XML_LANG)
        if lang:
            return lang
        node = node.getparent()
    return "en"


def written_date(iso: str) -> re.Pattern:
    """A full date as English text writes it: 2 January 1950, January 2, 1950, 1950-01-02."""
    year, month, day = iso[:4], MONTH_NAMES[int(iso[5:7]) - 1], str(int(iso[8:10]))
    return re.compile(rf"(?<!\d){day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{year}(?!\d)|"
                      rf"\b{month}\s+{day}(?:st|nd|rd|th)?,?\s+{year}(?!\d)|(?<!\d){iso}(?!\d)")



_STANDOFF_RECORDS = "|".join(f"tei:standOff/tei:{k.list}/tei:{k.record}" for k in KINDS)


def records_by_name(root: etree._Element) -> dict[tuple[str, str], str]:
    """(kind, name) -> xml:id of the person/place/org records already in the document's standOff."""
    out = {}
    for record in root.xpath(_STANDOFF_RECORDS, namespaces=NSMAP):
        kind, rid = local_name(record), record.get(XML_ID)
        for name in record.findall(tei(RECORD_KINDS[kind])):
            if rid and name.text:
                out.setdefault((kind, name.text), rid)
    return out


def refs_in_order(root: etree._Element) -> list[str]:
    """The ids the document's names refer to, in document order (repeated)."""
    refs = [el.get("ref") for el in root.getroottree().getroot().iter(*NAME_TAGS)]
    # one split of them all: a split per name cost more than walking the tree
    return [r.lstrip("#") for r in " ".join(ref for ref in refs if ref is not None).split() if r.startswith("#")]


def list_in(standoff: etree._Element, tag: str) -> etree._Element:
    found = standoff.find(tei(tag))
    if found is None:
        found = etree.Element(tei(tag))
        standoff.insert(0, found)
    return found
