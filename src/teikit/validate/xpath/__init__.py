"""XPath for Schematron, in the order an expression meets it:

- scan.py: the one scanner (tokens; splits, predicates, calls, variables from the tokens);
- classify.py: which expressions are plain XPath 1.0, rule contexts as selectors, rewritings;
- prefilter.py: what names a context needs, its XPath 1.0 version, contexts answered from the
  document's attribute index;
- engines.py: libxml2 (LxmlEngine) and elementpath (XPath2Engine) behind one interface, and
  one document's compiled evaluators;
- keys.py: XSLT's key().

A rule whose expressions are all XPath 1.0 (same meaning in 2.0: only XPath 1 functions, EXSLT
functions of declared prefixes, key(), the rule's own variables, element contexts) runs on
libxml2, which is fast and needs no extra import. Every other rule runs on elementpath
(`current()` is provided as a variable). Nothing here knows Schematron's rules: rules.py and
schematron.py use this package, never the other way.
"""
from __future__ import annotations

from .classify import (BATCH_VARIABLE, EXSLT_NAMESPACES, compile_xpath, context_dependent, context_selector,
                       is_xpath1, node_order_as_xpath1, ns_items, selects_attributes)
from .engines import ContextPlan, Evaluators, LxmlEngine, XPath2Engine, necessary_path, plan_context
from .keys import KeyDefinition, KeyIndex, attribute_matches, key_definitions
from .prefilter import (IndexedContext, Needs, context_attributes, context_names, context_paths, indexed_context,
                        indexed_select, might_match, names_might_match, needs, prefilter_selector,
                        selects_something)
from .scan import strip_strings

__all__ = [
    "BATCH_VARIABLE", "EXSLT_NAMESPACES", "ContextPlan", "Evaluators", "IndexedContext", "KeyDefinition", "KeyIndex",
    "LxmlEngine", "Needs", "XPath2Engine", "attribute_matches", "compile_xpath", "context_attributes",
    "context_dependent", "context_names", "context_paths", "context_selector", "indexed_context", "indexed_select",
    "is_xpath1", "key_definitions", "might_match", "names_might_match", "necessary_path", "needs",
    "node_order_as_xpath1", "ns_items", "plan_context", "prefilter_selector", "selects_attributes",
    "selects_something", "strip_strings",
]


def compiled_xpath(expr: str, namespaces: dict):
    """libxml2's XPath for `expr`, outside any document (tests, tools)."""
    return compile_xpath(expr, ns_items(namespaces))
