"""The styled citations of the HTML page's citation box (transforms/html/citation.xsl)."""
from __future__ import annotations

from pathlib import PurePath

from ._xslt import ExportError


def citation_params(doc, styles: bool = True) -> dict[str, str]:
    """XSLT parameters: tei_href (the TEI file's name when the document was read from one) and,
    with `styles`, cite_chicago, cite_mla, cite_apa (plain text). A style that fails is left
    out: the page is still written."""
    params = {"tei_href": tei_name(doc.docinfo.URL)}
    if not styles:
        return params
    from ._citeproc import chicago_note, reference_list
    from .csl_json import csl_items

    try:
        items = csl_items(doc)
    except ExportError:
        return params
    for style in ("chicago", "mla", "apa"):
        try:
            params[f"cite_{style}"] = chicago_note(items) if style == "chicago" else reference_list(items, style)
        except ExportError:
            continue
    return params


def tei_name(url: str | None) -> str:
    """The TEI file's own name (a relative link beside the page), or ''."""
    if not url or "://" in url and not url.startswith("file://"):
        return ""
    name = PurePath(url.removeprefix("file://")).name
    return name if name.endswith(".xml") else ""
