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
parses too), the stylesheet compiled once: warm = median of --side-repeat runs per document,
summed over the files, and the median per-document ratio. Cold = a new process that exports the
median-sized file (teikit: `python -m teikit export`; Saxon: a Python process that compiles
html.xsl and transforms once), median of --cold runs. Target: teikit >= 10x faster, warm and cold.
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
    ours_total = theirs_total = 0.0
    ratios = []
    failed = {"teikit": 0, "saxon": 0}
    with PySaxonProcessor(license=False) as proc:
        start = time.perf_counter()
        executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))
        compile_s = time.perf_counter() - start
        for path in files:
            try:
                ours = median_ms(lambda: export(parse_xml_file(path, collect_ids=False), "html"), repeat)
            except TeikitError:
                failed["teikit"] += 1
                continue
            try:
                theirs = median_ms(lambda: executable.transform_to_string(source_file=str(path)), repeat)
            except Exception:  # noqa: BLE001 (SaxonC raises its own error types)
                failed["saxon"] += 1
                continue
            ours_total += ours
            theirs_total += theirs
            ratios.append(theirs / ours)
    n = len(ratios)
    print(f"side by side on {len(files)} edition files ({sum(p.stat().st_size for p in files) / 1e6:.1f} MB),"
          f" warm, median of {repeat} runs per document:")
    print(f"  TEI Stylesheets html.xsl compile (SaxonC-HE)  {compile_s:.2f} s, once")
    print(f"  teikit html    {ours_total / max(n, 1):8.2f} ms per document (mean of medians, parse included)")
    print(f"  TEI html.xsl   {theirs_total / max(n, 1):8.2f} ms per document (SaxonC, parse included)")
    if n:
        print(f"  ratio          {theirs_total / ours_total:8.1f}x in total, median per document "
              f"{statistics.median(ratios):.1f}x, slowest document {min(ratios):.1f}x")
    print(f"  failures       teikit {failed['teikit']}, SaxonC {failed['saxon']}")
    middle = sorted(files, key=lambda p: p.stat().st_size)[len(files) // 2]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.html")
        ours = cold_seconds(["-m", "teikit", "export", str(middle), "--to", "html", "-o", out], cold)
        theirs = cold_seconds(["-c", SAXON_COLD, str(xsl), str(middle), out], cold)
    print(f"cold, one new process exporting {middle.name} ({middle.stat().st_size / 1024:.0f} KB), median of {cold}:")
    print(f"  teikit export --to html   {ours:.3f} s")
    print(f"  SaxonC + TEI html.xsl     {theirs:.3f} s")
    print(f"  ratio                     {theirs / ours:.1f}x")


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
