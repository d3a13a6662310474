"""XSLT's key() for Schematron: each xsl:key indexed over the document on first use."""
from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from .classify import REGEXP_NS, context_selector


class KeyDefinition(NamedTuple):
    """An xsl:key, analysed once for its rule set."""

    name: str
    selector: str  # the nodes of `match`
    use: str
    values: object  # a function node -> [str] computing `use` in Python, or None (see attribute_matches)


def key_definitions(keys: tuple, namespaces: dict) -> tuple[KeyDefinition, ...]:
    """KeyDefinitions of ((name, match, use), ...)."""
    return tuple(KeyDefinition(name, context_selector(match), use, attribute_matches(use, namespaces))
                 for name, match, use in keys)


class KeyIndex:
    """key() over one document: `xpath(expr)` gives that document's compiled evaluators."""

    def __init__(self, definitions: tuple, xpath, tree: etree._ElementTree):
        self.definitions = {d.name: d for d in definitions}
        self.xpath = xpath
        self.tree = tree
        self.indexes: dict[str, dict] = {}

    def lookup(self, name: str, value) -> list:
        if name not in self.definitions:
            raise ValueError(f"key() with undeclared key {name!r}")
        index = self.indexes.get(name)
        if index is None:  # an empty index is built once too
            index = self._build(name)
        wanted = (value,) if isinstance(value, str) else strings(value)  # a string: the usual case
        if len(wanted) == 1:
            entries = index.get(wanted[0], ())
            if len(entries) <= 1:
                return [n for _, n in entries]
        found = {id(n): (pos, n) for v in wanted for pos, n in index.get(v, ())}
        return [n for _, n in sorted(found.values(), key=lambda item: item[0])]

    def _build(self, name: str) -> dict:
        definition = self.definitions[name]
        index: dict[str, list] = {}
        nodes = self.xpath(definition.selector)(self.tree)
        values = definition.values
        if values is None or not all(isinstance(node, etree._Element) for node in nodes):
            use_xpath = self.xpath(definition.use)
            values = lambda node: strings(use_xpath(node))  # noqa: E731
        for pos, node in enumerate(nodes):
            for v in values(node):
                index.setdefault(v, []).append((pos, node))
        self.indexes[name] = index
        return index


_ATTRIBUTE_MATCHES = re.compile(r"\s*([A-Za-z_][\w.-]*):match\(\s*@([A-Za-z_][\w.-]*)\s*,\s*'([^']*)'\s*,\s*'g'\s*\)\s*")


def attribute_matches(use: str, namespaces: dict):
    """For a key's `use` of the shape `re:match(@a, 'regex', 'g')` (EXSLT, a regex without
    groups), a function giving a node's values in Python: what lxml's re:match does
    (`findall` on the attribute's value, '' when absent) without building an element per
    match and calling back for each node. None for any other `use`."""
    m = _ATTRIBUTE_MATCHES.fullmatch(use)
    if m is None or namespaces.get(m.group(1)) != REGEXP_NS:
        return None
    try:
        regex = re.compile(m.group(3), re.UNICODE)
    except re.error:
        return None  # let libxml2 report it as before
    if regex.groups:
        return None
    attribute, findall = m.group(2), regex.findall
    return lambda node: findall(node.get(attribute, ""))


def strings(value) -> list[str]:
    """An XPath 1.0 result as strings: each node's string value, or the one atomic value."""
    if isinstance(value, list):
        return [lxml_string(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def lxml_string(r) -> str:
    if isinstance(r, etree._Element):
        return "".join(r.itertext())
    return str(r)
