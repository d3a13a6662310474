"""tagging.tag_again (round two over the elements round one saw) against a second full tag_tree."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st
from lxml import etree

from teikit.entities.tagging import Span, tag_again, tag_tree
from teikit.tei import TEI_NS

_WORDS = ["Zhou", "Enlai", "Mao", "Lin", " ", ", ", "said", "Zhou Enlai", "Mao Lin"]
_WRAPPERS = ["supplied", "hi", "ref", "s", "choice"]


def _content(depth: int):
    leaf = st.sampled_from(_WORDS)
    if depth == 0:
        return st.lists(leaf, max_size=4).map("".join)
    child = st.tuples(st.sampled_from(_WRAPPERS), _content(depth - 1)).map(_element)
    return st.lists(st.one_of(leaf, child), max_size=5).map("".join)


def _element(pair) -> str:
    tag, inner = pair
    if tag == "choice":
        return f"<choice><abbr>{inner}</abbr><expan>{inner}</expan></choice>"
    return f"<{tag}>{inner}</{tag}>"


def _finder(pattern: str, tag: str):
    rx = re.compile(pattern)
    return lambda flat, _el: [Span(m.start(), m.end(), tag) for m in rx.finditer(flat)]


ROUND_ONE = _finder(r"Zhou Enlai|Lin", "persName")
ROUND_TWO = _finder(r"Zhou|Mao(?: Lin)?|Enlai", "placeName")


@settings(max_examples=300, deadline=None)
@given(st.lists(_content(3), min_size=1, max_size=3))
def test_tag_again_is_a_second_tag_tree(paragraphs):
    xml = f'<div xmlns="{TEI_NS}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    walked, listed = etree.fromstring(xml), etree.fromstring(xml)
    tag_tree(walked, ROUND_ONE)
    visits = []
    tag_tree(listed, ROUND_ONE, visits)
    seen_walking, seen_again = [], []
    made = tag_tree(walked, _showing(ROUND_TWO, seen_walking))
    assert len(tag_again(visits, _showing(ROUND_TWO, seen_again))) == made
    assert seen_again == seen_walking  # the same texts, in the same order
    assert etree.tostring(listed) == etree.tostring(walked)


def _showing(finder, shown: list):
    def find(flat, el):
        shown.append(flat)
        return finder(flat, el)
    return find
