"""Longest-match name finders built once from the authority: one compiled regex per language.

English: word boundaries, case-sensitive, white space and line breaks inside a name are free
("Chiang Kai-\nshek"), straight and curly apostrophes are the same. Chinese: longest match first
(列宁格勒 before 列宁, 高尔基城 before 高尔基), and a few compounds that contain a name but are
not one (马克思主义, 发展中国家) are consumed without a tag.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..regextrie import prefix_alternation
from ..lang import is_traditional, is_unspaced, lang_matches
from .authority import Authority, Entity

# Words that contain a name but do not refer to the entity: matched (so the name inside is not
# tagged) and then dropped.
BLOCKED_ZH = (
    "马克思主义", "马克思列宁主义", "马列主义", "列宁主义", "斯大林主义", "托洛茨基主义", "毛泽东思想",
    "发展中国家", "中国家", "苏维埃", "周围", "周年", "周末", "周刊", "周期", "周边", "周岁", "周密",
    "周详", "周折", "周转", "周旋", "周全", "周知", "周报", "周内", "莫非", "莫不", "莫大", "莫过于",
    "莫名", "莫测", "莫如", "莫要", "莫说", "中苏", "苏方", "中央集权", "中央银行", "东北方", "东北部", "苏醒",
    "其中共", "之中共", "当中共", "集中共", "宪法国", "道德国", "今日本", "海防军", "海防部队",
)
BLOCKED_EN = ("Marxism-Leninism", "Marxist-Leninist")
APOSTROPHES = "'’ʼ"


@dataclass(frozen=True)
class Candidate:
    entity_id: str
    kind: str
    contextual: bool


class Hit(NamedTuple):
    """A name found in a string: [start, end), the entities it may name (empty if blocked) and
    the one it certainly refers to, if that needs no context (`unique_of` the candidates)."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]
    unique: Candidate | None


def unique_of(candidates: tuple[Candidate, ...]) -> Candidate | None:
    """The one entity a name certainly refers to, if that needs no context."""
    if len(candidates) == 1 and not candidates[0].contextual:
        return candidates[0]
    plain = [c for c in candidates if not c.contextual]
    return plain[0] if len(plain) == 1 and len({c.entity_id for c in candidates}) == 1 else None


_MEMO_SIZE = 4096  # matched strings remembered per matcher (names recur)


class NameMatcher:
    """All names of one language, longest first, with the entities each may name."""

    def __init__(self, lang: str, surfaces: dict[str, tuple[Candidate, ...]]):
        self.lang = lang
        self.latin = not is_unspaced(lang)
        self.surfaces = surfaces
        body = prefix_alternation(self._tokens(s) for s in surfaces) or r"(?!x)x"
        self.regex = re.compile(rf"(?:{body})(?!\w)" if self.latin else f"(?:{body})")
        self._readings: dict[str, tuple[tuple[Candidate, ...], Candidate | None]] = {}

    def _tokens(self, surface: str) -> list[str]:
        """The regex pieces of a surface, one per character (white space, hyphens, apostrophes loose)."""
        if not self.latin:
            return [re.escape(ch) for ch in surface]
        loose = {" ": r"\s+", "-": r"-\s*"}
        pieces = [loose.get(ch) or (f"[{APOSTROPHES}]" if ch in APOSTROPHES else re.escape(ch)) for ch in surface]
        if pieces:  # not inside a word: (?<!\w) before the name
            if surface[0] in loose:
                pieces[0] = r"(?<!\w)" + pieces[0]
            else:  # after its one-character first piece (so re jumps to where names start)
                pieces[0] += r"(?<!\w.)"
        return pieces

    def key(self, matched: str) -> str:
        """The surface a matched string stands for (white space and apostrophes normalised)."""
        return _latin_key(matched) if self.latin else matched

    def find(self, text: str, start: int = 0) -> list[Hit]:
        """Leftmost-longest, non-overlapping names in `text` from `start`."""
        hits = []
        readings = self._readings
        for m in self.regex.finditer(text, start):
            matched = m.group()
            reading = readings.get(matched) or self._reading(matched)
            hits.append(Hit(m.start(), m.end(), *reading))
        return hits

    def _reading(self, matched: str) -> tuple[tuple[Candidate, ...], Candidate | None]:
        """The candidates of a matched string and the unique one (remembered, up to _MEMO_SIZE)."""
        candidates = self.surfaces.get(self.key(matched), ())
        reading = (candidates, unique_of(candidates))
        if len(self._readings) < _MEMO_SIZE:
            self._readings[matched] = reading
        return reading


def _latin_key(matched: str) -> str:
    """NameMatcher.key of a Latin-script match."""
    text = re.sub(r"-\s+", "-", matched)
    text = re.sub(r"\s+", " ", text)
    return re.sub(f"[{APOSTROPHES}]", "'", text)


def matcher_for(authority: Authority, lang: str) -> NameMatcher:
    """The (cached) matcher of an authority's names in a language."""
    return _cached_matcher(authority, lang)


@functools.lru_cache(maxsize=32)
def _cached_matcher(authority: Authority, lang: str) -> NameMatcher:
    surfaces: dict[str, list[Candidate]] = {}
    latin = not is_unspaced(lang)
    traditional = is_traditional(lang)
    to_traditional = _s2t() if traditional else None
    for entity in authority.entities.values():
        for name in entity.names:
            cand = Candidate(entity.id, entity.kind, name.contextual)
            if lang_matches(name.lang, lang):
                for form in _spellings(_normal(name.text)) if latin else (_normal(name.text),):
                    _add(surfaces, form, cand)
            elif traditional and lang_matches(name.lang, "zh-Hans"):
                _add(surfaces, to_traditional(name.text), cand)
    for blocked in BLOCKED_EN if latin else BLOCKED_ZH:
        surfaces.setdefault(to_traditional(blocked) if traditional else blocked, [])
    return NameMatcher(lang, {s: tuple(c) for s, c in surfaces.items()})


_RUSSIAN_ENDINGS = (("skii", ("sky", "skiy", "ski")), ("sky", ("skii", "skiy", "ski")), ("sk", ()))


def _spellings(name: str) -> set[str]:
    """The name and its usual romanisation variants of Russian names: -sky/-skii/-skiy, Yu-/Iu-, Ya-/Ia-."""
    forms = {name}
    words = name.split(" ")
    last = words[-1]
    for ending, others in _RUSSIAN_ENDINGS:
        if last.endswith(ending) and others:
            forms |= {" ".join(words[:-1] + [last[: -len(ending)] + o]) for o in others}
            break
    for a, b in (("Yu", "Iu"), ("Ya", "Ia"), ("Iu", "Yu"), ("Ia", "Ya")):
        forms |= {f.replace(f" {a}", f" {b}") for f in forms} | {b + f[2:] for f in forms if f.startswith(a)}
    for form in list(forms):  # Chiang Kai-shek: also Kai-Shek and Kai Shek (headings, older texts)
        if re.search(r"\w-[a-z]", form) and " " in form:
            forms.add(re.sub(r"(?<=\w)-([a-z])", lambda m: "-" + m.group(1).upper(), form))
            forms.add(re.sub(r"(?<=\w)-([a-z])", lambda m: " " + m.group(1).upper(), form))
    for form in list(forms):  # I. V. Stalin and I.V. Stalin
        if re.search(r"\b[A-Z]\. [A-Z]\.", form):
            forms.add(re.sub(r"\b([A-Z]\.) (?=[A-Z]\.)", r"\1", form))
    return forms


def _s2t():
    """Simplified -> traditional (OpenCC), so that a zh-Hant text finds the authority's zh-Hans names."""
    from opencc import OpenCC

    return OpenCC("s2t").convert


def _normal(text: str) -> str:
    return re.sub(f"[{APOSTROPHES}]", "'", " ".join(text.split()))


def _add(surfaces: dict[str, list[Candidate]], surface: str, cand: Candidate) -> None:
    have = surfaces.setdefault(surface, [])
    for i, c in enumerate(have):
        if c.entity_id == cand.entity_id:
            if c.contextual and not cand.contextual:
                have[i] = cand
            return
    have.append(cand)


def entity_kind_tag(entity: Entity) -> str:
    return entity.name_tag
