"""People of US foreign relations (the Office of the Historian's database, public domain), by full name.

`data/hsg-people.tsv` (made by `teikit.entities.build_data`) maps each normalised full name form
to the ids of the people who bear it; it is read on first use. A name is linked to the
database only when exactly one person bears it: "Walter S. Robertson" is 111456, "Robert
Anderson" (borne by several) is no one in particular.
"""
from __future__ import annotations

import functools
import re

from ..resources import data_dir
from .build_data import name_key


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    out = {}
    with open(data_dir() / "hsg-people.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                key, _, ids = line.rstrip("\n").partition("\t")
                out[key] = ids
    return out


def hsg_ids(name: str) -> tuple[str, ...]:
    """The database ids of the people whose full name (two words or more) is `name`."""
    key = name_key(name)
    if " " not in key:
        return ()
    ids = _index().get(key)
    return tuple(ids.split(",")) if ids else ()


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The database's surnames (data/surnames.txt), minus words that are mostly something else."""
    from .patterns import NOT_NAMES_EN
    from .shapes import NOT_SURNAMES

    text = (data_dir() / "surnames.txt").read_text(encoding="utf-8")
    words = {w for w in text.splitlines() if w and not w.startswith("#")}
    return frozenset(words - NOT_NAMES_EN - NOT_SURNAMES - _countries())


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The one-word names of states (data/countries.tsv): Japan is no one's surname here."""
    text = (data_dir() / "countries.tsv").read_text(encoding="utf-8")
    return frozenset(n for line in text.splitlines() if not line.startswith("#")
                     for n in line.split("\t")[1].split(" | ") if " " not in n)


_CAPITALISED = re.compile(r"(?<![\w'’.-])(?:Ma?c|O['’])?[A-Z][a-zß-ÿ]+(?:-[A-Z][a-z]+)?(?=['’]s\b|(?![\w'’-]))")
_CAP_NEIGHBOUR_BEFORE = re.compile(r"(?:(?<![\w'’.-])(?!I[ \t])[A-Z](?:[\w'’-]*[\w'’]|\.)?|&)[ \t]+$")
_CAP_NEIGHBOUR_AFTER = re.compile(r"^(?:['’]s)?[ \t]+(?:(?!I\b)[A-Z]|&|of [A-Z])")


def lone_surnames(text: str, lower_words: frozenset[str], also: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of capitalised words standing alone that are surnames of the database (or in
    `also`) and that the document never writes in lower case ("Menon", "Wang"; not "July",
    "Japan", "New York")."""
    out = []
    known = surnames()
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if not (word in known or word in also) or word.lower() in lower_words or len(word) < 3:
            continue
        if _CAP_NEIGHBOUR_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if _CAP_NEIGHBOUR_AFTER.match(text[m.end() : m.end() + 12]):
            continue
        if _sentence_start(text, m.start()) and not _SAYS.match(text, m.end()):
            continue  # "Short", "Morton": at a sentence's start only with a verb of speech or 's
        out.append((m.start(), m.end()))
    return out


_SAYS = re.compile(
    r"['’]s\b|,|[ \t]+(?:[a-z]+ly[ \t]+)?(?:said|says|stated|asked|replied|told|added|noted|agreed|was|is|had|has|will|would|"
    r"and|also|then|thought|thinks|felt|believed|suggested|indicated|called|came|expressed|declared|"
    r"concurred|continued|proposed|delivered|hoped|hopes|wrote|reported|made|saw|left|arrived|went|"
    r"informed|emphasized|emphasised|stressed|pointed|remarked|explained|commented|observed|repeated|"
    r"insisted|promised|requested|urged|handed|sent|gave|read|raised|responded|answered|inquired|"
    r"mentioned|referred|spoke|met|visited|received|presented|did|does|may|might|could|should|can|must|"
    r"cabled|telegraphed|recommended|approved|opened|closed|stated|reiterated|countered|objected)\b")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\n\"“‘'(")
    return not before or before[-1] in ".!?:;]\ufffc"


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Words that are no Chinese place when they stand alone: surnames and given names of the
    database, and the capitalised words that are not names (teikit.entities.patterns)."""
    from .patterns import NOT_NAMES_EN
    from .shapes import NOT_SURNAMES, given_names

    text = (data_dir() / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#")) | given_names() | NOT_NAMES_EN | NOT_SURNAMES
