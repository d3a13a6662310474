"""xml:id minting: every id the reader makes comes from `mint`, so ids are unique by construction.

`settle_ids` is the last line of defence after the passes: a duplicate (which lxml accepts in a
tree but no parser accepts in the file) is renamed with `mint`, so a written document always
parses.
"""
from __future__ import annotations

import re

from lxml import etree

from .tei import XML_ID

_NOT_NCNAME = re.compile(r"[^0-9A-Za-z_.-]")


def ncname(text: str) -> str:
    """text made into an NCName fragment: other characters become '_', never empty."""
    part = _NOT_NCNAME.sub("_", text) or "x"
    return part if part[0].isalpha() or part[0] == "_" else "_" + part


class IdSet(set):
    """A set of ids that remembers, per base, where `mint` stopped looking (ids are only ever
    added), so minting the same base k times costs k steps, not k²/2."""

    def __init__(self, *args):
        super().__init__(*args)
        self.next_suffix: dict[str, int] = {}


def mint(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 … : the first not in taken (which then holds it)."""
    resume = getattr(taken, "next_suffix", None)
    n = resume.get(base, 1) if resume is not None else 1
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    if resume is not None:
        resume[base] = n
    return candidate


def settle_ids(root: etree._Element) -> None:
    """Rename the second and later holders of an xml:id (pointers keep naming the first)."""
    seen: set[str] = IdSet()
    duplicates = []
    for el in root.iter():
        value = el.get(XML_ID) if isinstance(el.tag, str) else None
        if value is None:
            continue
        if value in seen:
            duplicates.append(el)
        seen.add(value)
    for el in duplicates:
        el.set(XML_ID, mint(el.get(XML_ID), seen))
