"""Schematron: teikit's rules (one invalid example each) and the TEI Guidelines' embedded rules."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.tei import parse_xml_file
from teikit.validate import ValidateOptions, validate
from teikit.validate.rules import rule_uses_xpath1
from teikit.validate.schematron import SCH_NS, evaluate, load_rules
from teikit.validate.xpath import is_xpath1

from golden import check_golden_text

from conftest import TEI_ALL, TEI_SAMPLES

DATA = Path(__file__).parent / "data"
INVALID = DATA / "invalid"
TEIKIT_SCH = Path(__file__).parents[1] / "schema" / "teikit.sch"
RULE_IDS = [p.get("id") for p in parse_xml_file(TEIKIT_SCH).getroot().iter(f"{{{SCH_NS}}}pattern")]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sch-cache"))


def messages(path: Path, options: ValidateOptions) -> str:
    result = validate(str(path), options)
    return "".join(d.format().replace(str(path), path.name) + "\n" for d in result.diagnostics)




def test_every_teikit_rule_has_an_id_and_an_invalid_example():
    assert RULE_IDS and all(RULE_IDS) and len(set(RULE_IDS)) == len(RULE_IDS)  # as many as teikit.sch has
    for rule_id in RULE_IDS:
        assert (INVALID / f"{rule_id}.xml").is_file(), rule_id
        assert (INVALID / f"{rule_id}.messages.txt").is_file(), rule_id
    examples = {p.name.split(".")[0] for p in INVALID.glob("teikit-*.xml")}
    assert examples == set(RULE_IDS), "an example without a rule, or a rule without an example"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_invalid_example_gives_expected_messages(rule_id, accept):
    path = INVALID / f"{rule_id}.xml"
    actual = messages(path, ValidateOptions(schema="teikit"))
    assert f"[{rule_id}]" in actual, f"{rule_id} did not fire on its own example"
    check_golden_text(actual, INVALID / f"{rule_id}.messages.txt", accept)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_only_its_own_rule_fires_among_schematron_rules(rule_id):
    result = validate(str(INVALID / f"{rule_id}.xml"), ValidateOptions(schema="teikit"))
    fired = {d.code for d in result.diagnostics if not d.code.startswith("rng:")}
    assert fired == {rule_id}


def test_minimal_teikit_document_passes_every_rule():
    result = validate(str(DATA / "validate" / "minimal.tei.xml"), ValidateOptions(schema="teikit"))
    assert result.valid and not result.diagnostics and "sch:teikit" in result.checked


def test_unaligned_bead_pointing_to_the_other_division_counts():
    """docs/encoding.md: a 1:0 bead is `target="#en-s7 #zh"` with type="unaligned"."""
    text = (DATA / "validate" / "minimal.tei.xml").read_text(encoding="utf-8")
    text = text.replace('<link target="#en-s1 #en-s2 #zh-s1"/>',
                        '<link target="#en-s1 #zh-s1"/>\n      <link type="unaligned" target="#en-s2 #zh"/>')
    result = validate(text.encode(), ValidateOptions(schema="teikit"))
    assert result.valid, [d.format() for d in result.diagnostics]


def test_sentence_rule_applies_only_with_a_translation_link_group():
    text = (DATA / "validate" / "minimal.tei.xml").read_text(encoding="utf-8")
    start, end = text.index("  <standOff>"), text.index("</standOff>") + len("</standOff>\n")
    result = validate((text[:start] + text[end:]).encode(), ValidateOptions(schema="teikit"))
    assert result.valid, [d.format() for d in result.diagnostics]


# ---- the TEI Guidelines' own rules, embedded in tei_all.rng


@pytest.fixture(scope="module")
def tei_rules(shared):
    return load_rules(parse_xml_file(TEI_ALL).getroot(), "tei_all", "tei_all:")


def test_all_embedded_tei_patterns_are_extracted(tei_rules):
    assert len(tei_rules.patterns) == 93
    assert sum(len(r.checks) for p in tei_rules.patterns for r in p.rules) == 103


def test_tei_rules_fire_with_rule_id_and_line(accept, shared):
    path = DATA / "validate" / "tei-rules.xml"
    actual = messages(path, ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL)))
    for rule in ("tei_all:s-noNestedS", "tei_all:link-linkTargets3", "tei_all:p-abstractModel-structure-p-in-l"):
        assert rule in actual
    check_golden_text(actual, DATA / "validate" / "tei-rules.messages.txt", accept)


def test_rng_only_skips_schematron(shared):
    path = DATA / "validate" / "tei-rules.xml"
    result = validate(str(path), ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL), rng_only=True))
    assert {d.code for d in result.diagnostics} == {"rng:tei_all"}
    assert result.checked == ("rng:tei_all",)


@pytest.mark.parametrize("name", ["testP5ExTcp1.xml", "testStructure1.xml", "tei_simplePrint.doc.xml"])
def test_xpath1_fast_path_agrees_with_elementpath(name, tei_rules, monkeypatch):
    """Rules run on libxml2 when they are XPath 1.0; elementpath must find the same failures."""
    from teikit.validate import rules

    tree = parse_xml_file(TEI_SAMPLES / name, collect_ids=False)
    fast = evaluate(tei_rules, tree, name)
    monkeypatch.setattr(rules, "rule_uses_xpath1", lambda *args: False)
    slow = evaluate(tei_rules, tree, name)
    assert sorted(map(repr, fast.diagnostics)) == sorted(map(repr, slow.diagnostics))
    assert fast.skipped == slow.skipped


def test_some_tei_rules_use_each_engine(tei_rules):
    kinds = {rule_uses_xpath1(r, tei_rules.namespaces) for p in tei_rules.patterns for r in p.rules}
    assert kinds == {True, False}


def test_xpath2_only_syntax_is_not_taken_for_xpath1():
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    assert is_xpath1("@target and @cRef", ns)
    assert not is_xpath1("@scheme eq 'free'", ns)
    assert not is_xpath1("tokenize(@a, ' ')", ns)
    assert not is_xpath1("@a = ('x', 'y')", ns)
    assert not is_xpath1("$x", ns)
    assert not is_xpath1("current()/@n", ns)


def test_rule_with_unsupported_function_is_skipped_and_others_still_run(tmp_path):
    sch = tmp_path / "x.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}" queryBinding="xslt2">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern id="exotic"><rule context="tei:p"><assert test="saxon:evaluate('1')">x</assert></rule></pattern>
      <pattern id="plain"><rule context="tei:p"><report test="true()">p at <name/></report></rule></pattern>
    </schema>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p/></TEI>'
    result = validate(doc, ValidateOptions(schema=str(sch)))
    assert [d.code for d in result.diagnostics] == ["plain"]
    assert result.diagnostics[0].message == "p at p"
    assert len(result.skipped) == 1 and result.skipped[0].startswith("exotic:")


def test_within_a_pattern_each_node_goes_to_the_first_rule_matching_it(tmp_path):
    """A later rule sees only the nodes earlier rules of its pattern left (rules of one engine;
    batched or not), and a node is reported once per pattern."""
    sch = tmp_path / "x.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}" queryBinding="xslt2">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern id="one"><rule context="tei:p[@n]"><report test="true()">p with n</report></rule>
        <rule context="tei:p"><report test="true()">other p</report></rule>
        <rule context="tei:*"><report test="true()">element</report></rule>
        <rule context="tei:q"><report test="true()">never</report></rule></pattern>
      <pattern id="two"><rule context="tei:q"><report test=". instance of element()">q</report></rule>
        <rule context="tei:*[@n]"><report test=". instance of element()">with n</report></rule></pattern>
    </schema>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p n="1"/>\n<p/>\n<q n="3"/>\n<p n="2"/>\n<p/>\n</TEI>'
    result = validate(doc, ValidateOptions(schema=str(sch)))
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "element"), (2, "p with n"), (2, "with n"), (3, "other p"), (4, "element"), (4, "q"),
        (5, "p with n"), (5, "with n"), (6, "other p")]


def test_a_node_claimed_by_a_rule_of_one_engine_is_not_seen_by_a_rule_of_the_other(tmp_path):
    """XPath 1.0 rules run in libxml2 and XPath 2.0 rules in elementpath, which wraps the
    elements it selects: within a pattern a node is still reported by the first rule only."""
    sch = tmp_path / "x.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}" queryBinding="xslt2">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern id="mixed"><rule context="tei:p[@n]"><report test="true()">p with n</report></rule>
        <rule context="tei:*"><report test=". instance of element()">element</report></rule>
        <rule context="tei:q"><report test="true()">never</report></rule></pattern>
    </schema>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p n="1"/>\n<p/>\n<q/>\n</TEI>'
    result = validate(doc, ValidateOptions(schema=str(sch)))
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "element"), (2, "p with n"), (3, "element"), (4, "element")]


def test_unresolved_pointers_search_the_identified_elements_once_per_document(monkeypatch):
    """teikit-pointer-resolves lists a document's xml:ids once (a pattern let), not once per
    failing element: that made a large TEI document with many outside pointers quadratic."""
    from teikit.validate.xpath import LxmlEngine

    calls = []
    original = LxmlEngine.value
    monkeypatch.setattr(LxmlEngine, "value",
                        lambda self, expr, node, variables: calls.append(expr) or original(self, expr, node, variables))
    refs = "".join(f'<ref target="#nowhere-{i}">x</ref>' for i in range(40))
    doc = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="here">{refs}</p></TEI>'.encode()
    result = validate(doc, ValidateOptions(schema="teikit"))
    unresolved = [d for d in result.diagnostics if d.code == "teikit-pointer-resolves"]
    assert len(unresolved) == 40 and "#nowhere-7" in unresolved[7].message
    assert calls.count("//*[@xml:id]") == 1


def test_let_value_of_and_current_are_supported(tmp_path):
    sch = tmp_path / "y.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}" queryBinding="xslt2">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern id="count"><rule context="tei:p"><let name="n" value="count(tei:s)"/>
        <assert test="$n lt 2 and not(//tei:p[. is current()]/following-sibling::tei:p)">p has <value-of select="$n"/> s</assert>
      </rule></pattern>
    </schema>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><s/><s/></p><p><s/></p></TEI>'
    result = validate(doc, ValidateOptions(schema=str(sch)))
    assert [d.message for d in result.diagnostics] == ["p has 2 s"]


def test_rules_stay_right_when_duplicate_ids_disable_the_id_table():
    """A duplicate xml:id makes the parser drop its ID table; the id()-based fast paths must
    fall back, not report every pointer and link."""
    text = (DATA / "validate" / "minimal.tei.xml").read_bytes().replace(b'<p xml:id="zh-p1"', b'<p xml:id="en-p1"')
    result = validate(text, ValidateOptions(schema="teikit"))
    assert {d.code for d in result.diagnostics} == {"rng:teikit"}
    broken = text.replace(b'<link target="#en-s1 #en-s2 #zh-s1"/>', b'<link target="#en-s1 #en-s2 #zh-s1 #gone"/>')
    codes = [d.code for d in validate(broken, ValidateOptions(schema="teikit")).diagnostics]
    assert codes.count("teikit-pointer-resolves") == 1 and "teikit-link-bilingual" not in codes


def test_xsl_key_lookups(tmp_path):
    sch = tmp_path / "k.sch"
    sch.write_text(f"""<schema xmlns="{SCH_NS}" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <xsl:key name="by-n" match="tei:p" use="@n"/>
      <pattern id="unique-n"><rule context="tei:p">
        <assert test="count(key('by-n', @n)) = 1">n="<value-of select="@n"/>" used <value-of select="count(key('by-n', @n))"/> times</assert>
      </rule></pattern>
      <pattern id="undeclared"><rule context="tei:TEI"><assert test="key('nope', 'x')">never</assert></rule></pattern>
    </schema>""")
    doc = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p n="1"/><p n="2"/><p n="1"/></TEI>'
    result = validate(doc, ValidateOptions(schema=str(sch)))
    assert [d.message for d in result.diagnostics] == ['n="1" used 2 times', 'n="1" used 2 times']
    assert [s.split(":")[0] for s in result.skipped] == ["undeclared"]


@pytest.mark.parametrize("name", ["testP5ExTcp1.xml", "generalP5.xml", "testPure1ValidInstance.xml"])
def test_prefilter_never_skips_a_rule_whose_context_matches(name, tei_rules):
    """might_match may only say no when elementpath's full XPath 2.0 selects nothing."""
    from teikit.validate.xpath import XPath2Engine, might_match

    from teikit.validate.specialise import DocumentNames

    tree = parse_xml_file(TEI_SAMPLES / name, collect_ids=False)
    present = DocumentNames(tree.getroot())
    engine = XPath2Engine(tree, tei_rules.namespaces)
    skipped = 0
    for pattern in tei_rules.patterns:
        for rule in pattern.rules:
            if not might_match(rule.context, tree, tei_rules.namespaces, present):
                skipped += 1
                assert engine.select(rule.context) == [], rule.context
    assert skipped > 30


def test_tei_rules_needing_xpath3_and_generate_id_run(accept, shared):
    """Two TEI rules use XPath 3.0 `||` and XSLT's generate-id(): both run, none is skipped."""
    path = DATA / "validate" / "tei-rules-odd.xml"
    result = validate(str(path), ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL)))
    codes = {d.code for d in result.diagnostics}
    assert {"tei_all:moduleRef-prefix-not-same-prefix", "tei_all:attList-no_duplicate_attrs"} <= codes
    assert result.skipped == ()
    check_golden_text(messages(path, ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL))),
                      DATA / "validate" / "tei-rules-odd.messages.txt", accept)


def test_every_tei_rule_expression_parses(tei_rules):
    """No TEI rule is left to be skipped for syntax: all parse in XPath 2.0 or 3.0."""
    from teikit.validate.xpath import XPath2Engine, context_selector

    engine = XPath2Engine(etree.ElementTree(etree.fromstring(b"<TEI/>")), tei_rules.namespaces)
    for pattern in tei_rules.patterns:
        for rule in pattern.rules:
            exprs = [context_selector(rule.context), *(v for _, v in pattern.lets + rule.lets)]
            for check in rule.checks:
                exprs += [check.test] + [v for k, v in check.message if k == "value-of" or (k == "name" and v)]
            for expr in exprs:
                engine._token(expr)


def test_key_lookups_are_per_thread():
    """Each thread's key() answers from its own document."""
    from concurrent.futures import ThreadPoolExecutor

    good = (DATA / "validate" / "minimal.tei.xml").read_bytes()
    bad = (INVALID / "teikit-sentence-in-one-link.xml").read_bytes()
    docs = [good, bad] * 20
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda d: validate(d, ValidateOptions(schema="teikit")).valid, docs))
    assert results == [True, False] * 20


def test_evaluators_get_only_the_namespaces_and_functions_their_expression_uses():
    """Set up for what the expression names: the same results as with every namespace,
    key() and EXSLT regular expressions."""
    from teikit.validate.xpath import classify

    ns = {"tei": "http://www.tei-c.org/ns/1.0", "re": "http://exslt.org/regular-expressions",
          "date": "http://exslt.org/dates-and-times", "o": "urn:other"}
    tree = etree.ElementTree(etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p when="2020-01-02" n="a1"/><p n="b"/></TEI>'))
    for expr, used, key, regexp in [
        ("//tei:p[re:test(@n, '[0-9]')]/@n", {"tei", "re"}, False, True),
        ("count(//tei:*[date:year(@when) = 2020])", {"tei", "date"}, False, False),
        ("string(descendant-or-self::tei:p[1]/@n)", {"tei"}, False, False),
        ("'o:x' = concat('o', ':x')", set(), False, False),
        ("count(key('k', 'tei:x'))", set(), True, False),
    ]:
        setup = classify.setup(expr, classify.ns_items(ns))
        assert (set(setup[0]), setup[1], setup[2]) == (used, key, regexp)
        if not key:
            compiled = classify.compile_xpath(expr, classify.ns_items(ns))
            assert compiled(tree) == etree.XPath(expr, namespaces=ns)(tree)


def test_indexed_contexts_select_what_libxml2_selects(tei_rules):
    """Contexts answered from the attribute index (`tei:*[@when]`, teikit's pointer rule): the
    same elements, in the same order, as libxml2's `//context`, on the TEI samples and teikit's
    examples."""
    from teikit.validate.specialise import DocumentNames
    from teikit.validate.xpath import Evaluators, context_selector, indexed_context, indexed_select

    teikit_rules = load_rules(parse_xml_file(TEIKIT_SCH).getroot(), "teikit")
    contexts = [(r.context, rules.namespaces) for rules in (tei_rules, teikit_rules)
                for p in rules.patterns for r in p.rules if indexed_context(r.context, rules.namespaces)]
    assert len(contexts) >= 10
    paths = sorted(TEI_SAMPLES.glob("test*.xml")) + sorted(INVALID.glob("*.xml")) + [DATA / "validate" / "minimal.tei.xml"]
    found = 0
    for path in paths:
        tree = parse_xml_file(path)
        names = DocumentNames(tree.getroot())
        for context, ns in contexts:
            xpath = Evaluators(ns, tree)
            expected = xpath(context_selector(context))(tree)
            assert indexed_select(context, ns, names, xpath, tree) == expected
            found += len(expected)
    assert found > 100


def test_node_order_rewritten_for_libxml2_means_the_same():
    """`id(...) >> .` (the TEI's spanTo rule) in XPath 1.0 gives elementpath's answers."""
    from lxml import etree

    from teikit.validate.xpath import XPath2Engine, node_order_as_xpath1

    doc = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        b'<p xml:id="p1"><delSpan xml:id="d1" spanTo="#a2"/>x<anchor xml:id="a1"/></p>'
        b'<p xml:id="p2"><anchor xml:id="a2"/><delSpan xml:id="d2" spanTo="#a1"/>'
        b'<addSpan xml:id="d3" spanTo="#nowhere"/><delSpan xml:id="d4" spanTo="#p2"/></p>'
        b'</body></text></TEI>').getroottree()
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    engine = XPath2Engine(doc, ns)
    for test in ("id( substring( @spanTo, 2 ) ) >> .", "id(substring(@spanTo, 2)) << ."):
        rewritten = node_order_as_xpath1(test)
        assert rewritten != test and ">>" not in rewritten and "<<" not in rewritten
        for el in doc.iter("{*}delSpan", "{*}addSpan"):
            expected = engine.boolean(test, engine.node_for(el), {})
            assert bool(el.xpath(rewritten, namespaces=ns)) == expected, (test, el.get("spanTo"))
    assert node_order_as_xpath1("@a = 'x' >> .") == "@a = 'x' >> ."  # literals: left alone
