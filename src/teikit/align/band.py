"""Sentence-pair match weights inside a band, computed from token postings (no n x m matrix)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .lexical import Evidence


@dataclass(frozen=True)
class BandMatrix:
    """prefix[i, x] = sum of match weights of English sentence i with Chinese sentences
    offset[i] .. offset[i] + x - 1 (x clipped to the band)."""

    offset: np.ndarray
    prefix: np.ndarray

    def windows(self, lengths: Sequence[int], rows: range, cols: int) -> np.ndarray:
        """windows[a, r * cols + x] = match weight of English sentence i = rows[r] with the
        lengths[a] Chinese sentences before column j = offset[i] + x, for x = 0 .. cols - 1 (see
        `window_cells`): prefix[i, end] - prefix[i, start], a window that leaves the band clipped
        to it, one wholly outside weighing 0. Tabled once for a block of rows, the windows are
        then summed over each bead's English rows."""
        prefix = self.prefix[rows.start:rows.stop]
        n, stride = prefix.shape
        x = np.arange(cols)
        end = np.minimum(x, stride - 1)
        start = np.minimum(np.maximum(x - np.array(lengths)[:, None], 0), stride - 1)
        first = (np.arange(n) * stride)[:, None]  # flat index of each row's prefix[i, 0]
        flat = prefix.reshape(-1)
        return (flat.take(first + end) - flat.take(first + start[:, None, :])).reshape(len(lengths), -1)


def window_cells(offset: np.ndarray, rows: np.ndarray, js: np.ndarray, table_rows: range,
                 cols: int) -> np.ndarray:
    """Flat indexes into `BandMatrix.windows` tables (of `table_rows`) of English sentences
    rows[r] at columns js[r, c] (a column left of the band reads x = 0, one right of it the
    last x; both weigh 0 when cols exceeds the band width by the largest l)."""
    x = np.minimum(np.maximum(js - offset[rows][:, None], 0), cols - 1)
    x += ((rows - table_rows.start) * cols)[:, None]
    return x


@dataclass(frozen=True)
class Postings:
    """The (token, sentence) pairs of one Evidence, as every band search uses them: English ones
    in sentence order with each token's weight, Chinese ones sorted by key token * (m + 1) +
    sentence, with the characters covered. Built once per Evidence, not per search."""

    en_tok: np.ndarray
    en_sent: np.ndarray
    en_weight: np.ndarray
    zh_key: np.ndarray
    zh_sent: np.ndarray
    zh_cover: np.ndarray
    n: int
    m: int


def postings(ev: Evidence) -> Postings:
    n, m = len(ev.en), len(ev.zh)
    et, ei = _postings(ev.en)
    zt, zj = _postings(ev.zh)
    zc = np.concatenate(ev.zh_cover) if len(zt) else np.zeros(0)
    keys = zt * (m + 1) + zj
    order = np.argsort(keys, kind="stable")
    return Postings(et, ei, ev.weight[et], keys[order], zj[order], zc[order], n, m)


def match_band(p: Postings, lo: np.ndarray, hi: np.ndarray) -> tuple[BandMatrix, BandMatrix]:
    """For lo[i] <= j < hi[i]: the idf weight of the tokens English i shares with Chinese j, and
    the number of characters of j that express them."""
    width = int(max(1, (hi - lo).max() if p.n else 1))
    return tuple(_band_matrix(cells, lo) for cells in _pair_weights(p, lo, hi, width))


def _band_matrix(cells: np.ndarray, lo: np.ndarray) -> BandMatrix:
    """The running sums of each row of `cells` (its first column 0), made in place."""
    np.cumsum(cells[:, 1:], axis=1, out=cells[:, 1:])
    return BandMatrix(lo.astype(np.int64), cells)


def _postings(sents: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(token, sentence) pairs of all sentences, as two parallel arrays."""
    lengths = np.array([len(t) for t in sents], dtype=np.int64)
    if lengths.sum() == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    toks = np.concatenate([t for t in sents if len(t)])
    sent_ids = np.repeat(np.arange(len(sents), dtype=np.int64), lengths)
    return toks, sent_ids


def _pair_weights(p: Postings, lo, hi, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Two arrays (n, width + 1): in row i, column 1 + x, the weight shared by English i and
    Chinese lo[i] + x, and the characters covered; column 0 is 0 (for the running sums)."""
    stride = width + 1
    shared, covered = np.zeros((p.n, stride)), np.zeros((p.n, stride))
    if not len(p.en_tok) or not len(p.zh_key):
        return shared, covered
    ei, zj = p.en_sent, p.zh_sent
    base = p.en_tok * (p.m + 1)
    starts = np.searchsorted(p.zh_key, base + lo[ei])
    ends = np.searchsorted(p.zh_key, base + hi[ei])
    counts = ends - starts
    flat_shared, flat_covered = shared.reshape(-1), covered.reshape(-1)
    for a, b in _chunks(counts, ei, CHUNK_PAIRS):
        c = counts[a:b]
        total = int(c.sum())
        if total == 0:
            continue
        rows = np.repeat(ei[a:b], c)
        first = np.repeat(np.cumsum(c) - c, c)
        idx = np.repeat(starts[a:b], c) + (np.arange(total) - first)
        base, end = int(ei[a]) * stride, (int(ei[b - 1]) + 1) * stride  # the chunk's sentences' rows
        flat = rows * stride + (zj[idx] - lo[rows] + 1) - base
        flat_shared[base:end] += np.bincount(flat, weights=np.repeat(p.en_weight[a:b], c), minlength=end - base)
        flat_covered[base:end] += np.bincount(flat, weights=p.zh_cover[idx], minlength=end - base)
    return shared, covered


# (English token, Chinese sentence) pairs expanded at once: a common token in a wide band pairs
# with hundreds of sentences, and expanding them all for a 1 MB record took ~150 MB (a million
# pairs, ~10 arrays of them, was still the aligner's peak on a window). Chunks hold whole English
# sentences and add only to those sentences' cells, so each cell's weights are still added in one
# bincount, in the same order: the result is the same to the bit.
CHUNK_PAIRS = 1 << 17


def _chunks(counts: np.ndarray, rows: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Consecutive ranges of postings (sorted by English sentence `rows`) whose pair counts add
    up to about `size` each, cut only where a new sentence starts."""
    ends = np.cumsum(counts)
    if not len(ends) or ends[-1] <= size:
        return [(0, len(counts))]
    cuts = np.searchsorted(ends, np.arange(size, int(ends[-1]), size), side="right")
    cuts = np.searchsorted(rows, rows[np.minimum(cuts, len(rows) - 1)], side="left")  # sentence starts
    bounds = [0, *sorted(set(int(c) for c in cuts if 0 < c < len(counts))), len(counts)]
    return list(zip(bounds[:-1], bounds[1:]))
