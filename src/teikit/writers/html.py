"""Parallel reading page (transforms/html/tei-to-html.xsl)."""
from __future__ import annotations

from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """One self-contained HTML5 page: metadata, citation, the languages side by side."""
    from ._citeproc_html import citation_params

    return run_bytes("html", doc, lang=options.lang, **citation_params(doc, options.cite_styles))
