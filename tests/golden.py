"""Golden-file comparison: canonical XML (C14N 2.0), regenerated with `pytest --accept`."""
from __future__ import annotations

from pathlib import Path

from lxml import etree


def canonical(tree_or_bytes) -> str:
    if isinstance(tree_or_bytes, (bytes, str)):
        data = tree_or_bytes.encode() if isinstance(tree_or_bytes, str) else tree_or_bytes
        tree_or_bytes = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    return etree.canonicalize(etree.tostring(tree_or_bytes, encoding="unicode"), strip_text=True)


def pretty(tree) -> bytes:
    return etree.tostring(tree, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def check_golden_xml(tree, expected: Path, accept: bool) -> None:
    """Compare after C14N; on mismatch leave `<expected>.actual` beside it for a diff."""
    actual_path = expected.with_name(expected.name + ".actual")
    if accept or not expected.exists():
        expected.write_bytes(pretty(tree))
        actual_path.unlink(missing_ok=True)
        return
    if canonical(tree) != canonical(expected.read_bytes()):
        actual_path.write_bytes(pretty(tree))
        raise AssertionError(f"{expected.name} differs; see {actual_path} (accept with pytest --accept)")
    actual_path.unlink(missing_ok=True)


def check_golden_text(actual: str, expected: Path, accept: bool) -> None:
    """Compare with the expected file; leave `<expected>.actual` beside it on a mismatch."""
    actual_path = expected.with_name(expected.name + ".actual")
    if accept or not expected.exists():
        expected.write_text(actual, encoding="utf-8")
        actual_path.unlink(missing_ok=True)
        return
    if actual != expected.read_text(encoding="utf-8"):
        actual_path.write_text(actual, encoding="utf-8")
        raise AssertionError(f"{expected.name} differs; see {actual_path} (accept with pytest --accept)")
    actual_path.unlink(missing_ok=True)
