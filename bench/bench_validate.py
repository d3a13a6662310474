"""Validation speed: cold `teikit validate` of one file, warm files per second, grammar compile times.

    python bench/bench_validate.py [--tei-all ../shared/schema/tei_all.rng] [--runs 15] [--files 2000]

Prints medians. "Cold" is a new Python process per run (start-up included) with the disk
cache of specialised grammars already filled; "first" is a new process with an empty cache.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEI_ALL = REPO.parent / "shared" / "schema" / "tei_all.rng"
MINIMAL = REPO / "tests" / "data" / "validate" / "minimal.tei.xml"


def timed_process(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr.decode()}")
    return elapsed


def median_ms(values) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def sample_document(tmp: Path) -> Path:
    """teikit's real output for the bundled sample record."""
    sys.path.insert(0, str(REPO / "src"))
    from teikit.api import encode_file
    from teikit.tei import serialize

    out = tmp / "wilson-110390.tei.xml"
    out.write_bytes(serialize(encode_file(str(REPO / "corpus" / "wilson-110390.txt"))))
    return out


def bench_cold(doc: Path, tei_all: Path, runs: int, tmp: Path) -> None:
    env = dict(os.environ, TEIKIT_TEI_ALL=str(tei_all), PYTHONPATH=str(REPO / "src"))
    # as installed: byte-code caches on (this environment sets PYTHONDONTWRITEBYTECODE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = [sys.executable, "-m", "teikit", "validate", "-q"]
    for label, extra in (("default (tei_all + Schematron + teikit profile)", []), ("--rng-only", ["--rng-only"])):
        env["TEIKIT_CACHE_DIR"] = str(tmp / f"cache-{len(extra)}")
        first = [timed_process(base + extra + [str(doc)], dict(env, TEIKIT_CACHE_DIR=str(tmp / f"empty-{i}-{len(extra)}")))
                 for i in range(max(3, runs // 5))]
        timed_process(base + extra + [str(doc)], env)  # fill the cache
        cold = [timed_process(base + extra + [str(doc)], env) for _ in range(runs)]
        print(f"cold, one file, {label:48s} {median_ms(cold)}   (empty cache: {median_ms(first)})")
    python_only = [timed_process([sys.executable, "-c", "pass"], env) for _ in range(runs)]
    print(f"python -c pass (start-up alone){'':34s} {median_ms(python_only)}")
    jing = shutil.which("pyjing")
    if jing and shutil.which("java"):
        cold_jing = [timed_process([jing, str(tei_all), str(doc)], env) for _ in range(3)]
        print(f"for comparison: Jing (pyjing), cold, one file{'':20s} {median_ms(cold_jing)}")


def small_documents(count: int) -> list[bytes]:
    """Small teikit-like documents with varying content (and so varying element sets)."""
    base = MINIMAL.read_bytes()
    extras = [b"", b' <persName>A</persName>', b' <placeName>B</placeName>', b' <orgName>C</orgName>',
              b' <time when="23:00:00">11 p.m.</time>', b' <supplied reason="clarification">D</supplied>']
    docs = []
    for i in range(count):
        extra = extras[i % len(extras)] + (b"" if i % 7 else b' <gap reason="editorialOmission"/>')
        docs.append(base.replace(b"We met", b"We met%s" % extra).replace(b"Cable, A to B", b"Cable %d" % i))
    return docs


def bench_warm(tei_all: Path, count: int, tmp: Path) -> None:
    os.environ["TEIKIT_CACHE_DIR"] = str(tmp / "warm-cache")
    sys.path.insert(0, str(REPO / "src"))
    from teikit.validate import ValidateOptions, validate

    docs = small_documents(count)
    for label, options in (
        ("rng-only", ValidateOptions(tei_all=str(tei_all), rng_only=True)),
        ("default", ValidateOptions(tei_all=str(tei_all))),
    ):
        for doc in docs[:20]:
            validate(doc, options)  # compile the few grammars these documents need
        rounds = []
        for _ in range(3):
            start = time.perf_counter()
            for doc in docs:
                validate(doc, options)
            rounds.append(count / (time.perf_counter() - start))
        print(f"warm, {count} small files in one process, {label:10s} {statistics.median(rounds):8.0f} files/s")


def bench_compile(tei_all: Path, tmp: Path) -> None:
    from lxml import etree

    from teikit.tei import parse_xml_file
    from teikit.validate.grammar import load_grammar
    from teikit.validate.specialise import document_names, specialise

    start = time.perf_counter()
    etree.RelaxNG(etree.parse(str(tei_all)))
    full = time.perf_counter() - start
    grammar = load_grammar(parse_xml_file(tei_all))
    doc = parse_xml_file(MINIMAL)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        etree.RelaxNG(etree.ElementTree(specialise(grammar, *document_names(doc.getroot()))))
        times.append(time.perf_counter() - start)
    print(f"compile full tei_all (lxml){'':38s} {full * 1000:7.0f} ms")
    print(f"specialise + compile for one document{'':28s} {median_ms(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tei-all", type=Path, default=DEFAULT_TEI_ALL)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    if not args.tei_all.is_file():
        raise SystemExit(f"tei_all.rng not found: {args.tei_all} (pass --tei-all)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        doc = sample_document(tmp)
        print(f"document: teikit output for corpus/wilson-110390.txt ({doc.stat().st_size // 1024} KB)")
        bench_cold(doc, args.tei_all, args.runs, tmp)
        bench_warm(args.tei_all, args.files, tmp)
        bench_compile(args.tei_all, tmp)


if __name__ == "__main__":
    main()
