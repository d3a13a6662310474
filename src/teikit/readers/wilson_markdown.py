"""Reader for the Wilson Center Digital Archive's markdown export.

    ## **January 02, 1950**          date line
    ### **Title**                    title
    #### **Citation:** … URL         #### **Summary:** …   #### **Original Language:** …
    #### **Contents:** - items       then the English text
    # Original title                 then the original text (optional)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ._dates import iso_date
from ._record import Part, Record
from ..lang import is_chinese_paragraph
from .common import finish_record, split_paragraphs

_HEADING_START = re.compile(r"#{1,6}(?=\s)")
_FIELD = re.compile(r"^\**\s*(?P<name>[A-Za-z][A-Za-z ]{1,40}?)\s*:\s*\**\s*(?P<rest>.*)$")
_URL = re.compile(r"<?(https?://[^\s>]+)>?")
KNOWN_FIELDS = {"citation", "summary", "original language", "contents", "credits", "notes", "keywords", "associated places", "associated people & organizations", "associated topics"}


def detect(text: str) -> bool:
    head = text  # the pattern is linear: a heading padded with spaces must not hide the record
    return bool(re.search(r"^#{1,6}[^\S\n]+(?:\*+[^\S\n]*)?Citation[^\S\n]*:", head, re.M))


@dataclass(frozen=True)
class Heading:
    hashes: str
    text: str


def heading(line: str) -> Heading | None:
    """An ATX heading ('## text ##'): its hashes and text, or None. String operations, not one
    regex: `#\\s+(.*?)\\s*#*\\s*$` backtracks cubically over a run of spaces inside the line."""
    m = _HEADING_START.match(line)
    if not m:
        return None
    return Heading(m.group(), line[m.end():].strip().rstrip("#").rstrip())


def read_wilson_markdown(text: str, source_name: str = "<input>") -> Record:
    lines = text.split("\n")
    record = Record(source_name=source_name)
    sections = _sections(lines)
    if not any(name == "citation" for name, _, _ in sections):
        raise InputError("no 'Citation:' section: not a Wilson Center markdown record", file=source_name, line=1)
    for name, heading_line, body in sections:
        _apply_section(record, name, heading_line, body, source_name)
    return finish_record(record)


def _clean(text: str) -> str:
    return text.strip().strip("*").strip()


def _sections(lines: list[str]) -> list[tuple[str, int, list[str]]]:
    """[(section name, 1-based line of its heading, its lines)] in order."""
    sections: list[tuple[str, int, list[str]]] = [("preamble", 1, [""])]
    for number, line in enumerate(lines, start=1):
        m = heading(line)
        if m:
            sections.append((_section_name(m, sections), number, [m.text]))
        else:
            sections[-1][2].append(line)
    return sections


def _section_name(m: Heading, sections) -> str:
    level = len(m.hashes)
    text = _clean(m.text)
    field = _FIELD.match(text)
    if field and field.group("name").lower() in KNOWN_FIELDS:
        return field.group("name").lower()
    if level >= 4 and field:
        return field.group("name").lower()
    seen_contents = any(name in ("contents", "body", "original") for name, _, _ in sections)
    if level == 1 and seen_contents:
        return "original"
    if iso_date(text):
        return "date"
    return "title"


_FIELD_OF = {"citation": "citation", "summary": "summary", "original language": "original_language",
             "credits": "credits", "contents": "contents"}


def _is_text_section(record: Record, name: str) -> bool:
    """A header field's heading inside the text ('#### **Summary:**' after the body began, or a
    field given twice) is text of the record, not a second value for the field."""
    field = _FIELD_OF.get(name)
    if field is None:
        return False
    return bool(getattr(record, field)) or (name != "credits" and bool(record.parts))


def _apply_section(record: Record, name: str, line: int, body: list[str], source_name: str) -> None:
    heading, rest = body[0], body[1:]
    content = "\n".join(rest).strip()
    if _is_text_section(record, name):
        if record.parts:
            record.parts[-1].paragraphs.extend([_clean(heading), *split_paragraphs(content)])
        else:
            record.parts.append(Part(lang="en", paragraphs=[_clean(heading), *split_paragraphs(content)]))
        return
    if name == "date":
        record.date_text = _clean(heading)
        record.date_iso = iso_date(record.date_text)
    elif name == "title" and record.title is None:
        record.title = _clean(heading)
    elif name == "citation":
        urls = _URL.findall(content)
        record.url = urls[-1] if urls else None
        record.citation = _URL.sub("", content).strip() or None
    elif name == "summary":
        record.summary = " ".join(content.split()) or None
    elif name == "original language":
        record.original_language = _clean(content.split("\n")[0]) if content else None
        _apply_text_without_contents_heading(record, content)
    elif name == "credits":
        record.credits = " ".join(content.split()) or None
    elif name == "contents":
        _apply_contents(record, rest)
    elif name == "original":
        _apply_original(record, _clean(heading), rest)
    elif name == "notes" and record.parts:
        record.parts[-1].paragraphs.extend(["Notes:", *split_paragraphs(content)])
    elif name == "title" and record.title is not None:
        # a further title-like heading inside the text: keep it as a paragraph of the current part
        if record.parts:
            record.parts[-1].paragraphs.append(_clean(heading))
            record.parts[-1].paragraphs.extend(split_paragraphs(content))


def _apply_text_without_contents_heading(record: Record, content: str) -> None:
    """A record whose text follows the language line directly (no 'Contents:' heading)."""
    paragraphs = split_paragraphs(content)[1:]
    if paragraphs and not record.parts:
        record.parts.append(Part(lang="en", paragraphs=paragraphs))


def _apply_contents(record: Record, lines: list[str]) -> None:
    i = 0
    while i < len(lines) and (not lines[i].strip() or re.match(r"^\s*[-*+]\s+", lines[i])):
        item = re.sub(r"^\s*[-*+]\s+", "", lines[i]).strip()
        if item:
            record.contents.append(item)
        i += 1
    paragraphs = split_paragraphs("\n".join(lines[i:]))
    if paragraphs:
        record.parts.append(Part(lang="en", paragraphs=paragraphs))


def _english_under_a_chinese_heading(record: Record, paragraphs: list[str]) -> bool:
    """A Chinese heading before the English text: the text is the translation, not the original
    (the record's original language is Chinese, and the paragraphs are not)."""
    original = (record.original_language or "").strip().lower()
    return bool(paragraphs) and original.startswith("chinese") and not is_chinese_paragraph("".join(paragraphs[:3]))


def _apply_original(record: Record, heading: str, lines: list[str]) -> None:
    paragraphs = split_paragraphs("\n".join(lines))
    if _english_under_a_chinese_heading(record, paragraphs):
        record.parts.append(Part(lang="en", paragraphs=[heading, *paragraphs] if heading else paragraphs))
        return
    sample = heading + "".join(paragraphs[:3])
    lang = "zh" if is_chinese_paragraph(sample) else None
    record.parts.append(Part(lang=lang or "und", paragraphs=paragraphs, head=heading or None, role="original"))
