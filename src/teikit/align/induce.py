"""Dictionary induction: English words and Chinese character pairs that keep meeting in the
beads of a first alignment become extra translation pairs (after Hunalign and Moore 2002)."""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain, product
from operator import add
from typing import Sequence

from ..lang import HAN


_CJK_RUN = re.compile(f"[{HAN}]+")


def induce(en_toks: Sequence[set[str]], zh: Sequence[str], beads, *, min_count: int = 5,
           min_dice: float = 0.6, max_side: int = 3) -> dict[str, set[str]]:
    """Chinese bigram -> English tokens it was induced to express (a pair must meet in at least
    `min_count` beads of at most `max_side` sentences a side, with Dice >= `min_dice`)."""
    pairs = [(_words(en_toks, src), _bigrams(zh, tgt)) for src, tgt in beads
             if src and tgt and len(src) <= max_side and len(tgt) <= max_side]
    count_w = Counter(chain.from_iterable(words for words, _ in pairs))
    count_b = Counter(chain.from_iterable(grams for _, grams in pairs))
    joint: Counter = Counter()
    for words, grams in pairs:
        words = [w for w in words if count_w[w] >= min_count]
        grams = [b for b in grams if count_b[b] >= min_count]
        joint.update(product(words, grams))  # counted in C
    found: dict[str, set[str]] = {}
    for (w, b), c in joint.items():
        if c >= min_count and 2 * c / (count_w[w] + count_b[b]) >= min_dice:
            found.setdefault(b, set()).add(w)
    return found


def _words(en_toks, idx) -> set[str]:
    return {t for i in idx for t in en_toks[i] if t[0].isalpha() and ":" not in t}


def _bigrams(sents, idx) -> set[str]:
    grams = set()
    for j in idx:
        for run in _CJK_RUN.findall(sents[j]):
            grams.update(map(add, run, run[1:]))  # its character pairs, built in C
    return grams
