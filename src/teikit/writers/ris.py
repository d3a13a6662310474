"""RIS (transforms/ris/tei-to-ris.xsl), built from the CSL model."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """The record and its published sources as RIS."""
    return run_bytes("ris", doc)
