"""TEI namespaces, the one safe XML parser, element builders and id helpers."""
from __future__ import annotations

import os
import re

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


def safe_parser(*, remove_blank_text: bool = False, collect_ids: bool = True,
                expand_internal: bool = False) -> etree.XMLParser:
    """A parser that loads no DTD and touches no network.

    collect_ids=False accepts duplicate or malformed xml:ids (the validator reports them).
    expand_internal=True expands the internal DTD subset's own entities (call it only after
    _check_entities has bounded them); no external entity is ever resolved.
    """
    return etree.XMLParser(
        collect_ids=collect_ids,
        resolve_entities="internal" if expand_internal else False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
        remove_comments=False,
    )


# hard limits on an internal DTD subset's entities: how many, how deep, how long one expansion,
# how many characters all the references of the document expand to (billion laughs: 3e9)
MAX_ENTITIES = 2000
MAX_ENTITY_DEPTH = 16
MAX_ENTITY_CHARS = 1_000_000
MAX_EXPANSION_CHARS = 16_000_000
_ENTITY_REF = re.compile(r"&([^\s;&#<>\"']+);")


def _reject_doctype_entities(data: bytes, name: str) -> None:
    """Refuse parameter and external entities in the DOCTYPE, wherever the prolog puts it
    (a fast look before parsing; _check_entities decides on the parsed declarations)."""
    doctype = _doctype_of(data)
    if doctype is None:
        return
    if re.search(rb"<!ENTITY\s+%", doctype):
        raise XMLInputError("parameter entities are not accepted (unsafe XML)", file=name)
    if re.search(rb"<!ENTITY\s+[^\s>]+\s+(SYSTEM|PUBLIC)\b", doctype):
        raise XMLInputError("external entities are not accepted (unsafe XML)", file=name)


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
    """Parse XML safely; raise XMLInputError with file and line on any problem.

    An internal DTD subset's own (general, internal) entities are expanded within hard limits;
    parameter and external entities are refused; an external DTD is never loaded.
    """
    if not data.strip():
        raise XMLInputError("empty file, expected XML", file=name)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise XMLInputError("binary file, expected XML", file=name)
    _reject_doctype_entities(data, name)
    try:
        tree = _parse(data, name, safe_parser(collect_ids=collect_ids))
    except _TextTooLong:
        return _parse_long_text(data, name, collect_ids)
    if _check_entities(tree, data, name):
        tree = _parse(data, name, safe_parser(collect_ids=collect_ids, expand_internal=True))
    return tree


class _TextTooLong(XMLInputError):
    """libxml2 refused a text node over 10 MB (without XML_PARSE_HUGE)."""


LIMIT_MESSAGE = "beyond the parser's safety limits (a text node over 10 MB, or nesting over 256 levels)"
MAX_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE, kept when a long text is allowed


def _parse_long_text(data: bytes, name: str, collect_ids: bool) -> etree._ElementTree:
    """Parse a document with a text node over 10 MB (teikit writes one for an 11 MB sentence):
    libxml2's huge_tree, allowed only without any entity declaration (nothing to expand; the
    DOCTYPE is looked at before and after parsing) and with the usual nesting limit."""
    doctype = _doctype_of(data)
    if doctype is not None and b"<!ENTITY" in doctype:
        raise XMLInputError(f"not well-formed XML: {LIMIT_MESSAGE} with entity declarations", file=name)
    parser = etree.XMLParser(collect_ids=collect_ids, resolve_entities=False, load_dtd=False,
                             no_network=True, dtd_validation=False, huge_tree=True)
    tree = _parse(data, name, parser)
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XMLInputError(f"not well-formed XML: {LIMIT_MESSAGE} with entity declarations", file=name)
    if _depth_over(tree.getroot(), MAX_DEPTH):
        raise XMLInputError(f"not well-formed XML: {LIMIT_MESSAGE}", file=name)
    return tree


def _depth_over(root: etree._Element, limit: int) -> bool:
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > limit:
            return True
    return False


def _parse(data: bytes, name: str, parser: etree.XMLParser) -> etree._ElementTree:
    try:
        root = etree.fromstring(data, parser, base_url=None)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or None
        msg = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        if any(word in msg for word in ("amplification", "entity reference loop", "nesting depth")):
            raise XMLInputError("entity expansion beyond the limit (unsafe XML)", file=name) from None
        if "Text node too long" in msg:
            raise _TextTooLong(f"not well-formed XML: {LIMIT_MESSAGE}", file=name, line=line) from None
        if "XML_PARSE_HUGE" in msg:  # libxml2's advice names a parser option no user can set
            msg = LIMIT_MESSAGE
        raise XMLInputError(f"not well-formed XML: {msg}", file=name, line=line) from None
    return root.getroottree()


def _check_entities(tree: etree._ElementTree, data: bytes, name: str) -> bool:
    """Bound the internal subset's entities (parsed, not expanded); True when there are some.

    Second line of defence too (a DOCTYPE the byte scan did not find): no parameter or
    external entity, no expansion beyond the limits."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return False
    values: dict[str, str] = {}
    for entity in dtd.iterentities():
        if entity.system_url is not None or entity.content is None:
            raise XMLInputError("external entities are not accepted (unsafe XML)", file=name)
        if len(values) >= MAX_ENTITIES:
            raise XMLInputError(f"more than {MAX_ENTITIES} entity declarations (unsafe XML)", file=name)
        values.setdefault(entity.name, entity.content)
    if not values:
        return False
    sizes: dict[str, int] = {}
    total = 0
    text = data.decode("utf-8", "replace") if len(data) < 64_000_000 else ""
    for ref in _ENTITY_REF.findall(text):
        if ref in values:
            total += _expanded_size(ref, values, sizes, name, 0)
            if total > MAX_EXPANSION_CHARS:
                raise XMLInputError("entity expansion beyond the limit (unsafe XML)", file=name)
    return True


def _expanded_size(ent: str, values: dict[str, str], sizes: dict[str, int], name: str, depth: int) -> int:
    """Characters `ent` expands to (references to undeclared names count as themselves)."""
    if ent in sizes:
        if sizes[ent] < 0:
            raise XMLInputError(f"entity {ent!r} refers to itself (unsafe XML)", file=name)
        return sizes[ent]
    if depth > MAX_ENTITY_DEPTH:
        raise XMLInputError("entities nested too deeply (unsafe XML)", file=name)
    sizes[ent] = -1
    value = values[ent]
    size = len(value)
    for ref in _ENTITY_REF.findall(value):
        if ref in values:
            size += _expanded_size(ref, values, sizes, name, depth + 1) - len(ref) - 2
            if size > MAX_ENTITY_CHARS:
                raise XMLInputError("entity expansion beyond the limit (unsafe XML)", file=name)
    sizes[ent] = size
    return size


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


def serializer(tree: etree._ElementTree | etree._Element):
    """`serialize`'s bytes as a writer: a function that writes them to a binary file as lxml
    serialises, in small pieces (a large record's document is never a whole bytes object, nor
    two while the final newline is added). `io.write_output` takes it in place of bytes."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    indent_structure(root)

    def write(fh) -> None:
        root.getroottree().write(fh, encoding="UTF-8", xml_declaration=True)
        fh.write(b"\n")

    return write
