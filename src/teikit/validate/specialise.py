"""Specialise a RELAX NG grammar to the element and attribute names of one document.

An `element` (or `attribute`) pattern whose name class matches no name of the document can
never match anything in it, so it may become `notAllowed` without changing the verdict for
that document, nor for any document whose names are a subset. `notAllowed` is then
propagated (choice drops it, group/interleave/oneOrMore/attribute/list become it,
optional/zeroOrMore become `empty`), references to `notAllowed` defines are cut, and
defines no longer reachable from `start` are dropped. Element boundaries are kept: an
element whose content became `notAllowed` stays an element (so errors still point at it).
"""
from __future__ import annotations

from copy import deepcopy

from lxml import etree

from .grammar import (
    RNG_NS,
    Grammar,
    inherited_attribute,
    inherited_ns,
    nc_matches_any,
    nc_to_xml,
    pattern_content,
    pattern_name_class,
    rng_children,
    rng_name,
)

_R = f"{{{RNG_NS}}}"
_LEAVES = {"text", "empty", "data", "value"}
_NA, _EMPTY, _OTHER = "notAllowed", "empty", "other"  # what a pattern reduces to
_STATE_OF_KIND = {"empty": _EMPTY, "notAllowed": _NA}


class Unspecialisable(Exception):
    """The grammar uses a construct the specialiser does not handle."""


def document_names(root: etree._Element) -> tuple[frozenset, frozenset]:
    """(element names, attribute names) of a document as (namespace, local) pairs."""
    return DocumentNames(root).pairs()


class DocumentNames:
    """A document's element and attribute names in Clark notation (`{ns}local`), collected in
    one pass (tag strings compared, converted once per distinct name), shared by the grammar
    specialiser and the Schematron prefilter; the same pass notes which elements carry each
    attribute, so that Schematron can find `tei:*[@when]` without libxml2 walking the tree."""

    __slots__ = ("tags", "attributes", "_elements", "_element_tags", "_carriers", "_pairs", "_locals")

    def __init__(self, root: etree._Element):
        elements = list(root.iter(etree.Element))
        names: set[str] = set()
        for el in elements:
            keys = el.keys()
            if keys:
                names.update(keys)
        self._elements, self._element_tags = elements, [el.tag for el in elements]
        self._carriers = None  # built on first use (Schematron): the grammar needs names only
        self.tags, self.attributes = frozenset(self._element_tags), frozenset(names)
        self._pairs = self._locals = None

    def __len__(self) -> int:
        return len(self._elements)

    def _carrier_index(self) -> dict[str, list[int]]:
        """Attribute name -> positions of the elements carrying it."""
        if self._carriers is None:
            carriers: dict[str, list[int]] = {}
            for position, el in enumerate(self._elements):
                for name in el.keys():
                    found = carriers.get(name)
                    if found is None:
                        carriers[name] = [position]
                    else:
                        found.append(position)
            self._carriers = carriers
        return self._carriers

    def pairs(self) -> tuple[frozenset, frozenset]:
        """(element names, attribute names) as (namespace, local) pairs."""
        if self._pairs is None:
            self._pairs = (frozenset(map(_pair, self.tags)), frozenset(map(_pair, self.attributes)))
        return self._pairs

    def element_locals(self) -> frozenset:
        """Local names of the elements."""
        if self._locals is None:
            self._locals = frozenset(local for _, local in self.pairs()[0])
        return self._locals

    def carrying(self, attributes, tag: str | None, namespace: str = "") -> list:
        """Elements with at least one of `attributes`, in document order, whose tag is `tag`
        (None: any tag starting with `namespace`, e.g. "{uri}", "" for any)."""
        carriers = self._carrier_index()
        found = [carriers[a] for a in attributes if a in carriers]
        if len(found) == 1:
            positions = found[0]
        else:  # an element carrying two of them is listed once
            positions = sorted(set().union(*found))
        elements, tags = self._elements, self._element_tags
        if tag is not None:
            return [elements[i] for i in positions if tags[i] == tag]
        return [elements[i] for i in positions if tags[i].startswith(namespace)]


def _pair(clark: str) -> tuple[str, str]:
    found = _PAIRS.get(clark)  # documents share their few dozen names: split each once
    if found is None:
        if len(_PAIRS) > 10_000:
            _PAIRS.clear()
        found = _PAIRS[clark] = _split_clark(clark)
    return found


_PAIRS: dict = {}


def _split_clark(clark: str) -> tuple[str, str]:
    if clark[:1] == "{":
        ns, local = clark[1:].split("}", 1)
        return ns, local
    return "", clark


class _Specialiser:
    def __init__(self, grammar: Grammar, elements: frozenset, attributes: frozenset):
        self.g = grammar
        self.elements = elements
        self.attributes = attributes
        self._na: dict[str, bool] = {}
        self._states: dict[str, str] = {}
        self._attr_defs: dict[str, bool] = {}

    # -- phase 1: which defines are notAllowed (element boundaries are not crossed) --
    def define_not_allowed(self, name: str) -> bool:
        if name not in self._na:
            self._na[name] = False  # a cycle can only pass an element: assume allowed
            body = self.g.defines.get(name)
            if body is None:
                raise Unspecialisable(f"reference to undefined pattern {name!r}")
            self._na[name] = self._group_na(rng_children(body))
        return self._na[name]

    def _group_na(self, patterns) -> bool:
        return any(self._na_pattern(p) for p in patterns)

    def _na_pattern(self, p: etree._Element) -> bool:
        kind = rng_name(p)
        if kind == "notAllowed":
            return True
        if kind == "ref":
            return self.define_not_allowed(p.get("name"))
        if kind == "element":
            return not nc_matches_any(pattern_name_class(p), self.elements)
        if kind == "attribute":
            return not nc_matches_any(pattern_name_class(p), self.attributes)
        if kind == "choice":
            return all(self._na_pattern(c) for c in rng_children(p))
        if kind in ("optional", "zeroOrMore"):
            return False
        if kind in ("group", "interleave", "oneOrMore", "mixed", "list"):
            return self._group_na(rng_children(p))
        if kind in _LEAVES:
            return False
        raise Unspecialisable(f"unsupported RELAX NG pattern <{kind}>")

    # -- phase 1b: which defines reduce to nothing (a ref to one is `empty`: libxml2 validates
    # TEI 6x faster without refs to emptied attribute classes); mirrors `reduce` without
    # crossing element boundaries --
    def define_state(self, name: str) -> str:
        """_EMPTY if the define's body reduces to no pattern, _NA if to notAllowed, else _OTHER."""
        if name not in self._states:
            self._states[name] = _OTHER  # a cycle passes an element: not empty
            self._states[name] = self._group_state(rng_children(self.g.defines[name]))
        return self._states[name]

    def _ref_state(self, name: str) -> str:
        if self.define_not_allowed(name):
            return _NA
        return _EMPTY if self.define_state(name) == _EMPTY else _OTHER

    def _group_state(self, patterns) -> str:
        """Like `reduce_group`: notAllowed at the first notAllowed pattern."""
        out = _EMPTY
        for p in patterns:
            state = self._state(p)
            if state == _NA:
                return _NA
            if state == _OTHER:
                out = _OTHER
        return out

    def _state(self, p: etree._Element) -> str:
        """What `reduce(p)` gives: None (_NA), `empty` (_EMPTY) or another pattern (_OTHER)."""
        kind = rng_name(p)
        if kind == "ref":
            return self._ref_state(p.get("name"))
        if kind in ("element", "attribute"):
            names = self.elements if kind == "element" else self.attributes
            return _OTHER if nc_matches_any(pattern_name_class(p), names) else _NA
        if kind == "choice":
            states = [st for st in map(self._state, rng_children(p)) if st != _NA]
            return _NA if not states else (_EMPTY if all(st == _EMPTY for st in states) else _OTHER)
        if kind in ("optional", "zeroOrMore"):
            return _OTHER if self._group_state(rng_children(p)) == _OTHER else _EMPTY
        if kind in ("group", "interleave", "oneOrMore"):
            return self._group_state(rng_children(p))
        if kind == "mixed":
            return _NA if self._group_state(rng_children(p)) == _NA else _OTHER
        if kind in _STATE_OF_KIND:
            return _STATE_OF_KIND[kind]
        if kind in _LEAVES or kind == "list":
            return _OTHER
        raise Unspecialisable(f"unsupported RELAX NG pattern <{kind}>")

    # -- phase 2: rewrite patterns --
    def reduce_group(self, patterns) -> list[etree._Element] | None:
        """Reduced patterns of a group, `empty` ones left out; None if one is notAllowed."""
        out = []
        for p in patterns:
            r = self.reduce(p)
            if r is None:
                return None
            if rng_name(r) != "empty":
                out.append(r)
        return out

    def reduce(self, p: etree._Element) -> etree._Element | None:
        """A rewritten copy of pattern p, or None for notAllowed."""
        kind = rng_name(p)
        if kind == "notAllowed":
            return None
        if kind == "ref":
            state = self._ref_state(p.get("name"))
            return None if state == _NA else _make("empty") if state == _EMPTY else _make("ref", name=p.get("name"))
        if kind == "element":
            return self._reduce_element(p)
        if kind == "attribute":
            return self._reduce_attribute(p)
        if kind == "choice":
            return _choice([r for r in (self.reduce(c) for c in rng_children(p)) if r is not None])
        if kind in ("optional", "zeroOrMore"):
            kids = self.reduce_group(rng_children(p))
            return _make("empty") if kids is None else self._repeat(kind, kids)
        if kind in ("group", "interleave", "oneOrMore", "mixed"):
            kids = self.reduce_group(rng_children(p))
            if kids is None:
                return None
            if kind == "oneOrMore":
                return self._repeat(kind, kids)
            return _make("text") if kind == "mixed" and not kids else _wrap_nonempty(kind, kids)
        if kind in _LEAVES or kind == "list":
            return _copy_pattern(p)
        raise Unspecialisable(f"unsupported RELAX NG pattern <{kind}>")

    # -- unambiguous repetitions: libxml2's walk keeps one state per way of splitting the
    # children among nested repetitions, so `(x+)+` over n children costs O(n^2) (25 s for
    # a 2,400-place listPlace); each rewrite below matches the same sequences of children --
    def _repeat(self, kind: str, kids: list) -> etree._Element:
        """kind(kids) for optional/zeroOrMore/oneOrMore, nested repetitions unfolded."""
        if len(kids) == 2 and kind != "optional":
            rewritten = self._repeat_group(kind, kids)
            return _wrap_nonempty(kind, kids) if rewritten is None else rewritten
        if len(kids) != 1 or self._has_attributes(kids[0]):
            return _wrap_nonempty(kind, kids)
        body, inner = _unrepeat(kids[0])
        if inner is not None:  # (x+)+ = x+, (x?)? = x?, (x*)+ = (x+)* = (x?)+ = (x+)? = x*
            same = kind == inner and kind != "zeroOrMore"
            return self._repeat(kind if same else "zeroOrMore", [body])
        if kind == "optional":
            return _wrap("optional", kids, always=True)
        if rng_name(body) == "choice":
            return self._repeat_choice(kind, body)
        if rng_name(body) == "group":
            rewritten = self._repeat_group(kind, rng_children(body))
            return _wrap(kind, kids, always=True) if rewritten is None else rewritten
        return _wrap(kind, kids, always=True)

    def _repeat_choice(self, kind: str, choice: etree._Element) -> etree._Element:
        """(x+ | y)+ = (x | y)+, (x* | y)+ = (x | y)*."""
        branches, nullable = [], False
        for branch in rng_children(choice):
            body, inner = _unrepeat(branch)
            nullable |= inner in ("zeroOrMore", "optional")
            branches.append(body)
        return _wrap("zeroOrMore" if nullable else kind, [_wrap("choice", branches)], always=True)

    def _repeat_group(self, kind: str, parts: list) -> etree._Element | None:
        """(x, y*)+ = (x+, y*)+ = x, (x | y)*; (x*, y*)+ = (x?, y*)+ = (x | y)*; else None."""
        if len(parts) != 2:
            return None
        (x, rx), (y, ry) = _unrepeat(parts[0]), _unrepeat(parts[1])
        if ry != "zeroOrMore" or self._has_attributes(x) or self._has_attributes(y):
            return None
        both = self._repeat("zeroOrMore", [_wrap("choice", [_copy_tree(x), y])])
        if rx in ("zeroOrMore", "optional"):
            return both
        first = x
        return _wrap("group", [first, both]) if kind == "oneOrMore" else _wrap(
            "optional", [_wrap("group", [first, both])], always=True)

    def _has_attributes(self, p: etree._Element) -> bool:
        """Whether an attribute pattern is reachable in p without crossing an element."""
        kind = rng_name(p)
        if kind == "attribute":
            return True
        if kind == "ref":
            name = p.get("name")
            if name not in self._attr_defs:
                self._attr_defs[name] = False  # a cycle passes an element
                self._attr_defs[name] = any(map(self._has_attributes, rng_children(self.g.defines[name])))
            return self._attr_defs[name]
        return kind not in ("element", "data", "value", "list") and any(map(self._has_attributes, rng_children(p)))

    def _reduce_element(self, p: etree._Element) -> etree._Element | None:
        nc = pattern_name_class(p)
        if not nc_matches_any(nc, self.elements):
            return None
        out = _make("element")
        out.append(nc_to_xml(nc))
        kids = self.reduce_group(pattern_content(p))
        out.extend(kids if kids is not None else [_make("notAllowed")])
        if len(out) == 1:
            out.append(_make("empty"))
        return out

    def _reduce_attribute(self, p: etree._Element) -> etree._Element | None:
        nc = pattern_name_class(p)
        if not nc_matches_any(nc, self.attributes):
            return None
        out = _make("attribute")
        out.append(nc_to_xml(nc))
        out.extend(_copy_pattern(c) for c in pattern_content(p))
        return out


def _make(kind: str, **attrib) -> etree._Element:
    return etree.Element(_R + kind, **attrib)


def _wrap_nonempty(kind: str, kids: list) -> etree._Element:
    """kind(kids) with `empty` removed (libxml2 mis-handles `empty` inside groups)."""
    if not kids:
        return _make("empty")
    if kind == "group":
        return _wrap("group", kids)
    return _wrap(kind, kids, always=True)


def _unrepeat(p: etree._Element) -> tuple[etree._Element, str | None]:
    """(body, "oneOrMore"/"zeroOrMore"/"optional") for a repetition of one pattern, else (p, None)."""
    kind = rng_name(p)
    kids = rng_children(p)
    if kind in ("oneOrMore", "zeroOrMore", "optional") and len(kids) == 1:
        return kids[0], kind
    return p, None


def _copy_tree(p: etree._Element) -> etree._Element:
    return deepcopy(p)


def _choice(kids: list) -> etree._Element | None:
    """choice(kids); a choice with `empty` becomes optional(choice(rest))."""
    if not kids:
        return None
    rest = [k for k in kids if rng_name(k) != "empty"]
    if len(rest) == len(kids):
        return _wrap("choice", kids)
    if not rest:
        return _make("empty")
    return _wrap("optional", [_wrap("choice", rest)], always=True)


def _wrap(kind: str, kids: list, *, always: bool = False) -> etree._Element:
    if len(kids) == 1 and not always:
        return kids[0]
    out = _make(kind)
    out.extend(kids)
    return out


def _copy_pattern(p: etree._Element) -> etree._Element:
    """A deep copy of a leaf pattern without annotations, datatypeLibrary made explicit."""
    out = etree.Element(p.tag, {k: v for k, v in p.attrib.items() if "}" not in k})
    out.text = p.text if rng_name(p) in ("value", "param", "name") else None
    if rng_name(p) in ("data", "value") and "datatypeLibrary" not in out.attrib:
        out.set("datatypeLibrary", _inherited_library(p))
    if rng_name(p) == "value" and "ns" not in out.attrib:
        out.set("ns", inherited_ns(p))
    for c in rng_children(p):
        out.append(_copy_pattern(c))
    return out


def _inherited_library(el: etree._Element) -> str:
    return inherited_attribute(el, "datatypeLibrary")


def specialise(grammar: Grammar, elements: frozenset, attributes: frozenset,
               start_define: str | None = None) -> etree._Element | None:
    """The specialised grammar as a RELAX NG tree, or None if `start` is notAllowed.
    With `start_define`, the grammar starts at that define instead (to check one subtree)."""
    if not grammar.specialisable or grammar.start is None:
        raise Unspecialisable("grammar uses include/externalRef/combine or has no start")
    sp = _Specialiser(grammar, elements, attributes)
    if start_define is not None:
        start = sp.reduce_group([_make("ref", name=start_define)])
    else:
        start = sp.reduce_group(rng_children(grammar.start))
    if start is None:
        return None
    out = _make("grammar")
    out.append(_wrap("start", start or [_make("empty")], always=True))
    todo = _refs_in(out)
    done: set[str] = set()
    while todo:
        name = todo.pop()
        if name in done:
            continue
        done.add(name)
        body = sp.reduce_group(rng_children(grammar.defines[name]))
        define = _make("define", name=name)
        define.extend(body or [_make("empty")])
        out.append(define)
        todo.extend(_refs_in(define))
    return out


def _refs_in(el: etree._Element) -> list[str]:
    return [r.get("name") for r in el.iter(_R + "ref")]
