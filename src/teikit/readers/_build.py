"""Record -> TEI tree (docs/encoding.md): header, language divisions, notes in back."""
from __future__ import annotations

from collections import deque

from lxml import etree

from ..ids import IdSet, mint, ncname
from ..tei import NSMAP, TEI_NS, XML_ID, XML_LANG, last_child, tei
from ._editorial import editorial_note, editorial_remark
from ._header import build_header, place_in_datelines
from ._inline import InlineContext, fill, leading_enumerator
from ._record import Note, Part, Record
from ._structure import Layout, layout


def build_tei(record: Record) -> etree._ElementTree:
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(XML_LANG, "en")
    original = next((p for p in record.parts if p.role == "original" and p.head), None)
    title_original = (original.head, original.lang) if original else None
    layouts = [layout(part.paragraphs) for part in record.parts]
    root.append(build_header(record, title_original, _place_of_sending(record.parts, layouts)))
    text = etree.SubElement(root, tei("text"))
    body = etree.SubElement(text, tei("body"))
    note_divs = []
    taken: set[str] = IdSet()
    for part, lay in zip(record.parts, layouts):
        div, notes_div = build_division(part, lay, taken)
        body.append(div)
        if notes_div is not None:
            note_divs.append(notes_div)
    if len(body) == 0:
        etree.SubElement(body, tei("p"))
    if note_divs:
        back = etree.SubElement(text, tei("back"))
        back.extend(note_divs)
    _number_paragraphs(root, taken)
    _unpoint_markers(root, taken)
    return root.getroottree()


def _place_of_sending(parts: list[Part], layouts: list[Layout]) -> str | None:
    """Read from the English datelines (opener first, then closer)."""
    for part, lay in zip(parts, layouts):
        if part.lang == "en":
            return place_in_datelines([text for role, text in lay.opener + lay.closer if role == "dateline"])
    return None


def build_division(part: Part, lay: Layout, taken: set[str]) -> tuple[etree._Element, etree._Element | None]:
    """A language division; a second division of a language (a second original) gets the next
    free prefix (zh, zh-2 …), so its paragraphs, sentences and notes keep unique ids."""
    prefix = mint(ncname(part.lang.split("-")[0]), taken)
    div = etree.Element(tei("div"), type=part.role)
    div.set(XML_LANG, part.lang)
    div.set(XML_ID, prefix)
    ctx = InlineContext(prefix, taken)
    if part.head:
        head = etree.SubElement(div, tei("head"))
        fill(head, part.head, ctx)
    if lay.opener:
        div.append(_framing("opener", lay.opener, ctx))
    remarks = 0  # editorial notes so far (counting the children each time is quadratic)
    for text, rejoined in lay.body:
        last = last_child(div)
        if rejoined and last is not None and last.tag == tei("p"):
            etree.SubElement(last, tei("milestone"), unit="paragraph", type="spuriousBreak")
            fill(last, text, ctx)
        elif editorial_remark(text):
            remarks += 1
            div.append(editorial_note(editorial_remark(text), prefix, remarks))
        else:
            div.append(_paragraph(text, ctx))
    if lay.closer:
        div.append(_framing("closer", lay.closer, ctx))
    if not any(child.tag in (tei("p"), tei("opener"), tei("closer")) for child in div):
        etree.SubElement(div, tei("p"))
    notes = lay.notes + part.notes
    return div, _notes_division(part, ctx, notes)


def _framing(tag: str, items: list[tuple[str, str]], ctx: InlineContext) -> etree._Element:
    el = etree.Element(tei(tag))
    for role, text in items:
        child = etree.SubElement(el, tei(role))
        fill(child, text.strip(), ctx)
    return el


def _paragraph(text: str, ctx: InlineContext) -> etree._Element:
    p = etree.Element(tei("p"))
    enum = leading_enumerator(text.strip())
    if enum:
        quote, label_text, n, rest = enum
        p.set("n", n)
        p.text = quote or None
        label = etree.SubElement(p, tei("label"), type="enumerator", n=n)
        label.text = label_text
        fill(p, rest, ctx)
    else:
        fill(p, text.strip(), ctx)
    return p


def _notes_division(part: Part, ctx: InlineContext, bodies: list[Note]) -> etree._Element | None:
    """One note per marker, in marker order; bodies matched by label; unmatched bodies kept."""
    if not ctx.note_labels and not bodies:
        return None
    div = etree.Element(tei("div"), type="notes")
    div.set(XML_LANG, part.lang)
    unused = {}  # label -> indices of the bodies not yet matched, in order (a scan per marker
    for k, b in enumerate(bodies):  # would be quadratic)
        unused.setdefault(b.label, deque()).append(k)
    used = set()
    for label, note_id in list(ctx.notes):
        queue = unused.get(label)
        body = None
        if queue:
            used.add(queue[0])
            body = bodies[queue.popleft()]
        div.append(_note(note_id, label, body, ctx))
    for body in (b for k, b in enumerate(bodies) if k not in used):  # a body with no marker in the text: keep it, under its own id
        note_id = ctx.note_id(body.label)
        ctx.note_labels.pop()
        div.append(_note(note_id, body.label, body, ctx))
    return div


def _note(note_id: str, label: str, body: Note | None, ctx: InlineContext) -> etree._Element:
    note = etree.Element(tei("note"), n=label, place="foot")
    note.set(XML_ID, note_id)
    if body is None or body.text is None:
        etree.SubElement(note, tei("gap"), reason="notInSource")
    else:
        for para in body.text.split("\n\n"):
            fill(etree.SubElement(note, tei("p")), para.strip(), InlineContext(ctx.lang_prefix + "-note", set()))
    return note


def _number_paragraphs(root: etree._Element, taken: set[str]) -> None:
    for div in root.xpath("tei:text/tei:body/tei:div[@xml:id]", namespaces=NSMAP):
        prefix = div.get(XML_ID)
        for i, p in enumerate(div.xpath("tei:p", namespaces=NSMAP), start=1):
            p.set(XML_ID, mint(f"{prefix}-p{i}", taken))


def _unpoint_markers(root: etree._Element, taken: set[str]) -> None:
    """A note marker where no note is made (in the header, inside a note) points nowhere: it
    stays as the superscript it was, not as a pointer to a missing note."""
    for ref in root.iter(tei("ref")):
        if ref.get("type") == "noteAnchor" and ref.get("target", "")[1:] not in taken:
            ref.tag = tei("hi")
            ref.set("rend", "superscript")
            del ref.attrib["type"], ref.attrib["target"]
