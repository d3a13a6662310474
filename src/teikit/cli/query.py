"""teikit query: XPath 3.1 over one or many TEI documents."""
from __future__ import annotations

import json
import sys

import click

from ._common import reports_errors


@click.command("query")
@click.argument("xpath")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@click.option("--count", is_flag=True, help="Print only the number of results per file.")
@reports_errors
def command(xpath, paths, fmt, count):
    """Evaluate an XPath 3.1 expression over TEI files (directories: every *.xml below).

    The TEI namespace is the default element namespace (and also bound to `tei:`), so
    `//persName` means `//tei:persName`. Files without results are not listed.

    \b
    Examples:
        teikit query "//persName[@ref='#molotov']" out/
        teikit query "//date[starts-with(@when, '1950-01')]/@when" record.tei.xml
        teikit query "count(//s)" out/ --format json
        teikit query "for \\$l in //link, \\$t in tokenize(\\$l/@target)
                      return \\$t" record.tei.xml
    """
    from pathlib import Path

    from ..errors import InputError
    from ..query import query_files

    for path in paths:  # a missing input is a usage error (exit 2), as the README says
        if path != "-" and not Path(path).exists():
            raise InputError("no such file or directory", file=path)
    results = query_files(xpath, list(paths))
    failed = any(r.error for r in results)
    if fmt == "json":
        payload = [
            {"file": r.file, "count": len(r.items), **({"error": r.error} if r.error else {}),
             **({} if count else {"results": [i.as_dict() for i in r.items]})}
            for r in results
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r.error:
                click.echo(f"teikit: {r.file}: {r.error}", err=True)
            elif count:
                click.echo(f"{r.file}: {len(r.items)}")
            else:
                for item in r.items:
                    where = f"{r.file}:{item.line}" if item.line else r.file
                    click.echo(f"{where}: {item.value}")
    sys.exit(1 if failed else 0)
