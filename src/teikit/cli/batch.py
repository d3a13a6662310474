"""teikit batch: a folder of records -> a validated edition, in parallel, resumable."""
from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

import click

from ..errors import InputError, UsageError
from ._common import reports_errors


@click.command("batch")
@click.argument("src_dir", type=click.Path(file_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the TEI files, exports and report.json.")
@click.option("--to", "formats", default="", help="Comma-separated export formats (see `teikit export --list`).")
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0, help="Worker processes (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Redo records whose outputs are newer than their inputs.")
@click.option("--no-validate", is_flag=True, help="Do not validate the TEI.")
@click.option("--schema", default=None, help="tei_all | teikit | PATH (default: tei_all, plus teikit's profile).")
@click.option("--tei-all", "tei_all", default=None, help="Path of tei_all.rng (else $TEIKIT_TEI_ALL, the fetched copy, or the shipped one).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler (tcp://HOST:8786), or local:N worker processes; "
                   "SRC_DIR and OUT_DIR may then be fsspec URLs (needs teikit[dask]; docs/dask.md).")
@reports_errors
def command(src_dir, out_dir, formats, jobs, force, no_validate, schema, tei_all, scheduler):
    """Encode, validate and export every record (*.txt, *.md) under SRC_DIR.

    One bad record never stops the run: it is listed with its error, the others complete,
    the exit code is 1, and OUT_DIR/report.json records every record's outcome. Re-running
    skips records whose outputs are newer than their inputs, and completes a killed run.

    \b
    Examples:
        teikit batch records/ -o edition/ --to html,text
        teikit batch records/ -o edition/ --to html,chicago,bibtex --jobs 2 --tei-all tei_all.rng
        teikit batch records/ -o edition/ --force
        teikit batch s3://archive/records -o s3://archive/edition --to html --scheduler tcp://head:8786
    """
    from ..batch import BatchOptions, summarise, write_report
    from ..writers import FORMATS

    if scheduler is not None:
        from ..batch_dask import check_available, check_source, parse_scheduler, write_report_to as write_report

        check_available()
        parse_scheduler(scheduler)
        check_source(src_dir)
    elif not Path(src_dir).is_dir():
        raise InputError("no such folder", file=src_dir)
    else:
        src_dir, out_dir = Path(src_dir), Path(out_dir)
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}")
    options = BatchOptions(formats=chosen, jobs=jobs, force=force, validate=not no_validate,
                           schema=schema, tei_all=tei_all)
    started = time.perf_counter()
    outcomes = _run_with_progress(src_dir, out_dir, options, scheduler)
    elapsed = time.perf_counter() - started
    from ..writers.bibliography import write_corpus_bibliographies

    local = "://" not in str(out_dir)  # the corpus bibliographies are written to local folders only
    for message in write_corpus_bibliographies(Path(src_dir), Path(out_dir), options, outcomes) if local else ():
        click.echo(f"teikit: {message}", err=True)
    report = write_report(out_dir, outcomes, options, elapsed)
    _print_summary(outcomes, summarise(outcomes), elapsed, report)
    counts = summarise(outcomes)
    if counts["interrupted"]:
        undone = sum(o.status == "interrupted" and not o.outputs for o in outcomes)
        click.echo(f"teikit: interrupted; {undone} record(s) not done, see {report}", err=True)
        sys.exit(130)
    sys.exit(1 if counts["failed"] or counts["invalid_on_disk"] else 0)


def _run_with_progress(src_dir, out_dir, options, scheduler=None):
    """run_batch with a progress bar. The bar and its ETA count bytes of input, not records:
    records are handed out largest first, and a 1 MB record takes a hundred times as long as a
    10 KB one, so a rate in records would first promise hours, then be too hopeful."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from ..batch import file_size, find_records, previous_outputs, read_report, run_batch

    console = Console(stderr=True)
    if scheduler is not None:
        from ..batch_dask import record_sizes, run_batch_dask as run_batch

        run_batch = partial(run_batch, scheduler=scheduler)
    sizes = (record_sizes(src_dir) if scheduler else
             {str(p): file_size(str(p)) for p in find_records(src_dir, previous_outputs(read_report(out_dir)))})
    columns = [TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[done]}/{task.fields[records]}"),
               TextColumn("{task.fields[rate]} rec/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("records", total=max(1, sum(sizes.values())), done=0, records=len(sizes), rate="-")
        started = time.perf_counter()
        finished = 0

        def done(outcome):
            nonlocal finished
            if outcome.status == "failed":
                progress.console.print(f"[red]failed[/red] {outcome.error}", markup=True, highlight=False)
            finished += 1
            rate = f"{finished / max(1e-9, time.perf_counter() - started):.1f}"
            progress.update(task, advance=sizes.get(outcome.source, 0), done=finished, rate=rate)

        return run_batch(src_dir, out_dir, options, on_done=done)


def _print_summary(outcomes, counts, elapsed, report):
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    for o in outcomes:
        if o.status == "invalid":
            console.print(f"[yellow]invalid[/yellow] {o.source}: {o.errors} error(s); first: {o.messages[0]}",
                          markup=True, highlight=False)
    table = Table(title="teikit batch")
    for column in ("records", "encoded", "valid", "invalid", "failed", "skipped", "time"):
        table.add_column(column, justify="right")
    table.add_row(str(counts["total"]), str(counts["encoded"]), str(counts["valid"]), str(counts["invalid"]),
                  str(counts["failed"]), str(counts["skipped"]), f"{elapsed:.2f} s")
    console.print(table)
    console.print(f"report: {report}", highlight=False)
