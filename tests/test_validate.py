"""validate(): located messages (golden), schema selection, teikit's profile on real output."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import InputError, UsageError
from teikit.tei import NSMAP, XML_ID, XML_LANG, parse_xml_bytes, serialize, tei
from teikit.validate import ValidateOptions, ValidationResult, validate

from golden import check_golden_text

from conftest import PDF_TEXTS, TEI_ALL, TEI_SAMPLES

DATA = Path(__file__).parent / "data" / "validate"
MINIMAL = DATA / "minimal.tei.xml"
GOLDEN_CASES = ["structure-errors", "attribute-errors"]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "validate-cache"))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)


@pytest.fixture(scope="module")
def tei_all_options(shared) -> ValidateOptions:
    return ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL), rng_only=True)




def formatted(result: ValidationResult, path: Path) -> str:
    return "".join(d.format().replace(str(path), path.name) + "\n" for d in result.diagnostics)


# ---- messages


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_grammar_messages_golden(name, tei_all_options, accept):
    path = DATA / f"{name}.xml"
    result = validate(str(path), tei_all_options)
    assert not result.valid
    check_golden_text(formatted(result, path), DATA / f"{name}.messages.txt", accept)


def test_every_independent_error_is_reported_with_line_and_column(tei_all_options):
    result = validate(str(DATA / "structure-errors.xml"), tei_all_options)
    where = [(d.line, d.column) for d in result.diagnostics]
    assert where == [(6, 24), (15, 18), (20, 7)]
    assert 'element "p" not allowed here in "title"; expected ' in result.diagnostics[0].message


def test_messages_agree_with_the_full_grammar_verdict(tei_all_rng, tei_all_options):
    """No message for a valid document; at least one for each invalid one."""
    for path in sorted(TEI_SAMPLES.glob("*.xml")):
        tree = parse_xml_bytes(path.read_bytes(), str(path), collect_ids=False)
        result = validate(str(path), tei_all_options)
        assert result.valid == tei_all_rng.validate(tree), path.name
        assert bool(result.diagnostics) == (not result.valid)


def test_missing_child_is_reported_as_incomplete(tei_all_options):
    doc = MINIMAL.read_bytes().replace(b'<title type="main" xml:lang="en">Cable, A to B</title>', b"")
    result = validate(doc, tei_all_options)
    assert [d.message for d in result.diagnostics] == ['element "titleStmt" incomplete; missing required element "title"']


def test_text_where_no_text_is_allowed(tei_all_options):
    doc = MINIMAL.read_bytes().replace(b"<body>", b"<body>stray words")
    result = validate(doc, tei_all_options)
    assert 'text not allowed in "body"' in [d.message for d in result.diagnostics]


def test_tree_input_without_source_still_gives_lines(tei_all_options):
    tree = parse_xml_bytes(MINIMAL.read_bytes(), "x")
    tree.getroot().find(".//tei:titleStmt/tei:title", NSMAP).append(etree.Element(tei("p")))
    result = validate(tree, tei_all_options)
    assert len(result.diagnostics) == 1 and result.diagnostics[0].line == 6


def test_result_as_dict_is_json_ready(tei_all_options):
    import json

    result = validate(str(DATA / "attribute-errors.xml"), tei_all_options)
    data = json.loads(json.dumps(result.as_dict()))
    assert data["valid"] is False and data["checked"] == ["rng:tei_all"]
    assert {"code", "severity", "message", "file", "line", "column"} <= set(data["diagnostics"][0])


# ---- schema selection


def test_default_checks_tei_all_and_teikit_profile_for_teikit_output(shared):
    result = validate(str(MINIMAL), ValidateOptions(tei_all=str(TEI_ALL)))
    assert result.checked == ("rng:tei_all", "sch:tei_all", "rng:teikit", "sch:teikit")
    assert result.valid


def test_default_checks_third_party_tei_against_tei_all_only(shared):
    result = validate(str(TEI_SAMPLES / "testNotes1.xml"), ValidateOptions(tei_all=str(TEI_ALL)))
    assert result.checked == ("rng:tei_all", "sch:tei_all")


def test_tei_all_found_through_the_environment(shared, monkeypatch):
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(TEI_ALL))
    assert validate(str(MINIMAL), ValidateOptions(schema="tei_all")).checked[0] == "rng:tei_all"


def test_tei_all_found_in_the_user_cache(shared, tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path))
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "tei_all.rng").symlink_to(TEI_ALL)
    assert validate(str(MINIMAL), ValidateOptions(schema="tei_all", rng_only=True)).valid


def test_without_tei_all_nothing_is_called_valid(no_tei_all):
    with pytest.raises(UsageError, match="teikit schema fetch"):
        validate(str(MINIMAL))  # teikit output: its profile alone would pass it


def test_without_tei_all_third_party_tei_is_a_usage_error(no_tei_all, shared):
    with pytest.raises(UsageError, match="teikit schema fetch"):
        validate(str(TEI_SAMPLES / "testNotes1.xml"))


def test_teikit_profile_alone_only_when_asked_for(no_tei_all):
    assert validate(str(MINIMAL), ValidateOptions(schema="teikit")).checked == ("rng:teikit", "sch:teikit")


def test_tei_all_requested_but_missing_is_a_usage_error(no_tei_all, tmp_path):
    with pytest.raises(UsageError, match="teikit schema fetch"):
        validate(str(MINIMAL), ValidateOptions(schema="tei_all"))
    with pytest.raises(UsageError, match="schema not found"):
        validate(str(MINIMAL), ValidateOptions(schema=str(tmp_path / "nope.rng")))


def test_a_fresh_install_uses_the_shipped_tei_all(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    result = validate(str(MINIMAL))
    assert result.valid and result.checked == ("rng:tei_all", "sch:tei_all", "rng:teikit", "sch:teikit")


def test_shipped_tei_all_is_the_official_release(shared):
    from teikit.validate.schemas import shipped_tei_all, tei_all_version

    assert shipped_tei_all().read_bytes() == TEI_ALL.read_bytes()
    assert tei_all_version(shipped_tei_all()) == "4.12.0"


def test_rng_only_is_tei_all_alone_even_for_teikit_output(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path))
    assert validate(str(MINIMAL), ValidateOptions(rng_only=True)).checked == ("rng:tei_all",)


def test_schema_given_as_a_path(tmp_path):
    rng = tmp_path / "mini.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" '
                   'xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    assert validate(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', ValidateOptions(schema=str(rng))).valid
    result = validate(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><x/></TEI>', ValidateOptions(schema=str(rng)))
    assert not result.valid and result.diagnostics[0].code == "rng:mini"


def test_unreadable_input_raises_input_error():
    with pytest.raises(InputError):
        validate("/no/such/file.xml")
    with pytest.raises(InputError):
        validate(b"not xml at all")


# ---- teikit's profile (schema/teikit.rng) on real output


@pytest.fixture(scope="module")
def sample_tree(sample_path):
    from teikit.api import encode_file

    return encode_file(str(sample_path))


def test_teikit_profile_accepts_real_output(sample_tree):
    result = validate(serialize(sample_tree), ValidateOptions(schema="teikit"))
    assert result.valid, [d.format() for d in result.diagnostics]


def test_real_output_is_valid_tei_including_the_guidelines_rules(sample_tree, shared):
    result = validate(serialize(sample_tree), ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL)))
    assert result.valid, [d.format() for d in result.diagnostics]


def test_teikit_profile_accepts_reader_only_output(sample_path):
    from teikit.api import EncodeOptions, encode_file

    tree = encode_file(str(sample_path), EncodeOptions(segment=False, align=False, entities=False))
    assert validate(serialize(tree), ValidateOptions(schema="teikit")).valid


def _break(tree_bytes: bytes, xpath: str, edit) -> bytes:
    tree = parse_xml_bytes(tree_bytes, "x")
    edit(tree.getroot().xpath(xpath, namespaces=NSMAP)[0])
    return serialize(tree)


@pytest.mark.parametrize("xpath, edit, expected", [
    ("//tei:body/tei:div[1]", lambda el: el.attrib.pop(XML_LANG), 'missing required attribute "xml:lang"'),
    ("//tei:s[1]", lambda el: el.attrib.pop(XML_ID), 'missing required attribute "xml:id"'),
    ("//tei:body/tei:div[1]/tei:p[1]", lambda el: el.attrib.pop(XML_ID), 'missing required attribute "xml:id"'),
    ("//tei:titleStmt/tei:title[1]", lambda el: el.set("type", "sub"), 'bad value "sub"'),
    ("//tei:appInfo", lambda el: el.getparent().remove(el), 'element "encodingDesc" incomplete'),
    ("//tei:body", lambda el: el.append(copy.deepcopy(el[0])) or el.append(copy.deepcopy(el[0])),
     'element "div" not allowed here in "body"'),
])
def test_teikit_profile_is_stricter_than_tei_all(xpath, edit, expected, shared):
    broken = _break(MINIMAL.read_bytes(), xpath, edit)
    result = validate(broken, ValidateOptions(schema="teikit"))
    assert any(expected in d.message for d in result.diagnostics), [d.format() for d in result.diagnostics]


def test_grammar_with_include_gives_located_messages(tmp_path):
    (tmp_path / "inner.rng").write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                                        '<define name="b"><element name="b"><empty/></element></define></grammar>')
    outer = tmp_path / "outer.rng"
    outer.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="inner.rng"/>'
                     '<start><element name="a"><zeroOrMore><ref name="b"/></zeroOrMore></element></start></grammar>')
    result = validate(b"<a>\n<c/><b/></a>", ValidateOptions(schema=str(outer)))
    assert [(d.line, d.column, d.message) for d in result.diagnostics] == [
        (2, 1, 'element "c" not allowed anywhere in "a"; expected the end of "a" or "b"')]


READER_INPUTS = sorted((Path(__file__).parent / "data" / "readers").glob("*.txt")) + sorted(PDF_TEXTS.glob("*.txt"))


@pytest.mark.parametrize("path", READER_INPUTS, ids=lambda p: p.stem)
def test_teikit_output_for_every_reader_case_is_valid_everywhere(path, shared):
    """English-only, Russian original, traditional Chinese …: teikit.rng, teikit.sch, tei_all
    and the TEI's rules all accept what teikit writes."""
    from teikit.api import encode_file

    result = validate(serialize(encode_file(str(path))), ValidateOptions(tei_all=str(TEI_ALL)))
    assert result.checked == ("rng:tei_all", "sch:tei_all", "rng:teikit", "sch:teikit")
    assert result.valid, [d.format() for d in result.diagnostics]


def test_wrong_namespace_is_named(tei_all_options):
    result = validate(b"<TEI><teiHeader/></TEI>", tei_all_options)
    assert [d.message for d in result.diagnostics] == [
        'element "TEI" in no namespace not allowed as the document element; expected "TEI", "teiCorpus" '
        '("TEI" is expected in namespace "http://www.tei-c.org/ns/1.0")']
    doc = MINIMAL.read_bytes().replace(b'<p xml:id="zh-p1"', b'<p xmlns="" xml:id="zh-p1"')
    (message,) = [d.message for d in validate(doc, tei_all_options).diagnostics]
    assert message.startswith('element "p" in no namespace not allowed here in "div"')
    assert message.endswith('("p" is expected in namespace "http://www.tei-c.org/ns/1.0")')


def test_unknown_elements_nested_in_unknown_ones_are_reported(tei_all_options):
    doc = MINIMAL.read_bytes().replace(b"Talks went well", b"Talks <foo><bar/><hi>went</hi></foo> well")
    messages = [d.message for d in validate(doc, tei_all_options).diagnostics]
    assert messages[0].startswith('element "foo" not allowed anywhere in "s"; expected the end of "s" or text')
    assert messages[1:] == ['element "bar" not allowed anywhere (inside "foo")']


@pytest.mark.parametrize("content, message", [
    ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', "not a RELAX NG schema"),
    ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nope"/></start></grammar>',
     "not a usable RELAX NG grammar: Reference nope has no matching definition"),
])
def test_unusable_grammar_is_a_usage_error(tmp_path, content, message):
    schema = tmp_path / "s.rng"
    schema.write_text(content)
    with pytest.raises(UsageError, match=message):
        validate(MINIMAL.read_bytes(), ValidateOptions(schema=str(schema)))


def test_sch_file_that_is_not_schematron_is_a_usage_error(tmp_path):
    schema = tmp_path / "s.sch"
    schema.write_text("<schema/>")
    with pytest.raises(UsageError, match="not an ISO Schematron schema"):
        validate(MINIMAL.read_bytes(), ValidateOptions(schema=str(schema)))


# -- Jing-like recovery, and large documents checked in chunks --------------------------------

def test_missing_element_is_named_once_as_the_culprit(tei_all_options):
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>'
    messages = [d.message for d in validate(doc, tei_all_options).diagnostics]
    assert messages == ['element "text" not allowed yet in "TEI"; missing required element "teiHeader"']


def test_a_wrong_root_is_reported_and_its_content_still_checked(tei_all_options):
    doc = (b'<surface xmlns="http://www.tei-c.org/ns/1.0" xmlns:m="urn:m" m:shelf="x">'
           b'<graphic url="a.jpg"/><zone bogus="1"/></surface>')
    messages = [d.message for d in validate(doc, tei_all_options).diagnostics]
    assert messages[0].startswith('element "surface" not allowed as the document element')
    assert any('"m:shelf"' in m or '"shelf"' in m for m in messages)
    assert any('"bogus"' in m for m in messages)


@pytest.mark.parametrize("path", sorted(TEI_SAMPLES.glob("*.xml"))[:12], ids=lambda p: p.name)
def test_chunked_check_finds_what_the_whole_walk_finds(path, tei_all_options, monkeypatch):
    """Tiny chunks force the libxml2-per-subtree path everywhere: same diagnostics."""
    from teikit.validate import contentmodel

    whole = [d.format() for d in validate(path, tei_all_options).diagnostics]
    monkeypatch.setattr(contentmodel, "CHUNK_MIN", 3)
    monkeypatch.setattr(contentmodel, "CHUNK_MAX", 40)
    assert [d.format() for d in validate(path, tei_all_options).diagnostics] == whole


def test_a_folder_is_walked_and_jobs_give_the_same_results(tmp_path, tei_all_options):
    from teikit.validate import validate_files

    good = (TEI_SAMPLES / "testStructure1.xml").read_bytes()
    (tmp_path / "a.xml").write_bytes(good)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_bytes(good.replace(b"<teiHeader", b"<teiHeaderX", 1)
                                              .replace(b"</teiHeader>", b"</teiHeaderX>", 1))
    (tmp_path / "c.txt").write_text("not xml")
    one = [(p, r.valid, [d.format() for d in r.diagnostics]) for p, r in validate_files([str(tmp_path)], tei_all_options)]
    two = [(p, r.valid, [d.format() for d in r.diagnostics])
           for p, r in validate_files([str(tmp_path)], tei_all_options, jobs=2)]
    assert one == two
    assert [(p.rsplit("/", 1)[-1], valid) for p, valid, _ in one] == [("a.xml", True), ("b.xml", False)]
    with pytest.raises(UsageError):
        list(validate_files([str(_empty(tmp_path))], tei_all_options))


def _empty(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def test_a_wide_division_is_checked_whole_first_with_the_same_messages(monkeypatch):
    """A large document's spine element with many small children (a flat division) is handed
    to libxml2 whole before its children are walked in Python: valid, it is skipped; invalid,
    the walk finds what it found before."""
    from teikit.validate import contentmodel, relaxng

    monkeypatch.setattr(relaxng, "CHUNK_MAX", 300)
    monkeypatch.setattr(contentmodel, "CHUNK_MAX", 300)
    base = (DATA / "minimal.tei.xml").read_bytes()
    paras = b"".join(b'<p xml:id="w%d"><s xml:id="ws%d">Sentence <hi>%d</hi>.</s></p>' % (i, i, i) for i in range(150))
    valid = base.replace(b'<p xml:id="en-p1"', paras + b'<p xml:id="en-p1"')
    invalid = valid.replace(b'<hi>77</hi>', b'<hi>77<div/></hi>').replace(b'<s xml:id="ws120">', b'<s xml:id="ws120"><p/>')
    checked = []
    real = relaxng.subtree_checker

    def recording(schema, names):
        valid_subtree = real(schema, names)
        return lambda el, patterns: checked.append(etree.QName(el).localname) or valid_subtree(el, patterns)

    monkeypatch.setattr(relaxng, "subtree_checker", recording)
    options = ValidateOptions(schema="teikit")
    results = {}
    for wide in (50, 10**9):
        monkeypatch.setattr(contentmodel, "WIDE", wide)
        checked.clear()
        results[wide] = [[d.format() for d in validate(doc, options).diagnostics if d.code == "rng:teikit"]
                         for doc in (valid, invalid)]
        if wide == 50:
            assert checked.count("div") == 2  # the wide division, in each document
    assert results[50] == results[10**9]
    assert results[50][0] == []
    assert any('"div" not allowed here in "hi"' in m for m in results[50][1])
    assert any('"p" not allowed here in "s"' in m for m in results[50][1]), results[50][1]
