"""Alignment benchmark: strict/lax F1 (Vecalign's definitions), time and peak memory.

    python bench/bench_align.py [--data ../shared/align/bible-zh-en] [--repeat 3]

Aligns en.txt (source) with zh.txt (target), scores against gold.en-zh.align, and prints the
median wall time of the repeats (after one warm-up run that also builds the CC-CEDICT cache)
and the peak resident memory of the process.
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


def shape_recall(gold, beads) -> str:
    """Share of the gold beads of each shape (en:zh) found exactly, for the commonest shapes."""
    found = {(b.src, b.tgt) for b in beads}
    counts: dict = {}
    for src, tgt in gold:
        shape = f"{len(src)}:{len(tgt)}"
        hit, total = counts.get(shape, (0, 0))
        counts[shape] = (hit + ((src, tgt) in found), total + 1)
    top = sorted(counts.items(), key=lambda kv: -kv[1][1])[:5]
    return "  ".join(f"{shape} {hit / total:.2f} (n={total})" for shape, (hit, total) in top)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    en = (args.data / "en.txt").read_text(encoding="utf-8").splitlines()
    zh = (args.data / "zh.txt").read_text(encoding="utf-8").splitlines()
    gold = read_beads((args.data / "gold.en-zh.align").read_text(encoding="utf-8"))
    beads = align(en, zh, src_lang="en", tgt_lang="zh")  # warm-up (and cache build)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        beads = align(en, zh, src_lang="en", tgt_lang="zh")
        times.append(time.perf_counter() - start)
    result = score(gold, [(b.src, b.tgt) for b in beads])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"data            {args.data}  ({len(en)} x {len(zh)} sentences, {len(gold)} gold beads)")
    print(f"strict P/R/F1   {result['precision_strict']:.4f} {result['recall_strict']:.4f} {result['f1_strict']:.4f}")
    print(f"lax    P/R/F1   {result['precision_lax']:.4f} {result['recall_lax']:.4f} {result['f1_lax']:.4f}")
    print(f"by gold shape   {shape_recall(gold, beads)}")
    print(f"time (median)   {statistics.median(times):.2f} s over {args.repeat} runs")
    print(f"peak memory     {peak_mb:.0f} MB (whole process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
