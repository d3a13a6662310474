"""Strict and lax precision, recall and F1 of beads, as defined by Vecalign's score.py
(after Sennrich & Volk 2011): precision over all predicted beads, recall over the beads that are
not insertions or deletions; a lax hit shares a source sentence and one of its gold targets."""
from __future__ import annotations

import ast
from collections import defaultdict
from typing import Iterable, Sequence

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def read_beads(text: str) -> list[Pair]:
    """Parse '[0,1]:[2]' lines."""
    out = []
    for line in text.splitlines():
        if line.strip():
            left, right = line.split(":")
            out.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return out


def _hits(reference: Iterable[Pair], predicted: Iterable[Pair]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `predicted` against `reference`."""
    ref = {p for p in reference if p[0] or p[1]}
    pred = {p for p in predicted if p[0] or p[1]}
    targets_of = defaultdict(set)
    for src, tgt in ref:
        for s in src:
            targets_of[s].update(tgt)
    strict = lax = 0
    for src, tgt in pred:
        if (src, tgt) in ref:
            strict += 1
            lax += 1
        elif any(t in targets_of[s] for s in src for t in tgt):
            lax += 1
    return strict, len(pred) - strict, lax, len(pred) - lax


def score(gold: Sequence[Pair], test: Sequence[Pair]) -> dict[str, float]:
    """precision/recall/F1, strict and lax."""
    p = _hits(gold, test)
    r = _hits([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])
    out = {}
    for kind, (hit, miss) in (("strict", (0, 1)), ("lax", (2, 3))):
        prec = p[hit] / (p[hit] + p[miss]) if p[hit] + p[miss] else 0.0
        rec = r[hit] / (r[hit] + r[miss]) if r[hit] + r[miss] else 0.0
        out[f"precision_{kind}"] = prec
        out[f"recall_{kind}"] = rec
        out[f"f1_{kind}"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out
