"""English <-> Chinese name pairs from TEI authority files (listPerson / listPlace / listOrg)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..tei import NSMAP, XML_LANG, parse_xml_file

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "authority.xml"
_ENTITIES = "//tei:person | //tei:place | //tei:org"
_NAMES = "tei:persName | tei:placeName | tei:orgName"


def name_pairs(extra: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """(English name, Chinese name) pairs of the shipped authority file (if any) and `extra` files."""
    files = ([str(SHIPPED)] if SHIPPED.is_file() else []) + [str(f) for f in extra]
    pairs: list[tuple[str, str]] = []
    for path in files:
        pairs.extend(_pairs_in(path))
    return tuple(dict.fromkeys(pairs))


@lru_cache(maxsize=8)
def _pairs_in(path: str) -> tuple[tuple[str, str], ...]:
    root = parse_xml_file(path).getroot()
    pairs = []
    for entity in root.xpath(_ENTITIES, namespaces=NSMAP):
        en, zh = [], []
        for name in entity.xpath(_NAMES, namespaces=NSMAP):
            if name.get("type") == "contextual":
                continue  # bare surnames and one-character forms: too ambiguous as anchors
            text = " ".join("".join(name.itertext()).split())
            lang = name.get(XML_LANG, "")
            if lang == "en" and len(text) >= 3:
                en.append(text)
            elif lang.startswith("zh-Han") and len(text) >= 2:
                zh.append(text)
        pairs.extend((e, z) for e in en for z in zh)
    return tuple(pairs)
