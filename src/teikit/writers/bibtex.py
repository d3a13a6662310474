"""BibTeX (transforms/bibtex/tei-to-bibtex.xsl), built from the CSL model."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """The record and its published sources as BibTeX."""
    return run_bytes("bibtex", doc)
