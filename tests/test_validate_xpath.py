"""The XPath scanner (validate/xpath/scan.py) and the shape of the validate package."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from teikit.validate.xpath import scan

VALIDATE = Path(__file__).resolve().parents[1] / "src" / "teikit" / "validate"


def test_string_literals_hide_what_they_contain():
    expr = """@a = 'x | y' or contains(@b, "[or]/(")"""
    assert scan.strip_strings(expr) == "@a = '' or contains(@b, '')"
    assert scan.split_top(expr, "or") == ["@a = 'x | y' ", """ contains(@b, "[or]/(")"""]
    assert scan.split_union(expr) == [expr]
    assert scan.function_calls(expr) == ["contains"]


@pytest.mark.parametrize("expr, separator, parts", [
    ("tei:a//tei:b[c/d]/@e", "/", ["tei:a", "", "tei:b[c/d]", "@e"]),
    ("a | (b | c) | d[e | f]", "|", ["a ", " (b | c) ", " d[e | f]"]),
    ("(@a or @b) and @c", "and", ["(@a or @b) ", " @c"]),
    ("@or or not(@and)", "or", ["@or ", " not(@and)"]),
    ("color or(x)", "or", ["color ", "(x)"]),
    ("@a or", "or", ["@a or"]),  # a word at the very end separates nothing
])
def test_top_level_splits(expr, separator, parts):
    assert scan.split_top(expr, separator) == parts


def test_calls_variables_and_prefixes():
    expr = "child::node() and @key and key('k', $n) and re:test($p:v, 'f(x)') and if ($x) then 1 else 2"
    assert scan.function_calls(expr) == ["key", "re:test", "if"]  # node(): an axis step's test
    assert scan.variables(expr) == ["n", "p:v", "x"]
    assert scan.prefixes(expr) == {"re", "p"}


def test_predicates_and_their_removal():
    assert scan.predicates("[@a = ']'][b[c]]") == ["@a = ']'", "b[c]"]
    assert scan.predicates("[a] x") == [] and scan.predicates("[a") == [] and scan.predicates("['a]") == []
    assert scan.strip_predicates("ancestor::x[@n = '[']/y[1]") == "ancestor::x/y"
    assert scan.strip_parens(" ((a) or (b)) ".strip()) == "(a) or (b)"


def test_variables_inlined_outside_predicates_and_strings():
    assert scan.inline_variables("$n + 1 = '$n'", {"n": "count(x)"}) == "(count(x)) + 1 = '$n'"
    assert scan.inline_variables("x[$n]", {"n": "1"}) is None
    assert scan.inline_variables("x[$m] = $n", {"n": "1"}) == "x[$m] = (1)"


def test_xslt_calls_rewritten_outside_strings():
    calls = {"current": ("$c",), "generate-id": "path("}
    assert scan.rewrite_calls("@a = current( )/@b and 'current()'", calls) == "@a = $c/@b and 'current()'"
    assert scan.rewrite_calls("generate-id(.) = current(x)", calls) == "path(.) = current(x)"


def test_context_dependence_is_found_in_calls_only():
    from teikit.validate.xpath import context_dependent

    assert context_dependent("position() = 1") and context_dependent("last () > 1")
    assert context_dependent("$teikit-batch-nodes[1]")
    assert not context_dependent("@position = 'last()'") and not context_dependent("tei:position")


def _imports(path: Path) -> set[str]:
    """Modules a file imports, anywhere in it, as written (`.rules`, `..tei`, `lxml`)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            out.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return out


def test_xpath_analysis_knows_no_schematron():
    for path in (VALIDATE / "xpath").glob("*.py"):
        assert not {m for m in _imports(path) if m.lstrip(".") in ("schematron", "rules")}, path.name


def test_checkers_import_each_other_one_way_at_the_top():
    assert ".contentmodel" not in _imports(VALIDATE / "attributes.py")
    tree = ast.parse((VALIDATE / "contentmodel.py").read_text(encoding="utf-8"))
    nested = [n for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
              for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert nested == []


def test_no_module_over_600_lines():
    sizes = {p.relative_to(VALIDATE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in VALIDATE.rglob("*.py")}
    assert len(sizes) > 10 and max(sizes.values()) <= 600, sizes


def test_a_compiled_rule_set_is_reused_as_it_is(tmp_path):
    from lxml import etree

    from teikit.validate.rules import CompiledRules, compile_rules
    from teikit.validate.schematron import SCH_NS, evaluate, load_rules

    sch = etree.fromstring(f"""<schema xmlns="{SCH_NS}"><ns prefix="t" uri="urn:t"/>
      <pattern id="p"><rule context="t:a[@n]"><assert test="@n = 1">n is <value-of select="@n"/></assert></rule></pattern>
    </schema>""".encode())
    compiled = compile_rules(load_rules(sch, "x"))
    assert isinstance(compiled, CompiledRules) and compile_rules(compiled) is compiled
    doc = etree.fromstring(b'<r xmlns="urn:t"><a n="1"/><a n="2"/><a/></r>').getroottree()
    first = evaluate(compiled, doc, "d")
    again = evaluate(compiled, doc, "d")
    assert [d.message for d in first.diagnostics] == [d.message for d in again.diagnostics] == ["n is 2"]
    (plan,) = compiled.patterns[0][1]
    assert plan.kind == "xpath1" and plan.context.indexed is not None
