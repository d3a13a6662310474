"""teikit schema: fetch the official tei_all.rng into the user cache, or show which one is used."""
from __future__ import annotations

import click

from ._common import reports_errors


@click.group("schema")
def command():
    """Manage the TEI schema (tei_all.rng) that `teikit validate` uses.

    \b
    Examples:
        teikit schema fetch
        teikit schema fetch https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/custom/schema/relaxng/tei_all.rng
        teikit schema path
    """


@command.command("fetch")
@click.argument("url", required=False)
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds before giving up.")
@reports_errors
def fetch(url, timeout):
    """Download tei_all.rng (default: the TEI Consortium's current release) into the user cache.

    \b
    Example:
        teikit schema fetch && teikit validate doc.tei.xml
    """
    from ..validate.fetch import fetch_tei_all
    from ..validate.schemas import TEI_ALL_URL

    target = fetch_tei_all(url or TEI_ALL_URL, timeout=timeout)
    click.echo(str(target))


@command.command("path")
@reports_errors
def path():
    """Print the tei_all.rng that validation would use (exit 1 if none).

    \b
    Example:
        teikit schema path
    """
    import sys

    from ..validate.schemas import find_tei_all, teikit_rng

    found = find_tei_all()
    click.echo(f"teikit\t{teikit_rng()}")
    if found is None:
        click.echo("teikit: tei_all.rng not found: set $TEIKIT_TEI_ALL or run `teikit schema fetch`", err=True)
        sys.exit(1)
    click.echo(f"tei_all\t{found}")
