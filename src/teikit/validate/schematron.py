"""ISO Schematron: load rules (a .sch file, or the patterns embedded in a RELAX NG grammar)
and evaluate them on lxml trees.

Within a pattern a node is handled by the first rule whose context matches it. Each rule runs
on libxml2 when it is plain XPath 1.0, else on elementpath (see xpath/). A rule neither
engine can evaluate is reported as skipped, never as a crash.
"""
from __future__ import annotations

import re
from itertools import repeat

from lxml import etree

from ..diagnostics import Diagnostic
from .rules import Check, CompiledRules, Pattern, Rule, RulePlan, RuleSet, compile_rules, rule_uses_xpath1
from .specialise import DocumentNames
from .xpath import BATCH_VARIABLE, Evaluators, LxmlEngine, XPath2Engine, node_order_as_xpath1, selects_something

__all__ = ["SCH_NS", "Check", "CompiledRules", "Outcome", "Pattern", "Rule", "RuleSet", "compile_rules", "evaluate",
           "load_rules", "rules_to_xml"]

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_S = f"{{{SCH_NS}}}"


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
                test = node_order_as_xpath1(c.get("test"))
                checks.append(Check(etree.QName(c).localname, test, _message(c), cid, _severity(c)))
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


# ---------------------------------------------------------------- evaluation


def evaluate(rules: RuleSet | CompiledRules, tree: etree._ElementTree, file: str | None,
             positions: dict | None = None, names=None) -> Outcome:
    """Run every pattern on the document: each node is handled by the first rule that matches it.
    `rules`: compiled once (compile_rules) when evaluated often; `names`: the document's
    DocumentNames, if already collected."""
    compiled = compile_rules(rules)
    if names is None:
        names = DocumentNames(tree.getroot())
    evaluators = Evaluators(compiled.namespaces, tree, compiled.keys)
    try:
        return _evaluate(compiled, tree, file, positions, names, evaluators)
    finally:
        evaluators.close()


def _evaluate(compiled: CompiledRules, tree: etree._ElementTree, file: str | None, positions, names,
              evaluators: Evaluators) -> Outcome:
    outcome = Outcome()
    engines: dict[str, object] = {}
    pattern_values: dict = {}
    positions = positions if positions is not None else {}
    # the names' attribute index stands for the whole tree only when the tree is a document's
    indexed = names if tree.getroot().getparent() is None else None
    # rules whose context nothing in the document could match are left out: no XPath 2 engine
    # is loaded for them
    for pattern, planned in compiled.applicable(names):
        claimed: dict = {}
        last = planned[-1] if planned else None
        for plan in planned:
            rule = plan.rule
            if plan.prefilter is not None and not selects_something(evaluators(plan.prefilter), tree):
                continue
            kind = plan.kind or _kind(rule, pattern, compiled)
            try:
                engine = _engine(engines, kind, tree, evaluators, indexed)
                nodes = _select_first(engine, plan) if plan.select_first else None
                if nodes == []:
                    continue  # what the prefilter would have found: nothing
                if (pattern.rule_id, kind) not in pattern_values:
                    pattern_values[(pattern.rule_id, kind)] = (
                        _let_values(pattern.lets, engine, engine.document()) if pattern.lets else {})
                _run_rule(plan, engine, claimed, file, positions, outcome, pattern_values[(pattern.rule_id, kind)],
                          nodes, plan is last)
            except Exception as exc:  # unsupported function, type error: report, do not crash
                outcome.skipped.append(f"{rule.rule_id}: {_reason(exc)}")
    return outcome


def _kind(rule: Rule, pattern: Pattern, compiled: CompiledRules) -> str:
    """The engine of a rule that could not be planned (it raises as it did then)."""
    functions = ("key",) if compiled.keys else ()
    return "xpath1" if rule_uses_xpath1(rule, compiled.namespaces, pattern.lets, functions) else "xpath2"


def _select_first(engine, plan: RulePlan) -> list | None:
    """The rule's nodes, or None when selecting fails (then the rule runs as usual and the
    error is reported in the same order as before: pattern lets first)."""
    try:
        return engine.select(plan.context)
    except Exception:
        return None


def _engine(engines: dict, kind: str, tree, evaluators: Evaluators, names=None):
    if kind not in engines:
        engine = LxmlEngine if kind == "xpath1" else XPath2Engine
        engines[kind] = engine(tree, evaluators.namespaces, names, evaluators)
    return engines[kind]


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]


def _node_key(node):
    """The same key for a node whichever engine selected it: lxml gives the element itself,
    elementpath a wrapper whose `obj` is that element (a rule of either kind claims it for its
    pattern). Other nodes (attributes, text) are told apart by their name as well."""
    if type(node) is _ELEMENT:  # the common case, answered as below
        return (id(node), None)
    obj = getattr(node, "obj", node)
    if isinstance(obj, _ELEMENT):
        return (id(obj), None)
    return (id(obj), getattr(node, "name", None) if obj is not node else None)


_ELEMENT = etree._Element


def _let_values(lets: tuple, engine, node, variables: dict | None = None) -> dict:
    """Evaluate `let`s in order, each seeing the ones before."""
    variables = dict(variables or {})
    for name, value in lets:
        variables[name] = engine.value(value, node, variables)
    return variables


def _run_rule(plan: RulePlan, engine, claimed: dict, file, positions: dict, outcome: Outcome, pattern_vars: dict,
              nodes: list | None = None, last: bool = False) -> None:
    """Check the rule's nodes not claimed by an earlier rule of the pattern (`last`: no later
    rule of the pattern can match, so none needs to know which nodes this one took)."""
    rule, batch = plan.rule, plan.batch
    if nodes is None:
        nodes = engine.select(plan.context)
    fresh = _unclaimed(nodes, claimed, engine, keep=not last)
    failing = _failing(rule, engine, fresh, pattern_vars, batch) if batch is not None and len(fresh) > 1 else None
    if failing is not None:
        if any(failing):
            _report_failing(rule, engine, fresh, failing, file, positions, outcome, pattern_vars)
        return
    for node in fresh:
        variables = _let_values(rule.lets, engine, node, pattern_vars)
        for check, probe in zip(rule.checks, plan.probes or repeat(None)):
            if probe is not None and engine.cannot_select(probe, node):
                continue
            if engine.boolean(check.test, node, variables) == (check.kind == "report"):
                outcome.diagnostics.append(_diagnostic(check, engine, node, variables, file, positions))


def _unclaimed(nodes: list, claimed: dict, engine, keep: bool) -> list:
    """The nodes no earlier rule of the pattern took; with `keep`, they are taken: `claimed`
    maps node keys to the nodes, which keeps lxml's proxies (and so their ids) alive."""
    if not claimed and isinstance(engine, LxmlEngine):
        if keep:  # libxml2's node-sets have no duplicates: nothing to drop, only to note
            claimed.update(zip(map(_node_key, nodes), nodes))
        return nodes
    fresh = []
    for node in nodes:
        key = _node_key(node)
        if key not in claimed:
            claimed[key] = node
            fresh.append(node)
    return fresh


def _report_failing(rule: Rule, engine, fresh: list, failing: list, file, positions, outcome, pattern_vars) -> None:
    """Diagnostics of the nodes that fail a check (`failing`: per check, the nodes failing it)."""
    for node in fresh:
        failed = [check for check, nodes in zip(rule.checks, failing) if node in nodes]
        if failed:  # the lets only for the messages of nodes that fail
            variables = _let_values(rule.lets, engine, node, pattern_vars)
            for check in failed:
                outcome.diagnostics.append(_diagnostic(check, engine, node, variables, file, positions))


def _failing(rule: Rule, engine, nodes: list, variables: dict, tests: tuple) -> list | None:
    """For each check, the set of `nodes` it fails on, in one XPath per check (the test, its
    lets inlined (`tests`, see rules.batch_tests), as a predicate: same context node and
    variables); None when that cannot be done or fails, and the checks then run node by
    node, as they always could."""
    if not hasattr(engine, "failing") or BATCH_VARIABLE in variables:
        return None
    if not all(map(isinstance, nodes, repeat(_ELEMENT))):
        return None
    try:
        return [set(engine.failing(t, c.kind == "report", nodes, variables)) for t, c in zip(tests, rule.checks)]
    except Exception:
        return None


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
