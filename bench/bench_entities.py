"""Benchmark of the entities pass (issue 3). Prints medians; asserts nothing.

    python bench/bench_entities.py               # 7 repeats
    python bench/bench_entities.py --repeat 21
    python bench/bench_entities.py --corpus DIR  # the pass alone on DIR's records (CPU ms/record)
    python bench/bench_entities.py --quality     # recall/precision per type (FRUS dev set, Wilson gold)
    python bench/bench_entities.py --quality --show   # and list what is missed or unmatched
    python bench/bench_entities.py --quality --bare   # the same without the authority's records
    python bench/bench_entities.py --texts       # the pass alone on the annotated texts (CPU ms/record)

Measures: the cold cost a single `teikit encode` pays for entities (import, authority parse,
regex compile), the pass on the sample (warm), a cold `teikit encode` of the sample with and
without the pass (new processes), and, for comparison, loading jieba's default dictionary
(the alternative that the pass does not use).
"""
from __future__ import annotations

import importlib.util

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "wilson-110390.txt"
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src")}


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def in_new_process(code: str, repeat: int) -> float:
    """Median wall time (ms) of `python -c code`, each run a new process."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV, capture_output=True)
        times.append(time.perf_counter() - t)
    return median_ms(times)


def cold_encode(extra: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "teikit", "encode", str(SAMPLE), *extra, "-o", os.devnull],
                       check=True, env=ENV, capture_output=True)
        times.append(time.perf_counter() - t)
    return median_ms(times)


def warm_pass(repeat: int) -> float:
    sys.path.insert(0, str(REPO / "src"))
    from teikit.api import EncodeOptions, encode_file
    from teikit.passes.entities import tag_entities
    from teikit.tei import parse_xml_bytes, serialize

    data = serialize(encode_file(str(SAMPLE), EncodeOptions(entities=False)))
    tag_entities(parse_xml_bytes(data))
    times = []
    for _ in range(repeat):
        tree = parse_xml_bytes(data)
        t = time.perf_counter()
        tag_entities(tree)
        times.append(time.perf_counter() - t)
    return median_ms(times)


def corpus_pass(folder: Path, records: int, repeat: int) -> tuple[float, int]:
    """Median CPU ms per record of the pass alone on the first `records` records of 3-40 KB in
    `folder` (encoded once without it; each run tags fresh copies), and the number of records."""
    sys.path.insert(0, str(REPO / "src"))
    from teikit.api import EncodeOptions, encode_file

    files = [f for f in sorted(folder.glob("*.txt")) if 3000 < f.stat().st_size < 40000][:records]
    trees = [encode_file(str(f), EncodeOptions(entities=False)) for f in files]
    return pass_cpu_ms(trees, repeat), len(trees)


def pass_cpu_ms(trees: list, repeat: int) -> float:
    """Median CPU ms per tree of the entities pass alone, each run on fresh copies (warm: the
    authority and matchers are loaded before timing)."""
    import copy

    from teikit.passes.entities import tag_entities

    tag_entities(copy.deepcopy(trees[0]))
    times = []
    for _ in range(repeat):
        fresh = [copy.deepcopy(tree) for tree in trees]
        t = time.process_time()
        for tree in fresh:
            tag_entities(tree)
        times.append((time.process_time() - t) / len(fresh))
    return median_ms(times)


def texts_pass(repeat: int) -> tuple[float, int]:
    """Median CPU ms per record of the pass alone on the annotated texts (the 32 FRUS documents
    and the Wilson records of --quality, each a minimal TEI document), and their number."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(1, str(REPO / "src"))
    from entity_quality import frus_docs, tei_document, wilson_docs

    trees = [tei_document(d.text, d.date) for d in frus_docs() + wilson_docs()]
    return pass_cpu_ms(trees, repeat), len(trees)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="a folder of records (.txt): time the pass alone on them")
    ap.add_argument("--records", type=int, default=200, help="with --corpus: how many records")
    ap.add_argument("--quality", action="store_true", help="recall and precision on annotated text")
    ap.add_argument("--texts", action="store_true", help="time the pass alone on the annotated texts")
    ap.add_argument("--show", action="store_true", help="with --quality: list misses and unmatched tags")
    ap.add_argument("--bare", action="store_true", help="with --quality: without the shipped authority's records")
    args = ap.parse_args()
    n = args.repeat
    if args.quality:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from entity_quality import report

        report(args.show, args.bare)
        return
    if args.texts:
        ms, count = texts_pass(n)
        print(f"entities pass, median of {n} runs: {ms:.2f} ms CPU per record ({count} annotated texts, 2-10 KB)")
        return
    if args.corpus:
        ms, count = corpus_pass(args.corpus, args.records, n)
        print(f"entities pass, median of {n} runs: {ms:.2f} ms CPU per record ({count} records of 3-40 KB)")
        return
    rows = [
        ("python start (baseline)", in_new_process("pass", n)),
        ("import pass + load authority + compile en/zh matchers (cold)", in_new_process(
            "import teikit.passes.entities; from teikit.entities.authority import load_authority;"
            "from teikit.entities.matchers import matcher_for;"
            "a = load_authority(); matcher_for(a, 'en'); matcher_for(a, 'zh-Hans')", n)),
        ("entities pass on the sample (warm)", warm_pass(n)),
        ("teikit encode sample, cold, with entities", cold_encode([], n)),
        ("teikit encode sample, cold, --no-entities", cold_encode(["--no-entities"], n)),
    ]
    if importlib.util.find_spec("jieba"):  # not a dependency: `pip install jieba` to compare
        rows.append(("jieba default dictionary load (not used; for comparison)", in_new_process(
            "import jieba; jieba.setLogLevel(60); jieba.initialize()", n)))
    else:
        print("jieba is not installed: its dictionary load is not measured (pip install jieba)")
    width = max(len(name) for name, _ in rows)
    print(f"median of {n} runs")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f} ms")


if __name__ == "__main__":
    main()
