"""Plain reading text (transforms/text/tei-to-text.xsl)."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """The reading text of the chosen language divisions, one block per paragraph."""
    out = run_bytes("text", doc, lang=options.lang)
    return out.rstrip(b"\n") + b"\n"
