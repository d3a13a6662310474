"""ISO Schematron: load rules (a .sch file, or the patterns embedded in a RELAX NG grammar)
and evaluate them on lxml trees.

A rule whose expressions are all XPath 1.0 (same meaning in 2.0: only XPath 1 functions, no
variables, element contexts) runs on lxml's libxml2 XPath, which is fast and needs no extra
import. Every other rule runs on elementpath's XPath 2.0 engine (`current()` is provided as a
variable). A rule neither engine can evaluate is reported as skipped, never as a crash.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from ..diagnostics import Diagnostic

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_S = f"{{{SCH_NS}}}"
_XPATH1_FUNCTIONS = {
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
    "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
    "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
    "floor", "ceiling", "round", "node", "text", "comment", "processing-instruction",
}
_STRING_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
_FUNCTION_CALL = re.compile(r"(?<![\w.:@$-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")


# Plain NamedTuples: frozen like dataclasses, but cheaper to create at import (start-up matters).
class Check(NamedTuple):
    """An assert (fails when false) or report (fails when true)."""

    kind: str
    test: str
    message: tuple  # ("text", str) | ("name", path or "") | ("value-of", select)
    rule_id: str
    severity: str


class Rule(NamedTuple):
    context: str
    lets: tuple  # ((name, expression), ...) evaluated for each context node
    checks: tuple
    rule_id: str


class Pattern(NamedTuple):
    rule_id: str
    rules: tuple
    lets: tuple = ()  # pattern-level ((name, expression), ...) evaluated once per document


class RuleSet(NamedTuple):
    label: str
    namespaces: dict
    patterns: tuple
    keys: tuple = ()  # xsl:key definitions: ((name, match, use), ...) for key()


class Outcome:
    """What evaluation found: diagnostics, and rules that could not run ("rule-id: reason")."""

    def __init__(self):
        self.diagnostics: list[Diagnostic] = []
        self.skipped: list[str] = []


# ---------------------------------------------------------------- loading


def load_rules(root: etree._Element, label: str, id_prefix: str = "") -> RuleSet:
    """Rules of a Schematron schema, or of the Schematron embedded in a RELAX NG grammar."""
    namespaces = {"xml": "http://www.w3.org/XML/1998/namespace"}
    for ns in root.iter(_S + "ns"):
        namespaces[ns.get("prefix")] = ns.get("uri")
    patterns = [_pattern(p, n, id_prefix) for n, p in enumerate(root.iter(_S + "pattern"), 1)]
    keys = tuple((k.get("name"), k.get("match"), k.get("use")) for k in root.iter(f"{{{XSL_NS}}}key"))
    return RuleSet(label, namespaces, tuple(p for p in patterns if p.rules), keys)


def _pattern(p: etree._Element, n: int, prefix: str) -> Pattern:
    pid = prefix + _short_id(p.get("id") or _define_name(p, n))
    rules = []
    for r in p.iter(_S + "rule"):
        lets = tuple((v.get("name"), v.get("value")) for v in r.findall(_S + "let"))
        checks = []
        for c in r:
            if c.tag in (_S + "assert", _S + "report"):
                cid = prefix + c.get("id") if c.get("id") else pid
                checks.append(Check(etree.QName(c).localname, c.get("test"), _message(c), cid, _severity(c)))
        rules.append(Rule(r.get("context"), lets, tuple(checks), pid))
    pattern_lets = tuple((v.get("name"), v.get("value")) for v in p.findall(_S + "let"))
    return Pattern(pid, tuple(rules), pattern_lets)


def _short_id(raw: str) -> str:
    raw = re.sub(r"^tei_all-", "", raw)
    return re.sub(r"-constraint(-rule-\d+)?$", "", raw)


def _define_name(p: etree._Element, n: int) -> str:
    for anc in p.iterancestors():
        if anc.get("name") and anc.tag.endswith("}define"):
            return f"{anc.get('name')}-{n}"
    return f"pattern-{n}"


def _severity(c: etree._Element) -> str:
    role = (c.get("role") or "error").lower()
    return "warning" if role in ("warning", "warn", "information", "info", "nonfatal") else "error"


def _message(c: etree._Element) -> tuple:
    parts = [("text", c.text or "")]
    for child in c:
        if child.tag == _S + "name":
            parts.append(("name", child.get("path") or ""))
        elif child.tag == _S + "value-of":
            parts.append(("value-of", child.get("select")))
        elif isinstance(child.tag, str):
            parts.append(("text", "".join(child.itertext())))
        parts.append(("text", child.tail or ""))
    return tuple(parts)


def rules_to_xml(rules: RuleSet) -> bytes:
    """A standalone .sch holding the rules (used to cache rules extracted from a grammar)."""
    schema = etree.Element(_S + "schema", nsmap={"sch": SCH_NS}, queryBinding="xslt2")
    for prefix, uri in rules.namespaces.items():
        if prefix != "xml":
            etree.SubElement(schema, _S + "ns", prefix=prefix, uri=uri)
    for name, match, use in rules.keys:
        etree.SubElement(schema, f"{{{XSL_NS}}}key", name=name, match=match, use=use)
    for pat in rules.patterns:
        p = etree.SubElement(schema, _S + "pattern", id=pat.rule_id)
        for name, value in pat.lets:
            etree.SubElement(p, _S + "let", name=name, value=value)
        for rule in pat.rules:
            r = etree.SubElement(p, _S + "rule", context=rule.context)
            for name, value in rule.lets:
                etree.SubElement(r, _S + "let", name=name, value=value)
            for c in rule.checks:
                el = etree.SubElement(r, _S + c.kind, test=c.test)
                if c.rule_id != pat.rule_id:
                    el.set("id", c.rule_id)
                if c.severity != "error":
                    el.set("role", c.severity)
                _message_to_xml(el, c.message)
    return etree.tostring(schema, encoding="UTF-8", xml_declaration=True)


def _message_to_xml(el: etree._Element, parts: tuple) -> None:
    last = None
    for kind, value in parts:
        if kind == "text":
            if last is None:
                el.text = (el.text or "") + value
            else:
                last.tail = (last.tail or "") + value
            continue
        last = etree.SubElement(el, _S + ("name" if kind == "name" else "value-of"))
        if kind == "name" and value:
            last.set("path", value)
        elif kind == "value-of":
            last.set("select", value)


# ---------------------------------------------------------------- engines


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
    """libxml2's compiled XPath, cached for the process (the same rules run on every file)."""
    key = (expr, ns_key(namespaces))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = etree.XPath(expr, namespaces=namespaces, extensions=_EXTENSIONS)
    return found


class _Keys:
    """XSLT's key() for the document being checked: each xsl:key indexed on first use."""

    def __init__(self, rules: "RuleSet", tree: etree._ElementTree):
        self.definitions = {name: (match, use) for name, match, use in rules.keys}
        self.namespaces = rules.namespaces
        self.tree = tree
        self.indexes: dict[str, dict] = {}

    def lookup(self, name: str, value) -> list:
        if name not in self.definitions:
            raise ValueError(f"key() with undeclared key {name!r}")
        index = self.indexes.get(name) or self._build(name)
        wanted = _strings(value)
        found = {id(n): (pos, n) for v in wanted for pos, n in index.get(v, ())}
        return [n for _, n in sorted(found.values(), key=lambda item: item[0])]

    def _build(self, name: str) -> dict:
        match, use = self.definitions[name]
        index: dict[str, list] = {}
        use_xpath = compiled_xpath(use, self.namespaces)
        for pos, node in enumerate(compiled_xpath(context_selector(match), self.namespaces)(self.tree)):
            for v in _strings(use_xpath(node)):
                index.setdefault(v, []).append((pos, node))
        self.indexes[name] = index
        return index


def _strings(value) -> list[str]:
    if isinstance(value, list):
        return [_lxml_string(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


_ACTIVE_KEYS: list = []  # the _Keys of the evaluation under way


def _key_function(context, name, value):
    if not _ACTIVE_KEYS:
        raise ValueError("key() outside a Schematron evaluation")
    return _ACTIVE_KEYS[-1].lookup(str(name), value)


_EXTENSIONS = {(None, "key"): _key_function}


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
    out, depth, start, quote = [], 0, 0, None
    for i, ch in enumerate(expr):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(expr[start:i].strip())
            start = i + 1
    out.append(expr[start:].strip())
    return out


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


class _LxmlEngine:
    """libxml2 XPath 1.0 on the lxml tree."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict):
        self.tree = tree
        self.ns = namespaces

    def _xp(self, expr: str) -> etree.XPath:
        return compiled_xpath(expr, self.ns)

    def select(self, context: str) -> list:
        return list(self._xp(context_selector(context))(self.tree))

    def value(self, expr: str, node, variables):
        return self._xp(expr)(node, **variables)

    def document(self):
        return self.tree

    def boolean(self, expr: str, node, variables) -> bool:
        return bool(self._xp(f"boolean({expr})")(node, **variables))

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


class _XPath2Engine:
    """elementpath's XPath 2.0 on the same lxml tree (node tree built once per document)."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict):
        import elementpath

        self.ep = elementpath
        self.ns = dict(namespaces)
        self.ns.setdefault("xs", "http://www.w3.org/2001/XMLSchema")
        self.root = elementpath.XPathContext(tree).root
        self.lxml_tree = tree
        self._nodes = None
        self._parsed: dict[str, object] = {}

    def _token(self, expr: str):
        if expr not in self._parsed:
            expr2 = re.sub(r"\bcurrent\(\s*\)", "$current__", expr)
            parser = self.ep.XPath2Parser(namespaces=self.ns, variable_types=None)
            self._parsed[expr] = parser.parse(expr2)
        return self._parsed[expr]

    def _context(self, node, variables):
        variables = dict(variables)
        if node is not None:
            variables.setdefault("current__", node)
        return self.ep.XPathContext(self.root, item=node, variables=variables)

    def select(self, context: str) -> list:
        selector = context_selector(context)
        if is_xpath1(selector, self.ns) and not re.search(r"@[\w:*]+\s*$", context):
            return [self.node_for(el) for el in compiled_xpath(selector, self.ns)(self.lxml_tree)]
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
        name = getattr(node, "name", None) or ""
        return name.split("}")[-1]


def _item_string(item) -> str:
    value = getattr(item, "string_value", None)
    if value is not None and not callable(value):
        return str(value)
    if isinstance(item, etree._Element):
        return "".join(item.itertext())
    return str(item)


# ---------------------------------------------------------------- evaluation


def evaluate(rules: RuleSet, tree: etree._ElementTree, file: str | None, positions: dict | None = None) -> Outcome:
    """Run every pattern on the document: each node is handled by the first rule that matches it."""
    _ACTIVE_KEYS.append(_Keys(rules, tree))
    try:
        return _evaluate(rules, tree, file, positions)
    finally:
        _ACTIVE_KEYS.pop()


def _evaluate(rules: RuleSet, tree: etree._ElementTree, file: str | None, positions) -> Outcome:
    outcome = Outcome()
    functions = ("key",) if rules.keys else ()
    engines: dict[str, object] = {}
    pattern_values: dict = {}
    present = {etree.QName(el).localname for el in tree.getroot().iter(etree.Element)}
    for pattern in rules.patterns:
        claimed: set = set()
        for rule in pattern.rules:
            if not might_match(rule.context, tree, rules.namespaces, present):
                continue  # nothing the context could match: skip without loading an XPath 2 engine
            kind = "xpath1" if rule_uses_xpath1(rule, rules.namespaces, pattern.lets, functions) else "xpath2"
            try:
                engine = _engine(engines, kind, tree, rules.namespaces)
                if (pattern.rule_id, kind) not in pattern_values:
                    pattern_values[(pattern.rule_id, kind)] = _let_values(pattern.lets, engine, engine.document())
                _run_rule(rule, engine, claimed, file, positions if positions is not None else {}, outcome, pattern_values[(pattern.rule_id, kind)])
            except Exception as exc:  # unsupported function, type error: report, do not crash
                outcome.skipped.append(f"{rule.rule_id}: {_reason(exc)}")
    return outcome


_VALUE_COMPARISON = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def might_match(context: str, tree, namespaces: dict, present: set) -> bool:
    """A cheap test that can only say no when the rule context matches nothing.

    The element names the context ends with must occur; then, when an XPath 1.0 version of the
    context exists (value comparisons as general ones, `a/@x` as `a[@x]`), libxml2 must find a
    node. Otherwise (unknown shape) the answer is yes.
    """
    names, selector = _prefilter(context, ns_key(namespaces))
    if names is not None and not names & present:
        return False
    if selector is None:
        return True
    try:
        return bool(compiled_xpath(selector, namespaces)(tree))
    except etree.XPathError:
        return True


_PREFILTERS: dict = {}


def _prefilter(context: str, ns_items: tuple):
    """(element names, XPath 1.0 selector or None) for a rule context, computed once."""
    key = (context, ns_items)
    if key not in _PREFILTERS:
        namespaces = dict(ns_items)
        selector = context_selector(_distribute(re.sub(r"/@([\w:-]+)\s*$", r"[@\1]", context.strip())))
        bare = strip_strings(selector)
        for word, op in _VALUE_COMPARISON.items():
            if re.search(rf"\s{word}\s", bare):
                selector = _replace_outside_strings(selector, rf"\s{word}\s", f" {op} ")
        _PREFILTERS[key] = (context_names(context), selector if is_xpath1(selector, namespaces) else None)
    return _PREFILTERS[key]


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


def _engine(engines: dict, kind: str, tree, namespaces):
    if kind not in engines:
        engines[kind] = _LxmlEngine(tree, namespaces) if kind == "xpath1" else _XPath2Engine(tree, namespaces)
    return engines[kind]


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]


def _node_key(node):
    obj = getattr(node, "obj", node)
    name = getattr(node, "name", None) if not isinstance(node, etree._Element) else None
    return (id(obj), name if obj is not node else None)


def _let_values(lets: tuple, engine, node, variables: dict | None = None) -> dict:
    """Evaluate `let`s in order, each seeing the ones before."""
    variables = dict(variables or {})
    for name, value in lets:
        variables[name] = engine.value(value, node, variables)
    return variables


def _run_rule(rule: Rule, engine, claimed: set, file, positions: dict, outcome: Outcome, pattern_vars: dict) -> None:
    nodes = engine.select(rule.context)
    for node in nodes:
        key = _node_key(node)
        if key in claimed:
            continue
        claimed.add(key)
        variables = _let_values(rule.lets, engine, node, pattern_vars)
        for check in rule.checks:
            result = engine.boolean(check.test, node, variables)
            if result == (check.kind == "report"):
                outcome.diagnostics.append(_diagnostic(check, engine, node, variables, file, positions))


def _diagnostic(check: Check, engine, node, variables, file, positions) -> Diagnostic:
    message = _render(check.message, engine, node, variables)
    element = engine.element_of(node)
    line, col = positions.get(element, (getattr(element, "sourceline", None), None))
    return Diagnostic(check.rule_id, check.severity, message, file, line, col)


def _render(parts: tuple, engine, node, variables) -> str:
    out = []
    for kind, value in parts:
        if kind == "text":
            out.append(value)
        elif kind == "name":
            out.append(engine.string(f"name({value})", node, variables) if value else engine.name_of(node))
        else:
            try:
                out.append(engine.string(value, node, variables))
            except Exception:
                out.append("?")
    return " ".join("".join(out).split())
