"""Markdown reading text with footnotes (transforms/markdown/tei-to-markdown.xsl)."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """The reading text of the chosen languages as Markdown."""
    return run_bytes("markdown", doc, lang=options.lang).rstrip(b"\n") + b"\n"
