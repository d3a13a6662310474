"""teikit against Jing and SaxonC on a folder of real TEI editions, side by side in one run.

    python bench/bench_editions.py FOLDER [--tei-all ../shared/schema/tei_all.rng] [--runs 3]
        [--query "//tei:persName"] [--query ...]

FOLDER holds third-party TEI files (`*.xml`, searched recursively); docs/validation.md says how
to gather some (ELTeC, DraCor, Schnitzler, Shelley-Godwin, I.Sicily). Nothing is downloaded.

Prints medians over --runs of, each in a new process:
* the whole folder: Jing (`pyjing tei_all FILES`) and `teikit validate --rng-only FOLDER`,
  and whether both give the same verdict on every file;
* each of the two largest files alone (cold: a new process; teikit's disk cache of specialised
  grammars filled by a first run, and, separately, empty);
* queries over the folder: SaxonC (saxonche: parse every file, evaluate every expression) and
  `teikit query -e ... FOLDER`, one process each.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEI_ALL = REPO.parent / "shared" / "schema" / "tei_all.rng"
DEFAULT_QUERIES = ("count(//tei:p)", "//tei:text//tei:hi[@rend][1]/@rend/string()",
                   "//tei:titleStmt/tei:title[1]/normalize-space()")

SAXON_SCRIPT = r"""
import sys
from saxonche import PySaxonProcessor
files, exprs = sys.argv[1].split("\n"), sys.argv[2].split("\n")
n = 0
with PySaxonProcessor(license=False) as proc:
    xp = proc.new_xpath_processor()
    xp.declare_namespace("tei", "http://www.tei-c.org/ns/1.0")
    for f in files:
        doc = proc.parse_xml(xml_file_name=f)
        xp.set_context(xdm_item=doc)
        for e in exprs:
            r = xp.evaluate(e)
            n += 0 if r is None else r.size
print(n)
"""


def run(args: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, proc


def median(values) -> str:
    return f"{statistics.median(values):7.2f} s"


def xml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.xml") if p.is_file())


def jing_invalid(output: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^(.+?):\d+:\d+: error:", output, re.M)}


def teikit_invalid(output: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^(.+?):\d+(?::\d+)?: error:", output, re.M)}


def bench_folder(files, folder, tei_all, env, runs) -> None:
    jing = ["pyjing", str(tei_all), *map(str, files)]
    teikit = [sys.executable, "-m", "teikit", "validate", "--rng-only", "-q", str(folder)]
    run(teikit, env)  # fill teikit's disk cache once (as a second use of the same edition would)
    jt, tt, jout, tout = [], [], "", ""
    for _ in range(runs):
        t, proc = run(jing, env)
        jt.append(t)
        jout = proc.stdout + proc.stderr
        t, proc = run(teikit, env)
        tt.append(t)
        tout = proc.stdout + proc.stderr
    same = jing_invalid(jout) == teikit_invalid(tout)
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"folder: {len(files)} files, {size:.1f} MB")
    print(f"  Jing, one process           {median(jt)}")
    print(f"  teikit validate --rng-only  {median(tt)}   ratio teikit/Jing {statistics.median(tt) / statistics.median(jt):.2f}")
    print(f"  same invalid files: {same} (Jing {len(jing_invalid(jout))}, teikit {len(teikit_invalid(tout))})")
    if not same:
        print("    only Jing:", sorted(jing_invalid(jout) - teikit_invalid(tout))[:10])
        print("    only teikit:", sorted(teikit_invalid(tout) - jing_invalid(jout))[:10])


def bench_largest(files, tei_all, env, runs, tmp: Path) -> None:
    for path in sorted(files, key=lambda p: p.stat().st_size)[-2:]:
        jing = ["pyjing", str(tei_all), str(path)]
        teikit = [sys.executable, "-m", "teikit", "validate", "--rng-only", "-q", str(path)]
        run(teikit, env)
        jt = [run(jing, env)[0] for _ in range(runs)]
        tt = [run(teikit, env)[0] for _ in range(runs)]
        empty = [run(teikit, dict(env, TEIKIT_CACHE_DIR=str(tmp / f"empty-{path.stem}-{i}")))[0] for i in range(runs)]
        print(f"largest: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
        print(f"  Jing cold {median(jt)}   teikit cold {median(tt)} (empty cache {median(empty)})"
              f"   ratio {statistics.median(tt) / statistics.median(jt):.2f}")


def bench_query(files, folder, queries, env, runs) -> None:
    saxon = [sys.executable, "-c", SAXON_SCRIPT, "\n".join(map(str, files)), "\n".join(queries)]
    teikit = [sys.executable, "-m", "teikit", "query", "--count", *sum((["-e", q] for q in queries), []), str(folder)]
    st = [run(saxon, env)[0] for _ in range(runs)]
    tt = [run(teikit, env)[0] for _ in range(runs)]
    print(f"query: {len(queries)} expressions over the folder (parse + answer, one process each)")
    print(f"  SaxonC {median(st)}   teikit query {median(tt)}   ratio {statistics.median(tt) / statistics.median(st):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--tei-all", type=Path, default=Path(os.environ.get("TEIKIT_TEI_ALL", DEFAULT_TEI_ALL)))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query", action="append", help="an XPath expression (tei: prefix); repeatable")
    ap.add_argument("--skip", action="append", default=[], choices=["folder", "largest", "query"])
    args = ap.parse_args()
    files = xml_files(args.folder)
    if not files:
        raise SystemExit(f"no *.xml under {args.folder}")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), TEIKIT_TEI_ALL=str(args.tei_all),
                   TEIKIT_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte-code caches on
        if "folder" not in args.skip:
            bench_folder(files, args.folder, args.tei_all, env, args.runs)
        if "largest" not in args.skip:
            bench_largest(files, args.tei_all, env, args.runs, Path(tmp))
        if "query" not in args.skip:
            bench_query(files, args.folder, tuple(args.query or DEFAULT_QUERIES), env, args.runs)


if __name__ == "__main__":
    main()
