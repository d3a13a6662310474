"""What the grammar checkers (contentmodel.py, attributes.py) report, and the name helpers both use."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class Finding:
    """One content-model error at an element of the document."""

    element: etree._Element
    message: str


def qname_of(el: etree._Element) -> tuple[str, str]:
    return split_qname(el.tag)


def split_qname(name: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark name, remembered (bounded): elements and attributes."""
    found = _QNAMES.get(name)
    if found is None:
        if len(_QNAMES) > 10_000:
            _QNAMES.clear()
        q = etree.QName(name)
        found = _QNAMES[name] = (q.namespace or "", q.localname)
    return found


_QNAMES: dict = {}


def display_name(el: etree._Element) -> str:
    return etree.QName(el).localname
