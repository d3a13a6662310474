"""Citation coverage over a corpus of TEI files: how many items get a date, an author, an archive
location, and how many still repeat a name in two fields (publisher, container, archive ...).

    python bench/bench_citations.py PATH... [--git REPO] [--list FIELD]

PATH is a TEI file or a folder (searched for *.xml); --git REPO reads every *.xml of a git
repository's HEAD (one `git cat-file --batch`, no checkout), e.g. the Wellcome Collection's
manuscript catalogue (github.com/wellcomecollection/wellcome-collection-tei). The files are read
in one process with the Python API (the CSL model that every citation format serialises); files
that are not TEI, or not well-formed, are counted apart. --list FIELD prints the files whose
record item lacks FIELD (date, author, archive_location) or has a duplicate (dup).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from teikit.errors import TeikitError  # noqa: E402
from teikit.tei import TEI_NS, parse_xml_bytes  # noqa: E402
from teikit.writers.csl_json import csl_items  # noqa: E402

NAME_FIELDS = ("publisher", "container-title", "collection-title", "archive", "source")


def files_on_disk(paths: list[str]):
    """(name, bytes) of each file given or found under a folder given."""
    for path in map(Path, paths):
        found = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
        for file in found:
            yield str(file), file.read_bytes()


def files_in_git(repo: str):
    """(path, bytes) of each *.xml blob at HEAD of a git repository."""
    listing = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "-z", "HEAD"],
                             capture_output=True, check=True).stdout.decode("utf-8")
    blobs = []
    for entry in filter(None, listing.split("\0")):
        meta, name = entry.split("\t", 1)
        if meta.split()[1] == "blob" and name.lower().endswith(".xml"):
            blobs.append((name, meta.split()[2]))
    request = "".join(f"{sha}\n" for _, sha in blobs).encode()
    out = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=request,
                         capture_output=True, check=True).stdout
    pos = 0
    for name, _ in blobs:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        yield name, out[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1


def duplicated(item: dict) -> bool:
    """Whether two name fields of the item say the same thing."""
    values = [" ".join(str(item[f]).split()).casefold() for f in NAME_FIELDS if item.get(f)]
    return len(values) != len(set(values))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--git", help="a git repository: read every *.xml at HEAD")
    ap.add_argument("--list", choices=("date", "author", "archive_location", "dup"))
    args = ap.parse_args()
    sources = list(files_on_disk(args.paths))
    if args.git:
        sources += list(files_in_git(args.git))
    counts = dict.fromkeys(("files", "not TEI", "items", "manuscript", "date", "author",
                            "archive_location", "duplicated names"), 0)
    listed, started = [], time.perf_counter()
    for name, data in sources:
        counts["files"] += 1
        try:
            doc = parse_xml_bytes(data, name)
            if doc.getroot().tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
                raise TeikitError("not TEI")
            record = csl_items(doc)[0]
        except (TeikitError, IndexError):
            counts["not TEI"] += 1
            continue
        found = {"date": "issued" in record, "author": bool(record.get("author")),
                 "archive_location": bool(record.get("archive_location")), "dup": duplicated(record)}
        counts["items"] += 1
        counts["manuscript"] += record.get("type") == "manuscript"
        for key in ("date", "author", "archive_location"):
            counts[key] += found[key]
        counts["duplicated names"] += found["dup"]
        if args.list and (found[args.list] if args.list == "dup" else not found[args.list]):
            listed.append(name)
    elapsed = time.perf_counter() - started
    items = counts["items"] or 1
    for key, value in counts.items():
        share = f"  ({100 * value / items:.1f} % of items)" if key not in ("files", "not TEI", "items") else ""
        print(f"{key:>18}: {value}{share}")
    print(f"{'time':>18}: {elapsed:.1f} s ({1000 * elapsed / max(counts['files'], 1):.1f} ms a file)")
    for name in listed:
        print(name)


if __name__ == "__main__":
    main()
