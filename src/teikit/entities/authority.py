"""The authority file: TEI listPerson/listPlace/listOrg records, the shipped one merged with the user's.

Each record has an `xml:id` and names per `xml:lang`. A name's `@type` says how it may be matched:
no type (the main name), `variant` and `short` match anywhere; `contextual` (a bare surname, a
one-character abbreviation such as 周 or 莫) matches only where the context names the entity.
Later files extend earlier ones: a record with a known `xml:id` adds its names (and replaces the
`idno`), a new `xml:id` adds a record.
"""
from __future__ import annotations

import copy
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..lang import lang_matches
from ..resources import data_dir
from .kinds import RECORD_KINDS
from ..tei import XML_ID, XML_LANG, local_name, parse_xml_file, tei

PINYIN = "zh-Latn-pinyin"


@dataclass(frozen=True)
class Name:
    text: str
    lang: str
    type: str = ""  # "" (main) | "variant" | "short" | "contextual" | other TEI types

    @property
    def contextual(self) -> bool:
        return self.type == "contextual"


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str  # person | place | org
    names: tuple[Name, ...]
    wikidata: str | None = None

    @property
    def name_tag(self) -> str:
        return RECORD_KINDS[self.kind]

    def main_name(self, lang: str) -> str | None:
        """The main name in a language (or the first name in it); None if it has none."""
        in_lang = [n for n in self.names if lang_matches(n.lang, lang)]
        for n in in_lang:
            if not n.type:
                return n.text
        return in_lang[0].text if in_lang else None


@dataclass(frozen=True, eq=False)
class Authority:
    entities: dict[str, Entity]
    records: dict[str, etree._Element]  # xml:id -> the TEI record, to copy into a document

    def __len__(self) -> int:
        return len(self.entities)

    def record(self, entity_id: str) -> etree._Element:
        return copy.deepcopy(self.records[entity_id])


def shipped_authority_path() -> Path:
    return data_dir() / "authority.xml"


def load_authority(extra: tuple[str, ...] = ()) -> Authority:
    """The shipped authority merged with the extra files, in order (cached per file version)."""
    paths = (str(shipped_authority_path()), *extra)
    return _load(tuple((p, _version(p)) for p in paths))


def _version(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0  # parse_xml_file reports the problem


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[tuple[str, float], ...]) -> Authority:
    records: dict[str, etree._Element] = {}
    for i, (path, _) in enumerate(paths):
        for record in _records_in(path):
            _merge(records, record)
        if i == 0:  # after the shipped file: the states and capitals it lacks
            _add_places(records)
    entities = {rid: _entity(rid, el) for rid, el in records.items()}
    return Authority(entities, records)


def _add_places(records: dict[str, etree._Element]) -> None:
    from .places import derived_places

    names = {" ".join("".join(n.itertext()).split()) for r in records.values() for n in _name_elements(r)}
    for place in derived_places(set(records), names):
        records[place.get(XML_ID)] = place


def _records_in(path: str) -> list[etree._Element]:
    root = parse_xml_file(path).getroot()
    found = [el for el in root.iter() if isinstance(el.tag, str) and local_name(el) in RECORD_KINDS]
    if not found:
        raise InputError("no person, place or org records (expected TEI listPerson/listPlace/listOrg)", file=path)
    records = []
    for el in found:
        if not el.get(XML_ID):
            raise InputError(f"{local_name(el)} record without xml:id", file=path, line=el.sourceline)
        records.append(_as_tei(el))
    return records


def _as_tei(el: etree._Element) -> etree._Element:
    """A copy of the record in the TEI namespace (user files may omit the namespace)."""
    clone = copy.deepcopy(el)
    for node in clone.iter():
        if isinstance(node.tag, str) and etree.QName(node).namespace is None:
            node.tag = tei(node.tag)
    etree.cleanup_namespaces(clone)
    return clone


def _merge(records: dict[str, etree._Element], record: etree._Element) -> None:
    rid = record.get(XML_ID)
    known = records.get(rid)
    if known is None or local_name(known) != local_name(record):
        records[rid] = record
        return
    have = {(n.get(XML_LANG), "".join(n.itertext()).strip(), n.get("type")) for n in _name_elements(known)}
    for n in _name_elements(record):
        if (n.get(XML_LANG), "".join(n.itertext()).strip(), n.get("type")) not in have:
            _insert_name(known, copy.deepcopy(n))
    new_ids = record.findall(tei("idno"))
    if new_ids:
        for old in known.findall(tei("idno")):
            known.remove(old)
        for idno in new_ids:
            known.append(copy.deepcopy(idno))


def _insert_name(record: etree._Element, name: etree._Element) -> None:
    names = _name_elements(record)
    if names:
        names[-1].addnext(name)
    else:
        record.insert(0, name)
    name.tail = None


def _name_elements(record: etree._Element) -> list[etree._Element]:
    tag = RECORD_KINDS[local_name(record)]
    return [c for c in record if isinstance(c.tag, str) and local_name(c) in (tag, "name")]


def _entity(rid: str, el: etree._Element) -> Entity:
    names = []
    for n in _name_elements(el):
        text = " ".join("".join(n.itertext()).split())
        lang = n.get(XML_LANG) or _inherited_lang(n) or "en"
        if text:
            names.append(Name(text, lang, n.get("type") or ""))
    wikidata = next((i.text.strip() for i in el.findall(tei("idno")) if i.get("type") == "wikidata" and i.text), None)
    return Entity(rid, local_name(el), tuple(names), wikidata)


def _inherited_lang(el: etree._Element) -> str | None:
    for anc in el.iterancestors():
        if anc.get(XML_LANG):
            return anc.get(XML_LANG)
    return None
