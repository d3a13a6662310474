"""One regular expression for many strings, shared prefixes factored out.

Python's re tries a flat alternation one string at a time (about 40x slower with 1,000 names);
the factored pattern walks a trie. Optional tails are greedy, so at a position the longest
string that lets the rest of the pattern match wins, as in a longest-first alternation.
"""
from __future__ import annotations

from typing import Iterable, Sequence


def prefix_alternation(piece_lists: Iterable[Sequence[str]]) -> str:
    """The pattern matching any of the strings, each given as its regex pieces (one per character,
    already escaped, or a looser piece such as `\\s+`); '' when there are none."""
    trie: dict = {}
    for pieces in piece_lists:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [piece + _node_pattern(child) for piece, child in sorted(node.items()) if piece]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
