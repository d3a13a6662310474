"""XPath 3.1 over TEI documents, the TEI namespace as default and as `tei:`.

Each expression is parsed by elementpath (XPath 3.1: errors with positions). An expression
that means the same in XPath 1.0, optionally ending in a step such as `/string()`, is also
compiled for libxml2 (element names given the `tei:` prefix), which answers it in C with
XPath's string values and whitespace; every other expression runs on elementpath. See
docs/query.md for what elementpath gets wrong and how teikit works around it.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .errors import TeikitError, UsageError
from .tei import TEI_NS, XML_NS, parse_xml_file

NAMESPACES = {"tei": TEI_NS, "xml": XML_NS}


class QueryError(TeikitError):
    """The XPath expression could not be evaluated on a document."""


@dataclass(frozen=True)
class Item:
    """One result: its kind ('element', 'attribute', 'text', 'atomic'), value, and source line."""

    kind: str
    value: str
    line: int | None = None
    name: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class FileResult:
    """A file's answers: `answers[i]` lists the items of expression i (`items`: the first's)."""

    file: str
    answers: list[list[Item]] = field(default_factory=list)
    error: str | None = None

    @property
    def items(self) -> list[Item]:
        return self.answers[0] if self.answers else []

    @items.setter
    def items(self, value: list[Item]) -> None:
        self.answers = [value]


@dataclass(frozen=True)
class Query:
    """A parsed expression: elementpath's token, and libxml2's version when one has the same
    meaning (`tail`: a function applied to each node it selects, e.g. "string")."""

    source: str
    token: object
    lxml: etree.XPath | None = None
    tail: str | None = None


def compile_xpath(expression: str) -> Query:
    """Parse once; raise UsageError with the parser's message and position on a bad expression."""
    from elementpath import ElementPathError
    from elementpath.xpath3 import XPath3Parser

    parser = XPath3Parser(namespaces=NAMESPACES, default_namespace=TEI_NS)
    try:
        token = parser.parse(expression)
    except ElementPathError as exc:
        raise UsageError(f"bad XPath expression: {exc}") from None
    lxml, tail = _as_xpath1(expression)
    return Query(expression, token, lxml, tail)


def query(expression, tree) -> list[Item]:
    """Evaluate an XPath 3.1 expression (string or compiled) on one TEI tree."""
    compiled = compile_xpath(expression) if isinstance(expression, str) else expression
    return _Document(tree).answer(compiled)


class _Document:
    """One parsed document answering several expressions; elementpath's view of it (slow to
    build on large files) is built once, and only if an expression needs it."""

    def __init__(self, tree):
        self.tree = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
        self._context_root = None

    def answer(self, q: Query) -> list[Item]:
        if q.lxml is not None:
            try:
                return _lxml_items(q, q.lxml(self.tree))
            except etree.XPathError:
                pass  # e.g. a type error libxml2 reports and XPath 3.1 may not: ask elementpath
        return self._elementpath(q)

    def _elementpath(self, q: Query) -> list[Item]:
        from elementpath import ElementPathError, XPathContext, get_node_tree

        if self._context_root is None:
            self._context_root = get_node_tree(self.tree, namespaces=NAMESPACES)
        try:
            results = q.token.get_results(XPathContext(self._context_root))
        except ElementPathError as exc:
            raise QueryError(str(exc)) from None
        if not isinstance(results, list):
            results = [results]
        return [_item(r) for r in _document_order(results, self.tree)]


# -- XPath 1.0 translation --------------------------------------------------------------------

_XPATH1_FUNCTIONS = {
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
    "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
    "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
    "floor", "ceiling", "round",
}
_NODE_TESTS = {"node", "text", "comment", "processing-instruction"}
_TAILS = {"string", "normalize-space", "data", "name", "local-name", "string-length"}
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>"[^"]*"|'[^']*')
  | (?P<num>\d+(?:\.\d*)?|\.\d+)
  | (?P<op>//|::|\.\.|!=|<=|>=|[/()\[\]@,|=<>+\-*.$])
  | (?P<name>[A-Za-z_][\w.\-]*(?::(?:[A-Za-z_][\w.\-]*|\*))?)
""", re.X)
_TAIL = re.compile(r"^(?P<path>.*\S)\s*/\s*(?P<fn>[a-z-]+)\(\s*\)\s*$", re.S)


def _as_xpath1(expression: str) -> tuple[etree.XPath | None, str | None]:
    """libxml2's XPath for an expression that means the same in XPath 1.0 (None if unsure)."""
    tail = None
    m = _TAIL.match(expression)
    if m and m.group("fn") in _TAILS:
        expression, tail = m.group("path"), m.group("fn")
    rewritten = _prefix_element_names(expression)
    if rewritten is None:
        return None, None
    try:
        return etree.XPath(rewritten, namespaces=NAMESPACES), tail
    except etree.XPathSyntaxError:
        return None, None


def _prefix_element_names(expression: str) -> str | None:
    """The expression with `tei:` before each unprefixed element name test, or None when it
    uses anything whose XPath 1.0 meaning differs from 3.1's (relational comparisons of
    strings, variables, functions outside XPath 1.0)."""
    tokens = []
    pos = 0
    while pos < len(expression):
        m = _TOKEN.match(expression, pos)
        if m is None:
            return None
        pos = m.end()
        if m.lastgroup != "ws":
            tokens.append((m.lastgroup, m.group()))
    out, operand_end = [], False
    for i, (kind, text) in enumerate(tokens):
        nxt = tokens[i + 1][1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1][1] if i else None
        if kind == "op" and text in ("<", ">", "<=", ">=", "$"):
            return None
        if kind == "name":
            if nxt == "(":
                if text not in _XPATH1_FUNCTIONS and text not in _NODE_TESTS:
                    return None
                operand_end = False
            elif nxt == "::" or operand_end:  # an axis, or the operator `and`, `or`, `div`, `mod`
                operand_end = False
            else:
                attribute = prev == "@" or (prev == "::" and i >= 2 and tokens[i - 2][1] in ("attribute", "namespace"))
                if ":" not in text and not attribute:
                    text = f"tei:{text}"
                operand_end = True
        elif kind == "op":
            operand_end = text in (")", "]", ".", "..") or (text == "*" and not operand_end)
        else:
            operand_end = True
        out.append(text)
    return " ".join(out)


def _lxml_items(q: Query, result) -> list[Item]:
    if not isinstance(result, list):
        return [_atomic(result)]
    if q.tail is None:
        return [_item(r) for r in result]
    return [_tail_item(q.tail, node) for node in result]


def _tail_item(fn: str, node) -> Item:
    line = _line_of(node)
    if fn in ("name", "local-name"):
        name = _node_name(node)
        return Item("atomic", name if fn == "name" else name.rpartition(":")[2], line)
    value = string_value(node)
    if fn == "normalize-space":
        value = normalize_space(value)
    elif fn == "string-length":
        return Item("atomic", str(len(value)), line)
    return Item("atomic", value, line)


def string_value(node) -> str:
    """XPath's string value: an element's descendant text in document order."""
    if isinstance(node, etree._Element):
        return node.xpath("string()")
    return str(node)


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def normalize_space(text: str) -> str:
    """XPath's normalize-space: only space, tab, CR and LF are whitespace (U+00A0 is not)."""
    return _XML_SPACE.sub(" ", text).strip(" \t\r\n")


def _node_name(node) -> str:
    if isinstance(node, etree._Element):
        return etree.QName(node).localname if node.prefix is None else f"{node.prefix}:{etree.QName(node).localname}"
    if isinstance(node, etree._ElementUnicodeResult) and node.is_attribute:
        q = etree.QName(node.attrname)
        return ("xml:" if q.namespace == XML_NS else "") + q.localname
    return ""


def _line_of(node) -> int | None:
    if isinstance(node, etree._Element):
        return node.sourceline
    parent = node.getparent() if isinstance(node, etree._ElementUnicodeResult) else None
    return parent.sourceline if parent is not None else None


def _atomic(value) -> Item:
    if isinstance(value, bool):
        return Item("atomic", "true" if value else "false")
    if isinstance(value, float):
        return Item("atomic", _number(value))
    return Item("atomic", str(value))


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


# -- results -----------------------------------------------------------------------------------

def _document_order(results: list, tree) -> list:
    """Element results sorted into document order (elementpath may return them out of it)."""
    if len(results) < 2 or not all(isinstance(r, etree._Element) for r in results):
        return results
    wanted = {id(r) for r in results}
    position = {id(el): i for i, el in enumerate(tree.iter()) if id(el) in wanted}
    return sorted(results, key=lambda r: position.get(id(r), -1))


def _item(result) -> Item:
    if isinstance(result, etree._Element):
        return Item("element", _one_line_xml(result), result.sourceline, etree.QName(result).localname)
    if isinstance(result, etree._ElementUnicodeResult):
        parent = result.getparent()
        kind = "attribute" if result.is_attribute else "text"
        name = result.attrname if result.is_attribute else None
        return Item(kind, str(result), parent.sourceline if parent is not None else None,
                    etree.QName(name).localname if name else None)
    if hasattr(result, "name") and hasattr(result, "value") and not isinstance(result, str):
        name = getattr(result, "name", None)
        return Item("attribute", str(result.value), None, etree.QName(name).localname if name else None)
    if isinstance(result, (bool, float)):
        return _atomic(result)
    return Item("atomic", str(result))


def _one_line_xml(el: etree._Element) -> str:
    text = etree.tostring(el, encoding="unicode", with_tail=False)
    return text.replace(f' xmlns="{TEI_NS}"', "")


def tei_files(paths: list[str]) -> list[Path]:
    """Files named, and *.xml files under directories named (sorted); a directory without
    any is a usage error."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.xml") if q.is_file())
            if not found:
                raise UsageError(f"{p}: no *.xml file in this folder")
            out.extend(found)
        else:
            out.append(p)
    return out


def read_expressions(path: str) -> list[str]:
    """Expressions of a file: one per line; blank lines and lines starting with '#' skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read expressions: {exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def query_files(expressions, paths: list[str], jobs: int = 1) -> list[FileResult]:
    """Evaluate every expression on every file, each file parsed once; unreadable files and
    evaluation errors are reported per file. `jobs` > 1: that many worker processes."""
    expressions = [expressions] if isinstance(expressions, str) else list(expressions)
    for e in expressions:
        compile_xpath(e)  # a bad expression is a usage error before any file is read
    files = [os.fspath(p) for p in tei_files(paths)]
    if jobs <= 1 or len(files) < 2:
        return [_answer_file(f, tuple(expressions)) for f in files]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        return list(pool.map(_answer_file, files, [tuple(expressions)] * len(files), chunksize=4))


_COMPILED: dict = {}


def _answer_file(path: str, expressions: tuple) -> FileResult:
    compiled = _COMPILED.get(expressions)
    if compiled is None:
        _COMPILED.clear()
        compiled = _COMPILED[expressions] = [compile_xpath(e) for e in expressions]
    fr = FileResult(path)
    try:
        doc = _Document(parse_xml_file(path))
        fr.answers = [doc.answer(q) for q in compiled]
    except TeikitError as exc:
        fr.error = exc.message
    return fr


# `teikit.<this module>` is also the public function of the same name (teikit._callable_module).
from . import _callable_module  # noqa: E402

_callable_module(__import__("sys").modules[__name__])
