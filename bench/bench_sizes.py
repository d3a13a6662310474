"""Size curves (issue 15). Prints time and peak memory per size; asserts nothing.

    python bench/bench_sizes.py                                  # records 1,5,20 MB; documents 1e4,1e5,1e6
    python bench/bench_sizes.py --records 1,5 --elements 10000,100000 --timeout 120
    python bench/bench_sizes.py --records "" --formats "" --validate tei_all,teikit   # validation only

Each figure is one run in a new process (`python -m teikit ...`), so its peak resident memory
(ru_maxrss of the child) is its own; a run over --timeout seconds is stopped and printed as
"> T s" (a cliff). The inputs are made here, deterministically:
  * records: the sample record (corpus/wilson-110390.txt) with its English and Chinese bodies
    repeated up to N MB in all (half each), encoded with `teikit encode` (the whole pipeline);
  * documents: TEI with N elements (one language division of paragraphs, each with a sentence
    and a `hi`), exported with `teikit export --to json|html|text`;
  * validation: the same documents, and one `p` with N undeclared attributes (--attributes),
    checked with `teikit validate --schema tei_all|teikit` (tei_all: $TEIKIT_TEI_ALL or the
    shipped copy; an invalid verdict, exit 1, is a finished run).
The ratio column is CPU time / (size ratio to the smallest size): flat means linear. Wall time
is printed too, but on a shared machine it measures the load as much as teikit.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "wilson-110390.txt"


def bilingual_record(megabytes: float) -> str:
    """The sample record with each body repeated to half of `megabytes`."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, rest = text.partition("- Scan of Original Document\n")
    english, _, original = rest.partition("\n# ")
    heading, _, chinese = original.partition("\n\n")
    half = int(megabytes * 1024 * 1024 / 2)
    return (head + "- Scan of Original Document\n" + _repeat(english, half)
            + "\n# " + heading + "\n\n" + _repeat(chinese, half))


def _repeat(body: str, size: int) -> str:
    paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    out, total, i = [], 0, 0
    while total < size:
        p = paras[i % len(paras)]
        out.append(p)
        total += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def tei_document(elements: int) -> bytes:
    """A TEI document of about `elements` elements (p, s and hi: three per paragraph)."""
    paras = "".join(f'<p xml:id="p{i}"><s xml:id="s{i}">Sentence {i} with <hi>a word</hi> in it.</s></p>\n'
                    for i in range(max(1, elements // 3)))
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Size {elements}</title>'
            f'</titleStmt><publicationStmt><p>bench</p></publicationStmt><sourceDesc><p>bench</p></sourceDesc>'
            f'</fileDesc></teiHeader><text><body><div type="translation" xml:lang="en" xml:id="en">\n{paras}'
            f'</div></body></text></TEI>\n').encode("utf-8")


def attributes_document(count: int) -> bytes:
    """A TEI document whose one `p` carries `count` attributes no schema declares."""
    attributes = " ".join(f'a{i}="v{i}"' for i in range(count))
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Attributes</title>'
            f'</titleStmt><publicationStmt><p>bench</p></publicationStmt><sourceDesc><p>bench</p></sourceDesc>'
            f'</fileDesc></teiHeader><text><body><p {attributes}>text</p></body></text></TEI>\n').encode("utf-8")


def run(args: list[str], timeout: float, ok: tuple = (0,)) -> tuple[float | None, int, float]:
    """(seconds, or None when stopped at the timeout; the child's own peak RSS in MB and its CPU
    seconds, user + system, by wait4: on a shared machine the CPU time is the figure to compare)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "teikit", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    if proc.returncode < 0:
        return None, usage.ru_maxrss // 1024, cpu
    if proc.returncode not in ok:
        raise SystemExit(f"teikit {' '.join(args)} failed with exit code {proc.returncode}")
    return seconds, usage.ru_maxrss // 1024, cpu


def tree_rss(path: Path) -> int:
    """Peak RSS in MB of a new process that only parses `path` with lxml: what the finished
    TEI tree itself costs (plus the interpreter, ~20 MB), to set against encode's peak."""
    code = "import sys; from lxml import etree; etree.parse(sys.argv[1], etree.XMLParser(huge_tree=True))"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)])
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss // 1024


def row(label: str, size: float, base: float, base_cpu: float | None, result, timeout: float) -> str:
    """One line: wall time, CPU time, CPU time per unit of size relative to the first size, RSS."""
    seconds, rss, cpu = result
    if seconds is None:
        return f"{label:<30} {'> %.0f s' % timeout:>10} {cpu:>8.1f} s {'':>10} {rss:>8} MB (stopped)"
    ratio = "" if base_cpu is None else f"{cpu / base_cpu / (size / base):10.2f}"
    return f"{label:<30} {seconds:>8.2f} s {cpu:>8.1f} s {ratio:>10} {rss:>8} MB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", default="1,5,20", help="record sizes in MB")
    ap.add_argument("--elements", default="10000,100000,1000000", help="document sizes in elements")
    ap.add_argument("--formats", default="json,html,text")
    ap.add_argument("--validate", default="tei_all,teikit", help="schemas of the validation arm ('' for none)")
    ap.add_argument("--attributes", default="50000,200000", help="attribute counts of the validation arm")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args(argv)
    print(f"{'run':<30} {'time':>10} {'CPU':>10} {'CPU ratio':>10} {'peak RSS':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sizes = [float(s) for s in args.records.split(",") if s]
        base_cpu = None
        for mb in sizes:
            src = tmp / f"record-{mb:g}MB.txt"
            src.write_text(bilingual_record(mb), encoding="utf-8")
            out = tmp / "out.tei.xml"
            result = run(["encode", str(src), "-o", str(out)], args.timeout)
            tree = f"   (tree alone {tree_rss(out)} MB)" if result[0] is not None else ""
            print(row(f"encode {mb:g} MB", mb, sizes[0], base_cpu, result, args.timeout) + tree, flush=True)
            base_cpu = base_cpu if base_cpu is not None else result[2]
        counts = [int(float(n)) for n in args.elements.split(",") if n]
        for fmt in [f for f in args.formats.split(",") if f]:
            base_cpu = None
            for n in counts:
                doc = tmp / f"doc-{n}.xml"
                if not doc.exists():
                    doc.write_bytes(tei_document(n))
                result = run(["export", str(doc), "--to", fmt, "-o", str(tmp / f"out.{fmt}")], args.timeout)
                print(row(f"export {fmt} {n:.0e}", n, counts[0], base_cpu, result, args.timeout), flush=True)
                base_cpu = base_cpu if base_cpu is not None else result[2]
        schemas = [s for s in args.validate.split(",") if s]
        attributes = [int(float(n)) for n in args.attributes.split(",") if n]
        for schema in schemas:
            validation_rows(tmp, schema, "elements", counts, tei_document, args.timeout)
        for schema in schemas:
            validation_rows(tmp, schema, "attributes", attributes, attributes_document, args.timeout)
    return 0


def validation_rows(tmp: Path, schema: str, unit: str, sizes: list[int], make, timeout: float) -> None:
    """`teikit validate --schema SCHEMA` of documents made by `make(size)`, one row per size."""
    base_cpu = None
    for n in sizes:
        doc = tmp / f"validate-{unit}-{n}.xml"
        if not doc.exists():
            doc.write_bytes(make(n))
        result = run(["validate", "-q", "--schema", schema, str(doc)], timeout, ok=(0, 1))
        print(row(f"validate {schema} {n:.0e} {unit[:4]}", n, sizes[0], base_cpu, result, timeout), flush=True)
        base_cpu = base_cpu if base_cpu is not None else result[2]


if __name__ == "__main__":
    sys.exit(main())
