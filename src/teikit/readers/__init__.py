"""Readers: input text -> TEI tree. A registry maps format names to reader functions.

Each reader module has one public function `read_<format>(text, source_name) -> Record`
and a `detect(text) -> bool`; `read()` picks one and builds the TEI tree.
"""
from __future__ import annotations

from typing import Callable

from lxml import etree

from ..errors import InputError, UsageError
from ._build import build_tei
from ._record import Record
from . import wilson_documents, wilson_markdown, wilson_pdftext

READERS: dict[str, tuple[Callable[[str], bool], Callable[..., Record]]] = {
    "wilson-markdown": (wilson_markdown.detect, wilson_markdown.read_wilson_markdown),
    "wilson-pdftext": (wilson_pdftext.detect, wilson_pdftext.read_wilson_pdftext),
    "wilson-documents": (wilson_documents.detect, wilson_documents.read_wilson_documents),
}


def detect_format(text: str, source_name: str = "<input>") -> str:
    for name, (detect, _) in READERS.items():
        if detect(text):
            return name
    raise InputError(
        "no recognisable record sections (expected a date line, a title and 'Citation:')",
        file=source_name,
        line=1,
    )


def read_record(text: str, reader: str | None = None, source_name: str = "<input>") -> Record:
    name = reader or detect_format(text, source_name)
    if name not in READERS:
        raise UsageError(f"unknown reader {name!r}; known: {', '.join(READERS)}")
    return READERS[name][1](text, source_name)


def read(text: str, options) -> etree._ElementTree:
    """Input text -> TEI tree (no enrichment)."""
    return build_tei(read_record(text, options.reader, options.source_name))
