"""Sentence alignment of an English text with its Chinese original (or the reverse), no neural model.

    align(src_sents, tgt_sents, *, src_lang=None, tgt_lang=None, options=None, hints=None) -> [Bead]

Scores: Gale-Church length (zh/en ratio estimated from the input), lexical anchors (CC-CEDICT,
numbers and dates, pinyin of names, authority name pairs) and optional structural tokens; a banded
dynamic program over 1:0, 0:1 and k:l beads finds the cheapest path. See docs/alignment.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..lang import is_chinese_side


@dataclass(frozen=True)
class Bead:
    """Indices of the source and target sentences joined in one bead (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]

    def __str__(self) -> str:
        return f"[{','.join(map(str, self.src))}]:[{','.join(map(str, self.tgt))}]"


@dataclass(frozen=True)
class AlignOptions:
    """Tunable constants of the model (defaults tuned on the Bible set, MAC-Dev 005 + 006 and
    the sample record together; see docs/alignment.md)."""

    max_sentences: int = 6  # most sentences on one side of a bead (k * l <= max_sentences)
    length_weight: float = 1.0
    length_variance: float = 8.0  # Gale-Church s^2, in target characters
    lexical_weight: float = 1.0
    harmonic: bool = True  # combine the two recalls by harmonic (True) or arithmetic mean
    lexical_log: bool = True  # cost log(1.1 / (sim + 0.1)) instead of 1 - sim
    lexical_spread: float = 0.75  # how much of the lexical cost each extra sentence adds
    neutral_similarity: float = 0.25  # used when neither side has a lexical token
    skip_cost: float = 4.0  # a 1:0 or 0:1 bead
    skip_extend: float = 1.5  # each further one in a run
    merge_cost: float = 1.0  # per sentence beyond 1:1
    block_cost: float = 3.0  # per paragraph boundary crossed inside a bead
    band_width: int = 0  # first-pass half width; 0 = automatic: max(band_min, band_share * longest side)
    band_min: int = 12
    band_share: float = 0.03
    first_pass_max: int = 3  # the first pass uses beads of up to this many sentences a side
    refine_width: int = 8  # the second pass's half width around the first pass's path
    induce: bool = True  # learn extra word pairs from a first alignment, then align again
    induce_min_count: int = 5  # a pair must meet in this many beads
    induce_min_dice: float = 0.6  # with at least this Dice coefficient
    induce_max_side: int = 3  # beads of at most this many sentences a side count


@dataclass(frozen=True)
class AlignHints:
    """Extra, optional evidence per sentence (structure) and name pairs (English, Chinese)."""

    src_tokens: Sequence[Sequence[str]] | None = None
    tgt_tokens: Sequence[Sequence[str]] | None = None
    src_blocks: Sequence[bool] | None = None  # True where a sentence starts a paragraph
    tgt_blocks: Sequence[bool] | None = None
    names: Sequence[tuple[str, str]] = field(default_factory=tuple)


def detect_language(sentences: Sequence[str]) -> str:
    """'zh' for the Chinese side of a pair (lang.is_chinese_side), else 'en'."""
    return "zh" if is_chinese_side("".join(sentences[:200])) else "en"


def align(src_sents: Sequence[str], tgt_sents: Sequence[str], *, src_lang: str | None = None,
          tgt_lang: str | None = None, options: AlignOptions | None = None,
          hints: AlignHints | None = None) -> list[Bead]:
    """Align two lists of sentences; beads cover every sentence once, in order."""
    from .model import align_en_zh

    options = options or AlignOptions()
    hints = hints or AlignHints()
    src_lang = _base_lang(src_lang) or detect_language(src_sents)
    tgt_lang = _base_lang(tgt_lang) or detect_language(tgt_sents)
    if src_lang == "zh" and tgt_lang != "zh":
        flipped = _flip(hints)
        return [Bead(b.tgt, b.src) for b in align_en_zh(tgt_sents, src_sents, options, flipped)]
    return align_en_zh(src_sents, tgt_sents, options, hints)


def _base_lang(tag: str | None) -> str | None:
    return tag.split("-")[0].lower() if tag else None


def _flip(h: AlignHints) -> AlignHints:
    return AlignHints(h.tgt_tokens, h.src_tokens, h.tgt_blocks, h.src_blocks, h.names)


__all__ = ["align", "Bead", "AlignOptions", "AlignHints", "detect_language"]


# `teikit.<this module>` is also the public function of the same name (teikit._callable_module).
from .. import _callable_module  # noqa: E402

_callable_module(__import__("sys").modules[__name__])
