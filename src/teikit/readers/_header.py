"""teiHeader from a Record: titles, publication, structured sources, abstract, languages, correspondence."""
from __future__ import annotations

import re

from lxml import etree

from .. import __version__
from ..tei import XML_LANG, tei
from ._citation import ARCHIVE_NAME, Citation, Name, Source, parse_citation
from ._inline import InlineContext, fill
from ._record import Record

LANGUAGE_NAMES = {
    "en": "English", "zh-Hans": "Chinese (simplified script)", "zh-Hant": "Chinese (traditional script)",
    "zh": "Chinese", "ru": "Russian", "de": "German", "fr": "French", "ko": "Korean", "ja": "Japanese",
    "vi": "Vietnamese", "mn": "Mongolian", "hu": "Hungarian", "pl": "Polish", "cs": "Czech", "ro": "Romanian",
    "bg": "Bulgarian", "es": "Spanish", "it": "Italian", "sq": "Albanian", "sr": "Serbian", "hr": "Croatian",
    "hbs": "Serbo-Croatian", "sk": "Slovak", "uk": "Ukrainian", "fa": "Persian", "ar": "Arabic", "pt": "Portuguese",
}
_CORRESPONDENCE = re.compile(
    r"^(?P<type>Cable|Telegram|Letter|Message|Note|Memorandum|Report|Directive|Instruction|Ciphered Telegram|Telegraph)s?"
    r"(?:\s+No\.\s*\S+)?,\s*(?P<from>.+?)\s+to\s+(?P<to>.+?)(?:\s*\((?:Excerpts?|Summary)\))?$"
)
_ORG_WORDS = re.compile(
    r"\b(Committee|Ministry|Ministers?|Party|Government|Embassy|Politburo|Council|Department|Bureau|Office|"
    r"Command|Headquarters|CCP|CPSU|PRC|USSR|Presidium|Secretariat|Commission|Agency|Army|Delegation|Leadership)\b"
)
ARCHIVE_PUBLISHER = "Woodrow Wilson International Center for Scholars"
AVAILABILITY = (
    "The Digital Archive welcomes reuse of its materials for research and educational purposes; "
    "some documents may be subject to copyright."
)


def build_header(record: Record, title_original: tuple[str, str] | None, place: str | None = None) -> etree._Element:
    """The teiHeader; `place` is where the document was sent from, when the text says so."""
    citation = parse_citation(record.citation) if record.citation else None
    if citation is None and record.source:  # no archive citation: the source's own
        # free-form: kept whole as bibl[@type='source']; only its translator credit is read
        parsed = parse_citation(re.sub(r"^(?:Source:\s*\.?\s*|See\s+)+", "", record.source))
        citation = Citation(raw=parsed.raw, translators=parsed.translators)
    header = etree.Element(tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    file_desc.append(_title_stmt(record, title_original, citation))
    file_desc.append(_publication_stmt(record))
    notes = _notes_stmt(record)
    if notes is not None:
        file_desc.append(notes)
    file_desc.append(_source_desc(record, citation))
    header.append(_encoding_desc())
    header.append(_profile_desc(record, place))
    return header


def _text_el(tag: str, text: str | None, **attrs) -> etree._Element:
    el = etree.Element(tei(tag), **{k: v for k, v in attrs.items() if v is not None})
    el.text = text
    return el


def _with_lang(el: etree._Element, lang: str | None) -> etree._Element:
    if lang:
        el.set(XML_LANG, lang)
    return el


def _markup_el(tag: str, text: str, **attrs) -> etree._Element:
    """An element whose content may carry editorial brackets ('Filippov [Stalin]')."""
    el = etree.Element(tei(tag), **attrs)
    fill(el, text, InlineContext("hdr"))
    return el


def _title_stmt(record: Record, title_original, citation: Citation | None) -> etree._Element:
    stmt = etree.Element(tei("titleStmt"))
    title = record.title or (citation.title if citation else None) or "Untitled record"
    stmt.append(_with_lang(_markup_el("title", title, type="main"), "en"))
    if title_original:
        text, lang = title_original
        stmt.append(_with_lang(_text_el("title", text, type="original"), lang))
    if record.author:
        author = etree.SubElement(stmt, tei("author"))
        author.append(_markup_el("persName", record.author))
    if citation:
        for name in citation.translators:
            resp = etree.SubElement(stmt, tei("respStmt"))
            etree.SubElement(resp, tei("resp")).text = "translation"
            resp.append(_name_el(name))
    return stmt


def _publication_stmt(record: Record) -> etree._Element:
    stmt = etree.Element(tei("publicationStmt"))
    stmt.append(_text_el("publisher", ARCHIVE_PUBLISHER))
    etree.SubElement(stmt, tei("distributor")).text = ARCHIVE_NAME
    if record.url:
        stmt.append(_text_el("idno", record.url, type="URL"))
        number = re.search(r"/document/(\d+)", record.url)
        if number:
            stmt.append(_text_el("idno", number.group(1), type="wilson"))
    availability = etree.SubElement(stmt, tei("availability"))
    etree.SubElement(availability, tei("p")).text = AVAILABILITY
    return stmt


def _notes_stmt(record: Record) -> etree._Element | None:
    if not (record.contents or record.credits):
        return None
    stmt = etree.Element(tei("notesStmt"))
    if record.contents:
        note = etree.SubElement(stmt, tei("note"), type="contents")
        lst = etree.SubElement(note, tei("list"))
        for item in record.contents:
            etree.SubElement(lst, tei("item")).text = item
    if record.credits:
        stmt.append(_text_el("note", record.credits, type="credits"))
    return stmt


def _source_desc(record: Record, citation: Citation | None) -> etree._Element:
    desc = etree.Element(tei("sourceDesc"))
    if record.citation:
        desc.append(_text_el("bibl", " ".join(record.citation.split()), type="citation"))
    elif record.source:
        desc.append(_text_el("bibl", record.source, type="source"))
    desc.append(_archive_bibl(record, citation))
    orig_lang = _original_lang(record)
    for source in citation.sources if citation else []:
        desc.append(_source_bibl(source, orig_lang))
    return desc


def _archive_bibl(record: Record, citation: Citation | None) -> etree._Element:
    bibl = etree.Element(tei("biblStruct"), type="archive")
    analytic = etree.SubElement(bibl, tei("analytic"))
    title = record.title or (citation.title if citation else None) or "Untitled record"
    analytic.append(_markup_el("title", title, level="a"))
    if record.url:
        analytic.append(_text_el("idno", record.url, type="URL"))
    monogr = etree.SubElement(bibl, tei("monogr"))
    monogr.append(_text_el("title", ARCHIVE_NAME, level="m"))
    imprint = etree.SubElement(monogr, tei("imprint"))
    imprint.append(_text_el("publisher", ARCHIVE_PUBLISHER))
    imprint.append(_date_el(record.date_iso, record.date_text))
    return bibl


def _date_el(iso: str | None, text: str | None) -> etree._Element:
    el = etree.Element(tei("date"))
    if iso:
        el.set("when", iso)
    el.text = text or iso
    return el


def _source_bibl(source: Source, orig_lang: str | None) -> etree._Element:
    if source.signature and not source.title:
        return _ms_desc(source)
    bibl = etree.Element(tei("biblStruct"), type=source.kind)
    if source.reprint:
        bibl.set("subtype", "reprint")
    monogr = etree.SubElement(bibl, tei("monogr"))
    for name in source.authors:
        etree.SubElement(monogr, tei("author")).append(_name_el(name))
    for name in source.editors:
        etree.SubElement(monogr, tei("editor")).append(_name_el(name))
    if source.title:
        lang = _romanised(orig_lang) if source.title_gloss and orig_lang and orig_lang != "en" else None
        monogr.append(_with_lang(_text_el("title", source.title, level="m"), lang))
    elif source.repository:
        monogr.append(_text_el("title", source.repository, level="m", type="repository"))
    if source.title_gloss:
        monogr.append(_with_lang(_text_el("title", source.title_gloss, level="m", type="translated"), "en"))
    if source.signature:
        monogr.append(_text_el("idno", source.signature, type="archival"))
    monogr.append(_imprint(source))
    for unit, value in source.scopes:
        monogr.append(_text_el("biblScope", value, unit=unit, n=value))
    if source.pages:
        monogr.append(_pages_el(source.pages))
    return bibl


def _ms_desc(source: Source) -> etree._Element:
    """An archival original: its repository and shelfmark (msDesc/msIdentifier)."""
    desc = etree.Element(tei("msDesc"))
    ident = etree.SubElement(desc, tei("msIdentifier"))
    ident.append(_text_el("repository", source.repository))
    ident.append(_text_el("idno", source.signature, type="shelfmark"))
    return desc


def _romanised(lang: str) -> str:
    """Tag of a romanised title: pinyin for Chinese, plain Latin script otherwise."""
    base = lang.split("-")[0]
    return "zh-Latn-pinyin" if base == "zh" else f"{base}-Latn"


def _imprint(source: Source) -> etree._Element:
    imprint = etree.Element(tei("imprint"))
    if source.place:
        imprint.append(_text_el("pubPlace", source.place))
    if source.publisher:
        imprint.append(_text_el("publisher", source.publisher))
    if source.year:
        imprint.append(_text_el("date", source.year, when=source.year))
    if len(imprint) == 0:
        imprint.append(_text_el("date", None, type="unknown"))
        imprint[-1].text = "n.d."
    return imprint


def _pages_el(pages: str) -> etree._Element:
    el = _text_el("biblScope", pages, unit="page")
    bounds = re.split(r"[-–]", pages)
    el.set("from", bounds[0])
    el.set("to", bounds[-1])
    return el


# common Chinese surnames in pinyin: "Pei Jianzhang", "Han Nianlong" are written family name first
_CHINESE_SURNAMES = set(
    "bai cai cao chen cheng deng ding dong du fan fang feng gao gong guo han he hu huang jiang jin kang kong "
    "lei li liang liao lin liu lu luo ma mao meng pan pei peng qian qiao qin ren shen shi song sun tan tang tao "
    "tian wan wang wei wu xiao xie xu xue yan yang yao ye yu yuan zeng zhang zhao zheng zhou zhu".split()
)


def _family_first(text: str) -> bool:
    """A Chinese name in its native order: two words, a common surname first and not last."""
    words = text.split()
    return (len(words) == 2 and words[0].lower() in _CHINESE_SURNAMES and words[1].lower() not in _CHINESE_SURNAMES
            and words[1][:1].isupper() and words[1][1:].islower())


def _name_el(name: Name) -> etree._Element:
    if name.is_person and _family_first(name.text):
        pers = etree.Element(tei("persName"))
        family, given = name.text.split()
        etree.SubElement(pers, tei("surname")).text = family
        pers[0].tail = " "
        etree.SubElement(pers, tei("forename")).text = given
        return pers
    if name.is_person and len(name.text.split()) >= 2:
        pers = etree.Element(tei("persName"))
        etree.SubElement(pers, tei("forename")).text = name.forename
        surname = etree.SubElement(pers, tei("surname"))
        surname.text = name.surname
        pers[0].tail = " "
        return pers
    tag = "persName" if name.is_person else "orgName"
    return _text_el(tag, name.text)


def _encoding_desc() -> etree._Element:
    desc = etree.Element(tei("encodingDesc"))
    app_info = etree.SubElement(desc, tei("appInfo"))
    app = etree.SubElement(app_info, tei("application"), ident="teikit", version=__version__)
    etree.SubElement(app, tei("label")).text = "teikit"
    etree.SubElement(app, tei("desc")).text = (
        "Encoded from the archive's record by teikit: reader, sentence segmentation, "
        "translation alignment and named-entity passes."
    )
    return desc


def _profile_desc(record: Record, place: str | None) -> etree._Element:
    desc = etree.Element(tei("profileDesc"))
    if record.date_iso:
        creation = etree.SubElement(desc, tei("creation"))
        creation.append(_date_el(record.date_iso, record.date_text))
    if record.summary:
        abstract = etree.SubElement(desc, tei("abstract"))
        abstract.append(_markup_el("p", record.summary))
    lang_usage = etree.SubElement(desc, tei("langUsage"))
    for lang in _languages(record):
        lang_usage.append(_text_el("language", LANGUAGE_NAMES.get(lang, lang), ident=lang))
    doc_type = _document_type(record.title)
    if doc_type:
        keywords = etree.SubElement(etree.SubElement(desc, tei("textClass")), tei("keywords"))
        keywords.append(_text_el("term", doc_type, type="documentType"))
    corresp = _corresp_desc(record, place)
    if corresp is not None:
        desc.append(corresp)
    return desc


def _languages(record: Record) -> list[str]:
    langs = [part.lang for part in record.parts]
    orig = _original_lang(record)
    if orig and orig not in langs:
        langs.append(orig)
    return langs or ["en"]


def _original_lang(record: Record) -> str | None:
    for part in record.parts:
        if part.role == "original":
            return part.lang
    return language_tag(record.original_language) if record.original_language else None


def language_tag(name: str) -> str | None:
    """'Chinese' -> 'zh', 'Russian' -> 'ru' (BCP 47); None when unknown."""
    key = name.strip().lower()
    for tag, label in LANGUAGE_NAMES.items():
        if label.lower() == key or label.lower().startswith(key + " "):
            return tag.split("-")[0] if tag.startswith("zh") else tag
    return None


def _document_type(title: str | None) -> str | None:
    if not title:
        return None
    m = re.match(r"^([A-Z][A-Za-z ]{2,40}?)(?:,| between| of| from| by)\b", title)
    return m.group(1).strip() if m else None


def _corresp_desc(record: Record, place: str | None) -> etree._Element | None:
    m = _CORRESPONDENCE.match(record.title or "")
    if not m:
        return None
    desc = etree.Element(tei("correspDesc"))
    sent = etree.SubElement(desc, tei("correspAction"), type="sent")
    for party in _parties(m.group("from")):
        sent.append(party)
    if place:
        sent.append(_text_el("placeName", place))
    if record.date_iso:
        sent.append(_date_el(record.date_iso, record.date_text))
    received = etree.SubElement(desc, tei("correspAction"), type="received")
    for party in _parties(m.group("to")):
        received.append(party)
    return desc


_PLACE_IN_DATELINE = re.compile(r"^(?P<place>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}),\s+\S")


def place_in_datelines(datelines: list[str]) -> str | None:
    """The place a dateline names before its date ('Moscow, 2 January 1950'), if any."""
    for text in datelines:
        m = _PLACE_IN_DATELINE.match(text.strip())
        if m and not _looks_like_month(m.group("place")):
            return m.group("place")
    return None


def _looks_like_month(word: str) -> bool:
    from ..lang import MONTHS

    return word.split()[0].lower().rstrip(".") in MONTHS


def _parties(text: str) -> list[etree._Element]:
    text = re.sub(r"\s*\[via [^\]]+\]", "", text).strip()
    parties = []
    for chunk in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        tag = "orgName" if _ORG_WORDS.search(chunk) else "persName"
        parties.append(_markup_el(tag, chunk))
    return parties
