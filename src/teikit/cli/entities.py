"""teikit entities: list the people, places and organisations an encoded document refers to."""
from __future__ import annotations

import json
import sys

import click

from ..errors import InputError
from ._common import reports_errors


@click.command("entities")
@click.argument("file", type=str)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table for reading, or JSON for programs.")
@reports_errors
def command(file, fmt):
    """List the entities of an encoded TEI document: id, type, names per language, occurrences per language.

    FILE is a TEI document written by `teikit encode` ('-' reads stdin).

    \b
    Examples:
        teikit entities wilson-110390.tei.xml
        teikit entities wilson-110390.tei.xml --format json | jq '.[].id'
    """
    from ..entities.listing import list_entities

    root = _read(file)
    rows = list_entities(root)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
    else:
        _print_table(rows)


def _read(file: str):
    from ..tei import local_name, parse_xml_bytes, parse_xml_file, tei

    if file == "-":
        root = parse_xml_bytes(sys.stdin.buffer.read(), "<stdin>").getroot()
    else:
        root = parse_xml_file(file).getroot()
    if root.tag not in (tei("TEI"), tei("teiCorpus")):
        raise InputError(f"not a TEI document (its root is <{local_name(root) or root.tag}>, expected <TEI>)",
                         file="<stdin>" if file == "-" else file)
    return root


def _print_table(rows) -> None:
    from rich.console import Console
    from rich.table import Table

    langs = sorted({lang for r in rows for lang in r.occurrences}, key=lambda l: (l != "en", l))
    table = Table(title=f"{len(rows)} entities", show_lines=False)
    for col in ("id", "type", *(f"name ({lang})" for lang in langs), *(f"# {lang}" for lang in langs), "wikidata"):
        table.add_column(col, justify="right" if col.startswith("#") else "left", no_wrap=col in ("id", "type"))
    for r in rows:
        names = [_first(r.names.get(lang) or r.forms.get(lang)) for lang in langs]
        counts = [str(r.occurrences.get(lang, 0)) for lang in langs]
        kind = r.type + (" (uncertain)" if r.cert == "low" else "")
        table.add_row(r.id, kind, *names, *counts, r.wikidata or "")
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table)


def _first(values) -> str:
    return values[0] if values else ""
