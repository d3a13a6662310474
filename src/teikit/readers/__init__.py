"""Readers: input text -> TEI tree. A registry maps format names to reader modules.

READERS: format name -> module in this package. Each module has `detect(text) -> bool` and one
public `read_<module>(text, source_name) -> Record`; `read()` picks the first whose detect says
yes (in READERS' order) unless a reader is named, and builds the TEI tree. The CLI's `--reader`
choices are READERS' names, so adding an input format is a module here and a row below.
Modules are imported when used (they compile large patterns), so that reading the registry
costs nothing: `teikit export` and `teikit --help` start without them.
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError

if TYPE_CHECKING:  # lxml is loaded by the reader modules; the registry alone does not need it
    from lxml import etree

READERS: dict[str, str] = {
    "wilson-markdown": "wilson_markdown",
    "wilson-pdftext": "wilson_pdftext",
    "wilson-documents": "wilson_documents",
}


def reader_module(name: str) -> ModuleType:
    """The module of a reader named in READERS (UsageError, exit 2, for another name)."""
    if name not in READERS:
        raise UsageError(f"unknown reader {name!r}; known: {', '.join(READERS)}")
    return importlib.import_module(f"{__name__}.{READERS[name]}")


def detect_format(text: str, source_name: str = "<input>") -> str:
    for name in READERS:
        if reader_module(name).detect(text):
            return name
    raise InputError(
        "no recognisable record sections (expected a date line, a title and 'Citation:')",
        file=source_name,
        line=1,
    )


def read_record(text: str, reader: str | None = None, source_name: str = "<input>"):
    """The Record (readers/_record.py) of a text, by the named reader or the detected one."""
    name = reader or detect_format(text, source_name)
    module = reader_module(name)
    return getattr(module, f"read_{READERS[name]}")(text, source_name)


def build_tei(record) -> etree._ElementTree:
    """The TEI tree of a Record (readers/_build.py, imported here when first used)."""
    from ._build import build_tei as build  # lazy: see the module docstring

    return build(record)


def read(text: str, options) -> etree._ElementTree:
    """Input text -> TEI tree (no enrichment)."""
    return build_tei(read_record(text, options.reader, options.source_name))
