"""`teikit align`: Vecalign-format beads, and clear errors instead of tracebacks."""
from __future__ import annotations

from click.testing import CliRunner

from teikit.cli import cli


def run(tmp_path, src: bytes, tgt: bytes, *extra):
    (tmp_path / "src.txt").write_bytes(src)
    (tmp_path / "tgt.txt").write_bytes(tgt)
    return CliRunner().invoke(cli, ["align", "--src", str(tmp_path / "src.txt"), "--tgt",
                                    str(tmp_path / "tgt.txt"), *extra])


EN = "Comrade Stalin agreed to invite Zhou Enlai to Moscow.\nThe treaty will be signed on 9 January.\n"
ZH = "斯大林同志同意邀请周恩来来莫斯科。\n条约将于一月九日签订。\n"


def test_prints_one_bead_per_line(tmp_path):
    result = run(tmp_path, EN.encode(), ZH.encode())
    assert result.exit_code == 0, result.output
    assert result.output == "[0]:[0]\n[1]:[1]\n"


def test_chinese_source_with_explicit_languages(tmp_path):
    result = run(tmp_path, ZH.encode(), EN.encode(), "--src-lang", "zh", "--tgt-lang", "en")
    assert result.output == "[0]:[0]\n[1]:[1]\n"


def test_an_empty_side_is_a_usage_error(tmp_path):
    """Nothing to align with: exit 2 before any work (it silently gave all 1:0 beads)."""
    for src, tgt in ((EN.encode(), b""), (b"", ZH.encode()), (b"\n \n", b"")):
        result = run(tmp_path, src, tgt)
        assert result.exit_code == 2, result.output
        assert "no sentences" in result.output and "Traceback" not in result.output


def test_not_utf8_is_a_one_line_error(tmp_path):
    result = run(tmp_path, "caf\u00e9\n".encode("latin-1"), ZH.encode())
    assert result.exit_code == 2
    assert "not UTF-8" in result.output and "Traceback" not in result.output


def test_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["align", "--src", str(tmp_path / "nope.txt"), "--tgt", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_output_file_and_help_example(tmp_path):
    out = tmp_path / "beads.align"
    result = run(tmp_path, EN.encode(), ZH.encode(), "-o", str(out))
    assert result.exit_code == 0 and out.read_text() == "[0]:[0]\n[1]:[1]\n"
    help_text = CliRunner().invoke(cli, ["align", "--help"]).output
    assert "Example:" in help_text and "teikit align --src" in help_text


def test_sample_sentences_against_hand_checked_gold():
    """The sample record's sentences as plain files (no structure): near the hand-checked beads."""
    from pathlib import Path

    from teikit.align.evaluate import read_beads, score

    data = Path(__file__).parent / "data" / "align"
    result = CliRunner().invoke(cli, ["align", "--src", str(data / "wilson-110390.en.txt"),
                                      "--tgt", str(data / "wilson-110390.zh.txt")])
    assert result.exit_code == 0
    gold = read_beads((data / "wilson-110390.gold.align").read_text())
    assert score(gold, read_beads(result.output))["f1_strict"] >= 0.9
