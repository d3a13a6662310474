"""teikit encode: a record (or two parallel texts) -> TEI."""
from __future__ import annotations

import click

from ..errors import UsageError
from ..io import write_output
from ..readers import READERS
from ..resources import bundled_sample
from ._common import reports_errors


@click.command("encode")
@click.argument("input", required=False, type=str)
@click.option("-o", "--output", type=str, default=None, help="Write here (atomically) instead of stdout.")
@click.option("--reader", type=click.Choice(list(READERS)), default=None,
              help="Input layout (default: detected).")
@click.option("--en", "en_path", type=str, default=None, help="Plain-text English translation (with --zh).")
@click.option("--zh", "zh_path", type=str, default=None, help="Plain-text original (Chinese) for --en.")
@click.option("--title", type=str, default=None, help="Title for --en/--zh input.")
@click.option("--date", type=str, default=None, help="Date for --en/--zh input (ISO or 'January 2, 1950').")
@click.option("--authority", type=str, multiple=True, help="Extra authority file (TEI lists); repeatable.")
@click.option("--no-align", is_flag=True, help="Skip sentence alignment.")
@click.option("--no-entities", is_flag=True, help="Skip named-entity, date and time tagging.")
@click.option("--no-segment", is_flag=True, help="Skip sentence segmentation (implies --no-align).")
@reports_errors
def command(input, output, reader, en_path, zh_path, title, date, authority, no_align, no_entities, no_segment):
    """Encode an archival record as TEI P5 XML.

    INPUT is a Wilson Center record (markdown export or PDF text; '-' reads stdin);
    without INPUT, the bundled sample record (corpus/wilson-110390.txt) is encoded.
    Alternatively give a translation and its original as plain texts with --en/--zh.

    \b
    Examples:
        teikit encode corpus/wilson-110390.txt -o wilson-110390.tei.xml
        teikit encode record.txt --authority my-names.xml > record.tei.xml
        teikit encode --en letter.en.txt --zh letter.zh.txt --title "Letter" --date 1950-01-02
    """
    from ..api import EncodeOptions, encode_file, encode_parallel
    from ..readers._dates import date_option
    from ..tei import serializer

    if date is not None:
        if not en_path:
            raise UsageError("--date is for --en/--zh input (a record carries its own date)")
        try:
            date_option(date)  # checked before any work
        except ValueError as exc:
            raise UsageError(f"--date {date!r}: {exc}") from None
    if title is not None and not en_path:
        raise UsageError("--title is for --en/--zh input (a record carries its own title)")
    options = EncodeOptions(
        reader=reader, authority=tuple(authority), segment=not no_segment,
        align=not (no_align or no_segment), entities=not no_entities, title=title, date=date,
    )
    if en_path:
        if input:
            raise UsageError("give either INPUT or --en/--zh, not both")
        tree = encode_parallel(en_path, zh_path, options)
        inputs = tuple(p for p in (en_path, zh_path) if p)
    else:
        if zh_path:
            raise UsageError("--zh needs --en")
        input = input or str(bundled_sample())
        tree = encode_file(input, options)
        inputs = (input,)
    write_output(serializer(tree), output, inputs=inputs)
