"""Segmentation pass: wrap the sentences of each language division in `s xml:id="{div}-s{n}"`
(the splitters and the wrapping live in teikit.segment; see segment/wrap.py for the rules).
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..segment import cuts_for, sentence_containers, wrap_sentences
from ..tei import XML_ID, XML_LANG, language_divisions


@dataclass(frozen=True)
class SegmentOptions:
    """`zh_semicolon`: whether ； ends a Chinese sentence (measured: no; see docs/alignment.md)."""

    zh_semicolon: bool = False


def segment(tree, options=None, *, config: SegmentOptions | None = None):
    """Split every language division of the TEI tree into sentences (in place); return the tree."""
    config = config or SegmentOptions()
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    for div in language_divisions(root):
        segment_division(div, config)
    return tree


def segment_division(div: etree._Element, config: SegmentOptions) -> None:
    lang = div.get(XML_LANG, "en")
    prefix = div.get(XML_ID) or lang
    cut = cuts_for(lang, zh_semicolon=config.zh_semicolon)
    counter = [0]

    def next_id() -> str:
        counter[0] += 1
        return f"{prefix}-s{counter[0]}"

    for container in sentence_containers(div):
        wrap_sentences(container, cut, next_id)
