"""Regenerate docs/cli.md from the commands' own --help (tests fail when it is stale).

    python docs/make_cli_md.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

HEADER = """# CLI reference

Generated from each command's `--help` by `python docs/make_cli_md.py`; `tests/test_docs.py`
fails when this file is out of date or a command is missing from it.
"""


def _help(args: list[str]) -> str:
    from teikit.cli import cli

    result = CliRunner().invoke(cli, [*args, "--help"], terminal_width=100)
    return result.output.rstrip()


def _subcommands(name: str) -> list[str]:
    import click

    from teikit.cli import cli

    cmd = cli.get_command(None, name)
    if isinstance(cmd, click.Group):
        return sorted(cmd.list_commands(None))
    return []


def render() -> str:
    from teikit.cli import cli

    parts = [HEADER, "## teikit\n", "```\n" + _help([]) + "\n```\n"]
    for name in cli.list_commands(None):
        parts.append(f"## teikit {name}\n")
        parts.append("```\n" + _help([name]) + "\n```\n")
        for sub in _subcommands(name):
            parts.append(f"### teikit {name} {sub}\n")
            parts.append("```\n" + _help([name, sub]) + "\n```\n")
    return "\n".join(parts)


def main() -> None:
    target = Path(__file__).with_name("cli.md")
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
