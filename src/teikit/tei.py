"""TEI namespaces, the one safe XML parser, element builders and id helpers."""
from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from .errors import XMLInputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

_MAX_BYTES = 256 * 1024 * 1024


def tei(tag: str) -> str:
    """Clark name of a TEI element: tei('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI_NS}}}{tag}"


def local_name(el: etree._Element) -> str:
    """The tag without its namespace ('' for a comment or processing instruction)."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def safe_parser(*, remove_blank_text: bool = False, collect_ids: bool = True) -> etree.XMLParser:
    """A parser that resolves no entity, loads no DTD and touches no network.

    collect_ids=False accepts duplicate or malformed xml:ids (the validator reports them).
    """
    return etree.XMLParser(
        collect_ids=collect_ids,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
        remove_comments=False,
    )


def _reject_doctype_entities(data: bytes, name: str) -> None:
    """Refuse entity declarations and external DTDs in the DOCTYPE, wherever the prolog puts it."""
    doctype = _doctype_of(data)
    if doctype is None:
        return
    if re.search(rb"<!ENTITY", doctype):
        raise XMLInputError("entity declarations are not accepted (unsafe XML)", file=name)
    if re.match(rb"<!DOCTYPE[^>\[]*(SYSTEM|PUBLIC)", doctype):
        raise XMLInputError("external DTDs are not accepted (unsafe XML)", file=name)


def _doctype_of(data: bytes) -> bytes | None:
    """The DOCTYPE declaration of the prolog (skipping comments and PIs of any length), or None."""
    i = 0
    text = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    while True:
        while i < len(text) and text[i:i + 1].isspace():
            i += 1
        if text.startswith(b"<?", i):
            end, skip = text.find(b"?>", i), 2
        elif text.startswith(b"<!--", i):
            end, skip = text.find(b"-->", i), 3
        elif text.startswith(b"<!DOCTYPE", i):
            head_end = text.find(b">", i)
            if head_end >= 0 and b"[" in text[i:head_end]:
                head_end = text.find(b"]>", i) + 1
            return text[i:] if head_end <= 0 else text[i:head_end + 1]
        else:
            return None
        if end < 0:
            return None
        i = end + skip


def parse_xml_bytes(data: bytes, name: str = "<bytes>", *, collect_ids: bool = True) -> etree._ElementTree:
    """Parse XML safely; raise XMLInputError with file and line on any problem."""
    if not data.strip():
        raise XMLInputError("empty file, expected XML", file=name)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise XMLInputError("binary file, expected XML", file=name)
    _reject_doctype_entities(data, name)
    try:
        root = etree.fromstring(data, safe_parser(collect_ids=collect_ids), base_url=None)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or None
        msg = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        if "XML_PARSE_HUGE" in msg:  # libxml2's advice names a parser option no user can set
            msg = "beyond the parser's safety limits (a text node over 10 MB, or nesting over 256 levels)"
        raise XMLInputError(f"not well-formed XML: {msg}", file=name, line=line) from None
    tree = root.getroottree()
    _reject_parsed_dtd(tree, name)
    return tree


def _reject_parsed_dtd(tree: etree._ElementTree, name: str) -> None:
    """Second line of defence (a DOCTYPE beyond the byte scan): no entities, no external DTD."""
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise XMLInputError("external DTDs are not accepted (unsafe XML)", file=name)
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XMLInputError("entity declarations are not accepted (unsafe XML)", file=name)


def parse_xml_file(path: str | os.PathLike, *, collect_ids: bool = True) -> etree._ElementTree:
    """Read and parse an XML file safely (see parse_xml_bytes)."""
    from .io import read_input_bytes

    data, name = read_input_bytes(os.fspath(path), error=XMLInputError, max_bytes=_MAX_BYTES)
    tree = parse_xml_bytes(data, name, collect_ids=collect_ids)
    tree.docinfo.URL = name
    return tree


def ids_in(root: etree._Element) -> set[str]:
    return {v for v in root.xpath("//@xml:id")}


def slug(text: str) -> str:
    """A lower-case NCName-safe slug: 'Zhou Enlai' -> 'zhou-enlai'."""
    s = re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower()
    if not s or not (s[0].isalpha() or s[0] == "_"):
        s = "x-" + s
    return s


def append_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of parent's content (its text, or its last child's tail)."""
    if not text:
        return
    last = last_child(parent)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def last_child(parent: etree._Element):
    """parent[-1] or None: len(parent) would count all the children, every time."""
    try:
        return parent[-1]
    except IndexError:
        return None


def ensure_standoff(root: etree._Element) -> etree._Element:
    """The document's standOff (created after `text` if absent); passes add their lists here."""
    found = root.find(tei("standOff"))
    if found is not None:
        return found
    standoff = etree.Element(tei("standOff"))
    text = root.find(tei("text"))
    if text is not None:
        text.addnext(standoff)
    else:
        root.append(standoff)
    return standoff


def language_divisions(root: etree._Element) -> list[etree._Element]:
    """The body's top-level divisions that carry xml:lang (English first, as written)."""
    return root.xpath("tei:text/tei:body/tei:div[@xml:lang]", namespaces=NSMAP)


# Elements whose content model is element-only in TEI: white space between their children is
# insignificant, so they (and only they) are indented on output. Mixed content is never touched.
ELEMENT_ONLY = frozenset(
    """TEI teiHeader fileDesc titleStmt publicationStmt notesStmt sourceDesc biblStruct analytic monogr
    imprint encodingDesc appInfo application profileDesc langUsage textClass keywords correspDesc
    correspAction availability respStmt text front body back div standOff listPerson person listPlace
    place listOrg org linkGrp list listBibl listAnnotation""".split()
)


def indent_structure(root: etree._Element, level: int = 0) -> None:
    """Put each child of an element-only container on its own indented line."""
    if local_name(root) in ELEMENT_ONLY:
        _indent_children(root, level)


def _indent_children(container: etree._Element, level: int) -> None:
    """indent_structure of an element-only container. The children are listed once (each walk
    over them makes new proxies) and only containers are recursed into: most children of
    an authority record or a linkGrp are leaves."""
    children = list(container)
    if not children or (container.text or "").strip():
        return
    if any((child.tail or "").strip() for child in children):
        return
    pad = "\n" + "  " * (level + 1)
    container.text = pad
    for child in children:
        child.tail = pad
        if local_name(child) in ELEMENT_ONLY:
            _indent_children(child, level + 1)
    children[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Bytes of a TEI document: UTF-8, XML declaration, structure indented, mixed content as is."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    indent_structure(root)
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True) + b"\n"
