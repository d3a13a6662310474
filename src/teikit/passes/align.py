"""Alignment pass: link the sentences of the English division with those of the original.

Writes `standOff/linkGrp[@type="translation"]` with one `link` per bead (English ids first);
a sentence without counterpart gets `link type="unaligned"` whose second target is the other
division. Structure feeds the aligner: enumerators ((1)/(一), (a)/(甲)), the unit a sentence
belongs to (salute, signed, dateline) and paragraph starts; names come from the authority files.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..align.text import number_key
from ..tei import XML_ID, XML_LANG, ensure_standoff, language_divisions, local_name, tei

STEMS = "甲乙丙丁戊己庚辛壬癸"
ZH_DIGITS = "一二三四五六七八九"
OPENER_UNITS = ("salute", "signed", "dateline", "byline", "address")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One `s` with what the aligner may use."""

    id: str
    text: str
    tokens: tuple[str, ...]
    starts_block: bool


def align_tree(tree, options=None):
    """Align the first two language divisions of the tree (in place); return the tree."""
    from ..align import AlignHints, align
    from ..align.authority import name_pairs

    root = tree.getroot() if hasattr(tree, "getroot") else tree
    pair = _division_pair(language_divisions(root))
    if pair is None:
        return tree
    src_div, tgt_div = pair
    for div in pair:
        _ensure_division_id(root, div)
    src, tgt = sentences_of(src_div), sentences_of(tgt_div)
    if not src and not tgt:
        return tree
    hints = AlignHints(
        src_tokens=[s.tokens for s in src], tgt_tokens=[s.tokens for s in tgt],
        src_blocks=[s.starts_block for s in src], tgt_blocks=[s.starts_block for s in tgt],
        names=name_pairs(getattr(options, "authority", ()) or ()),
    )
    beads = align([s.text for s in src], [s.text for s in tgt],
                  src_lang=src_div.get(XML_LANG), tgt_lang=tgt_div.get(XML_LANG), hints=hints)
    write_links(root, beads, src, tgt, src_div, tgt_div)
    return tree


def _ensure_division_id(root, div) -> None:
    """Unaligned links point at the other division, so each division needs an xml:id."""
    if div.get(XML_ID):
        return
    base = div.get(XML_LANG, "div").split("-")[0] or "div"
    taken = set(root.xpath("//@xml:id"))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    div.set(XML_ID, candidate)


def _division_pair(divs):
    """(English or first division, the first division in another language), or None."""
    if len(divs) < 2:
        return None
    src = next((d for d in divs if d.get(XML_LANG, "").split("-")[0] == "en"), divs[0])
    other = [d for d in divs if d is not src and d.get(XML_LANG) != src.get(XML_LANG)]
    return (src, other[0]) if other else None


def sentences_of(div: etree._Element) -> list[Sentence]:
    out = []
    for s in div.iter(tei("s")):
        sid = s.get(XML_ID)
        if sid:
            out.append(Sentence(sid, sentence_text(s), structure_tokens(s), _starts_block(s)))
    return out


def sentence_text(s: etree._Element) -> str:
    """The words of a sentence for the aligner: note anchors (their numbers differ between the
    translation and the original) and editorial insertions (`supplied`, absent from the other
    text) left out, white space normalised."""
    parts: list[str] = []
    _collect_text(s, parts)
    return " ".join("".join(parts).split())


def _collect_text(el: etree._Element, parts: list[str]) -> None:
    if isinstance(el.tag, str) and not _left_out(el):
        parts.append(el.text or "")
        for child in el:
            _collect_text(child, parts)
            parts.append(child.tail or "")


def _left_out(el: etree._Element) -> bool:
    name = local_name(el)
    return name == "supplied" or (name == "ref" and el.get("type") == "noteAnchor")


def structure_tokens(s: etree._Element) -> tuple[str, ...]:
    """'enum:num:1', 'enum:alpha:1' for an enumerator right before the sentence; 'unit:salute' ..."""
    toks = []
    container = s.getparent()
    unit = local_name(container)
    if unit in OPENER_UNITS:
        toks.append(f"unit:{unit}")
    label = _preceding_label(s)
    key = enumerator_key(label.get("n") or "".join(label.itertext())) if label is not None else None
    if key is None and label is None and unit == "p" and _first_s(s):
        key = enumerator_key(container.get("n") or "")
    if key:
        toks.append(f"enum:{key}")
    return tuple(toks)


def _preceding_label(s: etree._Element):
    """The `label` sibling just before this sentence (only text/space between), if any."""
    prev = s.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and local_name(prev) == "label":
        return prev
    return None


def _first_s(s: etree._Element) -> bool:
    prev = s.getprevious()
    while prev is not None:
        if local_name(prev) == "s":
            return False
        prev = prev.getprevious()
    return True


def _starts_block(s: etree._Element) -> bool:
    return _first_s(s) or _preceding_label(s) is not None


def enumerator_key(raw: str) -> str | None:
    """'(1)', '1', '一', '（一）' -> 'num:1'; '(a)', 'a', '甲' -> 'alpha:1'; else None."""
    core = raw.strip().strip("()（）.、 ")
    if core.isdecimal():
        return f"num:{number_key(core)}"
    if len(core) == 1 and core in ZH_DIGITS:
        return f"num:{ZH_DIGITS.index(core) + 1}"
    if core in ("十",):
        return "num:10"
    if len(core) == 1 and core in STEMS:
        return f"alpha:{STEMS.index(core) + 1}"
    if len(core) == 1 and core.isascii() and core.isalpha():
        return f"alpha:{ord(core.lower()) - ord('a') + 1}"
    return None


def write_links(root, beads, src, tgt, src_div, tgt_div) -> None:
    """Replace the translation linkGrp with one link per bead."""
    standoff = ensure_standoff(root)
    for old in standoff.findall(tei("linkGrp")):
        if old.get("type") == "translation":
            standoff.remove(old)
    grp = etree.SubElement(standoff, tei("linkGrp"), type="translation")
    src_other = "#" + (tgt_div.get(XML_ID) or "")
    tgt_other = "#" + (src_div.get(XML_ID) or "")
    for bead in beads:
        ids = [f"#{src[i].id}" for i in bead.src] + [f"#{tgt[j].id}" for j in bead.tgt]
        link = etree.SubElement(grp, tei("link"))
        if not bead.src or not bead.tgt:
            link.set("type", "unaligned")
            ids.append(src_other if bead.src else tgt_other)
            if not bead.src:
                ids.reverse()  # English (the other division) first
        link.set("target", " ".join(ids))
