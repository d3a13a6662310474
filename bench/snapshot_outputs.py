"""Every output teikit makes of a fixed set of inputs, written to a folder for `diff -r`.

    python bench/snapshot_outputs.py OUT_DIR [--synthetic 40] [--seed 3]

A refactoring that must not change behaviour is checked by a snapshot before and after:

    python bench/snapshot_outputs.py /tmp/before        # on the old commit
    python bench/snapshot_outputs.py /tmp/after         # on the new one
    diff -r /tmp/before /tmp/after                      # empty: byte-identical

Inputs: the bundled sample, the three PDF-text records in ../shared, the reader test records
(tests/data/readers/*.txt), the TEI editions of tests/data/editions, and a synthetic corpus
(bench/synth.py). Each record is encoded (TEI, and its JSON report of the validator), then every
export format is written from the TEI, with `--lang en` and `--lang zh` where a format reads it.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from lxml import etree  # noqa: E402

from teikit import api, writers  # noqa: E402
from teikit.tei import parse_xml_file  # noqa: E402

LANG_FORMATS = ("text", "markdown", "json")


def record_inputs(synthetic: int, seed: int, scratch: Path) -> list[Path]:
    """The raw records to encode, in a fixed order."""
    paths = [REPO / "corpus" / "wilson-110390.txt"]
    paths += sorted((SHARED / "corpus" / "wilson-pdf-text").glob("*.txt"))
    paths += sorted((REPO / "tests" / "data" / "readers").glob("*.txt"))
    if synthetic:
        import synth

        paths += synth.make_corpus(scratch, synthetic, seed)
    return paths


def write_exports(tree, stem: str, out: Path) -> None:
    """Every format (and the per-language views) of one TEI tree."""
    for fmt, spec in writers.FORMATS.items():
        langs = ("all", "en", "zh") if fmt in LANG_FORMATS else ("all",)
        for lang in langs:
            try:
                data = writers.export(tree, fmt, writers.ExportOptions(lang=lang))
            except Exception as exc:  # an error is an output too: it must not change either
                data = f"ERROR {type(exc).__name__}: {exc}\n".encode()
            suffix = "" if lang == "all" else f".{lang}"
            (out / f"{stem}.{fmt}{suffix}{spec.extension}").write_bytes(data)


def snapshot(out: Path, synthetic: int, seed: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with tempfile.TemporaryDirectory() as scratch:
        for i, path in enumerate(record_inputs(synthetic, seed, Path(scratch))):
            stem = f"{i:03d}-{path.stem}"
            tree = api.encode_file(str(path))
            (out / f"{stem}.tei.xml").write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))
            write_exports(tree, stem, out)
            count += 1
    for path in sorted((REPO / "tests" / "data" / "editions").glob("*.xml")):
        write_exports(parse_xml_file(str(path)), f"edition-{path.stem}", out)
        count += 1
    return count


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--synthetic", type=int, default=40, help="synthetic records (default 40)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    count = snapshot(args.out, args.synthetic, args.seed)
    print(f"{count} inputs, {sum(1 for _ in args.out.iterdir())} files in {args.out}")


if __name__ == "__main__":
    main()
