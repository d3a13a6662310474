"""teikit validate / teikit schema: output lines, JSON, exit codes, fetch from a local server."""
from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import cli

from conftest import TEI_ALL

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "validate" / "minimal.tei.xml"
BROKEN = DATA / "invalid" / "teikit-note-pointer.xml"
STRUCTURE = DATA / "validate" / "structure-errors.xml"


@pytest.fixture(autouse=True)
def _environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_valid_file_exit_0():
    result = run("validate", "--schema", "teikit", str(MINIMAL))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "valid (rng:teikit, sch:teikit)" in result.stderr


def test_invalid_file_exit_1_with_file_line_column_lines():
    result = run("validate", "--schema", "teikit", str(BROKEN))
    assert result.exit_code == 1
    assert result.stdout == (f'{BROKEN}:25:177: error: note anchor "#en-p1" does not point to a note '
                             "[teikit-note-pointer]\n")


def test_tei_all_errors_located_in_text_output(shared):
    result = run("validate", "--tei-all", str(TEI_ALL), "--rng-only", str(STRUCTURE))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f'{STRUCTURE}:6:24: error: element "p" not allowed here in "title"; '
                             'expected the end of "title" or text, "abbr", "add"')


def test_tei_all_from_environment_variable(shared, monkeypatch):
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(TEI_ALL))
    result = run("validate", str(MINIMAL))
    assert result.exit_code == 0
    assert "rng:tei_all, sch:tei_all, rng:teikit, sch:teikit" in result.stderr


def test_json_output_for_several_files():
    result = run("validate", "--schema", "teikit", "--format", "json", str(MINIMAL), str(BROKEN))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [d["valid"] for d in data] == [True, False]
    assert data[1]["diagnostics"][0] == {
        "code": "teikit-note-pointer", "severity": "error", "file": str(BROKEN), "line": 25, "column": 177,
        "message": 'note anchor "#en-p1" does not point to a note'}


def test_json_output_for_one_file_is_an_object():
    data = json.loads(run("validate", "--schema", "teikit", "--format", "json", str(MINIMAL)).stdout)
    assert data["valid"] is True and data["checked"] == ["rng:teikit", "sch:teikit"]


def test_unreadable_file_among_others_exit_2_and_others_still_checked(tmp_path):
    result = run("validate", "--schema", "teikit", str(tmp_path / "missing.xml"), str(BROKEN))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"teikit: {tmp_path / 'missing.xml'}: no such file"
    assert "teikit-note-pointer" in result.stdout


def test_missing_schema_is_a_usage_error():
    result = run("validate", "--schema", "no/such/schema.rng", str(MINIMAL))
    assert result.exit_code == 2
    assert result.stderr == "teikit: schema not found: no/such/schema.rng\n"


def test_tei_all_requested_without_any_copy_is_a_usage_error(no_tei_all):
    result = run("validate", "--schema", "tei_all", str(MINIMAL))
    assert result.exit_code == 2 and "teikit schema fetch" in result.stderr


def test_without_any_tei_all_validation_never_says_valid(no_tei_all):
    result = run("validate", str(MINIMAL))
    assert result.exit_code == 2 and "valid" not in result.stdout
    assert result.stderr.startswith("teikit: tei_all.rng not found") and "--from PATH" in result.stderr


def test_quiet_prints_errors_only():
    result = run("validate", "-q", "--schema", "teikit", str(MINIMAL))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("args", [["validate"], ["schema"], ["schema", "fetch"], ["schema", "path"]])
def test_help_has_an_example(args):
    result = run(*args, "--help")
    assert result.exit_code == 0 and "Example" in result.stdout


# ---- teikit schema fetch / path, against a local server (never the network)


@pytest.fixture
def schema_server(shared):
    handler = functools.partial(_QuietHandler, directory=str(TEI_ALL.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_fetch_then_validate_uses_the_cached_copy(schema_server, tmp_path):
    result = run("schema", "fetch", f"{schema_server}/tei_all.rng")
    assert result.exit_code == 0, result.stderr
    cached = tmp_path / "cache" / "schema" / "tei_all.rng"
    assert result.stdout.strip() == str(cached)
    assert cached.read_bytes() == TEI_ALL.read_bytes()
    assert run("schema", "path").stdout.splitlines()[1] == f"tei_all\t{cached}\tP5 4.12.0"
    validated = run("validate", "--schema", "tei_all", "--rng-only", str(MINIMAL))
    assert validated.exit_code == 0, validated.stderr


def test_fetch_refuses_what_is_not_a_grammar(schema_server, tmp_path):
    result = run("schema", "fetch", f"{schema_server}/README.md")
    assert result.exit_code == 1 and "not a RELAX NG schema" in result.stderr
    assert not (tmp_path / "cache" / "schema" / "tei_all.rng").exists()


def test_fetch_reports_http_errors(schema_server):
    result = run("schema", "fetch", f"{schema_server}/missing.rng")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"teikit: {schema_server}/missing.rng: HTTP 404 File not found"


def test_fetch_refuses_other_schemes_and_files_that_are_not_grammars(tmp_path):
    result = run("schema", "fetch", "ftp://example.org/tei_all.rng")
    assert result.exit_code == 1 and "not an http(s) or file: URL" in result.stderr
    result = run("schema", "fetch", "--from", "file:///etc/passwd")
    assert result.exit_code == 1 and "not a RELAX NG schema" in result.stderr
    assert not (tmp_path / "cache" / "schema" / "tei_all.rng").exists()


def test_fetch_from_a_local_path(shared, tmp_path):
    result = run("schema", "fetch", "--from", str(TEI_ALL))
    assert result.exit_code == 0, result.stderr
    cached = tmp_path / "cache" / "schema" / "tei_all.rng"
    assert cached.read_bytes() == TEI_ALL.read_bytes()
    assert run("schema", "path").stdout.splitlines()[1] == f"tei_all\t{cached}\tP5 4.12.0"


def test_fetch_from_a_missing_path_is_one_line(tmp_path):
    result = run("schema", "fetch", "--from", str(tmp_path / "nope.rng"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "nope.rng: cannot read" in result.stderr


def test_fetch_offline_says_the_shipped_copy_is_still_used():
    result = run("schema", "fetch", "http://127.0.0.1:9/tei_all.rng", "--timeout", "5")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "cannot download" in result.stderr and "--from PATH" in result.stderr


def test_schema_path_names_the_shipped_copy_and_its_version():
    result = run("schema", "path")
    assert result.exit_code == 0
    label, path, version = result.stdout.splitlines()[1].split("\t")
    assert (label, Path(path).name, version) == ("tei_all", "tei_all.rng", "P5 4.12.0")


def test_schema_path_without_tei_all_exits_1(no_tei_all):
    result = run("schema", "path")
    assert result.exit_code == 1 and "teikit schema fetch" in result.stderr
