"""Language helpers used everywhere: Han script detection, Chinese and Roman numerals, English
month names, language tags.

Script detection counts Han characters among the letters; each caller asks a question with a
named threshold, because one text can honestly get two answers to two questions:
"Mao 毛泽东" is half Han, so it is the Chinese side of a parallel pair (`is_chinese_side`) but
not a paragraph written in Chinese (`is_chinese_paragraph`).
"""
from __future__ import annotations

import functools
import re

# Han ideographs: CJK Unified Ideographs, Extension A, Compatibility Ideographs (a regex class body)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")  # runs, not characters: a few strings per sample to count

PARAGRAPH_SAMPLE = 400  # a paragraph's language shows in its first characters
PARAGRAPH_SHARE = 0.5  # more than half of the letters: a line quoting a Chinese name stays English
SIDE_SHARE = 0.3  # at least 30 %: a translation side with English names and numbers is still Chinese


def han_count(text: str) -> int:
    """How many Han characters the text holds."""
    return _chars_in_runs(_HAN_RUN, text)


def han_share(text: str) -> float:
    """Han characters as a share of the letters (Han characters are letters); 0 without letters."""
    han = han_count(text)
    if not han:  # English: no need to count the letters
        return 0.0
    letters = _chars_in_runs(_LETTER_RUN, text)
    return han / letters if letters else 0.0


def is_chinese_paragraph(text: str) -> bool:
    """Is this paragraph (or short sample) written in Chinese? Han characters are more than half
    of the letters of its first PARAGRAPH_SAMPLE characters (the readers' question)."""
    return han_share(text[:PARAGRAPH_SAMPLE]) > PARAGRAPH_SHARE


def is_chinese_side(text: str) -> bool:
    """Is this the Chinese side of a parallel pair? Han characters are at least SIDE_SHARE of
    the letters of the whole text (the aligner's question)."""
    return han_share(text) >= SIDE_SHARE


def is_han(ch: str) -> bool:
    """Is this one character a Han ideograph?"""
    return bool(HAN_CHAR.fullmatch(ch))


def _chars_in_runs(runs: re.Pattern, text: str) -> int:
    return sum(map(len, runs.findall(text)))


# --- Chinese numerals -------------------------------------------------------------------------
ZH_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
ZH_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000, "萬": 10000}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_UNITS)  # a regex class body
# everything chinese_to_int reads, Arabic and full-width digits included (a regex class body)
NUMERAL_CHARS = ZH_NUMERAL_CHARS + "0-9０-９"


@functools.lru_cache(maxsize=1024)  # numerals recur (一九五〇, 十二): each is worked out once
def chinese_to_int(text: str) -> int:
    """The value of a Chinese (or Arabic) numeral; ValueError if it is not one.

    Positional numerals (十一, 二十, 一百零五, 二十万 = 200000) and digit strings
    (一九五〇 -> 1950) both work; two digits in a row before a unit (二三十) are no numeral.
    """
    text = text.strip().translate(FULLWIDTH_DIGITS)
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    if all(ch in ZH_DIGITS for ch in text):
        return int("".join(str(ZH_DIGITS[ch]) for ch in text))
    return _positional(text)


def _positional(text: str) -> int:
    total = section = 0
    digit = None
    for ch in text:
        if ch in ZH_DIGITS:
            if digit is not None and ZH_DIGITS[ch] != 0 and digit != 0:
                raise ValueError(f"not a numeral: {text!r}")
            digit = ZH_DIGITS[ch]
        elif ch in ZH_UNITS:
            unit = ZH_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            raise ValueError(f"not a numeral: {text!r}")
    return total + section + (digit or 0)


# --- Roman numerals ---------------------------------------------------------------------------
ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
                 ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def is_roman(word: str) -> bool:
    """Is the word a well-formed Roman numeral in capitals (I … MMMCMXCIX)?"""
    return bool(word) and bool(ROMAN_NUMERAL.fullmatch(word))


def roman_to_int(word: str) -> int:
    """'XII' -> 12; ValueError if the word is not a well-formed Roman numeral."""
    if not is_roman(word):
        raise ValueError(f"not a Roman numeral: {word!r}")
    total, i = 0, 0
    for letters, value in _ROMAN_VALUES:
        while word.startswith(letters, i):
            total, i = total + value, i + len(letters)
    return total


def int_to_roman(n: int) -> str:
    """12 -> 'XII' (1 … 3999)."""
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for letters, value in _ROMAN_VALUES:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


# --- English month names ----------------------------------------------------------------------
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# lower-case name or abbreviation -> month number
MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def month_number(name: str) -> int | None:
    """'January', 'jan', 'Sept.' -> 1, 1, 9; None if no month is named."""
    return MONTHS.get(name.lower().rstrip("."))


# --- language tags (BCP 47) -------------------------------------------------------------------
def primary(tag: str) -> str:
    """The language subtag, lower-cased: 'zh-Hans' -> 'zh'."""
    return tag.split("-")[0].lower()


def is_latin_script(tag: str) -> bool:
    """Does the tag name the Latin script as a subtag ('zh-Latn-pinyin')?"""
    return "latn" in tag.lower().split("-")[1:]


@functools.lru_cache(maxsize=256)  # asked for every text node of the entities pass
def is_chinese(tag: str) -> bool:
    """Chinese in Han script: 'zh', 'zh-Hans', 'zh-Hant' (not pinyin, 'zh-Latn-pinyin')."""
    return primary(tag) == "zh" and not is_latin_script(tag)


def ends_sentences_with_cjk_marks(tag: str) -> bool:
    """Chinese and Japanese: sentences end with 。！？ and no space follows."""
    return primary(tag) in ("zh", "ja")


def is_traditional(tag: str) -> bool:
    """Chinese in traditional characters: zh-Hant, or a region that writes them (zh-TW, -HK, -MO)."""
    tags = tag.lower().split("-")
    return tags[0] == "zh" and ("hant" in tags or tags[1:2] in (["tw"], ["hk"], ["mo"]))


_TRADITIONAL_ONLY = set("們這說國會來時對們與過還當經發長門開問關點無為體東車電話實現學機將對應")
_SIMPLIFIED_ONLY = set("们这说国会来时对与过还当经发长门开问关点无为体东车电话实现学机将应")


def chinese_script_tag(text: str) -> str:
    """'zh-Hans' or 'zh-Hant' by counting script-specific characters."""
    trad = sum(text.count(ch) for ch in _TRADITIONAL_ONLY)
    simp = sum(text.count(ch) for ch in _SIMPLIFIED_ONLY)
    return "zh-Hant" if trad > simp else "zh-Hans"


def is_unspaced(tag: str) -> bool:
    """Chinese, Japanese, Korean: a name may touch the next word (no word boundary to test)."""
    return primary(tag) in ("zh", "ja", "ko")


def lang_matches(name_lang: str, text_lang: str) -> bool:
    """Does a name in `name_lang` match text in `text_lang`? zh-Hans ~ zh; pinyin never matches
    Han text; zh-Hans and zh-Hant do not match each other."""
    name_lang, text_lang = name_lang.lower(), text_lang.lower()
    if name_lang == text_lang:
        return True
    if is_latin_script(name_lang) and not is_latin_script(text_lang):
        return False
    return primary(name_lang) == primary(text_lang) and ("-" not in name_lang or "-" not in text_lang)
