"""Chinese numerals to integers: 二十 -> 20, 一九五〇 -> 1950 (digit by digit), 十一 -> 11."""
from __future__ import annotations

import functools

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000, "萬": 10000}
FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# A regex character class of everything chinese_to_int understands (and ASCII/full-width digits).
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "0-9０-９"


@functools.lru_cache(maxsize=1024)  # numerals recur (一九五〇, 十二): each is worked out once
def chinese_to_int(text: str) -> int:
    """The value of a Chinese (or Arabic) numeral; ValueError if it is not one.

    Positional numerals (十一, 二十, 一百零五, 三万) and digit strings (一九五〇 -> 1950) both work.
    """
    text = text.strip().translate(FULLWIDTH)
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    return _positional(text)


def _positional(text: str) -> int:
    total = section = 0
    digit = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                raise ValueError(f"not a numeral: {text!r}")
            digit = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            raise ValueError(f"not a numeral: {text!r}")
    return total + section + (digit or 0)
