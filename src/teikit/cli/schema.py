"""teikit schema: update the official tei_all.rng in the user cache, or show which one is used."""
from __future__ import annotations

import sys

import click

from ..errors import UsageError
from ._common import reports_errors


@click.group("schema")
def command():
    """Manage the TEI schema (tei_all.rng) that `teikit validate` uses.

    teikit ships tei_all.rng of TEI P5 4.12.0 (see NOTICE); `teikit schema fetch` puts a newer
    one in the user cache, which is then used instead.

    \b
    Examples:
        teikit schema path
        teikit schema fetch
        teikit schema fetch --from ~/Downloads/tei_all.rng
        teikit schema fetch https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/custom/schema/relaxng/tei_all.rng
    """


@command.command("fetch")
@click.argument("url", required=False)
@click.option("--from", "source", metavar="PATH_OR_URL", default=None,
              help="A local tei_all.rng, a file: URL or an http(s) URL (the same as URL).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds before giving up.")
@reports_errors
def fetch(url, source, timeout):
    """Update tei_all.rng in the user cache (default: the TEI Consortium's current release).

    The file is checked to be a RELAX NG grammar before it replaces the cached copy; offline,
    the copy shipped with teikit stays in use.

    \b
    Examples:
        teikit schema fetch && teikit validate doc.tei.xml
        teikit schema fetch --from ../shared/schema/tei_all.rng
    """
    from ..validate.fetch import fetch_tei_all
    from ..validate.schemas import TEI_ALL_URL

    if url and source:
        raise UsageError("give the schema's location once: URL or --from, not both")
    target = fetch_tei_all(source or url or TEI_ALL_URL, timeout=timeout)
    click.echo(str(target))


@command.command("path")
@reports_errors
def path():
    """Print the schemas validation would use, and tei_all's TEI version (exit 1 if none).

    \b
    Example:
        teikit schema path
    """
    from ..validate.schemas import NOT_FOUND_HINT, find_tei_all, teikit_rng, tei_all_version

    found = find_tei_all()
    click.echo(f"teikit\t{teikit_rng()}")
    if found is None:
        click.echo(f"teikit: tei_all.rng not found: {NOT_FOUND_HINT}", err=True)
        sys.exit(1)
    click.echo(f"tei_all\t{found}\tP5 {tei_all_version(found) or 'version unknown'}")
