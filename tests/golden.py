"""Golden files, the one helper every test module uses.

A test compares what it made with an expected file beside its input. `pytest --accept` (re)writes
the expected file; without it a missing expected file FAILS (it is never written silently), and a
mismatch fails too. Either way the actual output is left as `<expected>.actual` for a diff.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from lxml import etree

from teikit import tei


def canonical(tree_or_bytes, strip_text: bool = True) -> str:
    """C14N 2.0 of a tree or of XML bytes; `strip_text` ignores whitespace around text."""
    if isinstance(tree_or_bytes, (bytes, str)):
        data = tree_or_bytes.encode() if isinstance(tree_or_bytes, str) else tree_or_bytes
        parser = etree.XMLParser(remove_blank_text=strip_text, resolve_entities=False)
        tree_or_bytes = etree.fromstring(data, parser)
    return etree.canonicalize(etree.tostring(tree_or_bytes, encoding="unicode"), strip_text=strip_text)


def pretty(tree) -> bytes:
    return etree.tostring(tree, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def check_golden(actual: bytes, expected: Path, accept: bool,
                 same: Callable[[bytes, bytes], bool] = bytes.__eq__) -> None:
    """Compare `actual` with the file `expected` by `same`; --accept writes it instead."""
    actual_path = expected.with_name(expected.name + ".actual")
    if accept:
        expected.write_bytes(actual)
        actual_path.unlink(missing_ok=True)
        return
    if not expected.exists():
        actual_path.write_bytes(actual)
        raise AssertionError(f"{expected.name} is missing; see {actual_path} (accept with pytest --accept)")
    if not same(actual, expected.read_bytes()):
        actual_path.write_bytes(actual)
        raise AssertionError(f"{expected.name} differs; see {actual_path} (accept with pytest --accept)")
    actual_path.unlink(missing_ok=True)


def check_golden_bytes(actual: bytes, expected: Path, accept: bool) -> None:
    """Byte comparison (text formats)."""
    check_golden(actual, expected, accept)


def check_golden_text(actual: str, expected: Path, accept: bool) -> None:
    """Text comparison (UTF-8)."""
    check_golden(actual.encode("utf-8"), expected, accept)


def check_golden_xml(tree, expected: Path, accept: bool) -> None:
    """XML compared after C14N, whitespace around text ignored; written indented."""
    check_golden(pretty(tree), expected, accept, lambda a, b: canonical(a) == canonical(b))


def check_golden_tei(tree, expected: Path, accept: bool) -> None:
    """A TEI tree compared after C14N with every whitespace kept (passes whose output is
    text-exact: segmentation, entity tagging); written as teikit serialises it."""
    check_golden(tei.serialize(tree), expected, accept,
                 lambda a, b: canonical(a, strip_text=False) == canonical(b, strip_text=False))
