"""Lexical evidence: which English tokens each sentence has and which each Chinese sentence expresses.

A Chinese sentence "expresses" an English token when it contains a CC-CEDICT translation of the
word, the same number or month, a name from the authority pairs, or characters whose pinyin
spells the (capitalised) word. Every token is weighted by its inverse document frequency.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress
from operator import add
from typing import Sequence

import numpy as np

from ..lang import HAN_CHAR
from ..regextrie import prefix_alternation
from . import cedict
from .text import chinese_number_spans, english_tokens, pinyin_spans, punctuation_tokens


@dataclass(frozen=True)
class Evidence:
    """Per-sentence token ids on both sides (only tokens seen on both sides; English ones in
    increasing order, Chinese ones in any), token weights, how many characters of each Chinese
    sentence express each of its tokens, and sentence sizes."""

    en: list[np.ndarray]
    zh: list[np.ndarray]
    weight: np.ndarray
    zh_cover: list[np.ndarray]
    zh_chars: np.ndarray

    def en_weights(self) -> np.ndarray:
        return np.array([self.weight[t].sum() for t in self.en], dtype=np.float64)



@dataclass(frozen=True)
class Draft:
    """Evidence before indexing: token sets of the English sentences, token -> character mask of
    the Chinese ones, and the Chinese sentences' sizes."""

    en_toks: list[set[str]]
    zh_toks: list[dict[str, int]]
    zh_chars: np.ndarray
    traditional: bool = False  # the Chinese was matched in simplified form (see `simplified`)

    def finish(self) -> Evidence:
        return _index(self.en_toks, self.zh_toks, self.zh_chars)

    def window(self, i: int, i_end: int, j: int, j_end: int) -> "Draft":
        """The draft of English sentences i .. i_end - 1 and Chinese j .. j_end - 1: what `draft`
        of those sentences gives once `finish` keeps the tokens both sides have (a sentence's
        tokens do not depend on the others'), provided `traditional` is the same for them."""
        return Draft(self.en_toks[i:i_end], self.zh_toks[j:j_end], self.zh_chars[j:j_end],
                     self.traditional)


def collect(en_sents: Sequence[str], zh_sents: Sequence[str], **kwargs) -> Evidence:
    """Token evidence for both sides (see `draft`)."""
    return draft(en_sents, zh_sents, **kwargs).finish()


def draft(en_sents: Sequence[str], zh_sents: Sequence[str], *,
          en_extra: Sequence[Sequence[str]] | None = None,
          zh_extra: Sequence[Sequence[str]] | None = None,
          names: Sequence[tuple[str, str]] = ()) -> Draft:
    """Token evidence for both sides; `*_extra` are structural tokens given per sentence."""
    table = cedict.load()
    traditional = is_traditional(zh_sents, table.to_simplified)
    if traditional:
        zh_sents = simplified(zh_sents, table.to_simplified)
    forms = _lexicon_forms(table.en_to_zh)
    en_toks = [{forms[t] if t in forms else forms.setdefault(t, _lexicon_form(t, table.en_to_zh))
                for t in english_tokens(s)} for s in en_sents]
    if en_extra:
        for toks, extra in zip(en_toks, en_extra):
            toks.update(extra)
    vocab = frozenset().union(*en_toks) if en_toks else frozenset()
    name_terms = _add_names(en_sents, en_toks, names)
    wanted_py = frozenset(t for t in vocab if t.startswith("py:"))
    terms = _DocumentTerms(table.zh_to_en, vocab)
    zh_toks = [_expressed(s, terms, name_terms, table.pinyin, wanted_py) for s in zh_sents]
    if zh_extra:
        for toks, extra in zip(zh_toks, zh_extra):
            for tok in extra:
                toks.setdefault(tok, 0)
    chars = np.array([_content_chars(s) for s in zh_sents], dtype=np.float64)
    return Draft(en_toks, zh_toks, chars, traditional)


_IDEOGRAPH = HAN_CHAR


def is_traditional(sentences: Sequence[str], to_simplified: dict, threshold: float = 0.02) -> bool:
    """True when at least 2 % of the text's ideographs are traditional-only."""
    text = "".join(sentences)
    cjk = len(_IDEOGRAPH.findall(text))
    traditional = sum(map(to_simplified.__contains__, text))
    return bool(cjk) and traditional / cjk >= threshold


def simplified(sentences: Sequence[str], to_simplified: dict, threshold: float = 0.02) -> list[str]:
    """The sentences in simplified characters when the text is traditional (`is_traditional`),
    character for character, so offsets do not move."""
    if not is_traditional(sentences, to_simplified, threshold):
        return list(sentences)
    table = str.maketrans(to_simplified)
    return [s.translate(table) for s in sentences]


def with_induced(d: Draft, zh_sents: Sequence[str], induced: dict[str, set[str]]) -> Draft:
    """The draft with induced Chinese bigrams (-> English tokens) marked where they occur."""
    zh_toks = [dict(toks) for toks in d.zh_toks]
    for toks, sent in zip(zh_toks, zh_sents):
        grams = list(map(add, sent, sent[1:]))  # the character pairs, by start (built in C)
        masks: dict[str, int] = {}  # each induced pair's characters, then its tokens once
        for k in compress(range(len(grams)), map(induced.__contains__, grams)):
            masks[grams[k]] = masks.get(grams[k], 0) | (0b11 << k)
        for gram, mask in masks.items():
            for tok in induced[gram]:
                toks[tok] = toks.get(tok, 0) | mask
    return Draft(d.en_toks, zh_toks, d.zh_chars, d.traditional)


def _content_chars(sentence: str) -> int:
    return sum(map(str.isalnum, sentence))


_FORMS: dict = {}


def _lexicon_forms(lexicon: dict) -> dict[str, str]:
    """The memo of `_lexicon_form` for this lexicon (one per process)."""
    found = _FORMS.get(id(lexicon))
    if found is None or found[0] is not lexicon or len(found[1]) > 1 << 17:
        found = _FORMS[id(lexicon)] = (lexicon, {})
    return found[1]


def _lexicon_form(tok: str, lexicon: dict) -> str:
    """The stem as the lexicon knows it when the crude stem misses: agre -> agree (agreed),
    slapp -> slap (slapped), tri -> try (tried); otherwise the stem itself."""
    if tok in lexicon or not tok.isalpha():
        return tok
    undoubled = tok[:-1] if len(tok) > 3 and tok[-1] == tok[-2] else ""
    y_form = tok[:-1] + "y" if tok.endswith("i") else ""
    for form in (tok + "e", undoubled, y_form):
        if form and form in lexicon:
            return form
    return tok


def _add_names(en_sents, en_toks, names) -> dict[str, set[str]]:
    """Authority pairs: an English name found in a sentence becomes a token ('name:...') that its
    Chinese forms express; returns Chinese form -> those tokens."""
    by_en, pattern = _name_index(tuple(names))
    name_terms: dict[str, set[str]] = {}
    if pattern is None:
        return name_terms
    for toks, sent in zip(en_toks, en_sents):
        for m in pattern.finditer(sent):
            tok = "name:" + m.group()
            toks.add(tok)
            for zh_name in by_en[m.group()]:
                name_terms.setdefault(zh_name, set()).add(tok)
    return name_terms


@lru_cache(maxsize=8)
def _name_index(names: tuple[tuple[str, str], ...]):
    """English name -> its Chinese forms, and one pattern finding them (the longest name at a
    position wins); built once per process for the same authority."""
    by_en: dict[str, set[str]] = {}
    for en_name, zh_name in names:
        if en_name and zh_name:
            by_en.setdefault(en_name, set()).add(zh_name)
    if not by_en:
        return by_en, None
    pattern = prefix_alternation([re.escape(ch) for ch in name] for name in by_en)
    return by_en, re.compile(r"\b" + pattern + r"\b")


class _DocumentTerms(dict):
    """Chinese term -> the English words of one document it translates (in the lexicon's order),
    filtered once per term: a common character translates hundreds of words, which every
    sentence would otherwise filter again. `lexicon` is the whole table, for the C lookups."""

    def __init__(self, lexicon: dict, vocab: frozenset):
        super().__init__()
        self.lexicon, self.vocab = lexicon, vocab

    def __missing__(self, gram: str) -> tuple[str, ...]:
        kept = self[gram] = tuple(filter(self.vocab.__contains__, self.lexicon[gram]))
        return kept


def _expressed(sentence: str, terms: _DocumentTerms, name_terms: dict, readings: dict,
               wanted_py: frozenset) -> dict[str, int]:
    """English tokens the sentence expresses -> bit mask of the characters that express them."""
    cover: dict[str, int] = {}
    lookup = terms.lexicon.get
    grams = sentence  # the substrings of k characters, by start (built and looked up in C)
    for k in range(1, MAX_TERM_CHARS + 1):
        if k > 1:
            grams = list(map(add, grams, sentence[k - 1:]))
        found = list(map(lookup, grams))
        mask = (1 << k) - 1
        for i in compress(range(len(found)), found):  # the substrings that are terms
            for tok in terms[grams[i]]:  # those of its translations the document has
                cover[tok] = cover.get(tok, 0) | (mask << i)
    spans = _name_spans(sentence, name_terms) + chinese_number_spans(sentence)
    if wanted_py:
        spans += pinyin_spans(sentence, readings, wanted_py)
    for tok, start, end in spans:
        cover[tok] = cover.get(tok, 0) | (((1 << (end - start)) - 1) << start)
    for tok in punctuation_tokens(sentence):
        cover.setdefault(tok, 0)
    return cover


MAX_TERM_CHARS = cedict.MAX_TERM_CHARS


def _name_spans(sentence: str, name_terms: dict) -> list[tuple[str, int, int]]:
    """Every occurrence of the Chinese name forms, as (token, start, end)."""
    out = []
    for zh_name, toks in name_terms.items():
        start = sentence.find(zh_name)
        while start >= 0:
            out.extend((tok, start, start + len(zh_name)) for tok in toks)
            start = sentence.find(zh_name, start + 1)
    return out


def _index(en_toks: list[set[str]], zh_toks: list[dict[str, int]], chars: np.ndarray) -> Evidence:
    """Keep tokens present on both sides; weight = idf over both sides. (The loops run in C, by
    `map` and `filter`: this runs twice a document.)"""
    df_en = Counter(chain.from_iterable(en_toks))
    df_zh = Counter(chain.from_iterable(zh_toks))
    shared = sorted(df_en.keys() & df_zh.keys())
    ids = {t: k for k, t in enumerate(shared)}
    n = max(1, len(en_toks) + len(zh_toks))
    weight = np.array([math.log(1 + n / (df_en[t] + df_zh[t])) for t in shared], dtype=np.float64)
    # English ids in increasing order (a sentence's weights are summed in that order); ids follow
    # the sorted tokens, so sorting the tokens sorts the ids
    known = ids.keys()
    en = [np.array(list(map(ids.__getitem__, sorted(known & toks))), dtype=np.int64) for toks in en_toks]
    zh, cover = [], []
    for toks in zh_toks:  # in any order: the postings are sorted by (token, sentence) before use
        kept = list(filter(ids.__contains__, toks))
        zh.append(np.array(list(map(ids.__getitem__, kept)), dtype=np.int64))
        cover.append(np.array(list(map(int.bit_count, map(toks.__getitem__, kept))), dtype=np.float64))
    return Evidence(en, zh, weight, cover, chars)
