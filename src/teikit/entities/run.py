"""One document's run of the entities pass: round one (names, dates and guesses that need no
context), round two (what needs the aligned sentence or the rest of the document), round three
(roles, on request) and the header's names. The records it makes live in entities.records."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lxml import etree

from ..lang import HAN_CHAR, is_chinese, primary
from ..tei import NSMAP, XML_ID, local_name, tei
from .authority import Authority
from .dates import DateContext, find_dates
from .document import (ALL_IDS, OWN_TEXT, SENTENCE_IDS, aligned_sentences, lang_of, record_date, records_by_name,
                       refs_in, text_divisions, written_date)
from .intervals import Intervals
from .kinds import NAME_ELEMENTS, RECORD_KINDS, self_test
from .matchers import Hit, NameMatcher, matcher_for
from .patterns import (
    NameGuess,
    contractions_zh,
    follows_title_en,
    is_name_like_zh,
    pinyin_names_en,
    roles_beside,
    suffix_names_zh,
    title_names_en,
)
from .orgs import Guess, context_places, defined_acronyms, lone_names, mentions_of, names_pattern, pinyin_places, shaped_names
from .people import lone_surnames, not_places
from .records import LocalRecords, latin
from .shapes import caps_as_title, shape_names_en, surname_of
from .tagging import Span, Visit, flatten, tag_again, tag_tree

_CAPITALISED_WORD = re.compile(r"([A-Z](?<![\w'’.-].)(?:[\w-]*\w)?(?:['’](?!s\b)\w+)?)(?:['’]s\b)?(?![\w'’-])")


def _with_year_only(attrs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Drop values without a year (--01-09): the teikit profile, like the contract, wants full ISO dates."""
    if any(value.startswith("--") for _, value in attrs):
        return ()
    return attrs


def _has_rules(lang: str) -> bool:
    """Dates and unknown-name patterns exist for English and Chinese; other languages get names only."""
    return is_chinese(lang) or primary(lang) == "en"



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
class DocumentRun(LocalRecords):
    """The state of one document's pass: its authority, date, alignment and local records."""

    root: etree._Element
    authority: Authority
    local: dict[str, etree._Element] = field(default_factory=dict)  # id -> local record
    local_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, name) -> id
    local_others: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (lang, name, kind) -> id

    def __post_init__(self):
        self.date = record_date(self.root)
        self.beads = aligned_sentences(self.root)
        self.doc_ids = set(ALL_IDS(self.root))
        self._refs: set[str] | None = None  # ids the document's names refer to (see _document_refs)
        self._hits: dict[tuple[str, str], list[Hit]] = {}  # (language, text) -> names found (see _names)
        self.surnames: dict[str, set[str]] = {}  # English surname -> the people of the document who bear it
        self.existing = records_by_name(self.root)  # (kind, name) -> id of a record already in standOff
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
                have = Intervals([(h.start, h.end) for h in hits])
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
        lang = lang_of(division)
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
                within = Intervals([(s.start, s.end) for s in shaped])
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
        return bool(written_date(self.date).search("".join(OWN_TEXT(division))))

    def _dates_and_guesses(self, hits: list[Hit], dates, guesses, lang: str) -> list[Span]:
        """The spans of the dates, then of the unknown names, that no name found in round one
        (`hits`) overlaps; a name inside a contextual name (left to round two) is not guessed."""
        spans = []
        taken = Intervals([(hit.start, hit.end) for hit in hits if not hit.candidates or hit.unique])
        contextual = Intervals([(hit.start, hit.end) for hit in hits if hit.candidates and not hit.unique])
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
        spans, made = [], Intervals()
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
        taken = Intervals([(hit.start, hit.end) for hit in hits if (hit.start, hit.end) not in open_])
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
            if is_chinese(lang_of(division)):
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
            text = " ".join("".join(d.itertext()) for d in text_divisions(self.root) if not is_chinese(lang_of(d)))
            self._lower = frozenset(re.findall(r"\b[a-z]+\b", text))
        return self._lower

    def _with_surnames(self, spans: list[Span], flat: str, hits: list[Hit], unresolved=()) -> list[Span]:
        """`spans` and the surname spans (_surname_spans) that overlap none of them, in order;
        `unresolved`: the authority's bare surnames that the context did not resolve ("Wang" with
        three Wangs in the authority, none named in full): people all the same, with a local record."""
        made = Intervals(sorted((span.start, span.end) for span in spans))
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
        taken = Intervals(sorted([(s.start, s.end) for s in spans] + [(h.start, h.end) for h in hits if h.candidates]))
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
            text = "\n".join("".join(d.itertext()) for d in text_divisions(self.root) if not is_chinese(lang_of(d)))
            self._places_seen = names_pattern({g.name for g in context_places(text, self._lower_words(), not_names)})
        return self._places_seen

    # -- round two: names that need the context ------------------------------------------
    def tag_in_context(self, division: etree._Element, visits: list[Visit]) -> None:
        """Tag what needs context in the elements round one saw (`visits`)."""
        lang = lang_of(division)
        matcher = matcher_for(self.authority, lang)
        known = set(self._document_refs())
        inside = set(SENTENCE_IDS(division))
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
                    rid = wanted.get(latin(name).replace(" ", "").lower())
                    if rid:
                        self._add_local_name(rid, name, lang)
                        spans.append(_name_span(start, start + size, "person", [rid]))
                        break
        return spans

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
        lang = lang_of(division)
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


_COMPASS = re.compile(r"(?:North|South|East|West|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|South-?[Ww]est|Central|"
                      r"Northern|Southern|Eastern|Western|Inner|Outer|Upper|Lower)[ \t]+$")


def _compass_places(flat: str, hits: list[Hit]):
    """"North China", "Western Europe": a compass word before a place is part of its name (a place of
    its own, unless the authority has it: then the hit already covers it)."""
    out = []
    for hit in hits:
        if hit.unique and hit.unique.kind == "place":
            m = _COMPASS.search(flat, max(0, hit.start - 16), hit.start)
            if m and (m.start() == 0 or not flat[m.start() - 1].isalnum()):
                name = " ".join(flat[m.start() : hit.end].split())
                out.append(Guess(m.start(), hit.end, name, "place", (hit.start, hit.end)))
    return out


def _only(found: list[str]) -> str | None:
    return found[0] if len(found) == 1 else None
