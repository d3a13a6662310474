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
    t = _Tables(n, width, skips)
    ks = np.array([k for k, _ in beads], dtype=np.int64)
    ls = np.array([l for _, l in beads], dtype=np.int64)
    cells = np.arange(width)
    widths = (hi - lo + 1).tolist()
    rows_per_block = max(1, BLOCK_CELLS // max(1, len(beads) * width))
    for start in range(0, n + 1, rows_per_block):
        rows = np.arange(start, min(n + 1, start + rows_per_block))
        js_block = np.minimum(lo[rows][:, None] + cells[None, :], m)
        # each row's costs contiguous (rows, beads, cells): adding them to a row is then one fast call
        costs = np.ascontiguousarray(cost(rows, js_block).transpose(1, 0, 2)) if len(beads) else None
        above, before = _predecessors(lo, rows, js_block, ks, ls, width + 2)
        for r, i in enumerate(rows.tolist()):
            w = widths[i]
            if i == 0:
                t.B[0, 0] = 0.0  # lo[0] == 0: the path starts at (0, 0)
            else:
                _row(t, i, w, above[r], before[r], None if costs is None else costs[r])
            _close_row(t, i, w)
    if t.D[n, m - lo[n] + 1] == np.inf:
        from ..errors import TeikitError

        raise TeikitError(f"alignment failed: the search band lost the path at ({n}, {m})")
    return _trace(t, lo, widths, beads, n, m)


class _Tables:
    """The DP's values per cell (row i, column j - lo[i]): D and E (padded, see `solve`), B, and
    B's back-pointers (0: from E, b >= 1: beads[b - 1]). Which of two ways made D, E or F is
    decided again on the traced path only, from the same values."""

    def __init__(self, n: int, width: int, skips: Skips):
        self.skips = skips
        self.D = np.full((n + 1, width + 2), np.inf)
        self.E = np.full((n + 1, width + 2), np.inf)
        self.flat_d, self.flat_e = self.D.reshape(-1), self.E.reshape(-1)  # views: cells read by flat index
        self.B = np.full((n + 1, width), np.inf)
        self.b_back = np.zeros((n + 1, width), dtype=np.int16)
        self.steps = np.arange(width) * skips.extend  # a run of t 0:1 beads: t * extend


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


def _row(t: _Tables, i: int, w: int, above, before, costs) -> None:
    """E and B of row i (its first w cells), and B's back-pointers. The arrays span the block's
    whole width: at a few dozen cells a row, the cost of an array operation is its call, not its
    arithmetic, and full rows of contiguous arrays take the fast calls; only w cells are kept."""
    opened = t.flat_d.take(above)
    opened += t.skips.open
    extended = t.flat_e.take(above)
    extended += t.skips.extend
    if costs is None:
        np.minimum(opened, extended, out=opened)
        t.E[i, 1:w + 1] = t.B[i, :w] = opened[:w]
        return
    # the candidates of B: E first (it wins ties), then each bead (the first of equal ones wins)
    total = np.empty((len(costs) + 1, len(above)))
    np.minimum(opened, extended, out=total[0])
    t.E[i, 1:w + 1] = total[0, :w]
    t.flat_d.take(before, out=total[1:], mode="clip")  # (the indexes are in range: no check)
    total[1:] += costs
    t.b_back[i, :w] = total.argmin(axis=0)[:w]
    t.B[i, :w] = total.min(axis=0)[:w]


def _close_row(t: _Tables, i: int, w: int) -> None:
    """D of row i: min(B, F), F from `_target_skips`."""
    best = t.B[i, :w]
    t.D[i, 1] = best[0]  # F is infinite in the first cell
    if w > 1:
        np.minimum(best[1:], _target_skips(t, best), out=t.D[i, 2:w + 1])


def _target_skips(t: _Tables, best: np.ndarray) -> np.ndarray:
    """F[1:] of a row from its B values: F[j] = min(B[j-1] + open, F[j-1] + extend) for the
    whole row in one pass (a run of 0:1 beads from t to j costs open + (j - t - 1) * extend)."""
    steps = t.steps[:len(best)]
    run_start = best - steps
    np.minimum.accumulate(run_start, out=run_start)  # min over t <= j of B[t] - t * extend
    f_row = run_start[:-1]
    f_row += steps[1:]
    f_row -= t.skips.extend
    f_row += t.skips.open
    return f_row


def _trace(t: _Tables, lo, widths, beads, n, m) -> list[tuple[int, int]]:
    """The beads of the cheapest path, followed back from (n, m) (whose cost is finite). Where
    a state had two ways in, the same comparison of the same values as in the search picks one
    (F is computed again for the rows where the path has 0:1 beads)."""
    skips, last = t.skips, t.D.shape[1] - 1
    i, j, state = n, m, "D"
    f_rows: dict[int, np.ndarray] = {}
    out: list[tuple[int, int]] = []
    while i > 0 or j > 0:
        c = j - lo[i]
        if state == "D":
            state = "F" if t.D[i, c + 1] != t.B[i, c] else "B"  # D = min(B, F) is F only if F < B
        elif state == "F":
            out.append((0, 1))
            if i not in f_rows:
                f_rows[i] = _target_skips(t, t.B[i, :widths[i]])
            extends = f_rows[i][c - 1] < t.B[i, c - 1] + skips.open - 1e-9  # else a run opens here
            state = "F" if extends else "B"
            j -= 1
        elif state == "E":
            out.append((1, 0))
            up = min(max(j - lo[i - 1] + 1, 0), last)
            extends = t.E[i - 1, up] + skips.extend < t.D[i - 1, up] + skips.open
            state = "E" if extends else "D"
            i -= 1
        else:
            b = t.b_back[i, c]
            if b == 0:
                state = "E"
            else:
                k, l = beads[b - 1]
                out.append((k, l))
                i, j, state = i - k, j - l, "D"
    out.reverse()
    return out
