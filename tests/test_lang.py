"""Language helpers (teikit.lang): script detection per purpose, numerals, months, language tags."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit import lang
from teikit.align import detect_language
from teikit.align.text import chinese_number_tokens, zh_numeral_value


# --- script detection: one answer per named purpose ----------------------------------------------
def test_mao_is_the_chinese_side_but_no_chinese_paragraph():
    text = "Mao 毛泽东"  # three Latin letters, three Han characters
    assert lang.han_share(text) == 0.5
    assert lang.is_chinese_side(text)  # the aligner: at least 30 % Han
    assert not lang.is_chinese_paragraph(text)  # the readers: more than half Han
    assert detect_language([text]) == "zh"


@pytest.mark.parametrize("text, paragraph, side", [
    ("毛泽东同志：", True, True),
    ("Comrade Mao Zedong", False, False),
    ("我们同意NATO的意见。", True, True),
    ("Mao Zedong (毛泽东) met Stalin in Moscow.", False, False),
    ("毛泽东 and Stalin", False, False),  # 3 of 12 letters
    ("毛泽东 and Mao", False, True),  # 3 of 9
    ("1950年1月2日", True, True),  # digits are no letters: the Han characters are all of them
    ("", False, False),
    ("12345", False, False),
])
def test_script_questions(text, paragraph, side):
    assert lang.is_chinese_paragraph(text) is paragraph
    assert lang.is_chinese_side(text) is side


def test_paragraph_is_judged_on_its_first_characters():
    assert lang.is_chinese_paragraph("中" * 400 + "x" * 1000)
    assert not lang.is_chinese_paragraph("x" * 400 + "中" * 1000)
    assert lang.is_chinese_side("x" * 400 + "中" * 1000)


@pytest.mark.parametrize("ch, han", [("中", True), ("㐀", True), ("豈", True), ("あ", False), ("A", False), ("。", False)])
def test_han_characters(ch, han):
    assert lang.is_han(ch) is han


# --- Chinese numerals: one reader for the aligner and the dates ----------------------------------
@pytest.mark.parametrize("numeral, value", [
    ("二十万", 200000), ("十二万", 120000), ("三万五千", 35000), ("一百零五", 105), ("十一", 11),
    ("二十一", 21), ("一九五〇", 1950), ("一九五○", 1950), ("兩千", 2000), ("１９５０", 1950),
])
def test_chinese_numerals(numeral, value):
    assert lang.chinese_to_int(numeral) == value
    assert zh_numeral_value(numeral) == value


def test_the_aligner_reads_numerals_as_the_dates_do():
    assert chinese_number_tokens("二十万人") == ["#200000"]
    assert zh_numeral_value("二三十") is None  # "twenty or thirty" is no one number
    with pytest.raises(ValueError):
        lang.chinese_to_int("二三十")


# --- Roman numerals ------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n):
    assert lang.roman_to_int(lang.int_to_roman(n)) == n


@pytest.mark.parametrize("word", ["IIII", "VX", "", "iv", "IC"])
def test_not_roman(word):
    assert not lang.is_roman(word)
    with pytest.raises(ValueError):
        lang.roman_to_int(word)


# --- months --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, number", [("January", 1), ("jan", 1), ("Sept.", 9), ("sep", 9), ("May", 5), ("Dec", 12)])
def test_month_numbers(name, number):
    assert lang.month_number(name) == number
    assert lang.MONTH_NAMES[number - 1].lower().startswith(name.lower().rstrip(".")[:3])


def test_every_month_name_and_abbreviation_is_known_once():
    assert [lang.month_number(name) for name in lang.MONTH_NAMES] == list(range(1, 13))
    assert lang.month_number("Monday") is None


# --- language tags -------------------------------------------------------------------------------
@pytest.mark.parametrize("tag, chinese", [("zh", True), ("zh-Hans", True), ("ZH-hant", True),
                                          ("zh-Latn-pinyin", False), ("en", False), ("ja", False)])
def test_chinese_tags(tag, chinese):
    assert lang.is_chinese(tag) is chinese


@pytest.mark.parametrize("name_lang, text_lang, matches", [
    ("zh-Hans", "zh", True), ("zh", "zh-Hant", True), ("zh-Hans", "zh-Hant", False),
    ("zh-Latn-pinyin", "zh-Hans", False), ("en", "EN", True), ("en", "en-GB", True), ("ru", "en", False),
])
def test_lang_matches(name_lang, text_lang, matches):
    assert lang.lang_matches(name_lang, text_lang) is matches


@pytest.mark.parametrize("tag, traditional", [("zh-Hant", True), ("zh-TW", True), ("zh-hk", True),
                                              ("zh-Hans", False), ("zh", False), ("en", False)])
def test_traditional_tags(tag, traditional):
    assert lang.is_traditional(tag) is traditional


@pytest.mark.parametrize("text, tag", [("我们这个国家", "zh-Hans"), ("我們這個國家", "zh-Hant"), ("毛泽东", "zh-Hans")])
def test_chinese_script_tag(text, tag):
    assert lang.chinese_script_tag(text) == tag
