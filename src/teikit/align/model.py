"""The scoring model and the two-pass banded search (a wide first band, then a narrow one)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from . import AlignHints, AlignOptions, Bead, cedict
from .band import BandMatrix, match_band, postings, window_cells
from .costs import Cells, SentenceSums, bead_costs
from .dp import Band, Skips, solve
from .lexical import Draft, Evidence, draft, is_traditional, with_induced

# What bounds time and memory (AlignOptions holds what the scores and the search are tuned by).
# Texts longer than this (sentences on either side) are aligned in windows of WINDOW sentences
# with OVERLAP more for context, keeping each window's beads up to WINDOW source sentences: time
# and memory then grow linearly (a whole-text band is 3 % of the text wide). Shorter texts, the
# records and the Bible evaluation set (5,000 x 6,301), are aligned whole, as before.
BLOCKS_ABOVE = 8000
WINDOW = 2000
OVERLAP = 400
# A whole-text first pass over more than WINDOW + OVERLAP sentences may widen its band only up to
# this half width; a path that strays further (a text with a long passage missing on one side)
# is aligned in windows instead, so time and memory stay linear (a band as wide as a share of
# the text costs its square). The Bible set's band (189) never widens.
WIDEST = OVERLAP


class _TooWide(Exception):
    """The first pass would need a band wider than WIDEST."""


def align_en_zh(en: Sequence[str], zh: Sequence[str], options: AlignOptions,
                hints: AlignHints) -> list[Bead]:
    """Align English (source) with Chinese (target) sentences."""
    longest = max(len(en), len(zh))
    if longest > BLOCKS_ABOVE:
        return align_in_windows(en, zh, options, hints)
    if not en or not zh:
        return _align_whole(en, zh, options, hints)
    whole = _draft(en, zh, hints)
    try:
        return _align_whole(en, zh, options, hints, whole, widest=WIDEST if longest > WINDOW + OVERLAP else None)
    except _TooWide:
        return align_in_windows(en, zh, options, hints, whole)


def align_in_windows(en, zh, options: AlignOptions, hints: AlignHints, whole: Draft | None = None,
                     window: int = WINDOW, overlap: int = OVERLAP) -> list[Bead]:
    """Align window by window along the path: each window starts where the beads kept from the
    previous one end, and its Chinese extent follows the remaining length ratio. `whole`, the
    draft of the whole text if it was made, gives each window's draft by slicing."""
    n, m = len(en), len(zh)
    table = cedict.load() if whole is not None else None

    def part(i, i_end, j, j_end):
        window_hints = _slice(hints, i, i_end, j, j_end)
        evidence = None
        if whole is not None and is_traditional(zh[j:j_end], table.to_simplified) == whole.traditional:
            evidence = whole.window(i, i_end, j, j_end)
        return _align_whole(en[i:i_end], zh[j:j_end], options, window_hints, evidence)

    beads: list[Bead] = []
    i = j = 0
    while i < n or j < m:
        if i == n:
            beads += [Bead((), (t,)) for t in range(j, m)]
            break
        if n - i <= window + overlap and m - j <= window + overlap:
            found = part(i, n, j, m)
            beads += [_shift(b, i, j) for b in found]
            break
        i_end = min(n, i + window + overlap)
        share = (m - j) / max(n - i, 1)
        j_end = min(m, j + max(1, round((i_end - i) * share)))
        found = part(i, i_end, j, j_end)
        kept = _prefix_beads(found, window) or found[:1]
        beads += [_shift(b, i, j) for b in kept]
        i += 1 + max((s for b in kept for s in b.src), default=-1)
        j += 1 + max((t for b in kept for t in b.tgt), default=-1)
    return beads


def _prefix_beads(beads: list[Bead], window: int) -> list[Bead]:
    """The beads before the first that reaches source sentence `window`."""
    kept = []
    for bead in beads:
        if bead.src and max(bead.src) >= window:
            break
        kept.append(bead)
    while kept and not kept[-1].src:  # a trailing 0:1 bead may belong to the next window
        kept.pop()
    return kept


def _shift(bead: Bead, i: int, j: int) -> Bead:
    return Bead(tuple(s + i for s in bead.src), tuple(t + j for t in bead.tgt))


def _slice(h: AlignHints, i: int, i_end: int, j: int, j_end: int) -> AlignHints:
    cut = lambda seq, a, b: None if seq is None else seq[a:b]  # noqa: E731
    return AlignHints(cut(h.src_tokens, i, i_end), cut(h.tgt_tokens, j, j_end),
                      cut(h.src_blocks, i, i_end), cut(h.tgt_blocks, j, j_end), h.names)


def _draft(en, zh, hints: AlignHints) -> Draft:
    return draft(en, zh, en_extra=hints.src_tokens, zh_extra=hints.tgt_tokens, names=hints.names)


def _align_whole(en: Sequence[str], zh: Sequence[str], options: AlignOptions,
                 hints: AlignHints, evidence: Draft | None = None, widest: int | None = None) -> list[Bead]:
    """Align English (source) with Chinese (target) sentences in one search (`evidence`: their
    draft, if made already); with `widest`, raise _TooWide rather than widen the first band
    beyond it."""
    n, m = len(en), len(zh)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    evidence = evidence or _draft(en, zh, hints)
    model = Model(en, zh, evidence.finish(), options, hints)
    kinds = model.refine(model.first_pass(widest))
    if options.induce:
        kinds = _realign_with_induced(en, zh, evidence, kinds, options, hints)
    return _to_beads(kinds)


def _realign_with_induced(en, zh, evidence, kinds, options, hints):
    """Learn word pairs from the beads found, then search again near them (long texts)."""
    from .induce import induce

    found = induce(evidence.en_toks, zh, [(b.src, b.tgt) for b in _to_beads(kinds)],
                   min_count=options.induce_min_count, min_dice=options.induce_min_dice,
                   max_side=options.induce_max_side)
    if not found:
        return kinds
    return Model(en, zh, with_induced(evidence, zh, found).finish(), options, hints).refine(kinds)


def all_beads(options: AlignOptions, limit: int | None = None) -> list[tuple[int, int]]:
    top = limit or options.max_sentences
    return [(k, l) for k in range(1, top + 1) for l in range(1, top + 1)
            if k * l <= options.max_sentences and min(k, l) <= 2 and max(k, l) <= top]


class Model:
    """One pair of texts, ready to search: the sentences' running totals (`costs.SentenceSums`)
    and their token postings; `search` finds the cheapest beads inside a band."""

    def __init__(self, en, zh, evidence: Evidence, options: AlignOptions, hints: AlignHints):
        self.n, self.m = len(en), len(zh)
        self.options = options
        self.sums = SentenceSums.of(en, zh, evidence, hints)
        self.postings = postings(evidence)
        self.shared: BandMatrix | None = None
        self.covered: BandMatrix | None = None

    def first_pass(self, widest: int | None = None) -> list[tuple[int, int]]:
        """Search a diagonal band, widening it until the path keeps clear of its edges
        (raising _TooWide before widening beyond `widest`)."""
        o = self.options
        width = o.band_width or max(o.band_min, int(o.band_share * max(self.n, self.m)))
        beads = all_beads(o, o.first_pass_max)
        while True:
            band = Band.diagonal(self.n, self.m, width)
            path = self.search(band, beads)
            if width >= max(self.n, self.m) or not _touches_edge(_cells(path), band, self.m):
                return path
            width *= 2
            if widest is not None and width > widest:
                raise _TooWide

    def refine(self, kinds: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Search a narrow band around a path with every bead shape."""
        band = Band.around(_cells(kinds), self.n, self.m, self.options.refine_width)
        return self.search(band, all_beads(self.options))

    def search(self, band: Band, beads) -> list[tuple[int, int]]:
        """The cheapest beads inside `band`."""
        self.shared = self.covered = None  # (the last search's, freed before the new ones are made)
        self.shared, self.covered = match_band(self.postings, *self._sentence_band(band, beads))
        skips = Skips(self.options.skip_cost, self.options.skip_extend)
        return solve(self.n, self.m, band, beads, lambda rows, js: self.block_costs(rows, js, beads), skips)

    def _sentence_band(self, band: Band, beads):
        """Columns each English sentence row needs for the beads that may contain it."""
        kmax = max(k for k, _ in beads)
        lmax = max(l for _, l in beads)
        rows = np.arange(self.n)
        lo = np.clip(band.lo[rows] - lmax, 0, self.m)
        hi = band.hi[np.minimum(rows + kmax, self.n)]
        return lo, np.maximum(hi, lo)

    def block_costs(self, rows: np.ndarray, js: np.ndarray, beads) -> np.ndarray:
        """Costs of the beads (k, l) ending at (rows[r], js[r, c]), as an array
        (len(beads), len(rows), cells). Beads with k > row get finite values the search ignores."""
        shared, covered = self._overlaps(rows, beads, js)
        return bead_costs(self.sums, self.options, Cells.of(rows, beads, js), shared, covered)

    def _overlaps(self, rows, beads, js):
        """Match weights of English rows i-k..i-1 with Chinese [j - l, j) for each bead (k, l):
        arrays (beads, rows, cells). Per Chinese window, English rows are summed in order of k
        (row i-1 first), only as far as some bead needs; each sum is written in its bead's slot."""
        shape = (len(beads), len(rows), js.shape[1])
        shared, covered = np.empty(shape), np.empty(shape)
        slot = {bead: b for b, bead in enumerate(beads)}
        deepest = {}  # l -> the largest k of a bead (k, l)
        for k, l in beads:
            deepest[l] = max(k, deepest.get(l, 0))
        ls, kmax = sorted(deepest), max(deepest.values())
        table_rows = range(max(int(rows[0]) - kmax, 0), int(rows[-1]) + 1)
        cols = self.shared.prefix.shape[1] + ls[-1]  # past the band by the longest window: 0
        tables = list(zip(ls, self.shared.windows(ls, table_rows, cols),
                          self.covered.windows(ls, table_rows, cols)))
        run: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for k in range(1, kmax + 1):
            cells = window_cells(self.shared.offset, np.maximum(rows - k, 0), js, table_rows, cols)
            for l, shared_l, covered_l in tables:
                if deepest[l] < k:
                    continue
                b = slot.get((k, l))
                if b is None:  # a sum that only deeper beads need
                    s, c = np.empty(shape[1:]), np.empty(shape[1:])
                else:
                    s, c = shared[b], covered[b]
                shared_l.take(cells, out=s)
                covered_l.take(cells, out=c)
                if k > 1:  # the rows above, summed before (IEEE addition commutes: same bits)
                    s += run[l][0]
                    c += run[l][1]
                run[l] = (s, c)
        return shared, covered


def _cells(beads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    i = j = 0
    cells = [(0, 0)]
    for k, l in beads:
        i, j = i + k, j + l
        cells.append((i, j))
    return cells


def _touches_edge(cells, band: Band, m: int) -> bool:
    for i, j in cells:
        if (j == band.lo[i] and j > 0) or (j == band.hi[i] and j < m):
            return True
    return False


def _to_beads(kinds: list[tuple[int, int]]) -> list[Bead]:
    out, i, j = [], 0, 0
    for k, l in kinds:
        out.append(Bead(tuple(range(i, i + k)), tuple(range(j, j + l))))
        i, j = i + k, j + l
    return out
