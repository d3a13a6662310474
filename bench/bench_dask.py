"""Benchmark of `teikit batch --scheduler local:2` against `--jobs 2` (issue 18). Prints figures; asserts nothing.

    python bench/bench_dask.py                          # 1,000 synthetic records, 3 runs of each arm
    python bench/bench_dask.py --records 300 --repeat 1 --overhead-records 2000

The two arms run interleaved (plain, dask, plain, dask, ...) as `teikit batch` commands on the
same synthetic corpus (bench/synth.py; encode + validate + export html,text), so a machine
shared with other work slows both alike; the figures are medians and the ratio of medians.
Both arms include their start-up (forking and warming workers; starting a LocalCluster of 2
worker processes), measured apart for the Dask arm. Also printed: the scheduler's overhead per
record (a record task that does nothing, through the same submission loop) and the most tasks
the scheduler held at once, which stays at the in-flight bound whatever the corpus size; peak
memory of each worker (from report.json) and of the largest process; and the CPU time each arm
spends per record over all its processes, which other work on the machine does not inflate.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEI_ALL = Path(os.environ.get("TEIKIT_TEI_ALL", REPO.parent / "shared" / "schema" / "tei_all.rng"))
sys.path.insert(0, str(Path(__file__).parent))

from synth import make_corpus  # noqa: E402


def batch_run(src: Path, out: Path, extra: list[str]) -> dict:
    """One `teikit batch` command: wall time, counts, worker memory, the command's peak RSS."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--to", "html,text", *extra]
    if TEI_ALL.exists():
        cmd += ["--tei-all", str(TEI_ALL)]
    script = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL); "
              "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(u.ru_maxrss, u.ru_utime + u.ru_stime)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script, *cmd], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    report = json.loads((out / "report.json").read_text())
    peaks: dict[int, int] = {}
    for record in report["records"]:
        peaks[record["worker"]] = max(peaks.get(record["worker"], 0), record["worker_peak_rss_kb"])
    counts = report["counts"]
    rss_kb, cpu = proc.stdout.split()
    return {"seconds": elapsed, "cpu_ms": float(cpu) / counts["total"] * 1000, "rate": counts["total"] / elapsed, "records": counts["total"],
            "failed": counts["failed"], "peak_worker_mb": max(peaks.values(), default=0) / 1024,
            "largest_process_mb": int(rss_kb) / 1024}


def nothing(job, started):
    """A record task that does no work: what is left is the scheduler's and the client's share."""
    from teikit.batch import Outcome

    return Outcome(source=job.source, status="skipped")


def overhead(records: int, workers: int) -> dict:
    """Cluster start-up, per-record overhead of the submission loop, and the most tasks the
    scheduler held at once, on `records` empty files."""
    import distributed

    from teikit import batch_dask
    from teikit.batch import BatchOptions

    with tempfile.TemporaryDirectory(prefix="teikit-bench-dask-") as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        for i in range(records):
            (src / f"r{i:07d}.txt").touch()
        t = time.perf_counter()
        with batch_dask._local_cluster(workers) as cluster, distributed.Client(cluster) as client:
            client.run(lambda: __import__("teikit.batch"))
            startup = time.perf_counter() - t
            held = []

            def sample(outcome, count=[0]):
                count[0] += 1
                if count[0] % 250 == 0:
                    held.append(client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)))

            rss_before = _rss_mb()
            cpu = time.process_time(), sum(client.run(time.process_time).values())
            t = time.perf_counter()
            batch_dask.run_batch_dask(src, Path(tmp, "out"), BatchOptions(validate=False), client=client,
                                      task=nothing, on_done=sample)
            elapsed = time.perf_counter() - t
            client_cpu = time.process_time() - cpu[0]  # the client and, in this process, the scheduler
            worker_cpu = sum(client.run(time.process_time).values()) - cpu[1]
            return {"startup_s": startup, "per_record_ms": elapsed / records * 1000, "most_tasks_held": max(held, default=0),
                    "client_rss_growth_mb": _rss_mb() - rss_before, "client_cpu_ms": client_cpu / records * 1000,
                    "worker_cpu_ms": worker_cpu / records * 1000}


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each arm, interleaved (0: the overhead alone)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--overhead-records", type=int, default=5000)
    args = parser.parse_args()
    arms = {"--jobs": ["--jobs", str(args.workers)], "dask": ["--scheduler", f"local:{args.workers}"]}
    with tempfile.TemporaryDirectory(prefix="teikit-bench-dask-") as tmp:
        src = Path(tmp, "src")
        make_corpus(src, args.records)
        size = sum(p.stat().st_size for p in src.iterdir()) / 2**20
        print(f"corpus: {args.records} synthetic records, {size:.1f} MB; {args.workers} processes; "
              f"validate {'tei_all + teikit' if TEI_ALL.exists() else 'teikit profile only'}; export html,text")
        runs: dict[str, list[dict]] = {name: [] for name in arms}
        for i in range(args.repeat):
            for name, extra in arms.items():
                run = batch_run(src, Path(tmp, "out"), extra)
                runs[name].append(run)
                print(f"  run {i + 1} {name:7s} {run['seconds']:7.1f} s  {run['rate']:6.1f} rec/s  "
                      f"CPU {run['cpu_ms']:5.1f} ms/record  "
                      f"failed {run['failed']}  peak worker {run['peak_worker_mb']:.0f} MB", flush=True)
    if args.repeat < 1:
        return print_overhead(args)
    rates = {name: statistics.median(r["rate"] for r in rs) for name, rs in runs.items()}
    for name, rs in runs.items():
        print(f"{name:7s} median {rates[name]:6.1f} rec/s  peak worker {max(r['peak_worker_mb'] for r in rs):.0f} MB  "
              f"largest process {max(r['largest_process_mb'] for r in rs):.0f} MB")
    ratio = rates["dask"] / rates["--jobs"]
    print(f"dask / --jobs throughput: {ratio:.3f} (loss {100 * (1 - ratio):.1f} %, target <= 15 %)")
    cpu = {name: statistics.median(r["cpu_ms"] for r in rs) for name, rs in runs.items()}
    print(f"CPU per record, all processes of the command: --jobs {cpu['--jobs']:.1f} ms, dask {cpu['dask']:.1f} ms "
          f"(--jobs / dask {cpu['--jobs'] / cpu['dask']:.3f}: the throughput ratio on cores not shared with others)")
    print_overhead(args)


def print_overhead(args) -> None:
    o = overhead(args.overhead_records, args.workers)
    print(f"LocalCluster({args.workers}) start-up: {o['startup_s']:.1f} s")
    print(f"scheduler overhead per record ({args.overhead_records} tasks that do nothing): {o['per_record_ms']:.2f} ms "
          f"wall; CPU {o['client_cpu_ms']:.2f} ms in the client and scheduler + {o['worker_cpu_ms']:.2f} ms in the workers")
    print(f"most tasks held by the scheduler at once: {o['most_tasks_held']}; "
          f"client memory growth over those records: {o['client_rss_growth_mb']:.1f} MB")


if __name__ == "__main__":
    main()
