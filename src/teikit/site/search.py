"""The full-text search index: Pagefind over the built record pages, in parts.

Pagefind holds a whole index in memory while it builds it and has no incremental mode. So the
record pages are split into parts of about PART_BYTES of HTML (a page's part is fixed by a hash
of its name, so a part keeps its pages while the corpus grows), each part is indexed by its own
Pagefind run into `pagefind/part-NNN/`, and the browser merges them (`mergeIndex`; the list is
`pagefind/parts.json`). Memory is then bounded by a part, not the corpus, and a rebuild
re-indexes only the parts whose pages changed.

Pagefind's extended binary (the `pagefind-bin-extended` wheel) segments Chinese and Japanese
only in pages of that language; a bilingual page is one page in one language. So when the
corpus has any CJK text every part is built as a Chinese-segmenting index
(`--force-language zh`): Latin-script words are still split at spaces and punctuation, Chinese
is segmented into words; English loses only stemming (a search matches word prefixes).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from ..io import atomic_write

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PART_BYTES = 24_000_000  # HTML of record pages per Pagefind run (its memory is about 8x that)
SCHEME = 1  # changes when the way parts are built changes (then every part is rebuilt)


def has_cjk(out: Path, sample: int = 400) -> bool:
    """Whether the record pages contain Chinese or Japanese text (looks at up to `sample` pages)."""
    for i, path in enumerate(sorted((out / "records").glob("*.html"))):
        if i >= sample:
            break
        if _CJK.search(path.read_text("utf-8", errors="replace")):
            return True
    return False


def command(site: Path, output: Path, cjk: bool) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--quiet"]
    return args + (["--force-language", "zh"] if cjk else [])


def plan_parts(pages: list[Path], part_bytes: int = 0) -> dict[int, list[Path]]:
    """The record pages in parts: as many as the HTML needs at part_bytes each, rounded up to a
    power of two (so the count, and each page's part, changes seldom as the corpus grows); a
    page goes to the part its name hashes to. {part number: its pages}, empty parts left out."""
    part_bytes = max(1, part_bytes or PART_BYTES)
    total = sum(p.stat().st_size for p in pages)
    count = 1
    while count * part_bytes < total:
        count *= 2
    parts: list[list[Path]] = [[] for _ in range(count)]
    for page in pages:
        parts[zlib.crc32(page.name.encode("utf-8")) % count].append(page)
    return {k: sorted(part) for k, part in enumerate(parts) if part}


def part_signature(pages: list[Path], cjk: bool) -> str:
    """What a part's index depends on: its pages (name, size, time) and the language setting."""
    digest = hashlib.sha256(f"{SCHEME} {cjk}".encode())
    for page in pages:
        st = page.stat()
        digest.update(f"\n{page.name} {st.st_size} {st.st_mtime_ns}".encode("utf-8"))
    return digest.hexdigest()


def build_index(out: Path, result) -> str:
    """Index the record pages, part by part; a missing or failing Pagefind leaves the site
    without search (reported), never without pages."""
    try:
        import pagefind  # noqa: F401  (the package that finds the binary)
    except ImportError:
        return "search skipped: the pagefind package is not installed (pip install 'teikit[site]')"
    folder = out / "pagefind"
    manifest = _read_manifest(folder)
    cjk = has_cjk(out)
    parts = plan_parts(sorted((out / "records").glob("*.html")))
    names, signatures, redone = [], {}, 0
    for k, pages in parts.items():
        name = f"part-{k:03d}"
        signature = part_signature(pages, cjk)
        names.append(name)
        signatures[name] = signature
        if manifest.get("signatures", {}).get(name) == signature and (folder / name / "pagefind.js").exists():
            continue
        error = _index_part(out, folder / name, pages, cjk)
        if error:
            return error
        redone += 1
    for stale in folder.iterdir() if folder.is_dir() else []:
        if stale.name not in names and stale.name != "parts.json":
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    atomic_write(folder / "parts.json", json.dumps({"parts": names, "signatures": signatures}, indent=1).encode())
    if not redone:
        return "search index up to date"
    return f"search index built ({redone} of {len(names)} part{'s' * (len(names) != 1)} indexed)"


def _read_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / "parts.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _index_part(out: Path, target: Path, pages: list[Path], cjk: bool) -> str:
    """One Pagefind run over a part's pages (linked into a scratch site, so their URLs stay
    /records/NAME.html), written beside the part's old index and then put in its place."""
    scratch = out / ".teikit-site" / "pagefind-part"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "records").mkdir(parents=True)
    for page in pages:
        _link(page, scratch / "records" / page.name)
    fresh = target.with_name(target.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        done = subprocess.run(command(scratch, fresh, cjk), capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"search index failed: {exc}"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if done.returncode != 0 or not (fresh / "pagefind.js").exists():
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no index written"]
        shutil.rmtree(fresh, ignore_errors=True)
        return f"search index failed: pagefind: {last[0]}"
    old = target.with_name(target.name + ".old")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return ""


def _link(page: Path, link: Path) -> None:
    try:
        os.link(page, link)
    except OSError:
        shutil.copyfile(page, link)
