"""Dates, times and Chinese numerals: normalisation to ISO 8601 in both languages."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from teikit.entities.dates import DateContext, find_dates
from teikit.lang import chinese_to_int


def found(text, lang, iso="1950-01-02"):
    ctx = DateContext.from_iso(iso)
    return [(text[f.start:f.end], f.tag, f.attributes) for f in find_dates(text, lang, ctx)]


@pytest.mark.parametrize(
    "text,value",
    [("二十", 20), ("十一", 11), ("十", 10), ("一九五〇", 1950), ("一九四九", 1949), ("〇", 0),
     ("一百零五", 105), ("两千", 2000), ("三万二千", 32000), ("２３", 23), ("1958", 1958)],
)
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "年", "一二十", "abc"])
def test_not_numerals_raise(text):
    with pytest.raises(ValueError):
        chinese_to_int(text)


def _positional_zh(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


@given(st.integers(min_value=0, max_value=99))
def test_positional_numerals_round_trip(n):
    assert chinese_to_int(_positional_zh(n)) == n


@given(st.integers(min_value=1000, max_value=2099))
def test_digit_string_years_round_trip(n):
    assert chinese_to_int("".join("〇一二三四五六七八九"[int(d)] for d in str(n))) == n


def test_english_day_month_takes_the_record_year():
    assert found("on 9 January, and January 19", "en") == [
        ("9 January", "date", {"when": "1950-01-09"}),
        ("January 19", "date", {"when": "1950-01-19"}),
    ]


def test_english_explicit_year_wins_and_sets_the_context():
    assert found("June 18, 1949 and 2 July", "en") == [
        ("June 18, 1949", "date", {"when": "1949-06-18"}),
        ("2 July", "date", {"when": "1949-07-02"}),
    ]


def test_english_vague_spans_are_ranges():
    got = found("from 20 January to the end of the month; in early February; by mid-November", "en")
    assert got[1] == ("the end of the month", "date", {"notBefore": "1950-01-21", "notAfter": "1950-01-31"})
    assert got[2] == ("early February", "date", {"notBefore": "1950-02-01", "notAfter": "1950-02-10"})
    assert got[3] == ("mid-November", "date", {"notBefore": "1950-11-11", "notAfter": "1950-11-20"})


def test_end_of_february_in_a_leap_year():
    assert found("late February", "en", "1948-01-01")[0][2] == {"notBefore": "1948-02-21", "notAfter": "1948-02-29"}


def test_english_times():
    assert found("At 8:00 p.m. and 11 a.m. and 23:15 and 12 p.m.", "en") == [
        ("8:00 p.m.", "time", {"when": "20:00:00"}),
        ("11 a.m.", "time", {"when": "11:00:00"}),
        ("23:15", "time", {"when": "23:15:00"}),
        ("12 p.m.", "time", {"when": "12:00:00"}),
    ]


def test_english_words_that_are_not_dates():
    assert found("May we go? We march on. 20 divisions, 15 thousand, 7-8 armies, 13th Army", "en") == []


def test_bare_years_are_tagged_but_keep_the_record_year_for_later_dates():
    assert found("between 1958 and 1962, in November", "en") == [
        ("1958", "date", {"when": "1958"}),
        ("1962", "date", {"when": "1962"}),
        ("November", "date", {"when": "1950-11"}),
    ]


def test_chinese_full_and_partial_dates():
    got = found("（一九五〇年一月二日、三日）昨一月一日决定，今日（二日）各报，一月二十日至月底，二月初回国", "zh", None)
    assert [g[0] for g in got] == ["一九五〇年一月二日", "三日", "一月一日", "二日", "一月二十日", "月底", "二月初"]
    assert got[1][2] == {"when": "1950-01-03"}
    assert got[5][2] == {"notBefore": "1950-01-21", "notAfter": "1950-01-31"}
    assert got[6][2] == {"notBefore": "1950-02-01", "notAfter": "1950-02-10"}


def test_chinese_times_need_a_day_part_or_a_date():
    assert found("今日下午八时，一月二日下午十一时，晚八时半，上午九时三十分", "zh") == [
        ("下午八时", "time", {"when": "20:00:00"}),
        ("一月二日", "date", {"when": "1950-01-02"}),
        ("下午十一时", "time", {"when": "23:00:00"}),
        ("晚八时半", "time", {"when": "20:30:00"}),
        ("上午九时三十分", "time", {"when": "09:30:00"}),
    ]


def test_chinese_durations_and_words_are_not_dates():
    assert found("坐火车十一天，多一、二天，三日内，同时，一时难以决定，五十年代", "zh") == []


def test_without_a_record_year_dates_are_partial():
    assert found("9 January", "en", None) == [("9 January", "date", {"when": "--01-09"})]
    assert found("一月九日", "zh", None) == [("一月九日", "date", {"when": "--01-09"})]


def test_a_day_alone_needs_a_month():
    assert found("二日", "zh", None) == []


def test_impossible_dates_are_not_tagged():
    assert found("31 February", "en") == []
    assert found("二月三十日", "zh") == []


def test_english_day_of_month_forms():
    assert found("In May we met; on the 5th and the 20th of June; May Day", "en") == [
        ("May", "date", {"when": "1950-05"}),
        ("the 5th", "date", {"when": "1950-05-05"}),
        ("20th of June", "date", {"when": "1950-06-20"}),
    ]


# -- issue 12: dates as historians write them ------------------------------------------------

def test_day_and_month_ranges():
    assert found("on 5 and 6 July, in September–October 1949, in June-July", "en") == [
        ("5 and 6 July", "date", {"notBefore": "1950-07-05", "notAfter": "1950-07-06"}),
        ("September–October 1949", "date", {"notBefore": "1949-09-01", "notAfter": "1949-10-31"}),
        ("June-July", "date", {"notBefore": "1949-06-01", "notAfter": "1949-07-31"}),
    ]
    assert found("May 12-14", "en") == [("May 12-14", "date", {"notBefore": "1950-05-12", "notAfter": "1950-05-14"})]
    assert found("on 6 and 5 July", "en") == [("5 July", "date", {"when": "1950-07-05"})]  # not a range backwards


def test_roman_numeral_months():
    assert found("until 31/XII; signed 3.XI.1949", "en") == [
        ("31/XII", "date", {"when": "1950-12-31"}),
        ("3.XI.1949", "date", {"when": "1949-11-03"}),
    ]
    assert found("see 2.I and 12/XIII", "en") == []


def test_bare_years_in_running_text_but_not_numbered_references():
    assert found("the current 1945 treaty", "en") == [("1945", "date", {"when": "1945"})]
    assert found("telegram 1953 from Geneva, p. 1949, No. 1950", "en") == []


def test_sic_inside_a_date():
    assert found("on June 2 [sic], 1950 and 31 [sic] May", "en")[0] == (
        "June 2 [sic], 1950", "date", {"when": "1950-06-02"})


def test_a_year_in_the_sentence_beats_the_record_year_and_does_not_carry_on():
    assert found("The May 1st appeals in 1948 were printed. On 9 May it rained.", "en") == [
        ("May 1st", "date", {"when": "1948-05-01"}),
        ("1948", "date", {"when": "1948"}),
        ("9 May", "date", {"when": "1950-05-09"}),
    ]


def test_the_beginning_of_the_month_of_september_is_september():
    assert found("at the beginning of the month of September", "en") == [
        ("the beginning of the month of September", "date", {"notBefore": "1950-09-01", "notAfter": "1950-09-10"})]


def test_clock_time_ranges():
    assert found("from 11–12 a.m. and 9 to 11 p.m.", "en") == [
        ("11–12 a.m.", "time", {"notBefore": "11:00:00", "notAfter": "12:00:00"}),
        ("9 to 11 p.m.", "time", {"notBefore": "21:00:00", "notAfter": "23:00:00"}),
    ]


def test_relative_dates_need_an_anchor_and_say_so():
    ctx = DateContext.from_iso("1950-01-02")
    got = [(f.attributes) for f in find_dates("yesterday, this year, last month, the day after tomorrow", "en", ctx)]
    assert got == [{"when": "1950-01-01", "type": "relative"}, {"when": "1950", "type": "relative"},
                   {"when": "1949-12", "type": "relative"}, {"when": "1950-01-04", "type": "relative"}]
    assert find_dates("yesterday", "en", DateContext.from_iso("1950-01-02", relative=False)) == []
    assert [f.attributes for f in find_dates("yesterday and this year", "en", DateContext.from_iso("1950"))] == [
        {"when": "1950", "type": "relative"}]  # a year alone: no day to count back from


def test_year_ranges_and_years_after_words_ending_like_abbreviations():
    assert found("in 1949-1950 and 1958–62; pp. 1949-1950", "en") == [
        ("1949-1950", "date", {"notBefore": "1949", "notAfter": "1950"}),
        ("1958–62", "date", {"notBefore": "1958", "notAfter": "1962"}),
    ]
    assert found("round 1945 treaty; and 1947 was hard; D. 1950", "en") == [
        ("1945", "date", {"when": "1945"}), ("1947", "date", {"when": "1947"})]
