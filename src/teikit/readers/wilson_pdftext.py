"""Reader for text extracted from the archive's PDF files (pdftotext), both layouts:

* page layout: fields as lines "Citation:", "Summary:" …, paragraphs separated by blank lines;
* single line: everything on one line, fields found by their inline headings.
Page furniture (the archive's running header, form feeds, page numbers) is dropped.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ._dates import iso_date
from ._record import Part, Record
from .common import finish_record, labelled_fields, split_paragraphs

_FURNITURE = [
    re.compile(r"^[^\S\n]*Digital Archive\s+digitalarchive\.wilsoncenter\.org\s*$", re.M),
    re.compile(r"^[^\S\n]*International History Declassified\s*$", re.M),
    re.compile(r"^[^\S\n]*(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.M),
]  # a line's leading blanks never include newlines: `^\s*` retried at each of n blank lines is O(n²)
_INLINE_FURNITURE = re.compile(r"Digital Archive\s+digitalarchive\.wilsoncenter\.org\s+International History Declassified\s*")
FIELDS = ["Citation", "Summary", "Credits", "Original Language", "Contents"]
_FIELD_RE = re.compile(r"(?:(?<=\s)|^)(?P<name>" + "|".join(FIELDS) + r"):(?=\s|$)")
_DATE_AT_START = re.compile(r"^\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s+")
_CONTENTS_ITEM = re.compile(
    r"^\s*(English Translation|Scan of Original Document|Original Scan|Original Document|Transcript(?:ion)?|"
    r"[A-Z][a-z]+ (?:Transcription|Translation|Original))\b[ \t]*\n?"
)
_URL = re.compile(r"https?://\S+")


def detect(text: str) -> bool:
    head = text  # linear patterns: padding must not hide the record
    return bool(re.search(r"(^|\s)Citation:", head)) and bool(
        re.search(r"digitalarchive\.wilsoncenter\.org|History and Public Policy Program", head)
    )


def read_wilson_pdftext(text: str, source_name: str = "<input>") -> Record:
    text = _drop_furniture(text)
    fields = _split_fields(text, source_name)
    record = Record(source_name=source_name)
    _read_preamble(record, fields.get("preamble", ""))
    citation = fields.get("Citation", "")
    urls = _URL.findall(citation)
    record.url = urls[-1].rstrip(".,") if urls else None
    record.citation = " ".join(_URL.sub("", citation).split()) or None
    record.summary = " ".join(fields.get("Summary", "").split()) or None
    record.credits = " ".join(fields.get("Credits", "").split()) or None
    language = fields.get("Original Language", "").strip().split("\n")[0].strip()
    record.original_language = language.split()[0] if language else None
    _read_contents(record, fields.get("Contents", ""))
    return finish_record(record)


def _drop_furniture(text: str) -> str:
    text = text.replace("\f", "\n")
    text = _INLINE_FURNITURE.sub("", text)
    for pattern in _FURNITURE:
        text = pattern.sub("", text)
    return text


def _split_fields(text: str, source_name: str) -> dict[str, str]:
    matches = list(_FIELD_RE.finditer(text))
    if not matches:
        raise InputError("no 'Citation:' field: not a Wilson Center record", file=source_name, line=1)
    # a later "Summary:" inside the text is text
    return {"preamble": text[: matches[0].start()], **labelled_fields(text, matches, last="Contents")}


def _read_preamble(record: Record, preamble: str) -> None:
    flat = " ".join(preamble.split())
    m = _DATE_AT_START.match(flat + " ")
    if m:
        record.date_text = m.group("date")
        record.date_iso = iso_date(record.date_text)
        flat = flat[m.end() :]
    record.title = flat.strip() or None


def _read_contents(record: Record, contents: str) -> None:
    body = contents
    while True:
        m = _CONTENTS_ITEM.match(body)
        if not m:
            break
        record.contents.append(m.group(1))
        body = body[m.end() :]
    head, body = _centred_heading(body)
    paragraphs = _paragraphs(body)
    if not head and paragraphs and "\n" in body.strip() and restates_title(paragraphs[0], record.title):
        head, paragraphs = paragraphs[0], paragraphs[1:]
    if paragraphs:
        record.parts.append(Part(lang="en", paragraphs=paragraphs, head=head))


_CENTRED = re.compile(r"^[ \t]{14,}(?P<text>\S.{0,78}?)[ \t]*$")


def _centred_heading(body: str) -> tuple[str | None, str]:
    """Page layout: the document's own heading, centred over one to four lines at the start of
    the text ("MEMORANDUM OF CONVERSATION / between …"), with or without a blank line after it."""
    lines = body.lstrip("\n").split("\n")
    taken = []
    for line in lines[:4]:
        m = _CENTRED.match(line)
        if not m or re.search(r"[,;:]$", m.group("text")):
            break
        taken.append(m.group("text").strip())
    following = lines[len(taken)] if len(taken) < len(lines) else ""
    if not taken or (following.strip() and _CENTRED.match(following)):
        return None, body
    return " ".join(taken), "\n".join(lines[len(taken):])


def restates_title(paragraph: str, title: str | None) -> bool:
    """The text's first paragraph is the document's heading: short, and it repeats the record's
    title ("Record of conversation between … October 10, 1945.")."""
    words = re.findall(r"\w+", paragraph.lower())
    title_words = re.findall(r"\w+", (title or "").lower())
    if not title_words or len(words) > len(title_words) + 12:
        return False
    shared = sum(1 for w in title_words if w in set(words))
    return shared / len(title_words) >= 0.8


def _paragraphs(body: str) -> list[str]:
    """Paragraphs of either layout; single-line bodies get their note bodies split off."""
    if "\n" not in body.strip():
        return _split_single_line(body.strip())
    return split_paragraphs(_dehyphenate(body))


def _dehyphenate(text: str) -> str:
    """'Kai-\\nshek' -> 'Kai-shek': keep the hyphen (it may be real), drop the line break."""
    return re.sub(r"(?<=\w-)\n[ \t]*(?=\w)", "", text)


def _split_single_line(body: str) -> list[str]:
    """'… next step.[1] [1] Peng Dehuai, …' -> text paragraph, then note paragraphs."""
    first_marker = re.search(r"(?<=[\w.,;:!?”’\"')])\[(\d{1,3})\]", body)
    if not first_marker:
        return [body] if body else []
    label = first_marker.group(1)
    note_start = re.compile(r"(?<=\s)\[" + label + r"\]\s+(?=\S)")
    start = note_start.search(body, first_marker.end())
    if not start:
        return [body]
    text, notes = body[: start.start()].strip(), body[start.start() :]
    note_paras = re.split(r"\s+(?=\[\d{1,3}\]\s+\S)", notes.strip())
    return [text, *[n.strip() for n in note_paras if n.strip()]]
