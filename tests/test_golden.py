"""The golden-file helper itself: a missing expected file fails unless --accept."""
from __future__ import annotations

import pytest
from lxml import etree

from golden import check_golden_bytes, check_golden_tei, check_golden_text, check_golden_xml
from teikit import tei

TREE = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a <hi>b</hi> c</p></body></text></TEI>'


def test_missing_expected_file_fails_and_is_not_written(tmp_path):
    for check, value in [(check_golden_bytes, b"x"), (check_golden_text, "x"),
                         (check_golden_xml, etree.fromstring(TREE)),
                         (check_golden_tei, tei.parse_xml_bytes(TREE.encode()))]:
        expected = tmp_path / f"{check.__name__}.out"
        with pytest.raises(AssertionError, match="is missing"):
            check(value, expected, accept=False)
        assert not expected.exists()
        assert expected.with_name(expected.name + ".actual").exists()


def test_accept_writes_then_the_same_output_passes(tmp_path):
    expected = tmp_path / "x.xml"
    check_golden_xml(etree.fromstring(TREE), expected, accept=True)
    check_golden_xml(etree.fromstring(TREE), expected, accept=False)
    assert not expected.with_name("x.xml.actual").exists()


def test_a_mismatch_fails_and_leaves_the_actual_output(tmp_path):
    expected = tmp_path / "x.txt"
    expected.write_text("old", encoding="utf-8")
    with pytest.raises(AssertionError, match="differs"):
        check_golden_text("new", expected, accept=False)
    assert (tmp_path / "x.txt.actual").read_text(encoding="utf-8") == "new"
    assert expected.read_text(encoding="utf-8") == "old"


def test_tei_comparison_keeps_whitespace_and_xml_comparison_ignores_it(tmp_path):
    spaced = TREE.replace("<p>a ", "<p>a  ")
    tei_expected, xml_expected = tmp_path / "t.xml", tmp_path / "x.xml"
    check_golden_tei(tei.parse_xml_bytes(TREE.encode()), tei_expected, accept=True)
    with pytest.raises(AssertionError, match="differs"):
        check_golden_tei(tei.parse_xml_bytes(spaced.encode()), tei_expected, accept=False)
    check_golden_xml(etree.fromstring(TREE.replace("<body>", "<body>\n  ")), xml_expected, accept=True)
    check_golden_xml(etree.fromstring(TREE), xml_expected, accept=False)


def test_no_test_module_writes_golden_files_itself():
    """`accept` is handed to the helper, never tested by a module of its own (a second copy of
    the helper is how a missing expected file once passed)."""
    import re
    from pathlib import Path

    for module in Path(__file__).parent.glob("test_*.py"):
        assert not re.search(r"\bif\b[^\n]*\baccept\b", module.read_text(encoding="utf-8")), module.name
