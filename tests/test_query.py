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


# -- several expressions, engines, XPath's string values ----------------------------------------

MIXED = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
         b'<p n="1">one <hi rend="b">two <hi rend="i">three</hi></hi> four\xc2\xa0\xc2\xa0five</p>'
         b'<p n="2">six<hi rend="u">seven</hi></p></body></text></TEI>')


def test_string_value_is_descendant_text_in_document_order():
    tree = parse_xml_bytes(MIXED)
    assert query("normalize-space(//body)", tree)[0].value == "one two three four\u00a0\u00a0fivesixseven"
    assert query("string(//p[1])", tree)[0].value == "one two three four\u00a0\u00a0five"


def test_normalize_space_keeps_no_break_spaces():
    tree = parse_xml_bytes(MIXED)
    assert query("//p[1]/normalize-space()", tree)[0].value.endswith("four\u00a0\u00a0five")


def test_results_in_document_order():
    tree = parse_xml_bytes(MIXED)
    assert [i.value for i in query("//text//hi[@rend][1]/@rend/string()", tree)] == ["b", "i", "u"]
    assert [i.value for i in query("//hi/@rend", tree)] == ["b", "i", "u"]


_BOTH_ENGINES = [
    "count(//p)", "//p/@n", "//hi[@rend='i']", "//p[hi]/@n", "count(//*)", "//p[last()]/@n",
    "string((//hi)[1]/@rend)", "//p[position() mod 2 = 1]/@n", "sum(//p/@n)", "//hi/text()",
    "boolean(//q)", "//p[contains(., 'six')]/@n", "//tei:hi[@rend='b']/hi/@rend", "//p/@n/string()",
]


@pytest.mark.parametrize("expression", _BOTH_ENGINES)
def test_libxml2_and_elementpath_agree(expression):
    from teikit.query import Query, _Document

    q = compile_xpath(expression)
    assert q.lxml is not None, "expected on the XPath 1.0 path"
    doc = _Document(parse_xml_bytes(MIXED))
    slow = doc.answer(Query(q.source, q.token))
    assert [i.value for i in doc.answer(q)] == [i.value for i in slow]  # (elementpath: attributes as strings)


def test_xpath3_only_expressions_use_elementpath():
    for expression in ("for $p in //p return $p/@n", "//p ! string(@n)", "//p[@n < 2]", "string-join(//p/@n, ',')"):
        assert compile_xpath(expression).lxml is None
    tree = parse_xml_bytes(MIXED)
    assert query("string-join(//p/@n, ',')", tree)[0].value == "1,2"


def test_cli_several_expressions_one_parse_each(tmp_path):
    (tmp_path / "a.xml").write_bytes(MIXED)
    (tmp_path / "exprs.txt").write_text("# counts\ncount(//p)\n\ncount(//hi)\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", "-e", "//p/@n", "-f", str(tmp_path / "exprs.txt"), str(tmp_path),
                                      "--format", "tsv"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert rows[0] == ["file", "expression", "line", "kind", "name", "value"]
    assert [(r[1], r[5]) for r in rows[1:]] == [("1", "1"), ("1", "2"), ("2", "2"), ("3", "3")]
    data = json.loads(CliRunner().invoke(cli, ["query", "-e", "count(//p)", "-e", "count(//hi)", str(tmp_path),
                                               "--format", "json"]).output)
    assert [e["results"][0]["value"] for e in data[0]["expressions"]] == ["2", "3"]


def test_cli_jobs_give_the_same_output(corpus_dir):
    args = ["query", "-e", "count(//s)", "-e", "//idno[@type='wilson']/string()", str(corpus_dir)]
    one = CliRunner().invoke(cli, args)
    two = CliRunner().invoke(cli, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output and "[2] " in one.output
