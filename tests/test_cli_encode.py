"""`teikit encode` from the command line: outputs, stdin, and one-line errors for bad input."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit import __version__
from teikit.cli import cli

from conftest import SAMPLE


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_encode_to_stdout_is_tei():
    result = run("encode", str(SAMPLE))
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"


def test_encode_reads_stdin():
    result = run("encode", "-", input=SAMPLE.read_bytes())
    assert result.exit_code == 0
    assert b"<teiHeader>" in result.stdout_bytes


def test_encode_writes_file(tmp_path):
    out = tmp_path / "out.tei.xml"
    assert run("encode", str(SAMPLE), "-o", str(out)).exit_code == 0
    assert etree.parse(str(out)).getroot().find("{http://www.tei-c.org/ns/1.0}teiHeader") is not None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_written_file_gets_the_mode_of_any_new_file(tmp_path):
    """Outputs are written via a private temporary file; the result must not stay private (0600)."""
    import os

    out = tmp_path / "out.tei.xml"
    plain = tmp_path / "plain.txt"
    plain.write_text("x")  # what open() gives a new file under this umask
    assert run("encode", str(SAMPLE), "-o", str(out)).exit_code == 0
    assert os.stat(out).st_mode & 0o777 == os.stat(plain).st_mode & 0o777


def test_an_existing_output_keeps_its_mode_and_a_link_stays_a_link(tmp_path):
    import os

    real = tmp_path / "real.tei.xml"
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.tei.xml"
    link.symlink_to(real)
    assert run("encode", str(SAMPLE), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and b"<teiHeader>" in real.read_bytes()
    assert os.stat(real).st_mode & 0o777 == 0o640


def test_a_pipe_is_written_to_not_replaced(tmp_path):
    """`-o /dev/null` or a named pipe: a rename over it would put a regular file in its place
    (as root, over /dev/null itself)."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("encode", str(SAMPLE), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"<teiHeader>" in received[0]


def test_parallel_texts(tmp_path):
    en = tmp_path / "en.txt"
    zh = tmp_path / "zh.txt"
    en.write_text("(1) We agree. The treaty is signed.\n\n(2) Zhou will come.\n", encoding="utf-8")
    zh.write_text("（一）我们同意。条约已签订。\n\n（二）周将来。\n", encoding="utf-8")
    result = run("encode", "--en", str(en), "--zh", str(zh), "--title", "A test", "--date", "1950-01-02")
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=ns) == "A test"
    assert root.xpath("//t:body/t:div/@xml:lang", namespaces=ns) == ["en", "zh-Hans"]


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("## **Citation:**\nCaf\xe9\n".encode("latin-1"))
    nosections = tmp_path / "plain.txt"
    nosections.write_text("Just a letter.\n\nNo headings at all.\n", encoding="utf-8")
    return {
        "empty": (empty, "empty file"),
        "binary": (binary, "binary file"),
        "not-utf8": (latin1, "not UTF-8"),
        "no-sections": (nosections, "no recognisable record sections"),
        "missing": (tmp_path / "nope.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "not-utf8", "no-sections", "missing", "directory"])
def test_bad_input_is_one_line_exit_2_no_output(case, tmp_path):
    path, message = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out" / "result.xml"
    result = run("encode", str(path), "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_not_utf8_error_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"## **January 02, 1950**\n\nline two\n\xff\xfe here\n")
    result = run("encode", str(path))
    assert result.exit_code == 2
    assert f"{path}:4:" in result.stderr


def test_refuses_to_overwrite_input(tmp_path):
    copy = tmp_path / "record.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    result = run("encode", str(copy), "-o", str(copy))
    assert result.exit_code == 2
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_without_input_encodes_the_bundled_record():
    result = run("encode")
    assert result.exit_code == 0
    assert b"/document/110390" in result.stdout_bytes


def test_usage_errors():
    assert run("encode", "--zh", str(SAMPLE)).exit_code == 2
    assert run("encode", str(SAMPLE), "--en", str(SAMPLE)).exit_code == 2


def test_version_and_module_entry_point():
    assert __version__ in run("--version").output
    proc = subprocess.run([sys.executable, "-m", "teikit", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_every_command_help_has_an_example():
    for name in cli.list_commands(None):
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"`teikit {name} --help` shows no example"


# ---------------------------------------------------------------- registries that drive the CLI

def test_reader_choices_are_the_reader_registry(monkeypatch):
    """--reader offers READERS' names (a new reader appears without touching the CLI), each
    naming a module with detect() and read_<module>()."""
    from teikit.cli.encode import command
    from teikit.readers import READERS, reader_module

    option = next(p for p in command.params if p.name == "reader")
    assert list(option.type.choices) == list(READERS)
    for name, module in READERS.items():
        assert callable(reader_module(name).detect) and callable(getattr(reader_module(name), f"read_{module}"))
    result = run("encode", "--reader", "no-such-reader", str(SAMPLE))
    assert result.exit_code == 2 and "no-such-reader" in result.output


def test_a_missing_pass_is_an_error_not_skipped(monkeypatch):
    from teikit import passes

    monkeypatch.setattr(passes, "PASSES", (*passes.PASSES, ("segment", "teikit.passes.no_such_pass", "run")))
    result = run("encode", str(SAMPLE))
    assert result.exit_code == 1 and "teikit.passes.no_such_pass not found" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not result.stdout


@pytest.mark.parametrize("row", [("segment", "teikit.passes.segment", "no_such_function"),
                                 ("no_such_flag", "teikit.passes.segment", "segment")])
def test_an_unknown_pass_function_or_flag_is_an_error(monkeypatch, row):
    from teikit import api, passes

    monkeypatch.setattr(passes, "PASSES", (row,))
    with pytest.raises(passes.PassNotFound, match=row[0] if row[0] != "segment" else row[2]):
        api.encode(SAMPLE.read_text(encoding="utf-8"))
