"""Recall and precision of the entities pass on annotated text (used by bench_entities.py --quality).

Two sources of truth, both read in place:

* the FRUS development set (`../shared/ner/frus-dev/`): the editors' person tags (offsets into
  the plain text). Their tagging is not exhaustive, so precision against it is a lower bound:
  the unmatched predictions are listed with `--show` for a reader to judge.
* three Wilson records of `../shared/corpus/wilson-pdf-text/`, annotated by hand in
  `tests/data/entities/gold/` (persons, places, organisations, dates, times).

Each text becomes a minimal TEI document (one `p` per block, the record's date in the header) and
goes through `tag_entities`; the pass is lossless, so the tags' offsets in the division's string
value are offsets in the text. A gold name is found when a predicted name of its type overlaps
it ("Senator <persName>George</persName>" finds the editors' "Senator George"); a prediction is
right when it overlaps a gold name of its type. A date is right when an overlapping predicted
date has the same attributes, wrong when its attributes differ or no gold date is there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FRUS = SHARED / "ner" / "frus-dev"
WILSON = SHARED / "corpus" / "wilson-pdf-text"
GOLD = REPO / "tests" / "data" / "entities" / "gold"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TYPES = {"persName": "person", "placeName": "place", "orgName": "org", "date": "date", "time": "time"}
_MDY = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                  r" (\d{1,2}), (\d{4})")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    text: str
    value: str = ""  # dates: "when=1950-01-02" or "notBefore=…;notAfter=…"


@dataclass
class Doc:
    name: str
    text: str
    date: str | None
    gold: list[Mention]
    types: tuple[str, ...]  # the types the gold covers
    predicted: list[Mention] = field(default_factory=list)


def iso_of_first_date(text: str) -> str | None:
    """The first 'Month D, YYYY' of a text, as ISO: the date a user would give with --date."""
    m = _MDY.search(text)
    if not m:
        return None
    months = "January February March April May June July August September October November December".split()
    return f"{m.group(3)}-{months.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}"


def frus_docs() -> list[Doc]:
    docs = []
    for path in sorted(FRUS.glob("*-d*.txt"), key=_doc_order):
        text = path.read_text(encoding="utf-8")
        gold = []
        rows = path.with_suffix(".persons.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for row in rows:
            start, end, surface = row.split("\t")[:3]
            start, end = int(start), int(end)
            assert text[start:end] == surface, (path.name, surface)
            gold.append(Mention(start, end, "person", surface))
        docs.append(Doc(path.stem, text, iso_of_first_date(text), gold, ("person",)))
    return docs


def _doc_order(path: Path) -> tuple[str, int]:
    volume, number = path.stem.rsplit("-d", 1)
    return volume, int(number)


def split_frus(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Tuning half (odd document numbers) and held-out half (even numbers)."""
    tune = [d for d in docs if int(d.name.rsplit("-d", 1)[1]) % 2]
    held = [d for d in docs if not int(d.name.rsplit("-d", 1)[1]) % 2]
    return tune, held


def wilson_docs() -> list[Doc]:
    docs = []
    for gold_file in sorted(GOLD.glob("[0-9]*.tsv")):
        raw = (WILSON / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        start = raw.index("English Translation") + len("English Translation")
        text = raw[start:]
        gold = read_gold(gold_file, text)
        docs.append(Doc(gold_file.stem, text, iso_of_first_date(raw), gold, ("person", "place", "org", "date", "time")))
    return docs


def frus_gold_docs() -> list[Doc]:
    """FRUS documents annotated by hand for persons, places and organisations (held out: the
    organisation and place rules were not tuned on them)."""
    docs = []
    for gold_file in sorted(GOLD.glob("frus*.tsv")):
        text = (FRUS / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        docs.append(Doc(gold_file.stem, text, iso_of_first_date(text), read_gold(gold_file, text),
                        ("person", "place", "org")))
    return docs


def read_gold(path: Path, text: str) -> list[Mention]:
    """The mentions of a gold file, found in reading order in `text` (an error if one is missing)."""
    out, pos = [], 0
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        kind, surface, *value = line.split("\t")
        pattern = re.escape(surface).replace(r"\ ", r"\s+").replace(r"\-", r"-\s*").replace("'", "['’]")
        m = re.compile(rf"(?<!\w){pattern}(?!\w)").search(text, pos)
        if not m:
            raise ValueError(f"{path.name}: {surface!r} not found after offset {pos}")
        out.append(Mention(m.start(), m.end(), kind, m.group(), value[0] if value else ""))
        pos = m.end()
    return out


def tei_document(text: str, date: str | None) -> etree._ElementTree:
    """A minimal TEI document: the record's date in the header, one `p` per block of `text`."""
    def el(parent, tag, **attrs):
        return etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)

    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    header = el(root, "teiHeader")
    if date:
        el(el(el(header, "profileDesc"), "creation"), "date", when=date)
    div = el(el(el(root, "text"), "body"), "div")
    div.set(f"{{{XML_NS}}}lang", "en")
    clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)
    parts = re.split(r"(\n[ \t]*\n\s*)", clean)
    div.text = ""
    for i in range(0, len(parts), 2):
        p = el(div, "p")
        p.text = parts[i]
        p.tail = parts[i + 1] if i + 1 < len(parts) else ""
    return etree.ElementTree(root)


def tagged_mentions(div: etree._Element) -> list[Mention]:
    """The names, dates and times in `div`, with offsets in its string value."""
    out: list[Mention] = []

    def walk(el, pos: int) -> int:
        start = pos
        pos += len(el.text or "")
        for child in el:
            pos = walk(child, pos)
            pos += len(child.tail or "")
        name = etree.QName(el).localname
        if name in TYPES:
            out.append(Mention(start, pos, TYPES[name], "".join(el.itertext()), value_of(el)))
        return pos

    walk(div, 0)
    return sorted(out, key=lambda m: m.start)


def value_of(el: etree._Element) -> str:
    keys = ("when", "from", "to", "notBefore", "notAfter")
    return ";".join(f"{k}={el.get(k)}" for k in keys if el.get(k))


def run(docs: list[Doc]) -> None:
    import sys

    sys.path.insert(0, str(REPO / "src"))
    from teikit.passes.entities import tag_entities

    for doc in docs:
        tree = tei_document(doc.text, doc.date)
        tag_entities(tree)
        div = tree.getroot().find(f".//{{{TEI_NS}}}div")
        assert "".join(div.itertext()) == re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", doc.text)
        doc.predicted = tagged_mentions(div)


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else float("nan")


def score(docs: list[Doc], kind: str) -> Score:
    """Names of one type ("person" …, or "name" for any of the three regardless of type)."""
    names = ("person", "place", "org")
    s = Score()
    for doc in docs:
        if kind not in doc.types and not (kind == "name" and set(names) <= set(doc.types)):
            continue
        want = (lambda m: m.type in names) if kind == "name" else (lambda m: m.type == kind)
        gold = [m for m in doc.gold if want(m)]
        pred = [m for m in doc.predicted if want(m)]
        s.gold += len(gold)
        s.predicted += len(pred)
        for g in gold:
            if any(_overlaps(g, p) for p in pred):
                s.found += 1
            else:
                s.misses.append((doc.name, g.text))
        for p in pred:
            if any(_overlaps(g, p) for g in gold):
                s.right += 1
            else:
                s.extras.append((doc.name, p.text))
    return s


def score_dates(docs: list[Doc], kind: str = "date") -> tuple[int, int, int, list]:
    """(gold, right, wrong, problems): a right date has an overlapping prediction with its value;
    a wrong one is a prediction with another value or none in the gold."""
    gold_n = right = wrong = 0
    problems = []
    for doc in docs:
        if kind not in doc.types:
            continue
        gold = [m for m in doc.gold if m.type == kind]
        pred = [m for m in doc.predicted if m.type == kind]
        gold_n += len(gold)
        for g in gold:
            if any(_overlaps(g, p) and p.value == g.value for p in pred):
                right += 1
            else:
                problems.append((doc.name, "missed", g.text, g.value))
        for p in pred:
            same = [g for g in gold if _overlaps(g, p)]
            if not same or all(g.value != p.value for g in same):
                wrong += 1
                problems.append((doc.name, "wrong", p.text, p.value))
    return gold_n, right, wrong, problems


# People whom ../shared/ner/README.md names as present in the texts but untagged by the editors.
KNOWN_UNTAGGED = ("Cordier", "Downey", "Fecteau", "Eisenhower")


def report(show: bool = False, bare: bool = False) -> None:
    frus = frus_docs()
    wilson = wilson_docs()
    held_names = frus_gold_docs()
    if bare:
        with _authority_without_records():
            run(frus + wilson + held_names)
        print("WITHOUT the shipped authority's records (states and capitals only): what the rules find alone")
    else:
        run(frus + wilson + held_names)
    tune, held = split_frus(frus)
    print("FRUS persons (editors' tags; precision is a lower bound, their tagging is not exhaustive;")
    print(f"  'adj.': not counting as wrong the people the README lists as untagged: {', '.join(KNOWN_UNTAGGED)})")
    for label, docs in (("tuning half (odd d)", tune), ("held-out half (even d)", held), ("all 32", frus)):
        s = score(docs, "person")
        untagged = sum(1 for _, text in s.extras if text in KNOWN_UNTAGGED)
        adjusted = (s.right + untagged) / s.predicted if s.predicted else float("nan")
        print(f"  {label:<24} recall {s.recall():.3f} ({s.found}/{s.gold})  precision {s.precision():.3f} "
              f"({s.right}/{s.predicted}), adj. {adjusted:.3f}")
        if show and label != "all 32":
            print("    missed:", sorted(set(s.misses)))
            print("    unmatched:", sorted(set(s.extras)))
    _names_report(f"Wilson records annotated by hand ({', '.join(d.name for d in wilson)})", wilson, show)
    gold_n, right, wrong, problems = score_dates(wilson)
    print(f"  dates      right {right}/{gold_n} ({right / gold_n:.3f}), wrong {wrong}")
    if show:
        print("    ", problems)
    _names_report(f"FRUS documents annotated by hand, held out ({', '.join(d.name for d in held_names)})",
                  held_names, show)


def _names_report(title: str, docs: list[Doc], show: bool) -> None:
    print(title)
    for kind in ("person", "place", "org", "name"):
        s = score(docs, kind)
        label = "all names" if kind == "name" else kind
        print(f"  {label:<10} recall {s.recall():.3f} ({s.found}/{s.gold})  precision {s.precision():.3f} ({s.right}/{s.predicted})")
        if show and kind != "name":
            print("    missed:", s.misses)
            print("    unmatched:", s.extras)


class _authority_without_records:
    """Within: the shipped authority file replaced by one with a single unused record."""

    def __enter__(self):
        import tempfile

        import teikit.entities.authority as authority

        self.dir = tempfile.TemporaryDirectory()
        path = Path(self.dir.name) / "authority.xml"
        path.write_text(f'<listPerson xmlns="{TEI_NS}"><person xml:id="nobody"><persName xml:lang="en">'
                        'Nobody Atall</persName></person></listPerson>', encoding="utf-8")
        self.module, self.saved = authority, authority.shipped_authority_path
        authority.shipped_authority_path = lambda: path
        return self

    def __exit__(self, *exc):
        self.module.shipped_authority_path = self.saved
        self.dir.cleanup()
