"""Inline markup of a paragraph string -> TEI nodes: note markers, editorial brackets, labels.

`fill(parent, text, ctx)` appends text and elements to `parent`. Every letter of `text` that
is not part of a marker or markdown syntax ends up in the parent's text content, in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..ids import mint
from ..tei import append_text, tei

ORDINAL = r"\d{1,2}|[a-z]|[ivx]{1,4}|[一二三四五六七八九十]{1,3}|[甲乙丙丁戊己庚辛壬癸]"
OPEN_PAREN = "(（"
CLOSE_PAREN = ")）"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")

# One alternation; the first group that matches names the token kind.
_TOKEN = re.compile(
    r"(?P<escape>\\(?P<escaped>[\[\]*_\\<>#`()]))"
    r"|(?P<sup><sup>\s*(?:[(（]\s*)?(?P<sup_label>[0-9A-Za-z*]{1,4})\s*(?:[)）]\s*)?</sup>)"
    r"|(?P<lenticular>〔(?P<len_label>\d{1,3})〕)"
    r"|(?P<mdnote>\[\^(?P<md_label>[0-9A-Za-z]{1,6})\])"
    r"|(?P<attached>(?<=[\w.,;:!?”’\"')\u3002\uff0c\u3001])\[(?P<att_label>\d{1,3})\])"
    r"|(?P<unisup>(?<=[\w.,;:!?”’\"')])(?P<uni_label>[" + _SUPERSCRIPTS + r"]{1,3}))"
    r"|(?P<gap>\[\s*(?:\.\s*\.\s*\.|…)\s*\])"
    r"|(?P<expan>\b(?P<abbr>[A-Za-z]{1,4})\[(?P<ex>[a-z]{1,12})\](?![\w\[]))"
    r"|(?P<supplied>\[(?P<sup_text>[^\[\]\n]{1,200})\])"
    r"|(?P<inline_label>(?<=[。；：！？:;.!?])(?P<lab_space>\s?)(?P<lab>[(（](?P<lab_n>" + ORDINAL + r")[)）]))"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<strong>\*\*|__)"
)


@dataclass
class InlineContext:
    """Per-division state: note markers seen, so that ids are unique and notes can be made."""

    lang_prefix: str
    taken: set[str] = field(default_factory=set)  # the document's ids so far (shared)
    note_labels: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, id) per marker

    def note_id(self, label: str) -> str:
        note_id = mint(f"{self.lang_prefix}-n{_ncname_part(label)}", self.taken)
        self.note_labels.append(label)
        self.notes.append((label, note_id))
        return note_id


def _ncname_part(label: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", label) or "x"


# Every token has one of these characters at most 4 characters after its start ('[' after an
# abbreviation, '(' after a space): the token pattern is tried only next to one.
_TRIGGER = re.compile(r"[\\<〔\[*_(（" + _SUPERSCRIPTS + "]")
_TRIGGER_REACH = 4


def tokens(text: str):
    """The matches of _TOKEN in `text`, as `_TOKEN.finditer(text)` gives them."""
    pos = 0
    while (trigger := _TRIGGER.search(text, pos)) is not None:
        at = trigger.start()
        for start in range(max(pos, at - _TRIGGER_REACH), at + 1):
            m = _TOKEN.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1


def fill(parent: etree._Element, text: str, ctx: InlineContext) -> None:
    """Parse `text` and append its content to `parent`."""
    pos = 0
    for m in tokens(text):
        append_text(parent, text[pos : m.start()])
        _emit(parent, m, ctx)
        pos = m.end()
    append_text(parent, text[pos:])


def _emit(parent: etree._Element, m: re.Match, ctx: InlineContext) -> None:
    kind = m.lastgroup if m.lastgroup in _KINDS else _kind_of(m)
    _KINDS[kind](parent, m, ctx)


def _kind_of(m: re.Match) -> str:
    for kind in _KINDS:
        if m.group(kind) is not None:
            return kind
    raise AssertionError("unreachable: token without kind")


def _note_ref(parent, label: str, ctx: InlineContext) -> None:
    ref = etree.SubElement(parent, tei("ref"), type="noteAnchor")
    ref.set("target", "#" + ctx.note_id(label))
    ref.set("n", label)
    ref.text = label


def _emit_escape(parent, m, ctx):
    append_text(parent, m.group("escaped"))


def _emit_sup(parent, m, ctx):
    _note_ref(parent, m.group("sup_label"), ctx)


def _emit_lenticular(parent, m, ctx):
    _note_ref(parent, m.group("len_label"), ctx)


def _emit_mdnote(parent, m, ctx):
    _note_ref(parent, m.group("md_label"), ctx)


def _emit_attached(parent, m, ctx):
    _note_ref(parent, m.group("att_label"), ctx)


def _emit_unisup(parent, m, ctx):
    _note_ref(parent, m.group("uni_label").translate(_SUPER_TO_DIGIT), ctx)


def _emit_gap(parent, m, ctx):
    etree.SubElement(parent, tei("gap"), reason="editorialOmission")


def _emit_expan(parent, m, ctx):
    expan = etree.SubElement(parent, tei("expan"))
    expan.text = m.group("abbr")
    ex = etree.SubElement(expan, tei("ex"))
    ex.text = m.group("ex")


def _emit_supplied(parent, m, ctx):
    content = m.group("sup_text")
    supplied = etree.SubElement(parent, tei("supplied"), reason=_supplied_reason(parent, m, content))
    fill(supplied, content, ctx)


def _supplied_reason(parent, m, content: str) -> str:
    """'Filippov [Stalin]' identifies; '[Zhou] Enlai', '[of the CCP]' clarify."""
    prev_word = _word_before(m.string, m.start())
    completes_name = _SPACE_CAPITAL.match(m.string, m.end())  # '[Patrick] Hurley': a supplied given name
    if prev_word and _is_name_word(prev_word) and not completes_name:
        if re.fullmatch(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}", content.strip()):
            return "identification"
    return "clarification"


_SPACE_CAPITAL = re.compile(r"\s+[A-Z]")


def _word_before(text: str, end: int) -> str | None:
    """The word before text[end] when white space separates them (None if none does), read
    backwards from `end` so that a long paragraph is not scanned again for each bracket."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop] if start < stop < end else None


_FUNCTION_WORDS = set(
    "a an the and or but if when while as at by for from in into of on to with without does do did is are "
    "was were be been has have had will would shall should can could may might must not no yes so then "
    "this that these those there here it its he she we they i you my our your his her their what which who "
    "whom whose why how where after before since until comrade comrades".split()
)


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a sentence-initial function word ('Filippov', not 'Does')."""
    w = word.strip("“”\"'(),")
    return bool(re.match(r"^[A-Z][\w'’.-]*$", w)) and w.lower() not in _FUNCTION_WORDS


def _emit_inline_label(parent, m, ctx):
    append_text(parent, m.group("lab_space"))
    label = etree.SubElement(parent, tei("label"), type="enumerator", n=m.group("lab_n"))
    label.text = m.group("lab")


def _emit_br(parent, m, ctx):
    etree.SubElement(parent, tei("lb"))


def _emit_strong(parent, m, ctx):
    """Markdown emphasis markers are syntax, not text: drop them."""


_KINDS = {
    "escape": _emit_escape,
    "sup": _emit_sup,
    "lenticular": _emit_lenticular,
    "mdnote": _emit_mdnote,
    "attached": _emit_attached,
    "unisup": _emit_unisup,
    "gap": _emit_gap,
    "expan": _emit_expan,
    "supplied": _emit_supplied,
    "inline_label": _emit_inline_label,
    "br": _emit_br,
    "strong": _emit_strong,
}

# A paragraph that opens with an enumerator: "(1) ", "（一）", "(甲)", "1. ", "a) ", "一、"
_LEADING_ENUM = re.compile(
    r"^(?P<quote>[“\"]?)(?P<label>[(（](?P<n1>" + ORDINAL + r")[)）]"
    r"|(?P<n2>\d{1,2})\.(?=\s)"
    r"|(?P<n3>[a-z])\)(?=\s)"
    r"|(?P<n4>[一二三四五六七八九十]{1,3})、)"
)


def leading_enumerator(text: str) -> tuple[str, str, str, str] | None:
    """(quote, label as printed, n, rest) if the paragraph opens with an enumerator."""
    m = _LEADING_ENUM.match(text)
    if not m:
        return None
    n = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
    return m.group("quote"), m.group("label"), n, text[m.end() :]
