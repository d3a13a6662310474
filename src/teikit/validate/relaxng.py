"""RELAX NG validation with per-document specialised grammars, cached in memory and on disk.

The verdict comes from libxml2 on the grammar specialised to the document's element and
attribute names (same verdict as the full grammar; see specialise.py). When the document
is invalid, the messages come from the content-model checker on the full grammar plus
libxml2's attribute and datatype errors.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .. import __version__
from ..diagnostics import Diagnostic
from ..io import atomic_write
from ..tei import parse_xml_bytes, parse_xml_file
from .contentmodel import CHUNK_MAX, CHUNK_MIN_LARGE, ContentModels, check_tree
from .grammar import Grammar, load_grammar, rng_name
from .schemas import SchemaError, resolved, user_cache_dir
from .specialise import DocumentNames, Unspecialisable, specialise

CACHE_FORMAT = "3"  # 2: refs to defines reduced to `empty` are inlined; 3: repetitions unfolded
_GRAMMARS: dict[tuple, Grammar] = {}
# compiled specialised grammars, most recently used last; each holds 0.3-0.7 MB inside libxml2,
# so the number kept in memory is bounded (the rest are reloaded from the disk cache in a few ms):
# unbounded, a batch's memory grew with the number of distinct documents' name sets.
_COMPILED: OrderedDict[tuple, etree.RelaxNG | None] = OrderedDict()
MAX_COMPILED_IN_MEMORY = 32
_MODELS: dict[tuple, object] = {}
_WHOLE = ("*whole*",)


@dataclass(frozen=True)
class SchemaFile:
    """A RELAX NG file identified by path, size and modification time (the cache key).

    The key is read once per instance: validate() makes a new one for every document."""

    path: Path
    label: str

    @cached_property
    def key(self) -> tuple:
        st = self.path.stat()
        return (resolved(self.path), st.st_size, st.st_mtime_ns)

    @cached_property
    def digest(self) -> str:
        """Names the disk-cache folder: changes with the file and with teikit's version."""
        return hashlib.sha1(repr((CACHE_FORMAT, __version__, self.key)).encode()).hexdigest()[:16]


def grammar_of(schema: SchemaFile) -> Grammar:
    """The parsed grammar (cached in memory per file version)."""
    key = schema.key
    if key not in _GRAMMARS:
        tree = parse_xml_file(schema.path)
        if not rng_name(tree.getroot()):
            raise SchemaError(f"{schema.path}: not a RELAX NG schema (XML syntax); "
                              f"its root element is {tree.getroot().tag}")
        _GRAMMARS[key] = load_grammar(tree)
    return _GRAMMARS[key]


def names_digest(names: tuple[frozenset, frozenset]) -> str:
    text = "\n".join(
        sorted(f"e {ns} {local}" for ns, local in names[0]) + sorted(f"a {ns} {local}" for ns, local in names[1])
    )
    return hashlib.sha1(text.encode()).hexdigest()


def compiled_for(schema: SchemaFile, names: tuple[frozenset, frozenset]) -> etree.RelaxNG | None:
    """The grammar specialised to `names`, compiled; None if no document with them is valid."""
    for key in ((schema.key, names), (schema.key, _WHOLE)):
        if key in _COMPILED:
            _COMPILED.move_to_end(key)
            return _COMPILED[key]
    mem_key = (schema.key, names)
    disk = user_cache_dir() / "rng" / schema.digest / f"{names_digest(names)}.rng"
    rng = _load_cached(disk)
    if rng is None:
        rng, key = _build(schema, names, disk)
        mem_key = (schema.key, _WHOLE) if key is _WHOLE else mem_key
    _COMPILED[mem_key] = rng
    _evict_oldest()
    return rng


def _evict_oldest() -> None:
    """Keep at most MAX_COMPILED_IN_MEMORY specialised grammars (a whole grammar, which has no disk
    copy and takes seconds to compile, is never evicted)."""
    specialised = [key for key in _COMPILED if key[1] is not _WHOLE]
    for key in specialised[: max(0, len(specialised) - MAX_COMPILED_IN_MEMORY)]:
        del _COMPILED[key]


def _load_cached(disk: Path):
    try:
        data = disk.read_bytes()
    except OSError:
        return None
    if data.strip() == b"notAllowed":
        return False
    try:
        return etree.RelaxNG(parse_xml_bytes(data, str(disk)))
    except Exception:  # a damaged cache entry is rebuilt
        return None


def _build(schema: SchemaFile, names, disk: Path):
    grammar = grammar_of(schema)
    try:
        special = specialise(grammar, *names)
    except Unspecialisable:
        return _compile_whole(schema, grammar), _WHOLE
    if special is None:
        _store(disk, b"notAllowed")
        return False, names
    try:
        rng = etree.RelaxNG(etree.ElementTree(special))
    except etree.RelaxNGParseError:  # libxml2 refuses the rewrite: let the whole grammar judge
        return _compile_whole(schema, grammar), _WHOLE
    _store(disk, etree.tostring(special))
    return rng, names


def _compile_whole(schema: SchemaFile, grammar: Grammar) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.ElementTree(grammar.root))
    except etree.RelaxNGParseError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "libxml2 refused it"
        raise SchemaError(f"{schema.path}: not a usable RELAX NG grammar: {reason}") from None


MAX_CACHED_GRAMMARS = 2000  # per schema version; each is 5-50 KB


def _store(disk: Path, data: bytes) -> None:
    try:
        atomic_write(disk, data)
        prune(disk.parent, MAX_CACHED_GRAMMARS)
    except OSError:
        pass  # a read-only cache only costs speed


def prune(folder: Path, keep: int) -> int:
    """Keep the `keep` most recently written grammars of a cache folder; return how many went."""
    entries = [e for e in os.scandir(folder) if e.name.endswith(".rng")]
    if len(entries) <= keep:
        return 0
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    doomed = entries[: len(entries) - keep // 2]
    for entry in doomed:
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            pass  # another process pruned it first
    return len(doomed)


def is_valid(schema: SchemaFile, root: etree._Element, names: DocumentNames | None = None) -> tuple[bool, list]:
    """(verdict, libxml2 error entries) for one document (`names`: its names, if known)."""
    rng = compiled_for(schema, (names or DocumentNames(root)).pairs())
    if rng is False:
        return False, []
    ok = rng.validate(root)
    return ok, ([] if ok else list(rng.error_log))


_SUBTREE: OrderedDict[tuple, etree.RelaxNG | None] = OrderedDict()


def subtree_checker(schema: SchemaFile, names: tuple[frozenset, frozenset]):
    """A function (element, its element patterns in the full grammar) -> True when libxml2
    finds the element's whole subtree valid against one of those patterns (specialised to
    the document's names; a grammar per define, compiled once and kept). The content-model
    checker then skips the subtree: its Python walk costs what the invalid parts need only."""
    grammar = grammar_of(schema)
    if not grammar.specialisable:
        return lambda el, patterns: False

    def validator(define: str):
        key = (schema.key, names, define)
        if key not in _SUBTREE:
            _SUBTREE[key] = _subtree_grammar(schema, grammar, names, define)
            while len(_SUBTREE) > 256:
                _SUBTREE.popitem(last=False)
        return _SUBTREE[key]

    def valid(el: etree._Element, patterns) -> bool:
        for pattern in patterns:
            parent = pattern.getparent()
            if parent is None or rng_name(parent) != "define" or grammar.defines.get(parent.get("name")) is not parent:
                continue
            rng = validator(parent.get("name"))
            if rng is not None and rng.validate(el):
                return True
        return False

    return valid


def _subtree_grammar(schema: SchemaFile, grammar: Grammar, names, define: str):
    """The grammar specialised to `names` starting at `define`, compiled (disk-cached beside
    the document grammars); None if it cannot be built."""
    safe = re.sub(r"[^\w.-]", "_", define)
    disk = user_cache_dir() / "rng" / schema.digest / f"{names_digest(names)}-{safe}.rng"
    rng = _load_cached(disk)
    if rng is not None:
        return rng or None
    try:
        special = specialise(grammar, *names, start_define=define)
        if special is None:
            return None
        rng = etree.RelaxNG(etree.ElementTree(special))
    except (Unspecialisable, etree.RelaxNGParseError, KeyError):
        return None
    _store(disk, etree.tostring(special))
    return rng


def models_of(schema: SchemaFile):
    key = schema.key
    if key not in _MODELS:
        _MODELS[key] = ContentModels(grammar_of(schema))
    return _MODELS[key]


def check(schema: SchemaFile, root: etree._Element, file: str | None, source: bytes | None,
          names: DocumentNames | None = None) -> list[Diagnostic]:
    """Diagnostics of one document against one RELAX NG schema ([] when valid).

    A large document (more than CHUNK_MAX elements) of a specialisable grammar is not
    validated whole first: its chunks are (see contentmodel.check_tree), and the elements
    above them are matched by the checker, so each part is walked once."""
    names = names or DocumentNames(root)
    chunked = len(names) > CHUNK_MAX and grammar_of(schema).specialisable
    log: list = []
    if not chunked:
        ok, log = is_valid(schema, root, names)
        if ok:
            return []
    findings = check_tree(models_of(schema), root, subtree_checker(schema, names.pairs()),
                          CHUNK_MIN_LARGE if chunked else None)
    if chunked and not findings:
        return []
    positions = element_positions(root, source, [f.element for f in findings] if findings else None)
    code = f"rng:{schema.label}"
    diags = [_diag(code, f.message, file, positions.get(f.element), f.element) for f in findings]
    if not diags:  # the checker could not say why: fall back on libxml2's own messages
        specific = [e for e in log if not _STRUCTURAL.search(e.message)]
        diags = _libxml2_extras(log, root, positions, file, code, covered=bool(specific))
    if not diags:
        diags.append(Diagnostic(code, "error", f'document is not valid against {schema.label}', file, None))
    return sorted(diags, key=lambda d: (d.line or 0, d.column or 0))


def _diag(code, message, file, pos, el) -> Diagnostic:
    line, col = pos if pos else (_nearest_line(el), None)
    return Diagnostic(code, "error", message, file, line, col)


def _nearest_line(el: etree._Element) -> int | None:
    """The element's line, or its nearest ancestor's (elements added in memory have none)."""
    while el is not None:
        if el.sourceline:
            return el.sourceline
        el = el.getparent()
    return None


_STRUCTURAL = re.compile(
    r"failed to validate content|Did not expect element|Expecting element|has extra content|"
    r"Expecting an element|Invalid sequence|Element .* is not empty|Extra element|"
    r"Expecting no namespace|Expecting a namespace|failed to validate attributes"
)


def _libxml2_extras(log, root, positions, file, code, *, covered: bool) -> list[Diagnostic]:
    """libxml2's attribute/datatype errors (and everything if the checker found nothing)."""
    out, seen = [], set()
    for entry in log:
        msg = entry.message.strip()
        if covered and _STRUCTURAL.search(msg):
            continue
        if (entry.line, msg) in seen:
            continue
        seen.add((entry.line, msg))
        out.append(Diagnostic(code, "error", _humanise(msg), file, entry.line or None,
                              _column_on_line(root, positions, entry.line, msg)))
    return out


def _humanise(msg: str) -> str:
    m = re.match(r"Invalid attribute (\S+) for element (\S+)", msg)
    if m:
        return f'attribute "{m.group(1)}" not allowed on "{m.group(2)}"'
    m = re.match(r"Element (\S+) failed to validate attributes", msg)
    if m:
        return f'element "{m.group(1)}": an attribute is missing or has a bad value'
    return msg[0].lower() + msg[1:] if msg else msg


def _column_on_line(root, positions, line, msg):
    m = re.search(r"element (\S+)", msg)
    for el, (ln, col) in positions.items():
        if ln == line and (m is None or etree.QName(el).localname == m.group(1)):
            return col
    return None


_MASK = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.S)
_START_TAG = re.compile(rb"<(?![/!?])")


def element_positions(root: etree._Element, source: bytes | None, wanted=None) -> dict:
    """{element: (line, column)} from the source text (column 1-based, in characters), for
    every element, or for those in `wanted` only (a 4 MB edition's 400 errors need 400)."""
    if source is None or b"\x00" in source[:4096]:
        return {}
    masked = _MASK.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group(0)), source)
    starts = [m.start() for m in _START_TAG.finditer(masked)]
    elements = list(root.iter(etree.Element))
    if len(starts) != len(elements):
        return {}
    pairs = zip(elements, starts)
    if wanted is not None:
        wanted = set(wanted)
        pairs = [(el, off) for el, off in pairs if el in wanted]
    out = {}
    line, last = 1, 0
    for el, off in pairs:
        line += masked.count(b"\n", last, off)
        line_start = masked.rfind(b"\n", 0, off) + 1
        last = off
        col = len(source[line_start:off].decode("utf-8", "replace")) + 1
        out[el] = (line, col)
    return out
