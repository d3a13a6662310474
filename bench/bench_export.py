"""Export benchmark (issue 5). Prints medians; asserts nothing.

    python bench/bench_export.py                 # 200 warm repeats, 11 cold runs
    python bench/bench_export.py --repeat 1000 --cold 21

Measures, on the sample record encoded once (corpus/wilson-110390.txt; the encoding is not
timed):
  * warm: each format exported in this process after one warm-up (stylesheets compiled,
    citeproc styles loaded), median per document; HTML also on 100 copies in a row;
  * cold: `python -m teikit export SAMPLE.tei.xml --to html -o OUT` as a new process, median
    wall time including Python start-up (and, for comparison, `--to chicago`, which loads
    citeproc-py, and `python -c pass`, the interpreter alone).
Targets: HTML warm <= 4 ms per document; cold HTML <= 0.3 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from teikit.api import encode_file  # noqa: E402
from teikit.tei import serialize  # noqa: E402
from teikit.writers import FORMATS, export  # noqa: E402


def median_ms(func, repeat: int) -> float:
    func()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cold_seconds(args: list[str], runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--cold", type=int, default=11)
    args = ap.parse_args(argv)
    doc = encode_file(str(REPO / "corpus" / "wilson-110390.txt"))
    size = len(serialize(doc))
    print(f"sample          corpus/wilson-110390.txt encoded: {size / 1024:.1f} KB of TEI, "
          f"{len(doc.xpath('//*'))} elements")
    print("warm, median per document (this process, stylesheets compiled once):")
    for fmt in FORMATS:
        repeat = args.repeat if fmt not in ("chicago", "mla", "apa") else max(10, args.repeat // 10)
        print(f"  {fmt:<10} {median_ms(lambda: export(doc, fmt), repeat):7.2f} ms")
    batch = [doc] * 100
    start = time.perf_counter()
    for one in batch:
        export(one, "html")
    print(f"  html x100  {(time.perf_counter() - start) * 10:7.2f} ms per document (100 in a row)")
    with tempfile.TemporaryDirectory() as tmp:
        tei_path = Path(tmp) / "wilson-110390.tei.xml"
        tei_path.write_bytes(serialize(doc))
        out = str(Path(tmp) / "out")
        print(f"cold, median of {args.cold} new processes (wall time, including Python start-up):")
        print(f"  python -c pass                     {cold_seconds(['-c', 'pass'], args.cold):.3f} s")
        for fmt in ("html", "text", "chicago"):
            seconds = cold_seconds(["-m", "teikit", "export", str(tei_path), "--to", fmt, "-o", out], args.cold)
            print(f"  teikit export --to {fmt:<8}        {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
