"""`teikit entities FILE [--format table|json]`: output, exit codes, help."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import cli

EXPECTED = Path(__file__).parent / "data" / "entities" / "bilingual.expected.xml"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["entities", *args], input=input)


def test_json_lists_ids_types_names_and_counts_per_language():
    result = run(str(EXPECTED), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    zhou = rows["zhou-enlai"]
    assert zhou["type"] == "person" and zhou.get("wikidata") is None  # no id we are sure of
    assert rows["moscow"]["wikidata"] == "Q649"
    assert zhou["names"]["en"] == ["Zhou Enlai"] and zhou["names"]["zh-Hans"] == ["周恩来"]
    assert zhou["occurrences"] == {"en": 2, "zh-Hans": 2}
    assert rows["molotov"]["occurrences"] == {"en": 3, "zh-Hans": 3}  # 莫米二同志 counts for both
    assert rows["xie-juezai"]["cert"] == "low"
    assert rows["moscow"]["type"] == "place" and rows["ccp-cc"]["type"] == "org"


def test_table_shows_every_entity():
    result = run(str(EXPECTED))
    assert result.exit_code == 0, result.output
    for needle in ("zhou-enlai", "周恩来", "Leningrad", "uncertain", "# zh-Hans"):
        assert needle in result.output


def test_stdin():
    result = run("-", "--format", "json", input=EXPECTED.read_bytes())
    assert result.exit_code == 0 and json.loads(result.output)


@pytest.mark.parametrize("content,code", [(None, 2), (b"not xml", 2), (b"<TEI", 2)])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, content, code):
    path = tmp_path / "in.xml"
    if content is not None:
        path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == code
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("teikit: ") and "Traceback" not in result.output


def test_unknown_format_is_a_usage_error():
    assert run(str(EXPECTED), "--format", "csv").exit_code == 2


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "teikit entities" in result.output and "Example" in result.output
