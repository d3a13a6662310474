"""Chicago notes-bibliography citation (note form) rendered by citeproc-py from the CSL-JSON model."""
from __future__ import annotations

from ._citeproc import as_output, chicago_note
from .csl_json import csl_items


def write(doc, options) -> bytes:
    """The Chicago note of the record (text, or HTML with --markup html)."""
    return as_output(chicago_note(csl_items(doc), options.markup), "chicago", options.markup)
