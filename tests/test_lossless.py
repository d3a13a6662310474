"""Lossless: every letter and character of each text, in order, is in its TEI division.

Checked on the real records and on generated ones (hypothesis), through the whole pipeline.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.api import encode, encode_file
from teikit.tei import NSMAP

from conftest import PDF_TEXTS, SAMPLE

_MARKERS = re.compile(r"<sup>.*?</sup>|〔\d{1,3}〕|(?<=[\w.,;:!?”’\"')。，、])\[\d{1,3}\]|\[\^\w+\]")


def letters(text: str) -> str:
    return "".join(ch for ch in _MARKERS.sub("", text) if ch.isalnum())


def division_letters(root, lang_prefix: str) -> str:
    div = root.xpath(f"//tei:body/tei:div[starts-with(@xml:lang, '{lang_prefix}')]", namespaces=NSMAP)[0]
    parts = div.xpath(".//text()[not(ancestor::tei:ref[@type='noteAnchor'])]", namespaces=NSMAP)
    return "".join(ch for ch in "".join(parts) if ch.isalnum())


def markdown_bodies(text: str) -> tuple[str, str]:
    """English and original text of a markdown record, by its headings (independent of the reader)."""
    after_contents = re.split(r"^####\s+\**Contents:\**\s*$", text, flags=re.M)[1]
    lines = after_contents.split("\n")
    body_start = next(i for i, line in enumerate(lines) if line.strip() and not line.strip().startswith("- "))
    english, _, original = "\n".join(lines[body_start:]).partition("\n# ")
    return english, original


def test_sample_is_lossless():
    text = SAMPLE.read_text(encoding="utf-8")
    english, original = markdown_bodies(text)
    root = encode_file(str(SAMPLE)).getroot()
    assert division_letters(root, "en") == letters(english)
    assert division_letters(root, "zh") == letters(original)


def test_pdf_texts_are_lossless(shared):
    for path in sorted(PDF_TEXTS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        body = re.split(r"English Translation", raw, maxsplit=1)[1]
        root = encode_file(str(path)).getroot()
        notes = "".join(root.xpath("//tei:back//text()", namespaces=NSMAP))
        body = re.sub(r"(?:^|(?<=\s))\[\d{1,3}\](?=\s)", "", body)  # note-body labels are note/@n
        got = division_letters(root, "en") + "".join(ch for ch in notes if ch.isalnum())
        assert got == letters(body), path.name


WORDS = st.sampled_from(
    "the treaty comrade minister trade Moscow Beijing agreed cable January telegram would should "
    "sign new old five days train preparations Party Central Committee Zhou Enlai Molotov".split()
)
HANZI = st.sampled_from(list("中央莫斯科条约同志周恩来毛泽东签订协定准备五天火车电报贸易部长北京一月九日"))


@st.composite
def english_paragraph(draw):
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(WORDS, min_size=2, max_size=12))
        s = " ".join(words).capitalize()
        if draw(st.booleans()):
            s += f" [{draw(WORDS)} {draw(WORDS)}]"
        if draw(st.integers(0, 5)) == 0:
            s += f"<sup>{draw(st.integers(1, 9))}</sup>"
        sentences.append(s + draw(st.sampled_from([".", "?", "!", ";"])))
    prefix = draw(st.sampled_from(["", "", "(1) ", "(b) ", "2. "]))
    return prefix + " ".join(sentences)


@st.composite
def chinese_paragraph(draw):
    out = draw(st.sampled_from(["", "", "（一）", "(甲)"]))
    for _ in range(draw(st.integers(1, 5))):
        out += "".join(draw(st.lists(HANZI, min_size=3, max_size=20)))
        if draw(st.integers(0, 5)) == 0:
            out += f"〔{draw(st.integers(1, 9))}〕"
        out += draw(st.sampled_from(["。", "，", "；", "？", "。（乙）"]))
    return out


@st.composite
def markdown_record(draw):
    en = draw(st.lists(english_paragraph(), min_size=1, max_size=5))
    zh = draw(st.lists(chinese_paragraph(), min_size=0, max_size=5))
    title = " ".join(draw(st.lists(WORDS, min_size=2, max_size=6))).title()
    parts = [
        "## **January 02, 1950**", f"### **Cable, {title}**", "#### **Citation:**",
        f"“Cable, {title},” January 02, 1950, History and Public Policy Program Digital Archive.",
        "<http://digitalarchive.wilsoncenter.org/document/1>", "#### **Original Language:**", "Chinese",
        "#### **Contents:**", "- English Translation", *en,
    ]
    if zh:
        parts += ["# " + "".join(draw(st.lists(HANZI, min_size=2, max_size=8))), *zh]
    return "\n\n".join(parts) + "\n", en, zh


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=markdown_record())
def test_generated_records_are_lossless_and_valid(record, tei_all_rng):
    text, en, zh = record
    root = encode(text).getroot()
    assert division_letters(root, "en") == letters("\n".join(en))
    if zh:
        head = text.split("\n# ", 1)[1].split("\n", 1)[0]
        assert division_letters(root, "zh") == letters(head + "".join(zh))
    assert tei_all_rng.validate(root.getroottree()), str(tei_all_rng.error_log)
