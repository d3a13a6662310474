"""Which expressions are plain XPath 1.0 (libxml2 can run them with the same meaning as XPath 2.0),
the selector of a rule context, and rewritings into XPath 1.0."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .scan import calls_any, function_calls, prefixes, split_union, strip_strings, variables

XPATH1_FUNCTIONS = frozenset({
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
    "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
    "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
    "floor", "ceiling", "round", "node", "text", "comment", "processing-instruction",
})
_OPERATORS = ("and", "or", "div", "mod")  # before a parenthesis: operators, not calls
EXSLT_NAMESPACES = frozenset({
    "http://exslt.org/dates-and-times", "http://exslt.org/regular-expressions",
    "http://exslt.org/sets", "http://exslt.org/math", "http://exslt.org/common",
})
REGEXP_NS = "http://exslt.org/regular-expressions"
BATCH_VARIABLE = "teikit-batch-nodes"  # the nodes a check runs on at once (LxmlEngine.failing)


def is_xpath1(expr: str, namespaces: dict, variables_in_scope: tuple = (), functions: tuple = ()) -> bool:
    """True if expr is XPath 1.0 (+ EXSLT functions of declared prefixes, + `functions` such as
    XSLT's key()) meaning the same in XPath 2.0 as far as we can tell: only XPath 1 functions,
    only the variables in scope, and libxml2 compiles it."""
    return _is_xpath1(expr, ns_items(namespaces), variables_in_scope, functions)


@lru_cache(maxsize=4096)
def _is_xpath1(expr: str, namespaces: tuple, variables_in_scope: tuple, functions: tuple) -> bool:
    """is_xpath1, remembered: a rule set asks again for its selectors and lets."""
    if "(:" in strip_strings(expr) or any(v not in variables_in_scope for v in variables(expr)):
        return False
    uris = dict(namespaces)
    for name in function_calls(expr):
        prefix = name.split(":", 1)[0] if ":" in name else None
        if (name not in XPATH1_FUNCTIONS and name not in _OPERATORS and name not in functions
                and uris.get(prefix) not in EXSLT_NAMESPACES):
            return False
    try:
        compile_xpath(expr, namespaces)
    except etree.XPathSyntaxError:
        return False
    return True


def ns_items(namespaces: dict) -> tuple:
    """A namespace map as a hashable value."""
    return tuple(sorted(namespaces.items()))


@lru_cache(maxsize=4096)
def setup(expr: str, namespaces: tuple) -> tuple[dict, bool, bool]:
    """What libxml2 needs for `expr`: (the namespaces of its prefixes, whether it calls key(),
    whether it needs EXSLT's regular expressions). Each costs time to set up and to free, and
    evaluators are made for every document. The dict is shared: read it only."""
    named = prefixes(expr)
    used = {p: uri for p, uri in namespaces if p in named}
    return used, "key" in function_calls(expr), REGEXP_NS in used.values()


def compile_xpath(expr: str, namespaces: tuple, key_function=None, like: str | None = None) -> etree.XPath:
    """libxml2's XPath for `expr`, set up with only what it uses (or what `like` uses, when
    `expr` only wraps it in names of no namespace); key() calls `key_function`."""
    used, calls_key, regexp = setup(like or expr, namespaces)
    extensions = {(None, "key"): key_function or _no_key} if calls_key else None
    return etree.XPath(expr, namespaces=used, extensions=extensions, regexp=regexp)


def _no_key(context, name, value):
    raise ValueError("key() outside a Schematron evaluation")


def context_dependent(expr: str) -> bool:
    """True when `expr` asks for its context position or size, or names the batch variable: it
    cannot then be evaluated as a predicate over a node-set other than its own step's."""
    return calls_any(expr, ("position", "last"), BATCH_VARIABLE)


def context_selector(context: str) -> str:
    """An expression selecting every node a Schematron rule context matches."""
    return " | ".join(b if b.startswith("/") else "//" + b for b in split_union(context))


_ATTRIBUTE_LAST = re.compile(r"@[\w:*]+\s*$")


def selects_attributes(context: str) -> bool:
    """True when the context's last step is an attribute (libxml2 is not asked to match those)."""
    return _ATTRIBUTE_LAST.search(context) is not None


_NODE_ORDER = re.compile(r"^\s*(?P<a>[^<>]+?)\s*(?P<op>>>|<<)\s*\.\s*$", re.S)


def node_order_as_xpath1(test: str) -> str:
    """`A >> .` and `A << .` (XPath 2.0's node order; A one node or none) written in XPath 1.0,
    so that libxml2 evaluates them: on elementpath each costs two walks of the whole tree (the
    TEI's spanTo rule took 50 s on a 550 KB transcription with 290 spans). The context
    precedes A when it is among A's preceding nodes or ancestors; follows it when among its
    following nodes or descendants. Anything else (string literals included) is unchanged."""
    m = _NODE_ORDER.match(test)
    if m is None or "'" in test or '"' in test:
        return test
    a = m.group("a")
    axes = ("preceding", "ancestor") if m.group("op") == ">>" else ("following", "descendant")
    return "(" + " or ".join(f"count(({a})/{axis}::node() | .) = count(({a})/{axis}::node())" for axis in axes) + ")"
