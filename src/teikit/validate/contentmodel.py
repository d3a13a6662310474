"""Say *which* child breaks an element's content model and what was expected there.

libxml2 reports the outermost failing element only. This checker walks every element and
matches its children's names against the element's content pattern in the full grammar with
Brzozowski derivatives (as Jing does), ignoring attributes and datatypes (libxml2 reports
those). Each element is checked on its own, so every independent error is found.
"""
from __future__ import annotations

from lxml import etree

from .attributes import AttributeModels, check_attributes
from .findings import Finding, display_name, qname_of
from .grammar import Grammar, nc_label, nc_matches, pattern_content, pattern_name_class, rng_children, rng_name

EMPTY = ("empty",)
NA = ("na",)
TEXT = ("text",)


# Patterns are interned (one object per distinct pattern: children are interned first, so a
# pattern is identified by its kind and its children's identities). Derivatives are then
# found again by identity, and the memo tables keyed by id() hit: without interning, every
# child of a long element rebuilt the next-element list from the whole content model
# (Bronte's 4 MB novel: 330 s).
_POOL: dict = {}


def _node(kind: str, a, b=None) -> tuple:
    key = (kind, id(a), id(b))
    found = _POOL.get(key)
    if found is None:
        found = _POOL[key] = (kind, a) if b is None else (kind, a, b)
    return found


def _leaf(kind: str, value) -> tuple:
    key = (kind, value)
    found = _POOL.get(key)
    if found is None:
        found = _POOL[key] = (kind, value)
    return found


def _choice(a, b):
    if a is NA:
        return b
    if b is NA or a is b:
        return a
    return _node("choice", a, b)


def _sequence(kind: str, a, b):
    """A group or interleave of two patterns, simplified (notAllowed absorbs, empty is neutral)."""
    if a is NA or b is NA:
        return NA
    if a is EMPTY:
        return b
    if b is EMPTY:
        return a
    return _node(kind, a, b)


def _group(a, b):
    return _sequence("group", a, b)


def _inter(a, b):
    return _sequence("inter", a, b)


def _fold(fn, items, unit):
    out = unit
    for item in reversed(items):
        out = fn(item, out) if out is not unit else item
    return out


def _memo(cache: dict, p, q, compute):
    """compute(p, q), cached by p's identity (the pattern object is kept so its id stays valid)."""
    key = (id(p), q)
    hit = cache.get(key)
    if hit is not None and hit[0] is p:
        return hit[1]
    result = compute(p, q)
    cache[key] = (p, result)
    return result


class ContentModels:
    """Content patterns of a grammar as hashable tuples, with derivative matching."""

    def __init__(self, grammar: Grammar):
        self.g = grammar
        self._defs: dict[str, tuple] = {}
        self._nullable: dict = {}
        self._by_name: dict = {}
        self._content: dict = {}
        self._deriv: dict = {}  # (id(p), qname) -> (p, result); p kept alive so ids stay unique
        self._next: dict = {}  # (id(p), qname) -> (p, element patterns)
        self._passed: dict = {}  # (id(element pattern), child tags, has text) -> (pattern, child patterns)
        self._text_ok: dict = {}  # id(content pattern) -> (pattern, allows text)

    # -- conversion from RELAX NG XML --
    def convert(self, el: etree._Element) -> tuple:
        kind = rng_name(el)
        if kind in ("empty", "attribute"):
            return EMPTY
        if kind == "notAllowed":
            return NA
        if kind in ("text", "data", "value", "list"):
            return TEXT
        if kind == "ref":
            return _leaf("ref", el.get("name"))
        if kind == "element":
            key = ("el", id(el))
            if key not in _POOL:
                _POOL[key] = ("el", pattern_name_class(el), el)
            return _POOL[key]
        kids = [self.convert(c) for c in rng_children(el)]
        if kind == "choice":
            return _fold(_choice, kids, None) if kids else NA
        if kind == "interleave":
            return _fold(_inter, kids, None) if kids else EMPTY
        if kind == "mixed":
            return _inter(TEXT, self.group(kids))
        body = self.group(kids)
        if kind == "group":
            return body
        if kind == "oneOrMore":
            return _node("more", body) if body not in (EMPTY, NA, TEXT) else body
        if kind == "zeroOrMore":
            return _choice(_node("more", body), EMPTY) if body not in (EMPTY, NA, TEXT) else _choice(body, EMPTY)
        if kind == "optional":
            return _choice(body, EMPTY)
        return EMPTY  # unknown or annotation: contributes no element children

    @staticmethod
    def group(kids):
        return _fold(_group, kids, None) if kids else EMPTY

    def define(self, name: str) -> tuple:
        if name not in self._defs:
            self._defs[name] = NA  # guard; non-element cycles are illegal RELAX NG
            body = self.g.defines.get(name)
            self._defs[name] = self.group([self.convert(c) for c in rng_children(body)]) if body is not None else NA
        return self._defs[name]

    def content_of(self, element_pattern: etree._Element) -> tuple:
        key = id(element_pattern)
        if key not in self._content:
            self._content[key] = (element_pattern,
                                  self.group([self.convert(c) for c in pattern_content(element_pattern)]))
        return self._content[key][1]

    # -- derivatives --
    def nullable(self, p) -> bool:
        hit = self._nullable.get(id(p))
        if hit is not None and hit[0] is p:
            return hit[1]
        result = self._nullable_uncached(p)
        self._nullable[id(p)] = (p, result)
        return result

    def _nullable_uncached(self, p) -> bool:
        kind = p[0]
        if kind in ("empty", "text"):
            return True
        if kind in ("na", "el"):
            return False
        if kind == "ref":
            return self.nullable(self.define(p[1]))
        if kind == "more":
            return self.nullable(p[1])
        if kind == "choice":
            return self.nullable(p[1]) or self.nullable(p[2])
        return self.nullable(p[1]) and self.nullable(p[2])

    def deriv(self, p, q) -> tuple:
        """The pattern left after p has matched an element named q (NA if it cannot)."""
        return _memo(self._deriv, p, q, self._deriv_uncached)

    def _deriv_uncached(self, p, q) -> tuple:
        kind = p[0]
        if kind in ("empty", "text", "na"):
            return NA
        if kind == "el":
            return EMPTY if nc_matches(p[1], q) else NA
        if kind == "ref":
            return self.deriv(self.define(p[1]), q)
        if kind == "choice":
            return _choice(self.deriv(p[1], q), self.deriv(p[2], q))
        if kind == "group":
            first = _group(self.deriv(p[1], q), p[2])
            return _choice(first, self.deriv(p[2], q)) if self.nullable(p[1]) else first
        if kind == "inter":
            return _choice(_inter(self.deriv(p[1], q), p[2]), _inter(p[1], self.deriv(p[2], q)))
        return _group(self.deriv(p[1], q), _choice(p, EMPTY))  # more

    def expected(self, p, seen=None) -> list:
        """Name classes that may come next (and 'text' if text may)."""
        seen = set() if seen is None else seen
        kind = p[0]
        if kind == "el":
            return [p[1]]
        if kind == "text":
            return ["text"]
        if kind == "ref":
            if p[1] in seen:
                return []
            seen.add(p[1])
            return self.expected(self.define(p[1]), seen)
        if kind == "more":
            return self.expected(p[1], seen)
        if kind == "choice" or kind == "inter":
            return self.expected(p[1], seen) + self.expected(p[2], seen)
        if kind == "group":
            head = self.expected(p[1], seen)
            return head + self.expected(p[2], seen) if self.nullable(p[1]) else head
        return []

    def attributes(self):
        """The attribute side of the same grammar (attributes.AttributeModels)."""
        if not hasattr(self, "_attributes"):
            self._attributes = AttributeModels(self)
        return self._attributes

    def element_patterns_next(self, p, q) -> list[etree._Element]:
        """The element patterns among p's next possible elements that match name q."""
        return _memo(self._next, p, q, self._element_patterns_next)

    def _element_patterns_next(self, p, q) -> list[etree._Element]:
        out = []
        for item in self._first_elements(p, set()):
            if nc_matches(item[1], q) and item[2] not in out:
                out.append(item[2])
        return out

    def _first_elements(self, p, seen) -> list:
        kind = p[0]
        if kind == "el":
            return [p]
        if kind == "ref":
            if p[1] in seen:
                return []
            seen.add(p[1])
            return self._first_elements(self.define(p[1]), seen)
        if kind == "more":
            return self._first_elements(p[1], seen)
        if kind in ("choice", "inter"):
            return self._first_elements(p[1], seen) + self._first_elements(p[2], seen)
        if kind == "group":
            head = self._first_elements(p[1], seen)
            return head + self._first_elements(p[2], seen) if self.nullable(p[1]) else head
        return []

    def patterns_for(self, qname) -> list[etree._Element]:
        """Element patterns whose name class matches qname (named ones if there are any)."""
        if qname not in self._by_name:
            matching = [(nc, el) for nc, el in self.g.element_patterns() if nc_matches(nc, qname)]
            named = [el for nc, el in matching if nc[0] == "name"]
            # a wildcard (e.g. "any TEI element") accepts everything: blame the named patterns first
            self._by_name[qname] = named or [el for _, el in matching]
        return self._by_name[qname]


def describe_expected(items: list, limit: int = 12, end_of: str | None = None) -> str:
    """'the end of "p", text or "abbr", "add" (and 9 more)': what may come next."""
    labels = []
    for item in items:
        label = "text" if item == "text" else f'"{nc_label(item)}"'
        if label not in labels:
            labels.append(label)
    labels.sort(key=lambda label: (label != "text", label))
    shown = ", ".join(labels[:limit]) + (f" (and {len(labels) - limit} more)" if len(labels) > limit else "")
    if end_of is not None:
        return f'the end of "{end_of}"' + (f" or {shown}" if labels else "")
    return shown or "nothing more"


def check_element(models: ContentModels, el: etree._Element, patterns: list) -> tuple[list, dict]:
    """(content-model errors of el's children, {child: element patterns it was matched by}).

    With several candidate patterns, the one with fewest errors is blamed."""
    if not patterns:
        return [], {}
    best, best_children = None, {}
    merged: dict = {}
    for pattern in patterns:
        findings, children = _match_children(models, pattern, el)
        if not findings:
            return [], children
        for child, pats in children.items():
            merged.setdefault(child, []).extend(p for p in pats if p not in merged.get(child, []))
        if best is None or len(findings) < len(best):
            best, best_children = findings, children
    return best, merged or best_children


def _match_children(models: ContentModels, pattern: etree._Element, el: etree._Element):
    """Run el's children through the pattern's content model; a child that cannot match is
    reported and skipped (as Jing recovers), so later children are still checked.

    A pattern and a sequence of child names (and whether there is text) that passed once
    pass again: such results are kept, so a novel's 90,000 `w` are matched a few times."""
    kids = [child for child in el.iterchildren(etree.Element)]
    key = (id(pattern), tuple(child.tag for child in kids), _has_text(el))
    known = models._passed.get(key)
    if known is not None and known[0] is pattern:
        return [], dict(zip(kids, known[1]))
    findings, children = _match_children_uncached(models, pattern, el)
    if not findings:
        if len(models._passed) > 100_000:
            models._passed.clear()
        models._passed[key] = (pattern, [children[child] for child in kids])
    return findings, children


def _match_children_uncached(models: ContentModels, pattern: etree._Element, el: etree._Element):
    p = models.content_of(pattern)
    name = display_name(el)
    children: dict = {}
    findings: list[Finding] = []
    for child in el.iterchildren(etree.Element):
        q = qname_of(child)
        nxt = models.deriv(p, q)
        if nxt == NA:
            missing = _missing_before(models, p, q)
            if missing is None:
                findings.append(Finding(child, _not_allowed(models, child, name, p)))
                continue
            # as Jing: the culprit is the element missing before this one; go on as if it were there
            findings.append(Finding(child, f'element "{display_name(child)}" not allowed yet in "{name}"; '
                                           f'missing required element "{nc_label(missing[1])}"'))
            p = models.deriv(p, missing[0])
            nxt = models.deriv(p, q)
        children[child] = models.element_patterns_next(p, q)
        p = nxt
    if not models.nullable(p):
        findings.append(Finding(el, f'element "{name}" incomplete; {_what_is_missing(models.expected(p))}'))
    if _has_text(el) and not _allows_text_cached(models, models.content_of(pattern)):
        findings.append(Finding(el, f'text not allowed in "{name}"'))
    return findings, children


def _what_is_missing(expected: list) -> str:
    """'missing required element "channel"' when one element must come, else 'expected …'."""
    names = {nc_label(nc) for nc in expected if nc != "text"}
    if len(names) == 1 and "text" not in expected and expected[0][0] == "name":
        return f'missing required element "{names.pop()}"'
    return f"expected {describe_expected(expected)}"


def _missing_before(models: ContentModels, p, q):
    """(qname, name class) of a required element whose absence is why q cannot come here:
    q could come right after it. None if there is no such element."""
    if models.nullable(p):
        return None
    for nc in models.expected(p):
        if nc == "text" or nc[0] != "name":
            continue
        r = (nc[1], nc[2])
        after = models.deriv(p, r)
        if after is not NA and models.deriv(after, q) is not NA:
            return r, nc
    return None


def _not_allowed(models: ContentModels, child: etree._Element, parent_name: str, p) -> str:
    where = "anywhere" if not models.patterns_for(qname_of(child)) else "here"
    end = parent_name if models.nullable(p) else None
    expected = models.expected(p)
    return (f'element "{display_name(child)}"{_namespace_note(child, expected)} not allowed {where} '
            f'in "{parent_name}"; expected {describe_expected(expected, end_of=end)}'
            f"{_namespace_hint(child, expected)}")


def _namespace_note(el: etree._Element, expected: list) -> str:
    """' in no namespace' when an expected element has this local name in another namespace."""
    return f" in {_namespace_label(qname_of(el)[0])}" if _namesake(el, expected) else ""


def _namespace_hint(el: etree._Element, expected: list) -> str:
    other = _namesake(el, expected)
    return f' ("{other[2]}" is expected in {_namespace_label(other[1])})' if other else ""


def _namesake(el: etree._Element, expected: list):
    ns, local = qname_of(el)
    for item in expected:
        if item != "text" and item[0] == "name" and item[2] == local and item[1] != ns:
            return item
    return None


def _namespace_label(ns: str) -> str:
    return f'namespace "{ns}"' if ns else "no namespace"


def _has_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


def _allows_text_cached(models: ContentModels, p) -> bool:
    hit = models._text_ok.get(id(p))
    if hit is None or hit[0] is not p:
        hit = models._text_ok[id(p)] = (p, _allows_text(models, p))
    return hit[1]


def _allows_text(models: ContentModels, p, seen=None) -> bool:
    seen = set() if seen is None else seen
    kind = p[0]
    if kind == "text":
        return True
    if kind == "ref":
        if p[1] in seen:
            return False
        seen.add(p[1])
        return _allows_text(models, models.define(p[1]), seen)
    if kind in ("choice", "group", "inter"):
        return _allows_text(models, p[1], seen) or _allows_text(models, p[2], seen)
    if kind == "more":
        return _allows_text(models, p[1], seen)
    return False


def check_root(models: ContentModels, root: etree._Element) -> tuple[Finding | None, list]:
    start = models.group([models.convert(c) for c in rng_children(models.g.start)])
    q = qname_of(root)
    if models.deriv(start, q) == NA:
        expected = models.expected(start)
        return Finding(root, f'element "{display_name(root)}"{_namespace_note(root, expected)} not allowed as '
                             f"the document element; expected {describe_expected(expected)}"
                             f"{_namespace_hint(root, expected)}"), []
    return None, models.element_patterns_next(start, q)


def check_tree(models: ContentModels, root: etree._Element, subtree_valid=None,
               chunk_min: int | None = None) -> list[Finding]:
    """Every content-model and attribute error, each element checked against the pattern its
    parent's content model matched it with (as Jing does), in document order.

    `subtree_valid(el, patterns)`, if given, says that an element's whole subtree is valid
    (libxml2 on a grammar starting at its pattern): the subtree is then skipped."""
    first, root_patterns = check_root(models, root)
    attrs = models.attributes()
    findings = [first] if first is not None else []  # a wrong root: go on inside it, as Jing does
    todo = [(root, root_patterns, subtree_valid is not None)]
    while todo:
        el, patterns, spine = todo.pop()
        patterns = patterns or models.patterns_for(qname_of(el))
        if not patterns:  # unknown to the grammar (already reported): report unknown children
            findings += _unknown_children(models, el)
            todo += [(c, None, spine) for c in reversed(el) if isinstance(c.tag, str)]
            continue
        if spine and el is not root:
            size = _size_class(el, CHUNK_MIN if chunk_min is None else chunk_min)
            if (size == _CHUNK or (size == _SPINE and len(el) >= WIDE)) and subtree_valid(el, patterns):
                continue
            spine = size == _SPINE  # inside a small or invalid chunk the walk goes on in Python
        errors, children = check_element(models, el, patterns)
        findings += errors
        findings += check_attributes(attrs, el, patterns)
        todo += [(c, children.get(c), spine) for c in reversed(el) if isinstance(c.tag, str)]
    return findings + duplicate_ids(root)


# A large document is cut into chunks: the largest subtrees of at most CHUNK_MAX elements
# (and at least CHUNK_MIN: below that the Python walk is cheaper than compiling a grammar).
# libxml2 checks each chunk once; only the elements above the chunks (the spine) and the
# chunks libxml2 finds invalid are walked in Python.
CHUNK_MIN, CHUNK_MAX = 500, 10_000
# A spine element with this many children (a long list, a flat division of paragraphs) is
# first checked whole by libxml2: its children are mostly too small to be chunks, and walking
# them all in Python cost 35 times libxml2's pass (a flat division of 10⁵ elements).
WIDE = 500
CHUNK_MIN_LARGE = 8  # in a document of more than CHUNK_MAX elements: its grammars pay off
_SMALL, _CHUNK, _SPINE = 0, 1, 2


def _size_class(el: etree._Element, chunk_min: int) -> int:
    if not len(el):
        return _SMALL
    count = 0
    for _ in el.iter(etree.Element):
        count += 1
        if count > CHUNK_MAX:
            return _SPINE
    return _CHUNK if count >= chunk_min else _SMALL


def _unknown_children(models: ContentModels, el: etree._Element) -> list[Finding]:
    """Inside an element the grammar does not know, its children the grammar does not know
    either (known ones are checked against their own patterns)."""
    return [Finding(child, f'element "{display_name(child)}" not allowed anywhere (inside "{display_name(el)}")')
            for child in el.iterchildren(etree.Element) if not models.patterns_for(qname_of(child))]


def duplicate_ids(root: etree._Element) -> list[Finding]:
    """Every xml:id used a second time (the parser was told to accept them)."""
    first: dict[str, etree._Element] = {}
    findings = []
    for el in root.iter(etree.Element):
        value = el.get(XML_ID)
        if value is None:
            continue
        if value in first:
            findings.append(Finding(el, f'xml:id "{value}" already used (line {first[value].sourceline})'))
        else:
            first[value] = el
    return findings


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
