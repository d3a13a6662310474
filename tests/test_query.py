"""teikit query: XPath 3.1 over TEI files, default TEI namespace, errors with positions."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from teikit.api import encode_file
from teikit.cli import cli
from teikit.errors import UsageError
from teikit.query import compile_xpath, query
from teikit.tei import parse_xml_bytes, serialize

from conftest import PDF_TEXTS, SAMPLE


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, shared):
    out = tmp_path_factory.mktemp("q")
    (out / "sample.tei.xml").write_bytes(serialize(encode_file(str(SAMPLE))))
    (out / "nested").mkdir()
    for path in sorted(PDF_TEXTS.glob("*.txt")):
        (out / "nested" / f"{path.stem}.tei.xml").write_bytes(serialize(encode_file(str(path))))
    return out


def test_default_namespace_and_prefix_are_the_same():
    tree = encode_file(str(SAMPLE))
    assert [i.value for i in query("count(//p)", tree)] == [i.value for i in query("count(//tei:p)", tree)]
    assert query("count(//p)", tree)[0].value != "0"


def test_xpath3_features():
    tree = encode_file(str(SAMPLE))
    items = query("string-join(for $p in //div[@xml:lang='en']/p return $p/@n, ',')", tree)
    assert items[0].value == "1,a,b,c,2,3"
    assert query("//idno[@type='URL']/ends-with(., '110390')", tree)[0].value == "true"


def test_element_results_carry_lines():
    tree = parse_xml_bytes(serialize(encode_file(str(SAMPLE))))
    item = query("//publicationStmt/idno[@type='wilson']", tree)[0]
    assert item.kind == "element" and item.line and item.value == '<idno type="wilson">110390</idno>'


def test_bad_expression_is_a_usage_error_with_position():
    with pytest.raises(UsageError, match="column"):
        compile_xpath("//p[")


def test_cli_over_a_directory(corpus_dir):
    result = CliRunner().invoke(cli, ["query", "//date[starts-with(@when, '1950-01')]/@when", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    assert "sample.tei.xml" in result.output and "1950-01-02" in result.output
    assert "113379" not in result.output  # a 1949 record has no January 1950 date


def test_cli_json_counts(corpus_dir):
    result = CliRunner().invoke(cli, ["query", "count(//body/div)", str(corpus_dir), "--format", "json"])
    data = json.loads(result.output)
    assert {d["file"].split("/")[-1]: d["results"][0]["value"] for d in data}["sample.tei.xml"] == "2"
    assert len(data) == 4


def test_cli_bad_expression_exit_2(corpus_dir):
    result = CliRunner().invoke(cli, ["query", "//p[", str(corpus_dir)])
    assert result.exit_code == 2
    assert "XPST0003" in result.stderr and "column" in result.stderr


def test_cli_unreadable_file_is_reported_and_exit_1(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>")
    result = CliRunner().invoke(cli, ["query", "//p", str(bad)])
    assert result.exit_code == 1
    assert "bad.xml" in result.stderr and "not well-formed" in result.stderr
