"""XPath 3.1 over TEI documents (elementpath), the TEI namespace as default and as `tei:`."""
from __future__ import annotations

import os
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
    file: str
    items: list[Item] = field(default_factory=list)
    error: str | None = None


def compile_xpath(expression: str):
    """Parse once; raise UsageError with the parser's message and position on a bad expression."""
    from elementpath import ElementPathError
    from elementpath.xpath3 import XPath3Parser

    parser = XPath3Parser(namespaces=NAMESPACES, default_namespace=TEI_NS)
    try:
        return parser.parse(expression)
    except ElementPathError as exc:
        raise UsageError(f"bad XPath expression: {exc}") from None


def query(expression, tree: etree._ElementTree) -> list[Item]:
    """Evaluate an XPath 3.1 expression (string or compiled) on one TEI tree."""
    from elementpath import ElementPathError, XPathContext

    token = compile_xpath(expression) if isinstance(expression, str) else expression
    try:
        results = token.get_results(XPathContext(tree))
    except ElementPathError as exc:
        raise QueryError(str(exc)) from None
    if not isinstance(results, list):
        results = [results]
    return [_item(r) for r in results]


def _item(result) -> Item:
    if isinstance(result, etree._Element):
        return Item("element", _one_line_xml(result), result.sourceline, etree.QName(result).localname)
    if hasattr(result, "name") and hasattr(result, "value") and not isinstance(result, str):
        name = getattr(result, "name", None)
        return Item("attribute", str(result.value), None, etree.QName(name).localname if name else None)
    if isinstance(result, etree._ElementUnicodeResult):
        parent = result.getparent()
        kind = "attribute" if result.is_attribute else "text"
        name = result.attrname if result.is_attribute else None
        return Item(kind, str(result), parent.sourceline if parent is not None else None,
                    etree.QName(name).localname if name else None)
    if isinstance(result, bool):
        return Item("atomic", "true" if result else "false")
    return Item("atomic", str(result))


def _one_line_xml(el: etree._Element) -> str:
    text = etree.tostring(el, encoding="unicode", with_tail=False)
    return text.replace(f' xmlns="{TEI_NS}"', "")


def tei_files(paths: list[str]) -> list[Path]:
    """Files named, and *.xml files under directories named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.xml") if q.is_file()))
        else:
            out.append(p)
    return out


def query_files(expression: str, paths: list[str]) -> list[FileResult]:
    """Evaluate on every file; unreadable files and evaluation errors are reported per file."""
    token = compile_xpath(expression)
    results = []
    for path in tei_files(paths):
        fr = FileResult(os.fspath(path))
        try:
            fr.items = query(token, parse_xml_file(path))
        except TeikitError as exc:
            fr.error = exc.message
        results.append(fr)
    return results


# `teikit.<this module>` is also the public function of the same name (teikit._callable_module).
from . import _callable_module  # noqa: E402

_callable_module(__import__("sys").modules[__name__])
