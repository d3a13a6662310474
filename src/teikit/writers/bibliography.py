"""One bibliography for a whole corpus: the per-record BibTeX, RIS and CSL-JSON files joined.

`teikit batch --to bibtex,ris,csl-json` writes each record's citation file, then one file per
format for the corpus beside them: bibliography.bib, bibliography.ris, bibliography.json. The
corpus files are joined from the record files on disk (so records skipped as up to date are
included), in the order of the records; CSL-JSON arrays are merged into one array (an item met
twice is kept once; a different item with a taken id is renamed).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..batch import Job, output_paths
from ..io import atomic_write

CORPUS_FILES = {"bibtex": "bibliography.bib", "ris": "bibliography.ris", "csl-json": "bibliography.json"}


def corpus_formats(formats) -> list[str]:
    return [fmt for fmt in formats if fmt in CORPUS_FILES]


def write_corpus_bibliographies(src: Path, out_dir: Path, options, outcomes) -> list[str]:
    """Write the corpus bibliographies for the chosen citation formats; return messages
    (empty when all went well). Failed records are left out."""
    messages = []
    wanted = corpus_formats(options.formats)
    done = [o for o in outcomes if o.status != "failed"]
    jobs = [Job(o.source, str(Path(o.source).relative_to(src)), str(out_dir), options) for o in done]
    for fmt in wanted:
        target = out_dir / CORPUS_FILES[fmt]
        index = 1 + list(options.formats).index(fmt)
        parts = [output_paths(job)[index] for job in jobs]
        if target in parts:
            messages.append(f"{target}: a record's own output has this name; corpus bibliography not written")
            continue
        payloads = [p.read_bytes() for p in parts if p.is_file()]
        atomic_write(target, join(fmt, payloads))
    return messages


def join(fmt: str, payloads: list[bytes]) -> bytes:
    """The record files of one format as one file."""
    if fmt == "csl-json":
        return join_csl_json(payloads)
    texts = [p.decode("utf-8").strip("\n") for p in payloads if p.strip()]
    separator = "\n\n" if fmt == "bibtex" else "\n"
    return (separator.join(texts) + "\n").encode("utf-8") if texts else b""


def join_csl_json(payloads: list[bytes]) -> bytes:
    """One array; an item met again is kept once, another item with a taken id gets '-2', '-3' …"""
    items, seen = [], {}
    for payload in payloads:
        for item in json.loads(payload):
            key = item.get("id")
            if key in seen and seen[key] == item:
                continue
            number = 2
            while key in seen:
                key, number = f"{item.get('id')}-{number}", number + 1
            seen[key] = item
            items.append({**item, "id": key} if key != item.get("id") else item)
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
