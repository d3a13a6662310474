"""CSL-JSON, the one citation model (transforms/csl-json/tei-to-csl-json.xsl)."""
from __future__ import annotations

import json

from ._xslt import ExportError, run_bytes


def write(doc, options) -> bytes:
    """The CSL items of the document as a JSON array."""
    return run_bytes("csl-json", doc)


def csl_items(doc) -> list[dict]:
    """The CSL items as Python data, with the model's helpers (what the styled citations render)."""
    data = run_bytes("csl-json", doc, helpers="yes")
    try:
        return json.loads(data)
    except ValueError as exc:  # a stylesheet bug, never the user's input
        raise ExportError(f"csl-json export produced invalid JSON: {exc}") from None
