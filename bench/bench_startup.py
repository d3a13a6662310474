"""Cold start-up of teikit's commands: what a new process spends importing, and its wall time.

    python bench/bench_startup.py [--runs 9] [--before SRC_DIR]

Each command runs `--runs` times in a fresh interpreter under `python -X importtime`; the figure
is the median over runs of the import time summed over top-level imports (every module the
command loads, also those loaded lazily while it works), and the median wall time. With
`--before SRC_DIR` (a `src/` folder of another revision, e.g. from `git archive REV src
transforms schema corpus | tar -x -C /tmp/before`), the two trees run interleaved, so that the
load of a shared machine falls on both alike, and the modules each loads are compared.
Modules loaded through a registry with importlib.import_module (the writers, the passes, the
readers) are missing from -X importtime's report, so the import figure is a lower bound and the
wall time the whole cost.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {
    "encode": ["encode", str(REPO / "corpus" / "wilson-110390.txt"), "-o", os.devnull],
    "export": ["export", str(REPO / "tests" / "data" / "writers" / "specimen.tei.xml"), "--to", "text", "-o", os.devnull],
    "--help": ["--help"],
}


def run(src: Path, args: list[str]) -> tuple[float, float, frozenset[str]]:
    """(import ms, wall ms, modules imported) of one fresh `python -m teikit ARGS`."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "teikit", *args],
                          env=dict(os.environ, PYTHONPATH=str(src)), capture_output=True, text=True)
    wall = (time.perf_counter() - started) * 1000
    if proc.returncode != 0:
        raise SystemExit(f"teikit {' '.join(args)} failed: {proc.stderr.strip().splitlines()[-1]}")
    rows = [line.split("|") for line in proc.stderr.splitlines() if line.startswith("import time:") and line.count("|") == 2]
    rows = [r for r in rows if r[1].strip().isdigit()]
    total = sum(int(r[1]) for r in rows if not r[2].startswith("  ")) / 1000
    return total, wall, frozenset(r[2].strip() for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, default=None, help="src/ of another revision to compare with")
    args = parser.parse_args()
    trees = [("before", args.before)] if args.before else []
    trees.append(("now", REPO / "src"))
    print(f"cold start-up, medians of {args.runs} runs (imports: top-level import times summed)")
    for name, argv in COMMANDS.items():
        results: dict[str, list] = {label: [] for label, _ in trees}
        for _ in range(args.runs):
            for label, src in trees:
                results[label].append(run(src, argv))
        for label, _ in trees:
            imports = statistics.median(r[0] for r in results[label])
            wall = statistics.median(r[1] for r in results[label])
            print(f"  teikit {name:7} {label:6}  imports {imports:6.0f} ms   wall {wall:6.0f} ms   "
                  f"modules {len(results[label][0][2])}")
        if args.before:
            before, now = results["before"][0][2], results["now"][0][2]
            for sign, mods in (("+", now - before), ("-", before - now)):
                if mods:
                    print(f"    {sign} {', '.join(sorted(mods))}")


if __name__ == "__main__":
    main()
