"""What the site needs from one TEI document: metadata for browsing, its authority records
and every mention of a name with the sentence around it.

Works on any TEI P5 document: each field falls back to what a document without teikit's
header has (the first title, any dated element, the TEI's own language), so a foreign
document gets a page with what it says, and empty facets for what it does not.
"""
from __future__ import annotations

import functools
import re

from lxml import etree

from ..tei import TEI_NS

NS = {"t": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
KINDS = {"person": "person", "personGrp": "person", "place": "place", "org": "organisation"}
NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "organisation", "name": None}
CONTEXT_CHARS = 320
_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"^-?\d{4}")


@functools.lru_cache(maxsize=None)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NS)


def _x(node, path: str) -> list:
    return _compiled(path)(node)


def text_of(el) -> str:
    """The element's text content, whitespace collapsed (notes left out)."""
    if el.find(".//{%s}note" % TEI_NS) is None:
        return _SPACE.sub(" ", "".join(el.itertext())).strip()
    return _SPACE.sub(" ", "".join(_x(el, ".//text()[not(ancestor::t:note)]"))).strip()


def _first_text(root, *paths: str) -> str:
    for path in paths:
        for el in _x(root, path):
            value = text_of(el) if isinstance(el, etree._Element) else _SPACE.sub(" ", str(el)).strip()
            if value:
                return value
    return ""


def document_info(root: etree._Element) -> dict:
    """Title, date, languages and the facet values of one document (JSON-ready)."""
    header = (_x(root, "t:teiHeader") or [root])[0]
    records = _records_by_id(root)
    when, label = document_date(header)
    info = {
        "title": _first_text(header, "t:fileDesc/t:titleStmt/t:title[@type='main']", "t:fileDesc/t:titleStmt/t:title",
                             ".//t:title") or "",
        "title_original": _first_text(header, "t:fileDesc/t:titleStmt/t:title[@type='original']"),
        "date": when,
        "date_label": label,
        "year": (_YEAR.match(when).group(0) if when and _YEAR.match(when) else ""),
        "summary": _first_text(header, "t:profileDesc/t:abstract"),
        "lang": root.get(XML_LANG) or "",
    }
    info["facets"] = {
        "year": [info["year"]] if info["year"] else [],
        "author": _correspondents(header, "sent", records) or _names(header, "t:fileDesc/t:titleStmt/t:author", records),
        "recipient": _correspondents(header, "received", records),
        "language": original_languages(root, header),
        "archive": _archives(header),
        "type": _unique(text_of(t) for t in _x(header, "t:profileDesc/t:textClass/t:keywords/t:term")),
    }
    return info


def document_date(header) -> tuple[str, str]:
    """(ISO value, its text) of the document's date: creation, then sending, then any date."""
    for path in ("t:profileDesc/t:creation//t:date", "t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:date",
                 "t:fileDesc/t:sourceDesc//t:date", ".//t:date"):
        for date in _x(header, path):
            when = date.get("when") or date.get("notBefore") or date.get("from") or date.get("when-iso") or ""
            if _YEAR.match(when):
                return when, text_of(date) or when
    return "", ""


def _correspondents(header, action: str, records: dict) -> list[str]:
    return _names(header, f"t:profileDesc/t:correspDesc/t:correspAction[@type='{action}']"
                          "/*[self::t:persName or self::t:orgName or self::t:name]", records)


def _names(header, path: str, records: dict) -> list[str]:
    """The names at path; a name whose @ref points to a record of the document is given as the
    record's main name (so 'Filippov [Stalin]' and 'Stalin' are one facet value)."""
    names = []
    for el in _x(header, path):
        ref = (el.get("ref") or "").split()
        record = records.get(ref[0][1:]) if ref and ref[0].startswith("#") else None
        kind = KINDS.get(etree.QName(record).localname) if record is not None else None
        main = primary_name(entity_record(record, kind)) if kind else ""
        names.append(main or _display_name(el))
    return _unique(names)


def _display_name(el) -> str:
    """A name as written, with an editor's identification in brackets ('Filippov [Stalin]')."""
    parts = []
    for node in el.xpath(".//text()[not(ancestor::t:note)]", namespaces=NS):
        inside = None if node.is_tail else node.getparent()
        if inside is not None and etree.QName(inside).localname == "supplied":
            parts.append(f" [{node}]")
        else:
            parts.append(str(node))
    return _SPACE.sub(" ", "".join(parts)).strip()


def original_languages(root, header) -> list[str]:
    """The languages of the original: langUsage minus the translations' languages."""
    translated = {d.get(XML_LANG) for d in _x(root, "t:text//t:div[@type='translation']")}
    languages = [(lang.get("ident") or "", text_of(lang) or lang.get("ident") or "")
                 for lang in _x(header, "t:profileDesc/t:langUsage/t:language")]
    originals = [label for ident, label in languages if ident not in translated] or [label for _, label in languages]
    return _unique(originals) or _unique([root.get(XML_LANG) or ""])


def _archives(header) -> list[str]:
    return _unique([_first_text(header, "t:fileDesc/t:sourceDesc//t:msIdentifier/t:repository",
                                "t:fileDesc/t:sourceDesc//t:title[@type='repository']",
                                "t:fileDesc/t:sourceDesc//t:msIdentifier/t:collection",
                                "t:fileDesc/t:sourceDesc/t:biblStruct[@type='archive']/t:monogr/t:title",
                                "t:fileDesc/t:publicationStmt/t:distributor",
                                "t:fileDesc/t:publicationStmt/t:publisher")])


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


# --- authority records and mentions -------------------------------------------------------

_WIKIDATA = re.compile(r"(?:wikidata\.org/(?:wiki|entity)/|^)(Q\d+)$")
_VIAF = re.compile(r"(?:viaf\.org/viaf/|^)(\d+)/?$")


def entity_key(record, ref: str) -> str:
    """The key that merges one entity across documents: its Wikidata id, else its VIAF id,
    else the reference itself (an authority id shared by the documents, or a URI)."""
    if record is not None:
        for idno in _x(record, "t:idno"):
            kind, value = (idno.get("type") or "").lower(), (idno.text or "").strip()
            if kind == "wikidata" and _WIKIDATA.search(value):
                return "wd-" + _WIKIDATA.search(value).group(1)
            if kind == "viaf" and _VIAF.search(value):
                return "viaf-" + _VIAF.search(value).group(1)
    uri = ref.strip()
    if _WIKIDATA.search(uri) and "wikidata" in uri:
        return "wd-" + _WIKIDATA.search(uri).group(1)
    if "viaf.org" in uri and _VIAF.search(uri):
        return "viaf-" + _VIAF.search(uri).group(1)
    return "id-" + uri.lstrip("#")


def entity_record(record, kind: str) -> dict:
    """An authority record as JSON: kind, names per language, identifiers, coordinates."""
    names = []
    for name in _x(record, "t:persName|t:placeName|t:orgName|t:name|t:surname|t:forename|t:addName"):
        value = text_of(name)
        if value and etree.QName(name).localname in ("persName", "placeName", "orgName", "name"):
            names.append([name.get(XML_LANG) or record.get(XML_LANG) or "", name.get("type") or "", value])
    idnos = [[(i.get("type") or "").lower(), (i.text or "").strip()] for i in _x(record, "t:idno") if (i.text or "").strip()]
    geo = _first_text(record, "t:location/t:geo")
    return {"kind": kind, "names": names, "idnos": idnos, "geo": geo, "cert": record.get("cert") or ""}


def _records_by_id(root) -> dict[str, etree._Element]:
    found = {}
    for record in _x(root, "//t:person|//t:personGrp|//t:place|//t:org"):
        rid = record.get(XML_ID)
        if rid:
            found[rid] = record
    return found


def mentions(root: etree._Element) -> tuple[list[dict], dict[str, dict]]:
    """Every name with a @ref in the text, with its sentence; and the entities they point to,
    by merge key. A mention: key, sentence id (the nearest ancestor with an xml:id), language,
    the name as written, the sentence's text."""
    records = _records_by_id(root)
    found: list[dict] = []
    entities: dict[str, dict] = {}
    contexts: dict[str, str] = {}
    keys: dict[str, str] = {}
    for el in _x(root, "t:text//*[(self::t:persName or self::t:placeName or self::t:orgName or self::t:name) and @ref]"):
        for ref in (el.get("ref") or "").split():
            record = records.get(ref[1:]) if ref.startswith("#") else None
            kind = KINDS.get(etree.QName(record).localname) if record is not None else NAME_KINDS[etree.QName(el).localname]
            if kind is None:
                continue
            key = keys.get(ref) or keys.setdefault(ref, entity_key(record, ref))
            if key not in entities:
                entities[key] = entity_record(record, kind) if record is not None else {
                    "kind": kind, "names": [], "idnos": _uri_idnos(ref), "geo": "", "cert": ""}
            name = text_of(el)
            if name and not any(n[2] == name for n in entities[key]["names"]):
                entities[key]["names"].append([_lang_of(el), "mention", name])
            sid, context = _context(el, contexts)
            found.append({"key": key, "sid": sid, "lang": _lang_of(el), "name": name, "context": context})
    return found, entities


def _uri_idnos(ref: str) -> list[list[str]]:
    return [["uri", ref]] if ref.startswith(("http://", "https://")) else []


def _lang_of(el) -> str:
    for node in el.iterancestors():
        if node.get(XML_LANG):
            return node.get(XML_LANG)
    return el.get(XML_LANG) or ""


def _context(el, cache: dict) -> tuple[str, str]:
    """(xml:id, text) of the mention's sentence (or nearest identified ancestor), cut to
    CONTEXT_CHARS around the name when long."""
    anchor = next((a for a in el.iterancestors() if a.get(XML_ID) and etree.QName(a).localname != "text"), None)
    if anchor is None:
        return "", text_of(el)
    sid = anchor.get(XML_ID)
    if sid not in cache:
        cache[sid] = text_of(anchor)
    text = cache[sid]
    if len(text) > CONTEXT_CHARS:
        name = text_of(el)
        at = max(0, text.find(name) - CONTEXT_CHARS // 2) if name in text else 0
        text = ("…" if at else "") + text[at:at + CONTEXT_CHARS] + "…"
    return sid, text


def primary_name(entity: dict, key: str = "") -> str:
    """The name a register lists an entity under: its main English name, else its first main
    name, else the first name it has (else the key)."""
    names = entity.get("names") or []
    for test in (lambda n: not n[1] and n[0].startswith("en"), lambda n: not n[1], lambda n: n[1] != "mention",
                 lambda n: True):
        for name in names:
            if test(name):
                return name[2]
    return key
