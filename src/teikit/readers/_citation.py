"""Parse the archive's Chicago-style citation into structured bibliographic parts.

"“TITLE,” DATE, History and Public Policy Program Digital Archive, SOURCE[; translation from
SOURCE][. Reprinted in SOURCE][. Translated by NAME]." Each SOURCE is either an archival
signature ("APRF: F. 45, Op. 1, D. 331, Ll. 119") or a publication
("EDITORS, ed(s)., TITLE (GLOSS), vol. N (PLACE: PUBLISHER, YEAR), PAGES").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ARCHIVE_NAME = "History and Public Policy Program Digital Archive"


@dataclass
class Name:
    text: str
    is_person: bool

    @property
    def forename(self) -> str:
        return " ".join(self.text.split()[:-1])

    @property
    def surname(self) -> str:
        return self.text.split()[-1]


@dataclass
class Source:
    kind: str  # "original" | "translation"
    raw: str
    reprint: bool = False
    editors: list[Name] = field(default_factory=list)
    authors: list[Name] = field(default_factory=list)
    title: str | None = None
    title_gloss: str | None = None
    scopes: list[tuple[str, str]] = field(default_factory=list)  # (unit, value)
    place: str | None = None
    publisher: str | None = None
    year: str | None = None
    pages: str | None = None
    repository: str | None = None
    signature: str | None = None


@dataclass
class Citation:
    raw: str
    title: str | None = None
    date_text: str | None = None
    sources: list[Source] = field(default_factory=list)
    translators: list[Name] = field(default_factory=list)


_QUOTED_TITLE = re.compile(r"^\s*[“\"](?P<title>.+?)[,，]?[”\"]\s*,?\s*")
_DATE = re.compile(r"^(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{4}|\d{4}|c\.\s*\d{4}|[Nn]\.\s?d\.))\s*,\s*")
_IMPRINT = re.compile(r"\((?P<place>[^():]+?):\s*(?P<publisher>[^()]+?),\s*(?P<year>\d{4})\)")
_SIGNATURE = re.compile(
    r"^(?P<repo>[A-Z][\w.&\s,()'’-]{1,80}?)[:,]?\s*(?P<sig>(?:[Ff]\.|[Ff]ond|[Oo]p\.|[Oo]pis|[Dd]\.|[Dd]elo|[Ll]l?\.|[Ll]isty|[Pp]apka|[Ff]ile|[Bb]ox|No\.|\d).*)$"
)
_SCOPE = re.compile(r"^(?P<unit>[Vv]ol|[Bb]ook|[Nn]o|[Pp]t|[Pp]art|[Ii]ssue)\.?\s+(?P<value>[\w-]+)$")
_PAGES = re.compile(r"^(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?$")
_EDITOR_MARK = re.compile(r",\s*eds?\.\s*,\s*")
_TRANSLATED_BY = re.compile(
    r"^(?:English\s+)?[Tt]ranslat(?:ed|ion)(?:\s+(?:and|&)\s+(?:edited|annotated|introduced))?"
    r"(?:\s+(?:for|from)\s+[^;]+?)?\s+by\s+(?P<names>.+?)\.?$"
)
# credits that are neither a source nor a translator: kept in the citation text only
_CREDIT = re.compile(r"^(?:(?:Obtained|Donated|Provided|Contributed|Edited|Introduced|Transcribed|Compiled)\b.*\bby\b"
                     r"|(?:With (?:the )?permission|Courtesy|Used (?:by|with) permission|Reproduced)\b)", re.I)
_TRANSLATION_FROM = re.compile(r"^(?:English\s+)?translation\s+(?:from|in)\s+", re.I)
_REPRINTED = re.compile(r"^(?:Reprinted|Published|Also published|Originally published)\s+in\s+", re.I)
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der)){1,3}$")


def parse_citation(text: str) -> Citation:
    """Best-effort structure; everything not understood stays in `raw`."""
    raw = " ".join(text.split())
    cit = Citation(raw=raw)
    rest = raw
    m = _QUOTED_TITLE.match(rest)
    if m:
        cit.title = m.group("title").strip().rstrip(",")
        rest = rest[m.end() :]
    m = _DATE.match(rest)
    if m:
        cit.date_text = m.group("date")
        rest = rest[m.end() :]
    idx = rest.find(ARCHIVE_NAME)
    if idx >= 0:
        rest = rest[idx + len(ARCHIVE_NAME) :].lstrip(" ,.")
    for segment in _split_segments(rest):
        _add_segment(cit, segment)
    return cit


def _split_segments(text: str) -> list[str]:
    """Split at ';' and at '. ' + capital, outside parentheses and brackets."""
    segments = _split_outside_brackets(text, _segment_cut)
    return [s.strip().rstrip(".").strip() for s in segments if s.strip(" .")]


def _segment_cut(text: str, i: int) -> tuple[int, int] | None:
    """(end of this part, start of the next) when position i ends a citation segment."""
    if text[i] == ";":
        return i, i + 1
    if text[i] == "." and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isupper():
        if not _is_abbreviation_before(text, i):
            return i + 1, i + 1
    return None


def _split_outside_brackets(text: str, cut) -> list[str]:
    """Split text where `cut(text, i)` says, never inside (…) or […]."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            where = cut(text, i)
            if where:
                parts.append(text[start : where[0]])
                start = where[1]
    parts.append(text[start:])
    return parts


def _is_abbreviation_before(text: str, i: int) -> bool:
    word = re.search(r"(\S+)$", text[:i])
    w = word.group(1) if word else ""
    return len(w) <= 2 and w[:1].isupper() or w.lower() in {"vol", "no", "ed", "eds", "pp", "p", "op", "ll", "d", "f"}


def _add_segment(cit: Citation, segment: str) -> None:
    m = _TRANSLATED_BY.match(segment)
    if m:
        # the names end where the next sentence starts ("… by David Wolff. “One Finger’s …”")
        names = split_names(re.split(r"\.\s+(?=[“\"‘(]|[A-Z][a-z]+\s+[a-z])", m.group("names"))[0])
        if all(name.is_person for name in names):  # else a credit run into the next sentence: text only
            cit.translators.extend(names)
        return
    kind, reprint = "original", False
    if _CREDIT.match(segment):
        return
    if _TRANSLATION_FROM.match(segment):
        kind, segment = "translation", _TRANSLATION_FROM.sub("", segment)
    elif _REPRINTED.match(segment):
        reprint, segment = True, _REPRINTED.sub("", segment)
    source = parse_source(segment, kind, reprint)
    if reprint and source.authors and not source.editors:  # a reprint's named people compiled the volume
        source.editors, source.authors = source.authors, []
    published = source.year or source.publisher or source.place or source.pages or source.editors or source.scopes
    if source.signature or source.title and published:  # else not a source: the citation text keeps it
        cit.sources.append(source)


def parse_source(segment: str, kind: str = "original", reprint: bool = False) -> Source:
    src = Source(kind=kind, raw=segment, reprint=reprint)
    imprint = _IMPRINT.search(segment)
    if not imprint:
        sig = _SIGNATURE.match(segment)
        if sig and re.search(r"\d", sig.group("sig")):
            src.repository, src.signature = sig.group("repo").strip(), sig.group("sig").strip()
            return src
        before, after = segment, ""
    else:
        before, after = segment[: imprint.start()], segment[imprint.end() :]
        src.place = imprint.group("place").strip()
        src.publisher = imprint.group("publisher").strip()
        src.year = imprint.group("year")
    pages = _PAGES.match(after.strip(" ,."))
    if pages:
        src.pages = pages.group("pages").replace(" ", "")
    _parse_responsibility_and_title(src, before.strip(" ,"))
    return src


def _parse_responsibility_and_title(src: Source, text: str) -> None:
    ed = _EDITOR_MARK.search(text)
    if ed:
        src.editors = split_names(text[: ed.start()])
        text = text[ed.end() :]
    else:
        parts = [p.strip() for p in _split_commas(text)]
        lead = next((i for i, p in enumerate(parts) if " and " in p and all(_PERSON.match(n) for n in p.split(" and "))), None)
        if lead is not None and lead < len(parts) - 1 and all(_PERSON.match(p) for p in parts[:lead]):
            src.authors = split_names(", ".join(parts[: lead + 1]))
            text = ", ".join(parts[lead + 1 :])
    parts = [p.strip() for p in _split_commas(text)]
    title_parts = []
    for part in parts:
        scope = _SCOPE.match(part)
        if scope and title_parts:
            src.scopes.append((_scope_unit(scope.group("unit")), scope.group("value")))
        else:
            title_parts.append(part)
    title = ", ".join(title_parts).strip()
    gloss = re.search(r"\s*[(\[](?P<gloss>[^()\[\]]+)[)\]]\s*$", title)
    if gloss:
        src.title_gloss = gloss.group("gloss").strip()
        title = title[: gloss.start()].strip()
    src.title = title or None


def _split_commas(text: str) -> list[str]:
    parts = _split_outside_brackets(text, lambda t, i: (i, i + 1) if t[i] == "," else None)
    return [p for p in parts if p.strip()]


def _scope_unit(unit: str) -> str:
    return {"vol": "volume", "book": "book", "pt": "part", "part": "part", "no": "issue", "issue": "issue"}[unit.lower()]


def split_names(text: str) -> list[Name]:
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text.strip(" ,."))
    return [Name(n.strip(), bool(_PERSON.match(n.strip()))) for n in names if n.strip()]
