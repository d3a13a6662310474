"""Schematron rules as data, and a rule set compiled once: for each rule, what is known before any
document (its engine, how its context is selected and prefiltered, its checks batched)."""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from .xpath import (ContextPlan, KeyDefinition, Needs, context_dependent, context_selector, is_xpath1,
                    key_definitions, necessary_path, needs, ns_items, plan_context, prefilter_selector,
                    selects_attributes)
from .xpath.scan import inline_variables


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


class RulePlan(NamedTuple):
    """A rule with what is known of it before any document: its engine (`kind`, "" when the
    rule is malformed: decided, and failing, when it runs), whether libxml2 must first look for
    a node (`prefilter`), or the rule's own selection answers that (`select_first`: an XPath
    1.0 rule whose selector is the prefilter's)."""

    rule: Rule
    kind: str
    context: ContextPlan | None
    needs: Needs
    prefilter: str | None
    select_first: bool
    batch: tuple | None  # the checks' tests with the rule's lets inlined, when they may run on
    # all the rule's nodes at once (see schematron._failing)
    probes: tuple  # per check: for a report on elementpath, a cheap XPath 1.0 that must be
    # true for it to fire (see XPath2Engine.cannot_select), else None


MAX_NAME_SETS = 256  # documents of one kind share a few name sets; each entry is a few lists


class CompiledRules:
    """A RuleSet analysed once. Its plans never change; `applicable` remembers, per set of
    document names, which plans can match (most recent last, at most MAX_NAME_SETS)."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.label = rules.label
        self.namespaces = rules.namespaces
        self.ns_items = ns_items(rules.namespaces)
        functions = ("key",) if rules.keys else ()
        self.patterns = tuple((p, tuple(_plan(r, p, rules.namespaces, functions) for r in p.rules))
                              for p in rules.patterns)
        self.keys: tuple[KeyDefinition, ...] = key_definitions(rules.keys, rules.namespaces)
        self._applicable: OrderedDict = OrderedDict()

    def applicable(self, names) -> tuple:
        """The plans without the rules whose context the document's element and attribute
        names rule out: ((pattern, [RulePlan, ...]), ...)."""
        key = (names.tags, names.attributes)
        found = self._applicable.get(key)
        if found is not None:
            self._applicable.move_to_end(key)
            return found
        found = self._applicable[key] = tuple(
            (pattern, [plan for plan in plans if plan.needs.might_match(names)]) for pattern, plans in self.patterns)
        if len(self._applicable) > MAX_NAME_SETS:
            self._applicable.popitem(last=False)
        return found


def compile_rules(rules) -> CompiledRules:
    """`rules` compiled (a CompiledRules is returned as it is)."""
    return rules if isinstance(rules, CompiledRules) else CompiledRules(rules)


def _plan(rule: Rule, pattern: Pattern, namespaces: dict, functions: tuple) -> RulePlan:
    selector = prefilter_selector(rule.context, namespaces)
    found = needs(rule.context, namespaces)
    try:
        xpath1 = rule_uses_xpath1(rule, namespaces, pattern.lets, functions)
    except Exception:  # a malformed rule: decided (and failing) where it would have before
        return RulePlan(rule, "", None, found, selector, False, None, ())
    same = xpath1 and selector == context_selector(rule.context)
    batch = batch_tests(rule) if xpath1 else None
    probes = () if xpath1 else tuple(necessary_path(c.test, namespaces) if c.kind == "report" else None
                                     for c in rule.checks)
    return RulePlan(rule, "xpath1" if xpath1 else "xpath2", plan_context(rule.context, namespaces), found,
                    None if same else selector, same, batch, probes)


def rule_uses_xpath1(rule: Rule, namespaces: dict, pattern_lets: tuple = (), functions: tuple = ()) -> bool:
    """True if the whole rule (context, lets, tests, messages) can run on libxml2's XPath 1.0."""
    if selects_attributes(rule.context) or not is_xpath1(context_selector(rule.context), namespaces, (), functions):
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


def batch_tests(rule: Rule) -> tuple | None:
    """The rule's tests with its `let`s written in place (`$n` -> `(count(...))`), so that they
    can run as one predicate over all the rule's nodes; None when that could change a result.

    A let is evaluated with the rule's node as context; written in place, it is evaluated with
    the context of the place: the same wherever that is outside any predicate (only
    predicates and path steps change the context node in XPath 1.0, and a variable cannot be a
    step after `/`). A let referenced inside a predicate, and any test or let asking for
    position() or last(), keep the rule node by node."""
    inlined: dict = {}
    for name, value in rule.lets:
        inlined[name] = inline_variables(value, inlined)
        if inlined[name] is None:
            return None
    tests = tuple(inline_variables(c.test, inlined) for c in rule.checks)
    if any(t is None or context_dependent(t) for t in tests):
        return None
    return tests
