"""Hostile input and careless use (issue 15): the campaign's reproducers, each a one-line
error or a valid document (conftest checks every encode), each well under 3 s once warm."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.api import EncodeOptions, encode
from teikit.cli import cli
from teikit.errors import XMLInputError
from teikit.naming import check_outputs, plan_outputs
from teikit.tei import NSMAP, parse_xml_bytes, parse_xml_file, serialize

from conftest import PDF_TEXTS, SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
FAST = EncodeOptions(align=False, entities=False)
SPACES = " " * 4000


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result, code: int) -> str:
    assert result.exit_code == code, result.output
    err = result.stderr
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("char", ["\x0b", "\x01", "\x1f", "\ufffe", "\uffff", "\ud800", "\U0010fffd"])
def test_a_character_xml_cannot_hold_is_kept_as_a_declared_g(char):
    root = encode(TEXT.replace("Yesterday", f"Yes{char}terday", 1), FAST).getroot()
    g = root.xpath("//tei:body//tei:g", namespaces=NSMAP)
    assert len(g) == 1 and g[0].tail.startswith("terday") and "Yesterday" in g[0].getparent().xpath("string()")
    char_id = g[0].get("ref")[1:]
    mapping = root.xpath(f"//tei:charDecl/tei:char[@xml:id='{char_id}']/tei:mapping/text()", namespaces=NSMAP)
    assert mapping == [f"U+{ord(char):04X}"]


def test_a_form_feed_is_a_page_break():
    root = encode(TEXT.replace("Yesterday", "Yes\fterday", 1), FAST).getroot()
    assert len(root.xpath("//tei:body//tei:pb", namespaces=NSMAP)) == 1
    assert not root.xpath("//tei:charDecl", namespaces=NSMAP)


def test_pdf_text_page_breaks_become_pb(shared):
    path = next(p for p in sorted(PDF_TEXTS.glob("*.txt")) if "\f" in p.read_text(encoding="utf-8").rstrip("\f\n "))
    root = encode(path.read_text(encoding="utf-8"), FAST).getroot()
    assert root.xpath("//tei:body//tei:pb", namespaces=NSMAP)


def test_a_number_of_any_length():
    encode(TEXT.replace("8:00", "9" * 5000, 1))  # the whole pipeline: Python's int() stops at 4,300 digits


def test_sections_of_a_kind_share_one_division_and_lose_nothing():
    second = TEXT + "\n# 第二份原文\n\n第二段。\n"
    root = encode(second, FAST).getroot()
    assert len(root.xpath("//tei:body/tei:div", namespaces=NSMAP)) == 2
    assert "第二段" in root.xpath("string(//tei:body/tei:div[@type='original'])", namespaces=NSMAP)
    chinese_first = TEXT.replace("To the Central Committee [of", "# 中文标题\n\nTo the Central Committee [of", 1)
    root = encode(chinese_first, FAST).getroot()
    assert len(root.xpath("//tei:body/tei:div", namespaces=NSMAP)) == 2


def test_a_summary_heading_in_the_body_is_text():
    root = encode(TEXT.replace("(b) To publish", "#### **Summary:**\n\n(b) To publish", 1), FAST).getroot()
    abstract = root.xpath("string(//tei:abstract)", namespaces=NSMAP)
    assert "important breakthrough" in abstract and "To publish" not in abstract
    assert "To publish through" in root.xpath("string(//tei:body)", namespaces=NSMAP)


def test_a_marker_without_a_note_points_nowhere():
    root = encode(TEXT.replace("Cable, Mao Zedong to", "Cable[2], Mao Zedong to"), FAST).getroot()
    ids = set(root.xpath("//@xml:id"))
    targets = {t[1:] for ref in root.xpath("//tei:ref/@target", namespaces=NSMAP) for t in ref.split()}
    assert targets <= ids


@pytest.mark.parametrize("name, text", [
    ("heading padded", TEXT.replace("# 关于", "# 关于" + SPACES + "x")),
    ("heading padded twice", TEXT.replace("# 关于", "# 关于" + SPACES + "#" + SPACES + "y")),
    ("note marker padded", TEXT.replace("(b) To", "<sup>" + SPACES + "1" + SPACES)),
    ("notes heading padded", TEXT.replace("(b) To", "Notes" + SPACES + "x")),
    ("blank lines", TEXT.replace("(b) To", "\n" * 40000 + "(b) To")),
])
def test_padded_input_is_linear(name, text):
    encode(TEXT, FAST)  # warm
    started = time.perf_counter()
    encode(text, FAST)
    assert time.perf_counter() - started < 3, name


def test_pdf_text_with_many_blank_lines_is_linear(shared):
    raw = sorted(PDF_TEXTS.glob("*.txt"))[0].read_text(encoding="utf-8")
    head, _, body = raw.partition("English Translation")
    text = head + "English Translation" + body.replace("\n\n", "\n" * 40000, 3).replace("\n\n", "\n" + "a\n" * 20000, 1)
    encode(raw, FAST)
    started = time.perf_counter()
    encode(text, FAST)
    assert time.perf_counter() - started < 3


# ---------------------------------------------------------------- options checked before work

@pytest.mark.parametrize("date, code", [("1950-13-45", 2), ("1950-02-30", 2), ("soon", 2), ("2nd Jan 1950", 0)])
def test_date_option(tmp_path, date, code):
    en = tmp_path / "en.txt"
    en.write_text("On 2 January we met in Moscow.\n", encoding="utf-8")
    result = run("encode", "--en", str(en), "--date", date, "--no-align")
    if code:
        assert "--date" in one_line_error(result, code)
    else:
        assert result.exit_code == 0 and b'when="1950-01-02"' in result.stdout_bytes


def test_date_and_title_without_parallel_texts_are_usage_errors():
    one_line_error(run("encode", str(SAMPLE), "--date", "1950-01-02"), 2)


def test_an_existing_directory_as_output(tmp_path):
    assert "is a directory" in one_line_error(run("encode", str(SAMPLE), "-o", str(tmp_path), "--no-align"), 2)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_one_line_naming_the_file():
    err = one_line_error(run("encode", str(SAMPLE), "-o", "/dev/full", "--no-align", "--no-entities"), 1)
    assert "/dev/full" in err and "cannot write" in err


def test_export_lang_must_be_one_of_the_document(tmp_path):
    tei = tmp_path / "r.tei.xml"
    tei.write_bytes(serialize(encode(TEXT, FAST)))
    for lang in ("fr", "de"):
        assert "--lang" in one_line_error(run("export", str(tei), "--to", "text", "--lang", lang), 2)
    assert run("export", str(tei), "--to", "text", "--lang", "zh").exit_code == 0


def test_entities_on_a_document_that_is_not_tei(tmp_path):
    other = tmp_path / "a.xml"
    other.write_text("<a/>", encoding="utf-8")
    assert "not a TEI document" in one_line_error(run("entities", str(other)), 2)


def test_query_on_a_missing_file_is_exit_2(tmp_path):
    one_line_error(run("query", "//p", str(tmp_path / "nope.xml")), 2)


def test_no_error_advises_a_parser_option(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<p>" * 300 + "x" + "</p>" * 300 + "</TEI>")
    err = one_line_error(run("export", str(deep), "--to", "text"), 2)
    assert "XML_PARSE_HUGE" not in err and "limit" in err


LONG = "x" * 10_500_000  # over libxml2's 10 MB limit on one text node (an 11 MB sentence)


def test_a_text_node_over_10_mb_that_teikit_writes_is_read_back(tmp_path):
    tree = encode(TEXT, FAST)
    tree.find(".//tei:s", NSMAP).text = LONG
    tei = tmp_path / "long.tei.xml"
    tei.write_bytes(serialize(tree))
    assert parse_xml_file(tei).find(".//tei:s", NSMAP).text == LONG
    result = run("export", str(tei), "--to", "text", "-o", str(tmp_path / "long.txt"))
    assert result.exit_code == 0, result.output
    assert LONG in (tmp_path / "long.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("document", [
    '<!DOCTYPE TEI [<!ENTITY a "b">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&a;{long}</p></TEI>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<hi>" * 300 + "{long}" + "</hi>" * 300 + "</TEI>",
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>{long}</p>' + "<hi>" * 300 + "</hi>" * 300 + "</TEI>",
], ids=["with-entities", "deep-around", "deep-after"])
def test_a_long_text_node_is_refused_with_entities_or_deep_nesting(document):
    with pytest.raises(XMLInputError, match="limit"):
        parse_xml_bytes(document.replace("{long}", LONG).encode("utf-8"), "long.xml")


# ---------------------------------------------------------------- outputs never touch inputs

def test_export_refuses_to_write_over_another_input(tmp_path):
    tei = tmp_path / "a.xml"
    tei.write_bytes(serialize(encode(TEXT, FAST)))
    (tmp_path / "dir").mkdir()
    other = tmp_path / "dir" / "a.txt"
    other.write_text("keep me", encoding="utf-8")
    one_line_error(run("export", str(tei), str(other), "--to", "text", "-o", str(tmp_path / "dir")), 2)
    assert other.read_text(encoding="utf-8") == "keep me"


def test_encode_streams_the_bytes_serialize_gives_and_a_failed_write_leaves_nothing(tmp_path):
    """`encode -o` writes the TEI as lxml serialises it (tei.serializer), not as one bytes object:
    the same bytes; a write that fails half-way is one error naming the file, and no file."""
    from teikit.errors import OutputError
    from teikit.io import atomic_write
    from teikit.tei import serializer

    out = tmp_path / "a.tei.xml"
    assert run("encode", str(SAMPLE), "-o", str(out), "--no-align", "--no-entities").exit_code == 0
    assert out.read_bytes() == serialize(encode(TEXT, FAST))
    write = serializer(encode(TEXT, FAST))

    def half_then_full(fh):
        write(fh)
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="b.tei.xml.*cannot write"):
        atomic_write(tmp_path / "b.tei.xml", half_then_full)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.tei.xml"]


def test_one_naming_function_keeps_extensions_where_stems_collide(tmp_path):
    plan = plan_outputs(["x/rec.txt", "x/rec.md", "x/b.txt"], tmp_path, [".tei.xml", ".html"],
                        relative=["rec.txt", "rec.md", "sub/b.txt"], strip=(".txt", ".md"))
    assert [[p.relative_to(tmp_path).as_posix() for p in paths] for paths in plan] == [
        ["rec.txt.tei.xml", "rec.txt.html"], ["rec.md.tei.xml", "rec.md.html"], ["sub/b.tei.xml", "sub/b.html"]]
    with pytest.raises(Exception, match="two inputs"):
        check_outputs([tmp_path / "o.txt", tmp_path / "o.txt"], [])
    src = tmp_path / "in.txt"
    src.write_text("x")
    with pytest.raises(Exception, match="over an input"):
        check_outputs([Path(str(src))], [str(src)])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["en-n1", "en-n2", "en-n1-2", "zh"]), st.booleans()), max_size=60))
def test_minting_with_an_id_set_gives_the_ids_a_plain_set_gives(calls):
    """IdSet remembers where mint stopped per base (minting one base k times is linear, not
    quadratic); the ids are the same as a plain set's, also with ids added from outside."""
    from teikit.ids import IdSet, mint

    plain, fast = set(), IdSet()
    for base, outside in calls:
        if outside:
            plain.add(base + "-3")
            fast.add(base + "-3")
        assert mint(base, plain) == mint(base, fast)
    assert plain == fast
