"""teikit site on the synthetic corpus: build time against `teikit batch --to html` on the same
records, memory at two corpus sizes, an incremental rebuild, and the weight of record pages.

    python bench/bench_site.py [--records 250,1000] [--jobs 2] [--repeat 1] [--arms batch,bare,site,search,rebuild]
    python bench/bench_site.py --pages DIR          # Pagefind alone over a folder of HTML pages

For each size N (a fresh synthetic corpus, bench/synth.py): `teikit batch SRC -o OUT --to html
--no-validate` and `teikit site SRC -o SITE` (with and without the Pagefind index), each in its
own process, timed (median of --repeat runs) with the peak resident memory of the main process
and of its largest worker; then one record changed and the site rebuilt. Page weight: HTML of
each record page plus the site's CSS (record pages load no other file; the reader's CSS and JS
are inline), before search. Prints figures, asserts nothing.
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
sys.path.insert(0, str(REPO / "bench"))
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src")}

RUNNER = """
import json, resource, sys, time
from teikit.cli import main
started = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
else:
    code = 0
self, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - started, "code": code,
                  "cpu": self.ru_utime + self.ru_stime + kids.ru_utime + kids.ru_stime,
                  "main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)
"""


def run(args: list[str]) -> dict:
    """One teikit command in a fresh process; its time and peak memory (last stderr line)."""
    done = subprocess.run([sys.executable, "-c", RUNNER, *args], env=ENV, capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def timed(make_args, repeat: int, reset) -> dict:
    runs = []
    for _ in range(repeat):
        reset()
        runs.append(run(make_args()))
    return {"seconds": statistics.median(r["seconds"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "main_kb": max(r["main_kb"] for r in runs),
            "worker_kb": max(r["worker_kb"] for r in runs), "code": runs[-1]["code"]}


INDEXER = """
import json, resource, sys, time
from pathlib import Path
import teikit.site.search as search
search.PART_BYTES = int(sys.argv[2]) or search.PART_BYTES
started = time.perf_counter()
message = search.build_index(Path(sys.argv[1]), None)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - started, "message": message, "cpu": kids.ru_utime + kids.ru_stime,
                  "pagefind_kb": kids.ru_maxrss}), file=sys.stderr)
"""


def bench_index(site: Path) -> None:
    """Pagefind alone over the site's record pages: one index for all, then in parts."""
    html = sum(p.stat().st_size for p in (site / "records").glob("*.html")) / 1e6
    print(f"  Pagefind over {html:.0f} MB of record pages:", flush=True)
    for label, part_bytes in (("one index (as before parts)", 10**15), ("in parts (PART_BYTES)", 0)):
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        done = subprocess.run([sys.executable, "-c", INDEXER, str(site), str(part_bytes)], env=ENV,
                              capture_output=True, text=True)
        r = json.loads(done.stderr.strip().splitlines()[-1])
        size = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1e6
        print(f"    {label:35s} {r['seconds']:8.1f} s ({r['cpu']:6.0f} CPU s)   largest Pagefind run"
              f" {r['pagefind_kb'] / 1024:5.0f} MB   index {size:5.1f} MB   {r['message']}", flush=True)
    touched = sorted((site / "records").glob("*.html"))[0]
    touched.write_bytes(touched.read_bytes())  # one page rewritten: its part only is indexed again
    done = subprocess.run([sys.executable, "-c", INDEXER, str(site), "0"], env=ENV, capture_output=True, text=True)
    r = json.loads(done.stderr.strip().splitlines()[-1])
    print(f"    {'one page changed, parts':35s} {r['seconds']:8.1f} s ({r['cpu']:6.0f} CPU s)   largest Pagefind run"
          f" {r['pagefind_kb'] / 1024:5.0f} MB   {r['message']}", flush=True)


def page_weights(site: Path) -> list[int]:
    css = (site / "assets" / "site.css").stat().st_size
    return sorted(p.stat().st_size + css for p in (site / "records").glob("*.html"))


def bench_size(n: int, jobs: int, repeat: int, work: Path, arms: set[str]) -> None:
    from synth import make_corpus

    src, out, site = work / f"src{n}", work / f"batch{n}", work / f"site{n}"
    make_corpus(src, n)
    size_mb = sum(p.stat().st_size for p in src.iterdir()) / 1e6
    rm = lambda *paths: (lambda: [shutil.rmtree(p, ignore_errors=True) for p in paths])  # noqa: E731
    print(f"\n{n} records ({size_mb:.1f} MB of input), {jobs} worker processes, median of {repeat}:", flush=True)
    batch = None
    if "batch" in arms:
        batch = timed(lambda: ["batch", str(src), "-o", str(out), "--to", "html", "--no-validate", "-j", str(jobs)],
                      repeat, rm(out))
        shutil.rmtree(out, ignore_errors=True)
        _row("teikit batch --to html --no-validate", batch, None)
    if "bare" in arms:
        _row("teikit site --no-search", timed(lambda: ["site", str(src), "-o", str(site), "-j", str(jobs),
                                                        "--no-search"], repeat, rm(site)), batch)
    if "site" in arms:
        _row("teikit site (with Pagefind)", timed(lambda: ["site", str(src), "-o", str(site), "-j", str(jobs)],
                                                  repeat, rm(site)), batch)
    if "search" in arms and site.exists():
        bench_index(site)
    if "rebuild" not in arms or not site.exists():
        return
    first = sorted(src.iterdir())[0]
    first.write_text(first.read_text("utf-8").replace("Moscow", "Moskva", 1), "utf-8")
    again = run(["site", str(src), "-o", str(site), "-j", str(jobs)])
    print(f"  rebuild after one record changed       {again['seconds']:8.1f} s   Pagefind etc."
          f" {again['worker_kb'] / 1024:5.0f} MB", flush=True)
    nothing = run(["site", str(src), "-o", str(site), "-j", str(jobs)])
    print(f"  rebuild with nothing changed           {nothing['seconds']:8.1f} s", flush=True)
    weights = page_weights(site)
    print(f"  record page weight (HTML + site CSS): median {statistics.median(weights) / 1024:.1f} KB, "
          f"90th percentile {weights[int(0.9 * (len(weights) - 1))] / 1024:.1f} KB, largest {weights[-1] / 1024:.1f} KB")


def _row(label: str, r: dict, batch: dict | None) -> None:
    ratio = "" if batch is None else (f"   ratio to batch {r['seconds'] / batch['seconds']:.2f} wall,"
                                       f" {r['cpu'] / batch['cpu']:.2f} CPU")
    print(f"  {label:37s} {r['seconds']:8.1f} s ({r['cpu']:7.0f} CPU s)   main {r['main_kb'] / 1024:5.0f} MB"
          f"   largest worker {r['worker_kb'] / 1024:5.0f} MB{ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", default="250,1000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--arms", default="batch,bare,site,search,rebuild",
                        help="which measurements: batch, bare (site --no-search), site (with Pagefind), search (Pagefind"
                        " alone: one index against parts), rebuild")
    parser.add_argument("--pages", type=Path, help="only Pagefind (the search arm) over the HTML files of this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-site-"))
    started = time.perf_counter()
    if args.pages:
        (work / "records").mkdir()
        for page in args.pages.glob("*.html"):
            os.link(page, work / "records" / page.name)
        print(f"\n{len(list(args.pages.glob('*.html')))} HTML files of {args.pages}:")
        try:
            bench_index(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    try:
        for n in (int(x) for x in args.records.split(",")):
            bench_size(n, args.jobs, args.repeat, work, set(args.arms.split(",")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
