"""teikit validate: TEI files against tei_all (+ the Guidelines' Schematron) and teikit's profile."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._common import reports_errors


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=str)
@click.option("--schema", type=str, default=None,
              help="tei_all, teikit, or a RELAX NG/Schematron file (default: tei_all, "
                   "plus teikit's profile for teikit output).")
@click.option("--tei-all", "tei_all", type=str, default=None, envvar="TEIKIT_TEI_ALL",
              help="Path of tei_all.rng (default: $TEIKIT_TEI_ALL, else `teikit schema fetch`'s copy, "
                   "else the one shipped with teikit).")
@click.option("--rng-only", is_flag=True, help="Check tei_all's grammar alone (what Jing checks): no Schematron, no teikit profile.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no 'valid' lines.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for many files (one process shares the compiled grammars).")
@reports_errors
def command(files, schema, tei_all, rng_only, fmt, quiet, jobs):
    """Validate TEI files and folders (every *.xml below).

    Each error is reported as FILE:LINE:COL: error: message [rule].

    Exit status: 0 all valid, 1 some invalid, 2 usage error or unreadable input.

    \b
    Examples:
        teikit validate wilson-110390.tei.xml
        teikit validate --schema teikit --format json out/
        TEIKIT_TEI_ALL=../shared/schema/tei_all.rng teikit validate --rng-only --jobs 2 edition/
    """
    from ..errors import InputError, TeikitError
    from ..validate import ValidateOptions, validate_files

    options = ValidateOptions(schema=schema, tei_all=tei_all, rng_only=rng_only)
    worst, reports = 0, []
    for path, result in validate_files(files, options, jobs):
        if isinstance(result, TeikitError):
            if not isinstance(result, InputError):
                raise result  # a usage error (bad --schema, no tei_all) concerns every file
            click.echo(f"teikit: {result}", err=True)
            reports.append({"file": path, "valid": False, "error": result.message})
            worst = max(worst, result.exit_code)
            continue
        worst = max(worst, 0 if result.valid else 1)
        if fmt == "json":
            reports.append(result.as_dict())
            continue
        _print_text(result, quiet)
    if fmt == "json":
        single = len(files) == 1 and len(reports) == 1 and not Path(files[0]).is_dir()
        click.echo(json.dumps(reports[0] if single else reports, ensure_ascii=False, indent=2))
    sys.exit(worst)


def _print_text(result, quiet: bool) -> None:
    for diag in result.diagnostics:
        click.echo(diag.format())
    for skipped in result.skipped:
        click.echo(f"{result.file}: info: Schematron rule skipped: {skipped}", err=True)
    if result.valid and not quiet:
        click.echo(f"{result.file}: valid ({', '.join(result.checked) or 'nothing checked'})", err=True)
