"""The Schematron prefilter: a rule is skipped only when its context provably matches nothing."""
from __future__ import annotations

import pytest

from teikit.validate import ValidateOptions, validate
from teikit.validate.schematron import SCH_NS
from teikit.validate.xpath import context_attributes

NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_NS = NS["xml"]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sch-cache"))


@pytest.mark.parametrize("context, expected", [
    ("tei:*[@when]", {"when"}),
    ("tei:*[@when or @notBefore or @notAfter]", {"when", "notBefore", "notAfter"}),
    ("tei:*[not(self::tei:schemaSpec)][@targetLang]", {"targetLang"}),
    ("tei:*[ @minOccurs and not( @maxOccurs ) ]", {"minOccurs"}),
    ("tei:x[(@a or @b) and c]", {"a", "b"}),
    ("tei:*[@a] | tei:x[@b]", {"a", "b"}),
    ("tei:rt/@to", {"to"}),
    ("tei:x[@a]//tei:y", {"a"}),
    ("tei:x[@xml:id]", {f"{{{XML_NS}}}id"}),
    ("tei:x[@a or @b = 'c']", {"a", "b"}),
    ("tei:*[ starts-with( @spanTo, '#') ]", {"spanTo"}),
    ("tei:x[contains(@xml:id, '-')]", {f"{{{XML_NS}}}id"}),
    ("tei:desc[ @type eq 'deprecationInfo']", {"type"}),
    ("tei:x[@n &lt;= 2 and c]".replace("&lt;", "<"), {"n"}),
])
def test_context_attributes_of_provable_shapes(context, expected):
    assert context_attributes(context, NS) == expected


@pytest.mark.parametrize("context", [
    "tei:p", "tei:*[@a] | tei:x", "tei:x[@a or c]", "tei:x[not(@a)]", "tei:x[starts-with(@a, '')]",
    "tei:x[@a | @b]", "tei:x[1]", "tei:x[@undeclared:a]", "tei:x[@a = @b]", "tei:x[@a != c]",
    "tei:x['[@a]']", "tei:x[@a]]", "(tei:a | tei:b)[@c]", "tei:x[ or or @a]",
])
def test_context_attributes_unknown_shapes_are_none(context):
    assert context_attributes(context, NS) is None


def _schema(tmp_path, rules: str):
    sch = tmp_path / "p.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}">
      <ns prefix="tei" uri="{NS['tei']}"/>
      {rules}
    </schema>""")
    return ValidateOptions(schema=str(sch))


def _codes(doc: bytes, options) -> list[str]:
    return [d.code for d in validate(doc, options).diagnostics]


def test_attribute_rule_fires_wherever_one_of_its_attributes_occurs(tmp_path):
    options = _schema(tmp_path, """
      <pattern id="any-of"><rule context="tei:*[@a or @b]"><report test="true()">any-of</report></rule></pattern>
      <pattern id="xml-ns"><rule context="tei:q[@xml:lang]"><report test="true()">xml-ns</report></rule></pattern>
      <pattern id="and"><rule context="tei:*[@c and not(@d)]"><report test="true()">and</report></rule></pattern>
      <pattern id="xpath2"><rule context="tei:*[@b][. instance of element()]"><report test="true()">xpath2</report></rule></pattern>
      <pattern id="attr-step"><rule context="tei:q/@b"><report test="true()">attr-step</report></rule></pattern>""")
    nested = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><q xml:lang="en" c="1"><hi b="2"/></q></p></TEI>'
    assert sorted(_codes(nested, options)) == ["and", "any-of", "xml-ns", "xpath2"]
    other = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><q b="2" lang="en" d="1"/></p></TEI>'
    assert sorted(_codes(other, options)) == ["any-of", "attr-step", "xpath2"]
    absent = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><q lang="en"/></p></TEI>'
    assert _codes(absent, options) == []


def test_rule_whose_context_selects_nothing_evaluates_no_pattern_let(tmp_path):
    """An XPath 1.0 rule's own selection replaces the prefilter: when it finds nothing, the
    pattern's lets are not evaluated (an unsupported one is not reported); when it finds a
    node, they are, and the rule is reported as skipped."""
    options = _schema(tmp_path, """
      <pattern id="bad-let"><let name="v" value="no-such-function(1)"/>
        <rule context="tei:q[@n = '1']"><assert test="true()">x</assert></rule></pattern>""")
    assert validate(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><q n="2"/></TEI>', options).skipped == ()
    skipped = validate(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><q n="1"/></TEI>', options).skipped
    assert [s.split(":")[0] for s in skipped] == ["bad-let"]


@pytest.mark.parametrize("context, expected", [
    ("( tei:classSpec | tei:dataSpec )/tei:listRef/tei:ptr", [{"listRef", "ptr"}]),
    ("tei:text/tei:body//tei:s", [{"text", "body", "s"}]),
    ("tei:a | tei:b/tei:c", [{"a"}, {"b", "c"}]),
    ("tei:a[tei:b/tei:c]", [{"a"}]),
    ("ancestor::tei:q/attribute::foo", [{"q"}]),
    ("tei:a[x] union tei:b[y]", [set()]),
    ("id('a')/tei:p", [{"p"}]),
])
def test_context_paths_name_every_element_step(context, expected):
    from teikit.validate.xpath import context_paths

    assert [set(p) for p in context_paths(context)] == expected


def test_rule_on_a_path_fires_only_when_every_step_element_occurs(tmp_path):
    options = _schema(tmp_path, """
      <pattern id="path"><rule context="tei:div/tei:p//tei:hi | tei:list/tei:item">
        <report test="true()">path</report></rule></pattern>""")
    tei = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">%s</TEI>'
    assert _codes(tei % b"<div><p><q><hi/></q></p></div>", options) == ["path"]
    assert _codes(tei % b"<list><item/></list><p><hi/></p>", options) == ["path"]
    assert _codes(tei % b"<p><hi/></p><item/>", options) == []


def _all_diagnostics(paths, options):
    return [[d.format() for d in validate(str(p), options).diagnostics] for p in paths]


def test_checks_run_at_once_give_what_they_give_node_by_node(monkeypatch, tei_all_rng):
    """Batched checks (one XPath per check over all the rule's nodes) against the node-by-node
    path, on the TEI samples and teikit's invalid examples (many failing nodes)."""
    from pathlib import Path

    from conftest import TEI_ALL, TEI_SAMPLES
    import teikit.validate.schematron as schematron

    data = Path(__file__).parent / "data" / "invalid"
    paths = sorted(TEI_SAMPLES.glob("test*.xml")) + sorted(data.glob("*.xml"))
    options = ValidateOptions(tei_all=str(TEI_ALL))
    batched = _all_diagnostics(paths, options)
    monkeypatch.setattr(schematron, "_failing", lambda *args: None)
    assert _all_diagnostics(paths, options) == batched
    assert sum(map(len, batched)) > 50


def test_batched_checks_see_pattern_variables(tmp_path):
    options = _schema(tmp_path, """
      <pattern id="let"><let name="limit" value="2"/>
        <rule context="tei:p"><assert test="count(tei:hi) &lt;= $limit">too many in <value-of select="@n"/></assert>
          <report test="@n = $limit">n is <value-of select="$limit"/></report></rule></pattern>""")
    doc = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p n="1"><hi/><hi/><hi/></p><p n="2"><hi/></p>'
           b'<div><p n="3"/><p n="4"><hi/><hi/><hi/></p></div></TEI>')
    assert [d.message for d in validate(doc, options).diagnostics] == ["too many in 1", "n is 2", "too many in 4"]


def test_checks_asking_for_position_run_node_by_node(tmp_path, monkeypatch):
    import teikit.validate.schematron as schematron

    options = _schema(tmp_path, """
      <pattern id="pos"><rule context="tei:p"><assert test="@n">no n</assert>
        <report test="position() = 1">first</report></rule></pattern>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p/><p n="2"/><p/></TEI>'
    calls = []
    real = schematron._failing
    monkeypatch.setattr(schematron, "_failing", lambda *a: calls.append(a) or real(*a))
    result = validate(doc, options)
    assert calls == []  # not batched
    monkeypatch.setattr(schematron, "_failing", lambda *a: None)
    again = validate(doc, options)
    assert (result.diagnostics, result.skipped) == (again.diagnostics, again.skipped)


def test_lets_are_inlined_for_batched_checks_only_outside_predicates():
    from teikit.validate.rules import Check, Rule, batch_tests as _batch_tests

    def rule(lets, *tests):
        return Rule("tei:p", lets, tuple(Check("assert", t, (), "r", "error") for t in tests), "r")

    lets = (("n", "count(tei:hi)"), ("m", "$n + 1"))
    assert _batch_tests(rule(lets, "$m = 2 and $n != 3", "'$n' = $x")) == (
        "((count(tei:hi)) + 1) = 2 and (count(tei:hi)) != 3", "'$n' = $x")
    assert _batch_tests(rule(lets, "tei:hi[@n = $n]")) is None  # another context node there
    assert _batch_tests(rule((("n", "tei:hi[$x]"),), "$n")) == ("(tei:hi[$x])",)
    assert _batch_tests(rule((("n", "position()"),), "$n = 1")) is None
    assert _batch_tests(rule((("n", "1"),), "$n-1 = 0")) == ("$n-1 = 0",)  # `n-1` is one name


def test_batched_checks_with_lets_give_what_they_give_node_by_node(tmp_path, monkeypatch):
    import teikit.validate.schematron as schematron

    options = _schema(tmp_path, """
      <pattern id="lets"><let name="limit" value="2"/>
        <rule context="tei:p"><let name="n" value="count(tei:hi)"/><let name="over" value="$n &gt; $limit"/>
          <let name="first" value="tei:hi[1]"/>
          <assert test="not($over)">too many (<value-of select="$n"/>) in <value-of select="@n"/></assert>
          <report test="$first/@rend = 'x' or tei:hi[@n = 'y']">x in <value-of select="@n"/></report></rule></pattern>
      <pattern id="inside"><rule context="tei:p"><let name="pn" value="string(@n)"/>
          <report test="tei:hi[@n = $pn]">same n in <value-of select="$pn"/></report></rule></pattern>""")
    doc = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p n="1"><hi n="1"/><hi/><hi/></p><p n="2"><hi rend="x"/></p>'
           b'<div><p n="3"/><p n="4"><hi n="y"/><hi rend="x"/><hi/></p></div></TEI>')
    calls = []
    real = schematron._failing
    monkeypatch.setattr(schematron, "_failing", lambda *a: calls.append(a) or real(*a))
    result = [d.message for d in validate(doc, options).diagnostics]
    assert result == ["too many (3) in 1", "same n in 1", "x in 2", "too many (3) in 4", "x in 4"]
    assert [a[-1] is not None for a in calls] == [True]  # "lets" batched; "inside" node by node
    monkeypatch.setattr(schematron, "_failing", lambda *a: None)
    assert [d.message for d in validate(doc, options).diagnostics] == result


def test_key_values_of_attribute_regex_matches_are_those_of_re_match(monkeypatch):
    """key() indexes of `use="re:match(@a, 'regex', 'g')"` are computed in Python: the same as
    through lxml's re:match, on links with odd targets (absent, empty, white space, no match)."""
    from lxml import etree

    import teikit.validate.xpath.keys as keys
    from teikit.validate.xpath import Evaluators

    rx = "http://exslt.org/regular-expressions"
    namespaces = {"tei": NS["tei"], "re": rx, "r2": rx, "x": "urn:x"}
    doc = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{NS["tei"]}"><link target="#a #b"/><link/><link target=""/><link target="  #a\t#c "/>'
        '<link target="a b"/><link target="#é#ü"/><p target="#a"/></TEI>'))
    uses = ["re:match(@target, '#[^\\s]+', 'g')", " r2:match( @target ,'#\\w','g' ) ", "re:match(@target, '(#)a', 'g')",
            "re:match(@target, '#a', '')", "x:match(@target, '#a', 'g')", "re:match(@target, '[', 'g')"]
    assert [keys.attribute_matches(u, namespaces) is not None for u in uses] == [True, True, False, False, False, False]

    def index(use):
        xpath = Evaluators(namespaces, doc, keys.key_definitions((("k", "tei:link", use),), namespaces))
        return {v: [pos for pos, _ in entries] for v, entries in xpath.keys._build("k").items()}

    for use in uses[:2]:
        fast = index(use)
        with monkeypatch.context() as m:
            m.setattr(keys, "attribute_matches", lambda *a: None)
            assert index(use) == fast
        assert fast


@pytest.mark.parametrize("context, expected", [
    ("tei:*[@when]", (None, "{http://www.tei-c.org/ns/1.0}", ("when",), "")),
    ("tei:x[ (@a or @xml:id) ]", ("{http://www.tei-c.org/ns/1.0}x", "{http://www.tei-c.org/ns/1.0}",
                                   ("a", f"{{{XML_NS}}}id"), "")),
    ("*[@a][count(*) > 1]", (None, "", ("a",), "[count(*) > 1]")),
    ("tei:*[@a][@b = 1 and c]", (None, "{http://www.tei-c.org/ns/1.0}", ("a",), "[@b = 1 and c]")),
    ("tei:x[@a and @b]", ("{http://www.tei-c.org/ns/1.0}x", "{http://www.tei-c.org/ns/1.0}", ("a",), "[@a and @b]")),
    ("tei:x[@n = 'v'][c or d]", ("{http://www.tei-c.org/ns/1.0}x", "{http://www.tei-c.org/ns/1.0}", ("n",),
                                 "[@n = 'v'][c or d]")),
])
def test_indexed_contexts(context, expected):
    from teikit.validate.xpath import indexed_context

    assert tuple(indexed_context(context, NS)) == expected


@pytest.mark.parametrize("context", [
    "tei:p", "tei:*[@a] | tei:x[@b]", "tei:x/tei:y[@a]", "tei:x[@a or b]", "tei:x[@n = 'v'][1]",
    "tei:*[@a][1]", "tei:*[@a][count(*)]", "tei:*[@a][position() = 1]", "tei:*[@a][last() > 1]",
    "tei:*[@a][@b]", "undeclared:*[@a]", "tei:x[@undeclared:a]", "ancestor::tei:x[@a]", "tei:x[@a]/@b",
])
def test_contexts_not_indexed(context):
    """Other shapes, and predicates after the attribute test that could be numbers (a position
    among siblings in `//x[@a][n]`, among all candidates in `$nodes[n]`) or ask for positions."""
    from teikit.validate.xpath import indexed_context

    assert indexed_context(context, NS) is None


def test_indexed_selection_is_libxml2s():
    """Candidates from the attribute index, then the other predicates: the same elements, in
    the same order, as libxml2's own `//context`."""
    from lxml import etree

    from teikit.validate.specialise import DocumentNames
    from teikit.validate.xpath import compiled_xpath, context_selector, indexed_select

    tree = etree.ElementTree(etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:o="urn:o" a="0"><p a="1" b="1"><hi b="2" xml:id="h"/>'
        b'<o:hi a="3"/></p><p b="3"><hi a="4" b="4"><hi a="5"/></hi></p><q xml:id="q"/></TEI>'))
    names = DocumentNames(tree.getroot())
    ns = dict(NS, o="urn:o")
    for context in ("tei:*[@a]", "tei:*[@b or @a]", "*[@a or @xml:id]", "o:*[@a]", "tei:hi[@a or @b]",
                    "tei:*[@a or @c]", "tei:*[@c]", "tei:*[@a or @b][@b > 1]", "tei:*[@b][count(*) = 0 or @a]",
                    "tei:hi[@b = '2' or @a > 4]", "tei:*[@a and not(@b)]", "tei:p[@b >= 1 and count(*) > 1]"):
        expected = compiled_xpath(context_selector(context), ns)(tree)
        assert indexed_select(context, ns, names, lambda e: compiled_xpath(e, ns), tree) == expected, context
