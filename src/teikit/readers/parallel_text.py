"""Reader for a translation and its original as two plain UTF-8 texts.

Paragraphs are separated by blank lines; footnote markers and editorial brackets are read as
in the archive's records. The header is minimal: the title and date given as options.
"""
from __future__ import annotations

from ..errors import InputError, UsageError
from ._dates import date_option
from ._record import Part, Record
from ..lang import chinese_script_tag, is_chinese_paragraph
from .common import split_paragraphs


def read_parallel_text(
    english: str, original: str | None, *, title: str | None = None, date: str | None = None,
    source_name: str = "<input>", original_name: str = "<original>",
) -> Record:
    record = Record(source_name=source_name, title=title or None)
    if date:
        try:
            record.date_iso = date_option(date)
        except ValueError as exc:
            raise UsageError(f"--date {date!r}: {exc}") from None
        record.date_text = date
    en = split_paragraphs(english)
    if not en:
        raise InputError("no paragraphs in the English text", file=source_name)
    record.parts.append(Part(lang="en", paragraphs=en))
    if original is not None:
        paragraphs = split_paragraphs(original)
        if not paragraphs:
            raise InputError("no paragraphs in the original text", file=original_name)
        joined = " ".join(paragraphs)
        lang = chinese_script_tag(joined) if is_chinese_paragraph(joined) else "und"
        record.parts.append(Part(lang=lang, paragraphs=paragraphs, role="original"))
        record.original_language = "Chinese" if lang.startswith("zh") else None
    else:
        record.parts[0].role = "original"
    return record
