"""A parsed RELAX NG grammar (XML syntax): its defines, start, and name classes.

Only what specialisation and the content-model checker need. Grammars with `include`,
`externalRef`, `parentRef` or nested `grammar` are marked `specialisable=False` and are
compiled whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..tei import parse_xml_file

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = f"{{{RNG_NS}}}"
_UNSUPPORTED = {"include", "externalRef", "parentRef", "grammar"}

# A name class is a tuple:
#   ("name", ns, local) | ("any", except_or_None) | ("ns", ns, except_or_None) | ("choice", (nc, ...))
NameClass = tuple
QName = tuple[str, str]  # (namespace, local name)


def rng_name(el: etree._Element) -> str:
    """Local name of a RELAX NG element, '' for foreign (annotation) elements."""
    if not isinstance(el.tag, str) or not el.tag.startswith(_R):
        return ""
    return el.tag[len(_R):]


def rng_children(el: etree._Element) -> list[etree._Element]:
    """The RELAX NG children of a pattern, annotations left out."""
    return [c for c in el if rng_name(c)]


def inherited_ns(el: etree._Element) -> str:
    """The `ns` in scope for a RELAX NG element (nearest ancestor-or-self @ns)."""
    return inherited_attribute(el, "ns")


def inherited_attribute(el: etree._Element, name: str) -> str:
    """The nearest ancestor-or-self value of an inherited RELAX NG attribute (ns, datatypeLibrary)."""
    node = el
    while node is not None:
        value = node.get(name)
        if value is not None:
            return value
        node = node.getparent()
    return ""


def resolve_qname(text: str, el: etree._Element, default_ns: str) -> QName:
    text = text.strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        uri = XML_NS if prefix == "xml" else el.nsmap.get(prefix)
        if uri is None:
            raise ValueError(f"undeclared prefix {prefix!r} in RELAX NG name {text!r}")
        return (uri, local)
    return (default_ns, text)


def parse_name_class(el: etree._Element) -> NameClass:
    kind = rng_name(el)
    if kind == "name":
        return ("name", *resolve_qname(el.text or "", el, inherited_ns(el)))
    if kind in ("anyName", "nsName"):
        excepts = [c for c in rng_children(el) if rng_name(c) == "except"]
        exc = _choice_of(excepts[0]) if excepts else None
        if kind == "anyName":
            return ("any", exc)
        return ("ns", inherited_ns(el), exc)
    if kind == "choice":
        return ("choice", tuple(parse_name_class(c) for c in rng_children(el)))
    raise ValueError(f"not a name class: {kind}")


def _choice_of(container: etree._Element) -> NameClass:
    return ("choice", tuple(parse_name_class(c) for c in rng_children(container)))


def pattern_name_class(el: etree._Element) -> NameClass:
    """The name class of an `element` or `attribute` pattern."""
    name = el.get("name")
    if name is not None:
        if rng_name(el) == "attribute":
            return ("name", *resolve_qname(name, el, el.get("ns", "")))
        return ("name", *resolve_qname(name, el, inherited_ns(el)))
    return parse_name_class(rng_children(el)[0])


def pattern_content(el: etree._Element) -> list[etree._Element]:
    """The content patterns of an `element`/`attribute` (after its name class)."""
    kids = rng_children(el)
    return kids if el.get("name") is not None else kids[1:]


def nc_matches(nc: NameClass, qname: QName) -> bool:
    kind = nc[0]
    if kind == "name":
        return (nc[1], nc[2]) == qname
    if kind == "any":
        return nc[1] is None or not nc_matches(nc[1], qname)
    if kind == "ns":
        return qname[0] == nc[1] and (nc[2] is None or not nc_matches(nc[2], qname))
    return any(nc_matches(c, qname) for c in nc[1])


def nc_matches_any(nc: NameClass, names) -> bool:
    if nc[0] == "name":
        return (nc[1], nc[2]) in names
    return any(nc_matches(nc, q) for q in names)


def nc_to_xml(nc: NameClass) -> etree._Element:
    """A name class as explicit RELAX NG XML (namespaces spelt out)."""
    kind = nc[0]
    if kind == "name":
        el = etree.Element(_R + "name", ns=nc[1])
        el.text = nc[2]
        return el
    if kind == "choice":
        el = etree.Element(_R + "choice")
        el.extend(nc_to_xml(c) for c in nc[1])
        return el
    el = etree.Element(_R + ("anyName" if kind == "any" else "nsName"))
    if kind == "ns":
        el.set("ns", nc[1])
    exc = nc[-1]
    if exc is not None:
        wrapper = etree.SubElement(el, _R + "except")
        wrapper.extend(nc_to_xml(c) for c in (exc[1] if exc[0] == "choice" else (exc,)))
    return el


def nc_label(nc: NameClass) -> str:
    """A short human label: 'p', 'math:mi', 'any element'."""
    if nc[0] == "name":
        return nc[2]
    if nc[0] == "choice":
        return " | ".join(nc_label(c) for c in nc[1])
    if nc[0] == "ns":
        return f"any element in {nc[1] or 'no namespace'}"
    return "any element"


@dataclass
class Grammar:
    """A RELAX NG grammar: start pattern and defines (lxml elements of the schema tree)."""

    root: etree._Element
    start: etree._Element | None
    defines: dict[str, etree._Element] = field(default_factory=dict)
    specialisable: bool = True
    _element_patterns: list | None = None

    def element_patterns(self) -> list[tuple[NameClass, etree._Element]]:
        """Every `element` pattern of the grammar with its name class."""
        if self._element_patterns is None:
            self._element_patterns = [
                (pattern_name_class(el), el) for el in self.root.iter(_R + "element")
            ]
        return self._element_patterns


def load_grammar(tree: etree._ElementTree) -> Grammar:
    """Index a parsed RELAX NG schema (XML syntax)."""
    root = tree.getroot()
    if rng_name(root) != "grammar":
        # A bare pattern (e.g. <element name="TEI">): wrap it as the start of a grammar.
        grammar = etree.Element(_R + "grammar", nsmap=root.nsmap)
        start = etree.SubElement(grammar, _R + "start")
        start.append(root)
        root = grammar
    g = Grammar(root=root, start=None)
    _index(root, g)
    return g


def _index(container: etree._Element, g: Grammar) -> None:
    for child in rng_children(container):
        kind = rng_name(child)
        if kind == "div":
            _index(child, g)
        elif kind == "start":
            g.start = child if g.start is None else _combine(g.start, child, g)
        elif kind == "define":
            name = child.get("name")
            g.defines[name] = _combine(g.defines[name], child, g) if name in g.defines else child
        elif kind == "include":
            g.specialisable = False
            _include(child, g)
        elif kind in _UNSUPPORTED:
            g.specialisable = False
    for el in container.iter(_R + "*"):
        if el is not container and rng_name(el) in _UNSUPPORTED:
            g.specialisable = False
            break


def _include(include: etree._Element, g: Grammar, depth: int = 0) -> None:
    """Merge an included grammar's start and defines (those the include overrides excepted),
    for the message checker; libxml2 itself resolves the include when it compiles."""
    base = include.getroottree().docinfo.URL
    href = include.get("href", "")
    if not base or not href or "://" in href or depth > 10:
        return
    try:
        included = parse_xml_file(Path(base).parent / href).getroot()
    except Exception:  # an unreadable include: the checker knows less, libxml2 will say why
        return
    inner = Grammar(root=included, start=None)
    _index(included, inner)
    overridden = {c.get("name") for c in include.iter(_R + "define")}
    for name, define in inner.defines.items():
        if name not in overridden:
            g.defines.setdefault(name, define)
    if inner.start is not None and include.find(_R + "start") is None and g.start is None:
        g.start = inner.start
    _index(include, g)


def _combine(first: etree._Element, second: etree._Element, g: Grammar) -> etree._Element:
    # `combine` is rare in generated TEI grammars; leave such grammars whole.
    g.specialisable = False
    return first
