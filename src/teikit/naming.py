"""Output names: the one function that names the files `export`, `batch` (and corpus-level
outputs) write into a folder, the one that gives a format's suffix, and the check that no
output is an input or written twice.

    plan_outputs(["a/rec.txt", "a/rec.md", "b.txt"], Path("out"), [".tei.xml"], strip=(".txt", ".md"))
    -> [[out/a/rec.txt.tei.xml], [out/a/rec.md.tei.xml], [out/b.tei.xml]]

A source's stem is its name less the `strip` suffixes; where two sources would share a stem in
one folder (rec.txt and rec.md), both keep their whole name, so neither output is lost.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path, PurePath
from typing import Sequence

from .errors import UsageError
from .writers import FORMATS

STYLED_CITATIONS = ("chicago", "mla", "apa")  # formats whose --markup html output is HTML


def stem_of(name: str, strip: Sequence[str]) -> str:
    """'rec.tei.xml' less the suffixes in strip (each removed once, in order)."""
    stem = name
    for suffix in strip:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
    return stem


def format_suffix(fmt: str, markup: str = "text", *, beside_others: bool = False) -> str:
    """The suffix of a `fmt` output: its extension, `.html` for a citation style with markup
    html. `beside_others` (batch writes the TEI and several formats into one folder): text,
    markdown and the citation styles must not collide, so `.<fmt><extension>` (.text.txt,
    .chicago.txt), except html, which is `.html`."""
    ext = ".html" if markup == "html" and fmt in STYLED_CITATIONS else FORMATS[fmt].extension
    return f".{fmt}{ext}" if beside_others and fmt != "html" else ext


def plan_outputs(sources: Sequence[str], directory: Path, suffixes: Sequence[str], *,
                 relative: Sequence[str] | None = None, strip: Sequence[str] = ()) -> list[list[Path]]:
    """For each source, its output path for each suffix: DIRECTORY/<relative folder>/<stem><suffix>.

    `relative` gives each source's path relative to the input folder (default: its name only).
    """
    rels = [PurePath(r) for r in relative] if relative is not None else [PurePath(Path(s).name) for s in sources]
    keys = [(rel.parent, stem_of(rel.name, strip)) for rel in rels]
    shared = Counter(keys)
    plan = []
    for rel, key in zip(rels, keys):
        stem = rel.name if shared[key] > 1 else key[1]
        plan.append([Path(directory) / rel.parent / f"{stem}{suffix}" for suffix in suffixes])
    return plan


def check_outputs(outputs: Sequence[Path], inputs: Sequence[str]) -> None:
    """UsageError (exit 2) if an output would overwrite an input or be written twice."""
    inputs_seen = {_identity(p) for p in inputs if p != "-"}
    seen: dict[tuple, Path] = {}
    for out in outputs:
        key = _identity(out)
        if key in inputs_seen:
            raise UsageError("refusing to write an output over an input file", file=str(out))
        if key in seen:
            raise UsageError("two inputs would be written to this one output", file=str(out))
        seen[key] = out


def _identity(path) -> tuple:
    """(device, inode) of an existing file, else its absolute normalised path."""
    try:
        st = os.stat(path)
        return ("inode", st.st_dev, st.st_ino)
    except OSError:
        return ("path", os.path.normcase(os.path.abspath(os.path.realpath(path))))
