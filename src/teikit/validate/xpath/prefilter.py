"""Cheap answers about a rule context before any XPath runs: which element and attribute names
a match needs (a document lacking them is skipped), an XPath 1.0 version of the context, and
contexts whose candidates come from the document's attribute index.

`names` arguments are a document's DocumentNames (specialise.py).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from .classify import BATCH_VARIABLE, compile_xpath, context_dependent, context_selector, is_xpath1, ns_items
from .scan import (QNAME, has_top_comparison, outside_strings, predicates, split_top, split_union, strip_parens,
                   strip_predicates, strip_strings)


class Needs(NamedTuple):
    """What a document must contain for a context to match anything (None: unknown)."""

    elements: frozenset | None  # local names the context ends with: one must occur
    attributes: frozenset | None  # Clark names: one must occur (see `context_attributes`)
    paths: tuple | None  # per union branch, the local names all of which must occur

    def might_match(self, names) -> bool:
        """False when the document lacks every element name, or every attribute, the context
        needs, or each branch names an element on its path that the document lacks."""
        present = names.element_locals()
        if self.elements is not None and self.elements.isdisjoint(present):
            return False
        if self.paths is not None and not any(path <= present for path in self.paths):
            return False
        return self.attributes is None or not self.attributes.isdisjoint(names.attributes)


def needs(context: str, namespaces: dict) -> Needs:
    found = context_names(context)
    return Needs(None if found is None else frozenset(found), context_attributes(context, namespaces),
                 context_paths(context))


def names_might_match(context: str, namespaces: dict, names) -> bool:
    return needs(context, namespaces).might_match(names)


def might_match(context: str, tree, namespaces: dict, names) -> bool:
    """A cheap test that can only say no when the rule context matches nothing: the names it
    needs occur (see `Needs`), and libxml2 finds a node for its XPath 1.0 version, if any."""
    if not names_might_match(context, namespaces, names):
        return False
    selector = prefilter_selector(context, namespaces)
    return selector is None or selects_something(compile_xpath(selector, ns_items(namespaces)), tree)


def selects_something(compiled: etree.XPath, tree) -> bool:
    """True unless libxml2 finds no node (an XPath error counts as found)."""
    try:
        return bool(compiled(tree))
    except etree.XPathError:
        return True


_VALUE_COMPARISON = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def prefilter_selector(context: str, namespaces: dict) -> str | None:
    """An XPath 1.0 version of the context (value comparisons as general ones, `a/@x` as
    `a[@x]`, `(a | b)/c` as `a/c | b/c`), or None if there is none."""
    selector = context_selector(_distribute(re.sub(r"/@([\w:-]+)\s*$", r"[@\1]", context.strip())))
    bare = strip_strings(selector)
    for word, op in _VALUE_COMPARISON.items():
        if re.search(rf"\s{word}\s", bare):
            selector = outside_strings(selector, lambda part, w=word, o=op: re.sub(rf"\s{w}\s", f" {o} ", part))
    return selector if is_xpath1(selector, namespaces) else None


def _distribute(context: str) -> str:
    """`(a | b)/c` as `a/c | b/c` (XPath 1.0 has no parenthesised steps)."""
    out = []
    for branch in split_union(context):
        m = re.fullmatch(r"\(([^()\[\]]*)\)(/[^()]*)", branch.strip())
        if m:
            out += [inner.strip() + m.group(2) for inner in m.group(1).split("|")]
        else:
            out.append(branch)
    return " | ".join(out)


def context_names(context: str) -> set[str] | None:
    """Local names of the elements a rule context can match (None: cannot tell)."""
    names = set()
    for branch in split_union(context):
        bare = strip_predicates(branch).strip()
        if bare.startswith("(") and bare.endswith(")"):
            inner = context_names(bare[1:-1])
            if inner is None:
                return None
            names |= inner
            continue
        last = bare.rstrip("/").split("/")[-1].strip()
        m = re.fullmatch(r"(?:[\w.-]+:)?([\w.-]+)", last)
        if m is None:
            return None
        names.add(m.group(1))
    return names


_STEP = re.compile(rf"(?:[A-Za-z-]+::)?(?:{QNAME}|\*|[A-Za-z_][\w.-]*:\*)((?:\[.*\])*)", re.S)
_ATTRIBUTE_STEP = re.compile(rf"@({QNAME})")
_NOT_ELEMENT_AXES = ("attribute::", "namespace::")


def context_paths(context: str) -> tuple | None:
    """For each branch of a union, the local names of the elements its path steps name (a
    match needs all of them: `a/b/c` needs an a, a b and a c); steps of another shape are left
    out. None when the context cannot be split."""
    out = []
    for branch in split_union(context):
        names = set()
        for step in split_top(branch.strip(), "/"):
            step = step.strip()
            m = _STEP.fullmatch(step)
            if not m or step.startswith(_NOT_ELEMENT_AXES) or (m.group(1) and not predicates(m.group(1))):
                continue
            local = step[: len(step) - len(m.group(1))].split("::")[-1].split(":")[-1]
            if local != "*":
                names.add(local)
        out.append(frozenset(names))
    return tuple(out) or None


def context_attributes(context: str, namespaces: dict) -> frozenset | None:
    """Attributes (Clark names) of which a node the context matches needs at least one
    somewhere in the document, or None when that cannot be proven.

    Proven shapes, in every branch of a union: a step with a predicate `[@a]`,
    `[@a or @b]`, `[@a and …]` (any step of the path: `@a` on any node needs an element
    carrying a), or a final step `@a`. Anything else is None (the rule may match).
    """
    out: set = set()
    for branch in split_union(context):
        found = _branch_attributes(branch, namespaces)
        if found is None:
            return None
        out |= found
    return frozenset(out)


def _branch_attributes(branch: str, namespaces: dict) -> set | None:
    steps = split_top(branch.strip(), "/")
    last = _ATTRIBUTE_STEP.fullmatch(steps[-1].strip()) if steps else None
    if last:
        return _attribute_names([last.group(1)], namespaces)
    for step in steps:
        m = _STEP.fullmatch(step.strip())
        if not m or not m.group(1):
            continue
        for predicate in predicates(m.group(1)):
            found = _required_attributes(predicate, namespaces)
            if found is not None:
                return found
    return None


# `@a` compared with a literal, or searched for a non-empty one, is false without `@a` (in
# XPath 2.0 as in 1.0: no attribute compares as nothing, searches as the empty string)
_LITERAL = r"""(?:'[^']*'|"[^"]*"|\d+(?:\.\d*)?)"""
_ATTRIBUTE_TEST = re.compile(
    rf"""(?:starts-with|contains)\(\s*@({QNAME})\s*,\s*(?:'[^']+'|"[^"]+")\s*\)"""
    rf"|@({QNAME})\s*(?:!?=|[<>]=?|\s(?:eq|ne|lt|le|gt|ge)\s)\s*{_LITERAL}"
)


def _required_attributes(expr: str, namespaces: dict) -> set | None:
    """Attributes of which the context node of a predicate needs one for `expr` to be true:
    `@a` -> {a}; `x or y` -> both sides' union (None if either is None); `x and y` -> the
    first side that has one; anything else None."""
    expr = strip_parens(expr.strip())
    alternatives = split_top(expr, "or")
    if len(alternatives) > 1:
        found = [_required_attributes(a, namespaces) for a in alternatives]
        return None if any(f is None for f in found) else set().union(*found)
    conjuncts = split_top(expr, "and")
    if len(conjuncts) > 1:
        found = [_required_attributes(c, namespaces) for c in conjuncts]
        return next((f for f in found if f is not None), None)
    m = _ATTRIBUTE_STEP.fullmatch(expr) or _ATTRIBUTE_TEST.fullmatch(expr)
    return _attribute_names([m.group(1) or m.group(2)], namespaces) if m else None


def _attribute_names(qnames: list[str], namespaces: dict) -> set | None:
    """Clark names of attribute QNames (no prefix: no namespace); None for an unknown prefix."""
    out = set()
    for qname in qnames:
        if ":" in qname:
            prefix, local = qname.split(":", 1)
            if prefix not in namespaces:
                return None
            out.add(f"{{{namespaces[prefix]}}}{local}")
        else:
            out.add(qname)
    return out


# ---------------------------------------------------------------- contexts from the attribute index


class IndexedContext(NamedTuple):
    """A rule context `name[@a or @b …]…` whose first predicate only asks for attributes: its
    candidates come from the document's attribute index (DocumentNames.carrying), and only
    the other predicates (`rest`, "" if none) run in libxml2, on the candidates alone."""

    tag: str | None  # the Clark name of `name`, or None for `*` / `p:*`
    namespace: str  # for `p:*`: "{uri}", for `*`: ""
    attributes: tuple  # Clark names
    rest: str


_NAME_AND_PREDICATES = re.compile(r"\s*([A-Za-z_][\w.-]*(?::(?:[A-Za-z_][\w.-]*|\*))?|\*)\s*(\[.*\])\s*", re.S)


def indexed_context(context: str, namespaces: dict) -> IndexedContext | None:
    """The context as an IndexedContext, or None when it has another shape."""
    m = _NAME_AND_PREDICATES.fullmatch(context)
    if m is None or len(split_union(context)) != 1:
        return None
    found = predicates(m.group(2))
    if not found:
        return None
    attributes, rest = _attribute_alternatives(found[0], namespaces), found[1:]
    if attributes is None:  # `x[@a = 'v']`: candidates carry @a, and every predicate runs on them
        attributes, rest = _required_attributes(found[0], namespaces), found
    # `//x[@a][p]`: p's position is among siblings, `$nodes[p]`'s among all the candidates,
    # so the other predicates must be booleans that do not ask for positions
    if attributes is None or not all(_is_boolean(p) and not context_dependent(p) for p in rest):
        return None
    prefix, _, local = m.group(1).rpartition(":")
    if prefix and prefix not in namespaces:
        return None
    namespace = f"{{{namespaces[prefix]}}}" if prefix else ""
    tag = None if local == "*" else namespace + local
    return IndexedContext(tag, namespace, tuple(sorted(attributes)), "".join(f"[{p}]" for p in rest))


def _attribute_alternatives(expr: str, namespaces: dict) -> set | None:
    """`@a or @b …` -> the attributes' Clark names; None for any other expression."""
    qnames = []
    for alternative in split_top(strip_parens(expr.strip()), "or"):
        m = _ATTRIBUTE_STEP.fullmatch(alternative.strip())
        if m is None:
            return None
        qnames.append(m.group(1))
    return _attribute_names(qnames, namespaces)


def _is_boolean(expr: str) -> bool:
    """True if the expression's value is provably a boolean (never a number, which as a
    predicate would compare with the position): a comparison, `and` or `or` at the top
    (they bind loosest in XPath 1.0)."""
    bare = strip_strings(expr)
    return has_top_comparison(bare) or len(split_top(bare, "or")) > 1 or len(split_top(bare, "and")) > 1


def indexed_select(context, namespaces: dict, names, compile_xpath, tree) -> list | None:
    """The elements an IndexedContext selects (`context`: one, or the context's text), or None
    when the context has another shape, the document's names are unknown, or the other
    predicates fail (the whole selector then runs, and reports its error, as before)."""
    shape = indexed_context(context, namespaces) if isinstance(context, str) else context
    if shape is None or names is None:
        return None
    nodes = names.carrying(shape.attributes, shape.tag, shape.namespace)
    if not shape.rest or not nodes:
        return nodes
    try:
        rest = compile_xpath(f"${BATCH_VARIABLE}{shape.rest}")
        out: list = []
        for start in range(0, len(nodes), BATCH_SLICE):  # in document order, slice by slice
            out += rest(tree, **{BATCH_VARIABLE: nodes[start:start + BATCH_SLICE]})
        return out
    except Exception:
        return None


BATCH_SLICE = 1000  # lxml hands a node list to libxml2 in quadratic time (see engines.BATCH_NODES)
