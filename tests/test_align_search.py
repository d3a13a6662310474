"""The aligner's search and its cost formulas, apart from the texts (docs/alignment.md, "Search")."""
from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.align import AlignOptions
from teikit.align.costs import Cells, SentenceSums, bead_costs
from teikit.align.dp import Band, Skips, solve
from teikit.align.model import all_beads

BEADS = all_beads(AlignOptions())


def _path_cost(path, table, skips: Skips) -> float:
    """What the beads of `path` cost: their table entries, and the skips as affine runs."""
    i = j = 0
    total, last = 0.0, None
    for k, l in path:
        kind = "E" if l == 0 else "F" if k == 0 else None
        if kind:
            total += skips.extend if last == kind else skips.open
        else:
            total += table[BEADS.index((k, l)), i + k, j + l]
        i, j, last = i + k, j + l, kind
    return total


def _cheapest(n: int, m: int, table, skips: Skips) -> float:
    """The cheapest path's cost, by plain recursion over every bead from every cell."""
    @lru_cache(maxsize=None)
    def rest(i: int, j: int, last: str | None) -> float:
        if (i, j) == (n, m):
            return 0.0
        out = math.inf
        if i < n:
            out = min(out, (skips.extend if last == "E" else skips.open) + rest(i + 1, j, "E"))
        if j < m:
            out = min(out, (skips.extend if last == "F" else skips.open) + rest(i, j + 1, "F"))
        for b, (k, l) in enumerate(BEADS):
            if i + k <= n and j + l <= m:
                out = min(out, float(table[b, i + k, j + l]) + rest(i + k, j + l, None))
        return out

    return rest(0, 0, None)


@given(n=st.integers(1, 5), m=st.integers(1, 5), seed=st.integers(0, 2**16),
       ties=st.booleans(), skip=st.sampled_from([(4.0, 1.5), (1.0, 1.0), (2.0, 0.5)]))
@settings(max_examples=150, deadline=None)
def test_the_traced_path_costs_what_the_search_found(n, m, seed, ties, skip):
    """The one rule search and traceback must agree on: the traceback decides each state's way
    in again from the values the search stored, with the search's order for ties, so the path it
    returns costs exactly the optimum (checked by brute force; integer costs make many ties)."""
    rng = np.random.default_rng(seed)
    shape = (len(BEADS), n + 1, m + 1)
    table = rng.integers(0, 7, shape).astype(float) if ties else rng.uniform(0, 8, shape)
    skips = Skips(*skip)
    band = Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    path = solve(n, m, band, BEADS, lambda rows, js: table[:, rows[:, None], js], skips)
    assert sum(k for k, _ in path) == n and sum(l for _, l in path) == m
    assert _path_cost(path, table, skips) == pytest.approx(_cheapest(n, m, table, skips), abs=1e-9)


def _random_sums(rng, n: int, m: int) -> SentenceSums:
    def running(values):
        return np.concatenate([[0.0], np.cumsum(values)])

    weights = rng.uniform(0, 3, n) * (rng.random(n) < 0.7)  # some sentences without a token
    chars = rng.integers(0, 40, m) * (rng.random(m) < 0.8)
    return SentenceSums(running(rng.uniform(1, 200, n)), running(rng.uniform(1, 200, m)),
                        running(weights), running(chars.astype(float)),
                        running((rng.random(n) < 0.3).astype(float)),
                        running((rng.random(m) < 0.3).astype(float)), 1.0)


def _written_out(s: SentenceSums, o: AlignOptions, rows, beads, js, shared, covered):
    """The formulas of docs/alignment.md, written as plainly as numpy allows."""
    i = rows[None, :, None]
    k = np.array([k for k, _ in beads])[:, None, None]
    l = np.array([l for _, l in beads])[:, None, None]
    start, j0 = np.maximum(i - k, 0), np.maximum(js[None] - l, 0)
    le = s.en_length[i] - s.en_length[start]
    lz = s.zh_length[js][None] - s.zh_length[j0]
    delta = (lz - le) / np.sqrt(o.length_variance * (le + lz) / 2 + 1.0)
    w_en = s.en_weight[i] - s.en_weight[start]
    c_zh = s.zh_chars[js][None] - s.zh_chars[j0]
    en = np.where(w_en > 0, np.minimum(shared, w_en) / np.maximum(w_en, 1e-9), o.neutral_similarity)
    zh = np.where(c_zh > 0, np.minimum(covered, c_zh) / np.maximum(c_zh, 1), o.neutral_similarity)
    sim = 2 * en * zh / np.maximum(en + zh, 1e-9) if o.harmonic else (en + zh) / 2
    spread = 1 + o.lexical_spread * (k + l - 2)
    lexical = (o.lexical_weight * np.log(1.1 / (sim + 0.1)) * spread if o.lexical_log
               else o.lexical_weight * (1 - sim) * spread)
    crossed = (s.en_starts[i] - s.en_starts[np.maximum(i - k + 1, 0)]
               + s.zh_starts[js][None] - s.zh_starts[np.maximum(js[None] - l + 1, 0)])
    return (delta * delta / 2 * o.length_weight + lexical + o.merge_cost * (k + l - 2)
            + o.block_cost * crossed)


@pytest.mark.parametrize("options", [AlignOptions(), AlignOptions(harmonic=False, lexical_log=False,
                                                                   length_weight=0.7, lexical_weight=1.3)])
def test_bead_costs_are_the_formulas_to_the_bit(options):
    """costs.py computes in place, for speed; the values must be the written-out formulas' bits."""
    rng = np.random.default_rng(7)
    n, m, width = 40, 50, 12
    sums = _random_sums(rng, n, m)
    rows = np.arange(3, 30)
    js = np.minimum(rows[:, None] + np.arange(width)[None, :], m)
    shape = (len(BEADS), len(rows), width)
    shared, covered = rng.uniform(0, 4, shape), rng.integers(0, 30, shape).astype(float)
    expected = _written_out(sums, options, rows, BEADS, js, shared, covered)
    got = bead_costs(sums, options, Cells.of(rows, BEADS, js), shared.copy(), covered.copy())
    assert np.array_equal(got, expected)


def test_a_window_of_the_whole_draft_is_the_windows_own_draft():
    """The windows of a text the whole search gave up on reuse its draft by slicing: each
    sentence's tokens do not depend on the others', so the evidence is the window's own."""
    from pathlib import Path

    from teikit.align.lexical import draft

    data = Path(__file__).parent / "data" / "align"
    en = (data / "wilson-110390.en.txt").read_text(encoding="utf-8").splitlines() * 3
    zh = (data / "wilson-110390.zh.txt").read_text(encoding="utf-8").splitlines() * 3
    whole = draft(en, zh, names=[("Zhou Enlai", "周恩来")])
    for i, i_end, j, j_end in [(0, 20, 0, 15), (17, 60, 11, 50), (len(en) - 9, len(en), 40, len(zh))]:
        own = draft(en[i:i_end], zh[j:j_end], names=[("Zhou Enlai", "周恩来")]).finish()
        sliced = whole.window(i, i_end, j, j_end).finish()
        assert np.array_equal(own.weight, sliced.weight) and np.array_equal(own.zh_chars, sliced.zh_chars)
        for a, b in [(own.en, sliced.en), (own.zh, sliced.zh), (own.zh_cover, sliced.zh_cover)]:
            assert len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))
