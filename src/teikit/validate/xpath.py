"""XPath for Schematron: which rules are plain XPath 1.0, the two engines (libxml2 and
elementpath's XPath 2.0) behind one interface, XSLT's key(), and cheap context prefilters.

A rule whose expressions are all XPath 1.0 (same meaning in 2.0: only XPath 1 functions, EXSLT
functions of declared prefixes, key(), the rule's own variables, element contexts) runs on
libxml2, which is fast and needs no extra import. Every other rule runs on elementpath
(`current()` is provided as a variable).
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

if TYPE_CHECKING:
    from .schematron import Rule, RuleSet

_XPATH1_FUNCTIONS = {
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
    "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
    "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
    "floor", "ceiling", "round", "node", "text", "comment", "processing-instruction",
}
_STRING_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
_FUNCTION_CALL = re.compile(r"(?<![\w.:@$-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")


def strip_strings(expr: str) -> str:
    return _STRING_LITERAL.sub("''", expr)


EXSLT_NAMESPACES = {
    "http://exslt.org/dates-and-times", "http://exslt.org/regular-expressions",
    "http://exslt.org/sets", "http://exslt.org/math", "http://exslt.org/common",
}
_VARIABLE = re.compile(r"\$([A-Za-z_][\w.-]*)")


_COMPILED: dict = {}
_XPATH1: dict = {}


_NS_KEYS: dict = {}


def ns_key(namespaces: dict) -> tuple:
    """A hashable key for a namespace map (rule sets keep theirs for the whole process)."""
    found = _NS_KEYS.get(id(namespaces))
    if found is None or found[0] is not namespaces:
        found = _NS_KEYS[id(namespaces)] = (namespaces, tuple(sorted(namespaces.items())))
    return found[1]


def compiled_xpath(expr: str, namespaces: dict) -> etree.XPath:
    """libxml2's compiled XPath, cached for the document being checked (see `document_scope`),
    else for the process.

    An evaluator that has run with extension functions (EXSLT `re:`/`date:`, XSLT's key()) or
    with node-set variables keeps memory of every document it has seen, so a process-wide one
    grows without bound in a batch (measured: ~50 MB per 1,000 records).
    """
    key = (expr, ns_key(namespaces))
    scoped = getattr(_SCOPE, "cache", None)
    cache = scoped if scoped is not None else _COMPILED
    found = cache.get(key)
    if found is None:
        found = cache[key] = _compile(expr, namespaces, key)
    return found


_SETUPS: dict = {}


def _compile(expr: str, namespaces: dict, key: tuple) -> etree.XPath:
    """etree.XPath set up with only what the expression can use: the namespaces of its
    prefixes, key() if it calls it, EXSLT's regular expressions if a prefix of it is theirs.
    Each costs time to set up and to free, and evaluators are made for every document."""
    setup = _SETUPS.get(key)
    if setup is None:
        bare = strip_strings(expr)
        used = {p: namespaces[p] for p in set(_PREFIX.findall(bare)) if p in namespaces}
        extensions = _EXTENSIONS if _KEY_CALL.search(bare) else None
        setup = _SETUPS[key] = (used, extensions, _REGEXP_NS in used.values())
    used, extensions, regexp = setup
    return etree.XPath(expr, namespaces=used, extensions=extensions, regexp=regexp)


_PREFIX = re.compile(r"([A-Za-z_][\w.-]*):(?=[A-Za-z_*])")  # `p:` of `p:name`, `p:*`, `$p:v`, `p:f(`
_KEY_CALL = re.compile(r"(?<![\w.:-])key\s*\(")


_SCOPE = threading.local()


@contextmanager
def document_scope():
    """While in the block, compiled evaluators are shared by the checks of one document, then freed."""
    previous = getattr(_SCOPE, "cache", None)
    _SCOPE.cache = {}
    try:
        yield
    finally:
        _SCOPE.cache = previous


class KeyIndex:
    """XSLT's key() for the document being checked: each xsl:key indexed on first use."""

    def __init__(self, rules: "RuleSet", tree: etree._ElementTree):
        self.definitions = {name: (match, use) for name, match, use in rules.keys}
        self.namespaces = rules.namespaces
        self.tree = tree
        self.indexes: dict[str, dict] = {}

    def lookup(self, name: str, value) -> list:
        if name not in self.definitions:
            raise ValueError(f"key() with undeclared key {name!r}")
        index = self.indexes.get(name)
        if index is None:  # an empty index is built once too
            index = self._build(name)
        wanted = (value,) if isinstance(value, str) else _strings(value)  # a string: the usual case
        if len(wanted) == 1:
            entries = index.get(wanted[0], ())
            if len(entries) <= 1:
                return [n for _, n in entries]
        found = {id(n): (pos, n) for v in wanted for pos, n in index.get(v, ())}
        return [n for _, n in sorted(found.values(), key=lambda item: item[0])]

    def _build(self, name: str) -> dict:
        match, use = self.definitions[name]
        index: dict[str, list] = {}
        nodes = compiled_xpath(context_selector(match), self.namespaces)(self.tree)
        values = _attribute_matches(use, self.namespaces)
        if values is None or not all(isinstance(node, etree._Element) for node in nodes):
            use_xpath = compiled_xpath(use, self.namespaces)
            values = lambda node: _strings(use_xpath(node))  # noqa: E731
        for pos, node in enumerate(nodes):
            for v in values(node):
                index.setdefault(v, []).append((pos, node))
        self.indexes[name] = index
        return index


_REGEXP_NS = "http://exslt.org/regular-expressions"
_ATTRIBUTE_MATCHES = re.compile(r"\s*([A-Za-z_][\w.-]*):match\(\s*@([A-Za-z_][\w.-]*)\s*,\s*'([^']*)'\s*,\s*'g'\s*\)\s*")


def _attribute_matches(use: str, namespaces: dict):
    """For a key's `use` of the shape `re:match(@a, 'regex', 'g')` (EXSLT, a regex without
    groups), a function giving a node's values in Python: what lxml's re:match does
    (`findall` on the attribute's value, '' when absent) without building an element per
    match and calling back for each node. None for any other `use`."""
    m = _ATTRIBUTE_MATCHES.fullmatch(use)
    if m is None or namespaces.get(m.group(1)) != _REGEXP_NS:
        return None
    try:
        regex = re.compile(m.group(3), re.UNICODE)
    except re.error:
        return None  # let libxml2 report it as before
    if regex.groups:
        return None
    attribute, findall = m.group(2), regex.findall
    return lambda node: findall(node.get(attribute, ""))


def _strings(value) -> list[str]:
    if isinstance(value, list):
        return [_lxml_string(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


_LOCAL = threading.local()  # per thread: the KeyIndex stack of the evaluations under way


def _active_keys() -> list:
    if not hasattr(_LOCAL, "keys"):
        _LOCAL.keys = []
    return _LOCAL.keys


@contextmanager
def keys_of(rules: "RuleSet", tree: etree._ElementTree):
    """Make key() answer from the rule set's xsl:keys over this document while in the block."""
    _active_keys().append(KeyIndex(rules, tree))
    try:
        yield
    finally:
        _active_keys().pop()


def _key_function(context, name, value):
    keys = getattr(_LOCAL, "keys", None)  # called for every node a check runs on: kept short
    if not keys:
        raise ValueError("key() outside a Schematron evaluation")
    return keys[-1].lookup(str(name), value)


_EXTENSIONS = {(None, "key"): _key_function}


_NODE_ORDER = re.compile(r"^\s*(?P<a>[^<>]+?)\s*(?P<op>>>|<<)\s*\.\s*$", re.S)


def node_order_as_xpath1(test: str) -> str:
    """`A >> .` and `A << .` (XPath 2.0's node order; A one node or none) written in XPath 1.0,
    so that libxml2 evaluates them: on elementpath each costs two walks of the whole tree (the
    TEI's spanTo rule took 50 s on a 550 KB transcription with 290 spans). The context
    precedes A when it is among A's preceding nodes or ancestors; follows it when among its
    following nodes or descendants. Anything else is returned unchanged."""
    m = _NODE_ORDER.match(test)
    if m is None or "'" in test or '"' in test:
        return test
    a = m.group("a")
    axes = ("preceding", "ancestor") if m.group("op") == ">>" else ("following", "descendant")
    return "(" + " or ".join(f"count(({a})/{axis}::node() | .) = count(({a})/{axis}::node())" for axis in axes) + ")"


def is_xpath1(expr: str, namespaces: dict, variables: tuple = (), functions: tuple = ()) -> bool:
    """True if expr is XPath 1.0 (+ EXSLT functions of declared prefixes, + `functions` such as
    XSLT's key()) meaning the same in XPath 2.0 as far as we can tell: only XPath 1 functions,
    only the rule's own variables."""
    key = (expr, ns_key(namespaces), variables, functions)
    if key not in _XPATH1:
        _XPATH1[key] = _is_xpath1(expr, namespaces, variables, functions)
    return _XPATH1[key]


def _is_xpath1(expr: str, namespaces: dict, variables: tuple, functions: tuple) -> bool:
    bare = strip_strings(expr)
    if "(:" in bare or any(v not in variables for v in _VARIABLE.findall(bare)):
        return False
    for name in _FUNCTION_CALL.findall(bare):
        if name in ("and", "or", "div", "mod"):
            continue  # operators before a parenthesis, not calls
        prefix = name.split(":", 1)[0] if ":" in name else None
        if name not in _XPATH1_FUNCTIONS and name not in functions and namespaces.get(prefix) not in EXSLT_NAMESPACES:
            return False
    try:
        compiled_xpath(expr, namespaces)
    except etree.XPathSyntaxError:
        return False
    return True


_SELECTORS: dict = {}


def context_selector(context: str) -> str:
    """An expression selecting every node a Schematron rule context matches."""
    if context not in _SELECTORS:
        _SELECTORS[context] = _context_selector(context)
    return _SELECTORS[context]


def _context_selector(context: str) -> str:
    branches = _split_union(context)
    return " | ".join(b if b.startswith("/") else "//" + b for b in branches)


def _split_union(expr: str) -> list[str]:
    out, start = [], 0
    for i, ch, depth in _unquoted(expr):
        if ch == "|" and depth == 0:
            out.append(expr[start:i].strip())
            start = i + 1
    out.append(expr[start:].strip())
    return out


def _unquoted(expr: str):
    """(index, character, bracket depth after it) of each character outside string literals."""
    depth, quote = 0, None
    for i, ch in enumerate(expr):
        if quote:
            quote = None if ch == quote else quote
            continue
        if ch in "\"'":
            quote = ch
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        yield i, ch, depth


_RULE_ENGINE: dict = {}


def rule_uses_xpath1(rule: Rule, namespaces: dict, pattern_lets: tuple = (), functions: tuple = ()) -> bool:
    """True if the whole rule (context, lets, tests, messages) can run on libxml2's XPath 1.0."""
    key = (rule, ns_key(namespaces), pattern_lets, functions)
    if key not in _RULE_ENGINE:
        _RULE_ENGINE[key] = _rule_uses_xpath1(rule, namespaces, pattern_lets, functions)
    return _RULE_ENGINE[key]


def _rule_uses_xpath1(rule: Rule, namespaces: dict, pattern_lets: tuple, functions: tuple) -> bool:
    selector = context_selector(rule.context)
    if re.search(r"@[\w:*]+\s*$", rule.context) or not is_xpath1(selector, namespaces, (), functions):
        return False
    defined: tuple = ()
    for name, value in pattern_lets + rule.lets:
        if not is_xpath1(value, namespaces, defined, functions):
            return False
        defined += (name,)
    for check in rule.checks:
        exprs = [check.test] + [v for k, v in check.message if k == "value-of" or (k == "name" and v)]
        if not all(is_xpath1(e, namespaces, defined, functions) for e in exprs):
            return False
    return True


def context_names(context: str) -> set[str] | None:
    """Local names of the elements a rule context can match (None: cannot tell)."""
    names = set()
    for branch in _split_union(context):
        bare = _strip_predicates(branch).strip()
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


def _strip_predicates(expr: str) -> str:
    out, depth = [], 0
    for ch in strip_strings(expr):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


BATCH_VARIABLE = "teikit-batch-nodes"  # the nodes a check runs on at once (LxmlEngine.failing)

# a test that asks for its context position or size, or names the batch variable, cannot be
# evaluated as a predicate over a node-set other than its own step's
CONTEXT_DEPENDENT = re.compile(r"\b(?:position|last)\s*\(|\$" + re.escape(BATCH_VARIABLE) + r"\b")


class IndexedContext(NamedTuple):
    """A rule context `name[@a or @b …]…` whose first predicate only asks for attributes: its
    candidates come from the document's attribute index (DocumentNames.carrying), and only
    the other predicates (`rest`, "" if none) run in libxml2, on the candidates alone."""

    tag: str | None  # the Clark name of `name`, or None for `*` / `p:*`
    namespace: str  # for `p:*`: "{uri}", for `*`: ""
    attributes: tuple  # Clark names
    rest: str


_INDEXED: dict = {}


def indexed_context(context: str, namespaces: dict) -> IndexedContext | None:
    """The context as an IndexedContext, or None when it has another shape (computed once)."""
    key = (context, ns_key(namespaces))
    if key not in _INDEXED:
        _INDEXED[key] = _indexed_context(context, namespaces)
    return _INDEXED[key]


def _indexed_context(context: str, namespaces: dict) -> IndexedContext | None:
    m = _NAME_AND_PREDICATES.fullmatch(context)
    if m is None or len(_split_union(context)) != 1:
        return None
    predicates = _predicates(m.group(2))
    if not predicates:
        return None
    attributes, rest = _attribute_alternatives(predicates[0], namespaces), predicates[1:]
    if attributes is None:  # `x[@a = 'v']`: candidates carry @a, and every predicate runs on them
        attributes, rest = _required_attributes(predicates[0], namespaces), predicates
    # `//x[@a][p]`: p's position is among siblings, `$nodes[p]`'s among all the candidates,
    # so the other predicates must be booleans that do not ask for positions
    if attributes is None or not all(_is_boolean(p) and not CONTEXT_DEPENDENT.search(strip_strings(p)) for p in rest):
        return None
    name = m.group(1)
    prefix, _, local = name.rpartition(":")
    if prefix and prefix not in namespaces:
        return None
    namespace = f"{{{namespaces[prefix]}}}" if prefix else ""
    tag = None if local == "*" else namespace + local
    return IndexedContext(tag, namespace, tuple(sorted(attributes)), "".join(f"[{p}]" for p in rest))


_NAME_AND_PREDICATES = re.compile(r"\s*([A-Za-z_][\w.-]*(?::(?:[A-Za-z_][\w.-]*|\*))?|\*)\s*(\[.*\])\s*", re.S)


def _attribute_alternatives(expr: str, namespaces: dict) -> set | None:
    """`@a or @b …` -> the attributes' Clark names; None for any other expression."""
    alternatives = _split_top(_strip_parens(expr.strip()), "or")
    qnames = []
    for alternative in alternatives:
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
    if any(ch in "=<>" and depth == 0 for _, ch, depth in _unquoted(bare)):
        return True
    return len(_split_top(bare, "or")) > 1 or len(_split_top(bare, "and")) > 1


def indexed_select(context: str, namespaces: dict, names, compile_xpath, tree) -> list | None:
    """The elements an IndexedContext selects (see there), or None when the context has
    another shape, the document's names are unknown, or the other predicates fail (the whole
    selector then runs, and reports its error, as before)."""
    shape = indexed_context(context, namespaces) if names is not None else None
    if shape is None:
        return None
    nodes = names.carrying(shape.attributes, shape.tag, shape.namespace)
    if not shape.rest or not nodes:
        return nodes
    try:
        return compile_xpath(f"${BATCH_VARIABLE}{shape.rest}")(tree, **{BATCH_VARIABLE: nodes})
    except Exception:
        return None



class LxmlEngine:
    """libxml2 XPath 1.0 on the lxml tree."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict, names=None):
        self.tree = tree
        self.ns = namespaces
        self.names = names  # the document's DocumentNames, or None
        self._compiled: dict[str, etree.XPath] = {}  # this engine is one document's: so are they
        self._booleans: dict[str, etree.XPath] = {}

    def _xp(self, expr: str) -> etree.XPath:
        found = self._compiled.get(expr)
        if found is None:
            found = self._compiled[expr] = compiled_xpath(expr, self.ns)
        return found

    def select(self, context: str) -> list:
        found = indexed_select(context, self.ns, self.names, self._xp, self.tree)
        if found is not None:
            return found
        return list(self._xp(context_selector(context))(self.tree))

    def value(self, expr: str, node, variables):
        return self._xp(expr)(node, **variables)

    def document(self):
        return self.tree

    def boolean(self, expr: str, node, variables) -> bool:
        found = self._booleans.get(expr)
        if found is None:
            found = self._booleans[expr] = self._xp(f"boolean({expr})")
        return bool(found(node, **variables))

    def failing(self, test: str, report: bool, nodes: list, variables: dict) -> list:
        """The nodes on which a check fails: `test` as a predicate over all of them at once.
        Only for tests that do not ask for position() or last()."""
        expr = f"${BATCH_VARIABLE}[{'' if report else 'not'}(boolean({test}))]"
        return self._xp(expr)(self.tree, **variables, **{BATCH_VARIABLE: nodes})

    def string(self, expr: str, node, variables) -> str:
        result = self._xp(expr)(node, **variables)
        if isinstance(result, list):
            return " ".join(_lxml_string(r) for r in result)
        if isinstance(result, float) and result.is_integer():
            return str(int(result))
        return str(result)

    @staticmethod
    def element_of(node):
        return node

    @staticmethod
    def name_of(node) -> str:
        return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _lxml_string(r) -> str:
    if isinstance(r, etree._Element):
        return "".join(r.itertext())
    return str(r)


class XPath2Engine:
    """elementpath's XPath 2.0 on the same lxml tree (node tree built once per document)."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict, names=None):
        import elementpath

        self.ep = elementpath
        self.ns = dict(namespaces)
        self.ns.setdefault("xs", "http://www.w3.org/2001/XMLSchema")
        self._root = None  # elementpath's node tree: built when a rule first needs elementpath
        self.lxml_tree = tree
        self.names = names  # the document's DocumentNames, or None
        self._nodes = None
        self._parsed: dict[str, object] = {}
        self._probes: dict[str, object] = {}

    @property
    def root(self):
        if self._root is None:
            self._root = self.ep.XPathContext(self.lxml_tree).root
        return self._root

    def _token(self, expr: str):
        """Parse as XPath 2.0, or 3.0 when 2.0 cannot (the TEI's rules use `||`). XSLT's
        current() becomes a variable; generate-id() becomes path(), which also names a node
        uniquely within its document."""
        if expr not in self._parsed:
            source = re.sub(r"\bcurrent\(\s*\)", "$current__", expr)
            source = re.sub(r"\bgenerate-id\(", "path(", source)
            try:
                if "generate-id(" in expr:
                    raise self.ep.ElementPathError("XPath 3.0 function path()")
                token = self.ep.XPath2Parser(namespaces=self.ns).parse(source)
            except self.ep.ElementPathError:
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

    def select(self, context: str) -> list:
        selector = context_selector(context)
        if is_xpath1(selector, self.ns) and not re.search(r"@[\w:*]+\s*$", context):
            found = indexed_select(context, self.ns, self.names, lambda e: compiled_xpath(e, self.ns), self.lxml_tree)
            if found is None:
                found = compiled_xpath(selector, self.ns)(self.lxml_tree)
            return list(found)  # lxml elements: elementpath's nodes are looked up when evaluated
        token = self._token(selector)
        return list(token.select(self._context(None, {})))

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
        token = self._token(expr)
        return token.evaluate(self._context(node, variables))

    def boolean(self, expr: str, node, variables) -> bool:
        token = self._token(expr)
        return bool(token.boolean_value(token.evaluate(self._context(node, variables))))

    def cannot_select(self, expr: str, node) -> bool:
        """True when the location path `expr` surely selects nothing from node: its version
        without predicates (a superset, XPath 1.0) selects nothing in libxml2. A report whose
        test is such a path then cannot fire, and elementpath is not asked (the TEI's rule on
        `ancestor::tei:l[... current() ...]` cost 0.3 ms per line of verse)."""
        probe = self._probes.get(expr, False)
        if probe is False:
            probe = self._probes[expr] = _necessary_path(expr, self.ns)
        if probe is None:
            return False
        element = self.element_of(node)
        return element is not None and not probe(element)

    def string(self, expr: str, node, variables) -> str:
        token = self._token(expr)
        result = token.evaluate(self._context(node, variables))
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


def _necessary_path(expr: str, namespaces: dict):
    """libxml2's boolean(path without its predicates) for a test that is one relative location
    path (axis steps, predicates), else None."""
    bare = _strip_predicates(expr).strip()
    if not _PATH_START.match(bare) or re.search(r"[|=<>!()]|\s(?:and|or|div|mod)\s|\$", bare):
        return None
    if not is_xpath1(bare, namespaces):
        return None
    try:
        return compiled_xpath(f"boolean({bare})", namespaces)
    except etree.XPathSyntaxError:
        return None


def _item_string(item) -> str:
    value = getattr(item, "string_value", None)
    if value is not None and not callable(value):
        return str(value)
    if isinstance(item, etree._Element):
        return "".join(item.itertext())
    return str(item)


_VALUE_COMPARISON = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def might_match(context: str, tree, namespaces: dict, names) -> bool:
    """A cheap test that can only say no when the rule context matches nothing.

    `names` is the document's DocumentNames (specialise.py). The element names the context
    ends with must occur, and so must one of the attributes it requires (see
    `context_attributes`); then, when an XPath 1.0 version of the context exists (value
    comparisons as general ones, `a/@x` as `a[@x]`), libxml2 must find a node. Otherwise
    (unknown shape) the answer is yes.
    """
    if not names_might_match(context, namespaces, names):
        return False
    selector = prefilter_selector(context, namespaces)
    return selector is None or selects_something(selector, tree, namespaces)


def names_might_match(context: str, namespaces: dict, names) -> bool:
    """False when the document lacks every element name, or every attribute, the context needs,
    or each branch of the context names an element on its path that the document lacks."""
    elements, attributes, _, paths = _PREFILTERS.get((context, ns_key(namespaces))) or _prefilter(context, ns_key(namespaces))
    present = names.element_locals()
    if elements is not None and elements.isdisjoint(present):
        return False
    if paths is not None and not any(path <= present for path in paths):
        return False
    return attributes is None or not attributes.isdisjoint(names.attributes)


def prefilter_selector(context: str, namespaces: dict) -> str | None:
    """The XPath 1.0 version of a context used by `might_match`, or None if there is none."""
    return _prefilter(context, ns_key(namespaces))[2]


_NOT_ELEMENT_AXES = ("attribute::", "namespace::")


def context_paths(context: str) -> tuple | None:
    """For each branch of a union, the local names of the elements its path steps name (a
    match needs all of them: `a/b/c` needs an a, a b and a c); steps of another shape are left
    out. None when the context cannot be split."""
    out = []
    for branch in _split_union(context):
        names = set()
        for step in _split_top(branch.strip(), "/"):
            step = step.strip()
            m = _STEP.fullmatch(step)
            if not m or step.startswith(_NOT_ELEMENT_AXES) or (m.group(1) and not _predicates(m.group(1))):
                continue
            test = step[: len(step) - len(m.group(1))].split("::")[-1]
            local = test.split(":")[-1]
            if local != "*":
                names.add(local)
        out.append(frozenset(names))
    return tuple(out) or None


def selects_something(selector: str, tree, namespaces: dict) -> bool:
    """True unless libxml2 finds no node for the selector (an XPath error counts as found)."""
    try:
        return bool(compiled_xpath(selector, namespaces)(tree))
    except etree.XPathError:
        return True


_PREFILTERS: dict = {}


def _prefilter(context: str, ns_items: tuple):
    """(element local names, attribute Clark names, XPath 1.0 selector, path names), each
    None when unknown, for a rule context; computed once."""
    key = (context, ns_items)
    if key not in _PREFILTERS:
        namespaces = dict(ns_items)
        selector = context_selector(_distribute(re.sub(r"/@([\w:-]+)\s*$", r"[@\1]", context.strip())))
        bare = strip_strings(selector)
        for word, op in _VALUE_COMPARISON.items():
            if re.search(rf"\s{word}\s", bare):
                selector = _replace_outside_strings(selector, rf"\s{word}\s", f" {op} ")
        names = context_names(context)
        _PREFILTERS[key] = (
            None if names is None else frozenset(names),
            context_attributes(context, namespaces),
            selector if is_xpath1(selector, namespaces) else None,
            context_paths(context),
        )
    return _PREFILTERS[key]


# ---------------------------------------------------------------- attribute prefilter

_QNAME = r"[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?"
_STEP = re.compile(rf"(?:[A-Za-z-]+::)?(?:{_QNAME}|\*|[A-Za-z_][\w.-]*:\*)((?:\[.*\])*)", re.S)
_ATTRIBUTE_STEP = re.compile(rf"@({_QNAME})")


def context_attributes(context: str, namespaces: dict) -> frozenset | None:
    """Attributes (Clark names) of which a node the context matches needs at least one
    somewhere in the document, or None when that cannot be proven.

    Proven shapes, in every branch of a union: a step with a predicate `[@a]`,
    `[@a or @b]`, `[@a and …]` (any step of the path: `@a` on any node needs an element
    carrying a), or a final step `@a`. Anything else is None (the rule may match).
    """
    out: set = set()
    for branch in _split_union(context):
        found = _branch_attributes(branch, namespaces)
        if found is None:
            return None
        out |= found
    return frozenset(out)


def _branch_attributes(branch: str, namespaces: dict) -> set | None:
    steps = _split_top(branch.strip(), "/")
    last = _ATTRIBUTE_STEP.fullmatch(steps[-1].strip()) if steps else None
    if last:
        return _attribute_names([last.group(1)], namespaces)
    for step in steps:
        m = _STEP.fullmatch(step.strip())
        if not m or not m.group(1):
            continue
        for predicate in _predicates(m.group(1)):
            found = _required_attributes(predicate, namespaces)
            if found is not None:
                return found
    return None


def _predicates(text: str) -> list[str]:
    """`[a][b]` -> ["a", "b"] (brackets balanced, strings respected); [] if malformed."""
    out, depth, start, quote = [], 0, 0, None
    for i, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
            if depth == 1:
                start = i + 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                out.append(text[start:i])
            elif depth < 0:
                return []
        elif depth == 0:
            return []
    return out if depth == 0 and quote is None else []


def _required_attributes(expr: str, namespaces: dict) -> set | None:
    """Attributes of which the context node of a predicate needs one for `expr` to be true:
    `@a` -> {a}; `x or y` -> both sides' union (None if either is None); `x and y` -> the
    first side that has one; anything else None."""
    expr = _strip_parens(expr.strip())
    alternatives = _split_top(expr, "or")
    if len(alternatives) > 1:
        found = [_required_attributes(a, namespaces) for a in alternatives]
        return None if any(f is None for f in found) else set().union(*found)
    conjuncts = _split_top(expr, "and")
    if len(conjuncts) > 1:
        found = [_required_attributes(c, namespaces) for c in conjuncts]
        return next((f for f in found if f is not None), None)
    m = _ATTRIBUTE_STEP.fullmatch(expr) or _ATTRIBUTE_TEST.fullmatch(expr)
    return _attribute_names([m.group(1) or m.group(2)], namespaces) if m else None


# `@a` compared with a literal, or searched for a non-empty one, is false without `@a` (in
# XPath 2.0 as in 1.0: no attribute compares as nothing, searches as the empty string)
_LITERAL = r"""(?:'[^']*'|"[^"]*"|\d+(?:\.\d*)?)"""
_ATTRIBUTE_TEST = re.compile(
    rf"""(?:starts-with|contains)\(\s*@({_QNAME})\s*,\s*(?:'[^']+'|"[^"]+")\s*\)"""
    rf"|@({_QNAME})\s*(?:!?=|[<>]=?|\s(?:eq|ne|lt|le|gt|ge)\s)\s*{_LITERAL}"
)


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


def _strip_parens(expr: str) -> str:
    """`( x )` -> `x` when the parentheses enclose the whole expression."""
    while expr.startswith("(") and expr.endswith(")") and _closing_paren(expr) == len(expr) - 1:
        expr = expr[1:-1].strip()
    return expr


def _closing_paren(expr: str) -> int:
    for i, ch, depth in _unquoted(expr):
        if ch in ")]" and depth == 0:
            return i
    return -1


def _split_top(expr: str, separator: str) -> list[str]:
    """Split at `separator` outside strings, brackets and parentheses: "/" as a path
    separator (a "//" gives an empty step), "and"/"or" as a whole word between blanks or
    parentheses. Empty parts are kept (callers treat them as unknown)."""
    out, start = [], 0
    word = separator.isalpha()
    for i, ch, depth in _unquoted(expr):
        if i < start or depth != 0 or ch in "()[]":
            continue
        if expr.startswith(separator, i) and (not word or _word_at(expr, i, separator)):
            out.append(expr[start:i])
            start = i + len(separator)
    out.append(expr[start:])
    return out


def _word_at(expr: str, i: int, word: str) -> bool:
    before = expr[i - 1] if i > 0 else ""
    after = expr[i + len(word)] if i + len(word) < len(expr) else ""
    return before in " \t\r\n)" and before != "" and after in " \t\r\n(" and after != ""


def _distribute(context: str) -> str:
    """`(a | b)/c` as `a/c | b/c` (XPath 1.0 has no parenthesised steps)."""
    out = []
    for branch in _split_union(context):
        m = re.fullmatch(r"\(([^()\[\]]*)\)(/[^()]*)", branch.strip())
        if m:
            out += [inner.strip() + m.group(2) for inner in m.group(1).split("|")]
        else:
            out.append(branch)
    return " | ".join(out)


def _replace_outside_strings(expr: str, pattern: str, replacement: str) -> str:
    parts = re.split(r"(\"[^\"]*\"|'[^']*')", expr)
    return "".join(p if i % 2 else re.sub(pattern, replacement, p) for i, p in enumerate(parts))
