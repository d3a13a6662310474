"""APA citation rendered by citeproc-py from the CSL-JSON model."""
from __future__ import annotations

from ._citeproc import as_output, reference_list
from .csl_json import csl_items


def write(doc, options) -> bytes:
    """The APA citation of the record (text, or HTML with --markup html)."""
    return as_output(reference_list(csl_items(doc), "apa", options.markup), "apa", options.markup)
