"""Organisations and places of English text found by their shape, and acronyms defined in the text.

* an organisation: capitalised words around a head noun (Committee, Ministry, Party, Army …),
  with "of the …" complements: "National Security Council", "Ministry of the Military",
  "Revolutionary Committee of the Guomindang", "18th Army Group", "the Joint Chiefs of Staff";
* a place: capitalised words before a geographic noun ("Taiwan Strait", "Yalu River",
  "Quemoy Islands") or after one ("Lake Baikal", "Gulf of Tonkin"), and the place of a dateline
  ("Seoul, January 8, 1955");
* an acronym defined in brackets after a name whose initials it spells
  ("National Security Council (NSC)"): the acronym then names the same thing everywhere.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lang import is_roman

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = rf"(?:[{_UP}][{_LOW}]+(?:['’]s|(?<=s)['’](?=[ \t]))?(?:-[{_UP}][{_LOW}]+)?|[{_UP}]{{2,6}}|\d{{1,3}}(?:st|nd|rd|th))"
ORG_HEADS = frozenset("""
Committee Committees Commission Council Ministry Department Bureau Office Agency Administration
Party Army Navy Fleet Corps Command Staff Government Embassy Consulate Legation Mission Delegation
Assembly Congress Senate Parliament Cabinet Politburo Presidium Secretariat Union League Federation
Association Society Organization Organisation Institute University Academy Bank Company Corporation
Front Group Chiefs Court Tribunal Foundation Service Authority Board Trust Alliance Nations Forces
Guard Police Headquarters Directorate Commissariat Comintern Cominform Agency Station Radio
Center Centre Hospital College School Archive
Press Agency Herald Times Post Daily Tribune Gazette Review Club Movement Conference Chamber
""".split())
# head nouns that name an organisation only with a complement or a modifier of their own
_WEAK_HEADS = frozenset("Station Radio Press Times Post Daily Review Conference Office Service Group Front".split())
PLACE_AFTER = frozenset("""
River Strait Straits Sea Ocean Island Islands Mountains Mountain Range Peninsula Province Prefecture
Bay Gulf Lake Desert Plateau Plain Valley Canal Harbor Harbour Port Coast Region Oblast Krai County
District Territory Territories Pass
""".split())
PLACE_BEFORE = frozenset("Lake Mount Gulf Bay Cape Port Strait Sea Isle Fort".split())
_LINK = r"(?:of|for|on)(?:[ \t]+the)?"
_NOT_START = frozenset("""
The A An This That These Those Our Your Their His Her Its Every Each Any Some No Both All Such Which
What Whose In On At By For From To With As Of And Or But If When While After Before During Since
Until Under Over Between Among Through Against Without Within Mr Mrs Dr Comrade Comrades
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Top Secret Confidential Eyes Only Drafted Source
Memorandum Telegram Letter Despatch Dispatch Note Record Minutes Report
""".split())
_DOCUMENTS = frozenset("Files Papers Records Collection Archives Minutes Report".split())
# offices: what stands before them is a person's name, not part of the organisation
_TITLES = frozenset("""
Chairman Chairwoman President Secretary Minister Ambassador Director Commander General Admiral
Marshal Premier Governor Consul Counselor Counsellor Deputy Representative Delegate Adviser Advisor
Mr Mrs Dr Senator Comrade Administrator Officer Attache Attaché Envoy
""".split())
ORG_RUN = re.compile(
    rf"(?<![\w'’.-]){_WORD}(?:(?:[ \t]+\n?|\n)[ \t]*{_WORD}|[ \t\n]+{_LINK}[ \t\n]+{_WORD}){{0,9}}"
)
_PIECES = re.compile(rf"{_WORD}|{_LINK}")
DEFINED = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{0,2}[A-Z]{1,5}(?:\([a-z]\))?)\)")
_DATELINE = re.compile(
    rf"(?:^|\n)[ \t]*((?:[{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+){{0,2}}))(?:,[ \t]+[{_UP}][{_LOW}.]+)?,[ \t]+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+\d"
)


@dataclass(frozen=True)
class Guess:
    start: int
    end: int
    name: str
    kind: str  # "org" | "place"
    head: tuple[int, int] = (0, 0)  # the head noun's [start, end): a name found there decides


def shaped_names(text: str) -> list[Guess]:
    """Organisations and places found by their shape (see the module docstring), in text order."""
    out = []
    for m in ORG_RUN.finditer(text):
        out.extend(_in_run(text, m))
    for m in _DATELINE.finditer(text):
        name = m.group(1)
        if name.split()[0] not in _NOT_START:
            out.append(Guess(m.start(1), m.end(1), name, "place", (m.start(1), m.end(1))))
    return sorted(out, key=lambda g: (g.start, -g.end))


def _in_run(text: str, m: re.Match) -> list[Guess]:
    pieces = list(_PIECES.finditer(m.group()))
    words = [p.group() for p in pieces]
    first = 0
    while first < len(words) and (words[first] in _NOT_START or words[first].startswith(("of", "for", "on", "and"))):
        first += 1
    words, pieces = words[first:], pieces[first:]
    while words and (words[-1].startswith(("of", "for", "on", "and")) or words[-1] in _NOT_START):
        words, pieces = words[:-1], pieces[:-1]
    if len(words) < 2:
        return []
    rest = []
    for i, w in enumerate(words):  # "Department of Defense Files": the records are not the department
        if i and ((w in _DOCUMENTS and not (i + 1 < len(words) and words[i + 1] in ORG_HEADS)) or (w.split()[0] == "for" and any(x in ORG_HEADS for x in words[i + 1 :]))):
            if w not in _DOCUMENTS:  # two organisations joined by "for": the second one too
                rest = [g for m2 in ORG_RUN.finditer(text, m.start() + pieces[i].end(), m.end()) for g in _in_run(text, m2)]
            words, pieces = words[:i], pieces[:i]
            break
    while words and (words[-1] in ("of", "for", "on", "of the", "for the", "on the") or words[-1].startswith(("of ", "for ", "on "))):
        words, pieces = words[:-1], pieces[:-1]
    if len(words) < 2:
        return rest
    cut = max((i + 1 for i, w in enumerate(words) if w in _TITLES), default=0)
    if len(words) - cut >= 2:  # "Arthur Radford Chairman Joint Chiefs of Staff"; not "General Staff"
        words, pieces = words[cut:], pieces[cut:]
    bare = [re.sub(r"['’]s$", "", w) for w in words]
    if bare[-1] not in ORG_HEADS and not any(w[:1].islower() for w in bare):
        last = max((i for i, w in enumerate(bare) if w in ORG_HEADS and i), default=0)
        if last:  # "Indian Embassy Washington", "Security Council Resolution": up to the head
            words, pieces, bare = words[: last + 1], pieces[: last + 1], bare[: last + 1]
    found = _kind_of(bare)
    if found is None:
        return rest
    kind, i = found
    start, end = m.start() + pieces[0].start(), m.start() + pieces[-1].end()
    if words[-1].endswith(("'s", "’s")):
        end -= 2
    head = (m.start() + pieces[i].start(), m.start() + pieces[i].start() + len(bare[i]))
    return [Guess(start, end, " ".join(text[start:end].split()), kind, head)] + rest


def _kind_of(words: list[str]) -> tuple[str, int] | None:
    """("org" or "place", index of the head word), or None."""
    heads = [i for i, w in enumerate(words) if w in ORG_HEADS]
    if heads:
        of = next((i for i, w in enumerate(words) if w[:1].islower()), len(words))
        i = of - 1  # the head ends the name, or its part before "of"
        if i not in heads or (words[i] in _WEAK_HEADS and i == 0):
            return None
        return "org", i
    if words[-1] in PLACE_AFTER:
        return "place", len(words) - 1
    if words[0] in PLACE_BEFORE:
        return "place", 0
    return None


def initials_of(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def defined_acronyms(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """(index of the span, start, end, acronym) for each span followed by "(ACRONYM)" whose
    letters are the initials of the span's capitalised words, in order (NSC, VKP(b), CPSU)."""
    out = []
    for i, (start, end) in enumerate(spans):
        m = DEFINED.match(text, end)
        if not m:
            continue
        acronym = m.group(1)
        letters = re.sub(r"\(.*\)|[^A-Z]", "", acronym)
        words = re.findall(r"[A-Z][\w'’-]*", text[start:end])
        if _spells(letters, initials_of(words)):
            out.append((i, m.start(1), m.end(1), acronym))
    return out


def _spells(letters: str, initials: str) -> bool:
    """Are `letters` the initials, allowing initials that the acronym skips (but never its first)?"""
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    pos = 0
    for ch in letters:
        pos = initials.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return len(letters) * 2 >= len(initials)


# A single capitalised word made of two or three pinyin syllables of two letters or more
# ("Qinzhou", "Taiyuan", "Shijiazhuang") names a Chinese place: Chinese people are written with
# their surname apart ("Mao Zedong"), and a given name alone is rare in English text.
_PINYIN_WORD = re.compile(r"(?<![\w'’.])([A-Z][a-z]{4,13})(?![\w'’]|-[a-z])")
# English words that happen to be pinyin syllables
_ENGLISH_PINYIN = frozenset("""
Change Changes Banana Bananas Chinese Sedan Canon Hangman Genuine Manage Manages Lineage Tango Mango
Bandana Sonata Dinner Mania Manila Lasagna Angina Nausea Bonanza Zenana Mosaic Hosanna Guano Liana
""".split())


@functools.lru_cache(maxsize=4096)
def _pinyin_syllables(word: str) -> int:
    """How many pinyin syllables of two letters or more make up `word` (0: none does)."""
    from .patterns import PINYIN_SYLLABLES

    best = 0
    for size in range(min(6, len(word)), 1, -1):
        head = word[:size]
        if head in PINYIN_SYLLABLES:
            if size == len(word):
                return 1
            rest = _pinyin_syllables(word[size:])
            if rest:
                return rest + 1
    return best


@functools.lru_cache(maxsize=4096)
def _long_syllable(word: str) -> bool:
    """Can `word` be split into pinyin syllables of which one has three letters or more?"""
    from .patterns import PINYIN_SYLLABLES

    for size in range(min(6, len(word)), 1, -1):
        head, rest = word[:size], word[size:]
        if head in PINYIN_SYLLABLES and (not rest or _pinyin_syllables(rest)):
            if size >= 3 or (rest and _long_syllable(rest)):
                return True
    return False


def pinyin_places(text: str, lower_words: frozenset[str], not_places, also_not=()) -> list[Guess]:
    """Chinese places written as one pinyin word, standing alone, that the text never writes in
    lower case and that are no one's surname or given name (in `not_places` or `also_not`)."""
    from .patterns import SURNAMES_PINYIN

    out = []
    for m in _PINYIN_WORD.finditer(text):
        word = m.group(1)
        if word in not_places or word in also_not or word in _ENGLISH_PINYIN or word.lower() in lower_words:
            continue
        if not 2 <= _pinyin_syllables(word.lower()) <= 3 or not _long_syllable(word.lower()):
            continue  # "Minute", "Madame": two-letter syllables only
        if word.endswith("ing") and _starts_sentence(text, m.start()):
            continue  # "Lining up …"
        if word.endswith(("dang", "tang")):
            continue  # a party (党): Guomindang
        if any(_pinyin_syllables(w.lower().strip(",.;:()")) for w in _neighbours(text, m.start(), m.end())):
            continue  # a phrase in pinyin: "Dangdai Zhongguo waijiao", "Zhongguo shehui kexue"
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1] in SURNAMES_PINYIN:
            continue  # the given name of "Mao Zedong"
        out.append(Guess(m.start(), m.end(), word, "place", (m.start(), m.end())))
    return out


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\n\"“‘'(")
    return not before or before[-1] in ".!?:;]\ufffc"


def _neighbours(text: str, start: int, end: int) -> list[str]:
    """The words right before and after [start, end), across spaces only."""
    before = re.search(r"([\w'’-]+)[ \t]+$", text[max(0, start - 20) : start])
    after = re.match(r"[ \t]+([\w'’-]+)", text[end : end + 20])
    return [m.group(1) for m in (before, after) if m and len(m.group(1)) >= 4]


# -- round two: names standing alone, found by their shape and their context -----------------
# States written as acronyms (1945-1975): places; any other acronym names an organisation.
STATE_ACRONYMS = frozenset("""
US USA USSR UK PRC CPR ROK DPRK ROC DRV DRVN GDR FRG UAR MPR CSR
U.S. U.S.A. U.S.S.R. U.K. P.R.C. C.P.R. R.O.K.
""".split())
# dotted acronyms of organisations ("V.K.", "A.C." are a person's initials)
_DOTTED_ORGS = frozenset("U.N. N.A.T.O. C.I.A. F.B.I.".split())
# all-caps words that are no name: telegram and heading words, abbreviations
_NOT_ACRONYMS = frozenset("""
TO FROM RE FYI NB PS OK AM PM TOP SECRET EYES ONLY NIACT SUBJECT NO OF THE AND FOR IN ON AT BY
DEPTEL EMBTEL CIRCTEL URTEL MYTEL REFTEL DEPCIRTEL CONFIDENTIAL RESTRICTED PRIORITY ETC AD BC TV
ID MSP KM MM CM KG USD NOTE END TEXT PARA POW POWS DP DPS MIA KIA GNP AA AAA LST POL ETA VIP SOS TNT
MS MSS DC STOP QUOTE UNQUOTE USS HMS
""".split())
# capitalised words that, in capitals around an acronym, show a phrase in capitals ("WE DEMAND")
_CAPS_FUNCTION_WORDS = frozenset("""
THE OF AND TO IN IS ARE WE FOR WITH NOT BE ON BY THAT THIS IT AS AT OR AN ALL WILL SHALL MUST HAS
HAVE FROM OUR YOUR THEIR LET LONG LIVE DOWN
""".split())
# adjectives of nations and sides: "in Soviet hands", "in Korean waters" name no place
_ADJECTIVES = frozenset("""
Soviet American German Korean Indian Mongol Mongolian Indonesian Italian Albanian Hungarian Romanian
Bulgarian Ukrainian Belorussian Byelorussian Latvian Lithuanian Estonian Norwegian Austrian Australian
Canadian Mexican Brazilian Chilean Persian Syrian Egyptian Iranian Afghan Pakistani Iraqi Israeli
Saudi Thai Swiss Greek Czech Slovak Polish French Dutch Danish Finnish Swedish Arab Arabian Russian
Communist Communists Nationalist Nationalists Allied Allies Red White Free Western Eastern Northern
Southern Central Far Middle Near Asian European African Oriental Occidental Imperial Royal Federal
""".split())
_ACRONYM = re.compile(r"([A-Z](?<![\w.'’].)[A-Z]{1,5}(?:\([a-z]\))?|[A-Z](?<![\w.'’].)\.(?:[A-Z]\.){1,3})(?![\w'’]|(?<!\.)\.[A-Z])")
# joined by a dash or slash to a number or a word in lower case: a file code or a model, not a
# name ("711.11–EI/8–555", "MIG-15", "UN-sponsored"); "U.S.-ROK", "State–Defense–FOA", "anti-CCP"
# are names
_JOINED_BEFORE = re.compile(r"\d[-–/]$")
_JOINED_AFTER = re.compile(r"[-–/](?![A-Z])")
_CITED = re.compile(r"\d[ \t]+$")  # "5 UST 2369": a series of a citation, not a body
# a publisher or a newspaper in pinyin: "Renmin chubanshe", "Zhongyang wenxian chubanshe", "Renmin ribao"
_PINYIN_BODY = re.compile(r"([A-Z](?<![\w'’.-].)[a-z]+(?:[ \t]+[A-Za-z][a-z]+){0,3}[ \t]+(?:[Cc]hubanshe|[Rr]ibao))(?![\w'’-])")
# one word that is an organisation in itself (party and council names of the period)
SOLO_ORGS = frozenset("""
Politburo Presidium Orgburo Comintern Cominform Sovnarkom Narkomindel Stavka Gosplan Komsomol
Xinhua Pravda Izvestia Izvestiya Secretariat Reichstag Bundestag Bundesrat Volkskammer Knesset
""".split())
# "the Guomindang", "Kuomintang", "Gongchandang": a party (dang, tang) in Chinese romanisation
_PARTY_WORD = re.compile(r"([A-Z](?<![\w'’.-].)[a-z]{3,}(?:dang|tang))(?![\w'’-])")
_SOLO = re.compile(rf"((?:{'|'.join(sorted(SOLO_ORGS))}))(?![\w'’-])")  # and no word character before
# a place by its context: "in Kaesong", "at Panmunjom", "near Hamhung", "the port of Dalian",
# "Shandong province" (a lower-case geographic noun after the name)
_CAP = rf"[{_UP}][{_LOW}]+(?:['’](?!s\b)[{_LOW}]+)?(?:-[{_UP}]?[{_LOW}]+)?"
_B = r"(?<![\w'’-].)"  # no word right before (written after a first character: see docs/entities.md)
_PLACE_AFTER_PREP = re.compile(
    rf"(?:i{_B}n|a{_B}t|n{_B}ear|o{_B}utside|v{_B}ia)[ \t]+({_CAP}(?:[ \t]+{_CAP}){{0,2}})(?![\w'’-]|[ \t\n]+[{_UP}\d])"
)
_PLACE_OF = re.compile(
    rf"(?:t{_B}he|T{_B}he)[ \t\n]+(?:city|port|town|village|province|island|region|district|county|"
    rf"prefecture|capital)[ \t\n]+of[ \t\n]+({_CAP}(?:[ \t]+{_CAP})?)(?![\w'’-])"
)
_GEO_NOUNS = (r"(?:province|provinces|river|region|oblast|krai|county|prefecture|district|island|islands|"
              r"peninsula|city|port|mountains|strait|gulf)")
_HAS_GEO_NOUN = re.compile(rf"[ \t\n]{_GEO_NOUNS}(?![\w'’-])")
_PLACE_BEFORE_NOUN = re.compile(
    rf"([{_UP}](?<![\w'’.-].){_CAP[len(_UP) + 2 :]}(?:[ \t]+{_CAP})?)[ \t\n]+{_GEO_NOUNS}(?![\w'’-])"
)
_NOT_AFTER_PREP = frozenset("""
English Russian Chinese Korean German French Japanese Mongolian Vietnamese Latin Spanish Italian
Persian Turkish Arabic Polish Czech Hungarian Romanian Bulgarian Ukrainian Uzbek Kazakh Tibetan
Uighur Uyghur Manchu Cantonese Mandarin Hindi Urdu Article Articles Section Point Points Paragraph
Part Annex Tab Chapter Volume Item Items Appendix Enclosure Attachment Principle Principles
Reply Response Return Addition Accordance Particular General Fact Person Persons Total Order
Case Short Future Time Times Spring Summer Autumn Fall Winter Christmas Easter Heaven Law
Memorandum Telegram Letter Despatch Dispatch Note Record Minutes Report Document Documents
Session Meeting Meetings Conference Talks Agreement Treaty Pact Accord Accords Protocol Charter
Appendix Exhibit Source Annex Plan Program Programme Operation Congress Parliament Senate
Charge Chargé Embtel Deptel Circtel Urtel Reftel Mytel
""".split())


def _roman(word: str) -> bool:
    return is_roman(word) and set(word) <= set("IVXL")


# US departments named by one word, as in "a State–Defense–FOA message", "State and Defense agreed"
_DEPARTMENTS = frozenset("State Defense Defence Treasury Commerce Interior Justice Agriculture Labor".split())
_DEPARTMENT_CHAIN = re.compile(
    r"([A-Z](?<![\w'’.-].)[A-Za-z]+)((?:(?:[–/-]|[ \t]+and[ \t]+)[A-Z][A-Za-z]+)+)(?![\w'’-])"
)


def _departments(text: str) -> list[Guess]:
    """Departments named by one word, joined to another department or to an acronym by a dash
    or "and" ("State–Defense–FOA", "State and Defense"): each word is an organisation."""
    out = []
    for m in _DEPARTMENT_CHAIN.finditer(text):
        parts = [(m.start(1), m.group(1))]
        for p in re.finditer(r"(?:[–/-]|[ \t]+and[ \t]+)([A-Z][A-Za-z]+)", m.group(2)):
            parts.append((m.start(2) + p.start(1), p.group(1)))
        words = [w for _, w in parts]
        if any(w in _DEPARTMENTS for w in words) and all(w in _DEPARTMENTS or re.fullmatch(r"[A-Z]{2,6}", w) for w in words):
            out.extend(Guess(a, a + len(w), w, "org", (a, a + len(w))) for a, w in parts if w in _DEPARTMENTS)
    return out


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Is the word at [start, end) part of a phrase in capitals: next to a function word in
    capitals ("LONG LIVE THE CCP") or in a run of three words in capitals?"""
    left = re.search(r"([A-Z]+)[ \t]+$", text[max(0, start - 20) : start])
    right = re.match(r"[ \t]+([A-Z]+)(?![a-z])", text[end : end + 20])
    near = [x.group(1) for x in (left, right) if x]
    if any(w in _CAPS_FUNCTION_WORDS for w in near):
        return True
    if left and right:  # three in a row
        return True
    twice = re.search(r"([A-Z]{2,})[ \t]+([A-Z]{2,})[ \t]+$", text[max(0, start - 30) : start])
    twice_after = re.match(r"[ \t]+([A-Z]{2,})[ \t]+([A-Z]{2,})(?![a-z])", text[end : end + 30])
    return bool(twice or twice_after)


def _line_is_caps(text: str, start: int, end: int) -> bool:
    """Does the line around [start, end) have no lower-case letter (a heading, a signature)?"""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a : b if b >= 0 else len(text)]
    return not re.search(r"[a-z]{2}", re.sub(r"\([a-z]\)", "", line))


def lone_names(text: str, lower_words: frozenset[str], not_names, initials=frozenset(), context=True) -> list[Guess]:
    """Organisations and places that stand alone, found by their shape or their context, in text
    order (overlaps possible: the caller keeps the first that is free):

    * an acronym of 2-6 capitals ("NSC", "CCP", "VKP(b)"): a state for the few of STATE_ACRONYMS
      ("ROK", "USSR"), else an organisation; not a Roman numeral, a heading word (a line without
      lower case), a person's initials (`initials`: "JFD"), or a dotted pair of initials ("V.K.");
    * a party in Chinese romanisation ("Guomindang", "Kuomintang") and the few one-word bodies
      of SOLO_ORGS ("Politburo");
    * a place by its context: a capitalised name after in/at/near ("in Kaesong"), after "the city
      (port, province …) of", or before a lower-case geographic noun ("Shandong province"); never
      a word of `not_names` (people's names, months, languages, document words) or one the text
      writes in lower case, nor a name followed by 's (a person's, more often than not); with
      `context` False, not looked for (the caller has them from the whole document)."""
    out = []
    if any(c.isupper() for c in text):
        for m in _ACRONYM.finditer(text):
            word = m.group(1)
            letters = word.replace(".", "")
            if _CITED.search(text, max(0, m.start() - 8), m.start()) and re.match(r"[ \t]+\d", text[m.end() :]):
                continue
            if _in_capitals(text, m.start(1), m.end(1)):
                continue
            if _JOINED_AFTER.match(text, m.end(1)) or _JOINED_BEFORE.search(text, max(0, m.start(1) - 2), m.start(1)):
                continue
            if word in _NOT_ACRONYMS or _roman(letters) or letters in initials or _line_is_caps(text, m.start(), m.end()):
                continue
            if "." in word and word not in STATE_ACRONYMS and word not in _DOTTED_ORGS:
                continue
            kind = "place" if word in STATE_ACRONYMS else "org"
            last = out[-1] if out else None
            if last and kind == "org" == last.kind and re.fullmatch(r"[ \t]", text[last.end : m.start(1)]):
                out[-1] = Guess(last.start, m.end(1), f"{last.name} {word}", kind, (m.start(1), m.end(1)))
                continue  # "AVP RF", "CCP CC": one name
            out.append(Guess(m.start(1), m.end(1), word, kind, (m.start(1), m.end(1))))
        for m in _PARTY_WORD.finditer(text) if "ang" in text else ():
            if m.group(1).lower() not in lower_words:
                out.append(Guess(m.start(1), m.end(1), m.group(1), "org", (m.start(1), m.end(1))))
        for m in _PINYIN_BODY.finditer(text) if "chubanshe" in text or "ribao" in text.lower() else ():
            words = m.group(1).split()
            while len(words) > 1 and not (words[0][0].isupper() and all(_pinyin_syllables(w.lower()) for w in words)):
                words = words[1:]  # "Published by Renmin chubanshe": from the first word in pinyin
            if len(words) > 1:
                start = m.end(1) - len(m.group(1).split(words[0], 1)[1]) - len(words[0])
                out.append(Guess(start, m.end(1), " ".join(words), "org", (start, m.end(1))))
        if "State" in text or "Defense" in text or "Defence" in text:
            out.extend(_departments(text))
        for m in _SOLO.finditer(text):
            if not (m.start() and re.match(r"[\w'’.-]", text[m.start() - 1])):
                out.append(Guess(m.start(1), m.end(1), m.group(1), "org", (m.start(1), m.end(1))))
        if context:
            out.extend(context_places(text, lower_words, not_names))
    return sorted({(g.start, g.end): g for g in out}.values(), key=lambda g: (g.start, -g.end))


def context_places(text: str, lower_words: frozenset[str], not_names) -> list[Guess]:
    """The places that their context shows ("in Kaesong", "the port of Dalian", "Shandong
    province"; see lone_names)."""
    out = []
    for pattern in (_PLACE_AFTER_PREP, _PLACE_OF, _PLACE_BEFORE_NOUN):
        if pattern is _PLACE_BEFORE_NOUN and not _HAS_GEO_NOUN.search(text):
            continue
        if pattern is _PLACE_OF and " of" not in text:
            continue
        for m in pattern.finditer(text):
            guess = _context_place(text, m, lower_words, not_names, pattern is _PLACE_BEFORE_NOUN)
            if guess:
                out.append(guess)
                if pattern is _PLACE_AFTER_PREP:
                    out.extend(_coordinated(text, m.end(1), lower_words, not_names))
    return out


_AND_PLACE = re.compile(rf"(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)({_CAP})(?![\w'’-]|[ \t\n]+[{_UP}\d])")


def _coordinated(text: str, end: int, lower_words, not_names) -> list[Guess]:
    """The places joined to a place after a preposition: "in Pyongyang, Haeju and Wonsan"."""
    out = []
    while True:
        m = _AND_PLACE.match(text, end)
        guess = _context_place(text, m, lower_words, not_names, False) if m else None
        if not guess:
            return out
        out.append(guess)
        end = m.end(1)


def mentions_of(text: str, names: re.Pattern | None) -> list[Guess]:
    """Every mention of the places of `names` (a pattern made by names_pattern) in `text`."""
    if names is None:
        return []
    return [Guess(m.start(), m.end(), " ".join(m.group().split()), "place", (m.start(), m.end()))
            for m in names.finditer(text)]


def names_pattern(names) -> re.Pattern | None:
    """A pattern of the names as whole words, longest first (None for no names)."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n[0]) + r"(?<![\w'’.-].)" + re.escape(n[1:]).replace(r"\ ", r"\s+")
                            for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w'’-])")


def _context_place(text: str, m: re.Match, lower_words, not_names, before_noun: bool) -> Guess | None:
    name = m.group(1)
    words = name.split()
    if text[m.end(1) : m.end(1) + 2] in ("'s", "’s") or text[m.end(1) : m.end(1) + 1] in "'’":
        return None  # "in Dulles's view"
    for w in words:
        base = w.split("-")[0]
        if (base in not_names or base in _NOT_START or base in _NOT_AFTER_PREP or base in ORG_HEADS
                or base in _TITLES or base in _DOCUMENTS or base in SOLO_ORGS or base.lower() in lower_words):
            return None
    if len(words) == 1 and (name in _ADJECTIVES or (
            name.endswith(("an", "ese", "ish", "ic", "ean")) and not _pinyin_syllables(name.lower().replace("'", "")))):
        if before_noun or re.match(r"[ \t\n]+[a-z]", text[m.end(1) : m.end(1) + 3]):
            return None  # "the Korean peninsula", "in Soviet hands" (Sichuan province is a place)
    if 2 <= len(words) and all(_pinyin_syllables(w.lower().replace("-", "")) for w in words):
        return None  # a Chinese person or title in pinyin: "in Zhou Enlai", "in Renmin Ribao"
    return Guess(m.start(1), m.end(1), " ".join(words), "place", (m.start(1), m.end(1)))
