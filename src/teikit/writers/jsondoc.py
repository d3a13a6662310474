"""Segments, alignment beads, entities and notes as JSON (transforms/json/tei-to-json.xsl)."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """The document's structure for programs: segments, beads, entities, notes."""
    return run_bytes("json", doc, lang=options.lang)
