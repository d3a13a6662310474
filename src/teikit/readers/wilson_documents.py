"""Reader for the archive's other PDF-text layout, "Speeches/Documents" (pdftotext output):

    1949          Speeches/Documents
    Title: Telegram to Liu
    Author: Mao Zedong
    Date: December            Source:. See Pei Jianzhang et al., … (Beijing: …, 1994),
    18,1949                   pp.17-18.) http://digitalarchive.wilsoncenter.org/document/110393
    Description:. a summary, or nothing and the text at once
    The text …

"Date:" and "Source:" are two columns side by side; the text follows the description, after a
blank line when there is a description. Paragraphs are blank-line separated; a text without
blank lines is split where a line ends a sentence well short of the column's width. The
record has no "Citation:": its "Source:" is kept as the source's own citation
(sourceDesc/bibl[@type='source']), the author as titleStmt/author.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ._dates import iso_date
from ._record import Part, Record
from .common import finish_record, labelled_fields
from .wilson_pdftext import _dehyphenate, _drop_furniture

_HEADER = re.compile(r"^\s*(?P<year>\d{4})?\s*Speeches/Documents\s*$", re.M)
_FIELD = re.compile(r"^[ \t]*(?P<name>Title|Author|Date|Description):\.?[ \t]*", re.M)
_SOURCE = re.compile(r"Source:\.?[ \t]*")
_URL = re.compile(r"https?://\S+")


def detect(text: str) -> bool:
    head = text[:4000]
    return bool(_HEADER.search(head)) and bool(re.search(r"^\s*Title:", head, re.M))


def read_wilson_documents(text: str, source_name: str = "<input>") -> Record:
    text = _drop_furniture(text.replace("\n\f", "\n"))  # a page break is no paragraph break
    fields = _fields(text, source_name)
    record = Record(source_name=source_name)
    record.title = " ".join(fields.get("Title", "").split()) or None
    author = " ".join(fields.get("Author", "").split())
    record.author = author or None
    date_text, source = _date_and_source(text)
    header = _HEADER.search(text)
    date_text = date_text or (header.group("year") if header and header.group("year") else "")
    if date_text:
        record.date_text, record.date_iso = date_text, iso_date(date_text)
    urls = _URL.findall(source)
    record.url = urls[-1].rstrip(".,)") if urls else None
    source = re.sub(r"^(?:\s*Source:\s*\.?)+", "", _URL.sub("", source))
    record.source = " ".join(source.split()).strip(" .") or None
    summary, body = _description(fields.get("Description", ""))
    record.summary = summary
    paragraphs = _paragraphs(body)
    if paragraphs:
        record.parts.append(Part(lang="en", paragraphs=paragraphs))
    return finish_record(record)


def _fields(text: str, source_name: str) -> dict[str, str]:
    matches = list(_FIELD.finditer(text))
    if not any(m.group("name") == "Title" for m in matches):
        raise InputError("no 'Title:' field: not a Speeches/Documents record", file=source_name, line=1)
    return labelled_fields(text, matches, last="Description")  # a later "Title:" is text


def _date_and_source(text: str) -> tuple[str, str]:
    """The two columns of the "Date:" line and the lines under it, up to a blank line: the date
    on the left of where "Source:" starts, the source on its right."""
    m = re.search(r"^[ \t]*Date:.*$", text, re.M)
    if not m:
        return "", ""
    lines = []
    for line in text[m.start() :].split("\n"):
        if not line.strip() or _FIELD.match(line) and lines:
            break
        lines.append(line)
    first = _SOURCE.search(lines[0])
    if not first:
        return " ".join(_FIELD.sub("", lines[0]).split()), ""
    cut = first.start()
    left = [_FIELD.sub("", lines[0][:cut])] + [line[:cut] for line in lines[1:]]
    right = [lines[0][first.end() :]] + [line[cut:] for line in lines[1:]]
    date = " ".join(" ".join(left).split())
    return re.sub(r",(?=\d)", ", ", date), " ".join(" ".join(right).split())


def _description(block: str) -> tuple[str | None, str]:
    """(summary, text): the description runs to the first blank line; an empty description
    line means the text starts at once."""
    first_line, _, rest = block.partition("\n")
    if not first_line.strip():
        return None, rest
    parts = re.split(r"\n[ \t]*\n", block, maxsplit=1)
    summary = " ".join(parts[0].split())
    return summary or None, parts[1] if len(parts) > 1 else ""


def _paragraphs(body: str) -> list[str]:
    """Blank-line separated blocks, each split again at its short lines (pdftotext often
    leaves no blank line between paragraphs of this layout)."""
    body = _dehyphenate(body)
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if not lines:
        return []
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.8)]
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", body):
        paragraphs.extend(_split_at_short_lines(block, width))
    return [p for p in paragraphs if p.strip()]


_ENDS_SENTENCE = re.compile(r"[.!?:\"”’)\]]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[IVX]{1,4}\.|\(\w\))\s")


def _split_at_short_lines(body: str, width: int) -> list[str]:
    """One block of lines: a paragraph ends at a line that ends a sentence well short of the
    column, at a much shorter line (a heading, a dateline), or before a numbered item."""
    lines = [line.rstrip() for line in body.strip("\n").split("\n") if line.strip()]
    paragraphs, current = [], []
    for i, line in enumerate(lines):
        text = line.strip()
        heading_like = len(text) < 0.6 * width and not text.endswith((",", "-", ";"))
        after_short = bool(current) and len(current[-1]) < 0.8 * width
        if current and (_STARTS_ITEM.match(line) or heading_like and after_short):
            paragraphs.append(" ".join(current))
            current = []
        current.append(text)
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        short = len(text) < 0.8 * width
        if heading_like or short and (_ENDS_SENTENCE.search(text) or following[:1].isupper() or following[:1].isdigit()):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
