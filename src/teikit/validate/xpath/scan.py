"""The one scanner of XPath text: tokens, and the structural questions every other module asks
(split at a top-level `|`, `/`, `and`, `or`; predicates; names called as functions; variable
references), answered from the tokens so that string literals are skipped in one place.

A token is a string literal, a variable reference, a (Q)name (`p:*` included), a number, a
run of white space, or one other character (brackets and operators, one character each, so
that `//` is two path separators and `::` two colons). Each token knows the bracket depth
(round and square) after it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

NAME = r"[A-Za-z_][\w.-]*"
QNAME = rf"{NAME}(?::{NAME})?"
# one alternative per kind, tried in this order; the kind is then told by the first character
_TOKEN = re.compile(rf"""
    "[^"]*"?|'[^']*'?             # string (an unclosed one runs to the end)
  | \$?{NAME}(?::(?:{NAME}|\*))?  # variable (`$` + QName), or name (QName, `p:*`)
  | \d+(?:\.\d*)?|\.\d+           # number
  | \s+                            # space
  | .                              # op: any other character
""", re.X | re.S)
_CALLER = re.compile(r"[\w.:@$-]")  # a character before a name that makes it no function call


class Token(NamedTuple):
    kind: str  # string, variable, name, number, space, op
    text: str
    start: int
    depth: int  # round and square brackets open after this token


@lru_cache(maxsize=4096)
def scan(expr: str) -> tuple[Token, ...]:
    """The tokens of `expr` (kept for the expressions of the rule sets in use)."""
    out, depth, start = [], 0, 0
    for text in _TOKEN.findall(expr):
        kind = _FIRST.get(text[0]) or _kind(text)
        if kind == "op" and text in "()[]":
            depth += 1 if text in "([" else -1
        out.append(_token(Token, (kind, text, start, depth)))
        start += len(text)
    return tuple(out)


_token = tuple.__new__  # Token(...) without NamedTuple's Python-level __new__ (scanning is start-up time)
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FIRST = {**dict.fromkeys("'\"", "string"), **dict.fromkeys(_ASCII_LETTERS + "_", "name"),
          **dict.fromkeys("0123456789", "number"), **dict.fromkeys(" \t\r\n", "space")}  # the kind, told by the first character


def _kind(text: str) -> str:
    """The kind of a token whose first character does not tell it alone."""
    if text[0] in "$." and len(text) > 1:
        return "variable" if text[0] == "$" else "number"
    if text[0].isdigit():
        return "number"
    return "space" if text[0].isspace() else "op"


def _quoted(expr: str) -> bool:
    return "'" in expr or '"' in expr


def strip_strings(expr: str) -> str:
    """`expr` with each string literal written as ''."""
    if not _quoted(expr):
        return expr
    return "".join("''" if t.kind == "string" else t.text for t in scan(expr))


def outside_strings(expr: str, change) -> str:
    """`expr` with `change` applied to each stretch between string literals."""
    if not _quoted(expr):
        return change(expr)
    out, run = [], []
    for t in scan(expr):
        if t.kind == "string":
            out += [change("".join(run)), t.text]
            run = []
        else:
            run.append(t.text)
    out.append(change("".join(run)))
    return "".join(out)


def variables(expr: str) -> list[str]:
    """Names of the variables `expr` refers to."""
    if "$" not in expr:
        return []
    return [t.text[1:] for t in scan(expr) if t.kind == "variable"]


def function_calls(expr: str) -> list[str]:
    """Names written as function calls: a name then `(`, not an attribute, axis or variable."""
    if "(" not in expr:
        return []
    tokens = scan(expr)
    out = []
    for i, t in enumerate(tokens):
        if t.kind == "name" and _opens_call(tokens, i) and not (t.start and _CALLER.match(expr[t.start - 1])):
            out.append(t.text)
    return out


def _opens_call(tokens: tuple, i: int) -> bool:
    i += 1
    if i < len(tokens) and tokens[i].kind == "space":
        i += 1
    return i < len(tokens) and tokens[i].text == "("


def prefixes(expr: str) -> set[str]:
    """Namespace prefixes of the names, wildcards, functions and variables in `expr`."""
    if ":" not in expr:
        return set()
    return {t.text.lstrip("$").split(":", 1)[0] for t in scan(expr)
            if t.kind in ("name", "variable") and ":" in t.text}


def split_top(expr: str, separator: str) -> list[str]:
    """Split at `separator` outside strings and brackets: "/" or "|" (a "//" gives an empty
    step), or "and"/"or" as a word between blanks or parentheses. Empty parts are kept."""
    if separator not in expr:
        return [expr]
    out, start = [], 0
    for t in scan(expr):
        if t.depth or t.text != separator or (t.kind == "name" and not _word_at(expr, t)):
            continue
        out.append(expr[start:t.start])
        start = t.start + len(t.text)
    out.append(expr[start:])
    return out


def _word_at(expr: str, t: Token) -> bool:
    end = t.start + len(t.text)
    return t.start > 0 and end < len(expr) and expr[t.start - 1] in " \t\r\n)" and expr[end] in " \t\r\n("


def split_union(expr: str) -> list[str]:
    """The branches of a union, stripped."""
    return [part.strip() for part in split_top(expr, "|")]


def predicates(text: str) -> list[str]:
    """`[a][b]` -> ["a", "b"] (brackets balanced, strings respected); [] if malformed."""
    out, depth, start = [], 0, 0
    for t in scan(text):
        if t.kind == "string" and (len(t.text) < 2 or t.text[-1] != t.text[0]):
            return []  # a literal left open
        if t.text == "[" and t.kind == "op":
            depth += 1
            if depth == 1:
                start = t.start + 1
        elif t.text == "]" and t.kind == "op":
            depth -= 1
            if depth == 0:
                out.append(text[start:t.start])
            elif depth < 0:
                return []
        elif depth == 0:
            return []
    return out if depth == 0 else []


def strip_predicates(expr: str) -> str:
    """`expr` without its predicates (string literals written as '')."""
    out, depth = [], 0
    for t in scan(expr):
        if t.kind == "op" and t.text in "[]":
            depth += 1 if t.text == "[" else -1
        elif depth == 0:
            out.append("''" if t.kind == "string" else t.text)
    return "".join(out)


def strip_parens(expr: str) -> str:
    """`( x )` -> `x` when the parentheses enclose the whole expression."""
    while expr.startswith("(") and expr.endswith(")") and _closing_paren(expr) == len(expr) - 1:
        expr = expr[1:-1].strip()
    return expr


def _closing_paren(expr: str) -> int:
    for t in scan(expr):
        if t.kind == "op" and t.text in ")]" and t.depth == 0:
            return t.start
    return -1


def has_top_comparison(expr: str) -> bool:
    """True if `=`, `<` or `>` occurs outside strings and brackets."""
    return any(t.kind == "op" and t.text in "=<>" and t.depth == 0 for t in scan(expr))


def calls_any(expr: str, names: tuple, variable: str = "") -> bool:
    """True if `expr` calls one of `names` (a name then `(`) or refers to `$variable`."""
    tokens = scan(expr)
    return any((t.kind == "name" and t.text in names and _opens_call(tokens, i))
               or (t.kind == "variable" and t.text[1:] == variable)
               for i, t in enumerate(tokens))


def inline_variables(expr: str, values: dict) -> str | None:
    """`expr` with each reference to a variable of `values` replaced by its value in
    parentheses; None if one is inside a predicate (where the context node differs)."""
    out, depth = [], 0
    for t in scan(expr):
        if t.kind == "op" and t.text in "[]":
            depth += 1 if t.text == "[" else -1
        elif t.kind == "variable" and t.text[1:] in values:
            if depth:
                return None
            out += ["(", values[t.text[1:]], ")"]
            continue
        out.append(t.text)
    return "".join(out)


def rewrite_calls(expr: str, replacements: dict) -> str:
    """`expr` with calls `f(` of the names in `replacements` (name -> text replacing `f(`,
    or, for a name mapped to (text,), `f()` with only blanks between the brackets)."""
    tokens = scan(expr)
    out, skip = [], 0
    for i, t in enumerate(tokens):
        if i < skip:
            continue
        new = replacements.get(t.text) if t.kind == "name" else None
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if new is None or following is None or following.text != "(":
            out.append(t.text)
            continue
        if isinstance(new, tuple):
            end = i + 2 + (i + 2 < len(tokens) and tokens[i + 2].kind == "space")
            if end >= len(tokens) or tokens[end].text != ")":
                out.append(t.text)
                continue
            out.append(new[0])
            skip = end + 1
        else:
            out.append(new)
            skip = i + 2
    return "".join(out)
