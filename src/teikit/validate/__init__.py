"""validate(): a TEI document against tei_all (RELAX NG + the Guidelines' Schematron) and
teikit's own profile (schema/teikit.rng + schema/teikit.sch).

    from teikit.validate import validate, ValidateOptions
    result = validate("doc.tei.xml", ValidateOptions(tei_all="tei_all.rng"))
    result.valid, [d.format() for d in result.diagnostics]
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic
from ..errors import InputError, UsageError, XMLInputError
from ..io import atomic_write, read_input_bytes
from ..tei import NSMAP, parse_xml_bytes, parse_xml_file
from .schemas import NOT_FOUND_HINT, SchemaError, find_tei_all, resolved, teikit_rng, teikit_sch, user_cache_dir

# The grammar checker, Schematron and the rule compiler (.relaxng, .schematron, .rules,
# .specialise: about a third of `teikit validate`'s start-up) are imported in the functions
# that check a document: `teikit schema` imports this package and never checks one. So is
# ..query (~5 ms), which only validate_files needs.

__all__ = ["validate", "validate_files", "ValidateOptions", "ValidationResult"]


@dataclass(frozen=True)
class ValidateOptions:
    """What to check.

    schema: None (default: tei_all, plus teikit's profile for teikit output), "tei_all",
    "teikit", or a path to a RELAX NG file (its embedded Schematron is applied too).
    tei_all: path of tei_all.rng (else $TEIKIT_TEI_ALL, else the `teikit schema fetch` cache,
    else the copy shipped in the wheel); without any, validation is a usage error.
    rng_only: the grammar alone, as Jing checks it: no Schematron, and by default tei_all alone.
    """

    schema: str | None = None
    tei_all: str | None = None
    rng_only: bool = False


@dataclass(frozen=True)
class ValidationResult:
    """Diagnostics of one document; `skipped` lists Schematron rules that could not run."""

    file: str
    diagnostics: tuple[Diagnostic, ...] = ()
    skipped: tuple[str, ...] = ()
    checked: tuple[str, ...] = field(default=())  # e.g. ("rng:tei_all", "sch:tei_all")

    @property
    def valid(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "valid": self.valid,
            "checked": list(self.checked),
            "diagnostics": [d.as_dict() for d in self.diagnostics],
            "skipped_rules": list(self.skipped),
        }


@dataclass(frozen=True)
class _Plan:
    label: str
    rng: Path | None
    sch: Path | None  # a .sch file; None with rng: the grammar's embedded rules


def validate(source, options: ValidateOptions | None = None) -> ValidationResult:
    """Validate a path, bytes, or lxml tree/element; raises InputError if it cannot be read."""
    options = options or ValidateOptions()
    _check_schema_option(options)
    tree, name, data = _load(source)
    run = _Run(tree, name, data)
    for plan in _plans(options, tree):
        if plan.rng is not None:
            run.check_grammar(plan)
        if not options.rng_only:
            run.check_schematron(plan)
    return run.result()


def validate_files(paths, options: ValidateOptions | None = None, jobs: int = 1):
    """Yield (path, ValidationResult or InputError) for files and folders (every *.xml below,
    sorted), in order. One process shares parsed grammars, compiled grammars and rules across
    files; `jobs` > 1 spreads the files over that many worker processes."""
    from ..query import tei_files

    options = options or ValidateOptions()
    _check_schema_option(options)
    files = [str(p) for p in tei_files(list(paths))]
    if jobs <= 1 or len(files) < 2:
        yield from ((f, _validate_or_error(f, options)) for f in files)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: only for --jobs (multiprocessing is slow to import)

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        # largest first keeps the workers busy to the end; results come back in the given order
        order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
        futures = {i: pool.submit(_validate_or_error, files[i], options) for i in order}
        for i, f in enumerate(files):
            outcome = futures[i].result()
            if isinstance(outcome, UsageError):
                raise outcome
            yield f, outcome


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _validate_or_error(path: str, options: ValidateOptions):
    try:
        return validate(path, options)
    except (InputError, UsageError) as exc:
        return exc


class _Run:
    """One document through its plans: diagnostics, skipped rules, what was checked."""

    def __init__(self, tree: etree._ElementTree, name: str, data: bytes | None):
        self.tree, self.name, self.data = tree, name, data
        self.positions = _LazyPositions(tree.getroot(), data)
        self.schema_files: dict = {}
        self.diagnostics: list[Diagnostic] = []
        self.skipped: list[str] = []
        self.checked: list[str] = []
        self._names = None

    @property
    def names(self):
        """The document's element and attribute names, collected once for every schema."""
        if self._names is None:
            from .specialise import DocumentNames

            self._names = DocumentNames(self.tree.getroot())
        return self._names

    def check_grammar(self, plan: _Plan) -> None:
        from . import relaxng

        schema = self.schema_files.setdefault(plan.rng, relaxng.SchemaFile(plan.rng, plan.label))
        self.diagnostics += relaxng.check(schema, self.tree.getroot(), self.name, self.data, self.names)
        self.checked.append(f"rng:{plan.label}")

    def check_schematron(self, plan: _Plan) -> None:
        rules = _rules_for(plan, self.schema_files)
        if rules is None or not rules.patterns:
            return
        from .schematron import evaluate

        outcome = evaluate(rules, self.tree, self.name, self.positions, self.names)
        self.diagnostics += outcome.diagnostics
        self.skipped += outcome.skipped
        self.checked.append(f"sch:{plan.label}")

    def result(self) -> ValidationResult:
        diagnostics = _unique(sorted(self.diagnostics, key=lambda d: (d.line or 0, d.column or 0)))
        return ValidationResult(self.name, tuple(diagnostics), tuple(self.skipped), tuple(self.checked))


class _LazyPositions:
    """Element -> (line, column), computed from the source on the first lookup only."""

    def __init__(self, root, data):
        self._args = (root, data)
        self._map = None

    def get(self, element, default=None):
        if self._map is None:
            from .relaxng import element_positions

            self._map = element_positions(*self._args)
        return self._map.get(element, default)


def _unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Drop a message repeated at the same place by a second schema."""
    seen, out = set(), []
    for d in diags:
        key = (d.line, d.column, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _load(source) -> tuple[etree._ElementTree, str, bytes | None]:
    if isinstance(source, etree._ElementTree):
        return source, source.docinfo.URL or "<tree>", None
    if isinstance(source, etree._Element):
        return source.getroottree(), "<tree>", None
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), "<bytes>"
    else:
        data, name = _read_bytes(str(source))
    return _parse(data, name), name, data


def _parse(data: bytes, name: str) -> etree._ElementTree:
    """Parse with libxml2's ID table (fast id() in Schematron); a duplicate or malformed xml:id
    makes that fail, so parse again without it and let the grammars report the ids."""
    try:
        return parse_xml_bytes(data, name)
    except XMLInputError:
        return parse_xml_bytes(data, name, collect_ids=False)


_MAX_BYTES = 256 * 1024 * 1024


def _read_bytes(path: str) -> tuple[bytes, str]:
    """Bytes of a file ('-' for stdin) with one-line errors (exit 2)."""
    return read_input_bytes(path, error=XMLInputError, max_bytes=_MAX_BYTES)


def is_teikit_output(tree: etree._ElementTree) -> bool:
    return bool(tree.getroot().xpath(
        "/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident='teikit']",
        namespaces=NSMAP))


def _check_schema_option(options: ValidateOptions) -> None:
    """Fail early (exit 2) on a schema that cannot be found, before reading any document."""
    if options.schema not in (None, "teikit", "tei_all") and not Path(options.schema).is_file():
        raise UsageError(f"schema not found: {options.schema}")
    if options.tei_all or options.schema in (None, "tei_all"):
        _required_tei_all(options)


def _plans(options: ValidateOptions, tree) -> list[_Plan]:
    choice = options.schema
    if choice == "teikit":
        return [_Plan("teikit", teikit_rng(), teikit_sch())]
    if choice == "tei_all":
        return [_Plan("tei_all", _required_tei_all(options), None)]
    if choice:
        path = Path(choice)
        if not path.is_file():
            raise UsageError(f"schema not found: {choice}")
        if path.suffix == ".sch":
            return [_Plan(path.stem, None, path)]
        return [_Plan(path.stem, path, None)]
    plans = [_Plan("tei_all", _required_tei_all(options), None)]
    if is_teikit_output(tree) and not options.rng_only:
        plans.append(_Plan("teikit", teikit_rng(), teikit_sch()))
    return plans


def _required_tei_all(options: ValidateOptions) -> Path:
    """tei_all.rng, or a usage error (exit 2): a document is never called valid without it."""
    path = find_tei_all(options.tei_all)
    if path is None:
        raise UsageError(f"tei_all.rng not found: {NOT_FOUND_HINT}")
    return path


def _rules_for(plan: _Plan, schema_files: dict):
    """Schematron rules of a plan: its .sch file, or those embedded in its grammar (cached).
    A plan of a .sch file alone has no grammar; one of a grammar alone has its embedded rules."""
    from .schematron import load_rules

    if plan.sch is not None:
        try:
            st = plan.sch.stat()
        except (OSError, ValueError):  # what Path.is_file() takes for "no"
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        key = ("sch", resolved(plan.sch), st.st_mtime_ns)
        return _cached_rules(key, lambda: load_rules(_schematron_root(plan.sch), plan.label))
    return _embedded_rules(schema_files[plan.rng], plan.label)


_RULES: dict = {}


def _schematron_root(path: Path) -> etree._Element:
    from .schematron import SCH_NS

    root = parse_xml_file(path).getroot()
    if root.tag != f"{{{SCH_NS}}}schema":
        raise SchemaError(f"{path}: not an ISO Schematron schema (root element {root.tag})")
    return root


def _cached_rules(key, build):
    """Rules compiled once per process (see rules.CompiledRules)."""
    if key not in _RULES:
        from .rules import compile_rules

        _RULES[key] = compile_rules(build())
    return _RULES[key]


def _prefix(label: str) -> str:
    return "" if label == "teikit" else f"{label}:"


def _embedded_rules(schema_file, label: str):
    """The Schematron embedded in a grammar, extracted once and cached as a small .sch file."""
    from .relaxng import grammar_of
    from .schematron import load_rules, rules_to_xml

    def build():
        disk = user_cache_dir() / "sch" / f"{schema_file.digest}.sch"
        try:
            return load_rules(parse_xml_bytes(disk.read_bytes(), str(disk)).getroot(), label)
        except (OSError, XMLInputError):
            pass  # not cached yet, or damaged: extract again
        rules = load_rules(grammar_of(schema_file).root, label, _prefix(label))
        try:
            atomic_write(disk, rules_to_xml(rules))
        except OSError:
            pass
        return rules

    return _cached_rules(("embedded", schema_file.key), build)



# `teikit.<this module>` is also the public function of the same name (teikit._callable_module).
from .. import _callable_module  # noqa: E402

_callable_module(__import__("sys").modules[__name__])
