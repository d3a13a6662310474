"""The full-text search index: Pagefind over the built record pages.

Pagefind's extended binary (the `pagefind-bin-extended` wheel) segments Chinese and Japanese
only in pages of that language; a bilingual page is one page in one language. So when the
corpus has any CJK text the index is built as one Chinese-segmenting index for the whole site
(`--force-language zh`): Latin-script words are still split at spaces and punctuation, Chinese
is segmented into words; English loses only stemming (a search matches word prefixes).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_cjk(out: Path, sample: int = 400) -> bool:
    """Whether the record pages contain Chinese or Japanese text (looks at up to `sample` pages)."""
    for i, path in enumerate(sorted((out / "records").glob("*.html"))):
        if i >= sample:
            break
        if _CJK.search(path.read_text("utf-8", errors="replace")):
            return True
    return False


def command(out: Path) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(out), "--quiet"]
    if has_cjk(out):
        args += ["--force-language", "zh"]
    return args


def build_index(out: Path, result) -> str:
    """Run Pagefind over the site; a missing or failing Pagefind leaves the site without search
    (reported), never without pages."""
    try:
        import pagefind  # noqa: F401  (the package that finds the binary)
    except ImportError:
        return "search skipped: the pagefind package is not installed (pip install 'teikit[site]')"
    try:
        done = subprocess.run(command(out), capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"search index failed: {exc}"
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        return f"search index failed: pagefind: {last[0]}"
    return "search index built"
