"""Paragraph roles: opener (dateline, salute), body, closer (signed, dateline), note bodies.

Works on raw paragraph strings of one language; decides by form (length, end punctuation,
dates), never by the wording of a particular record.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lang import MONTHS, is_chinese_paragraph
from ._record import Note
from .normalise import PAGE_BREAK

_END_PUNCT = ".!?。！？…”’\"」』)）:：;；"
_SALUTE_START = re.compile(
    r"^(To|Dear|Esteemed|Respected|Comrade|Comrades|Mr\.?|Mrs\.?|Sir|Sirs|Gentlemen|Your)\b"
)
_TIME_EN = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(a\.m\.|p\.m\.|am|pm|hours)?", re.I)
_DATE_EN = re.compile(
    r"\b(\d{1,2}\s+(" + "|".join(MONTHS) + r")\b|(" + "|".join(MONTHS) + r")\.?\s+\d{1,2}\b|\b1[89]\d\d\b)",
    re.I,
)
_DATE_ZH = re.compile("[〇零一二三四五六七八九十廿卅0-9０-９]+\\s*[年月日时時点點]")
_NOTE_BODY = re.compile(
    r"^\s*(?:\[(?P<a>\d{1,3})\]|<sup>\s*\(?(?P<b>\w{1,4})\)?\s*</sup>|\[\^(?P<c>\w{1,6})\]:?|〔(?P<d>\d{1,3})〕|(?P<e>\d{1,3})\.\s(?=\S))\s*"
)
_NOTES_HEADINGS = {"notes", "footnotes", "endnotes", "注释", "注"}


def is_notes_heading(para: str) -> bool:
    """'Notes', '## Notes:', '**Footnotes**' … (string operations: a regex with adjacent `\\s*`
    backtracks quadratically over a run of spaces)."""
    t = para.strip().lstrip("#").strip().lstrip("*").strip()
    t = t.rstrip("*").rstrip()
    t = t[:-1].rstrip() if t.endswith(":") else t
    return t.lower() in _NOTES_HEADINGS


@dataclass
class Layout:
    opener: list[tuple[str, str]]  # (role, text): role in {"dateline", "salute"}
    body: list[tuple[str, bool]]  # (text, rejoined_from_previous_break)
    closer: list[tuple[str, str]]  # role in {"signed", "dateline"}
    notes: list[Note]


def visible_length(text: str) -> int:
    return len(re.sub(r"<[^>]+>|\s+", "", text))


def word_count(text: str) -> int:
    return len(text.split())


def is_short(text: str) -> bool:
    return visible_length(text) <= 24 if is_chinese_paragraph(text) else word_count(text) <= 12 and len(text) <= 90


def ends_open(text: str) -> bool:
    """True when a paragraph stops where a sentence cannot end (a page break at its end aside)."""
    t = text.rstrip().rstrip(PAGE_BREAK + " ")
    start = _trailing_markers(t)
    if start is not None:
        t = t[:start]
    return bool(t) and t[-1] not in _END_PUNCT


_MARKER_START = re.compile(r"[<〔\[]")
_NUMBERED_MARKER = re.compile(r"〔\d+〕|\[\d+\]")


def _trailing_markers(text: str) -> int | None:
    """Where the note markers that end `text` begin: the leftmost i with text[i:] matching
    `(<sup>.*?</sup>|〔\\d+〕|\\[\\d+\\])+` (what `re.sub(... + "$", "", text)` removes), or None.

    Read right to left over the places a marker can start, so that a paragraph with many
    markers costs no more than one pass (the regex tries every <sup> with every later </sup>).
    """
    if not text.endswith(("</sup>", "〕", "]")):
        return None
    ends_ok = {len(text)}  # i where text[i:] is empty or a run of markers
    closer = None  # the leftmost "</sup>" so far that a run of markers (or the end) follows
    newlines = [m.start() for m in re.finditer("\n", text)]
    for i in reversed([m.start() for m in _MARKER_START.finditer(text)]):
        if text.startswith("</sup>", i) and i + 6 in ends_ok:
            closer = i
        numbered = _NUMBERED_MARKER.match(text, i)
        if numbered:
            if numbered.end() in ends_ok:
                ends_ok.add(i)
        elif text.startswith("<sup>", i) and closer is not None and _no_newline(newlines, i + 5, closer):
            ends_ok.add(i)
    return min(ends_ok) if len(ends_ok) > 1 else None


def _no_newline(newlines: list[int], start: int, end: int) -> bool:
    """No newline in text[start:end] (newlines: their sorted offsets)."""
    k = bisect.bisect_left(newlines, start)
    return k == len(newlines) or newlines[k] >= end


def looks_like_dateline(text: str) -> bool:
    t = text.strip()
    if not is_short(t):
        return False
    if is_chinese_paragraph(t):
        return bool(_DATE_ZH.search(t)) and not re.search("[。，]", t)
    stripped = re.sub(r"\[[^\]]*\]", "", t)
    return bool(_DATE_EN.search(stripped) or _TIME_EN.search(stripped)) and len(stripped.split()) <= 8


def looks_like_signature(text: str) -> bool:
    t = text.strip().rstrip(".")
    if not t or not is_short(t) or looks_like_dateline(t):
        return False
    if is_chinese_paragraph(t):
        return visible_length(t) <= 12 and not re.search("[，。：；！？、]", t)
    words = re.sub(r"\[[^\]]*\]", "", t).split()
    if not (1 <= len(words) <= 10) or re.search(r"[,:;!?]$", t):
        return False
    capitals = sum(w[0].isupper() for w in words if w[0].isalpha())
    return capitals >= max(1, len(words) // 2)


def looks_like_salute(text: str) -> bool:
    t = text.strip()
    if is_chinese_paragraph(t):
        return visible_length(t) <= 30 and t.endswith(("：", ":")) and "。" not in t
    if not t.endswith((":", ",")) or len(t) > 120:
        return False
    return bool(_SALUTE_START.match(t)) or word_count(t) <= 5


def looks_like_parenthesised_date(text: str) -> bool:
    t = text.strip()
    return t[:1] in "(（" and t[-1:] in ")）" and looks_like_dateline(t[1:-1])


def split_notes(paragraphs: list[str]) -> tuple[list[str], list[Note]]:
    """Separate trailing note bodies ('[1] text', a 'Notes' heading and what follows)."""
    for i, para in enumerate(paragraphs):  # a heading not followed by a note body is text
        if is_notes_heading(para) and i + 1 < len(paragraphs) and _note_label(paragraphs[i + 1]):
            return paragraphs[:i], parse_note_bodies(paragraphs[i + 1 :])
    cut = len(paragraphs)
    while cut > 0 and _note_label(paragraphs[cut - 1]) and not _is_enumerated_numeral_list(paragraphs, cut - 1):
        cut -= 1
    return paragraphs[:cut], parse_note_bodies(paragraphs[cut:])


def _is_enumerated_numeral_list(paragraphs: list[str], i: int) -> bool:
    """'1. text' paragraphs that continue a numbered body list are body, not notes."""
    m = _NOTE_BODY.match(paragraphs[i])
    return bool(m and m.group("e")) and not any(_note_label(p) and not _NOTE_BODY.match(p).group("e") for p in paragraphs)


def _note_label(text: str) -> str | None:
    m = _NOTE_BODY.match(text)
    return next((g for g in m.groups() if g), None) if m else None


def parse_note_bodies(paragraphs: list[str]) -> list[Note]:
    notes: list[Note] = []
    for para in paragraphs:
        m = _NOTE_BODY.match(para)
        if m:
            notes.append(Note(label=_note_label(para), text=para[m.end() :].strip()))
        elif notes:
            notes[-1].text = f"{notes[-1].text}\n\n{para.strip()}"
    return notes


def layout(paragraphs: list[str]) -> Layout:
    body, notes = split_notes(list(paragraphs))
    opener, body = _take_opener(body)
    body, closer = _take_closer(body)
    return Layout(opener=opener, body=_rejoin_breaks(body), closer=closer, notes=notes)


def _take_opener(paras: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    from ._editorial import editorial_remark

    remarks = 0  # "[Classification level blacked out: …]" first: a note of the body, never the salute
    while remarks < len(paras) - 1 and editorial_remark(paras[remarks]):
        remarks += 1
    opener, rest = _take_opener_after(paras[remarks:])
    return opener, paras[:remarks] + rest


def _take_opener_after(paras: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    opener: list[tuple[str, str]] = []
    i = 0
    if i < len(paras) - 1 and looks_like_parenthesised_date(paras[i]):
        opener.append(("dateline", paras[i]))
        i += 1
    if i < len(paras) - 1 and looks_like_salute(paras[i]):
        opener.append(("salute", paras[i]))
        i += 1
    return opener, paras[i:]


def _take_closer(paras: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    closer: list[tuple[str, str]] = []
    while len(paras) > 1 and len(closer) < 3:
        last = paras[-1]
        if looks_like_dateline(last):
            role = "dateline"
        elif looks_like_signature(last):
            role = "signed"
        else:
            break
        closer.insert(0, (role, last))
        paras = paras[:-1]
    if closer and len(paras) > 1 and looks_like_closing_salute(paras[-1]):
        closer.insert(0, ("salute", paras[-1]))
        paras = paras[:-1]
    return paras, closer


def looks_like_closing_salute(text: str) -> bool:
    """'With communist greetings,' / '此致敬礼' before a signature."""
    t = text.strip()
    if is_chinese_paragraph(t):
        return visible_length(t) <= 8 and ("此致" in t or "敬礼" in t or t.endswith(("，", "！")))
    return is_short(t) and word_count(t) <= 6 and t.endswith((",", "!"))


def _rejoin_breaks(paras: list[str]) -> list[tuple[str, bool]]:
    """A paragraph cut mid-sentence (long, no end mark, next not enumerated) is rejoined."""
    from ._inline import leading_enumerator

    out: list[tuple[str, bool]] = []
    for para in paras:
        if out and _cut_mid_sentence(out[-1][0]) and not leading_enumerator(para):
            out.append((para, True))
        else:
            out.append((para, False))
    return out


def _cut_mid_sentence(text: str) -> bool:
    long_enough = visible_length(text) >= 30 if is_chinese_paragraph(text) else word_count(text) >= 12
    return long_enough and ends_open(text)
