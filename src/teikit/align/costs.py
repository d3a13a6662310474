"""What a bead costs: the scoring formulas of docs/alignment.md ("Scores"), apart from the search.

A bead (k, l) ending at DP cell (i, j) joins English sentences i - k .. i - 1 with Chinese
sentences j - l .. j - 1. Its cost is

    length_weight * length_cost + lexical_cost + merge_cost * (k + l - 2) + block_cost * crossed

computed here for arrays of beads x rows x cells at once (the search, `model.py` and `dp.py`,
only asks for them). The arrays are updated in place, in the order of the formula above, so the
values are the same to the bit as the formula written out.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import AlignHints, AlignOptions
from .lexical import Evidence


@dataclass(frozen=True)
class SentenceSums:
    """Running totals over the sentences: x[i] is the sum over sentences 0 .. i - 1, so the
    total over sentences a .. b - 1 is x[b] - x[a]."""

    en_length: np.ndarray  # English non-space characters, scaled to Chinese by `ratio`
    zh_length: np.ndarray  # Chinese non-space characters
    en_weight: np.ndarray  # idf weight of each English sentence's tokens
    zh_chars: np.ndarray  # Chinese content characters (letters and digits)
    en_starts: np.ndarray  # English sentences that start a paragraph (or follow a label)
    zh_starts: np.ndarray  # Chinese ones
    ratio: float  # Chinese characters per English character, over the two texts

    @classmethod
    def of(cls, en, zh, evidence: Evidence, hints: AlignHints) -> "SentenceSums":
        len_en = np.array([len(s.replace(" ", "")) for s in en], dtype=np.float64)
        len_zh = np.array([len(s.replace(" ", "")) for s in zh], dtype=np.float64)
        ratio = max(len_zh.sum(), 1.0) / max(len_en.sum(), 1.0)
        return cls(_running(len_en * ratio), _running(len_zh), _running(evidence.en_weights()),
                   _running(evidence.zh_chars), _running(_flags(hints.src_blocks, len(en))),
                   _running(_flags(hints.tgt_blocks, len(zh))), ratio)


@dataclass(frozen=True)
class Cells:
    """Where the costs are asked for: bead shapes (k, l), DP rows i and, per row, columns j.
    `i`, `k` and `l` are shaped to broadcast against (beads, rows, cells)."""

    i: np.ndarray  # (1, rows, 1)
    k: np.ndarray  # (beads, 1, 1)
    l: np.ndarray  # (beads, 1, 1)
    js: np.ndarray  # (rows, cells)

    @classmethod
    def of(cls, rows: np.ndarray, beads, js: np.ndarray) -> "Cells":
        ks = np.array([k for k, _ in beads])[:, None, None]
        ls = np.array([l for _, l in beads])[:, None, None]
        return cls(rows[None, :, None], ks, ls, js)

    @property
    def en_start(self) -> np.ndarray:
        """First English sentence of each bead (clamped to 0 where k > i: ignored by the search)."""
        return np.maximum(self.i - self.k, 0)

    @property
    def zh_start(self) -> np.ndarray:
        return np.maximum(self.js[None, :, :] - self.l, 0)


def bead_costs(sums: SentenceSums, options: AlignOptions, cells: Cells, shared: np.ndarray,
               covered: np.ndarray) -> np.ndarray:
    """Cost of every bead at every cell, (beads, rows, cells). `shared` and `covered` are the
    bead's lexical overlaps (the idf weight of the English tokens the Chinese side expresses,
    and the Chinese characters that express them), same shape; they are overwritten."""
    total = length_cost(sums, options, cells)
    total *= options.length_weight
    total += lexical_cost(sums, options, cells, shared, covered)
    total += options.merge_cost * (cells.k + cells.l - 2)
    total += options.block_cost * blocks_crossed(sums, cells)
    return total


def length_cost(sums: SentenceSums, options: AlignOptions, cells: Cells) -> np.ndarray:
    """Gale-Church: delta = (lz - le) / sqrt(s2 * (le + lz) / 2 + 1), cost delta^2 / 2."""
    le = sums.en_length[cells.i] - sums.en_length[cells.en_start]
    lz = sums.zh_length.take(cells.zh_start)
    np.subtract(sums.zh_length.take(cells.js)[None, :, :], lz, out=lz)
    delta = lz - le
    scale = lz
    scale += le
    scale *= options.length_variance
    scale /= 2
    scale += 1.0
    np.sqrt(scale, out=scale)
    delta /= scale
    delta *= delta
    delta /= 2
    return delta


def lexical_cost(sums: SentenceSums, options: AlignOptions, cells: Cells, shared: np.ndarray,
                 covered: np.ndarray) -> np.ndarray:
    """From the English-token recall (idf-weighted) and the Chinese-character recall of the bead
    (`neutral_similarity` for a side without tokens): their harmonic (or arithmetic) mean `sim`,
    cost w * log(1.1 / (sim + 0.1)) (or w * (1 - sim)), times 1 + spread * (k + l - 2)."""
    neutral = options.neutral_similarity
    w_en = sums.en_weight[cells.i] - sums.en_weight[cells.en_start]
    en_recall = np.minimum(shared, w_en, out=shared)
    en_recall /= np.maximum(w_en, 1e-9)
    np.copyto(en_recall, neutral, where=~(w_en > 0))
    c_zh = sums.zh_chars.take(cells.zh_start)
    np.subtract(sums.zh_chars.take(cells.js)[None, :, :], c_zh, out=c_zh)
    no_chars = ~(c_zh > 0)
    zh_recall = np.minimum(covered, c_zh, out=covered)
    zh_recall /= np.maximum(c_zh, 1, out=c_zh)
    np.copyto(zh_recall, neutral, where=no_chars)
    sim = en_recall
    if options.harmonic:
        both = en_recall + zh_recall
        np.maximum(both, 1e-9, out=both)
        sim *= 2
        sim *= zh_recall
        sim /= both
    else:
        sim += zh_recall
        sim /= 2
    if options.lexical_log:
        sim += 0.1
        cost = np.divide(1.1, sim, out=sim)
        np.log(cost, out=cost)
    else:
        cost = np.subtract(1, sim, out=sim)
    cost *= options.lexical_weight
    cost *= 1 + options.lexical_spread * (cells.k + cells.l - 2)
    return cost


def blocks_crossed(sums: SentenceSums, cells: Cells) -> np.ndarray:
    """Paragraph starts inside the bead (after its first sentence), on both sides."""
    inside_en = sums.en_starts[cells.i] - sums.en_starts[np.maximum(cells.i - cells.k + 1, 0)]
    inside_zh = sums.zh_starts.take(np.maximum(cells.js[None, :, :] - cells.l + 1, 0))
    np.subtract(sums.zh_starts.take(cells.js)[None, :, :], inside_zh, out=inside_zh)
    inside_zh += inside_en
    return inside_zh


def _running(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1)
    np.cumsum(values, out=out[1:])
    return out


def _flags(flags, count: int) -> np.ndarray:
    if flags is None:
        return np.zeros(count)
    return np.array([1.0 if f else 0.0 for f in flags][:count] + [0.0] * max(0, count - len(flags)))
