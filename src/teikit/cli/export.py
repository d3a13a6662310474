"""`teikit export`: TEI to reading, citation and exchange formats."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_OK, TeikitError, UsageError
from ..io import write_output
from ._common import reports_errors


def list_formats() -> str:
    from ..writers import FORMATS

    width = max(map(len, FORMATS))
    return "".join(f"{name:<{width}}  {fmt.description}\n" for name, fmt in FORMATS.items())


def output_name(source: str, directory: Path, fmt: str, markup: str) -> Path:
    """wilson-110390.tei.xml -> DIR/wilson-110390.html"""
    return output_names([source], directory, fmt, markup)[0]


def output_names(sources, directory: Path, fmt: str, markup: str) -> list[Path]:
    """The outputs of several sources in DIR (naming.plan_outputs: colliding stems keep their
    whole name, a.xml and a.tei.xml -> a.xml.html and a.tei.xml.html)."""
    from ..naming import format_suffix, plan_outputs

    suffix = format_suffix(fmt, markup)
    return [paths[0] for paths in plan_outputs(list(sources), directory, [suffix], strip=(".xml", ".tei"))]


def export_one(source: str, fmt: str, options, output: str | None) -> None:
    from ..tei import parse_xml_bytes, parse_xml_file
    from ..writers import export, fragment_note

    # exporting resolves no xml:id through the parser, so a repeated id (as in the TEI
    # Guidelines' own egXML examples) is accepted here; `teikit validate` reports it
    if source == "-":
        doc = parse_xml_bytes(sys.stdin.buffer.read(), "<stdin>", collect_ids=False)
    else:
        doc = parse_xml_file(source, collect_ids=False)
    check_lang(doc, options.lang, source)
    note = fragment_note(doc)
    if note:
        click.echo(f"teikit: {doc.docinfo.URL or source}: {note}", err=True)
    write_output(export(doc, fmt, options), output, inputs=(source,))
    from ..writers.citation_check import CITATION_FORMATS, citation_diagnostics

    for diagnostic in citation_diagnostics(doc, source) if fmt in CITATION_FORMATS else ():
        click.echo(f"teikit: {diagnostic.format()}", err=True)


def lang_matches(want: str, tag: str) -> bool:
    """As the stylesheets decide (transforms/common/select.xsl sel:lang-matches): 'all', the tag,
    or a prefix of it at a subtag boundary, case-insensitively ('ZH' matches 'zh-Hans')."""
    want, tag = want.lower(), tag.lower()
    return want in ("all", tag) or tag.startswith(want + "-")


def check_lang(doc, lang: str, source: str) -> None:
    """UsageError (exit 2) when --lang names no language of the document (its language
    divisions, else any xml:lang in it; a document that declares none accepts any)."""
    from ..tei import XML_LANG, language_divisions

    if not lang or lang.lower() == "all":
        return
    root = doc.getroot()
    langs = {d.get(XML_LANG) for d in language_divisions(root)} or set(root.xpath("//@xml:lang"))
    if langs and not any(lang_matches(lang, tag) for tag in langs):
        raise UsageError(f"--lang {lang}: the document has no text in that language (it has {', '.join(sorted(langs))})",
                         file="<stdin>" if source == "-" else source)


@click.command(name="export")
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--to", "fmt", metavar="FORMAT", help="Output format (see --list).")
@click.option("-o", "--output", metavar="OUT",
              help="Output file ('-' for stdout, the default); a directory with several FILEs or when it ends in '/'.")
@click.option("--lang", default="all", show_default=True, metavar="en|zh|all",
              help="Language divisions for text, markdown and json; the first view of html.")
@click.option("--markup", type=click.Choice(["text", "html"]), default="text", show_default=True,
              help="Markup of the styled citations (chicago, mla, apa).")
@click.option("--cite-styles", is_flag=True,
              help="html: add the Chicago, MLA and APA citations to the page's citation box (slower).")
@click.option("--list", "show_list", is_flag=True, help="List the formats and exit.")
@reports_errors
def command(files, fmt, output, lang, markup, show_list, cite_styles=False):
    """Export TEI FILE(s) to FORMAT.

    \b
    Examples:
        teikit export wilson-110390.tei.xml --to html -o wilson-110390.html
        teikit export wilson-110390.tei.xml --to text --lang zh
        teikit export wilson-110390.tei.xml --to chicago
        teikit export records/*.tei.xml --to bibtex -o citations/
        teikit export --list
    """
    if show_list:
        click.echo(list_formats(), nl=False)
        return
    from ..writers import ExportOptions, writer_module

    if not fmt:
        raise UsageError("missing --to FORMAT (see teikit export --list)")
    if not files:
        raise UsageError("no input FILE given")
    writer_module(fmt)  # unknown format: fail before reading anything
    options = ExportOptions(lang=lang, markup=markup, cite_styles=cite_styles)
    if len(files) == 1:
        if output and output != "-" and (Path(output).is_dir() or output.endswith("/")):
            output = str(output_name(files[0] if files[0] != "-" else "stdin", Path(output), fmt, markup))
        export_one(files[0], fmt, options, output)
        return
    sys.exit(export_many(files, fmt, options, output))


def export_many(files, fmt, options, output) -> int:
    """Export each file into the directory `output`; report failures, return the exit code."""
    if not output or output == "-":
        raise UsageError("several input files need -o DIRECTORY")
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise UsageError("with several input files, -o must be a directory", file=output)
    from ..naming import check_outputs

    code = EXIT_OK
    targets = output_names(["stdin" if f == "-" else f for f in files], directory, fmt, options.markup)
    check_outputs(targets, files)  # before any work: no output over an input, none written twice
    for source, target in zip(files, targets):
        try:
            export_one(source, fmt, options, str(target))
        except TeikitError as exc:
            click.echo(f"teikit: {exc}", err=True)
            code = max(code, exc.exit_code)
    return code
