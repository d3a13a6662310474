"""What a citation lacks: warnings (Diagnostics) about the CSL model of a document.

The citation formats always write what is known; these warnings say what is missing or
guessed, so that a partial header never passes silently as a complete item.
"""
from __future__ import annotations

from ..diagnostics import Diagnostic

CITATION_FORMATS = ("csl-json", "bibtex", "ris", "chicago", "mla", "apa")


def citation_diagnostics(doc, file: str | None = None) -> list[Diagnostic]:
    """Warnings about the document's citation items (its own item and its sources)."""
    from .csl_json import csl_items

    items = csl_items(doc)
    found: list[Diagnostic] = []
    for item in items:
        found.extend(Diagnostic(code, "warning", f"{item['id']}: {message}", file)
                     for code, message in item_problems(item, item is items[0]))
    return found


def item_problems(item: dict, is_record: bool) -> list[tuple[str, str]]:
    """(code, message) for each thing a reference manager would miss in this item."""
    problems = []
    if not item.get("title") and not item.get("container-title"):
        problems.append(("citation-no-title", "no title in the header; the item is cited without one"))
    if "issued" not in item:
        problems.append(("citation-no-date", "no date that can be read (ISO or prose); styles print n.d."))
    if is_record and item.get("type") == "manuscript" and item.get("archive") and not item.get("archive_location"):
        problems.append(("citation-no-archive-location",
                         "the archive's record has no citation or shelfmark: no archive location"))
    if is_record and item.get("type") in ("book", "letter") and not item.get("author"):
        problems.append(("citation-no-author", "no author, editor or sender named in the header"))
    return problems
