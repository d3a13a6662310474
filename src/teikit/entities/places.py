"""Place records beyond the authority file: the world's states and capitals.

From two data files (made or written once, read here without any package): `countries.tsv`
(ISO 3166-1 from pycountry, with the alpha-3 code as `idno type="ISO3166-1"`) and
`places-extra.tsv` (states under their names of 1945-1975, regions, capitals). A name the
authority already has is left to the authority's record; the others become `place` records
merged after the shipped authority file.
"""
from __future__ import annotations

import unicodedata

from lxml import etree

from ..resources import data_dir
from ..tei import XML_ID, XML_LANG, slug, tei


def derived_places(taken_ids: set[str], taken_names: set[str]) -> list[etree._Element]:
    """`place` records for the states and capitals whose names the authority lacks."""
    records = []
    for rid, names, code in _rows():
        names = [n for n in names if n and n not in taken_names]
        if not names or rid in taken_ids:
            continue
        place = etree.Element(tei("place"), {XML_ID: rid})
        for i, name in enumerate(names):
            attrs = {XML_LANG: "en", **({"type": "variant"} if i else {})}
            etree.SubElement(place, tei("placeName"), attrs).text = name
        if code:
            etree.SubElement(place, tei("idno"), {"type": "ISO3166-1"}).text = code
        taken_ids.add(rid)
        taken_names.update(names)
        records.append(place)
    return records


def _rows():
    """(id, names, ISO code or "") of the two files, states first."""
    for line in _lines("countries.tsv"):
        code, names = line.split("\t")
        names = [n for n in names.split(" | ") if n]
        if not names:
            continue
        short = names[-1] if len(names) > 1 and len(names[-1]) < len(names[0]) else names[0]
        yield slug(_ascii(short)), names, code
    for line in _lines("places-extra.tsv"):
        rid, _, names = line.split("\t")
        yield rid, names.split(" | "), ""


def _lines(name: str) -> list[str]:
    text = (data_dir() / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
