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

Side by side with the TEI Stylesheets (the reference HTML), when given a checkout of them:

    python bench/bench_export.py --tei-stylesheets DIR --editions DIR_OR_FILE... [--side-repeat 5]
    (or TEI_STYLESHEETS=DIR in the environment; DIR is a checkout of github.com/TEIC/Stylesheets,
    never part of this repository)

Each edition file is exported to HTML by teikit (parse + `export`, in this process) and by
DIR/html/html.xsl under SaxonC-HE (saxonche; `transform_to_string(source_file=...)`, which
parses too), the stylesheet compiled once: warm = median of --side-repeat runs per document
(wall time, and CPU time of the process, steadier on shared cores), summed over the files.
Cold = a new process that exports the median-sized file (teikit: `python -m teikit export`;
Saxon: a Python process that compiles html.xsl and transforms once): its wall time, and the
first document's time measured inside it (compile + parse + transform, without the
interpreter's start-up); medians of --cold runs. Target: teikit >= 10x faster, warm and cold.
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


def median_cpu_ms(func, repeat: int) -> float:
    """Median CPU time of this process (all its threads) per call: steadier than wall time
    when other processes share the cores."""
    func()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
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


SAXON_COLD = """
import sys
from saxonche import PySaxonProcessor
with PySaxonProcessor(license=False) as proc:
    ex = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=sys.argv[1])
    out = ex.transform_to_string(source_file=sys.argv[2])
    open(sys.argv[3], "w", encoding="utf-8").write(out)
"""


def edition_files(paths: list[str]) -> list[Path]:
    files = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.xml")) if p.is_dir() else [p]
    return files


def side_by_side(stylesheets: Path, paths: list[str], repeat: int, cold: int) -> None:
    """teikit's HTML export against the TEI Stylesheets' html.xsl under SaxonC, same files."""
    from saxonche import PySaxonProcessor

    from teikit.errors import TeikitError
    from teikit.tei import parse_xml_file

    xsl = stylesheets / "html" / "html.xsl"
    files = edition_files(paths)
    totals = {"ours": [0.0, 0.0], "theirs": [0.0, 0.0]}  # wall ms, cpu ms
    ratios = []
    per_doc = []  # (CPU ratio, file name, teikit CPU ms, SaxonC CPU ms)
    failed = {"teikit": 0, "saxon": 0}
    with PySaxonProcessor(license=False) as proc:
        start = time.perf_counter()
        executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))
        compile_s = time.perf_counter() - start
        for path in files:
            ours_run = lambda: export(parse_xml_file(path, collect_ids=False), "html")  # noqa: E731
            theirs_run = lambda: executable.transform_to_string(source_file=str(path))  # noqa: E731
            try:
                ours = (median_ms(ours_run, repeat), median_cpu_ms(ours_run, repeat))
            except TeikitError:
                failed["teikit"] += 1
                continue
            try:
                theirs = (median_ms(theirs_run, repeat), median_cpu_ms(theirs_run, repeat))
            except Exception:  # noqa: BLE001 (SaxonC raises its own error types)
                failed["saxon"] += 1
                continue
            for i in (0, 1):
                totals["ours"][i] += ours[i]
                totals["theirs"][i] += theirs[i]
            ratios.append(theirs[1] / max(ours[1], 1e-3))
            per_doc.append((ratios[-1], path.name, ours[1], theirs[1]))
    n = max(len(ratios), 1)
    (ours_wall, ours_cpu), (theirs_wall, theirs_cpu) = totals["ours"], totals["theirs"]
    print(f"side by side on {len(files)} edition files ({sum(p.stat().st_size for p in files) / 1e6:.1f} MB),"
          f" warm, median of {repeat} runs per document, parsing included:")
    print(f"  TEI Stylesheets html.xsl compile (SaxonC-HE)  {compile_s:.2f} s, once")
    print(f"                 {'wall ms/doc':>12} {'CPU ms/doc':>12}")
    print(f"  teikit html    {ours_wall / n:12.2f} {ours_cpu / n:12.2f}")
    print(f"  TEI html.xsl   {theirs_wall / n:12.2f} {theirs_cpu / n:12.2f}")
    print(f"  ratio          {theirs_wall / max(ours_wall, 1e-3):11.1f}x {theirs_cpu / max(ours_cpu, 1e-3):11.1f}x"
          f"   (CPU, per document: median {statistics.median(ratios or [0]):.1f}x, lowest {min(ratios or [0]):.1f}x,"
          f" {sum(r >= 10 for r in ratios)} of {len(ratios)} documents >= 10x)")
    for ratio, name, ours_cpu_ms, theirs_cpu_ms in sorted(per_doc)[:5]:
        print(f"    lowest: {name:44} {ours_cpu_ms:7.2f} / {theirs_cpu_ms:7.2f} ms CPU  {ratio:5.1f}x")
    print(f"  failures       teikit {failed['teikit']}, SaxonC {failed['saxon']}")
    middle = sorted(files, key=lambda p: p.stat().st_size)[len(files) // 2]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.html")
        ours = cold_seconds(["-m", "teikit", "export", str(middle), "--to", "html", "-o", out], cold)
        theirs = cold_seconds(["-c", SAXON_COLD, str(xsl), str(middle), out], cold)
        ours_first = first_document(["-c", TEIKIT_FIRST, str(middle)], cold)
        theirs_first = first_document(["-c", SAXON_FIRST, str(xsl), str(middle)], cold)
    print(f"cold, a new process exporting {middle.name} ({middle.stat().st_size / 1024:.0f} KB), median of {cold}:")
    print(f"                            {'process wall':>12} {'1st document':>13}  (compile + parse + transform, timed inside)")
    print(f"  teikit export --to html   {ours:11.3f}s {ours_first:12.3f}s")
    print(f"  SaxonC + TEI html.xsl     {theirs:11.3f}s {theirs_first:12.3f}s")
    print(f"  ratio                     {theirs / ours:11.1f}x {theirs_first / ours_first:12.1f}x")


TEIKIT_FIRST = """
import sys, time
from teikit.tei import parse_xml_file
from teikit.writers import export
start = time.perf_counter()
export(parse_xml_file(sys.argv[1], collect_ids=False), "html")
print(time.perf_counter() - start)
"""
SAXON_FIRST = """
import sys, time
from saxonche import PySaxonProcessor
with PySaxonProcessor(license=False) as proc:
    start = time.perf_counter()
    ex = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=sys.argv[1])
    ex.transform_to_string(source_file=sys.argv[2])
    print(time.perf_counter() - start)
"""


def first_document(args: list[str], runs: int) -> float:
    """Median of the seconds a new process reports for its first document."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    times = [float(subprocess.run([sys.executable, *args], check=True, env=env, capture_output=True,
                                  text=True).stdout.split()[-1]) for _ in range(runs)]
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--cold", type=int, default=11)
    ap.add_argument("--tei-stylesheets", default=os.environ.get("TEI_STYLESHEETS"),
                    help="checkout of TEIC/Stylesheets: compare the html export with html/html.xsl")
    ap.add_argument("--editions", nargs="+", default=[], help="TEI files or folders for the comparison")
    ap.add_argument("--side-repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if args.tei_stylesheets:
        side_by_side(Path(args.tei_stylesheets), args.editions or [str(REPO.parent / "shared" / "tei-samples")],
                     args.side_repeat, min(args.cold, 5))
        return 0
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
