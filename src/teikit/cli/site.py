"""teikit site: a folder of TEI and records -> a static digital edition (optionally served)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import reports_errors


@click.command("site")
@click.argument("src_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the site (created; a rebuild updates it).")
@click.option("--title", default="", help="The edition's name (default: SRC_DIR's name).")
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0, help="Worker processes (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Rebuild every page, not only those of changed records.")
@click.option("--validate", is_flag=True, help="Validate the records encoded on the way (as teikit batch).")
@click.option("--no-search", is_flag=True, help="Do not build the Pagefind search index.")
@click.option("--serve", is_flag=True, help="After building, serve the site on http://127.0.0.1:PORT/ until Ctrl-C.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, help="Port for --serve (0: any free port).")
@reports_errors
def command(src_dir, out_dir, title, jobs, force, validate, no_search, serve, port):
    """Build a static edition of every TEI file (*.xml) and record (*.txt, *.md) under SRC_DIR.

    Records are encoded on the way (as teikit batch does, with its progress bar). The site has
    a page per record (the reader, with previous/next links, downloads and citation meta
    tags), a browse list with facets, registers of people, places and organisations, a
    timeline, a map when places have coordinates, and full-text search (Pagefind). A broken
    record is reported and left out; the exit code is then 1. A rebuild redoes only what
    changed.

    \b
    Examples:
        teikit site records/ -o edition/
        teikit site records/ -o edition/ --title "Sino-Soviet relations" --serve
        teikit site records/ -o edition/ --force --no-search
    """
    from ..errors import InputError, UsageError
    from ..site import SiteOptions, build_site

    if not src_dir.is_dir():
        raise InputError("no such folder", file=str(src_dir))
    if out_dir.resolve() == src_dir.resolve():
        raise UsageError("the site folder must not be the source folder")
    options = SiteOptions(title=title, jobs=jobs, force=force, search=not no_search, validate=validate)
    result = build_site(src_dir, out_dir, options, run_records=_records_with_progress)
    for source, error in result.failed:
        click.echo(f"teikit: left out: {error}", err=True)
    for source, error in result.invalid:
        click.echo(f"teikit: invalid (on the site all the same): {error}", err=True)
    click.echo(f"site: {result.records} records ({result.rendered} pages written, {result.removed} removed, "
               f"{len(result.failed)} left out) in {result.seconds:.2f} s -> {out_dir}"
               + (f"; {result.search}" if result.search else ""), err=True)
    if result.search.startswith("search index failed"):
        click.echo(f"teikit: {result.search}", err=True)
    if serve:
        from ..site.serve import serve as run_server

        run_server(out_dir, port)
    sys.exit(1 if result.failed else 0)


def _records_with_progress(src, tei_dir, options):
    """The batch run, with teikit batch's progress bar."""
    from .batch import _run_with_progress

    return _run_with_progress(src, tei_dir, options)
