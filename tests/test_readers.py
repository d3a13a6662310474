"""Readers: golden files, validity against tei_all, losslessness, stable ids, detection."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit.api import EncodeOptions, encode, encode_file
from teikit.errors import InputError
from teikit.readers import detect_format
from teikit.tei import NSMAP, serialize

from conftest import PDF_TEXTS, SAMPLE
from golden import check_golden_xml

DATA = Path(__file__).parent / "data" / "readers"
READER_ONLY = EncodeOptions(segment=False, align=False, entities=False)
GOLDEN_CASES = sorted(p.stem for p in DATA.glob("*.txt"))


def _case_input(name: str) -> Path:
    return DATA / f"{name}.txt"


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_reader_golden(name, accept):
    tree = encode_file(str(_case_input(name)), READER_ONLY)
    check_golden_xml(tree, DATA / f"{name}.tei.xml", accept)


def test_sample_reader_golden(accept):
    tree = encode_file(str(SAMPLE), READER_ONLY)
    check_golden_xml(tree, DATA / "wilson-110390.tei.xml", accept)


@pytest.mark.parametrize("path", sorted(PDF_TEXTS.glob("*.txt")), ids=lambda p: p.stem)
def test_pdftext_reader_golden(path, accept, shared):
    tree = encode_file(str(path), READER_ONLY)
    check_golden_xml(tree, DATA / f"pdf-{path.stem}.tei.xml", accept)


def _all_inputs() -> list[Path]:
    return [SAMPLE, *sorted(PDF_TEXTS.glob("*.txt")), *(_case_input(n) for n in GOLDEN_CASES)]


@pytest.mark.parametrize("path", _all_inputs(), ids=lambda p: p.stem)
def test_full_encode_is_valid_tei(path, tei_all_rng):
    tree = encode_file(str(path))
    assert tei_all_rng.validate(tree), str(tei_all_rng.error_log)


def test_sample_header_parts():
    root = encode_file(str(SAMPLE), READER_ONLY).getroot()
    x = lambda path: root.xpath(path, namespaces=NSMAP)  # noqa: E731
    assert x("string(//tei:titleStmt/tei:title[@type='original']/@xml:lang)") == "zh-Hans"
    assert x("string(//tei:publicationStmt/tei:idno[@type='URL'])").endswith("/document/110390")
    original = x("//tei:biblStruct[@type='original']")[0]
    assert original.xpath("string(.//tei:editor/tei:orgName)", namespaces=NSMAP) == "Zhonggong zhongyang wenxian yanjiushi"
    assert original.xpath("string(.//tei:biblScope[@unit='volume'])", namespaces=NSMAP) == "1"
    assert original.xpath("string(.//tei:biblScope[@unit='page']/@from)", namespaces=NSMAP) == "211"
    assert original.xpath("string(.//tei:pubPlace)", namespaces=NSMAP) == "Beijing"
    assert original.xpath("string(.//tei:imprint/tei:date/@when)", namespaces=NSMAP) == "1987"
    translation = x("//tei:biblStruct[@type='translation']")[0]
    assert translation.xpath("count(.//tei:editor/tei:persName)", namespaces=NSMAP) == 2
    assert translation.xpath("string(.//tei:publisher)", namespaces=NSMAP) == "Imprint Publications"
    assert x("string(//tei:correspAction[@type='sent']/tei:persName)") == "Mao Zedong"
    assert x("string(//tei:correspAction[@type='sent']/tei:date/@when)") == "1950-01-02"
    assert x("string(//tei:correspAction[@type='received']/tei:orgName)") == "the Central Committee of the CCP"
    assert x("//tei:application[@ident='teikit']/@version")
    assert x("string(//tei:abstract)").startswith("Mao Zedong informs")


def test_sample_text_structure():
    root = encode_file(str(SAMPLE), READER_ONLY).getroot()
    x = lambda path: root.xpath(path, namespaces=NSMAP)  # noqa: E731
    assert [d.get("{http://www.w3.org/XML/1998/namespace}lang") for d in x("//tei:body/tei:div")] == ["en", "zh-Hans"]
    assert x("//tei:div[@xml:lang='en']/tei:p/@n") == ["1", "a", "b", "c", "2", "3"]
    assert x("//tei:div[@xml:lang='zh-Hans']//tei:label/@n") == ["一", "甲", "乙", "丙", "二", "三"]
    assert x("string(//tei:div[@xml:lang='en']/tei:closer/tei:signed)") == "Mao Zedong"
    assert x("string(//tei:div[@xml:lang='zh-Hans']/tei:opener/tei:salute)") == "中央："
    assert len(x("//tei:div[@xml:lang='zh-Hans']//tei:milestone[@type='spuriousBreak']")) == 1
    assert x("//tei:supplied[.='of the Chinese Communist Party']")
    assert x("//tei:supplied[.='1950']/ancestor::tei:dateline")


def test_every_note_pointer_resolves():
    for path in _all_inputs():
        root = encode_file(str(path), READER_ONLY).getroot()
        ids = set(root.xpath("//@xml:id"))
        targets = root.xpath("//tei:ref[@type='noteAnchor']/@target", namespaces=NSMAP)
        assert all(t[1:] in ids for t in targets), path
        for t in targets:
            assert root.xpath(f"//tei:note[@xml:id='{t[1:]}']", namespaces=NSMAP), (path, t)


def test_notes_without_bodies_say_so_and_bodies_go_in():
    root = encode_file(str(SAMPLE), READER_ONLY).getroot()
    notes = root.xpath("//tei:back//tei:note", namespaces=NSMAP)
    assert [n.get("n") for n in notes] == ["2", "1", "2", "3"]
    assert all(n.xpath("tei:gap[@reason='notInSource']", namespaces=NSMAP) for n in notes)
    other = encode_file(str(DATA / "english-only-notes.txt"), READER_ONLY).getroot()
    bodies = other.xpath("//tei:back//tei:note", namespaces=NSMAP)
    assert [b.xpath("string()", namespaces=NSMAP).strip() for b in bodies] == [
        "The telegram is not in the file.", "The departure was delayed."]


def test_pdf_editorial_markup(shared):
    root = encode_file(str(PDF_TEXTS / "113379.txt"), READER_ONLY).getroot()
    assert root.xpath("//tei:expan[tei:ex='omrade']", namespaces=NSMAP)
    assert root.xpath("//tei:gap[@reason='editorialOmission']", namespaces=NSMAP)
    assert root.xpath("string(//tei:correspAction[@type='sent']/tei:persName/tei:supplied[@reason='identification'])",
                      namespaces=NSMAP) == "Stalin"
    single = encode_file(str(PDF_TEXTS / "117031.txt"), READER_ONLY).getroot()
    assert single.xpath("string(//tei:note[@n='1'])", namespaces=NSMAP).strip().startswith("Peng Dehuai, China")
    assert single.xpath("string(//tei:title[@type='main'])", namespaces=NSMAP).startswith("Report, Peng Dehuai")


def test_encoding_is_deterministic():
    first = serialize(encode_file(str(SAMPLE)))
    assert serialize(encode_file(str(SAMPLE))) == first


def test_ids_are_unique():
    for path in _all_inputs():
        ids = encode_file(str(path)).getroot().xpath("//@xml:id")
        assert len(ids) == len(set(ids)), path


@pytest.mark.parametrize("path", [SAMPLE, *sorted(PDF_TEXTS.glob("*.txt"))], ids=lambda p: p.stem)
def test_detects_layout(path):
    expected = "wilson-markdown" if path.suffix == ".txt" and path.parent.name == "corpus" else "wilson-pdftext"
    assert detect_format(path.read_text(encoding="utf-8")) == expected


def test_unrecognised_text_is_an_input_error():
    with pytest.raises(InputError, match="no recognisable record sections"):
        encode("Just some words.\n\nAnd more words.", READER_ONLY)


_TOKEN_PIECES = st.sampled_from(
    list("ab Z[](（）)。.;:\\<>/〔〕^12³¹_*…\n中") + ["<sup>", "</sup>", "<br>", "[...]", "Fil[ippov]", "。(1)", "[1]", "[^3]"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKEN_PIECES, max_size=30).map("".join))
def test_inline_tokens_as_finditer(text):
    """The trigger-character scan finds exactly the tokens a plain finditer finds."""
    from teikit.readers._inline import _TOKEN, tokens

    assert [(m.span(), m.lastgroup) for m in tokens(text)] == [(m.span(), m.lastgroup) for m in _TOKEN.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB \n\t\u3000é[]", max_size=15))
def test_word_before_as_regex(text):
    """_word_before reads backwards what `(\\S+)\\s+$` finds searching the whole prefix."""
    from teikit.readers._inline import _word_before

    m = re.search(r"(\S+)\s+$", text)
    assert _word_before(text + "[x]", len(text)) == (m.group(1) if m else None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["<sup>", "</sup>", "1", "a", " ", "\n", "〔", "〕", "[", "]", "12", "x.", "<sup>3</sup>",
                                 "[4]", "〔5〕"]), max_size=12).map("".join))
def test_trailing_markers_as_regex(text):
    """_trailing_markers finds, in one pass, where the end-anchored marker regex would start."""
    from teikit.readers._structure import _trailing_markers

    text = text.rstrip()
    m = re.search(r"(<sup>.*?</sup>|〔\d+〕|\[\d+\])+$", text)
    assert _trailing_markers(text) == (m.start() if m else None)
