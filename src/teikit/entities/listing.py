"""What `teikit entities` reports: each entity an encoded document refers to, with its names and counts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ..tei import NSMAP, XML_ID, XML_LANG, local_name
from .kinds import KIND_OF_NAME as KIND_OF_TAG, RECORD_KINDS, RECORDS


@dataclass(frozen=True)
class EntityRow:
    id: str
    type: str  # person | place | org
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> record names (main first)
    occurrences: dict[str, int] = field(default_factory=dict)  # lang -> tags in the text
    forms: dict[str, list[str]] = field(default_factory=dict)  # lang -> forms as written in the text
    wikidata: str | None = None
    cert: str | None = None

    def as_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "names": self.names, "occurrences": self.occurrences,
            "forms": self.forms, "wikidata": self.wikidata, "cert": self.cert,
        }


def list_entities(root: etree._Element) -> list[EntityRow]:
    """The entities the text refers to, in order of first mention."""
    records = _records(root)
    counts: dict[str, Counter] = {}
    forms: dict[str, dict[str, list[str]]] = {}
    kinds: dict[str, str] = {}
    for el in root.xpath("tei:text//*[@ref]", namespaces=NSMAP):
        if local_name(el) not in KIND_OF_TAG:
            continue
        lang = _lang(el)
        form = " ".join("".join(el.itertext()).split())
        for rid in (r[1:] for r in el.get("ref").split() if r.startswith("#")):
            counts.setdefault(rid, Counter())[lang] += 1
            seen = forms.setdefault(rid, {}).setdefault(lang, [])
            if form not in seen:
                seen.append(form)
            kinds.setdefault(rid, KIND_OF_TAG[local_name(el)])
    return [_row(rid, records.get(rid), kinds[rid], counts[rid], forms[rid]) for rid in counts]


def _records(root: etree._Element) -> dict[str, etree._Element]:
    path = "|".join(f"//tei:{r}[@xml:id]" for r in RECORDS)
    return {el.get(XML_ID): el for el in root.xpath(path, namespaces=NSMAP)}


def _row(rid, record, kind, counts, forms) -> EntityRow:
    names: dict[str, list[str]] = {}
    wikidata = cert = None
    if record is not None:
        kind = local_name(record)
        cert = record.get("cert")
        for n in record:
            if isinstance(n.tag, str) and local_name(n) == RECORD_KINDS[kind] and n.get("type") in (None, ""):
                names.setdefault(n.get(XML_LANG) or "en", []).append(" ".join("".join(n.itertext()).split()))
            if isinstance(n.tag, str) and local_name(n) == "idno" and n.get("type") == "wikidata":
                wikidata = (n.text or "").strip() or None
    return EntityRow(rid, kind, names, dict(counts), forms, wikidata, cert)


def _lang(el: etree._Element) -> str:
    for node in (el, *el.iterancestors()):
        if node.get(XML_LANG):
            return node.get(XML_LANG)
    return "und"
