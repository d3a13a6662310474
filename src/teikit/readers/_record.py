"""Record: what a reader found in an archival record, before it becomes TEI.

Readers of different layouts (markdown export, PDF text, plain parallel texts) fill this in;
`_build.build_tei` turns it into the one TEI shape of docs/encoding.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Note:
    label: str
    text: str | None  # None: the source has the marker but not the note's text


@dataclass
class Part:
    """One language's text: raw paragraphs (inline markers still in them) and its notes."""

    lang: str
    paragraphs: list[str] = field(default_factory=list)
    head: str | None = None
    notes: list[Note] = field(default_factory=list)
    role: str = "translation"  # or "original"


@dataclass
class Record:
    title: str | None = None
    date_text: str | None = None
    date_iso: str | None = None
    citation: str | None = None
    url: str | None = None
    summary: str | None = None
    original_language: str | None = None
    credits: str | None = None
    author: str | None = None  # the record's author, when the archive names one ("Author:")
    source: str | None = None  # the source's own citation, when there is no archive citation
    contents: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    source_name: str = "<input>"
