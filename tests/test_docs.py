"""Documentation stays true: README set-up commands, every command documented, cli.md current."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from teikit.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _load_docgen():
    spec = importlib.util.spec_from_file_location("make_cli_md", REPO / "docs" / "make_cli_md.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_has_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n\s*(python -m pip install [^\n]+)\n\s*```", readme)
    assert len(commands) == 2
    assert "teikit encode corpus/wilson-110390.txt" in commands[0]
    assert "'.[test]'" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install, test = re.findall(r"```sh\n\s*(python -m pip install [^\n]+)\n\s*```", readme)[1].split(" && ")
    assert install.replace("python -m pip install", "").strip() in ci
    assert test.split()[-2] in ci  # pytest


def test_every_command_is_in_cli_reference():
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.list_commands(None):
        assert f"## teikit {name}\n" in text, f"docs/cli.md lacks `teikit {name}`"


def test_cli_reference_is_current():
    expected = _load_docgen().render()
    actual = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python docs/make_cli_md.py`"
