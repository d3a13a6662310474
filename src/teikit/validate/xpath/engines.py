"""The two engines behind one interface: libxml2's XPath 1.0 (LxmlEngine) and elementpath's
XPath 2.0/3.0 (XPath2Engine), both on the lxml tree, sharing one document's Evaluators."""
from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from .classify import BATCH_VARIABLE, compile_xpath, context_selector, is_xpath1, ns_items, selects_attributes
from .keys import KeyIndex, lxml_string
from .prefilter import IndexedContext, indexed_context, indexed_select
from .scan import rewrite_calls, strip_predicates, variables as referenced

# lxml hands a node list to libxml2 in quadratic time (each node is checked against those
# before it): 10^4 nodes cost 0.02 s, 10^5 2.3 s, at every evaluation that receives them. So a
# check runs on its nodes in slices, and an expression receives only the variables it names.
BATCH_NODES = 1000


class Evaluators:
    """libxml2's compiled XPath for one document: shared by its checks, freed with it.

    An evaluator that has run with extension functions (EXSLT `re:`/`date:`, XSLT's key()) or
    with node-set variables keeps memory of every document it has seen, so a process-wide one
    grows without bound in a batch (measured: ~50 MB per 1,000 records). key() answers from
    this document's `keys` (KeyDefinitions).
    """

    def __init__(self, namespaces: dict, tree=None, keys: tuple = ()):
        self.namespaces = namespaces
        self.ns_items = ns_items(namespaces)
        self.keys = KeyIndex(keys, self, tree)
        self._cache: dict[str, etree.XPath] = {}

    def __call__(self, expr: str, like: str | None = None) -> etree.XPath:
        """The evaluator of `expr` (`like`: see compile_xpath)."""
        found = self._cache.get(expr)
        if found is None:
            found = self._cache[expr] = compile_xpath(expr, self.ns_items, self._key, like)
        return found

    def _key(self, context, name, value):
        return self.keys.lookup(str(name), value)

    def close(self) -> None:
        """Free the evaluators and key indexes (they refer back to this object)."""
        self._cache.clear()
        self.keys = None


class ContextPlan(NamedTuple):
    """How a rule context is selected, decided once for its rule set."""

    selector: str  # every node the context matches
    libxml2: bool  # the selector is XPath 1.0 and selects elements
    indexed: IndexedContext | None  # candidates from the attribute index (see prefilter.py)


def plan_context(context: str, namespaces: dict) -> ContextPlan:
    selector = context_selector(context)
    libxml2 = is_xpath1(selector, namespaces) and not selects_attributes(context)
    return ContextPlan(selector, libxml2, indexed_context(context, namespaces))


def _as_plan(context, namespaces: dict) -> ContextPlan:
    return context if isinstance(context, ContextPlan) else plan_context(context, namespaces)


class LxmlEngine:
    """libxml2 XPath 1.0 on the lxml tree."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict, names=None, evaluators: Evaluators | None = None):
        self.tree = tree
        self.ns = namespaces
        self.names = names  # the document's DocumentNames, or None
        self.xp = evaluators or Evaluators(namespaces, tree)
        self._booleans: dict[str, etree.XPath] = {}
        self._names: dict[str, tuple] = {}

    def select(self, context) -> list:
        plan = _as_plan(context, self.ns)
        found = indexed_select(plan.indexed, self.ns, self.names, self.xp, self.tree)
        if found is not None:
            return found
        return list(self.xp(plan.selector)(self.tree))

    def _used(self, expr: str, variables: dict) -> dict:
        """The variables `expr` names (see BATCH_NODES)."""
        names = self._names.get(expr)
        if names is None:
            names = self._names[expr] = tuple(set(referenced(expr)))
        return {name: variables[name] for name in names if name in variables}

    def value(self, expr: str, node, variables):
        return self.xp(expr)(node, **self._used(expr, variables))

    def document(self):
        return self.tree

    def boolean(self, expr: str, node, variables) -> bool:
        found = self._booleans.get(expr)
        if found is None:
            found = self._booleans[expr] = self.xp(f"boolean({expr})", like=expr)
        return bool(found(node, **self._used(expr, variables)))

    def failing(self, test: str, report: bool, nodes: list, variables: dict) -> list:
        """The nodes on which a check fails: `test` as a predicate over all of them at once
        (in slices of BATCH_NODES). Only for tests that do not ask for position() or last()."""
        evaluator = self.xp(f"${BATCH_VARIABLE}[{'' if report else 'not'}(boolean({test}))]", like=test)
        used = self._used(test, variables)
        out: list = []
        for start in range(0, len(nodes), BATCH_NODES):
            out += evaluator(self.tree, **used, **{BATCH_VARIABLE: nodes[start:start + BATCH_NODES]})
        return out

    def string(self, expr: str, node, variables) -> str:
        result = self.xp(expr)(node, **self._used(expr, variables))
        if isinstance(result, list):
            return " ".join(lxml_string(r) for r in result)
        if isinstance(result, float) and result.is_integer():
            return str(int(result))
        return str(result)

    @staticmethod
    def element_of(node):
        return node

    @staticmethod
    def name_of(node) -> str:
        return etree.QName(node).localname if isinstance(node.tag, str) else ""


# XSLT's current() becomes a variable; generate-id() becomes XPath 3.0's path(), which also
# names a node uniquely within its document
_CURRENT = {"current": ("$current__",)}
_XSLT_CALLS = {**_CURRENT, "generate-id": "path("}


class XPath2Engine:
    """elementpath's XPath 2.0 on the same lxml tree (node tree built once per document)."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict, names=None, evaluators: Evaluators | None = None):
        # imported here: elementpath costs ~0.1 s of start-up, and most documents never need it
        import elementpath

        self.ep = elementpath
        self.ns = dict(namespaces)
        self.ns.setdefault("xs", "http://www.w3.org/2001/XMLSchema")
        self._root = None  # elementpath's node tree: built when a rule first needs elementpath
        self.lxml_tree = tree
        self.names = names  # the document's DocumentNames, or None
        self.xp = evaluators or Evaluators(namespaces, tree)
        self._nodes = None
        self._parsed: dict[str, object] = {}

    @property
    def root(self):
        if self._root is None:
            self._root = self.ep.XPathContext(self.lxml_tree).root
        return self._root

    def _token(self, expr: str):
        """Parse as XPath 2.0, or 3.0 when 2.0 cannot (the TEI's rules use `||`, and path())."""
        if expr not in self._parsed:
            source = rewrite_calls(expr, _XSLT_CALLS)
            try:
                if source != rewrite_calls(expr, _CURRENT):
                    raise self.ep.ElementPathError("XPath 3.0 function path()")
                token = self.ep.XPath2Parser(namespaces=self.ns).parse(source)
            except self.ep.ElementPathError:
                # imported here: only a few rules need XPath 3.0
                from elementpath.xpath30 import XPath30Parser

                token = XPath30Parser(namespaces=self.ns).parse(source)
            self._parsed[expr] = token
        return self._parsed[expr]

    def _context(self, node, variables):
        if isinstance(node, etree._Element):
            node = self.node_for(node)
        variables = dict(variables)
        if node is not None:
            variables.setdefault("current__", node)
        return self.ep.XPathContext(self.root, item=node, variables=variables)

    def select(self, context) -> list:
        plan = _as_plan(context, self.ns)
        if plan.libxml2:
            found = indexed_select(plan.indexed, self.ns, self.names, self.xp, self.lxml_tree)
            if found is None:
                found = self.xp(plan.selector)(self.lxml_tree)
            return list(found)  # lxml elements: elementpath's nodes are looked up when evaluated
        return list(self._token(plan.selector).select(self._context(None, {})))

    def node_for(self, element):
        """The elementpath node of an lxml element (map built on first use)."""
        if self._nodes is None:
            self._nodes = {}
            for node in self.root.iter_descendants():
                obj = getattr(node, "obj", None)
                if isinstance(node, self.ep.ElementNode) and isinstance(obj, etree._Element):
                    self._nodes.setdefault(obj, node)
        return self._nodes[element]

    def document(self):
        return self.root

    def value(self, expr: str, node, variables):
        return self._token(expr).evaluate(self._context(node, variables))

    def boolean(self, expr: str, node, variables) -> bool:
        token = self._token(expr)
        return bool(token.boolean_value(token.evaluate(self._context(node, variables))))

    def cannot_select(self, probe: str | None, node) -> bool:
        """True when `probe` (see `necessary_path`) is false on the node's element: the report
        whose test it was made from then cannot fire, and elementpath is not asked (the TEI's
        rule on `ancestor::tei:l[... current() ...]` cost 0.3 ms per line of verse)."""
        if probe is None:
            return False
        element = self.element_of(node)
        return element is not None and not self.xp(probe)(element)

    def string(self, expr: str, node, variables) -> str:
        result = self._token(expr).evaluate(self._context(node, variables))
        items = result if isinstance(result, list) else [result]
        return " ".join(_item_string(i) for i in items if i is not None)

    @staticmethod
    def element_of(node):
        obj = getattr(node, "obj", None) if not isinstance(node, etree._Element) else node
        if obj is None or not isinstance(obj, etree._Element):
            parent = getattr(node, "parent", None)
            return getattr(parent, "obj", None) if parent is not None else None
        return obj

    @staticmethod
    def name_of(node) -> str:
        if isinstance(node, etree._Element):
            return etree.QName(node).localname
        name = getattr(node, "name", None) or ""
        return name.split("}")[-1]


_PATH_START = re.compile(r"^\s*(?:ancestor|ancestor-or-self|child|descendant|descendant-or-self|following|"
                         r"following-sibling|parent|preceding|preceding-sibling|self)::")


def necessary_path(expr: str, namespaces: dict) -> str | None:
    """For a test that is one relative location path (axis steps, predicates): libxml2's
    boolean() of that path without its predicates, a superset: when it selects nothing, the
    test selects nothing either. None for any other test."""
    bare = strip_predicates(expr).strip()
    if not _PATH_START.match(bare) or re.search(r"[|=<>!()]|\s(?:and|or|div|mod)\s|\$", bare):
        return None
    if not is_xpath1(bare, namespaces):
        return None
    probe = f"boolean({bare})"
    try:
        compile_xpath(probe, ns_items(namespaces))
    except etree.XPathSyntaxError:
        return None
    return probe


def _item_string(item) -> str:
    value = getattr(item, "string_value", None)
    if value is not None and not callable(value):
        return str(value)
    if isinstance(item, etree._Element):
        return "".join(item.itertext())
    return str(item)
