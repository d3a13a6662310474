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
        rows = np.arange(n + 1)
        lo = np.clip(_spread_min(lo, width) - width, 0, m)
        hi = np.clip(_spread_max(hi, width) + width, 0, m)
        del rows
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


def solve(n: int, m: int, band: Band, beads: Sequence[tuple[int, int]], cost: CostFn,
          skip_src: float, skip_tgt: float) -> list[tuple[int, int]]:
    """Cheapest monotone path from (0,0) to (n,m); returns the beads (k, l) in order.

    `beads` lists the (k, l) with k, l >= 1; 1:0 and 0:1 beads cost skip_src / skip_tgt.
    Each DP row is computed for all its cells and beads at once (numpy)."""
    lo, hi = band.lo, band.hi
    width = int((hi - lo).max()) + 1
    D = np.full((n + 1, width), np.inf)
    back = np.full((n + 1, width), -1, dtype=np.int16)
    kinds = [(1, 0)] + list(beads)
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(js), np.inf)
        arg = np.full(len(js), -1, dtype=np.int16)
        if i == 0:
            best[js == 0] = 0.0
        else:
            best = _previous(D, lo, hi, i - 1, js) + skip_src
            arg[np.isfinite(best)] = 0
            usable = [b for b, (k, _l) in enumerate(beads) if k <= i]
            if usable:
                _relax(D, lo, hi, i, js, [beads[b] for b in usable], cost, best, arg, usable)
        row, came = _scan_target_skips(best, skip_tgt)
        arg[came] = len(kinds)  # the 0:1 bead
        D[i, : len(js)] = row
        back[i, : len(js)] = arg
    return _trace(back, lo, kinds + [(0, 1)], n, m)


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
    arg[better] = np.array(usable, dtype=np.int16)[pick[better]] + 1


def _previous(D, lo, hi, r: int, cols: np.ndarray) -> np.ndarray:
    out = np.full(len(cols), np.inf)
    ok = (cols >= lo[r]) & (cols <= hi[r])
    out[ok] = D[r, cols[ok] - lo[r]]
    return out


def _scan_target_skips(x: np.ndarray, skip: float) -> tuple[np.ndarray, np.ndarray]:
    """row[j] = min(x[j], row[j-1] + skip) in one vectorised pass; also where a skip won."""
    steps = np.arange(len(x)) * skip
    row = np.minimum.accumulate(x - steps) + steps
    came = row < x - 1e-9
    return row, came


def _trace(back, lo, kinds, n: int, m: int) -> list[tuple[int, int]]:
    i, j = n, m
    out: list[tuple[int, int]] = []
    while i > 0 or j > 0:
        b = back[i, j - lo[i]]
        if b < 0:
            from ..errors import TeikitError

            raise TeikitError(f"alignment failed: the search band lost the path at ({i}, {j})")
        k, l = kinds[b]
        out.append((k, l))
        i, j = i - k, j - l
    out.reverse()
    return out
