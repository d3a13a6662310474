"""English <-> Chinese name pairs for the aligner, from the one authority (entities.authority):
the shipped file merged with the user's, record by record."""
from __future__ import annotations

import functools
from typing import Iterable

from ..entities.authority import Authority, load_authority
from ..lang import is_chinese


def name_pairs(extra: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """(English name, Chinese name) pairs of each record of the authority (the shipped file
    merged with the `extra` files, in order), without contextual names (bare surnames and
    one-character forms: too ambiguous as anchors)."""
    return _pairs(load_authority(tuple(str(f) for f in extra)))


@functools.lru_cache(maxsize=8)
def _pairs(authority: Authority) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for entity in authority.entities.values():
        names = [n for n in entity.names if not n.contextual]
        en = [n.text for n in names if n.lang == "en" and len(n.text) >= 3]
        zh = [n.text for n in names if is_chinese(n.lang) and len(n.text) >= 2]
        pairs.extend((e, z) for e in en for z in zh)
    return tuple(dict.fromkeys(pairs))
