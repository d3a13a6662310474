"""Writers: TEI tree -> output bytes. A registry maps each format name to one module.

Each writer module defines one public function, `write(tree, options) -> bytes`. Most run an
XSLT stylesheet from `transforms/<format>/tei-to-<format>.xsl`; the styled citations (Chicago,
MLA, APA) render the CSL-JSON that XSLT builds with citeproc-py. Modules are imported only when
their format is used, so `export --to html` never imports citeproc.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError, UsageError
from ..tei import TEI_NS

@dataclass(frozen=True)
class Format:
    module: str  # module in teikit.writers
    extension: str  # file name extension used when -o is a directory
    description: str


FORMATS: dict[str, Format] = {
    "html": Format("html", ".html", "self-contained parallel reading page (HTML5, inline CSS/JS)"),
    "text": Format("text", ".txt", "plain reading text per language (--lang)"),
    "markdown": Format("markdown", ".md", "reading text as Markdown, notes as footnotes (--lang)"),
    "chicago": Format("chicago", ".txt", "Chicago notes-bibliography citation, note form (--markup)"),
    "mla": Format("mla", ".txt", "MLA works-cited entry (--markup)"),
    "apa": Format("apa", ".txt", "APA reference-list entry (--markup)"),
    "bibtex": Format("bibtex", ".bib", "BibTeX entries: the record and its published sources"),
    "ris": Format("ris", ".ris", "RIS records: the record and its published sources"),
    "csl-json": Format("csl_json", ".json", "CSL-JSON items: the one citation model"),
    "tmx": Format("tmx", ".tmx", "TMX 1.4 translation memory of the aligned sentence pairs"),
    "json": Format("jsondoc", ".json", "segments, alignment beads and entities as JSON"),
}

LANGS = ("all", "en", "zh")


@dataclass(frozen=True)
class ExportOptions:
    """What `export` may be told.

    lang:   which language divisions the reading formats show: 'all', 'en', 'zh' (or any
            language tag prefix such as 'zh-Hans').
    markup: 'text' or 'html' for the styled citations (chicago, mla, apa).
    cite_styles: html only: put the Chicago, MLA and APA citations in the page's citation box
            (citeproc-py: ~0.5 s a page, so off by default; RIS, BibTeX and CSL-JSON are always there).
    """

    lang: str = "all"
    markup: str = "text"
    cite_styles: bool = False


def formats() -> list[str]:
    return list(FORMATS)


def export(tree, fmt: str, options: ExportOptions | None = None) -> bytes:
    """Export a TEI tree (lxml tree or root element) in format `fmt`; return the bytes."""
    options = options or ExportOptions()
    module = writer_module(fmt)
    check_options(options)
    doc = tree.getroottree() if isinstance(tree, etree._Element) else tree
    check_is_tei(doc)
    return module.write(doc, options)


def fragment_note(doc: etree._ElementTree) -> str | None:
    """A one-line note when the root is a TEI fragment (surface, div, text ...), else None."""
    qname = etree.QName(doc.getroot())
    if qname.namespace != TEI_NS or qname.localname in ("TEI", "teiCorpus"):
        return None
    return f"note: a TEI fragment (root element {qname.localname!r}), exported without a header"


def writer_module(fmt: str):
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{FORMATS[fmt].module}")


def check_options(options: ExportOptions) -> None:
    if options.markup not in ("text", "html"):
        raise UsageError(f"unknown citation markup {options.markup!r}; choose text or html")
    if not options.lang or not all(part.isalnum() for part in options.lang.split("-")):
        raise UsageError(f"bad language {options.lang!r}; use all, en, zh or a language tag")


def check_is_tei(doc: etree._ElementTree) -> None:
    """Raise InputError unless the root is a TEI P5 element (TEI, teiCorpus or a fragment)."""
    root = doc.getroot()
    name = doc.docinfo.URL or None
    qname = etree.QName(root)
    if qname.namespace == TEI_NS:
        return
    if qname.namespace is None and qname.localname in ("TEI.2", "teiCorpus.2"):
        raise InputError("TEI P4 document (TEI.2, no namespace): convert it to TEI P5 first", file=name)
    raise InputError(f"not a TEI P5 document (root element is {qname.localname!r}"
                     f"{' in ' + qname.namespace if qname.namespace else ' in no namespace'})", file=name)
