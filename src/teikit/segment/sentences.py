"""Sentence boundaries in plain strings: English (nupunkt + archival abbreviations) and Chinese.

Both functions return cut positions: the offset where each sentence after the first starts.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

from ..lang import ends_sentences_with_cjk_marks

# never a sentence end: archival and title abbreviations, always followed by more of the sentence
ALWAYS_CONTINUES = frozenset("""
cde cdes com comr tov no nos nr f ff op d ll l p pp vol vols gen col lt maj capt adm st dr mr mrs ms
messrs prof cf ca approx dept govt fig art sec jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# words that start a new sentence after an acronym such as "U.S.S.R."
SENTENCE_STARTERS = frozenset("""
the this that these those it he she they we i in on at but and however there then when after
before if as his her their our a an thus so yet what why how who
""".split())

_INITIAL = re.compile(r"(?:^|[\s(\[\"“])([A-Z][a-z]?)\.$")
_ABBREV = re.compile(r"(?:^|[\s(\[\"“])([A-Za-z]+)\.$")
_ACRONYM = re.compile(r"(?:^|[\s(\[\"“])((?:[A-Za-z]\.){2,})$")
_MISSED_END = re.compile(r"\b([a-z]{3,})[.!?][\"”’)\]]*\s+(?=[\"“(\[]?[A-Z])")
_FIRST_WORD = re.compile(r"[\"“(\[]*([A-Za-z]+)")

ZH_ENDS = "。！？!?…"
ZH_CLOSERS = "”’\"'」』）)]】〕》〉"


@lru_cache(maxsize=1)
def _nupunkt():
    import nupunkt

    return nupunkt


def english_cuts(text: str) -> list[int]:
    """Sentence starts (after the first) in English text."""
    if not text.strip():
        return []
    spans = _nupunkt().sent_spans(text)
    cuts = {start for start, _end in spans if start > 0}
    cuts.update(m.end() for m in _MISSED_END.finditer(text) if m.group(1) not in ALWAYS_CONTINUES)
    cuts = {_skip_space(text, c) for c in cuts}
    return sorted(c for c in cuts if 0 < c < len(text) and not _continues(_last_words(text, c), text[c:c + 64]))


def _last_words(text: str, cut: int, window: int = 80) -> str:
    """The end of text[:cut].rstrip() from a white-space character on: all that the patterns of
    `_continues` look at (its last word and the character before), without copying a long paragraph
    for every cut (that was quadratic)."""
    end = cut
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = max(0, end - window)
    if start == 0:
        return text[:end]
    tail = text[start:end]
    space = next((i for i, ch in enumerate(tail) if ch.isspace()), -1)
    return tail[space:] if space >= 0 else text[:end]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _continues(before: str, after: str) -> bool:
    """True when `before` ends with an abbreviation that the sentence goes on after (or when
    what follows starts in lower case, which no English sentence does)."""
    if after[:1].islower():
        return True
    if _INITIAL.search(before):
        return True
    m = _ABBREV.search(before)
    if m and m.group(1).lower() in ALWAYS_CONTINUES:
        return True
    if _ACRONYM.search(before) and not re.search(r"[ap]\.m\.$", before, re.I):
        first = _FIRST_WORD.match(after)
        return bool(first) and first.group(1).lower() not in SENTENCE_STARTERS
    return False


def chinese_cuts(text: str, *, semicolon: bool = False) -> list[int]:
    """Sentence starts (after the first) in Chinese text: after 。！？… (and ； if asked),
    keeping closing quotes and brackets with the sentence they close."""
    ends = ZH_ENDS + ("；;" if semicolon else "")
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in ends:
            j = i + 1
            while j < n and (text[j] in ends or text[j] in ZH_CLOSERS):
                j += 1
            j = _skip_space(text, j)
            if j < n:
                cuts.append(j)
            i = j
        else:
            i += 1
    return cuts


def cuts_for(lang: str, *, zh_semicolon: bool = False):
    """The cut function for a BCP 47 language tag (`zh_semicolon`: ； ends a Chinese sentence)."""
    if ends_sentences_with_cjk_marks(lang):
        return partial(chinese_cuts, semicolon=zh_semicolon) if zh_semicolon else chinese_cuts
    return english_cuts
