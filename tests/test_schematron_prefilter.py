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
])
def test_context_attributes_of_provable_shapes(context, expected):
    assert context_attributes(context, NS) == expected


@pytest.mark.parametrize("context", [
    "tei:p", "tei:*[@a] | tei:x", "tei:x[@a or c]", "tei:x[@a or @b = 'c']", "tei:x[not(@a)]",
    "tei:x[@a | @b]", "tei:x[1]", "tei:x[@undeclared:a]", "tei:*[ starts-with(@spanTo, '#') ]",
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
