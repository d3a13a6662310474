"""Language-independent tokens for alignment: English words, numbers, months, pinyin names."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from ..lang import MONTHS, ZH_NUMERAL_CHARS, chinese_to_int

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being am it its
this that these those he she they we you i me my our your his her their them him us there here
which who whom whose what when where why how not no nor so than then too very can could will would
shall should may might must do does did done have has had having into onto out up down over under
again further once all any both each few more most other some such only own same just also
s t one unto thee thou thy ye hath doth shalt upon
""".split())

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s")

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000})
ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}

_ZH_NUMERAL = re.compile(f"[{ZH_NUMERAL_CHARS}]+|[0-9０-９]+")


def stem(word: str) -> str:
    """A crude suffix stripper, applied alike to text and dictionary glosses."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


_OPEN_QUOTES = "\"“‘'「『"
_CLOSE_QUOTES = "\"”’'」』"


def punctuation_tokens(sentence: str) -> list[str]:
    """Cues that survive translation: an opening or closing quotation mark, a question or an
    exclamation at the end ('#q<', '#q>', '#?', '#!')."""
    text = sentence.strip()
    if not text:
        return []
    out = []
    if text[0] in _OPEN_QUOTES:
        out.append("#q<")
    if text[-1] in _CLOSE_QUOTES:
        out.append("#q>")
    end = text.rstrip(_CLOSE_QUOTES + " .…")
    if end.endswith(("?", "？")):
        out.append("#?")
    elif end.endswith(("!", "！")):
        out.append("#!")
    return out


def english_tokens(sentence: str) -> list[str]:
    """Content tokens: stemmed words, '#n' for numbers, '#Mn' for months, 'py:x' for capitalised
    words, and the punctuation cues."""
    out: list[str] = punctuation_tokens(sentence)
    for raw in _EN_WORD.findall(sentence):
        out.extend(word_tokens(raw))
    return out


MAX_NUMBER_DIGITS = 100


def number_key(digits: str) -> str:
    """A decimal string's canonical form ('007' -> '7'), for any length: int() refuses strings
    of more than 4,300 digits, so long ones only lose their leading zeros."""
    if len(digits) <= MAX_NUMBER_DIGITS:
        return str(int(digits))
    return digits.lstrip("0") or "0"


@lru_cache(maxsize=1 << 16)
def word_tokens(raw: str) -> tuple[str, ...]:
    """The tokens of one word as found in the text (memoised: words repeat)."""
    if raw[0].isdigit():
        digits = raw.replace(",", "").rstrip(".")
        return (f"#{number_key(digits)}",) if digits.isdecimal() else ()
    low = raw.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return tuple(_english_word_tokens(raw, low))


def _english_word_tokens(raw: str, low: str) -> list[str]:
    if low in MONTHS and (raw[0].isupper() or low != "may"):
        return [f"#M{MONTHS[low]}"]
    if low in NUMBER_WORDS and low != "one":
        return [f"#{NUMBER_WORDS[low]}"]
    if "-" in low and all(part in NUMBER_WORDS for part in low.split("-")):
        return [f"#{sum(NUMBER_WORDS[part] for part in low.split('-'))}"]  # twenty-eight -> #28
    if low in ORDINALS and low != "second":
        return [f"#{ORDINALS[low]}"]
    if low in STOPWORDS:
        return []
    toks = [stem(low)]
    letters = "".join(filter(str.isalpha, low))
    if raw[0].isupper() and letters.isascii() and 2 <= len(letters) <= 18:
        toks.append("py:" + letters)  # Xi'an -> py:xian, Hon-yong -> py:honyong
    return toks


def chinese_number_tokens(sentence: str) -> list[str]:
    """'#n' for numerals (一九五〇 -> #1950, 十一 -> #11) and '#Mn' for months (一月 -> #M1)."""
    return [tok for tok, _start, _end in chinese_number_spans(sentence)]


def chinese_number_spans(sentence: str) -> list[tuple[str, int, int]]:
    """The number tokens with the character span each covers."""
    out: list[tuple[str, int, int]] = []
    for m in _ZH_NUMERAL.finditer(sentence):
        value = zh_numeral_value(m.group())
        if value is None:
            continue
        after = sentence[m.end(): m.end() + 1]
        if after == "月" and 1 <= value <= 12:
            out.append((f"#M{value}", m.start(), m.end() + 1))
        elif value == 1 and len(m.group()) == 1 and after not in ("日", "号", "时", "点"):
            continue  # 一 alone is mostly an article ("a", "one")
        else:
            out.append((f"#{value}", m.start(), m.end()))
    return out


def zh_numeral_value(numeral: str) -> int | None:
    """Value of a numeral: Arabic, digit-by-digit (一九五〇) or positional (二十一, 二十万);
    None if it is none (二三十) or too long for a number a translation repeats."""
    if len(numeral) > MAX_NUMBER_DIGITS:
        return None
    try:
        return chinese_to_int(numeral)
    except ValueError:
        return None


def cjk_substrings(sentence: str, max_len: int = 4):
    """Every substring of 1..max_len characters (the candidates for dictionary terms)."""
    n = len(sentence)
    for i in range(n):
        for k in range(1, max_len + 1):
            if i + k > n:
                break
            yield sentence[i: i + k]


def pinyin_spans(sentence: str, readings: dict, wanted: frozenset) -> list[tuple[str, int, int]]:
    """'py:x' tokens for runs of 1-3 characters whose toneless readings concatenate to a wanted x.

    Up to 16 reading combinations are tried per run (in reading order); combinations that are no
    prefix of a wanted x are dropped early, which changes nothing found."""
    found: list[tuple[str, int, int]] = []
    stems, starts = _spelling_tables(wanted, readings)
    firsts = list(map(starts.__getitem__, sentence))  # most characters start no wanted spelling
    n = len(sentence)
    for i in compress(range(n), firsts):
        prefixes = firsts[i]
        for k in range(3):
            if not prefixes:
                break
            for _at, p in prefixes:
                tok = "py:" + p
                if tok in wanted:
                    found.append((tok, i, i + k + 1))
            if k == 2 or i + k + 1 >= n:
                break
            syls = readings.get(sentence[i + k + 1])
            if not syls:
                break
            count = len(syls)
            prefixes = [(at * count + x, p + s) for at, p in prefixes for x, s in enumerate(syls)
                        if at * count + x < 16 and p + s in stems]
    return found


_SPELLING_TABLES: dict = {}


class _Starts(dict):
    """Character -> its (index, reading) pairs whose reading starts one of the wanted
    spellings, looked up once per character."""

    def __init__(self, readings: dict, stems: frozenset):
        super().__init__()
        self.readings, self.stems = readings, stems

    def __missing__(self, ch: str) -> list[tuple[int, str]]:
        syls = self.readings.get(ch) or ()
        found = self[ch] = [(x, s) for x, s in enumerate(syls) if s in self.stems]
        return found


def _spelling_tables(wanted: frozenset, readings: dict) -> tuple[frozenset, _Starts]:
    """For one document's tokens: every prefix of the wanted spellings (without 'py:'), and a
    memo of each character's readings that start one."""
    found = _SPELLING_TABLES.get(wanted)
    if found is None or found[1].readings is not readings:
        if len(_SPELLING_TABLES) > 64:
            _SPELLING_TABLES.clear()
        stems = frozenset(w[3:3 + k] for w in wanted if w.startswith("py:") for k in range(1, len(w) - 2))
        found = _SPELLING_TABLES[wanted] = (stems, _Starts(readings, stems))
    return found
