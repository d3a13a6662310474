"""The named-entity pass: persName/placeName/orgName with @ref, date and time, in both languages.

`tag_entities(tree, options)` tags the body divisions and their notes in two rounds. Round one
tags what needs no context: authority names with one referent, dates and times (the year from
the record's own date), and unknown names found by titles (local records marked `cert="low"`).
Round two resolves what needs context (a bare "Zhou" or 周, 中央, 莫米二同志) from the aligned
sentence of the other language, else from the rest of the document. Then the header's
correspDesc names get their @ref, and the records used are copied into standOff.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from lxml import etree

from ..entities.authority import Authority, load_authority
from ..entities.kinds import KINDS, NAME_ELEMENTS, RECORD_KINDS, self_test
from ..entities.dates import DateContext, find_dates
from ..entities.matchers import Hit, NameMatcher, matcher_for
from ..entities.patterns import (
    NameGuess,
    contractions_zh,
    follows_title_en,
    is_name_like_zh,
    pinyin_names_en,
    roles_beside,
    suffix_names_zh,
    title_names_en,
)
from ..entities.orgs import context_places, defined_acronyms, lone_names, mentions_of, names_pattern, pinyin_places, shaped_names
from ..entities.people import hsg_ids, lone_surnames, not_places
from ..entities.shapes import caps_as_title, shape_names_en, surname_of
from ..entities.tagging import Span, Visit, flatten, tag_again, tag_tree
from ..lang import HAN_CHAR, MONTH_NAMES, is_chinese, primary
from ..tei import NSMAP, XML_ID, XML_LANG, ensure_standoff, language_divisions, local_name, slug, tei

_ISO = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


@dataclass(frozen=True)
class EntityOptions:
    """Options of the pass when called on its own (EncodeOptions carries the same `authority`).

    `roles` adds roleName beside names; it is off in `teikit encode` because docs/encoding.md and
    the teikit profile (schema/teikit.rng) do not include roleName.
    """

    authority: tuple[str, ...] = ()
    roles: bool = False


def tag_entities(tree: etree._ElementTree, options=None) -> etree._ElementTree:
    """Tag names, dates and times in both languages and add the records used to standOff."""
    authority = load_authority(tuple(getattr(options, "authority", ()) or ()))
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    run = _Run(root, authority)
    divisions = text_divisions(root)
    visits = [run.tag_plain(division) for division in divisions]
    for division, seen in zip(divisions, visits):
        run.tag_in_context(division, seen)
    run.keep_bearers_apart(divisions)
    if getattr(options, "roles", False):
        for division in divisions:
            run.tag_roles(division)
    run.tag_header()
    run.write_records()
    return tree


def text_divisions(root: etree._Element) -> list[etree._Element]:
    """The body's language divisions, then the back's notes divisions (each with xml:lang)."""
    notes = root.xpath("tei:text/tei:back/tei:div[@xml:lang]", namespaces=NSMAP)
    return language_divisions(root) + notes


def record_date(root: etree._Element) -> str | None:
    """The record's own date (ISO), from the archive citation, the correspondence or the creation."""
    for path in (
        "tei:teiHeader//tei:biblStruct[@type='archive']//tei:date/@when",
        "tei:teiHeader/tei:profileDesc/tei:correspDesc//tei:date/@when",
        "tei:teiHeader/tei:profileDesc/tei:creation//tei:date/@when",
    ):
        for value in root.xpath(path, namespaces=NSMAP):
            if _ISO.match(value.strip()):
                return value.strip()
    return None


def aligned_sentences(root: etree._Element) -> dict[str, list[etree._Element]]:
    """Sentence id -> the sentences of its bead in the other language (from the translation linkGrp)."""
    sentences = {sid: s for s in root.iter(tei("s")) if (sid := s.get(XML_ID))}
    langs = _langs_of(sentences)
    beads: dict[str, list[etree._Element]] = {}
    for target in _LINK_TARGETS(root):
        ids = [t[1:] for t in target.split() if t[1:] in sentences]
        for sid in ids:
            beads[sid] = [sentences[o] for o in ids if langs[o] != langs[sid]]
    return beads


def _langs_of(elements: dict[str, etree._Element]) -> dict[str, str]:
    """Key -> _lang_of(element), for many elements: each parent's language is looked up once
    (the sentences of a paragraph share it)."""
    of_parent: dict = {}
    langs = {}
    for key, el in elements.items():
        lang = el.get(XML_LANG)
        if not lang:
            parent = el.getparent()
            lang = of_parent.get(parent)
            if lang is None:
                lang = of_parent[parent] = "en" if parent is None else _lang_of(parent)
        langs[key] = lang
    return langs


# a capitalised word or acronym (its 's apart), the lookbehind after the first character (fast)
_CAPITALISED_WORD = re.compile(r"([A-Z](?<![\w'’.-].)(?:[\w-]*\w)?(?:['’](?!s\b)\w+)?)(?:['’]s\b)?(?![\w'’-])")
_OWN_TEXT = etree.XPath(".//text()[not(ancestor::tei:supplied)]", namespaces=NSMAP, smart_strings=False)
_NAME_ELEMENTS = tuple(tei(t) for t in NAME_ELEMENTS)
# plain strings (no smart strings: nothing asks for their parent)
_LINK_TARGETS = etree.XPath("tei:standOff/tei:linkGrp[@type='translation']/tei:link/@target",
                            namespaces=NSMAP, smart_strings=False)
_SENTENCE_IDS = etree.XPath(".//tei:s/@xml:id", namespaces=NSMAP, smart_strings=False)
_ALL_IDS = etree.XPath("//@xml:id", smart_strings=False)


def refs_in(element: etree._Element) -> set[str]:
    """The ids that the name elements below `element` refer to."""
    out = set()
    for el in element.iterdescendants(*_NAME_ELEMENTS):
        ref = el.get("ref")
        if ref is not None:
            out.update(r.lstrip("#") for r in ref.split())
    return out


def _lang_of(el: etree._Element) -> str:
    """The nearest xml:lang of `el` or an ancestor, else "en"."""
    node = el
    while node is not None:
        lang = node.get(XML_LANG)
        if lang:
            return lang
        node = node.getparent()
    return "en"


def _with_year_only(attrs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Drop values without a year (--01-09): the teikit profile, like the contract, wants full ISO dates."""
    if any(value.startswith("--") for _, value in attrs):
        return ()
    return attrs


def _has_rules(lang: str) -> bool:
    """Dates and unknown-name patterns exist for English and Chinese; other languages get names only."""
    return is_chinese(lang) or primary(lang) == "en"


class _Intervals:
    """Pairwise disjoint, non-empty [start, end) intervals, sorted, for overlap and containment tests."""

    def __init__(self, intervals: list[tuple[int, int]] = ()):
        """Start with `intervals`, already sorted (a matcher's hits are)."""
        self.starts: list[int] = [start for start, _ in intervals]
        self.ends: list[int] = [end for _, end in intervals]

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)

    def _last_before(self, pos: int) -> int:
        """Index of the interval with the greatest start < pos (-1 if none)."""
        return bisect_left(self.starts, pos) - 1

    def overlaps(self, start: int, end: int) -> bool:
        """Does an interval overlap [start, end)? Only the last one starting before `end` can."""
        k = self._last_before(end)
        return k >= 0 and self.ends[k] > start

    def contains(self, start: int, end: int) -> bool:
        """Is [start, end) within one interval ("Comrade Liu" inside a contextual name: round two decides)?"""
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]


def _head_of(flat: str, hit: Hit, lang: str) -> bool:
    """贸易部长, 社长: an organisation's name that is part of its head's title is left alone."""
    return is_chinese(lang) and hit.unique.kind == "org" and flat[hit.end : hit.end + 1] == "长"


def _guesses_en(flat: str) -> list[NameGuess]:
    titled = caps_as_title(flat)
    in_caps = title_names_en(titled) if titled else []  # "COMRADE PETRENKOV"
    return title_names_en(flat) + pinyin_names_en(flat) + shape_names_en(flat) + in_caps


def _guesses_zh(flat: str) -> list[NameGuess]:
    return suffix_names_zh(flat)


def _no_guesses(flat: str) -> list[NameGuess]:
    return []  # no unknown-name patterns for this language


def _name_span(start: int, end: int, kind: str, ids) -> Span:
    return Span(start, end, RECORD_KINDS[kind], (("ref", " ".join(["#" + i for i in ids])),))


@dataclass
class _Run:
    """The state of one document's pass: its authority, date, alignment and local records."""

    root: etree._Element
    authority: Authority
    local: dict[str, etree._Element] = field(default_factory=dict)  # id -> local record
    local_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, name) -> id
    local_others: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (lang, name, kind) -> id

    def __post_init__(self):
        self.date = record_date(self.root)
        self.beads = aligned_sentences(self.root)
        self.doc_ids = set(_ALL_IDS(self.root))
        self._refs: set[str] | None = None  # ids the document's names refer to (see _document_refs)
        self._hits: dict[tuple[str, str], list[Hit]] = {}  # (language, text) -> names found (see _names)
        self.surnames: dict[str, set[str]] = {}  # English surname -> the people of the document who bear it
        self.existing = _records_by_name(self.root)  # (kind, name) -> id of a record already in standOff
        self.person_initials: set[str] = set()  # "JFD": the capitals of the people's names

    def _names(self, matcher: NameMatcher, flat: str) -> list[Hit]:
        """matcher.find(flat), kept for the document: round two sees again every text that round
        one left untagged."""
        key = (matcher.lang, flat)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = matcher.find(flat)
            titled = caps_as_title(flat) if matcher.latin else None
            if titled:  # a heading in capitals is still text: "COMRADE I.V. STALIN"
                have = _Intervals([(h.start, h.end) for h in hits])
                more = [h for h in matcher.find(titled) if not have.overlaps(h.start, h.end)]
                if more:
                    hits = self._hits[key] = sorted(hits + more, key=lambda h: h.start)
        return hits

    def _document_refs(self) -> set[str]:
        """refs_in(root), kept up to date by tag_in_context: tagging a division only adds names to it."""
        if self._refs is None:
            self._refs = refs_in(self.root)
        return self._refs

    # -- round one: no context needed ----------------------------------------------------
    def tag_plain(self, division: etree._Element) -> list[Visit]:
        """Tag what needs no context; return the elements seen, for round two."""
        lang = _lang_of(division)
        matcher = matcher_for(self.authority, lang)
        # "yesterday" only where the text itself states the record's full date (not in the notes)
        context = DateContext.from_iso(self.date, relative=self._date_is_stated(division))
        chinese, rules = is_chinese(lang), _has_rules(lang)
        guesses = _guesses_zh if chinese else _guesses_en if rules else _no_guesses

        def find(flat: str, _el) -> list[Span]:
            hits = self._names(matcher, flat)
            dates = find_dates(flat, lang, context) if rules else ()
            unknown = guesses(flat)
            if unknown and not chinese:
                hits = self._without_other_bearers(hits, unknown)
            shaped = self._shaped(flat, hits) if rules and not chinese else []
            if shaped:  # a longer name of its own: the names inside it are part of it
                within = _Intervals([(s.start, s.end) for s in shaped])
                hits = [hit for hit in hits if not within.overlaps(hit.start, hit.end)]
            spans = [
                _name_span(hit.start, hit.end, hit.unique.kind, [hit.unique.entity_id])
                for hit in hits
                if hit.unique and not (chinese and _head_of(flat, hit, lang))
            ]
            if shaped:
                spans = sorted(spans + shaped + self._acronyms(flat, spans + shaped), key=lambda s: s.start)
            if dates or unknown:  # most texts have neither
                spans += self._dates_and_guesses(hits, dates, unknown, lang)
            if not chinese and rules:
                self._note_surnames(flat, spans)
            return spans

        visits: list[Visit] = []
        tag_tree(division, find, visits)
        return visits

    def _date_is_stated(self, division: etree._Element) -> bool:
        """Does the division (a body division) write the record's full date itself, with no part
        of it supplied by an editor ("October 10, 1945"; not "2 January [1950]")?"""
        parent = division.getparent()
        if not self.date or len(self.date) != 10 or parent is None or local_name(parent) != "body":
            return False
        return bool(written_date(self.date).search("".join(_OWN_TEXT(division))))

    def _dates_and_guesses(self, hits: list[Hit], dates, guesses, lang: str) -> list[Span]:
        """The spans of the dates, then of the unknown names, that no name found in round one
        (`hits`) overlaps; a name inside a contextual name (left to round two) is not guessed."""
        spans = []
        taken = _Intervals([(hit.start, hit.end) for hit in hits if not hit.candidates or hit.unique])
        contextual = _Intervals([(hit.start, hit.end) for hit in hits if hit.candidates and not hit.unique])
        for found in dates:
            if not taken.overlaps(found.start, found.end) and not contextual.overlaps(found.start, found.end):
                spans.append(Span(found.start, found.end, found.tag, _with_year_only(found.attrs)))
                taken.add(found.start, found.end)
        for guess in guesses:
            if not taken.overlaps(guess.start, guess.end) and not contextual.contains(guess.start, guess.end):
                spans.append(_name_span(guess.start, guess.end, "person", [self._local_id(guess.name, lang)]))
                taken.add(guess.start, guess.end)
        return spans

    def _without_other_bearers(self, hits: list[Hit], guesses: list[NameGuess]) -> list[Hit]:
        """`hits` without the authority surnames inside a full name of someone else: "E. F.
        Kovalev" is not Ivan Kovalev, "Allen Dulles" not John Foster Dulles (initials or given
        name that none of the authority person's full names starts with)."""
        drop = set()
        for guess in guesses:
            for hit in hits:
                if (hit.unique and hit.unique.kind == "person" and guess.start < hit.start and hit.end == guess.end
                        and not self._may_be(hit.unique.entity_id, guess.name)):
                    drop.add((hit.start, hit.end))
        return [hit for hit in hits if (hit.start, hit.end) not in drop] if drop else hits

    def _may_be(self, entity_id: str, full_name: str) -> bool:
        """Could `full_name` be the authority person's (a full name of theirs starts with its first letter)?"""
        first = full_name[:1]
        names = [n.text for n in self.authority.entities[entity_id].names if n.lang == "en" and " " in n.text]
        return not names or any(n[:1] == first for n in names)

    def _shaped(self, flat: str, hits: list[Hit]) -> list[Span]:
        """Spans of the organisations and places found by their shape (entities.orgs) that no
        authority name crosses and that do not start with an authority name covering their head
        noun ("Central Committee of the CCP" stays the authority's; "Revolutionary Committee of
        the Guomindang" and "National Security Council" are names of their own)."""
        found = shaped_names(flat) + _compass_places(flat, hits)
        if not found:
            return []
        found.sort(key=lambda g: (g.start, -g.end))
        names = [(hit.start, hit.end) for hit in hits if hit.candidates]
        spans, made = [], _Intervals()
        for guess in found:
            if made.overlaps(guess.start, guess.end):
                continue
            inside = [(a, b) for a, b in names if a < guess.end and guess.start < b]
            if any(a < guess.start or b > guess.end for a, b in inside):
                continue
            if (guess.start, guess.end) in inside or any(
                    a == guess.start and a <= guess.head[0] and guess.head[1] <= b for a, b in inside):
                continue  # the authority's name (with a complement: "Central Committee of the CCP")
            spans.append(_name_span(guess.start, guess.end, guess.kind, [self._local_id(guess.name, "en", guess.kind)]))
            made.add(guess.start, guess.end)
        return spans

    def _acronyms(self, flat: str, spans: list[Span]) -> list[Span]:
        """The acronym defined in brackets after an organisation or place ("NSC"): tagged there,
        and remembered so that it is tagged wherever it stands alone (round two)."""
        named = sorted((s for s in spans if s.tag in ("orgName", "placeName")), key=lambda s: s.start)
        out = []
        for i, start, end, acronym in defined_acronyms(flat, [(s.start, s.end) for s in named]):
            ref = dict(named[i].attrs)["ref"]
            self.surnames.setdefault(acronym, set()).add(ref.lstrip("#"))
            out.append(Span(start, end, named[i].tag, (("ref", ref),)))
        return out

    def _local_record(self, name: str, lang: str, kind: str) -> str:
        """A local organisation or place record (cert="low") named `name` (one per name and kind)."""
        key = (lang, name, kind)
        if key in self.local_others:
            return self.local_others[key]
        base = slug(name)
        rid, n = base, 2
        while rid in self.authority.entities or rid in self.doc_ids or rid in self.local:
            rid, n = f"{base}-{n}", n + 1
        self.local[rid] = etree.Element(tei(kind), {XML_ID: rid, "cert": "low"})
        etree.SubElement(self.local[rid], tei(RECORD_KINDS[kind]), {XML_LANG: lang}).text = name
        self.local_others[key] = rid
        return rid

    def _note_surnames(self, flat: str, spans: list[Span]) -> None:
        """Remember the surname of each full name tagged as a person ("Walter S. Robertson")."""
        for span in spans:
            if span.tag == "persName":
                words = re.findall(r"[A-Z]", flat[span.start : span.end])
                if len(words) >= 2:  # "JFD" signs for John Foster Dulles
                    self.person_initials.add("".join(words))
                surname = surname_of(flat[span.start : span.end])
                if surname:
                    ref = dict(span.attrs)["ref"].lstrip("#")
                    self.surnames.setdefault(surname, set()).add(ref)

    def _surname_spans(self, flat: str, hits: list[Hit], unresolved=()) -> list[Span]:
        """A bare surname of one person the document names in full: that person ("Robertson"
        after "Walter S. Robertson"); a surname two people share is left alone."""
        open_ = {(hit.start, hit.end) for hit in unresolved}
        taken = _Intervals([(hit.start, hit.end) for hit in hits if (hit.start, hit.end) not in open_])
        spans = []
        for m in _CAPITALISED_WORD.finditer(flat) if self.surnames else ():
            word = m.group(1)
            people = self.surnames.get(word)
            if people and len(people) == 1 and not taken.overlaps(m.start(), m.start() + len(word)):
                ref = next(iter(people))
                spans.append(_name_span(m.start(), m.start() + len(word), self._kind_of(ref), [ref]))
                taken.add(m.start(), m.start() + len(word))
        also = frozenset(flat[a:b] for a, b in open_)
        for start, end in lone_surnames(flat, self._lower_words(), also):
            if not taken.overlaps(start, end) and flat[start:end] not in self.surnames:
                spans.append(_name_span(start, end, "person", [self._local_id(flat[start:end], "en")]))
                taken.add(start, end)
        for guess in pinyin_places(flat, self._lower_words(), not_places(), self.surnames):
            if not taken.overlaps(guess.start, guess.end):
                spans.append(_name_span(guess.start, guess.end, "place", [self._local_id(guess.name, "en", "place")]))
        return sorted(spans, key=lambda span: span.start)

    def keep_bearers_apart(self, divisions: list[etree._Element]) -> None:
        """A bare authority surname ("Kovalev") in a document that names in full only someone
        else who bears it ("E. F. Kovalev"): that person, not the authority's (Ivan Kovalev)."""
        if not any(rid in self.local for people in self.surnames.values() for rid in people):
            return
        for division in divisions:
            if is_chinese(_lang_of(division)):
                continue
            for el in division.iter(tei("persName")):
                ref, text = (el.get("ref") or "").lstrip("#"), "".join(el.itertext()).strip()
                people = self.surnames.get(text)
                if ref in self.authority.entities and people and len(people) == 1:
                    other = next(iter(people))
                    names = self.local[other].findall(tei("persName")) if other in self.local else []
                    if names and not self._may_be(ref, names[0].text or ""):
                        el.set("ref", f"#{other}")

    def _lower_words(self) -> frozenset[str]:
        """The words the English text writes in lower case ("wood", "house": then "Wood" may be a word)."""
        if getattr(self, "_lower", None) is None:
            text = " ".join("".join(d.itertext()) for d in text_divisions(self.root) if not is_chinese(_lang_of(d)))
            self._lower = frozenset(re.findall(r"\b[a-z]+\b", text))
        return self._lower

    def _with_surnames(self, spans: list[Span], flat: str, hits: list[Hit], unresolved=()) -> list[Span]:
        """`spans` and the surname spans (_surname_spans) that overlap none of them, in order;
        `unresolved`: the authority's bare surnames that the context did not resolve ("Wang" with
        three Wangs in the authority, none named in full): people all the same, with a local record."""
        made = _Intervals(sorted((span.start, span.end) for span in spans))
        more = [span for span in self._surname_spans(flat, hits, unresolved) if not made.overlaps(span.start, span.end)]
        return sorted(spans + more, key=lambda span: span.start) if more else spans

    def _with_lone_names(self, spans: list[Span], flat: str, hits: list[Hit]) -> list[Span]:
        """`spans` and the organisations and places standing alone (entities.orgs.lone_names:
        acronyms, parties, "in Kaesong") that overlap neither them nor an authority name."""
        not_names = _NotNames(self.surnames)
        guesses = lone_names(flat, self._lower_words(), not_names, self.person_initials, context=False)
        guesses += mentions_of(flat, self._context_places(not_names))
        if not guesses:
            return spans
        taken = _Intervals(sorted([(s.start, s.end) for s in spans] + [(h.start, h.end) for h in hits if h.candidates]))
        more = []
        for guess in sorted(guesses, key=lambda g: (g.start, -g.end)):
            if not taken.overlaps(guess.start, guess.end):
                more.append(_name_span(guess.start, guess.end, guess.kind, [self._local_id(guess.name, "en", guess.kind)]))
                taken.add(guess.start, guess.end)
        return sorted(spans + more, key=lambda span: span.start) if more else spans

    def _context_places(self, not_names) -> re.Pattern | None:
        """The places the English text shows by their context anywhere ("in Manchuria"): their
        other mentions ("advance on Manchuria") name them too."""
        if not hasattr(self, "_places_seen"):
            text = "\n".join("".join(d.itertext()) for d in text_divisions(self.root) if not is_chinese(_lang_of(d)))
            self._places_seen = names_pattern({g.name for g in context_places(text, self._lower_words(), not_names)})
        return self._places_seen

    def _kind_of(self, ref: str) -> str:
        entity = self.authority.entities.get(ref)
        if entity:
            return entity.kind
        return local_name(self.local[ref]) if ref in self.local else "person"

    def _local_id(self, name: str, lang: str, kind: str = "person") -> str:
        """A local record for a name not in the authority: id from the name, cert="low".

        A Chinese name whose pinyin is an English name already found (谢觉哉, "Xie Juezai") shares
        that record, so both languages point to one person.
        """
        if (kind, name) in self.existing:  # tagged by an earlier run: its record
            return self.existing[(kind, name)]
        if kind != "person":
            return self._local_record(name, lang, kind)
        key = (lang, name)
        if key in self.local_ids:
            return self.local_ids[key]
        base = slug(_latin(name) if is_chinese(lang) else name)
        rid = self.local_ids.get(("slug", base))
        if rid is None:
            rid, n = base, 2
            while rid in self.authority.entities or rid in self.doc_ids or rid in self.local:
                rid, n = f"{base}-{n}", n + 1
            hsg = hsg_ids(name) if not is_chinese(lang) else ()
            if len(hsg) == 1:  # one person of the database bears this full name: its record
                self.local[rid] = etree.Element(tei("person"), {XML_ID: rid})
                etree.SubElement(self.local[rid], tei("idno"), {"type": "HSG"}).text = hsg[0]
            else:
                self.local[rid] = etree.Element(tei("person"), {XML_ID: rid, "cert": "low"})
            self.local_ids[("slug", base)] = rid
        record = self.local[rid]
        names = record.findall(tei("persName"))
        name_el = etree.Element(tei("persName"), {XML_LANG: lang})
        name_el.text = name
        (names[-1].addnext(name_el) if names else record.insert(0, name_el))
        if is_chinese(lang):
            etree.SubElement(record, tei("persName"), {XML_LANG: "zh-Latn-pinyin"}).text = _latin(name, tones=True)
        self.local_ids[key] = rid
        return rid

    # -- round two: names that need the context ------------------------------------------
    def tag_in_context(self, division: etree._Element, visits: list[Visit]) -> None:
        """Tag what needs context in the elements round one saw (`visits`)."""
        lang = _lang_of(division)
        matcher = matcher_for(self.authority, lang)
        known = set(self._document_refs())
        inside = set(_SENTENCE_IDS(division))
        memo: dict[str, set[str]] = {}
        chinese = is_chinese(lang)
        # 刘宁一 ↔ "Liu Ningyi": only English local names are looked for, and round two adds none
        by_pinyin = chinese and any(key[0].startswith("en") for key in self.local_ids)

        english = not chinese and _has_rules(lang)
        surnames = english and self.surnames

        def find(flat: str, el) -> list[Span]:
            hits = [hit for hit in self._names(matcher, flat) if hit.candidates and not hit.unique]
            contracted = contractions_zh(flat) if chinese else []
            if not (hits or contracted or by_pinyin or surnames):
                return self._with_lone_names([], flat, self._names(matcher, flat)) if english else []
            aligned = self._aligned_refs(el, inside, memo)
            spans = []
            unresolved = []
            for hit in hits:
                chosen = self._resolve(hit, flat, lang, aligned, known)
                if chosen:
                    kind = self.authority.entities[chosen].kind
                    spans.append(_name_span(hit.start, hit.end, kind, [chosen]))
                    known.add(chosen)
                elif all(c.kind == "person" for c in hit.candidates):
                    unresolved.append(hit)
            if contracted:
                spans.extend(self._contractions(contracted, aligned, known))
            if by_pinyin:
                spans.extend(self._local_names_by_pinyin(flat, lang, aligned))
            if surnames:
                spans = self._with_surnames(spans, flat, self._names(matcher, flat), unresolved)
            if english:
                spans = self._with_lone_names(spans, flat, self._names(matcher, flat))
            return spans

        for span in tag_again(visits, find):  # the names it wrapped: now refs of the document
            self._document_refs().update(r.lstrip("#") for r in dict(span.attrs)["ref"].split())

    def _local_names_by_pinyin(self, flat: str, lang: str, aligned: set[str] | None) -> list[Span]:
        """刘宁一 where the aligned English (or, unaligned, the document) has the local name "Liu Ningyi"."""
        wanted = {}
        for (name_lang, name), rid in self.local_ids.items():
            if name_lang.startswith("en") and (aligned is None or rid in aligned):
                wanted[re.sub(r"[^a-z]", "", name.lower())] = rid
        if not wanted:
            return []
        spans = []
        for start in range(len(flat)):
            for size in (3, 2):
                name = flat[start : start + size]
                if len(name) == size and is_name_like_zh(name):
                    rid = wanted.get(_latin(name).replace(" ", "").lower())
                    if rid:
                        self._add_local_name(rid, name, lang)
                        spans.append(_name_span(start, start + size, "person", [rid]))
                        break
        return spans

    def _add_local_name(self, rid: str, name: str, lang: str) -> None:
        if (lang, name) in self.local_ids:
            return
        record = self.local[rid]
        etree.SubElement(record, tei("persName"), {XML_LANG: lang}).text = name
        etree.SubElement(record, tei("persName"), {XML_LANG: "zh-Latn-pinyin"}).text = _latin(name, tones=True)
        self.local_ids[(lang, name)] = rid

    def _aligned_refs(self, el: etree._Element, inside=frozenset(), memo=None) -> set[str] | None:
        """Entities named in the other language's sentences aligned with el's sentence (None: no alignment).

        `memo` (sentence id -> refs) keeps the answer for sentences whose aligned sentences are
        not among `inside` (the ids of the sentences being tagged, whose refs may still change).
        """
        sentence = el if local_name(el) == "s" else next(el.iterancestors(tei("s")), None)
        sid = None if sentence is None else sentence.get(XML_ID)
        if sid not in self.beads:
            return None
        if memo is not None and sid in memo:
            return memo[sid]
        out: set[str] = set()
        for other in self.beads[sid]:
            out |= refs_in(other)
        if memo is not None and not any(o.get(XML_ID) in inside for o in self.beads[sid]):
            memo[sid] = out
        return out

    def _resolve(self, hit: Hit, flat: str, lang: str, aligned: set[str] | None, known: set[str]) -> str | None:
        ids = list(dict.fromkeys(c.entity_id for c in hit.candidates))
        if aligned is not None:
            picked = [i for i in ids if i in aligned]
            if len(picked) == 1:
                return picked[0]
        one_character = is_chinese(lang) and hit.end - hit.start == 1
        if one_character and (self.beads or aligned is not None):
            return None  # 周, 莫: only where the aligned sentence says so
        picked = [i for i in ids if i in known]
        if len(picked) == 1:
            return picked[0]
        if len(ids) == 1 and not is_chinese(lang) and follows_title_en(flat, hit.start):
            return ids[0]  # "Premier Zhou", "Chairman Mao": a title makes the surname a person
        plain = [c.entity_id for c in hit.candidates if not c.contextual]
        return plain[0] if plain else None

    def _contractions(self, contracted, aligned: set[str] | None, known: set[str]) -> list[Span]:
        """莫米二同志: the people of `contracted` (contractions_zh) named in the aligned sentence (or known)."""
        initials = _person_initials(self.authority)
        people = [i for i in (aligned if aligned else known) if i in initials]
        spans = []
        for start, end, chars in contracted:
            ids = [_only([p for p in people if initials[p] == ch]) for ch in chars]
            if all(ids) and len(set(ids)) == len(ids):
                spans.append(_name_span(start, end, "person", ids))
        return spans

    # -- round three: roles beside the names ----------------------------------------------
    def tag_roles(self, division: etree._Element) -> None:
        """roleName for "foreign minister" in "China's foreign minister Zhou Enlai", 外长 in 外长周恩来."""
        lang = _lang_of(division)
        if not _has_rules(lang):
            return

        def find(flat: str, el) -> list[Span]:
            _, items = flatten(el)
            people = [(a, b) for a, b, v in items if not isinstance(v, str) and local_name(v) == "persName"]
            return [Span(a, b, "roleName") for a, b in roles_beside(flat, people, is_chinese(lang))]

        tag_tree(division, find)

    # -- header and records ---------------------------------------------------------------
    def tag_header(self) -> None:
        """Give correspDesc's names the @ref of the entity they name, where one matches."""
        known = set(self._document_refs())
        path = f"tei:teiHeader/tei:profileDesc/tei:correspDesc//*[{self_test(NAME_ELEMENTS)}][not(@ref)]"
        for el in self.root.xpath(path, namespaces=NSMAP):
            entity = self._header_entity(el, known)
            if entity:
                el.set("ref", f"#{entity}")

    def _header_entity(self, el: etree._Element, known: set[str]) -> str | None:
        """The one entity a header name names, if its names cover most of the text."""
        text = " ".join("".join(el.itertext()).split())
        lang = "zh-Hans" if HAN_CHAR.search(text) else "en"  # one Han character: a Chinese name
        hits = [h for h in matcher_for(self.authority, lang).find(text) if h.candidates]
        chosen = {h.unique.entity_id if h.unique else self._resolve(h, text, lang, None, known) for h in hits}
        covered = sum(h.end - h.start for h in hits)
        if len(chosen) != 1 or None in chosen or covered * 2 < len(text):
            return None
        entity = chosen.pop()
        return entity if self.authority.entities[entity].name_tag == local_name(el) else None

    def write_records(self) -> None:
        """Copy the records the document refers to into standOff: listPerson, listPlace, listOrg."""
        used = [i for i in dict.fromkeys(_refs_in_order(self.root)) if i not in self.doc_ids]
        records = [self._record(i) for i in used]
        records = [r for r in records if r is not None]
        if not records:
            return
        standoff = ensure_standoff(self.root)
        for kind in reversed(KINDS):  # inserted at the front: in the order of KINDS
            of_kind = [r for r in records if local_name(r) == kind.record]
            if of_kind:
                _list_in(standoff, kind.list).extend(of_kind)

    def _record(self, rid: str) -> etree._Element | None:
        if rid in self.local:
            return self.local[rid]
        if rid in self.authority.records:
            return self.authority.record(rid)
        return None


class _NotNames:
    """Words that name no place standing alone: the people database's names (not_places) and the
    surnames of the document's people."""

    def __init__(self, surnames: dict[str, set[str]]):
        self.extra = surnames

    def __contains__(self, word: str) -> bool:
        return word in self.extra or word in not_places()


@functools.lru_cache(maxsize=8)
def _person_initials(authority: Authority) -> dict[str, str]:
    """Person id -> the first character of its main zh-Hans name (莫 of 莫洛托夫), for contractions."""
    initials = {}
    for entity in authority.entities.values():
        name = entity.main_name("zh-Hans") if entity.kind == "person" else None
        if name:
            initials[entity.id] = name[0]
    return initials


def written_date(iso: str) -> re.Pattern:
    """A full date as English text writes it: 2 January 1950, January 2, 1950, 1950-01-02."""
    year, month, day = iso[:4], MONTH_NAMES[int(iso[5:7]) - 1], str(int(iso[8:10]))
    return re.compile(rf"(?<!\d){day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{year}(?!\d)|"
                      rf"\b{month}\s+{day}(?:st|nd|rd|th)?,?\s+{year}(?!\d)|(?<!\d){iso}(?!\d)")


_COMPASS = re.compile(r"(?:North|South|East|West|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|South-?[Ww]est|Central|"
                      r"Northern|Southern|Eastern|Western|Inner|Outer|Upper|Lower)[ \t]+$")


def _compass_places(flat: str, hits: list[Hit]):
    """"North China", "Western Europe": a compass word before a place is part of its name (a place of
    its own, unless the authority has it: then the hit already covers it)."""
    from ..entities.orgs import Guess

    out = []
    for hit in hits:
        if hit.unique and hit.unique.kind == "place":
            m = _COMPASS.search(flat, max(0, hit.start - 16), hit.start)
            if m and (m.start() == 0 or not flat[m.start() - 1].isalnum()):
                name = " ".join(flat[m.start() : hit.end].split())
                out.append(Guess(m.start(), hit.end, name, "place", (hit.start, hit.end)))
    return out


_STANDOFF_RECORDS = "|".join(f"tei:standOff/tei:{k.list}/tei:{k.record}" for k in KINDS)


def _records_by_name(root: etree._Element) -> dict[tuple[str, str], str]:
    """(kind, name) -> xml:id of the person/place/org records already in the document's standOff."""
    out = {}
    for record in root.xpath(_STANDOFF_RECORDS, namespaces=NSMAP):
        kind, rid = local_name(record), record.get(XML_ID)
        for name in record.findall(tei(RECORD_KINDS[kind])):
            if rid and name.text:
                out.setdefault((kind, name.text), rid)
    return out


def _only(found: list[str]) -> str | None:
    return found[0] if len(found) == 1 else None


def _refs_in_order(root: etree._Element) -> list[str]:
    """The ids the document's names refer to, in document order (repeated)."""
    refs = [el.get("ref") for el in root.getroottree().getroot().iter(*_NAME_ELEMENTS)]
    # one split of them all: a split per name cost more than walking the tree
    return [r.lstrip("#") for r in " ".join(ref for ref in refs if ref is not None).split() if r.startswith("#")]


def _list_in(standoff: etree._Element, tag: str) -> etree._Element:
    found = standoff.find(tei(tag))
    if found is None:
        found = etree.Element(tei(tag))
        standoff.insert(0, found)
    return found


def _latin(name: str, tones: bool = False) -> str:
    """Pinyin of a Chinese name (surname apart): 王明 -> 'Wang Ming'."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(name, style=Style.TONE if tones else Style.NORMAL)
    return " ".join(p for p in (syllables[0].capitalize(), "".join(syllables[1:]).capitalize()) if p)
