"""English names found by their shape, for names no authority lists and no title introduces.

* initials and a surname: "R. B. Anderson", "U. Alexis Johnson", "V.K. Wellington Koo";
* a known given name and a surname: "Walter S. Robertson", "Robert Murphy", "Herbert Hoover,
  Jr." (given names of the Office of the Historian's people database, `data/given-names.txt`);
* a surname in brackets after an office: "the Ambassador in Czechoslovakia (Johnson)";
* an East Asian name with a hyphenated given name: "Wang Ping-nan", "Won Yung-duk".

A run of capitalised words that goes on into an institution ("Dwight D. Eisenhower Library",
"Robert Murphy Papers") names the institution, not the person: it is left alone.
"""
from __future__ import annotations

import functools
import re

from ..resources import data_dir
from .patterns import NOT_NAMES_EN, SURNAMES_PINYIN, NameGuess

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAP = rf"(?:Ma?c|O['’])?[{_UP}][{_LOW}]+(?:['’][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)*"
# an initial: one capital, or a Russian digraph (A. Ya. Vyshinsky, Yu. V. Andropov)
_INITIAL = rf"(?:Ya|Yu|Ye|Yo|Zh|Ch|Sh|Kh|Ts|[{_UP}])\."
_INITIALS = rf"{_INITIAL}(?:[ \t]?{_INITIAL}){{0,2}}"
_TOKEN = rf"(?:{_INITIALS}(?=[ \t\n]*[{_UP}])|{_CAP})"
# A run of capitalised words and initials (one line break allowed between two of them).
RUN = re.compile(rf"(?<![\w.'’-]){_TOKEN}(?:(?:[ \t]+\n?|\n)[ \t]*{_TOKEN}){{0,5}}(?:,?[ \t]+(?:Jr|Sr)\.)?")
_PIECE = re.compile(rf"{_INITIALS}|{_CAP}|,?[ \t]+(?:Jr|Sr)\.")
# Initials that are abbreviations, not a person's initials.
ABBREVIATIONS = frozenset("US UN UK DC NY SS PO RN AM PM AD BC USA USSR UAR ROK PRC".split())
# Words after a name that make the run an institution, a document or a thing named after a person.
INSTITUTION = frozenset("""
Library Papers Files Collection Foundation Institute University College School Hospital Center
Centre Memorial Street Avenue Road Building Hall Prize Doctrine Plan Line Act Treaty Airport Park
Dam Canal Bridge Square Station Administration Archives Museum Company Corporation Award Fund
""".split())
NOT_SURNAMES = NOT_NAMES_EN | INSTITUTION | frozenset("""
Jr Sr Mr Mrs Dr Sir Lord Day Eve Island Islands River Sea Ocean Bay Lake Mountains Strait Straits
Peninsula Coast Province Prefecture County State Senate House Conference Agreement Note Notes
Telegram Memorandum Letter Report Record Minutes Summary Despatch Dispatch Message Source
Memoranda Correspondence Declaration Chiefs Joint Communique Statement Resolution Proposal
""".split())
# East Asian surnames in the romanisations of the 1940s-1960s (Wade-Giles, Korean, Vietnamese).
SURNAMES_EAST_ASIA = SURNAMES_PINYIN | frozenset("""
Chou Chiang Chang Ch'en Chen Hsu Hsieh Hsiung Huang Kao Kuo Lo Sung Tai T'ang Teng Ts'ai Tseng Tsien
Yeh Yen Ho Koo Kim Pak Park Lee Rhee Choi Cho Shin Chung Yi Ko Kang Yun Nam Won Paik Chough Chey
Pyun Yoo Nguyen Tran Pham Le Ngo Vo Phan Hoang Dang Bui Do Duong Ly Chu Liao Tsao Tsai Chao Chin
Ch'iao Chia Chien Chu Fu Hsiao Hsiang Hu Jen K'ang Ku Kuan Lai Lu Mei Pai Pan P'eng Shen Su Sun T'an
Tien Ting Tsou Tu Wei Wen Wu Yao Yin Yu Yuan
""".split())
_EAST_ASIAN = re.compile(rf"([{_UP}][{_LOW}'’]{{0,5}})[ \t]+([{_UP}][{_LOW}'’]{{0,5}}-[{_UP}{_LOW}][{_LOW}]{{0,5}})(?![\w'’-])")
OFFICE_WORDS = re.compile(
    r"\b(?:Ambassador|Secretary|Director|Representative|Minister|Assistant|Chief|Commander|Counselor|"
    r"Counsellor|Consul|Deputy|Adviser|Advisor|Chairman|President|Administrator|Officer|Charg[eé]|"
    r"Governor|Attach[eé]|Commissioner|Delegate|Delegation|Envoy|Head|Member|Special)\b"
)
_PAREN = re.compile(rf"\(({_CAP}(?:[ \t]+{_CAP})?)\)")


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped first given names (data/given-names.txt), read once."""
    text = (data_dir() / "given-names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def shape_names_en(text: str) -> list[NameGuess]:
    """Person names found by their shape (see the module's docstring), in text order."""
    found = _runs(text) + _in_brackets(text) + _east_asian(text)
    return sorted(found, key=lambda g: (g.start, -g.end))


def _runs(text: str) -> list[NameGuess]:
    out = []
    for m in RUN.finditer(text):
        pieces = list(_PIECE.finditer(m.group()))
        guess = _person_in(pieces, m.start())
        if guess:
            out.append(guess)
    return out


def _person_in(pieces: list[re.Match], offset: int) -> NameGuess | None:
    """The person a run of capitalised words starts with, if its shape says so."""
    words = [p.group().strip(" \t,") for p in pieces]
    while words and (words[0] in NOT_NAMES_EN or words[0].rstrip(".") in ("Mr", "Mrs", "Dr", "Ms")):
        words, pieces = words[1:], pieces[1:]  # "The", titles: the title patterns cover those
    if len(words) < 2:
        return None
    at = next((i for i, w in enumerate(words[:-1]) if w.endswith(".") or w in given_names()), None)
    if at is None:  # "State Herbert Hoover": the name starts at its given name
        return None
    words, pieces = words[at:], pieces[at:]
    first = words[0]
    if first.endswith(".") and "".join(first.replace(" ", "").split(".")) in ABBREVIATIONS:
        return None
    # the name: first word, then words up to the last capitalised one before a non-name
    end = 1
    while end < len(words) and end < 5 and words[end] not in NOT_SURNAMES and not words[end].startswith(("Jr", "Sr")):
        end += 1
    if end < len(words) and words[end] in INSTITUTION:
        return None
    while end > 1 and words[end - 1].endswith("."):  # ends in an initial: no surname
        end -= 1
    if end < 2 or words[end - 1].endswith("."):
        return None
    if end < len(words) and words[end] in ("Jr.", "Sr."):
        end += 1
    start_at, end_at = pieces[0].start(), pieces[end - 1].end()
    while pieces[0].group()[start_at - pieces[0].start()] in " \t,":
        start_at += 1
    name = " ".join(w for w in words[:end])
    return NameGuess(offset + start_at, offset + end_at, name)


def _in_brackets(text: str) -> list[NameGuess]:
    out = []
    for m in _PAREN.finditer(text):
        name = m.group(1)
        if any(w in NOT_SURNAMES for w in name.split()):
            continue
        before = text[max(0, m.start() - 90) : m.start()]
        before = re.split(r"[.;:!?)\n]\s", before)[-1]
        if OFFICE_WORDS.search(before):
            out.append(NameGuess(m.start(1), m.end(1), name))
    return out


def _east_asian(text: str) -> list[NameGuess]:
    out = []
    for m in _EAST_ASIAN.finditer(text):
        if m.group(1) in SURNAMES_EAST_ASIA and m.group(2).split("-")[0] not in NOT_NAMES_EN:
            if m.start() == 0 or not re.match(r"[\w'’-]", text[m.start() - 1]):
                out.append(NameGuess(m.start(), m.end(), f"{m.group(1)} {m.group(2)}"))
    return out


def surname_of(name: str) -> str | None:
    """The surname of a full name as written: the first word of an East Asian name
    ("Wang Ping-nan", "Chiang Kai-shek", "Mao Zedong"), else the last word that is no initial or
    suffix ("Walter S. Robertson", "Herbert Hoover, Jr."); None for a single word."""
    tokens = [w for w in re.split(r"[\s,]+", name) if w and w not in ("Jr.", "Sr.", "Jr", "Sr")]
    words = [w for w in tokens if not re.fullmatch(r"(?:(?:Ya|Yu|Ye|Yo|Zh|Ch|Sh|Kh|Ts|[A-Z])\.)+", w)]
    if len(tokens) < 2 or not words:
        return None
    if len(words) == 1:  # "E. F. Kovalev"
        return words[0] if words[0][:1].isupper() else None
    if words[0] in SURNAMES_EAST_ASIA and ("-" in words[1] or len(words) == 2 and words[1][:1].isupper()
                                          and _pinyin_given(words[1])):
        return words[0]
    last = words[-1]
    return last if last[:1].isupper() and "-" not in last[1:] else None


def _pinyin_given(word: str) -> bool:
    from .patterns import _PY_GIVEN

    return bool(_PY_GIVEN.fullmatch(word.lower().replace("ü", "v")))


_CAPS_RUN = re.compile(rf"(?<![\w'’-])[{_UP}][{_UP}.'’-]+(?:[ \t]+[{_UP}][{_UP}.'’-]*)+(?![\w'’-])")


def caps_as_title(text: str) -> str | None:
    """`text` with its runs of words in capitals written as titles, same length ("COMRADE I.V.
    STALIN" -> "Comrade I.V. Stalin"), or None if it has no such run (most texts)."""
    if not _CAPS_RUN.search(text):
        return None
    titled = _CAPS_RUN.sub(lambda m: _title(m.group()), text)
    return titled if len(titled) == len(text) else None


def _title(run: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda w: w.group() if len(w.group()) == 1 else w.group().capitalize(), run)
