"""Sentence segmentation: golden TEI cases (input beside expected, C14N compare) and invariants."""
from __future__ import annotations

from pathlib import Path

import pytest

from golden import check_golden_tei
from teikit import tei
from teikit.segment import chinese_cuts, english_cuts
from teikit.passes.segment import SegmentOptions, segment

DATA = Path(__file__).parent / "data" / "segment"
CASES = sorted(p for p in DATA.glob("*.xml") if not p.name.endswith((".expected.xml", ".actual.xml")))


def container_texts(root) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(tei.tei("p"), tei.tei("salute"), tei.tei("signed"),
                                                          tei.tei("dateline"), tei.tei("head"))]


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_golden(case: Path, accept: bool):
    tree = tei.parse_xml_file(case)
    before = container_texts(tree.getroot())
    segment(tree)
    assert container_texts(tree.getroot()) == before  # lossless
    check_golden_tei(tree, case.with_name(case.stem + ".expected.xml"), accept)


def split(text: str, cuts) -> list[str]:
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def test_english_archival_abbreviations():
    text = "Present: A. Ya. Vyshinsky and cde. Stalin. Source: f. 45, op. 1, d. 331, ll. 2. It ended at 11 p.m. Then he left."
    assert split(text, english_cuts(text)) == [
        "Present: A. Ya. Vyshinsky and cde. Stalin.", "Source: f. 45, op. 1, d. 331, ll. 2.",
        "It ended at 11 p.m.", "Then he left."]


def test_no_sentence_starts_in_lower_case():
    text = "In 1950 the P.R.C. and the U.S.S.R. signed a treaty. It lasted thirty years."
    assert split(text, english_cuts(text)) == [
        "In 1950 the P.R.C. and the U.S.S.R. signed a treaty.", "It lasted thirty years."]


def test_english_boundary_the_model_misses():
    text = "They need ten days, to the end of the month. Zhou and I return in February."
    assert len(split(text, english_cuts(text))) == 2


def test_chinese_closing_quotes_stay_and_last_sentence_counts():
    text = "他说：“好！”然后走了……最后一句"
    assert split(text, chinese_cuts(text)) == ["他说：“好！”", "然后走了……", "最后一句"]


def test_chinese_semicolon_is_an_option():
    text = "可以孤立右翼；在国际上更有利。"
    assert len(split(text, chinese_cuts(text))) == 1
    assert len(split(text, chinese_cuts(text, semicolon=True))) == 2


def test_ids_number_per_division_in_document_order():
    tree = tei.parse_xml_file(DATA / "en-inline-markup.xml")
    segment(tree)
    ids = [s.get(tei.XML_ID) for s in tree.getroot().iter(tei.tei("s"))]
    assert ids == [f"en-s{k}" for k in range(1, len(ids) + 1)]
    assert not tree.getroot().xpath("//tei:head//tei:s | //tei:s//tei:label | //tei:s//tei:s", namespaces=tei.NSMAP)


def test_sentences_hold_no_leading_or_trailing_space():
    tree = tei.parse_xml_file(DATA / "en-inline-markup.xml")
    segment(tree)
    for s in tree.getroot().iter(tei.tei("s")):
        last = s[-1].tail if len(s) else s.text
        assert not (s.text or "x")[0].isspace() and not (last or "x")[-1].isspace()


def test_sample_record_is_lossless_and_valid(sample_path, tei_all_rng):
    from teikit.api import EncodeOptions, encode_file

    plain = encode_file(str(sample_path), EncodeOptions(segment=False, align=False, entities=False))
    before = container_texts(plain.getroot())
    tree = segment(plain, None, config=SegmentOptions())
    assert container_texts(tree.getroot()) == before
    assert len(tree.getroot().xpath("//tei:div[@xml:lang='en']//tei:s", namespaces=tei.NSMAP)) == 35
    assert tei_all_rng.validate(tree), tei_all_rng.error_log.last_error


# ---- property: any mix of text, inline markup and labels is segmented losslessly ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["Stalin agreed", " ", ". ", "? ", "Com. ", "A. Ya. ", "U.S.S.R. ", "the month", "”", "\n",
          "同意", "。", "；", "“好！”", "f. 45", "Then", "…"]
INLINE = ['<supplied reason="clarification">Zhou. Enlai</supplied>', '<ref type="noteAnchor" target="#n1">1</ref>',
          '<gap reason="editorialOmission"/>', '<milestone unit="paragraph" type="spuriousBreak"/>',
          '<persName ref="#x">Gen. Li</persName>', '<label type="enumerator">(a)</label>', '<expan>Com<ex>rade</ex></expan>']


@settings(max_examples=120, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(INLINE)), min_size=1, max_size=14),
       lang=st.sampled_from(["en", "zh-Hans"]))
def test_any_paragraph_is_segmented_losslessly(parts, lang):
    body = "".join(parts)
    xml = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div xml:lang="{lang}" xml:id="d">'
           f"<p>{body}</p></div></body></text></TEI>").encode()
    tree = tei.parse_xml_bytes(xml)
    before = "".join(tree.getroot().iter(tei.tei("p")).__next__().itertext())
    segment(tree)
    root = tree.getroot()
    p = next(root.iter(tei.tei("p")))
    assert "".join(p.itertext()) == before
    assert not root.xpath("//tei:s//tei:s | //tei:s//tei:label", namespaces=tei.NSMAP)
    ids = [s.get(tei.XML_ID) for s in root.iter(tei.tei("s"))]
    assert ids == [f"d-s{k}" for k in range(1, len(ids) + 1)]
    outside = (p.text or "") + "".join((child.tail or "") for child in p)
    assert not any(ch.isalnum() for ch in outside), f"words left outside every s: {outside!r}"
    for s in root.iter(tei.tei("s")):
        assert any(ch.isalnum() for ch in "".join(s.itertext())) or s.find(".//*") is not None
