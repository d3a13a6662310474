"""The prefix-factored alternation finds what a longest-first flat alternation finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.regextrie import prefix_alternation

_WORDS = st.lists(st.text(alphabet="ab .U", min_size=1, max_size=5), min_size=1, max_size=12)


@given(_WORDS, st.text(alphabet="ab .Ux", max_size=40))
@settings(max_examples=400, deadline=None)
def test_same_matches_as_a_longest_first_alternation(words, text):
    flat = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    factored = prefix_alternation([re.escape(ch) for ch in w] for w in words)
    for pattern_of in (lambda body: f"(?:{body})", lambda body: rf"\b(?:{body})\b"):
        expected = [m.span() for m in re.finditer(pattern_of(flat), text)]
        assert [m.span() for m in re.finditer(pattern_of(factored), text)] == expected


def test_no_strings_no_pattern():
    assert prefix_alternation([]) == ""
