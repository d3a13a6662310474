"""A banded dynamic program over beads (k English sentences : l Chinese sentences)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

# block_cost(rows, js) -> array (len(beads), len(rows), width): the cost of bead b = (k, l) ending
# at (rows[r], js[r, c]), for the cells js[r] = lo[rows[r]] + 0 .. width-1 of each row (clamped to m;
# cells past the row's end and beads with k > row are ignored).
BlockCostFn = Callable[[np.ndarray, np.ndarray], np.ndarray]
BLOCK_CELLS = 1 << 18  # beads x rows x width per block of precomputed costs (2 MB of float64)


@dataclass(frozen=True)
class Band:
    """For each DP row i (English sentences consumed), the allowed j range [lo[i], hi[i]]."""

    lo: np.ndarray
    hi: np.ndarray

    @classmethod
    def diagonal(cls, n: int, m: int, width: int) -> "Band":
        centre = np.arange(n + 1) * (m / max(n, 1))
        lo = np.clip(np.floor(centre - width), 0, m).astype(np.int64)
        hi = np.clip(np.ceil(centre + width), 0, m).astype(np.int64)
        hi[-1] = m
        lo[0] = 0
        return cls(lo, _connected(lo, hi, m))

    @classmethod
    def around(cls, path: Sequence[tuple[int, int]], n: int, m: int, width: int) -> "Band":
        """A band of +-width around a path of DP cells (which passes through every row)."""
        lo = np.full(n + 1, m, dtype=np.int64)
        hi = np.zeros(n + 1, dtype=np.int64)
        for i, j in path:
            lo[i] = min(lo[i], j)
            hi[i] = max(hi[i], j)
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        lo = np.clip(_spread_min(lo, width) - width, 0, m)
        hi = np.clip(_spread_max(hi, width) + width, 0, m)
        return cls(lo.astype(np.int64), _connected(lo, hi, m).astype(np.int64))


def _connected(lo: np.ndarray, hi: np.ndarray, m: int) -> np.ndarray:
    """Widen each row to reach the next row's start, so that 1:0 and 0:1 beads always
    connect (0, 0) to (n, m) inside the band, however steep the diagonal."""
    nxt = np.append(lo[1:], m)
    return np.maximum(hi, nxt)


def _spread_min(a: np.ndarray, w: int) -> np.ndarray:
    out = a.copy()
    for s in range(1, w + 1):
        out[:-s] = np.minimum(out[:-s], a[s:])
    return out


def _spread_max(a: np.ndarray, w: int) -> np.ndarray:
    out = a.copy()
    for s in range(1, w + 1):
        out[s:] = np.maximum(out[s:], a[:-s])
    return out


@dataclass(frozen=True)
class Skips:
    """Costs of 1:0 (source) and 0:1 (target) beads: the first of a run, and each further one
    (affine, as for gaps in sequence alignment: a long omission is one event, not many)."""

    open: float
    extend: float


def solve(n: int, m: int, band: Band, beads: Sequence[tuple[int, int]], cost: BlockCostFn,
          skips: Skips) -> list[tuple[int, int]]:
    """Cheapest monotone path from (0,0) to (n,m); returns the beads (k, l) in order.

    `beads` lists the (k, l) with k, l >= 1; 1:0 and 0:1 beads cost `skips`. Bead costs come from
    `cost` for a block of rows at once; each DP row is then a few array operations. States per
    cell: D (best), B (best not ending in 0:1), E (ending in 1:0), F (ending in 0:1). D and E are
    stored with one column of infinity on each side, so that reading a cell outside a row's band
    needs no mask."""
    lo, hi = band.lo, band.hi
    width = int((hi - lo).max()) + 1
    D = np.full((n + 1, width + 2), np.inf)
    E = np.full((n + 1, width + 2), np.inf)
    b_back = np.full((n + 1, width), -2, dtype=np.int16)  # -1: from E, k >= 0: beads[k]
    d_from_f = np.zeros((n + 1, width), dtype=bool)
    e_extends = np.zeros((n + 1, width), dtype=bool)
    f_extends = np.zeros((n + 1, width), dtype=bool)
    ks = np.array([k for k, _ in beads], dtype=np.int64)
    ls = np.array([l for _, l in beads], dtype=np.int64)
    cells = np.arange(width)
    flat_d, flat_e = D.reshape(-1), E.reshape(-1)  # views: cells are read by flat index
    rows_per_block = max(1, BLOCK_CELLS // max(1, len(beads) * width))
    for start in range(0, n + 1, rows_per_block):
        rows = np.arange(start, min(n + 1, start + rows_per_block))
        js_block = np.minimum(lo[rows][:, None] + cells[None, :], m)
        costs = cost(rows, js_block) if len(beads) else None
        above, before = _predecessors(lo, rows, js_block, ks, ls, width + 2)
        for r, i in enumerate(rows.tolist()):
            w = int(hi[i] - lo[i]) + 1
            js = js_block[r, :w]
            if i == 0:
                best = np.where(js == 0, 0.0, np.inf)
                arg = np.full(w, -2, dtype=np.int16)
            else:
                best, arg = _row(flat_d, flat_e, E, i, above[r, :w], before[r, :, :w],
                                 None if costs is None else costs[:, r, :w], skips, e_extends)
            f_row, f_ext = _target_skip_runs(best, skips)
            D[i, 1:w + 1] = np.minimum(best, f_row)
            d_from_f[i, :w] = f_row < best
            f_extends[i, :w] = f_ext
            b_back[i, :w] = arg
    return _trace(lo, beads, n, m, b_back, d_from_f, e_extends, f_extends)


def _predecessors(lo, rows, js_block, ks, ls, stride):
    """Flat indexes into the padded D (and E) of each cell's predecessors, for a block of rows:
    the cell above (row i - 1, same j: a 1:0 bead), shape (rows, cells), and for each bead (k, l)
    the cell (i - k, j - l), shape (rows, beads, cells). A predecessor outside the band lands on a
    padding column (infinity); one above row 0 on index 0, also padding."""
    last = stride - 1
    up = np.maximum(rows - 1, 0)
    above = up[:, None] * stride + np.minimum(np.maximum(js_block - lo[up][:, None] + 1, 0), last)
    back = rows[:, None] - ks[None, :]
    prev = np.maximum(back, 0)
    cols = js_block[:, None, :] - ls[None, :, None] - lo[prev][:, :, None] + 1
    before = prev[:, :, None] * stride + np.minimum(np.maximum(cols, 0), last)
    before[back < 0] = 0
    return above, before


_FROM_E, _NONE = np.int16(-1), np.int16(-2)


def _row(flat_d, flat_e, E, i, above, before, costs, skips, e_extends):
    """Best cost and back-pointer of each cell of row i not ending in a 0:1 bead."""
    w = len(above)
    opened = flat_d.take(above) + skips.open
    extended = flat_e.take(above) + skips.extend
    e_row = np.minimum(opened, extended)
    e_extends[i, :w] = extended < opened
    E[i, 1:w + 1] = e_row
    arg = np.where(e_row < np.inf, _FROM_E, _NONE)
    if costs is None:
        return e_row, arg
    total = flat_d.take(before) + costs
    pick = total.argmin(axis=0)
    value = total.min(axis=0)
    better = value < e_row
    return np.where(better, value, e_row), np.where(better, pick.astype(np.int16), arg)


def _target_skip_runs(best: np.ndarray, skips: Skips) -> tuple[np.ndarray, np.ndarray]:
    """F[j] = min(best[j-1] + open, F[j-1] + extend) for the whole row in one pass (a run of
    0:1 beads from t to j costs open + (j - t - 1) * extend); also where F extends a run."""
    w = len(best)
    f_row = np.full(w, np.inf)
    extends = np.zeros(w, dtype=bool)
    if w < 2:
        return f_row, extends
    steps = np.arange(w) * skips.extend
    run_start = np.minimum.accumulate(best - steps)  # min over t <= j of best[t] - t * extend
    f_row[1:] = run_start[:-1] + steps[1:] - skips.extend + skips.open
    opened = best[:-1] + skips.open
    extends[1:] = f_row[1:] < opened - 1e-9
    return f_row, extends


def _trace(lo, beads, n, m, b_back, d_from_f, e_extends, f_extends) -> list[tuple[int, int]]:
    i, j, state = n, m, "D"
    out: list[tuple[int, int]] = []
    while i > 0 or j > 0:
        c = j - lo[i]
        if state == "D":
            state = "F" if d_from_f[i, c] else "B"
        elif state == "F":
            out.append((0, 1))
            state = "F" if f_extends[i, c] else "B"
            j -= 1
        elif state == "E":
            out.append((1, 0))
            state = "E" if e_extends[i, c] else "D"
            i -= 1
        else:
            b = b_back[i, c]
            if b == -1:
                state = "E"
            elif b < 0:
                from ..errors import TeikitError

                raise TeikitError(f"alignment failed: the search band lost the path at ({i}, {j})")
            else:
                k, l = beads[b]
                out.append((k, l))
                i, j, state = i - k, j - l, "D"
    out.reverse()
    return out
