"""A banded dynamic program over beads (k English sentences : l Chinese sentences)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

# row_costs(i, js, beads) -> array (len(beads), len(js)): cost of bead b = (k, l) ending at (i, j)
CostFn = Callable[[int, np.ndarray, Sequence[tuple[int, int]]], np.ndarray]


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


def solve(n: int, m: int, band: Band, beads: Sequence[tuple[int, int]], cost: CostFn,
          skips: Skips) -> list[tuple[int, int]]:
    """Cheapest monotone path from (0,0) to (n,m); returns the beads (k, l) in order.

    `beads` lists the (k, l) with k, l >= 1; 1:0 and 0:1 beads cost `skips`. Each DP row is
    computed for all its cells and beads at once (numpy). States per cell: D (best), B (best
    not ending in 0:1), E (ending in 1:0), F (ending in 0:1)."""
    lo, hi = band.lo, band.hi
    width = int((hi - lo).max()) + 1
    D = np.full((n + 1, width), np.inf)
    E = np.full((n + 1, width), np.inf)
    b_back = np.full((n + 1, width), -2, dtype=np.int16)  # -1: from E, k >= 0: beads[k]
    d_from_f = np.zeros((n + 1, width), dtype=bool)
    e_extends = np.zeros((n + 1, width), dtype=bool)
    f_extends = np.zeros((n + 1, width), dtype=bool)
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        w = len(js)
        best = np.full(w, np.inf)
        arg = np.full(w, -2, dtype=np.int16)
        if i == 0:
            best[js == 0] = 0.0
        else:
            opened = _previous(D, lo, hi, i - 1, js) + skips.open
            extended = _previous(E, lo, hi, i - 1, js) + skips.extend
            e_row = np.minimum(opened, extended)
            e_extends[i, :w] = extended < opened
            E[i, :w] = e_row
            best = e_row.copy()
            arg[np.isfinite(best)] = -1
            usable = [b for b, (k, _l) in enumerate(beads) if k <= i]
            if usable:
                _relax(D, lo, hi, i, js, [beads[b] for b in usable], cost, best, arg, usable)
        f_row, f_ext = _target_skip_runs(best, skips)
        D[i, :w] = np.minimum(best, f_row)
        d_from_f[i, :w] = f_row < best
        f_extends[i, :w] = f_ext
        b_back[i, :w] = arg
    return _trace(lo, beads, n, m, b_back, d_from_f, e_extends, f_extends)


def _relax(D, lo, hi, i, js, row_beads, cost, best, arg, usable) -> None:
    """Improve best/arg of row i with the beads ending there (all beads in one array op)."""
    ks = np.array([k for k, _ in row_beads])
    ls = np.array([l for _, l in row_beads])
    rows = i - ks
    cols = js[None, :] - ls[:, None]
    first, last = lo[rows][:, None], hi[rows][:, None]
    ok = (cols >= first) & (cols <= last)
    prev = np.where(ok, D[rows[:, None], np.where(ok, cols - first, 0)], np.inf)
    total = prev + cost(i, js, row_beads)
    pick = np.argmin(total, axis=0)
    value = total[pick, np.arange(len(js))]
    better = value < best
    best[better] = value[better]
    arg[better] = np.array(usable, dtype=np.int16)[pick[better]]


def _previous(D, lo, hi, r: int, cols: np.ndarray) -> np.ndarray:
    out = np.full(len(cols), np.inf)
    ok = (cols >= lo[r]) & (cols <= hi[r])
    out[ok] = D[r, cols[ok] - lo[r]]
    return out


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
