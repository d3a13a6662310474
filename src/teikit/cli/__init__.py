"""The `teikit` command: a click group whose commands live one per module in this package.

Commands are imported lazily, so `teikit validate` does not pay for the Chinese
dictionaries that `teikit encode` loads.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from .. import __version__

# command name -> module in teikit.cli (each module defines `command`)
COMMANDS = {
    "encode": "encode",
    "validate": "validate",
    "export": "export",
    "entities": "entities",
    "align": "align",
    "schema": "schema",
    "batch": "batch",
    "query": "query",
    "site": "site",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx):
        return sorted(name for name in COMMANDS if _module_exists(COMMANDS[name]))

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None or not _module_exists(module):
            return None
        return importlib.import_module(f"teikit.cli.{module}").command


def _module_exists(module: str) -> bool:
    return importlib.util.find_spec(f"teikit.cli.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
def cli():
    """teikit: archival records to TEI P5 and back out to reading and citation formats.

    \b
    Example:
        teikit encode corpus/wilson-110390.txt -o wilson-110390.tei.xml
        teikit validate wilson-110390.tei.xml
        teikit export wilson-110390.tei.xml --to html -o wilson.html
    """


def main(argv=None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="teikit")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
