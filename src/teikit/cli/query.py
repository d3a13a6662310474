"""teikit query: XPath 3.1 over one or many TEI documents."""
from __future__ import annotations

import json
import sys

import click

from ._common import reports_errors


@click.command("query")
@click.argument("args", nargs=-1, required=True)
@click.option("-e", "--expression", "expressions", multiple=True,
              help="An expression to evaluate (repeatable); then every argument is a file or folder.")
@click.option("-f", "--expressions-file", "expr_file", type=str, default=None,
              help="A file of expressions, one per line ('#' starts a comment line).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tsv"]), default="text", help="Output format.")
@click.option("--count", is_flag=True, help="Print only the number of results per file (and expression).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for many files.")
@reports_errors
def command(args, expressions, expr_file, fmt, count, jobs):
    """Evaluate XPath 3.1 expressions over TEI files and folders (every *.xml below).

    Each file is parsed once. Without -e/-f the first argument is the expression.

    The TEI namespace is the default element namespace (and also bound to `tei:`), so
    `//persName` means `//tei:persName`. Results come in document order; files without
    results are not listed. With several expressions each result says which (1, 2, ...).

    \b
    Examples:
        teikit query "//persName[@ref='#molotov']" out/
        teikit query "//date[starts-with(@when, '1950-01')]/@when" record.tei.xml
        teikit query -e "count(//s)" -e "count(//link)" out/ --format tsv
        teikit query "for \\$l in //link, \\$t in tokenize(\\$l/@target)
                      return \\$t" record.tei.xml
    """
    from pathlib import Path

    from ..errors import InputError, UsageError
    from ..query import query_files, read_expressions

    exprs = list(expressions) + (read_expressions(expr_file) if expr_file else [])
    paths = list(args)
    if not exprs:
        exprs, paths = [paths[0]], paths[1:]
    if not paths:
        raise UsageError("no file or folder to query")
    for path in paths:  # a missing input is a usage error (exit 2), as the README says
        if path != "-" and not Path(path).exists():
            raise InputError("no such file or directory", file=path)
    results = query_files(exprs, paths, jobs)
    failed = any(r.error for r in results)
    for r in results:
        if r.error:
            click.echo(f"teikit: {r.file}: {r.error}", err=True)
    ok = [r for r in results if not r.error]
    if fmt == "json":
        click.echo(json.dumps([_json(r, exprs, count) for r in results], ensure_ascii=False, indent=2))
    elif fmt == "tsv":
        _tsv(ok, exprs, count)
    else:
        _text(ok, exprs, count)
    sys.exit(1 if failed else 0)


def _json(r, exprs, count) -> dict:
    if r.error:
        return {"file": r.file, "count": 0, "error": r.error}
    if len(exprs) == 1:
        return {"file": r.file, "count": len(r.items),
                **({} if count else {"results": [i.as_dict() for i in r.items]})}
    return {"file": r.file, "expressions": [
        {"expression": e, "count": len(items), **({} if count else {"results": [i.as_dict() for i in items]})}
        for e, items in zip(exprs, r.answers)]}


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(results, exprs, count) -> None:
    click.echo("file\texpression\tcount" if count else "file\texpression\tline\tkind\tname\tvalue")
    for r in results:
        for n, items in enumerate(r.answers, 1):
            if count:
                click.echo(f"{r.file}\t{n}\t{len(items)}")
                continue
            for i in items:
                click.echo(f"{r.file}\t{n}\t{i.line or ''}\t{i.kind}\t{i.name or ''}\t{_escape(i.value)}")


def _text(results, exprs, count) -> None:
    several = len(exprs) > 1
    for r in results:
        for n, items in enumerate(r.answers, 1):
            tag = f"[{n}] " if several else ""
            if count:
                click.echo(f"{r.file}: {tag}{len(items)}")
                continue
            for item in items:
                where = f"{r.file}:{item.line}" if item.line else r.file
                click.echo(f"{where}: {tag}{item.value}")
