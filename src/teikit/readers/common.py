"""Steps every record reader shares: paragraph splitting, language tags, sanity checks."""
from __future__ import annotations

import re

from ..errors import InputError
from ._header import language_tag
from ._record import Part, Record
from ..lang import chinese_script_tag, is_han
from .normalise import PAGE_BREAK


def labelled_fields(text: str, matches: list, last: str) -> dict[str, str]:
    """Each field's text from its label (a match with a `name` group) to the next label; the
    first label of a name wins (a later one is text), and `last` runs to the end of the text."""
    fields: dict[str, str] = {}
    for m, nxt in zip(matches, matches[1:] + [None]):
        name = m.group("name")
        if name in fields:
            continue
        end = nxt.start() if nxt is not None and name != last else len(text)
        fields[name] = text[m.end() : end]
        if name == last:
            break
    return fields


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, each joined into one line (markdown hard breaks removed)."""
    blocks = [_join_lines(b) for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return _attach_page_breaks(blocks)


def _attach_page_breaks(paragraphs: list[str]) -> list[str]:
    """A page break alone between paragraphs (a form feed, docs/encoding.md) ends the paragraph
    before it (or begins the first one): a paragraph of its own would change the layout."""
    out: list[str] = []
    pending = ""
    for para in paragraphs:
        if not para.strip(" " + PAGE_BREAK):
            if out:
                out[-1] += para.replace(" ", "")
            else:
                pending += para.replace(" ", "")
            continue
        out.append(pending + para)
        pending = ""
    if pending and not out:
        out.append(pending)
    return out


def _join_lines(block: str) -> str:
    """The lines joined by a space (none between Chinese characters, none after a page break).
    Built as a list: growing one string line by line is quadratic on a long block."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    out: list[str] = []
    for line in lines:
        if out and not (out[-1].endswith(PAGE_BREAK) or (is_han(out[-1][-1]) and is_han(line[0]))):
            out.append(" ")
        out.append(line)
    return "".join(out)


def merge_parts(record: Record) -> None:
    """One division per role: a second section of a kind (a second original heading, an
    original heading before the English text ends) is appended to the first, its heading kept
    as a paragraph, so no text is lost and the document keeps its one-translation-one-original
    shape (docs/encoding.md)."""
    first: dict[str, Part] = {}
    kept: list[Part] = []
    for part in record.parts:
        target = first.get(part.role)
        if target is None:
            first[part.role] = part
            kept.append(part)
            continue
        if part.head:
            if target.head is None and not target.paragraphs:
                target.head = part.head
            else:
                target.paragraphs.append(part.head)
        target.paragraphs.extend(part.paragraphs)
        target.notes.extend(part.notes)
    record.parts = kept


def finish_record(record: Record) -> Record:
    """Decide language tags and roles; reject a record without any text."""
    merge_parts(record)
    orig_tag = language_tag(record.original_language) if record.original_language else None
    originals = [p for p in record.parts if p.role == "original"]
    for part in originals:
        if part.lang in ("zh", "und"):
            part.lang = chinese_script_tag(" ".join(part.paragraphs)) if part.lang == "zh" else (orig_tag or "und")
    english = [p for p in record.parts if p.role != "original"]
    if english and not originals and orig_tag in (None, "en"):
        english[0].role = "original"
    if not any(p.paragraphs for p in record.parts):
        raise InputError("the record has no text (no translation or original paragraphs)", file=record.source_name)
    return record
