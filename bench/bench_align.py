"""Alignment benchmark: strict/lax F1 (Vecalign's definitions), time and peak memory.

    python bench/bench_align.py                       # the Bible set in ../shared/align/bible-zh-en
    python bench/bench_align.py --repeat 5
    python bench/bench_align.py --src 001.zh --tgt 001.en --gold 001.align --repeat 1

The default aligns en.txt (source) with zh.txt (target) and scores against gold.en-zh.align.
`--src/--tgt/--gold` score any other pair of sentence files (one sentence a line) against a gold
file in the `[i,j]:[k]` format (e.g. Bertalign's MAC-Dev/MAC-Test, where Chinese is the source);
give several triples by repeating the options to score them together (micro-averaged).
Prints strict and lax P/R/F1, recall by gold bead shape, the median wall time of the repeats
(after one warm-up run that also builds the CC-CEDICT cache) and the process's peak memory.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

from teikit.align import align
from teikit.align.evaluate import read_beads, score

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "align" / "bible-zh-en"


def shape_recall(gold, found) -> str:
    """Share of the gold beads of each shape (source:target) found exactly, commonest shapes."""
    found = set(found)
    counts: dict = {}
    for src, tgt in gold:
        shape = f"{len(src)}:{len(tgt)}"
        hit, total = counts.get(shape, (0, 0))
        counts[shape] = (hit + ((src, tgt) in found), total + 1)
    top = sorted(counts.items(), key=lambda kv: -kv[1][1])[:5]
    return "  ".join(f"{shape} {hit / total:.2f} (n={total})" for shape, (hit, total) in top)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def triples(args) -> list[tuple[Path, Path, Path]]:
    if args.src or args.tgt or args.gold:
        if not (len(args.src) == len(args.tgt) == len(args.gold)):
            sys.exit("bench_align: give as many --src as --tgt and --gold")
        return list(zip(args.src, args.tgt, args.gold))
    return [(args.data / "en.txt", args.data / "zh.txt", args.data / "gold.en-zh.align")]


def offset(beads, shift: int):
    """Beads with every index moved by `shift`, so that several texts score as one."""
    return [(tuple(i + shift for i in s), tuple(j + shift for j in t)) for s, t in beads]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--src", type=Path, action="append", default=[])
    ap.add_argument("--tgt", type=Path, action="append", default=[])
    ap.add_argument("--gold", type=Path, action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    texts = [(lines(s), lines(t), read_beads(g.read_text(encoding="utf-8"))) for s, t, g in triples(args)]
    align(texts[0][0], texts[0][1])  # warm-up (and cache build)
    times, predicted = [], []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        predicted = [[(b.src, b.tgt) for b in align(src, tgt)] for src, tgt, _ in texts]
        times.append(time.perf_counter() - start)
    shift = 1 + max(max(len(s), len(t)) for s, t, _ in texts)
    gold = [b for k, (_, _, g) in enumerate(texts) for b in offset(g, k * shift)]
    test = [b for k, p in enumerate(predicted) for b in offset(p, k * shift)]
    result = score(gold, test)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes = ", ".join(f"{len(s)} x {len(t)}" for s, t, _ in texts)
    print(f"data            {len(texts)} text(s): {sizes} sentences, {len(gold)} gold beads")
    for kind in ("strict", "lax"):
        figures = " ".join(f"{result[f'{m}_{kind}']:.4f}" for m in ("precision", "recall", "f1"))
        print(f"{kind:<6} P/R/F1   {figures}")
    print(f"by gold shape   {shape_recall(gold, test)}")
    print(f"time (median)   {statistics.median(times):.2f} s over {len(times)} runs")
    print(f"peak memory     {peak_mb:.0f} MB (whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
