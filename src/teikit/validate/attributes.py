"""Attribute errors, as Jing reports them: not allowed on the element, missing though required,
or a value the attribute's datatype rejects (checked by libxml2 on a one-attribute grammar)."""
from __future__ import annotations

from lxml import etree

from .findings import Finding, display_name, split_qname
from .grammar import Grammar, nc_matches, pattern_content, pattern_name_class, rng_children, rng_name
from .specialise import _copy_pattern, _make

class AttributeModels:
    """Which attributes an element pattern allows or requires, and whether a value fits."""

    def __init__(self, models):  # a contentmodel.ContentModels (not imported: it imports this module)
        self.m = models
        self._attrs: dict = {}
        self._required: dict = {}
        self._value_rng: dict = {}
        self._matching: dict = {}
        self._values: dict = {}  # (id(attribute pattern), value) -> (pattern, fits)
        self._passed: dict = {}  # (id(element pattern), attributes) -> pattern: no finding

    def attribute_patterns(self, element_pattern: etree._Element) -> list:
        """(name class, attribute pattern) pairs reachable without crossing an element."""
        key = id(element_pattern)
        if key not in self._attrs:
            found: list = []
            for child in pattern_content(element_pattern):
                self._collect(child, found, set())
            self._attrs[key] = (element_pattern, found)
        return self._attrs[key][1]

    def _collect(self, p: etree._Element, found: list, seen: set) -> None:
        kind = rng_name(p)
        if kind == "attribute":
            found.append((pattern_name_class(p), p))
        elif kind == "ref":
            name = p.get("name")
            if name not in seen and name in self.m.g.defines:
                seen.add(name)
                for c in rng_children(self.m.g.defines[name]):
                    self._collect(c, found, seen)
        elif kind not in ("element", "data", "value", "list", "text", "empty", "notAllowed"):
            for c in rng_children(p):
                self._collect(c, found, seen)

    def matching(self, element_pattern: etree._Element, q) -> list:
        """The attribute patterns of an element pattern that accept attribute name q."""
        key = (id(element_pattern), q)
        hit = self._matching.get(key)
        if hit is None or hit[0] is not element_pattern:
            found = [p for nc, p in self.attribute_patterns(element_pattern) if nc_matches(nc, q)]
            hit = self._matching[key] = (element_pattern, found)
        return hit[1]

    def required(self, element_pattern: etree._Element) -> set:
        key = id(element_pattern)
        if key not in self._required:
            req = set()
            for child in pattern_content(element_pattern):
                req |= self._required_in(child, set())
            self._required[key] = (element_pattern, req)
        return self._required[key][1]

    def _required_in(self, p: etree._Element, seen: set) -> set:
        kind = rng_name(p)
        if kind == "attribute":
            nc = pattern_name_class(p)
            return {(nc[1], nc[2])} if nc[0] == "name" else set()
        if kind == "ref":
            name = p.get("name")
            if name in seen or name not in self.m.g.defines:
                return set()
            return self._group_required(rng_children(self.m.g.defines[name]), seen | {name})
        if kind in ("group", "interleave", "oneOrMore", "mixed"):
            return self._group_required(rng_children(p), seen)
        if kind == "choice":
            sets = [self._required_in(c, seen) for c in rng_children(p)]
            return set.intersection(*sets) if sets else set()
        return set()

    def _group_required(self, kids, seen) -> set:
        out = set()
        for c in kids:
            out |= self._required_in(c, seen)
        return out

    def value_ok(self, attribute_pattern: etree._Element, value: str) -> bool:
        key = (id(attribute_pattern), value)
        hit = self._values.get(key)
        if hit is None or hit[0] is not attribute_pattern:
            if len(self._values) > 200_000:
                self._values.clear()
            hit = self._values[key] = (attribute_pattern, self._value_ok(attribute_pattern, value))
        return hit[1]

    def _value_ok(self, attribute_pattern: etree._Element, value: str) -> bool:
        rng = self._value_grammar(attribute_pattern)
        if rng is None:
            return True  # cannot tell: leave it to libxml2's verdict
        probe = etree.Element("probe")
        probe.set("value", value)
        return rng.validate(probe)

    def _value_grammar(self, attribute_pattern: etree._Element):
        key = id(attribute_pattern)
        if key not in self._value_rng:
            self._value_rng[key] = (attribute_pattern, _build_value_grammar(self.m.g, attribute_pattern))
        return self._value_rng[key][1]


def _build_value_grammar(grammar: Grammar, attribute_pattern: etree._Element):
    try:
        content = [_copy_pattern(c) for c in pattern_content(attribute_pattern)] or [_make("text")]
        out = _make("grammar")
        start = etree.SubElement(out, f"{{{_RNG}}}start")
        element = etree.SubElement(start, f"{{{_RNG}}}element", name="probe", ns="")
        attribute = etree.SubElement(element, f"{{{_RNG}}}attribute", name="value", ns="")
        attribute.extend(content)
        todo = [r.get("name") for r in out.iter(f"{{{_RNG}}}ref")]
        done = set()
        while todo:
            name = todo.pop()
            if name in done:
                continue
            done.add(name)
            define = _make("define", name=name)
            define.extend(_copy_pattern(c) for c in rng_children(grammar.defines[name]))
            out.append(define)
            todo += [r.get("name") for r in define.iter(f"{{{_RNG}}}ref")]
        return etree.RelaxNG(etree.ElementTree(out))
    except (etree.RelaxNGParseError, KeyError, ValueError):
        return None


_RNG = "http://relaxng.org/ns/structure/1.0"


def describe_values(grammar: Grammar, attribute_pattern: etree._Element, limit: int = 8) -> str:
    """'one of "a", "b"' or 'a value of type date' for an attribute's content."""
    values, types = [], []
    _gather_values(grammar, pattern_content(attribute_pattern), values, types, set())
    if values and not types:
        shown = ", ".join(f'"{v}"' for v in values[:limit])
        return f"one of {shown}" + (f" (and {len(values) - limit} more)" if len(values) > limit else "")
    labels = sorted(set(types)) + [f'"{v}"' for v in values[:limit]]
    return "a value of type " + " | ".join(labels) if labels else "another value"


def _gather_values(grammar, patterns, values, types, seen) -> None:
    for p in patterns:
        kind = rng_name(p)
        if kind == "value":
            values.append((p.text or "").strip())
        elif kind == "data":
            types.append(p.get("type"))
        elif kind == "ref":
            name = p.get("name")
            if name not in seen and name in grammar.defines:
                seen.add(name)
                _gather_values(grammar, rng_children(grammar.defines[name]), values, types, seen)
        elif kind == "list":
            types.append("list")
        else:
            _gather_values(grammar, rng_children(p), values, types, seen)




_ATTRIBUTES = etree.XPath("@*")


def attribute_items(el: etree._Element) -> tuple:
    """(name, value) pairs of el's attributes. lxml's `attrib.items()` looks each value up by
    name through the attribute list (quadratic: 20,000 attributes took 6 s); libxml2's XPath
    `@*` hands them over in one pass."""
    keys = el.keys()
    if len(keys) <= 32:
        return tuple(el.attrib.items())
    return tuple((a.attrname, str(a)) for a in _ATTRIBUTES(el))


def attribute_label(qname: tuple[str, str]) -> str:
    return ("xml:" if qname[0] == "http://www.w3.org/XML/1998/namespace" else "") + qname[1]


def check_attributes(attrs: AttributeModels, el: etree._Element, patterns: list) -> list[Finding]:
    """Attributes not allowed, missing, or with a bad value, for the best-fitting pattern."""
    models = attrs.m
    best = None
    items = attribute_items(el)
    for pattern in patterns:
        key = (id(pattern), items)
        if attrs._passed.get(key) is pattern:
            return []
        findings = _attribute_findings(models, attrs, pattern, el)
        if not findings:
            if len(attrs._passed) > 100_000:
                attrs._passed.clear()
            attrs._passed[key] = pattern
            return []
        if best is None or len(findings) < len(best):
            best = findings
    return best or []


def _attribute_findings(models, attrs, pattern, el) -> list[Finding]:
    name = display_name(el)
    findings = []
    present = set()
    for raw, value in attribute_items(el):
        q = split_qname(raw)
        present.add(q)
        matching = attrs.matching(pattern, q)
        if not matching:
            findings.append(Finding(el, f'attribute "{attribute_label(q)}" not allowed on "{name}"'))
        elif not any(attrs.value_ok(p, value) for p in matching):
            expected = describe_values(models.g, matching[0])
            findings.append(Finding(el, f'attribute "{attribute_label(q)}" on "{name}" has a bad value '
                                        f'"{value}"; expected {expected}'))
    for q in sorted(attrs.required(pattern) - present):
        findings.append(Finding(el, f'element "{name}" missing required attribute "{attribute_label(q)}"'))
    return findings
